#include "KeyringTestSupport.h"

#include "storage/SecretStore.h"

#include <QRandomGenerator>
#include <QTest>

using namespace countersign;
using namespace countersign::storage;
using countersign::test::await;

namespace {

using Blob = std::optional<QByteArray>;

QByteArray randomBytes(int size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), size / 4);
    return bytes;
}

} // namespace

// SecretStore against the real secret service (gnome-keyring in a private D-Bus session).
class SecretStoreTest : public QObject
{
    Q_OBJECT

    Status write(SecretStore &store, const QString &key, const QByteArray &secret)
    {
        return await<Done>([&](auto done) { store.write(key, secret, done); });
    }
    Result<Blob> read(SecretStore &store, const QString &key)
    {
        return await<Blob>([&](auto done) { store.read(key, done); });
    }
    Status remove(SecretStore &store, const QString &key)
    {
        return await<Done>([&](auto done) { store.remove(key, done); });
    }

private Q_SLOTS:
    void readsBackWhatItWrote()
    {
        SecretStore store(test::uniqueService());
        QVERIFY(write(store, QStringLiteral("k"), "s3cret").ok());
        const auto read = this->read(store, QStringLiteral("k"));
        QVERIFY(read.ok());
        QCOMPARE(read.value(), Blob("s3cret"));
    }

    void writingAgainReplacesTheSecret()
    {
        SecretStore store(test::uniqueService());
        QVERIFY(write(store, QStringLiteral("k"), "first").ok());
        QVERIFY(write(store, QStringLiteral("k"), "second").ok());
        QCOMPARE(read(store, QStringLiteral("k")).value(), Blob("second"));
        QCOMPARE(test::keyringEntries(store.service()).size(), 1);
    }

    void readingAMissingEntryGivesNullopt()
    {
        SecretStore store(test::uniqueService());
        const auto read = this->read(store, QStringLiteral("never-written"));
        QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error().message));
        QCOMPARE(read.value(), Blob());
    }

    void removeDeletesTheEntry()
    {
        SecretStore store(test::uniqueService());
        QVERIFY(write(store, QStringLiteral("k"), "gone soon").ok());
        QVERIFY(remove(store, QStringLiteral("k")).ok());
        QCOMPARE(read(store, QStringLiteral("k")).value(), Blob());
        QVERIFY(test::keyringEntries(store.service()).isEmpty());
    }

    void removingAMissingEntrySucceeds()
    {
        SecretStore store(test::uniqueService());
        QVERIFY(remove(store, QStringLiteral("never-written")).ok());
    }

    void keepsBinaryBytesIntact()
    {
        SecretStore store(test::uniqueService());
        const QByteArray binary("\0a\0b\xff\xfe\x80\n\r\0", 10);
        QVERIFY(write(store, QStringLiteral("bin"), binary).ok());
        QCOMPARE(read(store, QStringLiteral("bin")).value(), Blob(binary));
    }

    void storesA64KilobyteSecret()
    {
        SecretStore store(test::uniqueService());
        const QByteArray big = randomBytes(64 * 1024);
        QVERIFY(write(store, QStringLiteral("big"), big).ok());
        QCOMPARE(read(store, QStringLiteral("big")).value(), Blob(big));
    }

    void storesAnEmptySecret()
    {
        SecretStore store(test::uniqueService());
        QVERIFY(write(store, QStringLiteral("empty"), QByteArray()).ok());
        const auto read = this->read(store, QStringLiteral("empty"));
        QVERIFY(read.ok());
        QVERIFY(read.value().has_value());
        QCOMPARE(read.value()->size(), 0);
    }

    // Checked with secret-tool, not QtKeychain: the secret is really in the secret service, under
    // the service name and key we chose.
    void secretIsInTheSecretService()
    {
        SecretStore store(test::uniqueService());
        QVERIFY(write(store, QStringLiteral("visible"), "outside-check").ok());
        const auto entries = test::keyringEntries(store.service());
        QCOMPARE(entries.keys(), QStringList{QStringLiteral("visible")});
        QCOMPARE(entries.value(QStringLiteral("visible")), QByteArray("outside-check"));
    }

    void servicesDoNotShareEntries()
    {
        SecretStore first(test::uniqueService());
        SecretStore second(test::uniqueService());
        QVERIFY(write(first, QStringLiteral("k"), "first's").ok());
        QCOMPARE(read(second, QStringLiteral("k")).value(), Blob());
        QVERIFY(remove(second, QStringLiteral("k")).ok());
        QCOMPARE(read(first, QStringLiteral("k")).value(), Blob("first's"));
    }

    void defaultServiceIsCountersign() { QCOMPARE(SecretStore().service(), QStringLiteral("Countersign")); }

    void neverCallsBackAfterItIsDestroyed()
    {
        const QString service = test::uniqueService();
        bool called = false;
        {
            SecretStore store(service);
            store.write(QStringLiteral("k"), "x", [&](Status) { called = true; });
        }
        // The job still runs to completion; only the callback is dropped.
        QTRY_COMPARE_WITH_TIMEOUT(test::keyringEntries(service).size(), 1, 10000);
        QTest::qWait(100);
        QVERIFY(!called);
    }

    void callsBackOnceInStartOrder()
    {
        SecretStore store(test::uniqueService());
        QStringList order;
        for (int i = 0; i < 5; ++i)
            store.write(QStringLiteral("k%1").arg(i), "v", [&order, i](Status s) {
                QVERIFY(s.ok());
                order.append(QString::number(i));
            });
        QTRY_COMPARE_WITH_TIMEOUT(order.size(), 5, 10000);
        QCOMPARE(order, (QStringList{"0", "1", "2", "3", "4"}));
    }
};

QTEST_GUILESS_MAIN(SecretStoreTest)
#include "tst_storage_secretstore.moc"
