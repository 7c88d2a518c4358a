#include "storage/TokenStore.h"

#include "logging/Logging.h"
#include "storage/StorageErrors.h"
#include "storage/TokenIndex.h"

#include <QCoreApplication>
#include <QMetaObject>

namespace countersign::storage {

namespace {

// Runs `next` with the value on success; hands any error straight to `failed`.
template <typename T, typename U, typename Next> Callback<T> andThen(Callback<U> failed, Next next)
{
    return [failed = std::move(failed), next = std::move(next)](Result<T> result) mutable {
        if (!result.ok()) {
            failed(result.error());
            return;
        }
        next(std::move(result).value());
    };
}

Error invalidAccount()
{
    return Error{QString(errors::invalidArgument),
                 QCoreApplication::translate("TokenStore", "Cannot store secrets for an account without an "
                                                           "issuer and a subject.")};
}

Error invalidSlot(const QString &slot)
{
    return Error{QString(errors::invalidArgument),
                 QCoreApplication::translate("TokenStore", "\"%1\" is not a valid name for a stored secret.")
                     .arg(slot)};
}

bool isValidAccount(const AccountKey &account)
{
    return !account.issuer.isEmpty() && !account.subject.isEmpty();
}

std::optional<Error> validate(const AccountKey &account, const QString &slot)
{
    if (!isValidAccount(account))
        return invalidAccount();
    if (!isValidSlot(slot))
        return invalidSlot(slot);
    return std::nullopt;
}

// The index could not be read, so Countersign does not know every entry it has written.
Error indexCorruptBeforeSave()
{
    return Error{QString(errors::indexCorrupt),
                 QCoreApplication::translate(
                     "TokenStore", "Countersign's list of saved sign-ins in the system keychain is "
                                   "damaged. Sign out of all accounts to reset it, then sign in again.")};
}

Error indexCorruptAfterWipe()
{
    return Error{QString(errors::indexCorrupt),
                 QCoreApplication::translate(
                     "TokenStore",
                     "Countersign's list of saved sign-ins in the system keychain was damaged, so "
                     "some saved secrets may remain. Remove the entries labelled \"Countersign\" "
                     "with your keyring manager (for example Seahorse or KWallet Manager).")};
}

} // namespace

TokenStore::TokenStore(QObject *parent) : TokenStore(SecretStore::defaultService(), parent) {}

TokenStore::TokenStore(const QString &service, QObject *parent) : QObject(parent), m_secrets(service) {}

TokenStore::~TokenStore() = default;

// --- public API: validate, then queue -------------------------------------------------------------

void TokenStore::save(const AccountKey &account, const QByteArray &secretBlob, Callback<Done> done)
{
    saveEntry(account, tokensSlot(), secretBlob, std::move(done));
}

void TokenStore::load(const AccountKey &account, Callback<std::optional<QByteArray>> done)
{
    loadEntry(account, tokensSlot(), std::move(done));
}

void TokenStore::saveEntry(const AccountKey &account, const QString &slot, const QByteArray &secret,
                           Callback<Done> done)
{
    const std::optional<Error> invalid = validate(account, slot);
    const QString entryName = invalid ? QString() : accountEntryName(account, slot);
    enqueue<Done>(
        [this, invalid, account, entryName, secret](Callback<Done> finished) {
            if (invalid)
                finished(*invalid);
            else
                saveNow(account, entryName, secret, std::move(finished));
        },
        std::move(done));
}

void TokenStore::loadEntry(const AccountKey &account, const QString &slot,
                           Callback<std::optional<QByteArray>> done)
{
    const std::optional<Error> invalid = validate(account, slot);
    const QString entryName = invalid ? QString() : accountEntryName(account, slot);
    enqueue<std::optional<QByteArray>>(
        [this, invalid, entryName](Callback<std::optional<QByteArray>> finished) {
            if (invalid)
                finished(*invalid);
            else
                loadNow(entryName, std::move(finished));
        },
        std::move(done));
}

void TokenStore::wipe(const AccountKey &account, Callback<Done> done)
{
    enqueue<Done>(
        [this, account](Callback<Done> finished) {
            if (!isValidAccount(account))
                finished(invalidAccount());
            else
                wipeNow(account, std::move(finished));
        },
        std::move(done));
}

void TokenStore::wipeAll(Callback<Done> done)
{
    enqueue<Done>([this](Callback<Done> finished) { wipeAllNow(std::move(finished)); }, std::move(done));
}

void TokenStore::accounts(Callback<QList<AccountKey>> done)
{
    enqueue<QList<AccountKey>>(
        [this](Callback<QList<AccountKey>> finished) { accountsNow(std::move(finished)); }, std::move(done));
}

// --- the queue ------------------------------------------------------------------------------------

// Every operation, even one that fails validation, goes through the queue: callbacks then always
// arrive asynchronously and in call order.
template <typename T> void TokenStore::enqueue(std::function<void(Callback<T>)> operation, Callback<T> done)
{
    m_pending.push_back([this, operation = std::move(operation), done = std::move(done)]() {
        operation([this, done](Result<T> result) {
            m_busy = false;
            QMetaObject::invokeMethod(this, &TokenStore::runNext, Qt::QueuedConnection);
            done(std::move(result)); // last: the callback may destroy this store
        });
    });
    QMetaObject::invokeMethod(this, &TokenStore::runNext, Qt::QueuedConnection);
}

void TokenStore::runNext()
{
    if (m_busy || m_pending.empty())
        return;
    m_busy = true;
    const Operation operation = std::move(m_pending.front());
    m_pending.pop_front();
    operation();
}

// --- operations (run one at a time) ---------------------------------------------------------------

// The index is written before the secret: if the secret write fails or the process dies in between,
// the index names an entry that does not exist (harmless), never the reverse (a secret wipe() misses).
void TokenStore::saveNow(const AccountKey &account, const QString &entryName, const QByteArray &secret,
                         Callback<Done> done)
{
    auto writeSecret = [this, entryName, secret, done]() { m_secrets.write(entryName, secret, done); };
    ensureUnlocked(andThen<Done>(done, [this, account, entryName, done, writeSecret](Done) {
        readIndex(andThen<TokenIndex>(done, [this, account, entryName, done, writeSecret](TokenIndex index) {
            if (!index.add(account, entryName)) {
                writeSecret();
                return;
            }
            writeIndex(index, andThen<Done>(done, [writeSecret](Done) { writeSecret(); }));
        }));
    }));
}

void TokenStore::loadNow(const QString &entryName, Callback<std::optional<QByteArray>> done)
{
    ensureUnlocked(andThen<Done>(done, [this, entryName, done](Done) { m_secrets.read(entryName, done); }));
}

void TokenStore::wipeNow(const AccountKey &account, Callback<Done> done)
{
    ensureUnlocked(andThen<Done>(done, [this, account, done](Done) {
        readIndex([this, account, done](Result<TokenIndex> read) {
            const bool corrupt = !read.ok() && read.error().code == errors::indexCorrupt;
            if (!read.ok() && !corrupt) {
                done(read.error());
                return;
            }
            TokenIndex index = read.ok() ? read.value() : TokenIndex();
            // Also the name the current scheme gives the token set, in case the index lost it.
            QStringList names = index.entriesOf(account);
            const QString tokens = accountEntryName(account, tokensSlot());
            if (!names.contains(tokens))
                names.append(tokens);
            removeEach(names, andThen<Done>(done, [this, account, done, corrupt, index](Done) mutable {
                           if (corrupt) {
                               done(indexCorruptAfterWipe());
                               return;
                           }
                           if (!index.removeAccount(account)) {
                               done(Done{});
                               return;
                           }
                           writeIndex(index, done);
                       }));
        });
    }));
}

void TokenStore::wipeAllNow(Callback<Done> done)
{
    ensureUnlocked(andThen<Done>(done, [this, done](Done) {
        readIndex([this, done](Result<TokenIndex> read) {
            const bool corrupt = !read.ok() && read.error().code == errors::indexCorrupt;
            if (!read.ok() && !corrupt) {
                done(read.error());
                return;
            }
            const QStringList names = read.ok() ? read.value().allEntries() : QStringList();
            removeEach(names, andThen<Done>(done, [this, done, corrupt](Done) {
                           writeIndex(TokenIndex(), andThen<Done>(done, [done, corrupt](Done) {
                                          if (corrupt)
                                              done(indexCorruptAfterWipe());
                                          else
                                              done(Done{});
                                      }));
                       }));
        });
    }));
}

void TokenStore::accountsNow(Callback<QList<AccountKey>> done)
{
    ensureUnlocked(andThen<Done>(done, [this, done](Done) {
        readIndex(andThen<TokenIndex>(done, [done](TokenIndex index) { done(index.accounts()); }));
    }));
}

// --- steps ----------------------------------------------------------------------------------------

void TokenStore::ensureUnlocked(Callback<Done> done)
{
    // A write is the only keychain operation that fails (after prompting) on a locked keyring.
    m_secrets.write(unlockCheckEntryName(), QByteArrayLiteral("1"), std::move(done));
}

void TokenStore::readIndex(Callback<TokenIndex> done)
{
    m_secrets.read(indexEntryName(),
                   andThen<std::optional<QByteArray>>(done, [done](std::optional<QByteArray> json) {
                       if (!json) {
                           done(TokenIndex());
                           return;
                       }
                       std::optional<TokenIndex> index = TokenIndex::fromJson(*json);
                       if (!index) {
                           qCWarning(lcStorage) << "the keychain index of stored entries is not valid JSON";
                           done(indexCorruptBeforeSave());
                           return;
                       }
                       done(std::move(*index));
                   }));
}

// An empty index is removed together with the unlock-check entry, so that wiping every account
// leaves nothing of Countersign in the keychain.
void TokenStore::writeIndex(const TokenIndex &index, Callback<Done> done)
{
    if (!index.isEmpty()) {
        m_secrets.write(indexEntryName(), index.toJson(), std::move(done));
        return;
    }
    removeEach({indexEntryName(), unlockCheckEntryName()}, std::move(done));
}

// One at a time, stopping at the first failure: the index still lists everything, so a retry
// deletes what is left (deleting a missing entry succeeds).
void TokenStore::removeEach(QStringList entryNames, Callback<Done> done)
{
    if (entryNames.isEmpty()) {
        done(Done{});
        return;
    }
    const QString first = entryNames.takeFirst();
    m_secrets.remove(first, andThen<Done>(done, [this, rest = std::move(entryNames), done](Done) {
                         removeEach(rest, done);
                     }));
}

} // namespace countersign::storage
