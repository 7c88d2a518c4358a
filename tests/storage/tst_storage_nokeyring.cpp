#include "KeyringTestSupport.h"

#include "storage/SecretStore.h"
#include "storage/StorageErrors.h"
#include "storage/TokenStore.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QStandardPaths>
#include <QTest>
#include <QUuid>

using namespace countersign;
using namespace countersign::storage;
using countersign::test::await;

namespace {

using Blob = std::optional<QByteArray>;

const AccountKey alice{QStringLiteral("https://issuer.example/"), QStringLiteral("alice")};

// Every directory a plaintext fallback (QSettings, a cache, a temp file) could write to.
QStringList writableDirectories()
{
    QStringList dirs{QDir::homePath(), QDir::tempPath()};
    for (const char *variable : {"XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR"}) {
        if (qEnvironmentVariableIsSet(variable))
            dirs << qEnvironmentVariable(variable);
    }
    for (auto location : {QStandardPaths::AppConfigLocation, QStandardPaths::AppDataLocation,
                          QStandardPaths::GenericConfigLocation, QStandardPaths::GenericDataLocation,
                          QStandardPaths::CacheLocation, QStandardPaths::RuntimeLocation})
        dirs << QStandardPaths::writableLocation(location);
    dirs.removeAll(QString());
    dirs.removeDuplicates();
    return dirs;
}

// Files below `dirs` changed since `since` whose contents include any of `needles`.
QStringList filesContaining(const QStringList &dirs, const QDateTime &since, const QList<QByteArray> &needles)
{
    QStringList found;
    for (const QString &dir : dirs) {
        QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::NoSymLinks, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (it.fileInfo().lastModified() < since || it.fileInfo().size() > 16 * 1024 * 1024)
                continue;
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                continue;
            const QByteArray contents = file.readAll();
            for (const QByteArray &needle : needles) {
                if (contents.contains(needle))
                    found << path;
            }
        }
    }
    return found;
}

} // namespace

// No secret service: run once with no session bus at all (without-keyring.sh) and once on a bus where
// nothing provides org.freedesktop.secrets (with-bus-without-secret-service.sh). Either way every
// operation fails quickly with errors::keychainUnavailable and a sentence that says what to do, and no
// secret lands on disk.
class NoKeyringTest : public QObject
{
    Q_OBJECT

    const QString m_service = test::uniqueService();
    const QByteArray m_secret = "cs-test-secret-" + QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    QDateTime m_started;

    template <typename T>
    void expectUnavailable(const char *what, const std::function<void(Callback<T>)> &start)
    {
        QElapsedTimer timer;
        timer.start();
        const Result<T> result = await<T>(start, 10000);
        const qint64 elapsed = timer.elapsed();
        QVERIFY2(!result.ok(), what);
        QVERIFY2(
            result.error().code == errors::keychainUnavailable,
            qPrintable(QStringLiteral("%1: %2 (%3)").arg(what, result.error().code, result.error().message)));
        QVERIFY2(result.error().message.contains(QStringLiteral("GNOME Keyring")),
                 qPrintable(result.error().message));
        QVERIFY2(elapsed < 3000, qPrintable(QStringLiteral("%1 took %2 ms").arg(what).arg(elapsed)));
        qInfo("%s -> %s in %lld ms: %s", what, qPrintable(result.error().code), elapsed,
              qPrintable(result.error().message));
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Second-resolution file times on some filesystems.
        m_started = QDateTime::currentDateTime().addSecs(-2);
    }

    void secretStoreOperationsFailAsUnavailable()
    {
        SecretStore store(m_service);
        expectUnavailable<Done>("write",
                                [&](auto done) { store.write(QStringLiteral("k"), m_secret, done); });
        expectUnavailable<Blob>("read", [&](auto done) { store.read(QStringLiteral("k"), done); });
        expectUnavailable<Done>("remove", [&](auto done) { store.remove(QStringLiteral("k"), done); });
    }

    void tokenStoreOperationsFailAsUnavailable()
    {
        TokenStore store(m_service);
        expectUnavailable<Done>("save", [&](auto done) { store.save(alice, m_secret, done); });
        expectUnavailable<Done>("saveEntry", [&](auto done) {
            store.saveEntry(alice, QStringLiteral("agent-credentials"), m_secret, done);
        });
        expectUnavailable<Blob>("load", [&](auto done) { store.load(alice, done); });
        expectUnavailable<Blob>("loadEntry", [&](auto done) {
            store.loadEntry(alice, QStringLiteral("agent-credentials"), done);
        });
        expectUnavailable<QList<AccountKey>>("accounts", [&](auto done) { store.accounts(done); });
        expectUnavailable<Done>("wipe", [&](auto done) { store.wipe(alice, done); });
        expectUnavailable<Done>("wipeAll", [&](auto done) { store.wipeAll(done); });
    }

    void defaultServiceFailsTheSameWay()
    {
        TokenStore store;
        expectUnavailable<Done>("save (default service)",
                                [&](auto done) { store.save(alice, m_secret, done); });
    }

    // Runs last: nothing the operations above did may have put the secret (raw, or base64 as
    // QtKeychain's plaintext fallback would store it) into a file. In the directories private to this
    // run (HOME, XDG_*), not even the service name may appear: a QSettings fallback file would carry it.
    void nothingWasWrittenToDisk()
    {
        const QStringList dirs = writableDirectories();
        qInfo() << "scanned:" << dirs;
        QStringList leaked = filesContaining(dirs, m_started, {m_secret, m_secret.toBase64()});
        QStringList privateDirs = dirs;
        privateDirs.removeAll(QDir::tempPath()); // holds this test's own log when run by hand
        leaked += filesContaining(privateDirs, m_started, {m_service.toUtf8()});
        QVERIFY2(leaked.isEmpty(), qPrintable(leaked.join(QStringLiteral(", "))));
    }
};

QTEST_GUILESS_MAIN(NoKeyringTest)
#include "tst_storage_nokeyring.moc"
