// Where providers differ, asked of session::ProviderDialect: the standards' answers (sandbox, any
// OpenID provider) and Auth0's, question by question. No network.
#include "oauth/ProviderMetadata.h"
#include "oauth/TokenClient.h"
#include "session/ProviderDialect.h"

#include <QTest>

#include <nlohmann/json.hpp>

using namespace countersign;
using Dialect = session::ProviderDialect;

namespace {

config::ProviderConfig provider(config::ProviderConfig::Kind kind, const QString &issuer)
{
    config::ProviderConfig config;
    config.kind = kind;
    config.issuer = QUrl(issuer);
    return config;
}

oauth::ProviderMetadata withApprovalChannel()
{
    oauth::ProviderMetadata metadata;
    metadata.approvalsEndpoint = QUrl(QStringLiteral("http://127.0.0.1:3000/approvals"));
    metadata.approvalsResource = QStringLiteral("https://api.sandbox.countersign.dev/approvals");
    return metadata;
}

} // namespace

class ProviderDialectTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theStandardsDialect()
    {
        for (const auto kind :
             {config::ProviderConfig::Kind::Sandbox, config::ProviderConfig::Kind::OpenIdProvider}) {
            const Dialect dialect(provider(kind, QStringLiteral("https://id.example/")));
            QCOMPARE(int(dialect.apiParameter()), int(oauth::ApiParameter::Resource));
            QVERIFY(dialect.asksForSeveralApis());
            QVERIFY(dialect.hasApprovalChannel(withApprovalChannel()));
            QVERIFY(!dialect.hasApprovalChannel(oauth::ProviderMetadata{}));
            QCOMPARE(int(dialect.approvalPlace()), int(Dialect::ApprovalPlace::Inbox));
            QCOMPARE(dialect.loginHint(QStringLiteral("https://id.example/"), QStringLiteral("alice")),
                     QStringLiteral("alice"));
            QCOMPARE(int(dialect.clientAuthentication()),
                     int(ciba::ClientCredentials::Method::ClientSecretBasic));
            QCOMPARE(dialect.federatedTokenExchangeGrant(), oauth::TokenClient::rfc8693GrantType());
            QVERIFY(dialect.codeEntryPage(QStringLiteral("BCDF-GHJK")).isEmpty());
        }
    }

    void auth0sDialect()
    {
        const Dialect dialect(
            provider(config::ProviderConfig::Kind::Auth0, QStringLiteral("https://tenant.eu.auth0.com/")));
        QCOMPARE(int(dialect.apiParameter()), int(oauth::ApiParameter::Audience));
        QVERIFY(!dialect.asksForSeveralApis());
        // Approvals go to Guardian, whatever the discovery document says.
        QVERIFY(!dialect.hasApprovalChannel(withApprovalChannel()));
        QCOMPARE(int(dialect.approvalPlace()), int(Dialect::ApprovalPlace::Guardian));
        const auto hint = nlohmann::json::parse(
            dialect.loginHint(QStringLiteral("https://tenant.eu.auth0.com/"), QStringLiteral("auth0|42"))
                .toStdString());
        QVERIFY2(hint == (nlohmann::json{{"format", "iss_sub"},
                                         {"iss", "https://tenant.eu.auth0.com/"},
                                         {"sub", "auth0|42"}}),
                 hint.dump().c_str());
        QCOMPARE(int(dialect.clientAuthentication()), int(ciba::ClientCredentials::Method::ClientSecretPost));
        QCOMPARE(dialect.federatedTokenExchangeGrant(),
                 QStringLiteral(
                     "urn:auth0:params:oauth:grant-type:token-exchange:federated-connection-access-token"));
        QCOMPARE(dialect.codeEntryPage(QStringLiteral("BCDF-GHJK")),
                 QUrl(QStringLiteral("https://tenant.eu.auth0.com/activate?user_code=BCDF-GHJK")));
    }
};

QTEST_GUILESS_MAIN(ProviderDialectTest)
#include "tst_provider_dialect.moc"
