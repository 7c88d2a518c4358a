#include "SessionRenewal.h"

#include "logging/Logging.h"
#include "oauth/OAuthErrors.h"
#include "oauth/TokenClient.h"
#include "session/AccountFiles.h"
#include "session/RenewalLock.h"
#include "session/SessionDoorbell.h"
#include "session/SessionErrors.h"
#include "storage/TokenStore.h"

#include <QCoreApplication>
#include <QPointer>

namespace countersign::session {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SessionManager)
};

constexpr auto kRetryAfterNetworkError = std::chrono::seconds(30);

Error sessionGoneElsewhere()
{
    return {errors::sessionEndedElsewhere,
            Tr::tr("Your session was ended in another Countersign window or on the command line (signed out, "
                   "or refused by the provider). Sign in again.")};
}

} // namespace

SessionRenewal::SessionRenewal(storage::TokenStore *store, TokenClientSource tokenClient, QObject *parent)
    : SessionRenewal(store, std::move(tokenClient), Options{}, parent)
{}

SessionRenewal::SessionRenewal(storage::TokenStore *store, TokenClientSource tokenClient, Options options,
                               QObject *parent)
    : QObject(parent), m_store(store), m_tokenClient(std::move(tokenClient)),
      m_lockTimeout(options.lockTimeout)
{
    m_renewalTimer.setSingleShot(true);
    connect(&m_renewalTimer, &QTimer::timeout, this, [this] {
        if (!m_active)
            return;
        if (m_session.tokens.accessTokenExpiresWithin(m_renewalMargin, QDateTime::currentDateTimeUtc()))
            refresh(QString(), [](Status) {});
        else
            scheduleRenewal(); // woke early (long-lived token): wait again
    });
}

SessionRenewal::~SessionRenewal() = default;

void SessionRenewal::start(const storage::AccountKey &account, StoredSession session)
{
    stop();
    m_active = true;
    m_account = account;
    m_session = std::move(session);
    m_lock = std::make_shared<RenewalLock>(accountFile(account, QStringLiteral("lock")));
    m_doorbell = std::make_unique<SessionDoorbell>(accountFile(account, QStringLiteral("session")));
    connect(m_doorbell.get(), &SessionDoorbell::rang, this, &SessionRenewal::onDoorbell);
    scheduleRenewal();
}

void SessionRenewal::stop()
{
    ++m_generation;
    m_active = false;
    m_renewalTimer.stop();
    m_session = {};
    m_unsaved = false;
    m_refused.clear();
    m_lock.reset(); // work that holds it keeps its own reference until it finishes
    m_doorbell.reset();
    const auto waiters = std::exchange(m_refreshWaiters, {});
    for (const auto &list : waiters)
        for (const auto &waiter : list)
            waiter(errors::notSignedIn());
}

void SessionRenewal::storeNew(const storage::AccountKey &account, StoredSession session,
                              Callback<QByteArray> done)
{
    start(account, std::move(session));
    m_renewalTimer.stop(); // until it is stored
    runLocked(
        [this, self = QPointer(this), generation = m_generation, done](Status locked, Finished finished) {
            if (!self || generation != m_generation) {
                finished();
                if (self)
                    done(errors::notSignedIn());
                return;
            }
            // A sign-in is the person's own act: store it even when some other process holds the lock
            // for too long (a stopped process); it is the newest session whatever that one writes.
            if (!locked)
                qCWarning(lcOAuth) << "Storing the new session without the session lock:"
                                   << locked.error().message;
            m_store->load(m_account, [this, self, generation, done,
                                      finished](Result<std::optional<QByteArray>> previous) {
                if (!self || generation != m_generation) {
                    finished();
                    if (self)
                        done(errors::notSignedIn());
                    return;
                }
                QByteArray replaced;
                if (previous && previous.value())
                    if (auto old = StoredSession::parse(**previous))
                        replaced = old->tokens.refreshToken;
                m_store->save(m_account, m_session.serialize(),
                              [this, self, generation, done, finished, replaced](Status saved) {
                                  finished();
                                  if (!self)
                                      return;
                                  if (generation != m_generation) {
                                      done(errors::notSignedIn());
                                      return;
                                  }
                                  if (!saved) {
                                      stop();
                                      done(saved.error());
                                      return;
                                  }
                                  m_doorbell->ring();
                                  scheduleRenewal();
                                  done(replaced == m_session.tokens.refreshToken ? QByteArray() : replaced);
                              });
            });
        });
}

