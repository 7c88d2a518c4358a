#include "EventStream.h"

#include "logging/Logging.h"
#include "net/HttpClient.h"
#include "net/NetErrors.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace countersign::net {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(EventStream)
};

constexpr qsizetype kMaxErrorBody = 64 * 1024;

} // namespace

EventStream::EventStream(QNetworkAccessManager *network, QObject *parent)
    : EventStream(network, Options{}, parent)
{}

EventStream::EventStream(QNetworkAccessManager *network, Options options, QObject *parent)
    : QObject(parent), m_network(network), m_idleTimeout(options.idleTimeout)
{}

EventStream::~EventStream()
{
    close();
}

void EventStream::open(const QUrl &url, const QByteArray &bearerToken, const QString &lastEventId)
{
    close();
    m_parser = SseParser();
    m_accepted = false;
    QNetworkRequest request =
        buildRequest(url, "Bearer " + bearerToken, m_idleTimeout, QByteArrayLiteral("text/event-stream"));
    request.setRawHeader("Cache-Control", "no-store");
    if (!lastEventId.isEmpty())
        request.setRawHeader("Last-Event-ID", lastEventId.toUtf8());
    qCDebug(lcNet) << "GET (event stream)" << url.toDisplayString(QUrl::RemoveQuery) << "from event"
                   << lastEventId;
    m_reply = m_network->get(request);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &EventStream::onHeaders);
    connect(m_reply, &QNetworkReply::readyRead, this, &EventStream::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &EventStream::onFinished);
}

bool EventStream::isOpen() const
{
    return !m_reply.isNull();
}

void EventStream::close()
{
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->disconnect(this);
    reply->abort();
    reply->deleteLater();
}

void EventStream::onHeaders()
{
    if (m_accepted || !m_reply)
        return;
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 200)
        return; // the error body is read when the reply finishes
    const QString type = m_reply->header(QNetworkRequest::ContentTypeHeader).toString();
    if (!type.startsWith(u"text/event-stream")) {
        fail({errors::badStream,
              Tr::tr("The server did not answer with an event stream (it sent \"%1\").").arg(type.left(80))});
        return;
    }
    m_accepted = true;
    Q_EMIT opened();
}

void EventStream::onReadyRead()
{
    if (!m_reply || !m_accepted) {
        if (m_reply && m_reply->bytesAvailable() > kMaxErrorBody)
            fail({errors::badStream, Tr::tr("The server sent an oversized error answer.")});
        return; // an error body: read in onFinished()
    }
    const auto events = m_parser.feed(m_reply->readAll());
    if (!events) {
        fail({errors::badStream, Tr::tr("The server sent an event too large to be genuine.")});
        return;
    }
    QPointer guard(this);
    for (const ServerSentEvent &event : *events) {
        Q_EMIT eventReceived(event);
        if (!guard || !m_reply) // a handler closed or destroyed the stream
            return;
    }
}

void EventStream::onFinished()
{
    if (!m_reply)
        return;
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (m_accepted) {
        onReadyRead();
        if (!m_reply)
            return;
        if (m_reply->error() == QNetworkReply::NoError)
            fail({errors::streamEnded, Tr::tr("The server closed the event stream.")});
        else
            fail(replyError(m_reply, 0, {}));
        return;
    }
    fail(replyError(m_reply, status == 200 ? 0 : status, m_reply->read(kMaxErrorBody)));
}

void EventStream::fail(const Error &reason)
{
    close();
    Q_EMIT closed(reason);
}

} // namespace countersign::net
