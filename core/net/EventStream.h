#pragma once

#include "common/Result.h"
#include "net/SseParser.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

#include <chrono>

class QNetworkAccessManager;
class QNetworkReply;

namespace countersign::net {

// One Server-Sent Events connection (text/event-stream over a long GET). It does not reconnect by
// itself: the owner decides when and from which event id (it may need a fresh token first).
// Exactly one of closed() or close() ends each open().
class EventStream : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        // How long the stream may stay silent (not even a keep-alive comment) before it counts
        // as dead.
        std::chrono::milliseconds idleTimeout{std::chrono::seconds(45)};
    };

    explicit EventStream(QNetworkAccessManager *network, QObject *parent = nullptr);
    EventStream(QNetworkAccessManager *network, Options options, QObject *parent = nullptr);
    ~EventStream() override;

    // Connects; `lastEventId` (may be empty) goes out as the Last-Event-ID header so the server
    // replays what was missed.
    void open(const QUrl &url, const QByteArray &bearerToken, const QString &lastEventId);
    // Disconnects without emitting closed().
    void close();
    bool isOpen() const;
    // The server's "retry:" advice in milliseconds, or -1.
    int retryMs() const { return m_parser.retryMs(); }

Q_SIGNALS:
    // The server accepted the request (HTTP 200, text/event-stream).
    void opened();
    void eventReceived(const countersign::net::ServerSentEvent &event);
    // The connection ended: code "network" (dropped, silent too long), "stream_ended" (the server
    // closed it), "bad_stream" (not an event stream, or an oversized event), or the server's
    // error ("invalid_token", "http_<status>", ...).
    void closed(const countersign::Error &reason);

private:
    void onHeaders();
    void onReadyRead();
    void onFinished();
    void fail(const Error &reason);

    QNetworkAccessManager *m_network;
    QPointer<QNetworkReply> m_reply;
    SseParser m_parser;
    bool m_accepted = false;
    std::chrono::milliseconds m_idleTimeout;
};

} // namespace countersign::net