void SessionRenewal::accessToken(Callback<QByteArray> done)
{
    if (!m_active) {
        done(errors::notSignedIn());
        return;
    }
    if (!m_session.tokens.accessTokenExpiresWithin(m_renewalMargin, QDateTime::currentDateTimeUtc())) {
        done(m_session.tokens.accessToken);
        return;
    }
    refresh(QString(), [this, self = QPointer(this), done](Status refreshed) {
        if (!self)
            return;
        if (!refreshed)
            done(refreshed.error());
        else if (!m_active)
            done(errors::notSignedIn());
        else
            done(m_session.tokens.accessToken);
    });
}

void SessionRenewal::accessTokenFor(const QString &resource, bool renew, Callback<QByteArray> done)
{
    if (!m_active) {
        done(errors::notSignedIn());
        return;
    }
    const auto cached = m_session.apiTokens.constFind(resource);
    if (cached != m_session.apiTokens.cend()) {
        if (!renew && !cached->accessTokenExpiresWithin(m_renewalMargin, QDateTime::currentDateTimeUtc())) {
            done(cached->accessToken);
            return;
        }
        if (renew) {
            m_refused.insert(resource, cached->accessToken);
            m_session.apiTokens.remove(resource);
        }
    }
    refresh(resource, [this, self = QPointer(this), resource, done](Status refreshed) {
        if (!self)
            return;
        const auto token = m_session.apiTokens.constFind(resource);
        if (!refreshed)
            done(refreshed.error());
        else if (!m_active || token == m_session.apiTokens.cend())
            done(errors::notSignedIn());
        else
            done(token->accessToken);
    });
}

void SessionRenewal::signOut(Revoke revoke, Callback<std::optional<Error>> done)
{
    if (!m_active) {
        done(std::optional<Error>());
        return;
    }
    m_renewalTimer.stop();
    runLocked([this, self = QPointer(this), generation = m_generation, revoke, done](Status locked,
                                                                                     Finished finished) {
        if (!self || generation != m_generation) {
            finished();
            if (self)
                done(std::optional<Error>()); // ended meanwhile: nothing left to sign out
            return;
        }
        // The person asked to sign out: go on even without the lock (a stopped process holds it).
        if (!locked)
            qCWarning(lcOAuth) << "Signing out without the session lock:" << locked.error().message;
        // Revoke the newest refresh token, which may have been rotated by another process.
        readStored([this, self, generation, revoke, done, finished](Status) {
            if (!self || generation != m_generation) {
                finished();
                if (self)
                    done(std::optional<Error>());
                return;
            }
            revoke(m_session.tokens, [this, self, generation, done, finished](Status revoked) {
                if (!self || generation != m_generation) {
                    finished();
                    if (self)
                        done(std::optional<Error>());
                    return;
                }
                m_store->wipe(m_account, [this, self, done, finished, revoked](Status wiped) {
                    if (self && m_doorbell)
                        m_doorbell->ring();
                    finished();
                    if (!self)
                        return;
                    stop();
                    if (!wiped)
                        done(wiped.error());
                    else
                        done(revoked ? std::optional<Error>() : std::optional<Error>(revoked.error()));
                });
            });
        });
    });
}

void SessionRenewal::runLocked(LockedWork work)
{
    m_lockedWork.push_back(std::move(work));
    runNextLocked();
}

void SessionRenewal::whenIdle(std::function<void()> idle)
{
    if (isIdle())
        idle();
    else
        m_idleWaiters.append(std::move(idle));
}

