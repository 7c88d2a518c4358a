// The ping-mode notification endpoint: only a ping with the right token for a known request counts.
#include "CibaPingReceiver.h"

#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

using namespace countersign;
using test::CibaPingReceiver;

class CibaPingReceiverTest : public QObject
{
    Q_OBJECT

    // Sends a raw HTTP request and returns the status line of the answer.
    static QByteArray send(const CibaPingReceiver &receiver, const QByteArray &request)
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, static_cast<quint16>(receiver.endpoint().port()));
        if (!socket.waitForConnected(5000))
            return "no connection";
        socket.write(request);
        QByteArray answer;
        (void)QTest::qWaitFor(
            [&] {
                answer += socket.readAll();
                return answer.contains("\r\n\r\n") || socket.state() != QAbstractSocket::ConnectedState;
            },
            5000);
        answer += socket.readAll();
        return answer.left(answer.indexOf("\r\n"));
    }

    static QByteArray ping(const QByteArray &token, const QByteArray &body,
                           const QByteArray &path = "/ciba/ping")
    {
        return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token +
               "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) +
               "\r\n\r\n" + body;
    }

private Q_SLOTS:
    void listensOnLoopbackOnly()
    {
        CibaPingReceiver receiver;
        QVERIFY(receiver.listen());
        QCOMPARE(receiver.endpoint().host(), QStringLiteral("127.0.0.1"));
        QCOMPARE(receiver.endpoint().path(), QStringLiteral("/ciba/ping"));
    }

    void acceptsAPingWithTheRegisteredToken()
    {
        CibaPingReceiver receiver;
        QVERIFY(receiver.listen());
        const QByteArray token = CibaPingReceiver::newNotificationToken();
        QVERIFY(token.size() >= 40);
        receiver.expect(QStringLiteral("req-1"), token);
        QSignalSpy pinged(&receiver, &CibaPingReceiver::pinged);
        QCOMPARE(send(receiver, ping(token, "{\"auth_req_id\":\"req-1\"}")),
                 QByteArray("HTTP/1.1 204 No Content"));
        QTRY_COMPARE(pinged.size(), 1);
        QCOMPARE(pinged[0][0].toString(), QStringLiteral("req-1"));
    }

    void ignoresAWrongTokenOrAnUnknownRequest()
    {
        CibaPingReceiver receiver;
        QVERIFY(receiver.listen());
        receiver.expect(QStringLiteral("req-1"), "right-token");
        QSignalSpy pinged(&receiver, &CibaPingReceiver::pinged);
        QCOMPARE(send(receiver, ping("wrong-token", "{\"auth_req_id\":\"req-1\"}")),
                 QByteArray("HTTP/1.1 401 Unauthorized"));
        QCOMPARE(send(receiver, ping("right-token", "{\"auth_req_id\":\"req-2\"}")),
                 QByteArray("HTTP/1.1 401 Unauthorized"));
        receiver.forget(QStringLiteral("req-1"));
        QCOMPARE(send(receiver, ping("right-token", "{\"auth_req_id\":\"req-1\"}")),
                 QByteArray("HTTP/1.1 401 Unauthorized"));
        QTest::qWait(100);
        QCOMPARE(pinged.size(), 0);
    }

    void refusesMalformedRequests()
    {
        CibaPingReceiver receiver;
        QVERIFY(receiver.listen());
        receiver.expect(QStringLiteral("req-1"), "tok");
        QSignalSpy pinged(&receiver, &CibaPingReceiver::pinged);
        QCOMPARE(send(receiver, ping("tok", "not json")), QByteArray("HTTP/1.1 400 Bad Request"));
        QCOMPARE(send(receiver, ping("tok", "{\"auth_req_id\":\"req-1\"}", "/elsewhere")),
                 QByteArray("HTTP/1.1 404 Not Found"));
        QCOMPARE(send(receiver, "POST /ciba/ping HTTP/1.1\r\nContent-Length: 999999\r\n\r\n"),
                 QByteArray("HTTP/1.1 400 Bad Request"));
        QCOMPARE(pinged.size(), 0);
    }

    void refusesAPingNestedDeeperThanTheLimit()
    {
        CibaPingReceiver receiver;
        QVERIFY(receiver.listen());
        receiver.expect(QStringLiteral("req-1"), "tok");
        QSignalSpy pinged(&receiver, &CibaPingReceiver::pinged);
        // 65 levels with the object around them: one more than JSON from outside may have.
        const QByteArray deep =
            "{\"auth_req_id\":\"req-1\",\"x\":" + QByteArray(64, '[') + QByteArray(64, ']') + "}";
        QCOMPARE(send(receiver, ping("tok", deep)), QByteArray("HTTP/1.1 400 Bad Request"));
        const QByteArray atTheLimit =
            "{\"auth_req_id\":\"req-1\",\"x\":" + QByteArray(63, '[') + QByteArray(63, ']') + "}";
        QCOMPARE(send(receiver, ping("tok", atTheLimit)), QByteArray("HTTP/1.1 204 No Content"));
        QTRY_COMPARE(pinged.size(), 1);
    }
};

QTEST_GUILESS_MAIN(CibaPingReceiverTest)
#include "tst_cibapingreceiver.moc"
