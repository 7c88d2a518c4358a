// HttpClient against servers that misbehave on the wire, answers that outlive their receiver,
// and the HTTP cache lifetime of an answer.
#include "LocalHttpServer.h"

#include "net/HttpClient.h"

#include <QDateTime>
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

    void cacheLifetimeFromHeaders_data()
    {
        using Headers = QList<QPair<QByteArray, QByteArray>>;
        QTest::addColumn<Headers>("headers");
        QTest::addColumn<qint64>("seconds"); // -1: the server said nothing
        const QByteArray date = "Mon, 07 Dec 2026 12:00:00 GMT";
        QTest::addRow("nothing") << Headers{{"Content-Type", "application/json"}} << qint64(-1);
        QTest::addRow("max-age") << Headers{{"Cache-Control", "public, max-age=300"}} << qint64(300);
        QTest::addRow("max-age quoted, any case")
            << Headers{{"cache-control", "MAX-AGE=\"300\""}} << qint64(300);
        QTest::addRow("max-age less Age")
            << Headers{{"Cache-Control", "max-age=300"}, {"Age", "100"}} << qint64(200);
        QTest::addRow("Age beyond max-age")
            << Headers{{"Cache-Control", "max-age=300"}, {"Age", "900"}} << qint64(0);
        QTest::addRow("max-age wins over Expires") << Headers{{"Cache-Control", "max-age=60"},
                                                              {"Date", date},
                                                              {"Expires", "Mon, 07 Dec 2026 13:00:00 GMT"}}
                                                   << qint64(60);
        QTest::addRow("Expires minus Date")
            << Headers{{"Date", date}, {"Expires", "Mon, 07 Dec 2026 13:00:00 GMT"}} << qint64(3600);
        QTest::addRow("Expires in the past")
            << Headers{{"Date", date}, {"Expires", "Mon, 07 Dec 2026 11:00:00 GMT"}} << qint64(0);
        QTest::addRow("Expires 0") << Headers{{"Expires", "0"}} << qint64(0);
        QTest::addRow("no-store") << Headers{{"Cache-Control", "no-store, max-age=600"}} << qint64(0);
        QTest::addRow("no-cache") << Headers{{"Cache-Control", "no-cache"}} << qint64(0);
        QTest::addRow("unreadable max-age") << Headers{{"Cache-Control", "max-age=soon"}} << qint64(0);
        QTest::addRow("negative max-age") << Headers{{"Cache-Control", "max-age=-5"}} << qint64(0);
        QTest::addRow("two max-ages")
            << Headers{{"Cache-Control", "max-age=60"}, {"Cache-Control", "max-age=600"}} << qint64(0);
        QTest::addRow("a huge max-age stops at 2^31")
            << Headers{{"Cache-Control", "max-age=99999999999999999999999"}} << (qint64(1) << 31);
    }

    void cacheLifetimeFromHeaders()
    {
        using Headers = QList<QPair<QByteArray, QByteArray>>;
        QFETCH(Headers, headers);
        QFETCH(qint64, seconds);
        // "now" is an hour after the Date above: Expires counts from Date when the server sent one.
        const auto lifetime =
            net::freshnessLifetime(headers, QDateTime(QDate(2026, 12, 7), QTime(13, 0), Qt::UTC));
        if (seconds < 0) {
            QVERIFY(!lifetime);
            return;
        }
        QVERIFY(lifetime);
        QCOMPARE(qint64(lifetime->count()), seconds);
    }
};

QTEST_GUILESS_MAIN(HttpClientTest)
#include "tst_httpclient.moc"
