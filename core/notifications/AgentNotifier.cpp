#include "AgentNotifier.h"

#include "ApprovalNotifier.h"
#include "NotificationService.h"

#include "agent/AgentService.h"
#include "agent/AgentSession.h"
#include "common/Json.h"
#include "rar/PlainText.h"

namespace countersign::notifications {

namespace {

// Keys of these notifications: the app's own prefix, then the tool call's id.
const QString kKeyPrefix = QStringLiteral("countersign:agent:");
constexpr int kLineChars = 120;

} // namespace

AgentNotifier::AgentNotifier(agent::AgentService *agents, NotificationService *service,
                             const ApprovalNotifier *pause, QObject *parent)
    : QObject(parent), m_agents(agents), m_service(service), m_pause(pause)
{
    connect(m_agents, &agent::AgentService::sessionChanged, this, [this] { follow(m_agents->session()); });
    connect(m_service, &NotificationService::actionInvoked, this,
            [this](const QString &key, const QString &action) {
                if (!key.startsWith(kKeyPrefix) || !m_session ||
                    (action != ApprovalNotifier::reviewAction && action != u"default"))
                    return;
                const agent::Message *waiting =
                    m_session->conversation().pendingInterrupt(key.mid(kKeyPrefix.size()));
                if (!waiting)
                    return;
                const QString link = jsonString(waiting->interrupt, "verification_uri_complete");
                Q_EMIT codeRequested(link.isEmpty() ? jsonString(waiting->interrupt, "user_code") : link);
            });
    follow(m_agents->session());
}

void AgentNotifier::follow(agent::AgentSession *session)
{
    if (m_session == session)
        return;
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    withdrawAll();
    m_session = session;
    if (!m_session)
        return;
    connect(m_session, &agent::AgentSession::messageAdded, this, &AgentNotifier::onMessage);
    connect(m_session, &agent::AgentSession::cleared, this, &AgentNotifier::withdrawAll);
}

void AgentNotifier::onMessage(int index)
{
    const auto &messages = m_session->conversation().messages;
    if (index < 0 || index >= messages.size())
        return;
    const agent::Message &message = messages.at(index);
    const QString key = kKeyPrefix + message.callId;
    if (message.kind == agent::Message::Kind::ToolResult) {
        m_service->withdraw(key);
        return;
    }
    if (message.kind != agent::Message::Kind::Interrupt ||
        jsonString(message.interrupt, "type") != u"device_authorization" || m_pause->isPaused())
        return;
    const QString code = rar::displayText(jsonString(message.interrupt, "user_code"), kLineChars);
    const QString review = ApprovalNotifier::tr("Review");
    m_service->show(key, {tr("The agent waits for you to approve a device code"),
                          tr("%1 needs the code %2 approved. Review opens it on the \"Enter code\" page.")
                              .arg(rar::displayText(message.toolName, kLineChars), code),
                          {{QStringLiteral("default"), review}, {ApprovalNotifier::reviewAction, review}}});
}

void AgentNotifier::withdrawAll()
{
    for (const QString &key : m_service->shownKeys()) {
        if (key.startsWith(kKeyPrefix))
            m_service->withdraw(key);
    }
}

} // namespace countersign::notifications
