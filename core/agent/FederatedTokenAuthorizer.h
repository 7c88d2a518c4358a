#pragma once

#include "agent/Authorizer.h"
#include "oauth/TokenSet.h"

#include <QObject>
#include <QSet>
#include <QUrl>

#include <functional>

namespace countersign::agent {

// A federated token (Auth0 Token Vault style): before the tool runs, the person's session token
// is exchanged (RFC 8693) for an access token of a third-party account they connected (the
// `connection`, e.g. "google-oauth2"). When they have not connected it, the call waits on a
// "connect_account" interrupt: the chat offers the page where they connect it, and tries again
// when asked (AgentSession::retryCall). Tokens are kept in memory until shortly before expiry.
class FederatedTokenAuthorizer : public QObject, public Authorizer
{
    Q_OBJECT
public:
    // Exchanges the person's token for one of `connection` (SessionManager::exchangeForConnection).
    using Exchange = std::function<void(const QString &connection, Callback<oauth::TokenSet>)>;
    struct Options
    {
        QString connection;  // e.g. "google-oauth2"
        QString accountName; // how the person knows it, e.g. "Google"
        QUrl connectUri;     // where to connect it in the browser; may be empty
    };

    FederatedTokenAuthorizer(Exchange exchange, Options options, QObject *parent = nullptr);

    void authorize(const QString &callId, const nlohmann::json &arguments,
                   AuthorizationReport report) override;
    void resume(const QString &callId, const nlohmann::json &interrupt, AuthorizationReport report) override;
    void cancel(const QString &callId) override;

    void forget() { m_granted = {}; }

private:
    void tryExchange(const QString &callId, AuthorizationReport report);

    Exchange m_exchange;
    Options m_options;
    QSet<QString> m_open; // calls being worked on (a cancelled one hears nothing more)
    oauth::TokenSet m_granted;
};

} // namespace countersign::agent
