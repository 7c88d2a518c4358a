#include "FakeChatServer.h"

namespace countersign::test {

namespace {

using Chunk = LocalHttpServer::Chunk;

QByteArray event(const nlohmann::json &data)
{
    return "data: " + QByteArray::fromStdString(data.dump()) + "\n\n";
}

// One chat.completion.chunk with the given delta and finish reason.
QByteArray chunkEvent(const nlohmann::json &delta, const char *finishReason = nullptr)
{
    return event({{"id", "chatcmpl-fake"},
                  {"object", "chat.completion.chunk"},
                  {"created", 1764000000},
                  {"model", "fake-model"},
                  {"choices",
                   {{{"index", 0},
                     {"delta", delta},
                     {"logprobs", nullptr},
                     {"finish_reason", finishReason ? nlohmann::json(finishReason) : nlohmann::json()}}}}});
}

const QByteArray kDone = "data: [DONE]\n\n";

} // namespace

FakeChatServer::FakeChatServer(QObject *parent) : QObject(parent)
{
    m_http.routeStream("/v1/chat/completions", [this](const LocalHttpServer::Request &request) {
        m_requests.append(
            {request.method, request.path, request.headers, request.body,
             nlohmann::json::parse(request.body.constBegin(), request.body.constEnd(), nullptr, false)});
        if (m_queue.isEmpty())
            return error(500, "FakeChatServer: no scripted reply left", "server_error", {});
        return m_queue.takeFirst();
    });
}

bool FakeChatServer::start()
{
    return m_http.start();
}

QUrl FakeChatServer::baseUrl() const
{
    return QUrl(m_http.baseUrl().toString() + QStringLiteral("/v1"));
}

QByteArray FakeChatServer::everythingReceived() const
{
    QByteArray all;
    for (const Request &request : m_requests) {
        all += request.method + ' ' + request.path + '\n';
        for (auto it = request.headers.cbegin(); it != request.headers.cend(); ++it)
            all += it.key() + ": " + it.value() + '\n';
        all += request.body + '\n';
    }
    return all;
}

FakeChatServer::Reply FakeChatServer::streamedText(const QStringList &deltas, int intervalMs)
{
    Reply reply;
    // A comment first, as some servers send while the model warms up: it must be ignored.
    reply.chunks.append({0, ": processing\n\n" + chunkEvent({{"role", "assistant"}, {"content", ""}})});
    for (const QString &delta : deltas)
        reply.chunks.append({intervalMs, chunkEvent({{"content", delta.toStdString()}})});
    reply.chunks.append({intervalMs, chunkEvent(nlohmann::json::object(), "stop")});
    reply.chunks.append({0, kDone});
    return reply;
}

FakeChatServer::Reply FakeChatServer::streamedToolCalls(const QList<ScriptedCall> &calls,
                                                        const QString &textFirst, int fragmentBytes)
{
    QByteArray stream = chunkEvent({{"role", "assistant"}, {"content", nullptr}});
    if (!textFirst.isEmpty())
        stream += chunkEvent({{"content", textFirst.toStdString()}});
    for (qsizetype i = 0; i < calls.size(); ++i)
        stream +=
            chunkEvent({{"tool_calls",
                         {{{"index", i},
                           {"id", calls[i].id.toStdString()},
                           {"type", "function"},
                           {"function", {{"name", calls[i].name.toStdString()}, {"arguments", ""}}}}}}});
    // Argument fragments, round robin across the calls: only the index says which call each is for.
    for (qsizetype offset = 0;; offset += fragmentBytes) {
        bool any = false;
        for (qsizetype i = 0; i < calls.size(); ++i) {
            const QByteArray fragment = calls[i].arguments.mid(offset, fragmentBytes);
            if (fragment.isEmpty())
                continue;
            any = true;
            stream += chunkEvent(
                {{"tool_calls", {{{"index", i}, {"function", {{"arguments", fragment.toStdString()}}}}}}});
        }
        if (!any)
            break;
    }
    stream += chunkEvent(nlohmann::json::object(), "tool_calls") + kDone;

    Reply reply;
    constexpr qsizetype kPiece = 61; // deliberately not aligned with events or lines
    for (qsizetype at = 0; at < stream.size(); at += kPiece)
        reply.chunks.append({at == 0 ? 0 : 2, stream.mid(at, kPiece)});
    return reply;
}

FakeChatServer::Reply FakeChatServer::error(int status, const QByteArray &message, const QByteArray &type,
                                            const QByteArray &code)
{
    Reply reply;
    reply.status = status;
    reply.contentType = "application/json";
    const nlohmann::json body = {
        {"error",
         {{"message", message.toStdString()},
          {"type", type.toStdString()},
          {"param", nullptr},
          {"code", code.isEmpty() ? nlohmann::json() : nlohmann::json(code.toStdString())}}}};
    reply.chunks.append({0, QByteArray::fromStdString(body.dump())});
    return reply;
}

FakeChatServer::Reply FakeChatServer::malformedStream()
{
    Reply reply;
    reply.chunks.append({0, chunkEvent({{"role", "assistant"}, {"content", "Hello"}})});
    reply.chunks.append({5, "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"oops\"\n\n"});
    reply.chunks.append({5, chunkEvent({{"content", " after the broken event"}})});
    reply.chunks.append({5, kDone});
    return reply;
}

FakeChatServer::Reply FakeChatServer::nonStreamingAnswer(const QString &text,
                                                         const QList<ScriptedCall> &calls)
{
    nlohmann::json message = {
        {"role", "assistant"},
        {"content", text.isEmpty() ? nlohmann::json() : nlohmann::json(text.toStdString())}};
    for (const ScriptedCall &call : calls)
        message["tool_calls"].push_back(
            {{"id", call.id.toStdString()},
             {"type", "function"},
             {"function", {{"name", call.name.toStdString()}, {"arguments", call.arguments.toStdString()}}}});
    const nlohmann::json body = {
        {"id", "chatcmpl-fake"},
        {"object", "chat.completion"},
        {"created", 1764000000},
        {"model", "fake-model"},
        {"choices",
         {{{"index", 0}, {"message", message}, {"finish_reason", calls.isEmpty() ? "stop" : "tool_calls"}}}},
        {"usage", {{"prompt_tokens", 10}, {"completion_tokens", 5}, {"total_tokens", 15}}}};
    Reply reply;
    reply.contentType = "application/json";
    reply.chunks.append({0, QByteArray::fromStdString(body.dump())});
    return reply;
}

} // namespace countersign::test
