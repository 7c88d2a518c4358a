#pragma once

#include "common/Result.h"
#include "config/ProviderConfig.h"
#include "config/Settings.h"
#include "oauth/ApiParameter.h"
#include "oauth/AuthorizationCodeFlow.h"
#include "oauth/Identity.h"
#include "oauth/ProviderMetadata.h"
#include "oauth/TokenSet.h"
#include "session/ProviderDialect.h"
#include "storage/AccountKey.h"

#include <QObject>
#include <QPointer>

#include <memory>

class QNetworkAccessManager;

namespace countersign::device {
struct DeviceAuthorization;
}
namespace countersign::net {
class HttpClient;
}
namespace countersign::oauth {
class DiscoveryClient;
class JwksCache;
class TokenClient;
} // namespace countersign::oauth
namespace countersign::storage {
class TokenStore;
}

namespace countersign::session {

// The signed-in session: signs in through the browser, keeps the tokens in the keychain (and only
// there), ends the session cleanly when the provider says it is over, and signs out (revoke +
// wipe). Renewing the tokens, which every Countersign process of the user shares, is
// SessionRenewal's job.
class DeviceSignIn;
class SessionRenewal;

class SessionManager : public QObject
{
    Q_OBJECT
public:
    enum class State
    {
        SignedOut,
        SigningIn,
        SignedIn,
        SigningOut
    };
    Q_ENUM(State)

    struct Options
    {
        // How long a browser sign-in waits for the browser to come back.
        std::chrono::milliseconds signInTimeout{std::chrono::minutes(5)};
    };

    SessionManager(QNetworkAccessManager *network, storage::TokenStore *store, QObject *parent = nullptr);
    SessionManager(QNetworkAccessManager *network, storage::TokenStore *store, Options options,
                   QObject *parent = nullptr);
    ~SessionManager() override;

    void setBrowserOpener(oauth::AuthorizationCodeFlow::BrowserOpener opener)
    {
        m_openBrowser = std::move(opener);
    }
    // How long before expiry the access token is renewed.
    void setRenewalMargin(std::chrono::seconds margin);

    State state() const { return m_state; }
    const oauth::Identity &identity() const { return m_identity; }
    const config::ProviderConfig &provider() const { return m_provider; }
    // How the provider differs from the others (API parameter, approval channel, login hint, …).
    ProviderDialect dialect() const { return ProviderDialect(m_provider); }
    // The scopes the provider granted in the current session.
    QStringList grantedScopes() const;

    // Loads the session last signed in at `provider` from the keychain, if any. Succeeds with
    // false when there is none. Needs no network.
    void restore(const config::ProviderConfig &provider, Callback<bool> done);
    void signIn(const config::ProviderConfig &provider, Callback<oauth::Identity> done);
    // Signs in with device flow (RFC 8628), for machines without a browser: `codeReady` gets the
    // code and the address where the person enters it (on any device), then the sign-in waits
    // until they approve. Errors: "no_device_flow", "access_denied", "expired_token",
    // "cancelled", and those of signIn().
    void signInWithDevice(const config::ProviderConfig &provider,
                          std::function<void(const device::DeviceAuthorization &)> codeReady,
                          Callback<oauth::Identity> done);
    // Stops a sign-in of either kind; its callback gets "cancelled".
    void cancelSignIn();
    // Revokes the refresh token at the provider and deletes every stored secret of the account.
    // Local secrets are deleted even when the provider cannot be reached (the error says so).
    void signOut(Callback<Done> done);

    // A valid access token for API calls, renewed first if it is about to expire.
    void accessToken(Callback<QByteArray> done);
    // An access token for one API (RFC 8707 resource indicator), obtained with the refresh token
    // and kept in memory only. The resource must have been part of the sign-in (see signIn()).
    // `renew` skips the cached one (the API refused it). Errors: "resource_not_granted", and those
    // of a refresh.
    void accessTokenFor(const QString &resource, bool renew, Callback<QByteArray> done);
    // RFC 8693 token exchange of the session's access token for a token of a federated
    // connection (Auth0 Token Vault style, e.g. "google-oauth2"). Errors keep the provider's code:
    // "federated_connection_refresh_token_not_found" means the person has not connected it.
    void exchangeForConnection(const QString &connection, Callback<oauth::TokenSet> done);
    // Calls `idle` once no token renewal (or sign-out) is waiting or running. Call it before the
    // process exits: a renewal cut short leaves a spent refresh token in the keychain, and the
    // next Countersign process to use it ends the session for everyone.
    void whenIdle(std::function<void()> idle);
    // The provider's discovery metadata (fetched once per provider).
    void metadata(Callback<oauth::ProviderMetadata> done);

Q_SIGNALS:
    void stateChanged(countersign::session::SessionManager::State state);
    void identityChanged();
    void authorizationUrlReady(const QUrl &url);
    // The provider ended the session (e.g. the refresh token was revoked); secrets are wiped.
    void sessionEnded(const countersign::Error &reason);
    // The access token was renewed (for views that show expiry).
    void tokensRenewed();
    // Renewed tokens could not be saved in the keychain (the message says what that means).
    void sessionNotSaved(const countersign::Error &reason);

private:
    void setState(State state);
    // The common start of a sign-in: forget the old session, fetch the provider's metadata, and
    // work out what to ask for (the configured scopes, plus the approval channel's).
    // Whether sign-in asks for the provider's approval channel (never at Auth0).
    bool usesApprovalChannel() const;
    // How this provider is told which API a token is for (`audience` at Auth0).
    oauth::ApiParameter apiParameter() const;
    // Trusts the provider's CA file, if it names one (process-wide, see net::trustCaFile).
    Status trustProvider(const config::ProviderConfig &provider);
    void beginSignIn(const config::ProviderConfig &provider, Callback<config::ProviderConfig> ready);
    // The resource indicators (RFC 8707) a sign-in asks for: the approval channel's, if any, and
    // the configured APIs.
    QStringList signInResources() const;
    // The common end: keep the session in the keychain (or fail without keeping anything).
    void completeSignIn(Result<oauth::SignInResult> result, Callback<oauth::Identity> done);
    void withMetadata(Callback<Done> done);
    void onSessionEnded(const Error &reason);
    void clearSession();
    // Tells the provider to end a session that could not be stored (nothing else would).
    void revokeUnstored(const oauth::TokenSet &tokens);

    net::HttpClient *m_http;
    storage::TokenStore *m_store;
    config::Settings m_settings;
    oauth::DiscoveryClient *m_discovery;
    std::unique_ptr<oauth::TokenClient> m_tokenClient;
    std::unique_ptr<oauth::JwksCache> m_jwks;
    QPointer<oauth::AuthorizationCodeFlow> m_flow;
    QPointer<DeviceSignIn> m_deviceSignIn;
    oauth::AuthorizationCodeFlow::BrowserOpener m_openBrowser;
    std::chrono::milliseconds m_signInTimeout;
    SessionRenewal *m_renewal;

    State m_state = State::SignedOut;
    config::ProviderConfig m_provider;
    oauth::Identity m_identity;
    bool m_cancelPending = false;
    quint64 m_generation = 0; // bumped whenever the session is cleared; stale answers are dropped
};

} // namespace countersign::session
