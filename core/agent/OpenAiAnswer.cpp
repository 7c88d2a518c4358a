#include "OpenAiAnswer.h"

#include "agent/AgentErrors.h"
#include "common/Json.h"
#include "common/JsonInput.h"
#include "logging/Logging.h"
#include "net/HttpClient.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUuid>

#include <algorithm>

namespace countersign::agent::openai {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(OpenAiBackend) // one translation context with the transfer
};

QString scrubbed(QString text, const QByteArray &apiKey)
{
    if (!apiKey.isEmpty())
        text.replace(QString::fromUtf8(apiKey), QStringLiteral("[redacted]"));
    static const QRegularExpression keyLike(QStringLiteral("\\bsk-[A-Za-z0-9_*.-]{3,}"));
    text.replace(keyLike, QStringLiteral("[redacted]"));
    text = logging::redact(text.simplified());
    return text.size() > 400 ? text.left(400) + QStringLiteral("…") : text;
}

Error unknownShape()
{
    return badAnswer(Tr::tr("The model server sent tool calls in an unknown shape."));
}

// An error object in the answer, with the server's words.
Error serverError(const QString &said)
{
    return {errors::openAiError, Tr::tr("The model server reported an error: %1").arg(said)};
}

AnswerStep failed(Error error)
{
    return {AnswerStep::Kind::Failed, std::move(error), {}};
}

} // namespace

AnswerStep readStreamEvent(const QString &data, ToolCallAssembler &calls, QString &finishReason,
                           const QByteArray &apiKey)
{
    if (data.trimmed() == u"[DONE]")
        return {AnswerStep::Kind::Finished, {}, {}};
    const JsonInput parsed = parseJsonInput(data.toUtf8());
    if (parsed.problem == JsonInput::Problem::TooDeep)
        return failed(badAnswer(
            Tr::tr("The model server sent a stream event nested deeper than %1 levels.").arg(kMaxJsonDepth)));
    const nlohmann::json &chunk = parsed.value;
    if (!chunk.is_object())
        return failed(badAnswer(
            Tr::tr("The model server sent a malformed stream: an event that is not a JSON object.")));
    if (chunk.contains("error")) {
        const QString said = serverMessage(chunk, apiKey);
        return failed(serverError(said.isEmpty() ? Tr::tr("(no description)") : said));
    }
    // value() with a JSON default converts nothing, so it cannot throw.
    const nlohmann::json choices = chunk.value("choices", nlohmann::json::array());
    if (!choices.is_array() && !choices.is_null())
        return failed(
            badAnswer(Tr::tr("The model server sent a malformed stream: \"choices\" is not a list.")));
    if (!choices.is_array() || choices.empty() || !choices[0].is_object())
        return {}; // e.g. the usage statistics at the end
    const nlohmann::json &choice = choices[0];
    const nlohmann::json delta = choice.value("delta", nlohmann::json::object());
    if (const auto entries = delta.find("tool_calls");
        delta.is_object() && entries != delta.end() && !entries->is_null())
        if (Status added = calls.add(*entries, false); !added)
            return failed(added.error());
    if (const QString reason = jsonString(choice, "finish_reason"); !reason.isEmpty())
        finishReason = reason;
    return {AnswerStep::Kind::More, {}, jsonString(delta, "content") + jsonString(delta, "refusal")};
}

AnswerStep readCompletion(const QByteArray &body, ToolCallAssembler &calls, QString &finishReason,
                          const QByteArray &apiKey)
{
    const auto parsed =
        net::parseJsonObject(body, Tr::tr("answer from the model server"), Tr::tr("The model server"));
    if (!parsed)
        return failed(badAnswer(parsed.error().message));
    const nlohmann::json &answer = parsed.value();
    if (answer.contains("error"))
        return failed(serverError(serverMessage(answer, apiKey)));
    const nlohmann::json choices = answer.value("choices", nlohmann::json::array());
    if (!choices.is_array() || choices.empty() || !choices[0].is_object() ||
        !choices[0].value("message", nlohmann::json()).is_object())
        return failed(badAnswer(Tr::tr("The model server's answer has no message.")));
    const nlohmann::json &message = choices[0]["message"];
    if (const auto entries = message.find("tool_calls"); entries != message.end() && !entries->is_null())
        if (Status added = calls.add(*entries, true); !added)
            return failed(added.error());
    finishReason = jsonString(choices[0], "finish_reason");
    return {AnswerStep::Kind::Finished, {}, jsonString(message, "content") + jsonString(message, "refusal")};
}

