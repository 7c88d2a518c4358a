#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

#include <nlohmann/json.hpp>

#include <string>

namespace countersign::agent::openai {

// Reading what a Chat Completions server answers, apart from moving the bytes (OpenAiBackend):
// the errors it reports and the tool calls it asks for. No network here.

// The server's own words in an error answer: {"error": {"message", "type", "code"}} (OpenAI),
// {"error": "..."} or {"detail": "..."} (others); empty if none. Server text can quote what it
// was sent (OpenAI's 401 quotes part of the key), so `apiKey` and anything key-like is redacted,
// and the text is cut at 400 characters.
QString serverMessage(const nlohmann::json &json, const QByteArray &apiKey);

// An answer with a non-2xx `status`: "openai_unauthorized" (401), "openai_http_<status>"
// otherwise, with the server's message (see serverMessage) when its body has one.
Error httpError(int status, const QByteArray &body, const QByteArray &apiKey);

// "openai_bad_answer": the server answered something that is not a Chat Completions answer.
Error badAnswer(const QString &message);

class ToolCallAssembler;

// What one piece of an answer (an event of the stream, or a whole answer) tells the transfer.
struct AnswerStep
{
    enum class Kind
    {
        More,     // read on
        Finished, // the answer is complete (the stream's "[DONE]", or a whole answer)
        Failed    // `error` says why: the server reported one, or sent something malformed
    };
    Kind kind = Kind::More;
    Error error;  // when Failed
    QString text; // text of the answer to show now; may be empty
};

// Reads the data of one event of a Chat Completions stream: "[DONE]" finishes; an "error" object,
// an event that is not a JSON object (or nests too deep), "choices" that is not a list and tool
// calls of an unknown shape fail. Otherwise its tool call fragments go to `calls`, a finish_reason
// to `finishReason`, and its text (content and refusal) comes back.
AnswerStep readStreamEvent(const QString &data, ToolCallAssembler &calls, QString &finishReason,
                           const QByteArray &apiKey);

// Reads a whole chat.completion object (a server that ignored "stream"), the same way: Finished
// with its text, or Failed.
AnswerStep readCompletion(const QByteArray &body, ToolCallAssembler &calls, QString &finishReason,
                          const QByteArray &apiKey);

// The tool calls of one answer, put together from its tool_calls entries: streamed fragments
// (each naming its call by index or id) or whole calls (a server that ignored "stream").
class ToolCallAssembler
{
public:
    struct Call
    {
        QString id; // the model's, or a fresh "call_…" when it gave none
        QString tool;
        nlohmann::json arguments;
    };

    // Adds the entries of one tool_calls array. Fragments of one call share an index; an entry
    // without one is placed by its id, or by its position in the array if `positional`.
    Status add(const nlohmann::json &entries, bool positional);
    // The calls, in index order. An Error ("openai_bad_answer", "openai_bad_tool_call") if a call
    // has no name or its arguments are not JSON (or nest too deep): then no call is run at all.
    Result<QList<Call>> calls() const;

private:
    struct Pending
    {
        QString id;
        QString name;
        std::string arguments;
    };
    QMap<int, Pending> m_pending; // by the API's index
};

} // namespace countersign::agent::openai
