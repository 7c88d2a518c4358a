// Discovery against real HTTP servers on loopback: a misbehaving LocalHttpServer for each broken
// case, and an unreachable port.
#include "LocalHttpServer.h"

#include "net/HttpClient.h"
#include "oauth/DiscoveryClient.h"

#include <QNetworkAccessManager>
#include <QTcpServer>
#include <QTest>

using namespace countersign;
using test::LocalHttpServer;

namespace {

nlohmann::json validDocument(const QString &issuer)
{
    const std::string base = issuer.toStdString();
    return {{"issuer", base},
            {"authorization_endpoint", base + "/auth"},
            {"token_endpoint", base + "/token"},
            {"jwks_uri", base + "/jwks"},
            {"userinfo_endpoint", base + "/me"},
            {"revocation_endpoint", base + "/revoke"},
            {"response_types_supported", {"code"}},
            {"code_challenge_methods_supported", {"S256"}},
            {"id_token_signing_alg_values_supported", {"RS256"}}};
}

} // namespace

class DiscoveryTest : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_network;

    Result<oauth::ProviderMetadata> discover(const QUrl &issuer)
    {
        net::HttpClient http(&m_network);
        oauth::DiscoveryClient client(&http);
        std::optional<Result<oauth::ProviderMetadata>> result;
        client.discover(issuer, [&](Result<oauth::ProviderMetadata> r) { result.emplace(std::move(r)); });
        (void)QTest::qWaitFor([&] { return result.has_value(); }, 20000);
        return result ? *result : Error{QStringLiteral("test_timeout"), {}};
    }

    // Serves `body` as the discovery document of a fresh server and discovers it.
    Result<oauth::ProviderMetadata>
    discoverServed(const std::function<QByteArray(const QString &issuer)> &body, int status = 200)
    {
        LocalHttpServer server;
        if (!server.start())
            return Error{QStringLiteral("test"), QStringLiteral("could not listen")};
        const QString issuer = server.baseUrl().toString();
        LocalHttpServer::Response response;
        response.status = status;
        response.body = body(issuer);
        server.route("/.well-known/openid-configuration", response);
        return discover(server.baseUrl());
    }

    Result<oauth::ProviderMetadata> discoverMutated(const std::function<void(nlohmann::json &)> &mutate)
    {
        return discoverServed([&](const QString &issuer) {
            nlohmann::json document = validDocument(issuer);
            mutate(document);
            return QByteArray::fromStdString(document.dump());
        });
    }

