#include "storage/KeychainErrors.h"
#include "storage/StorageErrors.h"

#include <QTest>

using namespace countersign;
using namespace countersign::storage;

Q_DECLARE_METATYPE(QKeychain::Error)

class KeychainErrorsTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void mapsEveryKeychainErrorToAStableCode_data()
    {
        QTest::addColumn<QKeychain::Error>("error");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("advice"); // a word the sentence must contain
        QTest::newRow("EntryNotFound") << QKeychain::EntryNotFound << QString(errors::keychainEntryNotFound)
                                       << QStringLiteral("sign in again");
        QTest::newRow("CouldNotDeleteEntry")
            << QKeychain::CouldNotDeleteEntry << QString(errors::keychainDeleteFailed)
            << QStringLiteral("Seahorse");
        QTest::newRow("AccessDeniedByUser")
            << QKeychain::AccessDeniedByUser << QString(errors::keychainAccessDeniedByUser)
            << QStringLiteral("allow access");
        QTest::newRow("AccessDenied")
            << QKeychain::AccessDenied << QString(errors::keychainAccessDenied) << QStringLiteral("Unlock");
        QTest::newRow("NoBackendAvailable")
            << QKeychain::NoBackendAvailable << QString(errors::keychainUnavailable)
            << QStringLiteral("GNOME Keyring");
        QTest::newRow("NotImplemented") << QKeychain::NotImplemented << QString(errors::keychainNotSupported)
                                        << QStringLiteral("GNOME Keyring");
        QTest::newRow("OtherError") << QKeychain::OtherError << QString(errors::keychainUnavailable)
                                    << QStringLiteral("GNOME Keyring");
        // QtKeychain may grow values; anything unknown is treated as "the keychain cannot be used".
        QTest::newRow("unknown") << QKeychain::Error(42) << QString(errors::keychainUnavailable)
                                 << QStringLiteral("GNOME Keyring");
    }

    void mapsEveryKeychainErrorToAStableCode()
    {
        QFETCH(QKeychain::Error, error);
        QFETCH(QString, code);
        QFETCH(QString, advice);
        const Error mapped = keychainError(error, {});
        QCOMPARE(mapped.code, code);
        QVERIFY2(mapped.message.contains(advice), qPrintable(mapped.message));
        QVERIFY(mapped.message.endsWith(u'.'));
    }

    void appendsWhatTheKeychainSaid()
    {
        const QString detail = QStringLiteral("Could not connect: No such file or directory");
        for (auto error : {QKeychain::OtherError, QKeychain::AccessDenied, QKeychain::CouldNotDeleteEntry}) {
            const Error mapped = keychainError(error, detail);
            QVERIFY2(mapped.message.contains(detail), qPrintable(mapped.message));
        }
    }

    // With no secret service, QtKeychain reports OtherError; the person must still be told what to do.
    void otherErrorTellsThePersonToStartAKeyring()
    {
        const Error mapped =
            keychainError(QKeychain::OtherError, QStringLiteral("The name is not activatable"));
        QCOMPARE(mapped.code, QString(errors::keychainUnavailable));
        QVERIFY(mapped.message.contains(QStringLiteral("KWallet")));
        QVERIFY(mapped.message.contains(QStringLiteral("The name is not activatable")));
    }
};

QTEST_GUILESS_MAIN(KeychainErrorsTest)
#include "tst_storage_keychainerrors.moc"
