#include "CibaPingReceiver.h"

#include "ciba/CibaErrors.h"
#include "common/Json.h"
#include "common/JsonInput.h"
#include "logging/Logging.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTimer>

#include <openssl/crypto.h>

#include <memory>

namespace countersign::ciba {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(CibaPingReceiver)
};

constexpr auto kPath = "/ciba/ping";
constexpr qsizetype kMaxHead = 8 * 1024;
constexpr qsizetype kMaxBody = 8 * 1024;

void answer(QTcpSocket *socket, int status, const QByteArray &reason)
{
    socket->readAll();
    socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason +
                  "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    socket->flush();
    socket->disconnectFromHost();
}

QByteArray headerValue(const QByteArray &head, QByteArrayView name)
{
    for (const QByteArray &line : head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && QByteArrayView(line).first(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

bool sameSecret(const QByteArray &a, const QByteArray &b)
{
    // Compare digests: equal length whatever the input, so timing says nothing about the token.
    const QByteArray da = QCryptographicHash::hash(a, QCryptographicHash::Sha256);
    const QByteArray db = QCryptographicHash::hash(b, QCryptographicHash::Sha256);
    return CRYPTO_memcmp(da.constData(), db.constData(), static_cast<size_t>(da.size())) == 0;
}

} // namespace

CibaPingReceiver::CibaPingReceiver(QObject *parent) : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &CibaPingReceiver::onNewConnection);
}

Status CibaPingReceiver::listen(quint16 port)
{
    if (!m_server.listen(QHostAddress::LocalHost, port))
        return Error{
            errors::listenFailed,
            Tr::tr("Could not open a local port for CIBA notifications: %1").arg(m_server.errorString())};
    return Done{};
}

QUrl CibaPingReceiver::endpoint() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(QLatin1String(kPath)));
}

QByteArray CibaPingReceiver::newNotificationToken()
{
    quint32 words[8];
    QRandomGenerator::system()->fillRange(words);
    return QByteArray(reinterpret_cast<const char *>(words), sizeof(words))
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

void CibaPingReceiver::expect(const QString &authReqId, const QByteArray &notificationToken)
{
    m_expected.insert(authReqId, notificationToken);
}

void CibaPingReceiver::forget(const QString &authReqId)
{
    m_expected.remove(authReqId);
}

void CibaPingReceiver::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        QTimer::singleShot(std::chrono::seconds(5), socket, [socket] { socket->abort(); });
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
            buffer->append(socket->readAll());
            const qsizetype headEnd = buffer->indexOf("\r\n\r\n");
            if (headEnd < 0) {
                if (buffer->size() > kMaxHead)
                    socket->abort();
                return;
            }
            const QByteArray head = buffer->left(headEnd);
            bool ok = false;
            const qsizetype length = headerValue(head, "Content-Length").toLongLong(&ok);
            if (!ok || length < 0 || length > kMaxBody) {
                disconnect(socket, &QTcpSocket::readyRead, this, nullptr);
                answer(socket, 400, "Bad Request");
                return;
            }
            if (buffer->size() - headEnd - 4 < length)
                return; // body not complete yet
            disconnect(socket, &QTcpSocket::readyRead, this, nullptr);
            handle(socket, head, buffer->mid(headEnd + 4, length));
        });
    }
}

void CibaPingReceiver::handle(QTcpSocket *socket, const QByteArray &head, const QByteArray &body)
{
    const QByteArray requestLine = head.left(head.indexOf("\r\n"));
    if (requestLine != QByteArray("POST ") + kPath + " HTTP/1.1" &&
        requestLine != QByteArray("POST ") + kPath + " HTTP/1.0") {
        answer(socket, 404, "Not Found");
        return;
    }
    const auto json = parseJsonOrDiscard(body);
    const QString authReqId = jsonString(json, "auth_req_id");
    const QByteArray authorization = headerValue(head, "Authorization");
    if (authReqId.isEmpty()) {
        answer(socket, 400, "Bad Request");
        return;
    }
    const auto expected = m_expected.constFind(authReqId);
    if (!authorization.startsWith("Bearer ") || expected == m_expected.cend() ||
        !sameSecret(authorization.mid(7), *expected)) {
        qCWarning(lcOAuth) << "Ignored a CIBA ping with an unknown request or a wrong token";
        answer(socket, 401, "Unauthorized");
        return;
    }
    answer(socket, 204, "No Content");
    Q_EMIT pinged(authReqId);
}

} // namespace countersign::ciba
