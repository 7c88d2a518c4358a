// The loopback redirect listener against real TCP clients.
#include "oauth/LoopbackRedirectListener.h"

#include <QNetworkInterface>
#include <QTcpSocket>
#include <QTest>

using namespace countersign;
using namespace std::chrono_literals;
using oauth::LoopbackRedirectListener;

namespace {

// Sends a raw request to the listener and returns the full answer (the listener closes after it).
QByteArray rawRequest(quint16 port, const QByteArray &request)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(3000))
        return "<no connection>";
    socket.write(request);
    QByteArray answer;
    (void)QTest::qWaitFor(
        [&] {
            answer += socket.readAll();
            return socket.state() == QAbstractSocket::UnconnectedState;
        },
        5000);
    return answer + socket.readAll();
}

QByteArray get(quint16 port, const QByteArray &target)
{
    return rawRequest(port, "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
}

} // namespace

class LoopbackTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void redirectUriIsLoopbackIpWithCallbackPath()
    {
        LoopbackRedirectListener listener;
        QVERIFY(listener.listen());
        const QUrl uri = listener.redirectUri();
        QCOMPARE(uri.scheme(), QStringLiteral("http"));
        QCOMPARE(uri.host(), QStringLiteral("127.0.0.1"));
        QCOMPARE(uri.path(), QStringLiteral("/callback"));
        QVERIFY(uri.port() > 0);
    }

    void isNotReachableOnOtherInterfaces()
    {
        LoopbackRedirectListener listener;
        QVERIFY(listener.listen());
        const auto port = static_cast<quint16>(listener.redirectUri().port());
        for (const QHostAddress &address : QNetworkInterface::allAddresses()) {
            if (address.isLoopback() || address.protocol() != QAbstractSocket::IPv4Protocol)
                continue;
            QTcpSocket socket;
            socket.connectToHost(address, port);
            QVERIFY2(!socket.waitForConnected(1000), qPrintable(address.toString()));
        }
    }

    void deliversRedirectWithMatchingStateAndAnswersBrowser()
    {
        LoopbackRedirectListener listener;
        QVERIFY(listener.listen());
        const auto port = static_cast<quint16>(listener.redirectUri().port());
        std::optional<Result<QUrlQuery>> result;
        listener.waitForRedirect("s1", 10s, [&](Result<QUrlQuery> r) {
            result.emplace(std::move(r));
            listener.respond(true, QStringLiteral("Welcome <b>back</b>"));
        });
        const QByteArray answer = get(port, "/callback?code=abc&state=s1");
        QVERIFY(result && result->ok());
        QCOMPARE(result->value().queryItemValue(QStringLiteral("code")), QStringLiteral("abc"));
        QVERIFY(answer.startsWith("HTTP/1.1 200"));
        QVERIFY(answer.contains("Signed in to Countersign"));
        QVERIFY(answer.contains("Welcome &lt;b&gt;back&lt;/b&gt;")); // escaped, never markup
        QVERIFY(!listener.isListening());                            // one request, then closed
    }

    void ignoresStrayConnectionsAndKeepsWaiting()
    {
        LoopbackRedirectListener listener;
        QVERIFY(listener.listen());
        const auto port = static_cast<quint16>(listener.redirectUri().port());
        std::optional<Result<QUrlQuery>> result;
        listener.waitForRedirect("good-state", 10s, [&](Result<QUrlQuery> r) {
            result.emplace(std::move(r));
            listener.respond(true, {});
        });
        QVERIFY(get(port, "/favicon.ico").startsWith("HTTP/1.1 404"));
        QVERIFY(get(port, "/callback?code=x&state=forged").startsWith("HTTP/1.1 400"));
        QVERIFY(get(port, "/callback?code=x").startsWith("HTTP/1.1 400"));
        QVERIFY(rawRequest(port, "POST /callback HTTP/1.1\r\nContent-Length: 0\r\n\r\n")
                    .startsWith("HTTP/1.1 400"));
        QVERIFY(rawRequest(port, "\x16\x03\x01 garbage\r\n").startsWith("HTTP/1.1 400"));
        {
            // A client that connects and sends nothing must not block the real redirect.
            QTcpSocket idle;
            idle.connectToHost(QHostAddress::LocalHost, port);
            QVERIFY(idle.waitForConnected(2000));
            QVERIFY(!result.has_value());
            QVERIFY(get(port, "/callback?code=real&state=good-state").startsWith("HTTP/1.1 200"));
        }
        QVERIFY(result && result->ok());
        QCOMPARE(result->value().queryItemValue(QStringLiteral("code")), QStringLiteral("real"));
    }

    void survivesTheBrowserLeavingBeforeTheAnswer()
    {
        LoopbackRedirectListener listener;
        QVERIFY(listener.listen());
        std::optional<Result<QUrlQuery>> result;
        listener.waitForRedirect("s", 10s, [&](Result<QUrlQuery> r) { result.emplace(std::move(r)); });
        {
            QTcpSocket browser;
            browser.connectToHost(QHostAddress::LocalHost,
                                  static_cast<quint16>(listener.redirectUri().port()));
            QVERIFY(browser.waitForConnected(2000));
            browser.write("GET /callback?code=c&state=s HTTP/1.1\r\nHost: x\r\n\r\n");
            QTRY_VERIFY(result.has_value());
        } // the tab is closed while the app is still exchanging the code
        QTest::qWait(100);
        listener.respond(true, QStringLiteral("late")); // must not touch the closed connection
        QVERIFY(result->ok());
    }

    void passesProviderErrorsThrough()
    {
        LoopbackRedirectListener listener;
        QVERIFY(listener.listen());
        std::optional<Result<QUrlQuery>> result;
        listener.waitForRedirect("s", 10s, [&](Result<QUrlQuery> r) {
            result.emplace(std::move(r));
            listener.respond(false, QStringLiteral("Sign-in was declined."));
        });
        const QByteArray answer =
            get(static_cast<quint16>(listener.redirectUri().port()), "/callback?error=access_denied&state=s");
        QVERIFY(result && result->ok());
        QCOMPARE(result->value().queryItemValue(QStringLiteral("error")), QStringLiteral("access_denied"));
        QVERIFY(answer.contains("Sign-in failed"));
    }

    void timesOut()
    {
        LoopbackRedirectListener listener;
        QVERIFY(listener.listen());
        std::optional<Result<QUrlQuery>> result;
        listener.waitForRedirect("s", 300ms, [&](Result<QUrlQuery> r) { result.emplace(std::move(r)); });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 3000);
        QCOMPARE(result->error().code, QStringLiteral("timeout"));
        QVERIFY(!listener.isListening());
    }

    void cancelReportsCancelled()
    {
        LoopbackRedirectListener listener;
        QVERIFY(listener.listen());
        std::optional<Result<QUrlQuery>> result;
        listener.waitForRedirect("s", 10s, [&](Result<QUrlQuery> r) { result.emplace(std::move(r)); });
        listener.cancel();
        QVERIFY(result.has_value());
        QCOMPARE(result->error().code, QStringLiteral("cancelled"));
    }
};

QTEST_GUILESS_MAIN(LoopbackTest)
#include "tst_loopback.moc"