private Q_SLOTS:
    void acceptsCompliantDocument()
    {
        auto metadata = discoverMutated([](nlohmann::json &) {});
        QVERIFY2(metadata, qPrintable(metadata ? QString() : metadata.error().message));
        QCOMPARE(metadata->tokenEndpoint.path(), QStringLiteral("/token"));
        QCOMPARE(metadata->revocationEndpoint.path(), QStringLiteral("/revoke"));
        QCOMPARE(metadata->codeChallengeMethods, QStringList{QStringLiteral("S256")});
    }

    void acceptsDocumentWithoutOptionalEndpoints()
    {
        auto metadata = discoverMutated([](nlohmann::json &d) {
            d.erase("userinfo_endpoint");
            d.erase("revocation_endpoint");
            d.erase("code_challenge_methods_supported");
        });
        QVERIFY(metadata);
        QVERIFY(metadata->revocationEndpoint.isEmpty());
    }

    void rejectsMalformedDocuments_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("mutation");
        QTest::addColumn<QString>("expectedCode");
        QTest::newRow("missing issuer") << "issuer"
                                        << "erase"
                                        << "discovery_invalid";
        QTest::newRow("issuer not a string") << "issuer"
                                             << "number"
                                             << "discovery_invalid";
        QTest::newRow("issuer of someone else") << "issuer"
                                                << "other-issuer"
                                                << "discovery_issuer_mismatch";
        QTest::newRow("issuer with trailing slash") << "issuer"
                                                    << "trailing-slash"
                                                    << "discovery_issuer_mismatch";
        QTest::newRow("missing authorization_endpoint") << "authorization_endpoint"
                                                        << "erase"
                                                        << "discovery_invalid";
        QTest::newRow("missing token_endpoint") << "token_endpoint"
                                                << "erase"
                                                << "discovery_invalid";
        QTest::newRow("missing jwks_uri") << "jwks_uri"
                                          << "erase"
                                          << "discovery_invalid";
        QTest::newRow("token_endpoint not a string") << "token_endpoint"
                                                     << "number"
                                                     << "discovery_invalid";
        QTest::newRow("token_endpoint relative") << "token_endpoint"
                                                 << "relative"
                                                 << "discovery_invalid";
        QTest::newRow("token_endpoint plain http remote") << "token_endpoint"
                                                          << "http-remote"
                                                          << "discovery_invalid";
        QTest::newRow("jwks_uri plain http remote") << "jwks_uri"
                                                    << "http-remote"
                                                    << "discovery_invalid";
        QTest::newRow("userinfo plain http remote") << "userinfo_endpoint"
                                                    << "http-remote"
                                                    << "discovery_invalid";
        QTest::newRow("response types without code") << "response_types_supported"
                                                     << "implicit-only"
                                                     << "discovery_invalid";
        QTest::newRow("response types not a list") << "response_types_supported"
                                                   << "number"
                                                   << "discovery_invalid";
        QTest::newRow("PKCE plain only") << "code_challenge_methods_supported"
                                         << "plain-only"
                                         << "discovery_invalid";
        QTest::newRow("PKCE list with a number") << "code_challenge_methods_supported"
                                                 << "list-with-number"
                                                 << "discovery_invalid";
    }

    void rejectsMalformedDocuments()
    {
        QFETCH(QString, field);
        QFETCH(QString, mutation);
        QFETCH(QString, expectedCode);
        const std::string key = field.toStdString();
        auto metadata = discoverMutated([&](nlohmann::json &d) {
            if (mutation == u"erase")
                d.erase(key);
            else if (mutation == u"number")
                d[key] = 42;
            else if (mutation == u"other-issuer")
                d[key] = "https://evil.example";
            else if (mutation == u"trailing-slash")
                d[key] = d[key].get<std::string>() + "/";
            else if (mutation == u"relative")
                d[key] = "/token";
            else if (mutation == u"http-remote")
                d[key] = "http://idp.example.com/x";
            else if (mutation == u"implicit-only")
                d[key] = {"id_token", "token"};
            else if (mutation == u"plain-only")
                d[key] = {"plain"};
            else if (mutation == u"list-with-number")
                d[key] = {"S256", 7};
        });
        QVERIFY(!metadata);
        QCOMPARE(metadata.error().code, expectedCode);
        QVERIFY(!metadata.error().message.isEmpty());
    }

    void rejectsBodyThatIsNotJson()
    {
        auto metadata = discoverServed([](const QString &) { return QByteArray("<html>Welcome</html>"); });
        QVERIFY(!metadata);
        QCOMPARE(metadata.error().code, QStringLiteral("bad_json"));
        QVERIFY(metadata.error().message.contains(QStringLiteral("not an OpenID provider")));
    }

    void rejectsJsonArray()
    {
        auto metadata = discoverServed([](const QString &) { return QByteArray("[1,2,3]"); });
        QVERIFY(!metadata);
        QCOMPARE(metadata.error().code, QStringLiteral("bad_json"));
    }

    void rejectsTruncatedJson()
    {
        auto metadata =
            discoverServed([](const QString &) { return QByteArray("{\"issuer\": \"http://127."); });
        QVERIFY(!metadata);
        QCOMPARE(metadata.error().code, QStringLiteral("bad_json"));
    }

    void reportsHttpErrorStatus()
    {
        auto metadata = discoverServed([](const QString &) { return QByteArray("not here"); }, 404);
        QVERIFY(!metadata);
        QCOMPARE(metadata.error().code, QStringLiteral("http_404"));
    }

    void reportsUnreachableIssuer()
    {
        // A port that was free a moment ago: nothing listens there now.
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            port = probe.serverPort();
        }
        auto metadata = discover(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        QVERIFY(!metadata);
        QCOMPARE(metadata.error().code, QStringLiteral("network"));
        QVERIFY(metadata.error().message.contains(QStringLiteral("127.0.0.1:%1").arg(port)));
    }

    void refusesPlainHttpIssuerOffLoopback()
    {
        auto metadata = discover(QUrl(QStringLiteral("http://idp.example.com")));
        QVERIFY(!metadata);
        QCOMPARE(metadata.error().code, QStringLiteral("issuer_not_secure"));
    }

    void refusesPlainHttpLocalhostName()
    {
        // Only loopback IP literals count: the name "localhost" can resolve elsewhere.
        auto metadata = discover(QUrl(QStringLiteral("http://localhost:8080")));
        QVERIFY(!metadata);
        QCOMPARE(metadata.error().code, QStringLiteral("issuer_not_secure"));
    }

    void refusesIssuerWithQuery()
    {
        auto metadata = discover(QUrl(QStringLiteral("https://idp.example.com/?tenant=1")));
        QVERIFY(!metadata);
        QCOMPARE(metadata.error().code, QStringLiteral("issuer_invalid"));
    }

    void appendsWellKnownPathToIssuerPath()
    {
        QCOMPARE(
            oauth::ProviderMetadata::discoveryUrl(QUrl(QStringLiteral("https://idp.example.com/tenant/"))),
            QUrl(QStringLiteral("https://idp.example.com/tenant/.well-known/openid-configuration")));
        QCOMPARE(oauth::ProviderMetadata::discoveryUrl(QUrl(QStringLiteral("https://idp.example.com"))),
                 QUrl(QStringLiteral("https://idp.example.com/.well-known/openid-configuration")));
    }
};

QTEST_GUILESS_MAIN(DiscoveryTest)
#include "tst_discovery.moc"
