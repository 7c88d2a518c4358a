#include "OpenAiBackend.h"

#include "common/Json.h"
#include "common/JsonInput.h"
#include "config/ProviderConfig.h"
#include "logging/Logging.h"
#include "net/HttpClient.h"
#include "net/SseParser.h"

#include <QCoreApplication>
#include <QMap>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QRegularExpression>
#include <QSet>
#include <QTimer>
#include <QUuid>

#include <algorithm>

namespace countersign::agent {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(OpenAiBackend)
};

// Silence allowed before (and between) tokens: a large model may think a while first.
constexpr std::chrono::seconds kIdleTimeout{120};
// The whole answer, stream framing included: generous for the longest replies, a bound for a
// server that streams without end.
constexpr qsizetype kMaxAnswerBytes = 16 * 1024 * 1024;

std::string dumped(const nlohmann::json &json)
{
    return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

QUrl endpointOf(QUrl base)
{
    QString path = base.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    base.setPath(path + QStringLiteral("/chat/completions"));
    base.setFragment({});
    return base;
}

QString displayUrl(const QUrl &url)
{
    return url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
}

// Instructions for the model, not text for the person: kept in English, whatever the UI language.
QString systemPrompt(const AgentProfile &profile)
{
    QStringList lines;
    lines << QStringLiteral(
        "You are the agent inside Countersign, a desktop app in which an AI agent acts for a "
        "person only with that person's consent.");
    lines << (profile.userName.isEmpty()
                  ? QStringLiteral("Nobody is signed in, so tools that act for a person will fail.")
                  : QStringLiteral("You act for %1.").arg(profile.userName));
    if (!profile.allowed.isEmpty())
        lines << QStringLiteral("You may: %1.").arg(profile.allowed.join(QStringLiteral("; ")));
    if (!profile.forbidden.isEmpty())
        lines << QStringLiteral("You may not: %1. If asked to, say so and why.")
                     .arg(profile.forbidden.join(QStringLiteral("; ")));
    lines << QStringLiteral(
        "Act only through the tools offered, and never claim something was done unless a tool "
        "confirmed it.");
    lines << QStringLiteral(
        "You never see credentials: tools get them themselves, for exactly one call, and some "
        "calls wait until the person approves them. Never ask for passwords, tokens or codes.");
    lines << QStringLiteral("When a tool returns an error, explain it plainly and briefly.");
    return lines.join(u' ');
}

nlohmann::json toolsJson(const QList<ToolSpec> &tools)
{
    nlohmann::json out = nlohmann::json::array();
    for (const ToolSpec &tool : tools) {
        nlohmann::json parameters = tool.parameters;
        if (!parameters.is_object() || parameters.empty()) // the API wants an object schema
            parameters = {{"type", "object"}, {"properties", nlohmann::json::object()}};
        out.push_back({{"type", "function"},
                       {"function",
                        {{"name", tool.name.toStdString()},
                         {"description", tool.description.toStdString()},
                         {"parameters", std::move(parameters)}}}});
    }
    return out;
}

// The conversation as Chat Completions messages. The API wants every assistant message with
// tool_calls to be followed by one tool message per call, so a group of calls is sent together
// with its results, and a call that has no result yet (or a result without its call) is left out.
// Interrupts are the app's own state (they may hold approval handles) and are never sent.
nlohmann::json messagesJson(const Conversation &conversation, const AgentProfile &profile)
{
    QHash<QString, const Message *> resultOf;
    for (const Message &message : conversation.messages)
        if (message.kind == Message::Kind::ToolResult && !resultOf.contains(message.callId))
            resultOf.insert(message.callId, &message);

    nlohmann::json out = nlohmann::json::array();
    out.push_back({{"role", "system"}, {"content", systemPrompt(profile).toStdString()}});
    QStringList group; // calls of the assistant message at the end of `out`, results not yet sent
    QSet<QString> sent;
    const auto closeGroup = [&] {
        for (const QString &callId : std::as_const(group))
            out.push_back({{"role", "tool"},
                           {"tool_call_id", callId.toStdString()},
                           {"content", dumped(resultOf.value(callId)->result)}});
        group.clear();
    };
    for (const Message &message : conversation.messages) {
        switch (message.kind) {
        case Message::Kind::User:
            closeGroup();
            out.push_back({{"role", "user"}, {"content", message.text.toStdString()}});
            break;
        case Message::Kind::Assistant:
            closeGroup();
            if (!message.text.isEmpty())
                out.push_back({{"role", "assistant"}, {"content", message.text.toStdString()}});
            break;
        case Message::Kind::ToolCall: {
            if (!resultOf.contains(message.callId) || sent.contains(message.callId))
                break;
            // Text the model wrote before asking goes in the same message, as the API returned it.
            const bool mergeable = !out.back().contains("tool_calls") && out.back()["role"] == "assistant";
            if (group.isEmpty() && !mergeable)
                out.push_back({{"role", "assistant"}, {"content", nullptr}});
            out.back()["tool_calls"].push_back(
                {{"id", message.callId.toStdString()},
                 {"type", "function"},
                 {"function",
                  {{"name", message.toolName.toStdString()}, {"arguments", dumped(message.arguments)}}}});
            group << message.callId;
            sent << message.callId;
            break;
        }
        case Message::Kind::ToolResult:
        case Message::Kind::Interrupt:
            break;
        }
    }
    closeGroup();
    return out;
}

// Server text can quote what it was sent (OpenAI's 401 quotes part of the key): keep credentials
// out of anything shown or logged.
QString scrubbed(QString text, const QByteArray &apiKey)
{
    if (!apiKey.isEmpty())
        text.replace(QString::fromUtf8(apiKey), QStringLiteral("[redacted]"));
    static const QRegularExpression keyLike(QStringLiteral("\\bsk-[A-Za-z0-9_*.-]{3,}"));
    text.replace(keyLike, QStringLiteral("[redacted]"));
    text = logging::redact(text.simplified());
    return text.size() > 400 ? text.left(400) + QStringLiteral("…") : text;
}

// {"error": {"message", "type", "code"}} (OpenAI), {"error": "..."} or {"detail": "..."} (others).
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
        return {QStringLiteral("openai_unauthorized"),
                Tr::tr("The model server refused the API key (HTTP 401). Check OPENAI_API_KEY.") + detail};
    if (status == 429)
        return {
            QStringLiteral("openai_http_429"),
            Tr::tr("The model server is limiting requests, or the account's quota is used up (HTTP 429).") +
                detail};
    if (status >= 500)
        return {QStringLiteral("openai_http_%1").arg(status),
                Tr::tr("The model server failed to answer (HTTP %1).").arg(status) + detail};
    return {QStringLiteral("openai_http_%1").arg(status),
            Tr::tr("The model server refused the request (HTTP %1).").arg(status) + detail};
}

