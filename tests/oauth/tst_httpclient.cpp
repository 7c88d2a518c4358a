// HttpClient against servers that misbehave on the wire.
#include "LocalHttpServer.h"

#include "net/HttpClient.h"

#include <QNetworkAccessManager>
#include <QTest>

using namespace countersign;
using test::LocalHttpServer;

class HttpClientTest : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_network;

    Result<nlohmann::json> get(const LocalHttpServer &server)
    {
        net::HttpClient http(&m_network);
        std::optional<Result<nlohmann::json>> result;
        http.getJson(QUrl(server.baseUrl().toString() + QStringLiteral("/x")),
                     [&](Result<nlohmann::json> r) { result.emplace(std::move(r)); });
        (void)QTest::qWaitFor([&] { return result.has_value(); }, 20000);
        return result ? *result : Error{QStringLiteral("test_timeout"), {}};
    }

private Q_SLOTS:
    void truncatedSuccessIsANetworkErrorNotJson()
    {
        LocalHttpServer server;
        QVERIFY(server.start());
        LocalHttpServer::Response cut;
        cut.raw = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n"
                  "{\"refresh_token\":\"RT-secret-abcdefghijklmnop";
        server.route("/x", cut);
        auto result = get(server);
        QVERIFY(!result);
        QCOMPARE(result.error().code, QStringLiteral("network"));
        QVERIFY(!result.error().message.contains(QStringLiteral("RT-secret")));
    }

    void parseErrorsNeverQuoteTheBody()
    {
        LocalHttpServer server;
        QVERIFY(server.start());
        LocalHttpServer::Response broken;
        broken.body = "{\"access_token\":\"AT-secret-abcdefghijklmnop";
        server.route("/x", broken);
        auto result = get(server);
        QVERIFY(!result);
        QCOMPARE(result.error().code, QStringLiteral("bad_json"));
        QVERIFY2(!result.error().message.contains(QStringLiteral("AT-secret")),
                 qPrintable(result.error().message));
    }

    void refusesAnEndlessAnswer()
    {
        LocalHttpServer server;
        QVERIFY(server.start());
        LocalHttpServer::Response huge;
        huge.body = "{\"pad\":\"" + QByteArray(3 * 1024 * 1024, 'a') + "\"}";
        server.route("/x", huge);
        auto result = get(server);
        QVERIFY(!result);
        QCOMPARE(result.error().code, QStringLiteral("network"));
        QVERIFY(result.error().message.contains(QStringLiteral("too large")));
    }

    void oauthErrorBodyGivesTheServersCode()
    {
        LocalHttpServer server;
        QVERIFY(server.start());
        LocalHttpServer::Response denied;
        denied.status = 400;
        denied.body = "{\"error\":\"invalid_grant\",\"error_description\":\"grant expired\"}";
        server.route("/x", denied);
        auto result = get(server);
        QVERIFY(!result);
        QCOMPARE(result.error().code, QStringLiteral("invalid_grant"));
        QCOMPARE(result.error().message, QStringLiteral("grant expired"));
    }
};

QTEST_GUILESS_MAIN(HttpClientTest)
#include "tst_httpclient.moc"
