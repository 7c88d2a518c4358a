#include "SessionManager.h"

#include "config/SandboxFixtures.h"
#include "logging/Logging.h"
#include "net/HttpClient.h"
#include "net/TrustedCertificates.h"
#include "oauth/DiscoveryClient.h"
#include "oauth/JwksCache.h"
#include "oauth/OAuthErrors.h"
#include "oauth/TokenClient.h"
#include "session/DeviceSignIn.h"
#include "session/SessionErrors.h"
#include "session/SessionRenewal.h"
#include "session/SessionRetirement.h"
#include "session/StoredSession.h"
#include "storage/TokenStore.h"

#include <QNetworkAccessManager>

namespace countersign::session {

SessionManager::SessionManager(QNetworkAccessManager *network, storage::TokenStore *store, QObject *parent)
    : SessionManager(network, store, Options{}, parent)
{}

SessionManager::SessionManager(QNetworkAccessManager *network, storage::TokenStore *store, Options options,
                               QObject *parent)
    : QObject(parent), m_http(new net::HttpClient(network, this)), m_store(store),
      m_discovery(new oauth::DiscoveryClient(m_http, this)), m_signInTimeout(options.signInTimeout)
{
    m_renewal = new SessionRenewal(
        store,
        [this](Callback<oauth::TokenClient *> done) {
            withMetadata([this, done](Status ready) {
                if (!ready)
                    done(ready.error());
                else
                    done(m_tokenClient.get());
            });
        },
        this);
    connect(m_renewal, &SessionRenewal::renewed, this, &SessionManager::tokensRenewed);
    connect(m_renewal, &SessionRenewal::ended, this, &SessionManager::onSessionEnded);
    connect(m_renewal, &SessionRenewal::saveFailed, this, &SessionManager::sessionNotSaved);
}

SessionManager::~SessionManager() = default;

void SessionManager::setRenewalMargin(std::chrono::seconds margin)
{
    m_renewal->setRenewalMargin(margin);
}

QStringList SessionManager::grantedScopes() const
{
    return m_renewal->session().tokens.scopes;
}

void SessionManager::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void SessionManager::restore(const config::ProviderConfig &provider, Callback<bool> done)
{
    const std::optional<LastSession> last = LastSession::find(m_settings, provider);
    if (!last) {
        done(false);
        return;
    }
    if (const Status trusted = trustProvider(last->provider); !trusted) {
        done(trusted.error());
        return;
    }
    last->load(m_store, [this, last = last.value(), done](Result<std::optional<StoredSession>> stored) {
        if (!stored) {
            done(stored.error());
            return;
        }
        if (!stored.value()) {
            done(false);
            return;
        }
        m_provider = last.provider;
        m_identity = stored.value()->identity;
        m_renewal->start(last.key, std::move(*stored.value()));
        setState(State::SignedIn);
        Q_EMIT identityChanged();
        done(true);
    });
}

void SessionManager::withMetadata(Callback<Done> done)
{
    if (m_tokenClient && m_tokenClient->metadata().issuer == m_provider.issuer) {
        done(Done{});
        return;
    }
    m_discovery->discover(m_provider.issuer, [this, done](Result<oauth::ProviderMetadata> metadata) {
        if (!metadata) {
            done(metadata.error());
            return;
        }
        m_tokenClient = std::make_unique<oauth::TokenClient>(m_http, metadata.value(), m_provider.clientId);
        m_tokenClient->setApiParameter(apiParameter());
        m_jwks = std::make_unique<oauth::JwksCache>(m_http, metadata->jwksUri);
        done(Done{});
    });
}

void SessionManager::beginSignIn(const config::ProviderConfig &provider,
                                 Callback<config::ProviderConfig> ready)
{
    if (m_state == State::SigningIn || m_state == State::SigningOut) {
        ready(Error{QStringLiteral("busy"), tr("Another sign-in or sign-out is in progress.")});
        return;
    }
    if (const Status trusted = trustProvider(provider); !trusted) {
        ready(trusted.error());
        return;
    }
    clearSession();
    m_provider = provider;
    m_tokenClient.reset();
    setState(State::SigningIn);
    m_cancelPending = false;
    withMetadata([this, ready](Status haveMetadata) {
        if (std::exchange(m_cancelPending, false)) {
            setState(State::SignedOut);
            ready(Error{oauth::errors::cancelled, tr("Sign-in was cancelled.")});
            return;
        }
        if (!haveMetadata) {
            setState(State::SignedOut);
            ready(haveMetadata.error());
            return;
        }
        // A provider with an approval channel gets asked for access to it at sign-in, so that a
        // token for it can later be obtained with the refresh token (RFC 8707).
        config::ProviderConfig request = m_provider;
        const auto &metadata = m_tokenClient->metadata();
        if (usesApprovalChannel() && !request.scopes.contains(metadata.approvalsScope()))
            request.scopes << metadata.approvalsScope();
        // The sandbox's documents API, for the agent's document search (Auth0 takes one API per
        // sign-in: there the configured audience).
        if (metadata.isCountersignSandbox() && dialect().asksForSeveralApis() &&
            !request.apiResources.contains(config::sandbox::docsResource())) {
            request.apiResources << config::sandbox::docsResource();
            if (!request.scopes.contains(config::sandbox::docsScope()))
                request.scopes << config::sandbox::docsScope();
        }
        m_provider.apiResources = request.apiResources;
        ready(request);
    });
}

bool SessionManager::usesApprovalChannel() const
{
    return m_tokenClient && dialect().hasApprovalChannel(m_tokenClient->metadata());
}

oauth::ApiParameter SessionManager::apiParameter() const
{
    return dialect().apiParameter();
}

Status SessionManager::trustProvider(const config::ProviderConfig &provider)
{
    if (provider.caFile.isEmpty())
        return Done{};
    const Result<bool> added = net::trustCaFile(provider.caFile);
    if (!added)
        return added.error();
    // A connection made before the CA was trusted (a failed attempt) must not be reused.
    if (added.value())
        m_http->network()->clearConnectionCache();
    return Done{};
}

QStringList SessionManager::signInResources() const
{
    if (!dialect().asksForSeveralApis())
        return m_provider.audience.isEmpty() ? QStringList() : QStringList{m_provider.audience};
    const auto &metadata = m_tokenClient->metadata();
    QStringList resources;
    if (usesApprovalChannel())
        resources << metadata.approvalsResource;
    for (const QString &resource : m_provider.apiResources)
        if (!resources.contains(resource))
            resources << resource;
    return resources;
}

void SessionManager::signIn(const config::ProviderConfig &provider, Callback<oauth::Identity> done)
{
    beginSignIn(provider, [this, done](Result<config::ProviderConfig> request) {
        if (!request) {
            done(request.error());
            return;
        }
        QUrlQuery apis;
        oauth::addApiParameters(apis, apiParameter(), signInResources());
        const QList<QPair<QString, QString>> extra = apis.queryItems(QUrl::FullyDecoded);
        auto *flow =
            new oauth::AuthorizationCodeFlow(m_tokenClient.get(), m_jwks.get(), request.value(), this);
        flow->setExtraParameters(extra);
        m_flow = flow;
        flow->setBrowserOpener(m_openBrowser);
        flow->setTimeout(m_signInTimeout);
        connect(flow, &oauth::AuthorizationCodeFlow::authorizationUrlReady, this,
                &SessionManager::authorizationUrlReady);
        flow->start([this, flow, done](Result<oauth::SignInResult> result) {
            // The browser's page waits until the session is stored (or could not be).
            completeSignIn(std::move(result), [flow = QPointer(flow), done](Result<oauth::Identity> kept) {
                if (flow) {
                    flow->answerBrowser(kept);
                    flow->deleteLater();
                }
                done(std::move(kept));
            });
        });
    });
}

void SessionManager::signInWithDevice(const config::ProviderConfig &provider,
                                      std::function<void(const device::DeviceAuthorization &)> codeReady,
                                      Callback<oauth::Identity> done)
{
    beginSignIn(provider, [this, codeReady, done](Result<config::ProviderConfig> request) {
        if (!request) {
            done(request.error());
            return;
        }
        auto *signIn = new DeviceSignIn(m_http, m_tokenClient.get(), m_jwks.get(), request.value(),
                                        signInResources(), apiParameter(), this);
        m_deviceSignIn = signIn;
        signIn->start(codeReady, [this, signIn, done](Result<oauth::SignInResult> result) {
            signIn->deleteLater(); // later: this runs inside one of its callbacks
            completeSignIn(std::move(result), done);
        });
    });
}

void SessionManager::completeSignIn(Result<oauth::SignInResult> result, Callback<oauth::Identity> done)
{
    if (!result) {
        setState(State::SignedOut);
        done(result.error());
        return;
    }
    m_identity = result->identity;
    const auto key = sessionKey(m_provider, m_identity.subject);
    const StoredSession session{m_provider.clientId, m_identity, result->tokens, {}};
    // Stored under the session lock; a session stored for the same account is replaced, and its
    // refresh token comes back so that it can be revoked rather than forgotten while still valid.
    m_renewal->storeNew(
        key, session, [this, key, tokens = result->tokens, done](Result<QByteArray> replaced) {
            if (!replaced) {
                // Without secure storage we do not keep a session at all (never plaintext), and a
                // grant nobody holds must not stay alive at the provider.
                revokeUnstored(tokens);
                clearSession();
                setState(State::SignedOut);
                done(Error{replaced.error().code,
                           tr("You signed in, but Countersign could not keep the session: %1 The sign-in was "
                              "undone at the provider.")
                               .arg(replaced.error().message)});
                return;
            }
            m_settings.setLastProvider(m_provider);
            m_settings.setLastSubject(m_identity.subject);
            setState(State::SignedIn);
            Q_EMIT identityChanged();
            auto *retirement =
                new SessionRetirement(m_store, m_tokenClient.get(), m_provider.issuer.toString(), this);
            retirement->run(key, tokens.refreshToken, replaced.value(), [this, retirement, done](Status) {
                retirement->deleteLater();
                done(m_identity);
            });
        });
}

void SessionManager::revokeUnstored(const oauth::TokenSet &tokens)
{
    if (!m_tokenClient)
        return;
    const bool hasRefresh = !tokens.refreshToken.isEmpty();
    m_tokenClient->revoke(hasRefresh ? tokens.refreshToken : tokens.accessToken,
                          hasRefresh ? QStringLiteral("refresh_token") : QStringLiteral("access_token"),
                          [](Status revoked) {
                              if (!revoked)
                                  qCWarning(lcOAuth) << "Could not revoke the session that was not stored:"
                                                     << revoked.error().message;
                          });
}

void SessionManager::cancelSignIn()
{
    if (m_flow)
        m_flow->cancel();
    else if (m_deviceSignIn)
        m_deviceSignIn->cancel();
    else if (m_state == State::SigningIn)
        m_cancelPending = true; // still contacting the provider: stop before any browser opens
}

void SessionManager::accessToken(Callback<QByteArray> done)
{
    if (m_state != State::SignedIn) {
        done(errors::notSignedIn());
        return;
    }
    m_renewal->accessToken(std::move(done));
}

void SessionManager::accessTokenFor(const QString &resource, bool renew, Callback<QByteArray> done)
{
    if (m_state != State::SignedIn) {
        done(errors::notSignedIn());
        return;
    }
    m_renewal->accessTokenFor(resource, renew, std::move(done));
}

void SessionManager::exchangeForConnection(const QString &connection, Callback<oauth::TokenSet> done)
{
    accessToken([this, connection, done, generation = m_generation](Result<QByteArray> token) {
        if (!token) {
            done(token.error());
            return;
        }
        if (generation != m_generation || !m_tokenClient) {
            done(errors::notSignedIn());
            return;
        }
        m_tokenClient->exchangeToken(
            token.value(),
            {{QStringLiteral("connection"), connection},
             {QStringLiteral("requested_token_type"),
              QStringLiteral("http://auth0.com/oauth/token-type/federated-connection-access-token")}},
            std::move(done), dialect().federatedTokenExchangeGrant());
    });
}

void SessionManager::whenIdle(std::function<void()> idle)
{
    m_renewal->whenIdle(std::move(idle));
}

void SessionManager::metadata(Callback<oauth::ProviderMetadata> done)
{
    withMetadata([this, done](Status ready) {
        if (!ready)
            done(ready.error());
        else
            done(m_tokenClient->metadata());
    });
}

void SessionManager::onSessionEnded(const Error &reason)
{
    // SessionRenewal has wiped the secrets (or another process has).
    clearSession();
    m_settings.clearLastSubject();
    setState(State::SignedOut);
    Q_EMIT identityChanged();
    Q_EMIT sessionEnded(reason);
}

void SessionManager::clearSession()
{
    ++m_generation;
    m_renewal->stop();
    m_identity = {};
}

void SessionManager::signOut(Callback<Done> done)
{
    if (m_state != State::SignedIn) {
        done(Done{});
        return;
    }
    setState(State::SigningOut);
    // Under the session lock, with the newest refresh token (another process may have rotated it,
    // or a refresh of ours may be in flight): revoke it at the provider, then wipe it everywhere.
    auto revoke = [this](const oauth::TokenSet &newest, Callback<Done> revoked) {
        withMetadata([this, newest, revoked](Status ready) {
            if (!ready) {
                revoked(ready.error());
                return;
            }
            // Revoking the refresh token ends the grant; the access token goes too where supported.
            const bool hasRefresh = !newest.refreshToken.isEmpty();
            m_tokenClient->revoke(
                hasRefresh ? newest.refreshToken : newest.accessToken,
                hasRefresh ? QStringLiteral("refresh_token") : QStringLiteral("access_token"), revoked);
        });
    };
    m_renewal->signOut(revoke, [this, done](Result<std::optional<Error>> outcome) {
        const bool wasSignedIn = !m_identity.subject.isEmpty();
        clearSession();
        m_settings.clearLastSubject();
        setState(State::SignedOut);
        if (wasSignedIn)
            Q_EMIT identityChanged();
        if (!outcome)
            done(outcome.error());
        else if (const auto &revokeError = outcome.value())
            done(Error{revokeError->code,
                       tr("You are signed out on this computer, but the provider could not be told: %1")
                           .arg(revokeError->message)});
        else
            done(Done{});
    });
}

} // namespace countersign::session
