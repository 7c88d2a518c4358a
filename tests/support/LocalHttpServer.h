#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QTcpServer>
#include <QUrl>

#include <functional>

namespace countersign::test {

// A tiny real HTTP/1.1 server on 127.0.0.1 and a free port, for tests that need a
// server misbehaving in precise ways (malformed JSON, wrong status, slow answers) or
// need to count requests. Each response closes the connection.
class LocalHttpServer : public QObject
{
    Q_OBJECT
public:
    struct Request
    {
        QByteArray method;
        QByteArray path;                       // path plus query, as sent
        QHash<QByteArray, QByteArray> headers; // lower-case names
        QByteArray body;
    };
    struct Response
    {
        int status = 200;
        QByteArray body;
        QByteArray contentType = "application/json";
        QList<QPair<QByteArray, QByteArray>> headers;
        int delayMs = 0;
        QByteArray raw; // when set, sent verbatim instead of a well-formed response
    };
    using Handler = std::function<Response(const Request &)>;
    // A response written piece by piece (HTTP/1.1 chunked transfer encoding), each piece after its
    // delay: for streams (Server-Sent Events) that the client must read while they arrive.
    struct Chunk
    {
        int delayMs = 0;
        QByteArray bytes;
    };
    struct StreamedResponse
    {
        int status = 200;
        QByteArray contentType = "text/event-stream";
        QList<Chunk> chunks;
    };
    using StreamHandler = std::function<StreamedResponse(const Request &)>;

    explicit LocalHttpServer(QObject *parent = nullptr);

    bool start();
    QUrl baseUrl() const;
    quint16 port() const;

    // Routes match the request path without its query string.
    void route(const QByteArray &path, Handler handler);
    void route(const QByteArray &path, Response fixed);
    // A route whose answers are streamed (takes precedence over route() for the same path).
    void routeStream(const QByteArray &path, StreamHandler handler);

    // How many requests reached `path` (without query).
    int hits(const QByteArray &path) const { return m_hits.value(path); }
    const QList<Request> &requests() const { return m_requests; }

private:
    void serve(class QTcpSocket *socket);

    QTcpServer m_server;
    QHash<QByteArray, Handler> m_routes;
    QHash<QByteArray, StreamHandler> m_streamRoutes;
    QHash<QByteArray, int> m_hits;
    QList<Request> m_requests;
};

} // namespace countersign::test