void SessionRenewal::runNextLocked()
{
    if (m_lockBusy)
        return;
    if (m_lockedWork.empty()) {
        for (const auto &idle : std::exchange(m_idleWaiters, {}))
            idle();
        return;
    }
    m_lockBusy = true;
    LockedWork work = std::move(m_lockedWork.front());
    m_lockedWork.pop_front();
    std::shared_ptr<RenewalLock> lock = m_lock;
    Finished finished = [this, self = QPointer(this), lock] {
        if (lock)
            lock->release();
        if (!self)
            return;
        m_lockBusy = false;
        runNextLocked();
    };
    if (!m_active || !lock) {
        work(errors::notSignedIn(), finished);
        return;
    }
    lock->acquire(m_lockTimeout, [work, finished](Status held) { work(held, finished); });
}

void SessionRenewal::refresh(const QString &resource, Callback<Done> done)
{
    if (!m_active) {
        done(errors::notSignedIn());
        return;
    }
    if (m_session.tokens.refreshToken.isEmpty()) {
        done(Error{
            errors::noRefreshToken,
            Tr::tr("The session cannot be renewed (the provider gave no refresh token). Sign in again.")});
        return;
    }
    auto &waiters = m_refreshWaiters[resource];
    waiters.append(std::move(done));
    if (waiters.size() > 1)
        return; // that token is being renewed already: share the answer
    runLocked(
        [this, self = QPointer(this), resource, generation = m_generation](Status locked, Finished finished) {
            // A session dropped meanwhile (stop()) has answered its waiters already.
            if (!self || generation != m_generation) {
                finished();
                return;
            }
            if (!locked) {
                finished();
                completeRefresh(resource, locked);
                return;
            }
            refreshLocked(resource, finished);
        });
}

void SessionRenewal::refreshLocked(const QString &resource, Finished finished)
{
    readStored([this, self = QPointer(this), resource, finished, generation = m_generation](Status read) {
        if (!self || generation != m_generation) {
            finished(); // dropped meanwhile: stop() has answered the waiters
            return;
        }
        if (!read) { // no longer in the keychain: another process ended the session
            endHere(sessionGoneElsewhere(), false, finished);
            return;
        }
        if (!needsRefresh(resource)) { // renewed by another process meanwhile
            finished();
            completeRefresh(resource, Done{});
            return;
        }
        callTokenEndpoint(resource, true, finished);
    });
}

bool SessionRenewal::needsRefresh(const QString &resource) const
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (resource.isEmpty())
        return m_session.tokens.accessTokenExpiresWithin(m_renewalMargin, now);
    const auto token = m_session.apiTokens.constFind(resource);
    return token == m_session.apiTokens.cend() || token->accessToken == m_refused.value(resource) ||
           token->accessTokenExpiresWithin(m_renewalMargin, now);
}

void SessionRenewal::callTokenEndpoint(const QString &resource, bool mayRetry, Finished finished)
{
    m_tokenClient([this, self = QPointer(this), resource, mayRetry, finished,
                   generation = m_generation](Result<oauth::TokenClient *> client) {
        if (!self || generation != m_generation) {
            finished(); // dropped meanwhile: stop() has answered the waiters
            return;
        }
        if (!client) {
            finished();
            completeRefresh(resource, client.error());
            return;
        }
        const QByteArray sent = m_session.tokens.refreshToken;
        client.value()->refresh(
            sent,
            [this, self, resource, mayRetry, finished, generation, sent](Result<oauth::TokenSet> refreshed) {
                if (!self || generation != m_generation) {
                    finished(); // dropped meanwhile: stop() has answered the waiters
                    return;
                }
                if (!refreshed) {
                    onRefused(resource, sent, refreshed.error(), mayRetry, finished);
                    return;
                }
                // Rotation: the refresh token we sent is spent; the new one must reach the keychain.
                if (resource.isEmpty()) {
                    m_session.tokens = m_session.tokens.mergedWithRefresh(refreshed.value());
                } else {
                    if (!refreshed->refreshToken.isEmpty())
                        m_session.tokens.refreshToken = refreshed->refreshToken;
                    oauth::TokenSet apiToken = refreshed.value();
                    apiToken.refreshToken.clear();
                    apiToken.idToken.clear();
                    m_session.apiTokens.insert(resource, apiToken);
                    m_refused.remove(resource);
                }
                saveAndRing([this, self, resource, finished, generation](Status) {
                    finished();
                    if (!self || generation != m_generation)
                        return;
                    if (resource.isEmpty()) {
                        scheduleRenewal();
                        Q_EMIT renewed();
                    }
                    completeRefresh(resource, Done{});
                });
            },
            resource);
    });
}

