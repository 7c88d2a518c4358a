#pragma once

#include "agent/Conversation.h"

#include <QAbstractListModel>
#include <QHash>
#include <QSet>
#include <QtQml/qqmlregistration.h>

namespace countersign::gui {

// The chat as a list for the chat page: one row per agent::Message, oldest first, every text
// role sanitized plain text (rar/PlainText.h) ready for Text.PlainText. An interrupt row carries
// only what the person needs to act (binding message, user code, links, connection, expiry):
// the handles to resume with (a CIBA auth_req_id, a device_code) never reach QML.
class ChatMessageModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Use Chat.messages")
    // How many calls wait on the person right now (an interrupt that is still open).
    Q_PROPERTY(int waitingCount READ waitingCount NOTIFY waitingCountChanged)

public:
    enum Role
    {
        KindRole = Qt::UserRole + 1, // "user", "assistant", "tool_call", "tool_result", "interrupt"
        TextRole,                    // user/assistant text; for an interrupt, what it waits for in words
        ToolNameRole,
        ArgumentsRole,     // tool_call: [{name, value}], one line each
        ResultSummaryRole, // tool_result: the error in words, or "field: value" lines
        ResultViewRole,    // tool_result: the answer by its shape (agent::ToolResultView) as a map
        IsErrorRole,       // tool_result: the call failed
        CallIdRole,        // the backend's id of the call (a key for retry/cancelCall; not for display)
        CallStateRole,     // tool_call: "running", "waiting" (on the person), "done", "failed"
        OpenRole,          // interrupt: the call still waits on this interrupt
        SupersededRole,    // interrupt: a newer interrupt of the same call replaced it
        InterruptTypeRole, // "async_authorization", "device_authorization", "connect_account"
        BindingMessageRole,
        UserCodeRole,
        VerificationUriRole,         // http(s) only, encoded; "" otherwise
        VerificationUriCompleteRole, // http(s) only, encoded; "" otherwise
        ConnectionRole,              // e.g. "google-oauth2"
        ConnectionNameRole,          // e.g. "Google"
        ConnectUriRole,              // http(s) only, encoded; "" otherwise
        ExpiresAtRole                // ISO 8601 UTC, for Countdown.secondsUntil(); "" when none
    };
    Q_ENUM(Role)

    explicit ChatMessageModel(QObject *parent = nullptr);

    // Shows `conversation` (a copy is kept: the session may go away).
    void reset(const agent::Conversation &conversation);
    void clear();
    // The session appended `message` as row `count()`.
    void append(const agent::Message &message);
    qsizetype count() const { return m_messages.size(); }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int waitingCount() const;

Q_SIGNALS:
    void waitingCountChanged();

private:
    void remember(qsizetype row);
    void touch(qsizetype row);
    bool isOpen(qsizetype row) const;
    QString callState(const agent::Message &call) const;

    QList<agent::Message> m_messages;
    QHash<QString, qsizetype> m_callRow;         // callId -> its tool_call row
    QHash<QString, qsizetype> m_latestInterrupt; // callId -> its newest interrupt row
    QHash<QString, bool> m_resultIsError;        // callId -> has a result (and whether an error)
    int m_waitingCount = 0;
};

} // namespace countersign::gui
