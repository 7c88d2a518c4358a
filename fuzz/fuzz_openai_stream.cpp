// What an OpenAI-compatible model server answers (core/agent/OpenAiAnswer), read as OpenAiBackend
// reads it: a text/event-stream of Chat Completions chunks, cut into network chunks
// (FuzzSupport.h, Chunked), each event read by openai::readStreamEvent() until "[DONE]" or an
// error; or one whole chat.completion object (openai::readCompletion()); or an error body with an
// HTTP status. Then the tool calls are put together, as the backend does at the end of a turn.
// The first byte picks the mode; the rest is the answer.
//   build-fuzz/fuzz/fuzz_openai_stream fuzz/corpus/openai_stream
#include "FuzzSupport.h"

#include "agent/OpenAiAnswer.h"
#include "net/SseParser.h"

using namespace countersign;
using namespace countersign::agent::openai;

namespace {

const QByteArray apiKey = QByteArrayLiteral("sk-fuzz-0123456789abcdef");

void stream(const QByteArray &input)
{
    ToolCallAssembler calls;
    QString finishReason;
    net::SseParser parser;
    for (const QByteArray &chunk : fuzz::Chunked::from(input).chunks()) {
        const auto events = parser.feed(chunk);
        if (!events)
            return;
        for (const net::ServerSentEvent &event : *events)
            if (readStreamEvent(event.data, calls, finishReason, apiKey).kind != AnswerStep::Kind::More) {
                (void)calls.calls();
                return;
            }
    }
    (void)calls.calls();
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::silenceQtMessages();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    const QByteArray body = fuzz::bytes(data + 1, size - 1);
    switch (data[0] % 3) {
    case 0:
        stream(body);
        break;
    case 1: {
        ToolCallAssembler calls;
        QString finishReason;
        if (readCompletion(body, calls, finishReason, apiKey).kind == AnswerStep::Kind::Finished)
            (void)calls.calls();
        break;
    }
    default:
        (void)httpError(400 + data[0] % 200, body, apiKey);
        break;
    }
    return 0;
}
