#pragma once

#include <QObject>
#include <QString>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace countersign::agent {
class AgentService;
}
namespace countersign::approvals {
class ApprovalChannel;
}
namespace countersign::session {
class ProviderResolver;
class SessionManager;
} // namespace countersign::session
namespace countersign::storage {
class TokenStore;
}

namespace countersign::services {

// The service graph both executables run on (countersign and countersign-cli), built in this one
// place: the network, the keychain, the session and the provider choice, the approval channel and
// the agent. Each front end then decides how they run: the app's approval channel follows the
// session, the CLI's looks the channel up once per command; the CLI picks the agent's backend
// before it follows the session.
class Services : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        // The folder, in the app's data location, where the agent keeps its conversations (one
        // file per account): the app's and the CLI's are apart.
        QString agentFolder;
    };

    explicit Services(const Options &options, QObject *parent = nullptr);
    ~Services() override;

    QNetworkAccessManager *network() const { return m_network.get(); }
    storage::TokenStore *tokenStore() const { return m_store.get(); }
    session::SessionManager *sessionManager() const { return m_session.get(); }
    session::ProviderResolver *providerResolver() const { return m_resolver.get(); }
    approvals::ApprovalChannel *approvalChannel() const { return m_approvals.get(); }
    agent::AgentService *agentService() const { return m_agent.get(); }

    // Before the process exits. A token renewal cut short would leave a spent refresh token in the
    // keychain, and the next Countersign process to use it would end the session for everyone:
    // calls `done` once no renewal (or sign-out) is waiting or running (SessionManager::whenIdle).
    void finishRenewalThen(std::function<void()> done);
    // The same once the application's event loop has ended (the app): a second event loop, after
    // the main one, until then, for 10 s at most.
    void finishRenewal();

private:
    // Declared in the order they are built; destroyed in reverse.
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<storage::TokenStore> m_store;
    std::unique_ptr<session::SessionManager> m_session;
    std::unique_ptr<session::ProviderResolver> m_resolver;
    std::unique_ptr<approvals::ApprovalChannel> m_approvals;
    std::unique_ptr<agent::AgentService> m_agent;
};

} // namespace countersign::services
