#include "SessionManager.h"

#include "logging/Logging.h"
#include "device/DeviceAuthorizationClient.h"
#include "net/HttpClient.h"
#include "net/TrustedCertificates.h"
#include "oauth/DiscoveryClient.h"
#include "oauth/JwksCache.h"
#include "oauth/TokenClient.h"
#include "session/SessionRetirement.h"
#include "storage/TokenStore.h"

#include <QNetworkAccessManager>

namespace countersign::session {

namespace {

storage::AccountKey accountKey(const config::ProviderConfig &provider, const QString &subject)
{
    return {provider.issuer.toString(), subject};
}

constexpr auto kRetryAfterNetworkError = std::chrono::seconds(30);

// The stored session blob ({version, client_id, identity, tokens}, see serialize()), parsed.
nlohmann::json parseStoredSession(const QByteArray &raw)
{
    return nlohmann::json::parse(raw.constBegin(), raw.constEnd(), nullptr, false);
}

Result<oauth::TokenSet> storedTokens(const nlohmann::json &session)
{
    if (!session.is_object() || !session.contains("tokens"))
        return Error{QStringLiteral("stored_session_invalid"), {}};
    return oauth::TokenSet::fromJson(session["tokens"]);
}

} // namespace

SessionManager::SessionManager(QNetworkAccessManager *network, storage::TokenStore *store, QObject *parent)
    : QObject(parent), m_http(new net::HttpClient(network, this)), m_store(store),
      m_discovery(new oauth::DiscoveryClient(m_http, this))
{
    m_renewalTimer.setSingleShot(true);
    connect(&m_renewalTimer, &QTimer::timeout, this, [this] {
        if (m_tokens.accessTokenExpiresWithin(m_renewalMargin, QDateTime::currentDateTimeUtc()))
            refresh([](Status) {});
        else
            scheduleRenewal(); // woke early (long-lived token): wait again
    });
}

SessionManager::~SessionManager() = default;

void SessionManager::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void SessionManager::restore(const config::ProviderConfig &provider, Callback<bool> done)
{
    const std::optional<config::ProviderConfig> last = m_settings.lastProvider();
    const QString subject = m_settings.lastSubject();
    if (!last || last->issuer != provider.issuer || last->clientId != provider.clientId ||
        subject.isEmpty()) {
        done(false);
        return;
    }
    // The same provider given again without its optional parts (audience, CA file) keeps them.
    config::ProviderConfig restoring = provider;
    if (restoring.audience.isEmpty())
        restoring.audience = last->audience;
    if (restoring.caFile.isEmpty())
        restoring.caFile = last->caFile;
    if (const Status trusted = trustProvider(restoring); !trusted) {
        done(trusted.error());
        return;
    }
    m_store->load(accountKey(provider, subject),
                  [this, provider = restoring, done](Result<std::optional<QByteArray>> blob) {
                      if (!blob) {
                          done(blob.error());
                          return;
                      }
                      if (!blob.value()) {
                          done(false);
                          return;
                      }
                      const auto json = parseStoredSession(**blob);
                      auto tokens = storedTokens(json);
                      if (!tokens || !json.contains("identity")) {
                          done(Error{QStringLiteral("stored_session_invalid"),
                                     tr("The saved session could not be read. Sign in again.")});
                          return;
                      }
                      m_provider = provider;
                      m_tokens = std::move(tokens).value();
                      m_identity = oauth::Identity::fromJson(json["identity"]);
                      setState(State::SignedIn);
                      Q_EMIT identityChanged();
                      scheduleRenewal();
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

void SessionManager::beginSignIn(const config::ProviderConfig &provider, Callback<config::ProviderConfig> ready)
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
            ready(Error{QStringLiteral("cancelled"), tr("Sign-in was cancelled.")});
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
        if (metadata.isCountersignSandbox() && !m_provider.isAuth0() &&
            !request.apiResources.contains(config::ProviderConfig::sandboxDocsResource())) {
            request.apiResources << config::ProviderConfig::sandboxDocsResource();
            if (!request.scopes.contains(config::ProviderConfig::sandboxDocsScope()))
                request.scopes << config::ProviderConfig::sandboxDocsScope();
        }
        m_provider.apiResources = request.apiResources;
        ready(request);
    });
}

bool SessionManager::usesApprovalChannel() const
{
    // Auth0 has none (its approvals go to Guardian), whatever a discovery document says.
    return !m_provider.isAuth0() && m_tokenClient && m_tokenClient->metadata().hasApprovalChannel();
}

oauth::ApiParameter SessionManager::apiParameter() const
{
    return m_provider.isAuth0() ? oauth::ApiParameter::Audience : oauth::ApiParameter::Resource;
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
    if (m_provider.isAuth0())
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
        auto *flow = new oauth::AuthorizationCodeFlow(m_tokenClient.get(), m_jwks.get(), request.value(), this);
        flow->setExtraParameters(extra);
        m_flow = flow;
        flow->setBrowserOpener(m_openBrowser);
        flow->setTimeout(m_signInTimeout);
        connect(flow, &oauth::AuthorizationCodeFlow::authorizationUrlReady, this,
                &SessionManager::authorizationUrlReady);
        flow->start([this, flow, done](Result<oauth::SignInResult> result) {
            flow->deleteLater();
            completeSignIn(std::move(result), done);
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
        const auto &metadata = m_tokenClient->metadata();
        if (metadata.deviceAuthorizationEndpoint.isEmpty()) {
            completeSignIn(Error{QStringLiteral("no_device_flow"),
                                 tr("%1 does not offer sign-in with a code (it has no device authorization "
                                    "endpoint).")
                                     .arg(metadata.issuer.toString())},
                           done);
            return;
        }
        m_deviceDone = done;
        m_deviceClient = new device::DeviceAuthorizationClient(m_http, metadata.deviceAuthorizationEndpoint,
                                                               metadata.tokenEndpoint, m_provider.clientId, this);
        m_deviceClient->setApiParameter(apiParameter());
        device::DeviceAuthorizationRequest body;
        body.scopes = request->scopes;
        // Never the approver role: whoever is shown a device code can approve it, so a code
        // could hand someone else the right to approve requests for this user (the sandbox
        // refuses it, docs/security.md). Such a session has no approval channel access.
        body.scopes.removeAll(metadata.approvalsScope());
        QStringList resources = signInResources();
        resources.removeAll(metadata.approvalsResource);
        // A device authorization may target one API (as Auth0's audience does). Any other API
        // is then not part of the session; the agent says so when asked to use it.
        body.resources = resources.mid(0, 1);
        if (!body.resources.contains(config::ProviderConfig::sandboxDocsResource()))
            body.scopes.removeAll(config::ProviderConfig::sandboxDocsScope());
        m_deviceClient->authorize(body, [this, requested = request.value(), codeReady,
                                         client = m_deviceClient](Result<device::DeviceAuthorization> authorization) {
            if (client != m_deviceClient)
                return; // cancelled meanwhile
            if (std::exchange(m_cancelPending, false))
                return finishDeviceSignIn(Error{QStringLiteral("cancelled"), tr("Sign-in was cancelled.")});
            if (!authorization)
                return finishDeviceSignIn(authorization.error());
            codeReady(authorization.value());
            m_devicePoll = new device::DevicePoll(m_deviceClient, authorization.value(), m_deviceClient);
            m_devicePoll->start([this, requested](const oauth::PollOutcome &outcome) {
                if (outcome.kind == oauth::PollOutcome::Kind::Denied)
                    return finishDeviceSignIn(Error{outcome.error.code, tr("The sign-in was denied.")});
                if (outcome.kind != oauth::PollOutcome::Kind::Approved)
                    return finishDeviceSignIn(outcome.error);
                // Device flow has no nonce; everything else about the ID token is checked.
                oauth::identifySignIn(m_deviceClient, m_tokenClient.get(), m_jwks.get(), requested, {},
                                      outcome.tokens, [this](Result<oauth::SignInResult> result) {
                                          finishDeviceSignIn(std::move(result));
                                      });
            });
        });
    });
}

void SessionManager::finishDeviceSignIn(Result<oauth::SignInResult> result)
{
    if (m_devicePoll)
        m_devicePoll->cancel();
    if (m_deviceClient)
        m_deviceClient->deleteLater(); // later: this may run inside one of its callbacks
    m_deviceClient = nullptr;
    m_devicePoll = nullptr;
    if (auto done = std::exchange(m_deviceDone, nullptr))
        completeSignIn(std::move(result), done);
}

void SessionManager::completeSignIn(Result<oauth::SignInResult> result, Callback<oauth::Identity> done)
{
    if (!result) {
        setState(State::SignedOut);
        done(result.error());
        return;
    }
    m_tokens = result->tokens;
    m_identity = result->identity;
    const auto key = accountKey(m_provider, m_identity.subject);
    // A session stored for the same account is about to be overwritten: remember its
    // refresh token so it can be revoked rather than forgotten while still valid.
    m_store->load(key, [this, key, done](Result<std::optional<QByteArray>> previous) {
        const QByteArray replaced =
            previous && previous.value() ? SessionRetirement::refreshTokenOf(**previous) : QByteArray();
        persist([this, key, replaced, done](Status saved) {
            if (!saved) {
                // Without secure storage we do not keep a session at all (never plaintext).
                clearSession();
                setState(State::SignedOut);
                done(saved.error());
                return;
            }
            m_settings.setLastProvider(m_provider);
            m_settings.setLastSubject(m_identity.subject);
            setState(State::SignedIn);
            Q_EMIT identityChanged();
            scheduleRenewal();
            auto *retirement =
                new SessionRetirement(m_store, m_tokenClient.get(), m_provider.issuer.toString(), this);
            retirement->run(key, m_tokens.refreshToken, replaced, [this, retirement, done](Status) {
                retirement->deleteLater();
                done(m_identity);
            });
        });
    });
}

void SessionManager::cancelSignIn()
{
    if (m_flow) {
        m_flow->cancel();
    } else if (m_devicePoll) {
        // Waiting for the code to be approved: stop asking.
        finishDeviceSignIn(Error{QStringLiteral("cancelled"), tr("Sign-in was cancelled.")});
    }
    else if (m_state == State::SigningIn)
        m_cancelPending = true; // still contacting the provider: stop before any browser opens
}

QByteArray SessionManager::serialize() const
{
    const nlohmann::json json{{"version", 1},
                              {"client_id", m_provider.clientId.toStdString()},
                              {"identity", m_identity.toJson()},
                              {"tokens", m_tokens.toJson()}};
    return QByteArray::fromStdString(json.dump());
}

void SessionManager::persist(Callback<Done> done)
{
    m_store->save(accountKey(m_provider, m_identity.subject), serialize(), std::move(done));
}

void SessionManager::accessToken(Callback<QByteArray> done)
{
    if (m_state != State::SignedIn) {
        done(Error{QStringLiteral("signed_out"), tr("You are not signed in.")});
        return;
    }
    if (!m_tokens.accessTokenExpiresWithin(m_renewalMargin, QDateTime::currentDateTimeUtc())) {
        done(m_tokens.accessToken);
        return;
    }
    refresh([this, done](Status refreshed) {
        if (!refreshed)
            done(refreshed.error());
        else
            done(m_tokens.accessToken);
    });
}

void SessionManager::accessTokenFor(const QString &resource, bool renew, Callback<QByteArray> done)
{
    if (m_state != State::SignedIn) {
        done(Error{QStringLiteral("signed_out"), tr("You are not signed in.")});
        return;
    }
    const auto cached = m_resourceTokens.constFind(resource);
    if (!renew && cached != m_resourceTokens.cend() &&
        !cached->accessTokenExpiresWithin(m_renewalMargin, QDateTime::currentDateTimeUtc())) {
        done(cached->accessToken);
        return;
    }
    m_resourceTokens.remove(resource);
    refreshFor(resource, [this, resource, done](Status refreshed) {
        const auto token = m_resourceTokens.constFind(resource);
        if (!refreshed)
            done(refreshed.error());
        else if (token == m_resourceTokens.cend())
            done(Error{QStringLiteral("signed_out"), tr("You are not signed in.")});
        else
            done(token->accessToken);
    });
}

void SessionManager::exchangeForConnection(const QString &connection, Callback<oauth::TokenSet> done)
{
    accessToken([this, connection, done, generation = m_generation](Result<QByteArray> token) {
        if (!token) {
            done(token.error());
            return;
        }
        if (generation != m_generation || !m_tokenClient) {
            done(Error{QStringLiteral("signed_out"), tr("You are not signed in.")});
            return;
        }
        m_tokenClient->exchangeToken(
            token.value(),
            {{QStringLiteral("connection"), connection},
             {QStringLiteral("requested_token_type"),
              QStringLiteral("http://auth0.com/oauth/token-type/federated-connection-access-token")}},
            std::move(done),
            // Auth0 Token Vault has its own grant name; elsewhere the exchange is RFC 8693's.
            m_provider.isAuth0()
                ? QStringLiteral("urn:auth0:params:oauth:grant-type:token-exchange:federated-connection-access-token")
                : oauth::TokenClient::rfc8693GrantType());
    });
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

void SessionManager::refreshFor(const QString &resource, Callback<Done> done)
{
    if (m_tokens.refreshToken.isEmpty()) {
        done(Error{QStringLiteral("no_refresh_token"),
                   tr("The session cannot be renewed (the provider gave no refresh token). Sign in again.")});
        return;
    }
    m_refreshQueue[resource].append(std::move(done));
    if (!m_refreshing)
        startNextRefresh();
}

void SessionManager::startNextRefresh()
{
    if (m_refreshQueue.isEmpty())
        return;
    if (m_state != State::SignedIn || m_tokens.refreshToken.isEmpty()) {
        failQueuedRefreshes(Error{QStringLiteral("signed_out"), tr("You are not signed in.")});
        return;
    }
    // The session's own token first: everything else depends on the session staying alive.
    const QString resource = m_refreshQueue.firstKey();
    m_refreshing = resource;
    withMetadata([this, resource](Status ready) {
        if (!ready) {
            onRefreshed(resource, ready.error());
            return;
        }
        // Another Countersign process (the CLI next to the app) may have rotated the refresh token
        // since we read it: spending the old one would look like token theft to the provider and
        // end the session for both. Read the keychain's copy first and adopt a newer one.
        m_store->load(
            accountKey(m_provider, m_identity.subject),
            [this, resource, generation = m_generation](Result<std::optional<QByteArray>> stored) {
                if (generation != m_generation) {
                    onRefreshed(resource, Error{QStringLiteral("signed_out"), tr("You are not signed in.")});
                    return;
                }
                adoptStoredTokens(stored);
                m_tokenClient->refresh(
                    m_tokens.refreshToken,
                    [this, resource, generation](Result<oauth::TokenSet> refreshed) {
                        // A session that ended (or was replaced) meanwhile must not come back.
                        if (generation != m_generation)
                            refreshed = Error{QStringLiteral("signed_out"), tr("You are not signed in.")};
                        onRefreshed(resource, std::move(refreshed));
                    },
                    resource);
            });
    });
}

void SessionManager::adoptStoredTokens(const Result<std::optional<QByteArray>> &stored)
{
    if (!stored || !stored.value())
        return; // unreadable or gone: refresh with what we hold
    auto tokens = storedTokens(parseStoredSession(**stored));
    if (tokens && !tokens->refreshToken.isEmpty() && tokens->refreshToken != m_tokens.refreshToken) {
        qCInfo(lcOAuth) << "Another Countersign process renewed the session; using its tokens";
        m_tokens = std::move(tokens).value();
        m_resourceTokens.clear();
    }
}

void SessionManager::failQueuedRefreshes(const Error &error)
{
    const auto queue = std::exchange(m_refreshQueue, {});
    for (const auto &waiters : queue)
        for (const auto &waiter : waiters)
            waiter(error);
}

void SessionManager::onRefreshed(const QString &resource, Result<oauth::TokenSet> refreshed)
{
    m_refreshing.reset();
    auto complete = [this, resource](Status status) {
        const auto waiters = m_refreshQueue.take(resource);
        for (const auto &waiter : waiters)
            waiter(status);
        if (!m_refreshing)
            startNextRefresh();
    };
    if (!refreshed) {
        Error error = refreshed.error();
        if (error.code == u"signed_out") {
            // nothing to do: the session this refresh belonged to is gone
        } else if (error.code == u"invalid_grant") {
            qCWarning(lcOAuth) << "The provider refused to renew the session:" << error.message;
            endSession(Error{error.code, tr("Your session has ended (the provider no longer accepts it). "
                                            "Sign in again.")});
        } else if (!resource.isEmpty() &&
                   (error.code == u"invalid_target" || error.code == u"invalid_scope")) {
            error = Error{QStringLiteral("resource_not_granted"),
                          tr("This session does not include access to %1. Sign out and sign in again to "
                             "grant it.")
                              .arg(resource)};
        } else {
            qCWarning(lcOAuth) << "Token renewal failed, will retry:" << error.message;
            m_renewalTimer.start(kRetryAfterNetworkError);
        }
        complete(error);
        return;
    }
    // Rotation: the old refresh token is dead now, so the new one must reach the keychain.
    if (resource.isEmpty()) {
        m_tokens = m_tokens.mergedWithRefresh(refreshed.value());
    } else {
        if (!refreshed->refreshToken.isEmpty())
            m_tokens.refreshToken = refreshed->refreshToken;
        m_resourceTokens.insert(resource, refreshed.value());
    }
    persist([this, resource, complete](Status saved) {
        if (!saved)
            qCWarning(lcStorage) << "Could not save renewed tokens:" << saved.error().message;
        if (resource.isEmpty()) {
            scheduleRenewal();
            Q_EMIT tokensRenewed();
        }
        complete(Done{});
    });
}

void SessionManager::scheduleRenewal()
{
    if (m_state != State::SignedIn || !m_tokens.accessTokenExpiresAt.isValid() ||
        m_tokens.refreshToken.isEmpty())
        return;
    const qint64 msLeft = QDateTime::currentDateTimeUtc().msecsTo(m_tokens.accessTokenExpiresAt) -
                          std::chrono::milliseconds(m_renewalMargin).count();
    // QTimer takes an int of milliseconds (24.8 days at most): wake at least daily for long-lived
    // tokens; when the timer fires early, refresh() is simply not due yet and reschedules.
    constexpr qint64 kMaxWait = 24LL * 3600 * 1000;
    m_renewalTimer.start(std::chrono::milliseconds(std::clamp<qint64>(msLeft, 1000, kMaxWait)));
}

void SessionManager::endSession(const Error &reason)
{
    const auto key = accountKey(m_provider, m_identity.subject);
    clearSession();
    m_settings.clearLastSubject();
    setState(State::SignedOut);
    Q_EMIT identityChanged();
    m_store->wipe(key, [](Status wiped) {
        if (!wiped)
            qCWarning(lcStorage) << "Could not delete the ended session's secrets:" << wiped.error().message;
    });
    Q_EMIT sessionEnded(reason);
}

void SessionManager::clearSession()
{
    ++m_generation;
    m_renewalTimer.stop();
    m_tokens = {};
    m_resourceTokens.clear();
    m_identity = {};
}

void SessionManager::signOut(Callback<Done> done)
{
    if (m_state != State::SignedIn) {
        done(Done{});
        return;
    }
    setState(State::SigningOut);
    m_renewalTimer.stop();
    if (m_refreshing) {
        // A refresh is in flight: its answer may rotate the refresh token. Revoke the newest one.
        m_refreshQueue[*m_refreshing].append([this, done](Status) { signOutNow(done); });
        return;
    }
    signOutNow(std::move(done));
}

void SessionManager::signOutNow(Callback<Done> done)
{
    if (m_identity.subject.isEmpty()) { // the refresh we waited for ended the session already
        setState(State::SignedOut);
        done(Done{});
        return;
    }
    const QByteArray refreshToken = m_tokens.refreshToken;
    const QByteArray accessToken = m_tokens.accessToken;
    const auto key = accountKey(m_provider, m_identity.subject);

    // Revoke first (needs the token), then wipe locally whatever the provider said.
    auto wipeLocally = [this, key, done](std::optional<Error> revokeError) {
        m_store->wipe(key, [this, revokeError, done](Status wiped) {
            clearSession();
            m_settings.clearLastSubject();
            setState(State::SignedOut);
            Q_EMIT identityChanged();
            if (!wiped)
                done(wiped.error());
            else if (revokeError)
                done(Error{revokeError->code,
                           tr("You are signed out on this computer, but the provider could not be told: %1")
                               .arg(revokeError->message)});
            else
                done(Done{});
        });
    };
    withMetadata([this, refreshToken, accessToken, wipeLocally](Status ready) {
        if (!ready) {
            wipeLocally(ready.error());
            return;
        }
        // Revoking the refresh token ends the grant; the access token goes too where supported.
        const QByteArray token = refreshToken.isEmpty() ? accessToken : refreshToken;
        const QString hint =
            refreshToken.isEmpty() ? QStringLiteral("access_token") : QStringLiteral("refresh_token");
        m_tokenClient->revoke(token, hint, [wipeLocally](Status revoked) {
            wipeLocally(revoked ? std::nullopt : std::optional<Error>(revoked.error()));
        });
    });
}

} // namespace countersign::session
