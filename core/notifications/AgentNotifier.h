#pragma once

#include <QObject>
#include <QPointer>

namespace countersign::agent {
class AgentService;
class AgentSession;
} // namespace countersign::agent

namespace countersign::notifications {

class ApprovalNotifier;
class NotificationService;

// Tells the person when the app's own agent waits on them for a device code (a tool call that
// needs device-flow authorization), window open or not: the tool and the code, plain text, and
// Review, which opens the code on the "Enter code" page. Withdrawn when the call ends (its result
// arrives) or the conversation is cleared. Quiet while the ApprovalNotifier is paused.
class AgentNotifier : public QObject
{
    Q_OBJECT
public:
    AgentNotifier(agent::AgentService *agents, NotificationService *service, const ApprovalNotifier *pause,
                  QObject *parent = nullptr);

Q_SIGNALS:
    // "Review": the device's verification link (with the code) when the provider gave one, else the code.
    void codeRequested(const QString &linkOrCode);

private:
    void follow(agent::AgentSession *session);
    void onMessage(int index);
    void withdrawAll();

    agent::AgentService *m_agents;
    NotificationService *m_service;
    const ApprovalNotifier *m_pause;
    QPointer<agent::AgentSession> m_session;
};

} // namespace countersign::notifications
