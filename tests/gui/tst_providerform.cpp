// ProviderForm: what the sign-in page accepts as a provider, and what it turns that into.
#include "signin/ProviderForm.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using countersign::config::ProviderConfig;
using countersign::gui::ProviderForm;

class ProviderFormTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sandboxNeedsNoFields()
    {
        ProviderForm form;
        QVERIFY(form.isValid());
        const auto provider = form.providerConfig();
        QVERIFY(provider);
        QCOMPARE(provider->kind, ProviderConfig::Kind::Sandbox);
        QVERIFY(provider->issuer.isEmpty());
    }

    void auth0DomainBecomesItsIssuer_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::newRow("bare") << "example.eu.auth0.com";
        QTest::newRow("pasted url") << " https://Example.eu.auth0.com/ ";
    }
    void auth0DomainBecomesItsIssuer()
    {
        QFETCH(QString, typed);
        ProviderForm form;
        form.setKind(ProviderForm::Kind::Auth0);
        form.setAuth0Domain(typed);
        form.setClientId(QStringLiteral(" abc123 "));
        QVERIFY2(form.isValid(), qPrintable(form.auth0DomainError() + form.clientIdError()));
        const auto provider = form.providerConfig();
        QCOMPARE(provider->kind, ProviderConfig::Kind::Auth0);
        QCOMPARE(provider->issuer, QUrl(QStringLiteral("https://example.eu.auth0.com/")));
        QCOMPARE(provider->clientId, QStringLiteral("abc123"));
        QVERIFY(provider->audience.isEmpty());
    }

    void auth0TakesAPortAnAudienceAndACaFile()
    {
        QTemporaryDir dir;
        QFile ca(dir.filePath(QStringLiteral("ca.pem")));
        QVERIFY(ca.open(QIODevice::WriteOnly));
        ca.close();
        ProviderForm form;
        form.setKind(ProviderForm::Kind::Auth0);
        form.setAuth0Domain(QStringLiteral("127.0.0.1:8443"));
        form.setClientId(QStringLiteral("abc"));
        form.setAudience(QStringLiteral(" https://api.example.com/stock "));
        form.setCaFile(dir.filePath(QStringLiteral("missing.pem")));
        QVERIFY(!form.caFileError().isEmpty());
        QVERIFY(!form.isValid());
        form.setCaFile(ca.fileName());
        QVERIFY2(form.isValid(), qPrintable(form.auth0DomainError() + form.caFileError()));
        const auto provider = form.providerConfig();
        QCOMPARE(provider->issuer, QUrl(QStringLiteral("https://127.0.0.1:8443/")));
        QCOMPARE(provider->audience, QStringLiteral("https://api.example.com/stock"));
        QCOMPARE(provider->caFile, ca.fileName());

        ProviderForm again;
        again.setProviderConfig(*provider);
        QCOMPARE(again.kind(), ProviderForm::Kind::Auth0);
        QCOMPARE(again.auth0Domain(), QStringLiteral("127.0.0.1:8443"));
        QCOMPARE(again.audience(), QStringLiteral("https://api.example.com/stock"));
        QCOMPARE(again.caFile(), ca.fileName());

        form.setAuth0Domain(QStringLiteral("example.auth0.com:99999"));
        QVERIFY(!form.auth0DomainError().isEmpty());
    }

    void rejectsWhatIsNotADomain_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::newRow("empty") << "";
        QTest::newRow("spaces") << "my tenant";
        QTest::newRow("no dot") << "localhost";
        QTest::newRow("path") << "example.auth0.com/authorize";
    }
    void rejectsWhatIsNotADomain()
    {
        QFETCH(QString, typed);
        ProviderForm form;
        form.setKind(ProviderForm::Kind::Auth0);
        form.setClientId(QStringLiteral("abc"));
        form.setAuth0Domain(typed);
        QVERIFY(!form.auth0DomainError().isEmpty());
        QVERIFY(!form.isValid());
        QVERIFY(!form.providerConfig());
    }

    void issuerMustBeHttpsUnlessLoopback_data()
    {
        QTest::addColumn<QString>("issuer");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("https") << "https://login.example.com" << true;
        QTest::newRow("https with path") << "https://login.example.com/realms/demo" << true;
        QTest::newRow("loopback http") << "http://127.0.0.1:4000" << true;
        QTest::newRow("localhost by name (RFC 8252: IP literals only)") << "http://localhost:4000" << false;
        QTest::newRow("remote http") << "http://login.example.com" << false;
        QTest::newRow("no scheme") << "login.example.com" << false;
        QTest::newRow("other scheme") << "ftp://login.example.com" << false;
        QTest::newRow("query") << "https://login.example.com/?tenant=1" << false;
        QTest::newRow("fragment") << "https://login.example.com/#x" << false;
        QTest::newRow("words") << "not a url" << false;
        QTest::newRow("empty") << "" << false;
    }
    void issuerMustBeHttpsUnlessLoopback()
    {
        QFETCH(QString, issuer);
        QFETCH(bool, accepted);
        ProviderForm form;
        form.setKind(ProviderForm::Kind::OpenIdProvider);
        form.setClientId(QStringLiteral("app"));
        form.setIssuerUrl(issuer);
        QCOMPARE(form.issuerUrlError().isEmpty(), accepted);
        QCOMPARE(form.providerConfig().has_value(), accepted);
    }

    void clientIdIsRequiredAndHasNoSpaces()
    {
        ProviderForm form;
        form.setKind(ProviderForm::Kind::OpenIdProvider);
        form.setIssuerUrl(QStringLiteral("https://login.example.com"));
        QVERIFY(!form.clientIdError().isEmpty());
        form.setClientId(QStringLiteral("two words"));
        QVERIFY(!form.clientIdError().isEmpty());
        form.setClientId(QStringLiteral("one-word"));
        QVERIFY(form.clientIdError().isEmpty());
    }

    void fieldsTheKindDoesNotUseAreNotJudged()
    {
        ProviderForm form;
        form.setIssuerUrl(QStringLiteral("nonsense"));
        form.setAuth0Domain(QStringLiteral("nonsense here"));
        QVERIFY(form.issuerUrlError().isEmpty());
        QVERIFY(form.auth0DomainError().isEmpty());
        QVERIFY(form.isValid());
    }

    void validationChangedOnlyWhenAnErrorChanges()
    {
        ProviderForm form;
        form.setKind(ProviderForm::Kind::OpenIdProvider);
        form.setClientId(QStringLiteral("app"));
        QSignalSpy spy(&form, &ProviderForm::validationChanged);
        form.setIssuerUrl(QStringLiteral("https://a.example.com"));
        QCOMPARE(spy.count(), 1); // empty-error -> fine
        form.setIssuerUrl(QStringLiteral("https://b.example.com"));
        QCOMPARE(spy.count(), 1); // still fine: no signal
    }

    void fillsItselfFromAProviderUsedBefore()
    {
        ProviderForm form;
        ProviderConfig auth0;
        auth0.kind = ProviderConfig::Kind::OpenIdProvider;
        auth0.issuer = QUrl(QStringLiteral("https://example.us.auth0.com/"));
        auth0.clientId = QStringLiteral("abc");
        form.setProviderConfig(auth0);
        QCOMPARE(form.kind(), ProviderForm::Kind::Auth0);
        QCOMPARE(form.auth0Domain(), QStringLiteral("example.us.auth0.com"));
        QCOMPARE(form.clientId(), QStringLiteral("abc"));

        ProviderConfig other = auth0;
        other.issuer = QUrl(QStringLiteral("https://login.example.com/realms/x"));
        form.setProviderConfig(other);
        QCOMPARE(form.kind(), ProviderForm::Kind::OpenIdProvider);
        QCOMPARE(form.issuerUrl(), QStringLiteral("https://login.example.com/realms/x"));

        form.setProviderConfig(ProviderConfig{});
        QCOMPARE(form.kind(), ProviderForm::Kind::Sandbox);
    }
};

QTEST_GUILESS_MAIN(ProviderFormTest)
#include "tst_providerform.moc"
