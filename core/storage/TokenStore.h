#pragma once

#include "common/Result.h"
#include "storage/AccountKey.h"
#include "storage/SecretStore.h"

#include <QByteArray>
#include <QList>
#include <QObject>

#include <deque>
#include <functional>
#include <optional>

namespace countersign::storage {

class TokenIndex;

// The secrets of signed-in accounts, kept only in the system keychain (see SecretStore).
//
// Each account's secrets are opaque blobs in named slots: save()/load() use the "tokens" slot for the
// serialised token set; other owners use their own slot ("agent-credentials", ...) with saveEntry()/
// loadEntry(). An index of every entry written, itself kept in the keychain, lets wipe() delete all of
// an account's entries even after the naming scheme grows. Entry names are hashes, so the keychain
// shows neither issuer nor subject in them.
//
// Operations run one at a time in the order they were called, so concurrent saves never lose each
// other's index entries. Use one TokenStore per service name in a process (two instances would race
// on the index). Callbacks run on the calling thread, never after the TokenStore is destroyed.
//
// A locked keyring makes QtKeychain report "no entry" for reads and success for deletes without
// touching anything. So before reading or deleting, every operation writes a small "unlock-check"
// entry: writing makes the keyring ask the person to unlock it, and fails if it stays locked. A
// locked keyring therefore yields errors::keychainAccessDenied / keychainUnavailable, and nullopt
// from load() means the entry really is absent. The check entry is removed once no account is left.
//
// Entries that never made it into the index (written by something else) cannot be found: QtKeychain
// offers no way to list entries.
class TokenStore : public QObject
{
    Q_OBJECT
public:
    // The slot save() and load() use.
    static QString tokensSlot() { return QStringLiteral("tokens"); }

    // Entries under SecretStore::defaultService() ("Countersign").
    explicit TokenStore(QObject *parent = nullptr);
    // Entries under another service name (tests use their own so runs never share entries).
    explicit TokenStore(const QString &service, QObject *parent = nullptr);
    ~TokenStore() override;

    // Stores `secretBlob` as the account's token set, replacing any previous one.
    void save(const AccountKey &account, const QByteArray &secretBlob, Callback<Done> done);
    // The account's token set, or std::nullopt if none is stored.
    void load(const AccountKey &account, Callback<std::optional<QByteArray>> done);

    // The same for any slot: 1-64 characters of [a-z0-9._-] (errors::invalidArgument otherwise).
    void saveEntry(const AccountKey &account, const QString &slot, const QByteArray &secret,
                   Callback<Done> done);
    void loadEntry(const AccountKey &account, const QString &slot, Callback<std::optional<QByteArray>> done);

    // Deletes every stored entry of `account` (sign-out). Other accounts are untouched.
    void wipe(const AccountKey &account, Callback<Done> done);
    // Deletes every entry of every account and the index.
    void wipeAll(Callback<Done> done);

    // The accounts that have entries stored, in the order they were first saved.
    void accounts(Callback<QList<AccountKey>> done);

private:
    using Operation = std::function<void()>;
    template <typename T> void enqueue(std::function<void(Callback<T>)> operation, Callback<T> done);
    void runNext();

    void saveNow(const AccountKey &account, const QString &entryName, const QByteArray &secret,
                 Callback<Done> done);
    void loadNow(const QString &entryName, Callback<std::optional<QByteArray>> done);
    void wipeNow(const AccountKey &account, Callback<Done> done);
    void wipeAllNow(Callback<Done> done);
    void accountsNow(Callback<QList<AccountKey>> done);

    void ensureUnlocked(Callback<Done> done);
    void readIndex(Callback<TokenIndex> done);
    void writeIndex(const TokenIndex &index, Callback<Done> done);
    void removeEach(QStringList entryNames, Callback<Done> done);

    SecretStore m_secrets;
    std::deque<Operation> m_pending;
    bool m_busy = false;
};

} // namespace countersign::storage