Error badAnswer(const QString &message)
{
    return {QStringLiteral("openai_bad_answer"), message};
}

// A call being assembled from streamed fragments.
struct PendingCall
{
    QString id;
    QString name;
    std::string arguments;
};

} // namespace

struct OpenAiBackend::Turn
{
    BackendEvents events;
    QPointer<QNetworkReply> reply;
    enum class Mode
    {
        Undecided,
        Stream, // 2xx text/event-stream
        Body    // anything else: an error, or a server that answered in one JSON object
    } mode = Mode::Undecided;
    net::SseParser parser;
    QByteArray body;
    qsizetype received = 0;
    QMap<int, PendingCall> calls; // by the API's index
    QString finishReason;
};

namespace {

// Adds tool_calls entries (streamed deltas, or whole calls) to `calls`. Fragments of one call share
// an index; a server that sends no index gets one from the id, or from the position if `positional`.
Status addToolCalls(QMap<int, PendingCall> &calls, const nlohmann::json &entries, bool positional)
{
    if (!entries.is_array())
        return badAnswer(Tr::tr("The model server sent tool calls in an unknown shape."));
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const nlohmann::json &entry = entries[i];
        if (!entry.is_object())
            return badAnswer(Tr::tr("The model server sent tool calls in an unknown shape."));
        const QString id = jsonString(entry, "id");
        qint64 index = 0;
        if (const auto given = jsonInteger(entry, "index")) {
            index = *given;
        } else if (positional) {
            index = static_cast<int>(i);
        } else {
            const auto same =
                std::find_if(calls.cbegin(), calls.cend(), [&](const PendingCall &c) { return c.id == id; });
            index = !id.isEmpty() && same != calls.cend() ? same.key()
                    : calls.isEmpty()                     ? 0
                    : id.isEmpty()                        ? calls.lastKey()
                                                          : calls.lastKey() + 1;
        }
        if (index < 0 || index > 127)
            return badAnswer(Tr::tr("The model server sent a tool call with an impossible index."));
        PendingCall &call = calls[static_cast<int>(index)];
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

using Call = std::tuple<QString, QString, nlohmann::json>;

Result<QList<Call>> assembleCalls(const QMap<int, PendingCall> &pending)
{
    QList<Call> calls;
    for (const PendingCall &call : pending) {
        if (call.name.isEmpty())
            return badAnswer(Tr::tr("The model asked for a tool without naming it."));
        const QByteArray raw = QByteArray::fromStdString(call.arguments).trimmed();
        JsonInput arguments = raw.isEmpty() ? JsonInput{nlohmann::json::object()} : parseJsonInput(raw);
        if (arguments.problem == JsonInput::Problem::TooDeep)
            return Error{QStringLiteral("openai_bad_tool_call"),
                         Tr::tr("The model asked for the tool \"%1\" with arguments nested deeper than %2 "
                                "levels, so nothing was run.")
                             .arg(call.name)
                             .arg(kMaxJsonDepth)};
        if (!arguments.ok())
            return Error{
                QStringLiteral("openai_bad_tool_call"),
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

} // namespace

OpenAiBackend::Config OpenAiBackend::fromEnvironment(const Config &fallback)
{
    Config config = fallback;
    if (const QString url = qEnvironmentVariable("OPENAI_BASE_URL").trimmed(); !url.isEmpty())
        config.baseUrl = QUrl(url, QUrl::StrictMode);
    if (const QByteArray key = qgetenv("OPENAI_API_KEY").trimmed(); !key.isEmpty())
        config.apiKey = key;
    if (const QString model = qEnvironmentVariable("OPENAI_MODEL").trimmed(); !model.isEmpty())
        config.model = model;
    if (config.baseUrl.isEmpty())
        config.baseUrl = defaultBaseUrl();
    if (config.model.isEmpty())
        config.model = defaultModel();
    return config;
}

Status OpenAiBackend::check(const Config &config)
{
    const QUrl &url = config.baseUrl;
    if (!url.isValid() || url.host().isEmpty() || (url.scheme() != u"https" && url.scheme() != u"http"))
        return Error{
            QStringLiteral("openai_config"),
            Tr::tr("The model server address \"%1\" is not a valid http(s) address.").arg(displayUrl(url))};
    if (!config::isSecureOrLoopback(url))
        return Error{
            QStringLiteral("openai_config"),
            Tr::tr("The model server address %1 must use https. Plain http is allowed only to this "
                   "machine's loopback address (such as http://127.0.0.1:8080/v1), so that the API key and "
                   "the conversation never cross a network unencrypted.")
                .arg(displayUrl(url))};
    if (config.model.trimmed().isEmpty())
        return Error{QStringLiteral("openai_config"),
                     Tr::tr("No model is set: set OPENAI_MODEL, or choose a model in the settings.")};
    return Done{};
}

OpenAiBackend::OpenAiBackend(QNetworkAccessManager *network, Config config, QObject *parent)
    : Backend(parent), m_network(network), m_config(std::move(config))
{}

OpenAiBackend::~OpenAiBackend()
{
    endTurn();
}

QString OpenAiBackend::label() const
{
    return Tr::tr("%1 at %2").arg(m_config.model, m_config.baseUrl.host());
}

void OpenAiBackend::cancel()
{
    endTurn();
}

std::unique_ptr<OpenAiBackend::Turn> OpenAiBackend::endTurn()
{
    ++m_serial;
    auto turn = std::move(m_turn);
    if (turn && turn->reply) {
        QNetworkReply *reply = turn->reply;
        turn->reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    return turn;
}

void OpenAiBackend::respond(const Conversation &conversation, const QList<ToolSpec> &tools,
                            const AgentProfile &profile, BackendEvents events)
{
    endTurn();
    m_turn = std::make_unique<Turn>();
    m_turn->events = std::move(events);
    if (Status usable = check(m_config); !usable) {
        // Reported from the event loop, like every other outcome.
        QTimer::singleShot(0, this, [this, serial = m_serial, usable] {
            if (serial == m_serial)
                finish(usable);
        });
        return;
    }

    nlohmann::json body = {{"model", m_config.model.toStdString()},
                           {"stream", true},
                           {"messages", messagesJson(conversation, profile)}};
    if (!tools.isEmpty())
        body["tools"] = toolsJson(tools);

    const QUrl url = endpointOf(m_config.baseUrl);
    QNetworkRequest request =
        net::buildRequest(url, m_config.apiKey.isEmpty() ? QByteArray() : "Bearer " + m_config.apiKey,
                          kIdleTimeout, QByteArrayLiteral("text/event-stream, application/json"));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    qCDebug(lcNet) << "POST (chat completion)" << displayUrl(url) << "model" << m_config.model;
    QNetworkReply *reply = m_network->post(request, QByteArray::fromStdString(dumped(body)));
    m_turn->reply = reply;
    connect(reply, &QNetworkReply::metaDataChanged, this, &OpenAiBackend::onHeaders);
    connect(reply, &QNetworkReply::readyRead, this, &OpenAiBackend::onReadyRead);
    connect(reply, &QNetworkReply::finished, this, &OpenAiBackend::onFinished);
}

void OpenAiBackend::onHeaders()
{
    if (!m_turn || !m_turn->reply || m_turn->mode != Turn::Mode::Undecided)
        return;
    const int status = m_turn->reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0)
        return;
    const QString type = m_turn->reply->header(QNetworkRequest::ContentTypeHeader).toString().toLower();
    m_turn->mode = status >= 200 && status <= 299 && type.startsWith(u"text/event-stream")
                       ? Turn::Mode::Stream
                       : Turn::Mode::Body;
}

void OpenAiBackend::onReadyRead()
{
    if (!m_turn || !m_turn->reply)
        return;
    onHeaders();
    const QByteArray bytes = m_turn->reply->readAll();
    m_turn->received += bytes.size();
    if (m_turn->received > kMaxAnswerBytes) {
        finish(badAnswer(Tr::tr("The model server sent an answer too large to be genuine.")));
        return;
    }
    if (m_turn->mode != Turn::Mode::Stream) {
        m_turn->body += bytes; // read whole when the reply finishes
        return;
    }
    feedStream(bytes);
}

bool OpenAiBackend::feedStream(const QByteArray &bytes)
{
    const auto events = m_turn->parser.feed(bytes);
    if (!events) {
        finish(badAnswer(Tr::tr("The model server sent a stream event too large to be genuine.")));
        return false;
    }
    for (const net::ServerSentEvent &event : *events)
        if (!onStreamData(event.data))
            return false;
    return true;
}

bool OpenAiBackend::onStreamData(const QString &data)
{
    if (data.trimmed() == u"[DONE]") {
        finish(Done{});
        return false;
    }
    const JsonInput parsed = parseJsonInput(data.toUtf8());
    if (parsed.problem == JsonInput::Problem::TooDeep) {
        finish(badAnswer(
            Tr::tr("The model server sent a stream event nested deeper than %1 levels.").arg(kMaxJsonDepth)));
        return false;
    }
    const nlohmann::json &chunk = parsed.value;
    if (!chunk.is_object()) {
        finish(badAnswer(
            Tr::tr("The model server sent a malformed stream: an event that is not a JSON object.")));
        return false;
    }
    if (chunk.contains("error")) {
        const QString said = serverMessage(chunk, m_config.apiKey);
        finish(Error{QStringLiteral("openai_error"),
                     Tr::tr("The model server reported an error: %1")
                         .arg(said.isEmpty() ? Tr::tr("(no description)") : said)});
        return false;
    }
    const nlohmann::json choices = chunk.value("choices", nlohmann::json::array());
    if (!choices.is_array() && !choices.is_null()) {
        finish(badAnswer(Tr::tr("The model server sent a malformed stream: \"choices\" is not a list.")));
        return false;
    }
    if (!choices.is_array() || choices.empty() || !choices[0].is_object())
        return true; // e.g. the usage statistics at the end
    const nlohmann::json &choice = choices[0];
    const nlohmann::json delta = choice.value("delta", nlohmann::json::object());
    if (const auto calls = delta.find("tool_calls");
        delta.is_object() && calls != delta.end() && !calls->is_null())
        if (Status added = addToolCalls(m_turn->calls, *calls, false); !added) {
            finish(added);
            return false;
        }
    if (const QString reason = jsonString(choice, "finish_reason"); !reason.isEmpty())
        m_turn->finishReason = reason;
    // Last: the person's UI runs inside text() and may cancel the turn or even destroy us.
    const QString text = jsonString(delta, "content") + jsonString(delta, "refusal");
    if (text.isEmpty())
        return true;
    const quint64 serial = m_serial;
    const QPointer<OpenAiBackend> self(this);
    // A copy: cancelling from inside would destroy the stored function while it runs.
    if (const auto report = m_turn->events.text)
        report(text);
    return self && serial == m_serial;
}

void OpenAiBackend::onFinished()
{
    if (!m_turn || !m_turn->reply)
        return;
    const quint64 serial = m_serial;
    onReadyRead();
    if (serial != m_serial || !m_turn || !m_turn->reply)
        return; // the turn ended while reading (and a new one may have started)
    QNetworkReply *reply = m_turn->reply;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (m_turn->mode == Turn::Mode::Stream) {
        // A stream that broke off after the model finished still holds the whole answer.
        if (!m_turn->finishReason.isEmpty())
            finish(Done{});
        else if (reply->error() != QNetworkReply::NoError)
            finish(net::replyError(reply, 0, {}));
        else
            finish(Error{QStringLiteral("openai_incomplete"),
                         Tr::tr("The model server ended the stream before the answer was complete.")});
        return;
    }
    if (status == 0) {
        finish(net::replyError(reply, 0, {}));
        return;
    }
    if (status < 200 || status > 299) {
        finish(httpError(status, m_turn->body, m_config.apiKey));
        return;
    }
    if (reply->error() != QNetworkReply::NoError) { // a 2xx cut short
        finish(net::replyError(reply, 0, {}));
        return;
    }
    readWholeAnswer();
}

void OpenAiBackend::readWholeAnswer()
{
    const QByteArray body = m_turn->body;
    // An event stream under another content type (a JSON answer starts with '{').
    if (const QByteArray start = body.trimmed().left(1); start == "d" || start == ":") {
        if (feedStream(body + "\n\n"))
            finish(m_turn->finishReason.isEmpty()
                       ? Status(Error{
                             QStringLiteral("openai_incomplete"),
                             Tr::tr("The model server ended the stream before the answer was complete.")})
                       : Status(Done{}));
        return;
    }
    // A server that ignored "stream": one chat.completion object.
    const auto parsed =
        net::parseJsonObject(body, Tr::tr("answer from the model server"), Tr::tr("The model server"));
    if (!parsed) {
        finish(badAnswer(parsed.error().message));
        return;
    }
    const nlohmann::json &answer = parsed.value();
    if (answer.contains("error")) {
        finish(Error{
            QStringLiteral("openai_error"),
            Tr::tr("The model server reported an error: %1").arg(serverMessage(answer, m_config.apiKey))});
        return;
    }
    const nlohmann::json choices = answer.value("choices", nlohmann::json::array());
    if (!choices.is_array() || choices.empty() || !choices[0].is_object() ||
        !choices[0].value("message", nlohmann::json()).is_object()) {
        finish(badAnswer(Tr::tr("The model server's answer has no message.")));
        return;
    }
    const nlohmann::json &message = choices[0]["message"];
    if (const auto calls = message.find("tool_calls"); calls != message.end() && !calls->is_null())
        if (Status added = addToolCalls(m_turn->calls, *calls, true); !added) {
            finish(added);
            return;
        }
    m_turn->finishReason = jsonString(choices[0], "finish_reason");
    if (const QString text = jsonString(message, "content") + jsonString(message, "refusal");
        !text.isEmpty()) {
        const quint64 serial = m_serial;
        const QPointer<OpenAiBackend> self(this);
        if (const auto report = m_turn->events.text)
            report(text);
        if (!self || serial != m_serial)
            return;
    }
    finish(Done{});
}

void OpenAiBackend::finish(Status status)
{
    std::unique_ptr<Turn> turn = endTurn();
    if (!turn)
        return;
    QList<Call> calls;
    if (status) {
        if (auto assembled = assembleCalls(turn->calls); assembled)
            calls = std::move(assembled).value();
        else
            status = assembled.error();
    }
    if (status && turn->finishReason == u"length")
        status = Error{QStringLiteral("openai_incomplete"),
                       Tr::tr("The model's answer was cut off: it reached its length limit.")};
    if (status && turn->finishReason == u"content_filter")
        status = Error{QStringLiteral("openai_incomplete"),
                       Tr::tr("The model server withheld the rest of the answer (content filter).")};
    if (!status)
        qCInfo(lcNet) << "chat completion failed:" << status.error().code;
    const BackendEvents events = std::move(turn->events);
    turn.reset();
    if (status && events.toolCall)
        for (const auto &[callId, tool, arguments] : std::as_const(calls))
            events.toolCall(callId, tool, arguments);
    if (events.finished)
        events.finished(status);
}

} // namespace countersign::agent
