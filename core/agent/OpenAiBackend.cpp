#include "OpenAiBackend.h"

#include "agent/AgentErrors.h"
#include "agent/OpenAiAnswer.h"
#include "agent/OpenAiRequest.h"
#include "config/ProviderConfig.h"
#include "logging/Logging.h"
#include "net/HttpClient.h"
#include "net/SseParser.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QTimer>

namespace countersign::agent {

using openai::badAnswer;
using openai::displayUrl;
using openai::httpError;

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

// A stream that ended before the model finished (no finish_reason).
Error endedEarly()
{
    return {errors::openAiIncomplete,
            Tr::tr("The model server ended the stream before the answer was complete.")};
}

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
    openai::ToolCallAssembler calls;
    QString finishReason;
};

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
            errors::openAiConfig,
            Tr::tr("The model server address \"%1\" is not a valid http(s) address.").arg(displayUrl(url))};
    if (!config::isSecureOrLoopback(url))
        return Error{
            errors::openAiConfig,
            Tr::tr("The model server address %1 must use https. Plain http is allowed only to this "
                   "machine's loopback address (such as http://127.0.0.1:8080/v1), so that the API key and "
                   "the conversation never cross a network unencrypted.")
                .arg(displayUrl(url))};
    if (config.model.trimmed().isEmpty())
        return Error{errors::openAiConfig,
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

    const nlohmann::json body = openai::chatCompletionRequest(m_config.model, conversation, tools, profile);
    const QUrl url = openai::chatCompletionsUrl(m_config.baseUrl);
    QNetworkRequest request =
        net::buildRequest(url, m_config.apiKey.isEmpty() ? QByteArray() : "Bearer " + m_config.apiKey,
                          kIdleTimeout, QByteArrayLiteral("text/event-stream, application/json"));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    qCDebug(lcNet) << "POST (chat completion)" << displayUrl(url) << "model" << m_config.model;
    QNetworkReply *reply = m_network->post(request, QByteArray::fromStdString(openai::dumped(body)));
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
    const openai::AnswerStep step =
        openai::readStreamEvent(data, m_turn->calls, m_turn->finishReason, m_config.apiKey);
    if (step.kind != openai::AnswerStep::Kind::More) {
        finish(step.kind == openai::AnswerStep::Kind::Finished ? Status(Done{}) : Status(step.error));
        return false;
    }
    if (step.text.isEmpty())
        return true;
    // Last: the person's UI runs inside text() and may cancel the turn or even destroy us.
    const quint64 serial = m_serial;
    const QPointer<OpenAiBackend> self(this);
    // A copy: cancelling from inside would destroy the stored function while it runs.
    if (const auto report = m_turn->events.text)
        report(step.text);
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
            finish(endedEarly());
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
            finish(m_turn->finishReason.isEmpty() ? Status(endedEarly()) : Status(Done{}));
        return;
    }
    // A server that ignored "stream": one chat.completion object.
    const openai::AnswerStep step =
        openai::readCompletion(body, m_turn->calls, m_turn->finishReason, m_config.apiKey);
    if (step.kind == openai::AnswerStep::Kind::Failed) {
        finish(step.error);
        return;
    }
    if (!step.text.isEmpty()) {
        const quint64 serial = m_serial;
        const QPointer<OpenAiBackend> self(this);
        if (const auto report = m_turn->events.text)
            report(step.text);
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
    QList<openai::ToolCallAssembler::Call> calls;
    if (status) {
        if (auto assembled = turn->calls.calls(); assembled)
            calls = std::move(assembled).value();
        else
            status = assembled.error();
    }
    if (status && turn->finishReason == u"length")
        status = Error{errors::openAiIncomplete,
                       Tr::tr("The model's answer was cut off: it reached its length limit.")};
    if (status && turn->finishReason == u"content_filter")
        status = Error{errors::openAiIncomplete,
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
