#pragma once

#include "agent/Backend.h"

#include <QByteArray>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;

namespace countersign::agent {

// A language model behind an OpenAI-compatible Chat Completions endpoint (api.openai.com, or a
// local server such as llama.cpp, vLLM or Ollama on 127.0.0.1). One respond() is one streamed
// POST {baseUrl}/chat/completions: text deltas are reported as they arrive, tool calls once the
// model finished asking for them. This class moves the bytes (request, stream, time and size
// limits, turns); what is sent is built in OpenAiRequest.h, and the answer's errors and tool calls
// are read in OpenAiAnswer.h.
//
// What the model is sent: a system message describing the AgentProfile, then the person's and
// the agent's messages, the tool calls that have results and those results. Interrupts (which may
// hold approval handles) and calls still waiting for a result are never sent; credentials are
// not in the conversation to begin with (they live in a tool call's ToolContext).
//
// A tool call whose arguments are not valid JSON ends the turn with an Error
// ("openai_bad_tool_call") and no call is reported: no tool runs on arguments nobody can read.
// Errors: "openai_config" (bad address or model), "openai_unauthorized" (HTTP 401),
// "openai_http_<status>", "network" (unreachable, timed out), "openai_error" (an error object
// inside a 2xx answer), "openai_bad_answer" (malformed stream or JSON), "openai_bad_tool_call",
// "openai_incomplete" (cut off by the length limit or a content filter, or the stream ended
// early). No message ever contains the API key (server text is scrubbed of it, too).
class OpenAiBackend : public Backend
{
    Q_OBJECT
public:
    struct Config
    {
        QUrl baseUrl;      // e.g. https://api.openai.com/v1 (the endpoint is {baseUrl}/chat/completions)
        QString model;     // e.g. "gpt-4o-mini"
        QByteArray apiKey; // sent as "Authorization: Bearer"; empty: no Authorization header
    };

    static QUrl defaultBaseUrl() { return QUrl(QStringLiteral("https://api.openai.com/v1")); }
    static QString defaultModel() { return QStringLiteral("gpt-4o-mini"); }

    // OPENAI_BASE_URL, OPENAI_API_KEY and OPENAI_MODEL, where set and not empty, override
    // `fallback` (from the settings); what neither gives gets the defaults above.
    static Config fromEnvironment(const Config &fallback = {});
    // Refuses a base URL that is not https (plain http only to a loopback IP address: the key and
    // the conversation must not cross a network in the clear), and an empty model.
    static Status check(const Config &config);

    OpenAiBackend(QNetworkAccessManager *network, Config config, QObject *parent = nullptr);
    ~OpenAiBackend() override;

    const Config &config() const { return m_config; }

    // "gpt-4o-mini at api.openai.com" (the host only).
    QString label() const override;
    void respond(const Conversation &conversation, const QList<ToolSpec> &tools, const AgentProfile &profile,
                 BackendEvents events) override;
    // Aborts the request; nothing more is reported for that turn.
    void cancel() override;

private:
    struct Turn;

    void onHeaders();
    void onReadyRead();
    void onFinished();
    // Parse stream bytes / one event's data; false once the turn is over (or was replaced).
    bool feedStream(const QByteArray &bytes);
    bool onStreamData(const QString &data);
    // A 2xx answer that was not an event stream: one chat.completion object.
    void readWholeAnswer();
    // Ends the turn: reports the assembled calls (if `status` is ok), then finished(status).
    void finish(Status status);
    // Detaches and aborts the current turn's request; nothing more is reported for it.
    std::unique_ptr<Turn> endTurn();

    QNetworkAccessManager *m_network;
    Config m_config;
    std::unique_ptr<Turn> m_turn;
    quint64 m_serial = 0; // bumped whenever a turn starts or ends: callbacks check it to stop
};

} // namespace countersign::agent
