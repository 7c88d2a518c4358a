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

// libsecret reports SECRET_ERROR_IS_LOCKED ("Cannot create an item in a locked collection"), which
// QtKeychain turns into AccessDenied.
bool isKeychainRefusal(const Error &error)
{
    return error.code == errors::keychainAccessDenied && error.message.contains(QStringLiteral("Unlock"));
}

} // namespace

// What happens when the keyring is locked and nobody unlocks it (here: gnome-keyring cannot show its
// unlock prompt, as when a person dismisses it). The keyring is locked once, in initTestCase, so every
// test function below runs against the locked keyring.
class LockedKeyringTest : public QObject
{
    Q_OBJECT

    const QString m_service = test::uniqueService();
    TokenStore m_store{m_service};

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(await<Done>([&](auto done) { m_store.save(alice, "alice-tokens", done); }).ok());
        QVERIFY(await<Done>([&](auto done) {
                    m_store.saveEntry(alice, QStringLiteral("agent-credentials"), "a", done);
                }).ok());
        QCOMPARE(test::lockedItemCount(m_service), 0);
        QVERIFY(test::lockDefaultCollection());
        QCOMPARE(test::lockedItemCount(m_service), 4); // two slots, the index, the unlock check
    }

    // The documented SecretStore limitation, pinned so that we notice if QtKeychain changes: a read
    // of an existing entry in a locked keyring looks like "no entry", and a delete "succeeds".
    void secretStoreReadLooksLikeAMissingEntry()
    {
        SecretStore raw(m_service);
        const auto read = await<Blob>([&](auto done) { raw.read(QStringLiteral("index"), done); });
        QVERIFY(read.ok());
        QCOMPARE(read.value(), Blob());
        QVERIFY(await<Done>([&](auto done) { raw.remove(QStringLiteral("index"), done); }).ok());
        QCOMPARE(test::lockedItemCount(m_service), 4);
    }

    void secretStoreWriteFailsWithAReadableError()
    {
        SecretStore raw(m_service);
        const Status written = await<Done>([&](auto done) { raw.write(QStringLiteral("new"), "x", done); });
        QVERIFY(!written.ok());
        QVERIFY2(isKeychainRefusal(written.error()),
                 qPrintable(written.error().code + u' ' + written.error().message));
    }

    // TokenStore does not mistake the locked keyring for "signed out".
    void loadFailsInsteadOfReportingNoTokens()
    {
        const auto loaded = await<Blob>([&](auto done) { m_store.load(alice, done); });
        QVERIFY(!loaded.ok());
        QVERIFY2(isKeychainRefusal(loaded.error()), qPrintable(loaded.error().message));
    }

    void accountsFails()
    {
        const auto listed = await<QList<AccountKey>>([&](auto done) { m_store.accounts(done); });
        QVERIFY(!listed.ok());
        QVERIFY(isKeychainRefusal(listed.error()));
    }

    void saveFails()
    {
        const Status saved = await<Done>([&](auto done) { m_store.save(alice, "newer-tokens", done); });
        QVERIFY(!saved.ok());
        QVERIFY(isKeychainRefusal(saved.error()));
    }

    // Sign-out must not claim success while the secrets stay in the keyring.
    void wipeFailsAndSaysSo()
    {
        const Status wiped = await<Done>([&](auto done) { m_store.wipe(alice, done); });
        QVERIFY(!wiped.ok());
        QVERIFY(isKeychainRefusal(wiped.error()));
        const Status all = await<Done>([&](auto done) { m_store.wipeAll(done); });
        QVERIFY(!all.ok());
        QCOMPARE(test::lockedItemCount(m_service), 4);
    }
};

QTEST_GUILESS_MAIN(LockedKeyringTest)
#include "tst_storage_lockedkeyring.moc"