void SessionRenewal::onRefused(const QString &resource, const QByteArray &sentRefreshToken,
                               const Error &error, bool mayRetry, Finished finished)
{
    if (error.code == oauth::errors::invalidGrant) {
        // Spent, revoked or expired. Before ending anything, look again: a process that renewed
        // without taking the lock (an older Countersign) may have stored a newer token.
        m_store->load(m_account, [this, self = QPointer(this), resource, sentRefreshToken, error, mayRetry,
                                  finished,
                                  generation = m_generation](Result<std::optional<QByteArray>> blob) {
            if (!self || generation != m_generation) {
                finished(); // dropped meanwhile: stop() has answered the waiters
                return;
            }
            std::optional<StoredSession> stored;
            if (blob && blob.value())
                if (auto parsed = StoredSession::parse(**blob))
                    stored = std::move(parsed).value();
            if (mayRetry && !m_unsaved && stored && !stored->tokens.refreshToken.isEmpty() &&
                stored->tokens.refreshToken != sentRefreshToken) {
                adopt(std::move(*stored));
                callTokenEndpoint(resource, false, finished);
                return;
            }
            qCWarning(lcOAuth) << "The provider refused to renew the session:" << error.message;
            endHere(Error{error.code, Tr::tr("Your session has ended (the provider no longer accepts it). "
                                             "Sign in again.")},
                    true, finished);
        });
        return;
    }
    finished();
    if (!resource.isEmpty() &&
        (error.code == oauth::errors::invalidTarget || error.code == oauth::errors::invalidScope)) {
        completeRefresh(
            resource,
            Error{errors::resourceNotGranted,
                  Tr::tr("This session does not include access to %1. Sign out and sign in again to "
                         "grant it.")
                      .arg(resource)});
        return;
    }
    qCWarning(lcOAuth) << "Token renewal failed, will retry:" << error.message;
    m_renewalTimer.start(kRetryAfterNetworkError);
    completeRefresh(resource, error);
}

void SessionRenewal::completeRefresh(const QString &resource, const Status &status)
{
    const auto waiters = m_refreshWaiters.take(resource);
    for (const auto &waiter : waiters)
        waiter(status);
}

void SessionRenewal::saveAndRing(Callback<Done> done)
{
    m_store->save(m_account, m_session.serialize(),
                  [this, self = QPointer(this), done, generation = m_generation](Status saved) {
                      if (!self)
                          return;
                      if (generation != m_generation) {
                          done(errors::notSignedIn());
                          return;
                      }
                      if (!saved) {
                          m_unsaved = true;
                          qCWarning(lcStorage) << "Could not save renewed tokens:" << saved.error().message;
                          Q_EMIT saveFailed(Error{
                              saved.error().code,
                              Tr::tr("Your session was renewed, but the keychain did not take the new "
                                     "tokens: %1 Countersign keeps working until you quit it and tries "
                                     "again on the next renewal; if the keychain stays unavailable, you "
                                     "will have to sign in again.")
                                  .arg(saved.error().message)});
                          done(saved.error());
                          return;
                      }
                      m_unsaved = false;
                      m_doorbell->ring();
                      done(Done{});
                  });
}

void SessionRenewal::readStored(Callback<Done> done)
{
    if (m_unsaved) {
        // The keychain holds a spent refresh token of ours: store what we hold, never adopt that.
        saveAndRing([done](Status) { done(Done{}); });
        return;
    }
    m_store->load(m_account, [this, self = QPointer(this), done,
                              generation = m_generation](Result<std::optional<QByteArray>> blob) {
        if (!self)
            return;
        if (generation != m_generation) {
            done(errors::notSignedIn());
            return;
        }
        if (!blob) { // unreadable (locked keyring): nothing to learn; renew with what we hold
            qCWarning(lcStorage) << "Could not read the stored session:" << blob.error().message;
            done(Done{});
            return;
        }
        if (!blob.value()) {
            done(sessionGoneElsewhere());
            return;
        }
        if (auto stored = StoredSession::parse(**blob))
            adopt(std::move(stored).value());
        done(Done{});
    });
}

