#pragma once

#include "LocalHttpServer.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QUrl>

#include <nlohmann/json.hpp>

namespace countersign::test {

// A stand-in for an OpenAI-compatible Chat Completions server, on 127.0.0.1 and a free port:
// POST /v1/chat/completions answers from a queue of scripted replies (one per request, in
// order), written the way the real API writes them (Server-Sent Events in several HTTP chunks,
// "data: [DONE]" at the end). Every request is kept, headers and parsed JSON body, so a test can
// read exactly what the "model" was told.
class FakeChatServer : public QObject
{
    Q_OBJECT
public:
    using Reply = LocalHttpServer::StreamedResponse;

    // A tool call the scripted model makes; `arguments` is the JSON text as the model writes it
    // (or deliberately not JSON).
    struct ScriptedCall
    {
        QString id;
        QString name;
        QByteArray arguments;
    };

    struct Request
    {
        QByteArray method;
        QByteArray path;
        QHash<QByteArray, QByteArray> headers; // lower-case names
        QByteArray body;
        nlohmann::json json; // the body parsed (discarded if it was not JSON)
    };

    explicit FakeChatServer(QObject *parent = nullptr);

    bool start();
    // http://127.0.0.1:<port>/v1, what OPENAI_BASE_URL would hold.
    QUrl baseUrl() const;
    quint16 port() const { return m_http.port(); }

    // Queues the reply to the next request not yet answered. With none left, a request gets an
    // HTTP 500 in OpenAI's error shape.
    void enqueue(Reply reply) { m_queue.append(std::move(reply)); }
    qsizetype pendingReplies() const { return m_queue.size(); }

    // Streamed text: a role chunk, one chunk per delta (each `intervalMs` after the previous one),
    // a finish_reason "stop" chunk, then [DONE].
    static Reply streamedText(const QStringList &deltas, int intervalMs = 0);
    // Streamed tool calls (optionally after some text), as parallel calls with indexes 0, 1, ...:
    // each call's id and name first, then its arguments in fragments of `fragmentBytes`,
    // interleaved across calls, then finish_reason "tool_calls" and [DONE]. The bytes are cut into
    // HTTP chunks that do not respect event or line boundaries.
    static Reply streamedToolCalls(const QList<ScriptedCall> &calls, const QString &textFirst = {},
                                   int fragmentBytes = 5);
    // An HTTP error with OpenAI's body: {"error": {"message", "type", "param", "code"}}.
    static Reply error(int status, const QByteArray &message, const QByteArray &type, const QByteArray &code);
    // One good text delta ("Hello"), then an event whose data is cut-off JSON, then [DONE].
    static Reply malformedStream();
    // A server that ignores "stream": true and answers with one chat.completion object.
    static Reply nonStreamingAnswer(const QString &text, const QList<ScriptedCall> &calls = {});

    const QList<Request> &requests() const { return m_requests; }
    // Every header and body the server received, concatenated: for "this was never sent" checks.
    QByteArray everythingReceived() const;

private:
    LocalHttpServer m_http;
    QList<Reply> m_queue;
    QList<Request> m_requests;
};

} // namespace countersign::test
