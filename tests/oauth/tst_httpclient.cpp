// HttpClient against servers that misbehave on the wire, and answers that outlive their receiver.
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
        http.getJson(QUrl(server.baseUrl().toString() + QStringLiteral("/x")), this,
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

    void anAnswerNeverReachesADestroyedContext()
    {
        LocalHttpServer server;
        QVERIFY(server.start());
        LocalHttpServer::Response slow;
        slow.body = "{}";
        slow.delayMs = 500;
        server.route("/x", slow);
        net::HttpClient http(&m_network);
        auto gone = std::make_unique<QObject>();
        QObject alive;
        bool goneCalled = false;
        bool aliveCalled = false;
        const QUrl url(server.baseUrl().toString() + QStringLiteral("/x"));
        http.getJson(url, gone.get(), [&](Result<nlohmann::json>) { goneCalled = true; });
        http.getJson(url, &alive, [&](Result<nlohmann::json>) { aliveCalled = true; });
        QTRY_COMPARE_WITH_TIMEOUT(server.hits("/x"), 2, 5000);
        gone.reset();
        QTRY_VERIFY_WITH_TIMEOUT(aliveCalled, 5000);
        QTest::qWait(200);
        QVERIFY2(!goneCalled, "an answer reached the callback of a destroyed receiver");
    }
};

QTEST_GUILESS_MAIN(HttpClientTest)
#include "tst_httpclient.moc"