void SessionRenewal::adopt(StoredSession stored)
{
    const bool newer =
        !stored.tokens.refreshToken.isEmpty() && stored.tokens.refreshToken != m_session.tokens.refreshToken;
    const bool accessChanged = newer && stored.tokens.accessToken != m_session.tokens.accessToken;
    if (newer) {
        qCInfo(lcOAuth) << "Another Countersign process renewed the session; using its tokens";
        // Keep the ID token validated at sign-in here; the identity does not change.
        stored.tokens.idToken = m_session.tokens.idToken;
        m_session.tokens = stored.tokens;
    }
    // An API token another process obtained is as good as ours, unless the API refused it.
    for (auto it = stored.apiTokens.cbegin(); it != stored.apiTokens.cend(); ++it) {
        if (m_refused.value(it.key()) == it->accessToken)
            continue;
        const auto ours = m_session.apiTokens.constFind(it.key());
        if (ours == m_session.apiTokens.cend() || !ours->accessTokenExpiresAt.isValid() ||
            (it->accessTokenExpiresAt.isValid() && it->accessTokenExpiresAt > ours->accessTokenExpiresAt))
            m_session.apiTokens.insert(it.key(), it.value());
    }
    if (accessChanged) {
        scheduleRenewal();
        Q_EMIT renewed();
    }
}

void SessionRenewal::onDoorbell()
{
    // While work of ours waits for the lock or holds it, nothing needs doing: every such work reads
    // the keychain once it holds the lock, and no other process changes the session meanwhile.
    if (!m_active || m_lockBusy)
        return;
    m_store->load(m_account, [this, self = QPointer(this),
                              generation = m_generation](Result<std::optional<QByteArray>> blob) {
        if (!self || generation != m_generation || !blob)
            return; // unreadable: nothing to conclude
        if (!blob.value()) {
            endHere(sessionGoneElsewhere(), false, [] {});
            return;
        }
        if (!m_unsaved)
            if (auto stored = StoredSession::parse(**blob))
                adopt(std::move(stored).value());
    });
}

void SessionRenewal::endHere(const Error &reason, bool wipe, Finished finished)
{
    auto end = [this, self = QPointer(this), reason, finished] {
        finished();
        if (!self)
            return;
        const auto waiters = std::exchange(m_refreshWaiters, {});
        stop();
        for (const auto &list : waiters)
            for (const auto &waiter : list)
                waiter(reason);
        Q_EMIT ended(reason);
    };
    if (!wipe) {
        end();
        return;
    }
    // Still under the lock: no other process renews with the dead tokens meanwhile.
    m_store->wipe(m_account, [this, self = QPointer(this), end](Status wiped) {
        if (!wiped)
            qCWarning(lcStorage) << "Could not delete the ended session's secrets:" << wiped.error().message;
        if (self && m_doorbell)
            m_doorbell->ring();
        end();
    });
}

void SessionRenewal::scheduleRenewal()
{
    if (!m_active || !m_session.tokens.accessTokenExpiresAt.isValid() ||
        m_session.tokens.refreshToken.isEmpty())
        return;
    const qint64 msLeft = QDateTime::currentDateTimeUtc().msecsTo(m_session.tokens.accessTokenExpiresAt) -
                          std::chrono::milliseconds(m_renewalMargin).count();
    // QTimer takes an int of milliseconds (24.8 days at most): wake at least daily for long-lived
    // tokens; when the timer fires early, renewal is simply not due yet and reschedules.
    constexpr qint64 kMaxWait = 24LL * 3600 * 1000;
    m_renewalTimer.start(std::chrono::milliseconds(std::clamp<qint64>(msLeft, 1000, kMaxWait)));
}

} // namespace countersign::session
