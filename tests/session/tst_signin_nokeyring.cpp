// Signing in on a machine with no secret service: the provider part succeeds, but Countersign keeps
// no session and says why — it never falls back to storing tokens anywhere else.
#include "Sandbox.h"
#include "TestEnvironment.h"

#include "session/SessionManager.h"
#include "storage/TokenStore.h"

#include <QDirIterator>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QTest>

using namespace countersign;

class SignInWithoutKeyringTest : public QObject
{
    Q_OBJECT

    test::Sandbox m_sandbox;
    QNetworkAccessManager m_network;

private Q_SLOTS:
    void initTestCase()
    {
        if (!test::chromiumAvailable())
            QSKIP("Chromium is not installed (scripts/test installs it)");
        QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.error()));
    }

    void refusesToKeepASessionWithoutSecureStorage()
    {
        storage::TokenStore store;
        session::SessionManager session(&m_network, &store);
        QList<QProcess *> browsers;
        session.setBrowserOpener([&](const QUrl &url) {
            browsers << test::startBrowser(url, QStringLiteral("alice"), QStringLiteral("alice-demo"), {},
                                           this);
            return true;
        });
        config::ProviderConfig provider;
        provider.issuer = m_sandbox.issuer();
        std::optional<Result<oauth::Identity>> result;
        session.signIn(provider, [&](Result<oauth::Identity> r) { result.emplace(std::move(r)); });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 40000);
        QVERIFY(!result->ok());
        QCOMPARE(result->error().code, QStringLiteral("keychain_unavailable"));
        QVERIFY(result->error().message.contains(QStringLiteral("keychain"), Qt::CaseInsensitive));
        QCOMPARE(session.state(), session::SessionManager::State::SignedOut);
        QVERIFY(session.identity().subject.isEmpty());

        // Nothing that looks like a token was written anywhere we could write.
        for (const QString &root : {qEnvironmentVariable("HOME"), qEnvironmentVariable("XDG_CONFIG_HOME"),
                                    qEnvironmentVariable("XDG_DATA_HOME")}) {
            QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                QFile file(it.next());
                QVERIFY(file.open(QIODevice::ReadOnly));
                const QByteArray content = file.readAll();
                QVERIFY2(!content.contains("eyJ"), qPrintable(file.fileName())); // no JWT (ID token)
                QVERIFY2(!content.contains("refresh_token"), qPrintable(file.fileName()));
            }
        }
        for (QProcess *browser : browsers)
            browser->waitForFinished(5000);
    }
};

QTEST_GUILESS_MAIN(SignInWithoutKeyringTest)
#include "tst_signin_nokeyring.moc"
