#include "KeyringTestSupport.h"

#include "storage/SecretStore.h"
#include "storage/StorageErrors.h"
#include "storage/TokenIndex.h"
#include "storage/TokenStore.h"

#include <QRandomGenerator>
#include <QTest>

using namespace countersign;
using namespace countersign::storage;
using countersign::test::await;

namespace {

using Blob = std::optional<QByteArray>;

const AccountKey alice{QStringLiteral("https://issuer.example/"), QStringLiteral("alice-subject")};
const AccountKey bob{QStringLiteral("https://issuer.example/"), QStringLiteral("bob-subject")};
const AccountKey carol{QStringLiteral("https://other-issuer.example/"), QStringLiteral("alice-subject")};

QString describe(const Error &error)
{
    return error.code + QStringLiteral(": ") + error.message;
}

} // namespace

// TokenStore against the real secret service, checked from the outside with secret-tool.
class TokenStoreTest : public QObject
{
    Q_OBJECT

    QString m_service;
    std::unique_ptr<TokenStore> m_store;

    Status save(const AccountKey &account, const QByteArray &blob)
    {
        return await<Done>([&](auto done) { m_store->save(account, blob, done); });
    }
    Status saveEntry(const AccountKey &account, const QString &slot, const QByteArray &blob)
    {
        return await<Done>([&](auto done) { m_store->saveEntry(account, slot, blob, done); });
    }
    Result<Blob> load(const AccountKey &account)
    {
        return await<Blob>([&](auto done) { m_store->load(account, done); });
    }
    Result<Blob> loadEntry(const AccountKey &account, const QString &slot)
    {
        return await<Blob>([&](auto done) { m_store->loadEntry(account, slot, done); });
    }
    Status wipe(const AccountKey &account)
    {
        return await<Done>([&](auto done) { m_store->wipe(account, done); });
    }
    Status wipeAll()
    {
        return await<Done>([&](auto done) { m_store->wipeAll(done); });
    }
    Result<QList<AccountKey>> accounts()
    {
        return await<QList<AccountKey>>([&](auto done) { m_store->accounts(done); });
    }
    // The stored secrets as the secret service sees them, without the index and the unlock check.
    QList<QByteArray> secretsInKeyring()
    {
        auto entries = test::keyringEntries(m_service);
        entries.remove(indexEntryName());
        entries.remove(unlockCheckEntryName());
        return entries.values();
    }

private Q_SLOTS:
    void init()
    {
        m_service = test::uniqueService();
        m_store = std::make_unique<TokenStore>(m_service);
    }

    void cleanup() { m_store.reset(); }

