#include "LocalHttpServer.h"

#include <QTcpSocket>
#include <QTimer>

namespace countersign::test {

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 302:
        return "Found";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

// Returns true once `buffer` holds a complete request (headers + Content-Length body).
bool parseRequest(const QByteArray &buffer, LocalHttpServer::Request &out)
{
    const int headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return false;
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    out.method = requestLine.value(0);
    out.path = requestLine.value(1);
    out.headers.clear();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const int colon = lines[i].indexOf(':');
        if (colon > 0)
            out.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
    }
    const qsizetype length = out.headers.value("content-length", "0").toLongLong();
    if (buffer.size() - (headerEnd + 4) < length)
        return false;
    out.body = buffer.mid(headerEnd + 4, length);
    return true;
}

// Writes chunks[i..] of a chunked response, each after its delay, then ends it. A client that
// hangs up ends the chain: the socket, the timers' context, is gone.
void writeChunks(QTcpSocket *socket, QList<LocalHttpServer::Chunk> chunks, qsizetype i)
{
    if (i == chunks.size()) {
        socket->write("0\r\n\r\n");
        socket->disconnectFromHost();
        return;
    }
    const int delayMs = chunks[i].delayMs;
    QTimer::singleShot(delayMs, socket, [socket, chunks = std::move(chunks), i]() mutable {
        if (!chunks[i].bytes.isEmpty())
            socket->write(QByteArray::number(chunks[i].bytes.size(), 16) + "\r\n" + chunks[i].bytes + "\r\n");
        writeChunks(socket, std::move(chunks), i + 1);
    });
}

void writeStreamed(QTcpSocket *socket, const LocalHttpServer::StreamedResponse &response)
{
    socket->write("HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) +
                  "\r\nContent-Type: " + response.contentType +
                  "\r\nTransfer-Encoding: chunked\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n");
    writeChunks(socket, response.chunks, 0);
}

} // namespace

LocalHttpServer::LocalHttpServer(QObject *parent) : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection())
            serve(socket);
    });
}

bool LocalHttpServer::start()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

quint16 LocalHttpServer::port() const
{
    return m_server.serverPort();
}

QUrl LocalHttpServer::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port()));
}

void LocalHttpServer::route(const QByteArray &path, Handler handler)
{
    m_routes.insert(path, std::move(handler));
}

void LocalHttpServer::route(const QByteArray &path, Response fixed)
{
    route(path, [fixed](const Request &) { return fixed; });
}

void LocalHttpServer::routeStream(const QByteArray &path, StreamHandler handler)
{
    m_streamRoutes.insert(path, std::move(handler));
}

void LocalHttpServer::serve(QTcpSocket *socket)
{
    auto buffer = std::make_shared<QByteArray>();
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
        buffer->append(socket->readAll());
        Request request;
        if (!parseRequest(*buffer, request))
            return;
        buffer->clear();
        const QByteArray path = request.path.left(request.path.indexOf('?') < 0 ? request.path.size()
                                                                                : request.path.indexOf('?'));
        m_hits[path] += 1;
        m_requests.append(request);
        if (const auto it = m_streamRoutes.constFind(path); it != m_streamRoutes.constEnd()) {
            writeStreamed(socket, (*it)(request));
            return;
        }
        Response response;
        response.status = 404;
        response.body = R"({"error":"not_found"})";
        if (const auto it = m_routes.constFind(path); it != m_routes.constEnd())
            response = (*it)(request);

        QByteArray raw = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' +
                         reasonPhrase(response.status) + "\r\nContent-Type: " + response.contentType +
                         "\r\nContent-Length: " + QByteArray::number(response.body.size()) +
                         "\r\nConnection: close\r\n";
        for (const auto &[name, value] : response.headers)
            raw += name + ": " + value + "\r\n";
        raw += "\r\n" + response.body;
        if (!response.raw.isEmpty())
            raw = response.raw;
        QTimer::singleShot(response.delayMs, socket, [socket, raw] {
            socket->write(raw);
            socket->disconnectFromHost();
        });
    });
}

} // namespace countersign::test
