#include "SseParser.h"

namespace countersign::net {

std::optional<QList<ServerSentEvent>> SseParser::feed(const QByteArray &bytes)
{
    QList<ServerSentEvent> out;
    qsizetype start = 0;
    if (m_skipLf && !bytes.isEmpty()) {
        m_skipLf = false;
        if (bytes.front() == '\n')
            start = 1;
    }
    // Lines end with CRLF, LF or CR.
    for (qsizetype i = start; i < bytes.size(); ++i) {
        const char c = bytes.at(i);
        if (c != '\n' && c != '\r')
            continue;
        m_buffer.append(bytes.constData() + start, i - start);
        // A line over the limit is refused whether it came in pieces (checked below) or in one.
        if (m_buffer.size() > m_maxEventBytes)
            return std::nullopt;
        processLine(m_buffer, out);
        m_buffer.clear();
        if (c == '\r') {
            if (i + 1 < bytes.size()) {
                if (bytes.at(i + 1) == '\n')
                    ++i;
            } else {
                m_skipLf = true;
            }
        }
        start = i + 1;
        if (m_data.size() > m_maxEventBytes)
            return std::nullopt;
    }
    m_buffer.append(bytes.constData() + start, bytes.size() - start);
    if (m_buffer.size() > m_maxEventBytes)
        return std::nullopt;
    return out;
}

void SseParser::processLine(QByteArrayView line, QList<ServerSentEvent> &out)
{
    if (!m_seenFirstLine) {
        m_seenFirstLine = true;
        if (line.startsWith("\xEF\xBB\xBF")) // a UTF-8 byte order mark starts the stream, at most once
            line = line.sliced(3);
    }
    if (line.isEmpty()) { // dispatch
        if (!m_data.isEmpty()) {
            m_data.chop(1); // the trailing '\n' of the last data line
            out.append({m_lastEventId, m_type.isEmpty() ? QStringLiteral("message") : m_type,
                        QString::fromUtf8(m_data)});
        }
        m_data.clear();
        m_type.clear();
        return;
    }
    if (line.front() == ':')
        return; // comment: keep-alive
    const qsizetype colon = line.indexOf(':');
    QByteArrayView field = colon < 0 ? line : line.first(colon);
    QByteArrayView value = colon < 0 ? QByteArrayView() : line.sliced(colon + 1);
    if (value.startsWith(' '))
        value = value.sliced(1);

    if (field == "data") {
        m_data.append(value.data(), value.size());
        m_data.append('\n');
    } else if (field == "event") {
        m_type = QString::fromUtf8(value);
    } else if (field == "id") {
        if (!value.contains('\0'))
            m_lastEventId = QString::fromUtf8(value);
    } else if (field == "retry") {
        bool ok = false;
        const int ms = value.toInt(&ok);
        if (ok && ms >= 0 && !value.contains('+') && !value.contains('-'))
            m_retryMs = ms;
    }
}

} // namespace countersign::net
