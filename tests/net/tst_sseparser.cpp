// The text/event-stream parser, fed the way a network delivers bytes: in arbitrary pieces.
#include "net/SseParser.h"

#include <QTest>

using namespace countersign::net;

namespace {

// Feeds `stream` in pieces of `chunk` bytes and collects every event.
QList<ServerSentEvent> parseInChunks(const QByteArray &stream, qsizetype chunk)
{
    SseParser parser;
    QList<ServerSentEvent> events;
    for (qsizetype i = 0; i < stream.size(); i += chunk) {
        auto batch = parser.feed(stream.mid(i, chunk));
        if (batch)
            events += *batch;
    }
    return events;
}

} // namespace

class SseParserTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesTheSameEventsWhateverTheChunking()
    {
        const QByteArray stream = "retry: 2000\r\n: keep-alive\r\n\r\nid: 7\r\nevent: approval.created\r\n"
                                  "data: {\"id\":\"a\"}\r\n\r\nid: 8\revent: approval.decided\rdata: x\r\r"
                                  "id: 9\nevent: approval.expired\ndata: y\n\n";
        for (qsizetype chunk : {1, 2, 3, 5, 7, 64, 4096}) {
            const auto events = parseInChunks(stream, chunk);
            QCOMPARE(events.size(), 3);
            QCOMPARE(events[0].id, QStringLiteral("7"));
            QCOMPARE(events[0].type, QStringLiteral("approval.created"));
            QCOMPARE(events[0].data, QStringLiteral("{\"id\":\"a\"}"));
            QCOMPARE(events[1].id, QStringLiteral("8"));
            QCOMPARE(events[1].type, QStringLiteral("approval.decided"));
            QCOMPARE(events[2].id, QStringLiteral("9"));
            QCOMPARE(events[2].data, QStringLiteral("y"));
        }
    }

    void joinsDataLinesWithNewlines()
    {
        const auto events = parseInChunks("data: one\ndata:two\ndata\n\n", 3);
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].data, QStringLiteral("one\ntwo\n"));
        QCOMPARE(events[0].type, QStringLiteral("message"));
    }

    void keepAliveCommentsAndEmptyEventsDispatchNothing()
    {
        SseParser parser;
        const auto events = parser.feed(": keep-alive\n\n: another\n\nevent: ping\n\n");
        QVERIFY(events);
        QVERIFY(events->isEmpty());
    }

    void lastEventIdCarriesOverAndIgnoresNul()
    {
        SseParser parser;
        const auto events = parser.feed(QByteArray("id: 5\ndata: a\n\ndata: b\n\nid: 6\0x\ndata: c\n\n", 42));
        QVERIFY(events);
        QCOMPARE(events->size(), 3);
        QCOMPARE(events->at(1).id, QStringLiteral("5"));
        QCOMPARE(events->at(2).id, QStringLiteral("5"));
        QCOMPARE(parser.lastEventId(), QStringLiteral("5"));
    }

    void incompleteEventIsNotDispatched()
    {
        SseParser parser;
        auto events = parser.feed("id: 1\ndata: half");
        QVERIFY(events && events->isEmpty());
        events = parser.feed("\n");
        QVERIFY(events && events->isEmpty());
        events = parser.feed("\n");
        QVERIFY(events);
        QCOMPARE(events->size(), 1);
        QCOMPARE(events->at(0).data, QStringLiteral("half"));
    }

    void readsRetryOnlyWhenItIsDigits()
    {
        SseParser parser;
        QCOMPARE(parser.retryMs(), -1);
        (void)parser.feed("retry: abc\n\n");
        QCOMPARE(parser.retryMs(), -1);
        (void)parser.feed("retry: 1500\n\n");
        QCOMPARE(parser.retryMs(), 1500);
    }

    void skipsALeadingByteOrderMark()
    {
        SseParser parser;
        const auto events = parser.feed("\xEF\xBB\xBF"
                                        "data: x\n\n");
        QVERIFY(events);
        QCOMPARE(events->size(), 1);
        QCOMPARE(events->at(0).data, QStringLiteral("x"));
    }

    void decodesUtf8Data()
    {
        SseParser parser;
        const auto events = parser.feed("data: Gr\xC3\xBC\xC3\x9F\x65\n\n");
        QVERIFY(events);
        QCOMPARE(events->at(0).data, QStringLiteral("Grüße"));
    }

    void refusesAnEndlessLine()
    {
        SseParser parser(1024);
        std::optional<QList<ServerSentEvent>> events;
        for (int i = 0; i < 10; ++i)
            events = parser.feed("data: " + QByteArray(200, 'x'));
        QVERIFY(!events);
    }

    // Found by fuzz_sse: a line over the limit passed when one read held all of it, and was
    // refused when it came in pieces (fuzz/corpus/sse/crash-line-over-limit-in-one-read).
    void refusesALineOverTheLimitWhateverTheChunking()
    {
        const QByteArray stream = ": " + QByteArray(1100, 'x') + "\ndata: after\n\n";
        for (qsizetype chunk : {1, 7, 4096}) {
            SseParser parser(1024);
            bool refused = false;
            for (qsizetype i = 0; i < stream.size() && !refused; i += chunk)
                refused = !parser.feed(stream.mid(i, chunk));
            QVERIFY2(refused, qPrintable(QStringLiteral("chunks of %1 bytes").arg(chunk)));
        }
        SseParser parser(1024);
        QVERIFY(parser.feed(": " + QByteArray(1000, 'x') + "\ndata: after\n\n"));
    }

    void refusesAnEndlessEvent()
    {
        SseParser parser(1024);
        std::optional<QList<ServerSentEvent>> events = QList<ServerSentEvent>();
        for (int i = 0; i < 10 && events; ++i)
            events = parser.feed("data: " + QByteArray(200, 'x') + '\n');
        QVERIFY(!events);
    }
};

QTEST_GUILESS_MAIN(SseParserTest)
#include "tst_sseparser.moc"
