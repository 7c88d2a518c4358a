#include "storage/SecretStore.h"

#include "logging/Logging.h"
#include "storage/KeychainErrors.h"

#include <qt6keychain/keychain.h>

namespace countersign::storage {

namespace {

// Jobs get no parent: QtKeychain's libsecret backend calls back into the job when the D-Bus reply
// arrives, so a job must outlive its request even if the SecretStore goes away. autoDelete frees it
// after `finished`; the connection's context object (the store) drops the callback if the store is
// gone by then.
template <typename JobType> JobType *makeJob(const QString &service, const QString &key)
{
    auto *job = new JobType(service);
    job->setKey(key);
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never write secrets to QSettings when the keychain is missing
    return job;
}

Error failure(const char *operation, const QKeychain::Job *job)
{
    // Entry names carry no secrets (TokenStore hashes account identities); errorString() comes from
    // the keychain daemon and never contains the stored value.
    qCWarning(lcStorage).noquote().nospace()
        << "keychain " << operation << " of \"" << job->key() << "\" in \"" << job->service()
        << "\" failed: error " << int(job->error()) << ", " << job->errorString();
    return keychainError(job->error(), job->errorString());
}

} // namespace

SecretStore::SecretStore(QString service, QObject *parent) : QObject(parent), m_service(std::move(service)) {}

void SecretStore::read(const QString &key, Callback<std::optional<QByteArray>> done)
{
    auto *job = makeJob<QKeychain::ReadPasswordJob>(m_service, key);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *finished) {
        const auto *read = static_cast<QKeychain::ReadPasswordJob *>(finished);
        switch (read->error()) {
        case QKeychain::NoError:
            done(std::optional<QByteArray>(read->binaryData()));
            return;
        case QKeychain::EntryNotFound:
            done(std::optional<QByteArray>());
            return;
        default:
            done(failure("read", read));
        }
    });
    job->start();
}

void SecretStore::write(const QString &key, const QByteArray &secret, Callback<Done> done)
{
    auto *job = makeJob<QKeychain::WritePasswordJob>(m_service, key);
    // Binary mode: QtKeychain base64-encodes, so NUL bytes and invalid UTF-8 survive the round trip.
    job->setBinaryData(secret);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *finished) {
        if (finished->error() == QKeychain::NoError)
            done(Done{});
        else
            done(failure("write", finished));
    });
    job->start();
}

void SecretStore::remove(const QString &key, Callback<Done> done)
{
    auto *job = makeJob<QKeychain::DeletePasswordJob>(m_service, key);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *finished) {
        if (finished->error() == QKeychain::NoError || finished->error() == QKeychain::EntryNotFound)
            done(Done{});
        else
            done(failure("remove", finished));
    });
    job->start();
}

} // namespace countersign::storage
