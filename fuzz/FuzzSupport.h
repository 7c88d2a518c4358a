#pragma once

// What the fuzz targets share (fuzz/README.md). A target never touches the network or the disk:
// it hands libFuzzer's bytes to a parser of core, the way the app hands it a server's answer.

#include <QByteArray>
#include <QList>
#include <QtGlobal>

#include <cstddef>
#include <cstdint>

namespace countersign::fuzz {

// The input as the app would hold it: an owned QByteArray (a network reply's readAll()).
inline QByteArray bytes(const std::uint8_t *data, std::size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
}

// Qt's log lines (the parsers log what they refuse) would flood the fuzzer's output and slow it
// down. qFatal still aborts after the handler, so a fatal message is still a crash.
inline void silenceQtMessages()
{
    qInstallMessageHandler([](QtMsgType, const QMessageLogContext &, const QString &) {});
}

// Cuts `stream` into chunks the way a network delivers them, in sizes the input chooses: the first
// byte says how many size bytes follow (0-15), each size byte gives a chunk of 1-256 bytes, used
// in turn; the rest of the input is the stream. No size bytes: one chunk.
struct Chunked
{
    QByteArray stream;
    QList<int> sizes;

    static Chunked from(const QByteArray &input)
    {
        Chunked result;
        if (input.isEmpty())
            return result;
        const int count = static_cast<unsigned char>(input.at(0)) % 16;
        const qsizetype header = qMin<qsizetype>(1 + count, input.size());
        for (qsizetype i = 1; i < header; ++i)
            result.sizes.append(1 + static_cast<unsigned char>(input.at(i)));
        result.stream = input.mid(header);
        return result;
    }

    QList<QByteArray> chunks() const
    {
        if (sizes.isEmpty())
            return {stream};
        QList<QByteArray> out;
        for (qsizetype at = 0, turn = 0; at < stream.size(); ++turn) {
            const int size = sizes.at(turn % sizes.size());
            out.append(stream.mid(at, size));
            at += size;
        }
        return out;
    }
};

} // namespace countersign::fuzz
