#pragma once

#include "agent/AgentSession.h"
#include "chat/ChatMessageModel.h"

#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

#include <functional>

class QJSEngine;
class QQmlEngine;

namespace countersign::gui {

// The `Chat` singleton the agent page binds to: adapts an agent::AgentSession (the chat with the
// agent, its tool calls and the interrupts they wait on) to properties, a list model and
// invokables. The app hands it the session when the person signs in, and null (with the reason)
// when there is none. No agent or OAuth logic lives here.
class ChatViewModel : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(Chat)
    QML_SINGLETON
    // True while there is an agent session to chat with.
    Q_PROPERTY(bool available READ available NOTIFY sessionChanged)
    // Why there is no agent to chat with ("Sign in to chat with the agent."); empty when available.
    Q_PROPERTY(QString unavailableReason READ unavailableReason NOTIFY sessionChanged)
    // What answers, named honestly ("Rule-based demo agent (no language model)", a model's name).
    Q_PROPERTY(QString backendLabel READ backendLabel NOTIFY sessionChanged)
    // The OAuth client the agent asks for approvals as: the inbox request of a CIBA interrupt is
    // the one from this client with the interrupt's binding message. Empty: any client.
    Q_PROPERTY(QString agentClientId READ agentClientId NOTIFY sessionChanged)
    // True while the agent answers, or a call runs or waits on the person.
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    // The reply being streamed right now, plain text (empty between replies).
    Q_PROPERTY(QString streamingText READ streamingText NOTIFY streamingTextChanged)
    // The conversation, oldest first.
    Q_PROPERTY(countersign::gui::ChatMessageModel *messages READ messages CONSTANT)
    // The last thing that went wrong (the chat could not be saved, the backend failed, a link
    // could not be opened), in words; empty otherwise. Cleared by the next send().
    Q_PROPERTY(QString problem READ problem NOTIFY problemChanged)

public:
    using BrowserOpener = std::function<bool(const QUrl &)>;

    // `openBrowser` opens links (connect pages, verification pages); an empty one: QDesktopServices.
    // (No default: QML in Qt 6.4 would build a default-constructible singleton itself, not ask
    // create() for the app's instance.)
    explicit ChatViewModel(BrowserOpener openBrowser, QObject *parent = nullptr);

    static void setInstance(ChatViewModel *instance);
    static ChatViewModel *create(QQmlEngine *qmlEngine, QJSEngine *jsEngine);

    // The session to show (not owned; it may be destroyed, which reads as setSession(nullptr)).
    // Call it after the session's load(). With none, `unavailableReason` says why; with one, a
    // non-empty reason is shown as the chat's problem (e.g. the saved conversation was unreadable).
    void setSession(agent::AgentSession *session, const QString &unavailableReason = {});
    void setAgentClientId(const QString &clientId);
    agent::AgentSession *session() const { return m_session; }

    bool available() const { return m_session != nullptr; }
    QString unavailableReason() const;
    QString backendLabel() const;
    QString agentClientId() const { return m_agentClientId; }
    bool busy() const;
    QString streamingText() const;
    ChatMessageModel *messages() const { return m_messages; }
    QString problem() const { return m_problem; }

    // Sends the person's message. False (nothing sent) while busy, without a session, or empty.
    Q_INVOKABLE bool send(const QString &text);
    // Stops the agent's turn and every call in progress.
    Q_INVOKABLE void stop();
    // Starts a new, empty chat (not while the agent works or a call waits).
    Q_INVOKABLE void clear();
    // Asks a call waiting on an interrupt to try again (e.g. after connecting an account).
    Q_INVOKABLE void retry(const QString &callId);
    // Gives up on one waiting call.
    Q_INVOKABLE void cancelCall(const QString &callId);
    Q_INVOKABLE void copy(const QString &text);
    // Opens an http(s) link in the browser; false (and `problem` says why) when it could not.
    Q_INVOKABLE bool openLink(const QString &url);

Q_SIGNALS:
    void sessionChanged();
    void busyChanged();
    void streamingTextChanged();
    void problemChanged();

private:
    void setProblem(const QString &problem);

    static inline QPointer<ChatViewModel> s_instance;

    BrowserOpener m_openBrowser;
    QPointer<agent::AgentSession> m_session;
    QString m_unavailableReason;
    QString m_agentClientId;
    ChatMessageModel *m_messages;
    QString m_problem;
    QList<QMetaObject::Connection> m_connections;
};

} // namespace countersign::gui
