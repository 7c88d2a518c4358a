#include "LoopbackRedirectListener.h"

#include "logging/Logging.h"
#include "oauth/OAuthErrors.h"

#include <QCoreApplication>
#include <QTcpSocket>

#include <memory>

namespace countersign::oauth {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(LoopbackRedirectListener)
};

constexpr qsizetype kMaxRequestHead = 16 * 1024;
constexpr auto kCallbackPath = "/callback";

void answer(QTcpSocket *socket, int status, const QByteArray &reason, const QByteArray &html)
{
    socket->readAll(); // drain, so closing sends FIN rather than RST
    socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason +
                  "\r\nContent-Type: text/html; charset=utf-8"
                  "\r\nCache-Control: no-store"
                  "\r\nReferrer-Policy: no-referrer"
                  "\r\nContent-Security-Policy: default-src 'none'; style-src 'unsafe-inline'"
                  "\r\nContent-Length: " +
                  QByteArray::number(html.size()) + "\r\nConnection: close\r\n\r\n" + html);
    // Hand the bytes to the kernel now: the app may quit (CLI) or destroy the listener, and with
    // it this socket (a child of the server), before the event loop would have written them.
    socket->flush();
    socket->setParent(nullptr);
    socket->disconnectFromHost();
}

} // namespace

QByteArray redirectResponsePage(bool success, const QString &message)
{
    const QString title = success ? Tr::tr("Signed in to Countersign") : Tr::tr("Sign-in failed");
    const QString hint = success ? Tr::tr("You can close this tab and return to Countersign.")
                                 : Tr::tr("Return to Countersign to try again.");
    return QStringLiteral(
               "<!doctype html><html><head><meta charset=\"utf-8\"><title>%1</title>"
               "<style>body{font-family:sans-serif;max-width:32em;margin:4em auto;color:#222}"
               "h1{font-size:1.4em}</style></head><body><h1>%1</h1><p>%2</p><p>%3</p></body></html>")
        .arg(title.toHtmlEscaped(), message.toHtmlEscaped(), hint.toHtmlEscaped())
        .toUtf8();
}

LoopbackRedirectListener::LoopbackRedirectListener(QObject *parent) : QObject(parent)
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        finish(Error{errors::timeout,
                     Tr::tr("No answer arrived from the browser in time. Sign in again to retry.")});
    });
    connect(&m_server, &QTcpServer::newConnection, this, &LoopbackRedirectListener::onNewConnection);
}

LoopbackRedirectListener::~LoopbackRedirectListener()
{
    closeServer();
}

Status LoopbackRedirectListener::listen()
{
    // LocalHost is 127.0.0.1 only. A bare listen() would bind every interface.
    if (!m_server.listen(QHostAddress::LocalHost, 0))
        return Error{
            QStringLiteral("listen_failed"),
            Tr::tr("Could not open a local port for the sign-in redirect: %1").arg(m_server.errorString())};
    // Kept after the server closes: the token request must repeat it exactly.
    m_redirectUri = QUrl(
        QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(QLatin1String(kCallbackPath)));
    return Done{};
}

QUrl LoopbackRedirectListener::redirectUri() const
{
    return m_redirectUri;
}

void LoopbackRedirectListener::waitForRedirect(const QByteArray &state, std::chrono::milliseconds timeout,
                                               Callback<QUrlQuery> done)
{
    m_state = state;
    m_done = std::move(done);
    m_timeout.start(timeout);
}

void LoopbackRedirectListener::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        // A client that connects and says nothing must not hold anything open for long.
        // (The browser whose redirect we took waits for our answer as long as the flow needs.)
        QTimer::singleShot(std::chrono::seconds(10), socket, [this, socket] {
            if (socket != m_pendingBrowser)
                socket->abort();
        });
        auto head = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, head] {
            head->append(socket->readAll());
            const qsizetype lineEnd = head->indexOf("\r\n");
            if (lineEnd < 0) {
                if (head->size() > kMaxRequestHead)
                    socket->abort();
                return;
            }
            const QByteArray requestLine = head->left(lineEnd);
            // Read the whole head before answering a plausible request: closing a socket with
            // unread input makes the kernel send RST, and the browser would lose our page.
            if (requestLine.startsWith("GET ") && !head->contains("\r\n\r\n")) {
                if (head->size() > kMaxRequestHead)
                    socket->abort();
                return;
            }
            disconnect(socket, &QTcpSocket::readyRead, this, nullptr);
            handleRequest(socket, requestLine);
        });
    }
}

void LoopbackRedirectListener::handleRequest(QTcpSocket *socket, const QByteArray &requestLine)
{
    const QList<QByteArray> parts = requestLine.split(' ');
    if (parts.size() != 3 || parts[0] != "GET" || !parts[2].startsWith("HTTP/1.")) {
        answer(socket, 400, "Bad Request",
               redirectResponsePage(false, Tr::tr("This is not a sign-in redirect.")));
        return;
    }
    const QUrl target(QString::fromLatin1(parts[1]), QUrl::StrictMode);
    const QUrlQuery query(target);
    if (target.path() != QLatin1String(kCallbackPath) || !m_done || m_pendingBrowser) {
        answer(socket, 404, "Not Found",
               redirectResponsePage(false, Tr::tr("This is not a sign-in redirect.")));
        return;
    }
    if (query.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded).toUtf8() != m_state) {
        // Someone else's (or a forged) redirect: refuse it and keep waiting for ours.
        qCWarning(lcOAuth) << "Ignored a redirect with a wrong or missing state";
        answer(socket, 400, "Bad Request",
               redirectResponsePage(false, Tr::tr("This sign-in response does not belong to the sign-in in "
                                                  "progress.")));
        return;
    }
    m_pendingBrowser = socket;
    finish(query);
}

void LoopbackRedirectListener::finish(Result<QUrlQuery> result)
{
    m_timeout.stop();
    m_server.close(); // one redirect only; later connections are refused by the OS
    const bool failed = !result.ok();
    const QString message = failed ? result.error().message : QString();
    if (auto done = std::exchange(m_done, nullptr))
        done(std::move(result));
    if (failed && m_pendingBrowser)
        respond(false, message);
}

void LoopbackRedirectListener::respond(bool success, const QString &message)
{
    // The browser may have given up (closed the tab) meanwhile: then the socket is gone.
    if (QPointer<QTcpSocket> socket = std::exchange(m_pendingBrowser, nullptr))
        answer(socket, 200, "OK", redirectResponsePage(success, message));
}

void LoopbackRedirectListener::cancel()
{
    finish(Error{errors::cancelled, Tr::tr("Sign-in was cancelled.")});
    respond(false, Tr::tr("Sign-in was cancelled."));
    closeServer();
}

void LoopbackRedirectListener::stopListening()
{
    m_timeout.stop();
    m_server.close();
}

void LoopbackRedirectListener::closeServer()
{
    m_timeout.stop();
    m_server.close();
    if (m_pendingBrowser)
        respond(false, Tr::tr("Countersign stopped waiting for this sign-in."));
}

} // namespace countersign::oauth
