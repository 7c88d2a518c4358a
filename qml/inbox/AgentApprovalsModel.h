#pragma once

#include "agent/Conversation.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

namespace countersign::agent {
class AgentSession;
}

namespace countersign::gui {

// The approvals this app's own agent asked for and where they stand, newest first: what the
// inbox shows for a provider whose approvals reach the person elsewhere (Auth0 Guardian).
// Roles: callId, toolName, bindingMessage, status ("waiting", "approved", "denied", "expired",
// "failed"), secondsLeft (while waiting), problem (for "failed"). Server text is plain text.
class AgentApprovalsModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Use Inbox.agentApprovals")
    // How many requests still wait for a decision.
    Q_PROPERTY(int waitingCount READ waitingCount NOTIFY waitingCountChanged)

public:
    enum Role
    {
        CallIdRole = Qt::UserRole + 1,
        ToolNameRole,
        BindingMessageRole,
        StatusRole,
        SecondsLeftRole,
        ProblemRole
    };

    explicit AgentApprovalsModel(QObject *parent = nullptr);

    // The agent whose conversation to follow (null: none, e.g. signed out).
    void setSession(agent::AgentSession *session);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    int waitingCount() const;

Q_SIGNALS:
    void waitingCountChanged();

private:
    void reload();

    QPointer<agent::AgentSession> m_session;
    QList<agent::AgentApproval> m_approvals;
    QTimer m_tick; // counts the time left down while something waits
    int m_waiting = 0;
};

} // namespace countersign::gui
