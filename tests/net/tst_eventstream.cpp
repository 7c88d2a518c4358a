// EventStream against a real local HTTP server: events, end of stream, and every way it fails.
#include "LocalHttpServer.h"

#include "net/EventStream.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace countersign;
using test::LocalHttpServer;

class EventStreamTest : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_network;

    static LocalHttpServer::Response stream(const QByteArray &body)
    {
        LocalHttpServer::Response response;
        response.contentType = "text/event-stream";
        response.body = body;
        return response;
    }

private Q_SLOTS:
    void deliversEventsThenReportsTheEndOfTheStream()
    {
        LocalHttpServer server;
        QVERIFY(server.start());
        server.route("/events", stream("retry: 1234\nid: 1\nevent: approval.created\ndata: {}\n\n"
                                       ": keep-alive\n\nid: 2\nevent: approval.decided\ndata: {}\n\n"));
        net::EventStream events(&m_network);
        QSignalSpy opened(&events, &net::EventStream::opened);
        QSignalSpy received(&events, &net::EventStream::eventReceived);
        QSignalSpy closed(&events, &net::EventStream::closed);
        events.open(QUrl(server.baseUrl().toString() + QStringLiteral("/events")), "tok",
                    QStringLiteral("41"));
        QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, 10000);
        QCOMPARE(opened.size(), 1);
        QCOMPARE(received.size(), 2);
        QCOMPARE(received[1][0].value<net::ServerSentEvent>().id, QStringLiteral("2"));
        QCOMPARE(closed[0][0].value<Error>().code, QStringLiteral("stream_ended"));
        QCOMPARE(events.retryMs(), 1234);
        QVERIFY(!events.isOpen());

        const auto &request = server.requests().constLast();
        QCOMPARE(request.headers.value("last-event-id"), QByteArray("41"));
        QCOMPARE(request.headers.value("authorization"), QByteArray("Bearer tok"));
        QCOMPARE(request.headers.value("accept"), QByteArray("text/event-stream"));
    }

    void reportsTheServersErrorCode()
    {
        LocalHttpServer server;
        QVERIFY(server.start());
        LocalHttpServer::Response refused;
        refused.status = 401;
        refused.body = "{\"error\":\"invalid_token\",\"error_description\":\"expired\"}";
        server.route("/events", refused);
        net::EventStream events(&m_network);
        QSignalSpy opened(&events, &net::EventStream::opened);
        QSignalSpy closed(&events, &net::EventStream::closed);
        events.open(QUrl(server.baseUrl().toString() + QStringLiteral("/events")), "tok", {});
        QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, 10000);
        QCOMPARE(opened.size(), 0);
        QCOMPARE(closed[0][0].value<Error>().code, QStringLiteral("invalid_token"));
    }

    void refusesAnAnswerThatIsNotAnEventStream()
    {
        LocalHttpServer server;
        QVERIFY(server.start());
        server.route("/events", LocalHttpServer::Response{200, "data: x\n\n", "text/html", {}, 0, {}});
        net::EventStream events(&m_network);
        QSignalSpy received(&events, &net::EventStream::eventReceived);
        QSignalSpy closed(&events, &net::EventStream::closed);
        events.open(QUrl(server.baseUrl().toString() + QStringLiteral("/events")), "tok", {});
        QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, 10000);
        QCOMPARE(received.size(), 0);
        QCOMPARE(closed[0][0].value<Error>().code, QStringLiteral("bad_stream"));
    }

    void reportsAnUnreachableServerAsNetwork()
    {
        QTcpServer placeholder; // take a free port, then free it: nothing listens there
        QVERIFY(placeholder.listen(QHostAddress::LocalHost));
        const quint16 port = placeholder.serverPort();
        placeholder.close();
        net::EventStream events(&m_network);
        QSignalSpy closed(&events, &net::EventStream::closed);
        events.open(QUrl(QStringLiteral("http://127.0.0.1:%1/events").arg(port)), "tok", {});
        QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, 10000);
        QCOMPARE(closed[0][0].value<Error>().code, QStringLiteral("network"));
    }

    void aSilentStreamCountsAsDropped()
    {
        QTcpServer silent; // accepts, never answers
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        net::EventStream events(&m_network, {.idleTimeout = std::chrono::milliseconds(300)});
        QSignalSpy closed(&events, &net::EventStream::closed);
        events.open(QUrl(QStringLiteral("http://127.0.0.1:%1/events").arg(silent.serverPort())), "tok", {});
        QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, 10000);
        QCOMPARE(closed[0][0].value<Error>().code, QStringLiteral("network"));
    }

    void closeEmitsNothing()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        net::EventStream events(&m_network);
        QSignalSpy closed(&events, &net::EventStream::closed);
        events.open(QUrl(QStringLiteral("http://127.0.0.1:%1/events").arg(silent.serverPort())), "tok", {});
        QVERIFY(events.isOpen());
        events.close();
        QVERIFY(!events.isOpen());
        QTest::qWait(200);
        QCOMPARE(closed.size(), 0);
    }
};

QTEST_GUILESS_MAIN(EventStreamTest)
#include "tst_eventstream.moc"
