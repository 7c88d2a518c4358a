#pragma once

#include "common/Result.h"
#include "session/StoredSession.h"
#include "storage/AccountKey.h"

#include <QMap>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <deque>
#include <functional>
#include <memory>
#include <optional>

namespace countersign::oauth {
class TokenClient;
}
namespace countersign::storage {
class TokenStore;
}

namespace countersign::session {

class RenewalLock;
class SessionDoorbell;

// Keeps one signed-in session's tokens fresh while any number of Countersign processes (the app,
// countersign-cli, the agent) share it through the keychain.
//
// Refresh tokens rotate: every refresh spends the token the next one needs, and a provider that
// sees a spent one again takes it for theft and revokes the whole grant, for every process. So
// every change to the stored session happens under the account's RenewalLock (one holder among
// all processes), and each starts by reading the keychain: a session renewed elsewhere meanwhile is
// adopted, and its access tokens used, instead of refreshing again. Within this process, requests
// for the same token share one refresh. After a change the other processes are told through a
// SessionDoorbell, so they adopt the new tokens, or see at once that the session ended.
//
// A refresh the provider refuses with invalid_grant ends the session only when the keychain, read
// again under the lock, holds no newer refresh token.
class SessionRenewal : public QObject
{
    Q_OBJECT
public:
    // Gives the provider's token client (after discovery, which may fail).
    using TokenClientSource = std::function<void(Callback<oauth::TokenClient *>)>;
    // Tells the provider a session is over (sign-out): gets the newest tokens.
    using Revoke = std::function<void(const oauth::TokenSet &newest, Callback<Done> done)>;

    struct Options
    {
        // How long to wait for another process's renewal before giving up ("session_busy").
        std::chrono::milliseconds lockTimeout{std::chrono::seconds(75)};
    };

    SessionRenewal(storage::TokenStore *store, TokenClientSource tokenClient, QObject *parent = nullptr);
    SessionRenewal(storage::TokenStore *store, TokenClientSource tokenClient, Options options,
                   QObject *parent = nullptr);
    ~SessionRenewal() override;

    // How long before expiry an access token is renewed.
    void setRenewalMargin(std::chrono::seconds margin) { m_renewalMargin = margin; }
    std::chrono::seconds renewalMargin() const { return m_renewalMargin; }

    // Looks after `session` of `account`, as read from the keychain.
    void start(const storage::AccountKey &account, StoredSession session);
    // Stores a new sign-in's session (under the lock, so that no renewal elsewhere overwrites it),
    // tells the other processes, and looks after it. `done` gets the refresh token of the session
    // it replaced (empty if none), which the caller should revoke. On error nothing is looked
    // after and the caller must revoke the new session's grant.
    void storeNew(const storage::AccountKey &account, StoredSession session, Callback<QByteArray> done);
    // Forgets the session without touching the keychain; everyone still waiting gets "signed_out".
    void stop();

    bool isActive() const { return m_active; }
    // True while no renewal, sign-in store or sign-out is waiting or running.
    bool isIdle() const { return !m_lockBusy && m_lockedWork.empty(); }
    // Calls `idle` once nothing is waiting or running (at once if so). A process must not exit
    // in the middle of a renewal: the provider has spent the old refresh token, and only the
    // keychain write that follows makes the new one known to the next process.
    void whenIdle(std::function<void()> idle);
    const StoredSession &session() const { return m_session; }

    // A valid access token for the session, renewed first if it is about to expire.
    void accessToken(Callback<QByteArray> done);
    // An access token for one API (RFC 8707). `renew`: the API refused the one we had.
    // Errors: "resource_not_granted", and those of a refresh.
    void accessTokenFor(const QString &resource, bool renew, Callback<QByteArray> done);
    // Ends the session for every process: under the lock, with the newest stored tokens, `revoke`
    // runs; then the account's secrets are wiped and the other processes told. `done` gets the
    // revocation's error, if any; it fails only when the secrets could not be wiped.
    void signOut(Revoke revoke, Callback<std::optional<Error>> done);

Q_SIGNALS:
    // The session's own access token changed (renewed here or adopted from another process).
    void renewed();
    // The session is over and its secrets are gone from the keychain: the provider refused it, or
    // another process signed out. Not emitted for stop() or signOut().
    void ended(const countersign::Error &reason);
    // Renewed tokens could not be written to the keychain: the one stored there is spent, so
    // another process (or the next start) that uses it ends the session. Retried on every change.
    void saveFailed(const countersign::Error &reason);

private:
    using Finished = std::function<void()>;
    using LockedWork = std::function<void(Status locked, Finished finished)>;
    void runLocked(LockedWork work);
    void runNextLocked();

    void refresh(const QString &resource, Callback<Done> done);
    void refreshLocked(const QString &resource, Finished finished);
    void callTokenEndpoint(const QString &resource, bool mayRetry, Finished finished);
    void onRefused(const QString &resource, const QByteArray &sentRefreshToken, const Error &error,
                   bool mayRetry, Finished finished);
    void completeRefresh(const QString &resource, const Status &status);
    void saveAndRing(Callback<Done> done);
    bool needsRefresh(const QString &resource) const;
    // Reads the keychain's copy: Done when adopted (or unreadable: we keep ours), "signed_out"
    // when the session is no longer stored.
    void readStored(Callback<Done> done);
    void adopt(StoredSession stored);
    void onDoorbell();
    void endHere(const Error &reason, bool wipe, Finished finished);
    void scheduleRenewal();

    storage::TokenStore *m_store;
    TokenClientSource m_tokenClient;
    std::chrono::seconds m_renewalMargin{60};
    std::chrono::milliseconds m_lockTimeout;

    bool m_active = false;
    quint64 m_generation = 0; // bumped whenever the session is dropped; late answers are ignored
    storage::AccountKey m_account;
    StoredSession m_session;
    bool m_unsaved = false;               // the keychain holds an older (spent) refresh token than ours
    QHash<QString, QByteArray> m_refused; // per API: the access token it refused (do not adopt it again)
    std::shared_ptr<RenewalLock> m_lock;  // shared with the work that holds it
    std::unique_ptr<SessionDoorbell> m_doorbell;
    QTimer m_renewalTimer;

    std::deque<LockedWork> m_lockedWork; // one at a time, each holding the lock
    bool m_lockBusy = false;
    QList<std::function<void()>> m_idleWaiters;
    QMap<QString, QList<Callback<Done>>> m_refreshWaiters; // per resource ("" = the session's own)
};

} // namespace countersign::session
