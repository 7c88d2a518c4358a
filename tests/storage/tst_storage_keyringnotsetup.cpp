#include "KeyringTestSupport.h"

#include "storage/SecretStore.h"
#include "storage/StorageErrors.h"
#include "storage/TokenStore.h"

#include <QTest>

using namespace countersign;
using namespace countersign::storage;
using countersign::test::await;

namespace {

using Blob = std::optional<QByteArray>;

const AccountKey alice{QStringLiteral("https://issuer.example/"), QStringLiteral("alice")};

} // namespace

// gnome-keyring runs (started by D-Bus activation) but has no keyring to store into, and cannot ask
// for one to be created. Runs under with-keyring-daemon-without-keyring.sh.
class KeyringNotSetUpTest : public QObject
{
    Q_OBJECT

    const QString m_service = test::uniqueService();

private Q_SLOTS:
    // The SecretStore limitation again: reads and deletes cannot tell this apart from "no entry".
    void secretStoreOnlyWritesNoticeTheProblem()
    {
        SecretStore raw(m_service);
        const auto read = await<Blob>([&](auto done) { raw.read(QStringLiteral("k"), done); });
        QVERIFY(read.ok());
        QCOMPARE(read.value(), Blob());
        const Status written = await<Done>([&](auto done) { raw.write(QStringLiteral("k"), "x", done); });
        QVERIFY(!written.ok());
        QCOMPARE(written.error().code, QString(errors::keychainUnavailable));
    }

    // TokenStore reports the keychain as unusable instead of "signed out" / "wiped".
    void tokenStoreReportsTheKeychainAsUnusable()
    {
        TokenStore store(m_service);
        const auto loaded = await<Blob>([&](auto done) { store.load(alice, done); });
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code, QString(errors::keychainUnavailable));
        QVERIFY2(loaded.error().message.contains(QStringLiteral("GNOME Keyring")),
                 qPrintable(loaded.error().message));

        const Status saved = await<Done>([&](auto done) { store.save(alice, "tokens", done); });
        QCOMPARE(saved.ok() ? QString() : saved.error().code, QString(errors::keychainUnavailable));
        const Status wiped = await<Done>([&](auto done) { store.wipe(alice, done); });
        QCOMPARE(wiped.ok() ? QString() : wiped.error().code, QString(errors::keychainUnavailable));
        const auto listed = await<QList<AccountKey>>([&](auto done) { store.accounts(done); });
        QCOMPARE(listed.ok() ? QString() : listed.error().code, QString(errors::keychainUnavailable));
    }
};

QTEST_GUILESS_MAIN(KeyringNotSetUpTest)
#include "tst_storage_keyringnotsetup.moc"