QString serverMessage(const nlohmann::json &json, const QByteArray &apiKey)
{
    if (!json.is_object())
        return {};
    QString message;
    if (const auto error = json.find("error"); error != json.end()) {
        if (error->is_string())
            message = QString::fromStdString(error->get<std::string>());
        else if (error->is_object())
            message = jsonString(*error, "message").isEmpty()
                          ? (jsonString(*error, "code").isEmpty() ? jsonString(*error, "type")
                                                                  : jsonString(*error, "code"))
                          : jsonString(*error, "message");
    }
    if (message.isEmpty())
        message =
            jsonString(json, "detail").isEmpty() ? jsonString(json, "message") : jsonString(json, "detail");
    return scrubbed(message, apiKey);
}

Error httpError(int status, const QByteArray &body, const QByteArray &apiKey)
{
    const QString said = serverMessage(parseJsonOrDiscard(body), apiKey);
    const QString detail = said.isEmpty() ? QString() : u' ' + Tr::tr("The server said: %1").arg(said);
    if (status == 401)
        return {errors::openAiUnauthorized,
                Tr::tr("The model server refused the API key (HTTP 401). Check OPENAI_API_KEY.") + detail};
    if (status == 429)
        return {
            errors::openAiHttpStatus(429),
            Tr::tr("The model server is limiting requests, or the account's quota is used up (HTTP 429).") +
                detail};
    if (status >= 500)
        return {errors::openAiHttpStatus(status),
                Tr::tr("The model server failed to answer (HTTP %1).").arg(status) + detail};
    return {errors::openAiHttpStatus(status),
            Tr::tr("The model server refused the request (HTTP %1).").arg(status) + detail};
}

Error badAnswer(const QString &message)
{
    return {errors::openAiBadAnswer, message};
}

Status ToolCallAssembler::add(const nlohmann::json &entries, bool positional)
{
    if (!entries.is_array())
        return unknownShape();
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const nlohmann::json &entry = entries[i];
        if (!entry.is_object())
            return unknownShape();
        const QString id = jsonString(entry, "id");
        qint64 index = 0;
        if (const auto given = jsonInteger(entry, "index")) {
            index = *given;
        } else if (positional) {
            index = static_cast<int>(i);
        } else {
            const auto same = std::find_if(m_pending.cbegin(), m_pending.cend(),
                                           [&](const Pending &call) { return call.id == id; });
            index = !id.isEmpty() && same != m_pending.cend() ? same.key()
                    : m_pending.isEmpty()                     ? 0
                    : id.isEmpty()                            ? m_pending.lastKey()
                                                              : m_pending.lastKey() + 1;
        }
        if (index < 0 || index > 127)
            return badAnswer(Tr::tr("The model server sent a tool call with an impossible index."));
        Pending &call = m_pending[static_cast<int>(index)];
        if (call.id.isEmpty())
            call.id = id;
        // value() with a JSON default converts nothing, so it cannot throw; the type is checked below.
        const nlohmann::json function = entry.value("function", nlohmann::json::object());
        if (call.name.isEmpty())
            call.name = jsonString(function, "name");
        if (const auto arguments = function.find("arguments"); arguments != function.end()) {
            if (arguments->is_string())
                call.arguments += arguments->get<std::string>();
            else if (arguments->is_object()) // some servers send the object itself
                call.arguments = arguments->dump();
        }
    }
    return Done{};
}

Result<QList<ToolCallAssembler::Call>> ToolCallAssembler::calls() const
{
    QList<Call> calls;
    for (const Pending &call : m_pending) {
        if (call.name.isEmpty())
            return badAnswer(Tr::tr("The model asked for a tool without naming it."));
        const QByteArray raw = QByteArray::fromStdString(call.arguments).trimmed();
        JsonInput arguments = raw.isEmpty() ? JsonInput{nlohmann::json::object()} : parseJsonInput(raw);
        if (arguments.problem == JsonInput::Problem::TooDeep)
            return Error{errors::openAiBadToolCall,
                         Tr::tr("The model asked for the tool \"%1\" with arguments nested deeper than %2 "
                                "levels, so nothing was run.")
                             .arg(call.name)
                             .arg(kMaxJsonDepth)};
        if (!arguments.ok())
            return Error{
                errors::openAiBadToolCall,
                Tr::tr("The model asked for the tool \"%1\" with arguments that are not valid JSON, so "
                       "nothing was run. Try again, or rephrase the request.")
                    .arg(call.name)};
        const QString id = call.id.isEmpty()
                               ? QStringLiteral("call_") + QUuid::createUuid().toString(QUuid::Id128).left(24)
                               : call.id;
        calls.append({id, call.name, std::move(arguments.value)});
    }
    return calls;
}

} // namespace countersign::agent::openai
