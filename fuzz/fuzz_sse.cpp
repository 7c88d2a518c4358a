// The server-sent events parser (core/net/SseParser), the framing of the approval channel's event
// stream and of the model server's answers. Input: chunk sizes (FuzzSupport.h, Chunked), one byte
// that picks the size limit (64 bytes to 16 KiB, so that the fuzzer reaches it), then the stream.
// Beyond "never crashes" it checks that the parser's answer does not depend on how the network
// splits the bytes: fed in chunks, it must return the same events as fed at once, and refuse
// the stream (size limit) exactly when the whole stream is refused.
//   build-fuzz/fuzz/fuzz_sse fuzz/corpus/sse
#include "FuzzSupport.h"

#include "net/SseParser.h"

#include <cstdio>
#include <cstdlib>

using countersign::net::ServerSentEvent;
using countersign::net::SseParser;

namespace {

bool same(const ServerSentEvent &a, const ServerSentEvent &b)
{
    return a.id == b.id && a.type == b.type && a.data == b.data;
}

[[noreturn]] void differ(const char *what)
{
    std::fprintf(stderr, "fuzz_sse: chunked and whole parsing differ: %s\n", what);
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    countersign::fuzz::silenceQtMessages();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    auto input = countersign::fuzz::Chunked::from(countersign::fuzz::bytes(data, size));
    qsizetype limit = 1024 * 1024;
    if (!input.stream.isEmpty()) {
        limit = 64 << (static_cast<unsigned char>(input.stream.at(0)) % 9);
        input.stream.remove(0, 1);
    }

    SseParser whole(limit);
    const auto all = whole.feed(input.stream);

    SseParser chunked(limit);
    QList<ServerSentEvent> events;
    bool refused = false;
    for (const QByteArray &chunk : input.chunks()) {
        const auto some = chunked.feed(chunk);
        if (!some) {
            refused = true;
            break;
        }
        events += *some;
    }

    if (!all) {
        if (!refused)
            differ("only the whole stream was refused");
        return 0;
    }
    if (refused)
        differ("only the chunked stream was refused");
    if (events.size() != all->size())
        differ("another number of events");
    for (qsizetype i = 0; i < events.size(); ++i)
        if (!same(events.at(i), all->at(i)))
            differ("another event");
    if (chunked.lastEventId() != whole.lastEventId() || chunked.retryMs() != whole.retryMs())
        differ("another last event id or retry");
    return 0;
}
