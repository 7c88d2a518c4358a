#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace countersign::net {

// One event of a text/event-stream (WHATWG HTML, "Server-sent events" §9.2.6).
struct ServerSentEvent
{
    QString id;   // the stream's last event id when this event was dispatched
    QString type; // "message" unless the stream named it
    QString data; // data lines joined with '\n'
};

// Incremental parser for text/event-stream. Feed it bytes as they arrive, in any split; it returns
// the events completed by them. Comments (keep-alives) produce nothing but count as activity.
// A single line or event larger than the limit is a protocol error (a server streaming without
// end must not grow our memory).
class SseParser
{
public:
    explicit SseParser(qsizetype maxEventBytes = 1024 * 1024) : m_maxEventBytes(maxEventBytes) {}

    // Returns the completed events, or std::nullopt when the stream exceeded the size limit.
    std::optional<QList<ServerSentEvent>> feed(const QByteArray &bytes);

    // The last event id seen (persists across events, as the spec says; set by "id:" lines).
    const QString &lastEventId() const { return m_lastEventId; }
    // A "retry:" field's reconnection time in milliseconds, or -1 if the server sent none.
    int retryMs() const { return m_retryMs; }

private:
    void processLine(QByteArrayView line, QList<ServerSentEvent> &out);

    qsizetype m_maxEventBytes;
    QByteArray m_buffer; // bytes of an incomplete line
    bool m_seenFirstLine = false;
    bool m_skipLf = false; // the previous chunk ended with CR: a leading LF belongs to it
    QByteArray m_data;
    QString m_type;
    QString m_lastEventId;
    int m_retryMs = -1;
};

} // namespace countersign::net
