#pragma once

#include "common/Result.h"

#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

#include <chrono>

namespace countersign::oauth {

// Receives the authorization response on http://127.0.0.1:<random port>/callback (RFC 8252 §7.3).
// Binds the loopback address only, accepts exactly one valid redirect (matching path and `state`),
// answers the browser with a small HTML page, then closes. Stray connections — other paths, garbage,
// a wrong state — get an error page and do not end the wait. Gives up after the timeout.
class LoopbackRedirectListener : public QObject
{
    Q_OBJECT
public:
    explicit LoopbackRedirectListener(QObject *parent = nullptr);
    ~LoopbackRedirectListener() override;

    // Starts listening. Errors: "listen_failed".
    Status listen();
    QUrl redirectUri() const; // http://127.0.0.1:<port>/callback
    bool isListening() const { return m_server.isListening(); }

    // Waits for the redirect carrying `state`. Calls `done` once with the redirect's query
    // (which may carry an OAuth error; interpreting it is the caller's job), or with
    // "timeout" / "cancelled". The caller then answers the browser with respond().
    void waitForRedirect(const QByteArray &state, std::chrono::milliseconds timeout,
                         Callback<QUrlQuery> done);
    // Answers the waiting browser with a success or failure page and closes everything.
    void respond(bool success, const QString &message);
    // Stops accepting connections, but keeps the browser that brought the redirect waiting for
    // respond() (its page should say whether the sign-in really succeeded).
    void stopListening();
    void cancel();

private:
    void onNewConnection();
    void handleRequest(class QTcpSocket *socket, const QByteArray &requestLine);
    void finish(Result<QUrlQuery> result);
    void closeServer();

    QTcpServer m_server;
    QUrl m_redirectUri;
    QTimer m_timeout;
    QByteArray m_state;
    Callback<QUrlQuery> m_done;
    QPointer<QTcpSocket> m_pendingBrowser;
};

// The page shown in the browser after the redirect. `message` is escaped.
QByteArray redirectResponsePage(bool success, const QString &message);

} // namespace countersign::oauth