    void loadsWhatWasSaved()
    {
        const Status saved = save(alice, "{\"refresh_token\":\"r1\"}");
        QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : describe(saved.error())));
        const auto loaded = load(alice);
        QVERIFY(loaded.ok());
        QCOMPARE(loaded.value(), Blob("{\"refresh_token\":\"r1\"}"));
        QCOMPARE(secretsInKeyring(), QList<QByteArray>{"{\"refresh_token\":\"r1\"}"});
    }

    void savingAgainReplacesTheTokens()
    {
        QVERIFY(save(alice, "old").ok());
        QVERIFY(save(alice, "new").ok());
        QCOMPARE(load(alice).value(), Blob("new"));
        QCOMPARE(secretsInKeyring(), QList<QByteArray>{"new"});
        QCOMPARE(accounts().value(), QList<AccountKey>{alice});
    }

    void loadingAnUnknownAccountGivesNullopt()
    {
        QVERIFY(save(alice, "alice's").ok());
        const auto loaded = load(bob);
        QVERIFY(loaded.ok());
        QCOMPARE(loaded.value(), Blob());
        QCOMPARE(loadEntry(alice, QStringLiteral("agent-credentials")).value(), Blob());
    }

    void keepsSlotsApart()
    {
        QVERIFY(save(alice, "tokens").ok());
        QVERIFY(saveEntry(alice, QStringLiteral("agent-credentials"), "agent").ok());
        QCOMPARE(load(alice).value(), Blob("tokens"));
        QCOMPARE(loadEntry(alice, QStringLiteral("agent-credentials")).value(), Blob("agent"));
        QCOMPARE(loadEntry(alice, TokenStore::tokensSlot()).value(), Blob("tokens"));
    }

    void keepsIssuersApart()
    {
        QVERIFY(save(alice, "alice at issuer").ok());
        QVERIFY(save(carol, "same subject, other issuer").ok());
        QCOMPARE(load(alice).value(), Blob("alice at issuer"));
        QCOMPARE(load(carol).value(), Blob("same subject, other issuer"));
    }

    void wipeDeletesEverySlotOfThatAccountOnly()
    {
        QVERIFY(save(alice, "alice-tokens").ok());
        QVERIFY(saveEntry(alice, QStringLiteral("agent-credentials"), "alice-agent").ok());
        QVERIFY(saveEntry(alice, QStringLiteral("future-slot"), "alice-future").ok());
        QVERIFY(save(bob, "bob-tokens").ok());
        QCOMPARE(secretsInKeyring().size(), 4);

        const Status wiped = wipe(alice);
        QVERIFY2(wiped.ok(), qPrintable(wiped.ok() ? QString() : describe(wiped.error())));

        QCOMPARE(secretsInKeyring(), QList<QByteArray>{"bob-tokens"});
        QCOMPARE(load(alice).value(), Blob());
        QCOMPARE(loadEntry(alice, QStringLiteral("agent-credentials")).value(), Blob());
        QCOMPARE(load(bob).value(), Blob("bob-tokens"));
        QCOMPARE(accounts().value(), QList<AccountKey>{bob});
    }

    void wipingTheLastAccountLeavesNothingInTheKeyring()
    {
        QVERIFY(save(alice, "alice-tokens").ok());
        QVERIFY(wipe(alice).ok());
        QCOMPARE(test::keyringEntries(m_service), (QMap<QString, QByteArray>{}));
    }

    void wipingAnUnknownAccountSucceeds()
    {
        QVERIFY(save(alice, "alice-tokens").ok());
        QVERIFY(wipe(bob).ok());
        QCOMPARE(load(alice).value(), Blob("alice-tokens"));
    }

    void wipeAllDeletesEveryAccountAndTheIndex()
    {
        QVERIFY(save(alice, "alice-tokens").ok());
        QVERIFY(saveEntry(alice, QStringLiteral("agent-credentials"), "alice-agent").ok());
        QVERIFY(save(bob, "bob-tokens").ok());
        QVERIFY(save(carol, "carol-tokens").ok());

        const Status wiped = wipeAll();
        QVERIFY2(wiped.ok(), qPrintable(wiped.ok() ? QString() : describe(wiped.error())));

        QCOMPARE(test::keyringEntries(m_service), (QMap<QString, QByteArray>{}));
        QCOMPARE(accounts().value(), QList<AccountKey>{});
        QCOMPARE(load(bob).value(), Blob());
    }

    void listsAccountsInTheOrderTheyWereFirstSaved()
    {
        QCOMPARE(accounts().value(), QList<AccountKey>{});
        QVERIFY(save(bob, "b").ok());
        QVERIFY(save(alice, "a").ok());
        QVERIFY(save(bob, "b2").ok());
        QVERIFY(saveEntry(carol, QStringLiteral("agent-credentials"), "c").ok());
        QCOMPARE(accounts().value(), (QList<AccountKey>{bob, alice, carol}));
    }

    // Index updates are read-modify-write: without the queue, the later save would overwrite the
    // index the earlier one wrote.
    void concurrentSavesAllLandInTheIndex()
    {
        QList<AccountKey> expected;
        int finished = 0;
        for (int i = 0; i < 8; ++i) {
            const AccountKey account{QStringLiteral("https://issuer.example/"),
                                     QStringLiteral("user-%1").arg(i)};
            expected.append(account);
            m_store->save(account, QByteArray("secret-") + QByteArray::number(i), [&finished](Status saved) {
                QVERIFY(saved.ok());
                ++finished;
            });
        }
        m_store->saveEntry(expected.first(), QStringLiteral("agent-credentials"), "agent",
                           [&finished](Status saved) {
                               QVERIFY(saved.ok());
                               ++finished;
                           });
        QTRY_COMPARE_WITH_TIMEOUT(finished, 9, 20000);

        QCOMPARE(accounts().value(), expected);
        QCOMPARE(secretsInKeyring().size(), 9);
        QVERIFY(wipeAll().ok());
        QCOMPARE(test::keyringEntries(m_service), (QMap<QString, QByteArray>{}));
    }

    void callsBackInCallOrder()
    {
        QStringList order;
        m_store->save(alice, "a", [&](Status) { order << QStringLiteral("save alice"); });
        m_store->load(alice, [&](Result<Blob> blob) {
            QCOMPARE(blob.value(), Blob("a"));
            order << QStringLiteral("load alice");
        });
        m_store->wipe(alice, [&](Status) { order << QStringLiteral("wipe alice"); });
        m_store->load(alice, [&](Result<Blob> blob) {
            QCOMPARE(blob.value(), Blob());
            order << QStringLiteral("load wiped");
        });
        QTRY_COMPARE_WITH_TIMEOUT(order.size(), 4, 20000);
        QCOMPARE(order, (QStringList{QStringLiteral("save alice"), QStringLiteral("load alice"),
                                     QStringLiteral("wipe alice"), QStringLiteral("load wiped")}));
    }

    void keepsBinaryBlobsIntact()
    {
        const QByteArray binary("\0\x01{\"a\":\0}\xff\xfe\0", 12);
        QVERIFY(save(alice, binary).ok());
        QCOMPARE(load(alice).value(), Blob(binary));
        QCOMPARE(secretsInKeyring(), QList<QByteArray>{binary});
    }

    void storesA64KilobyteBlob()
    {
        QByteArray big(64 * 1024, Qt::Uninitialized);
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(big.data()), big.size() / 4);
        QVERIFY(save(alice, big).ok());
        QCOMPARE(load(alice).value(), Blob(big));
        QCOMPARE(secretsInKeyring(), QList<QByteArray>{big});
    }

    void entryNamesRevealNeitherIssuerNorSubject()
    {
        QVERIFY(save(alice, "a").ok());
        QVERIFY(saveEntry(alice, QStringLiteral("agent-credentials"), "b").ok());
        const QStringList names = test::keyringEntries(m_service).keys();
        QCOMPARE(names.size(), 4); // two slots, the index, the unlock check
        for (const QString &name : names) {
            QVERIFY2(!name.contains(QStringLiteral("issuer")) && !name.contains(QStringLiteral("alice")),
                     qPrintable(name));
        }
    }

    void rejectsInvalidSlotsAndAccounts()
    {
        const Status badSlot = saveEntry(alice, QStringLiteral("../index"), "x");
        QVERIFY(!badSlot.ok());
        QCOMPARE(badSlot.error().code, QString(errors::invalidArgument));
        QVERIFY(!loadEntry(alice, QStringLiteral("")).ok());
        const Status noSubject = save({QStringLiteral("https://issuer.example/"), QString()}, "x");
        QCOMPARE(noSubject.error().code, QString(errors::invalidArgument));
        QCOMPARE(wipe({QString(), QStringLiteral("s")}).error().code, QString(errors::invalidArgument));
        QCOMPARE(test::keyringEntries(m_service), (QMap<QString, QByteArray>{}));
    }

    // Something else wrote garbage under the index name: saving refuses (it could not know what to
    // wipe later), wipeAll resets it and says secrets may remain, and afterwards saving works again.
    void damagedIndexIsReportedAndWipeAllResetsIt()
    {
        QVERIFY(save(alice, "alice-tokens").ok());
        SecretStore raw(m_service);
        QVERIFY(await<Done>([&](auto done) { raw.write(indexEntryName(), "{not json", done); }).ok());

        const Status saved = save(bob, "bob-tokens");
        QVERIFY(!saved.ok());
        QCOMPARE(saved.error().code, QString(errors::indexCorrupt));
        QCOMPARE(accounts().error().code, QString(errors::indexCorrupt));

        // wipe() still deletes the account's token set, whose name it can compute.
        const Status wiped = wipe(alice);
        QCOMPARE(wiped.error().code, QString(errors::indexCorrupt));
        QVERIFY(!secretsInKeyring().contains("alice-tokens"));

        const Status reset = wipeAll();
        QCOMPARE(reset.error().code, QString(errors::indexCorrupt));
        QVERIFY(reset.error().message.contains(QStringLiteral("may remain")));
        QCOMPARE(test::keyringEntries(m_service), (QMap<QString, QByteArray>{}));

        QVERIFY(save(bob, "bob-tokens").ok());
        QCOMPARE(accounts().value(), QList<AccountKey>{bob});
    }

    // A lost index must not leave the token set behind on sign-out.
    void wipeDeletesTheTokenSetEvenIfTheIndexWasLost()
    {
        QVERIFY(save(alice, "alice-tokens").ok());
        SecretStore raw(m_service);
        QVERIFY(await<Done>([&](auto done) { raw.remove(indexEntryName(), done); }).ok());
        QVERIFY(wipe(alice).ok());
        QCOMPARE(secretsInKeyring(), QList<QByteArray>{});
    }

    void neverCallsBackAfterItIsDestroyed()
    {
        bool called = false;
        m_store->save(alice, "x", [&](Status) { called = true; });
        m_store->load(alice, [&](Result<Blob>) { called = true; });
        QTest::qWait(0); // let the queue start the first operation
        m_store.reset();
        QTest::qWait(500);
        QVERIFY(!called);
    }

    void aCallbackMayDestroyTheStore()
    {
        bool loaded = false;
        m_store->save(alice, "x", [&](Status) { m_store.reset(); });
        QTRY_VERIFY_WITH_TIMEOUT(!m_store, 10000);
        m_store = std::make_unique<TokenStore>(m_service);
        m_store->load(alice, [&](Result<Blob> blob) { loaded = blob.ok() && blob.value() == Blob("x"); });
        QTRY_VERIFY_WITH_TIMEOUT(loaded, 10000);
    }
};

QTEST_GUILESS_MAIN(TokenStoreTest)
#include "tst_storage_tokenstore.moc"
