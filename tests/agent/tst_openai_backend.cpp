// OpenAiBackend against a local server speaking the Chat Completions wire format (FakeChatServer):
// streamed text and tool calls, exactly what the model is sent (and what it never is: tokens and
// interrupt handles), full AgentSession rounds, every failure a person may meet, cancel, and the
// configuration from the environment.
#include "FakeChatServer.h"

#include "agent/AgentErrors.h"
#include "agent/AgentSession.h"
#include "agent/OpenAiBackend.h"
#include "net/NetErrors.h"

#include <QNetworkAccessManager>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <optional>

using namespace countersign;
using namespace countersign::agent;
using test::FakeChatServer;

namespace {

// What a tool gets from its authorizer in these tests: shaped like a real JWT access token.
const QByteArray kAccessToken = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.sig-TEST";
const QByteArray kApiKey = "sk-test-4f9a2c7d1e8b6035";
const char kHandle[] = "auth-req-HANDLE-7c1d9e";

QString qs(const nlohmann::json &json)
{
    return json.is_string() ? QString::fromStdString(json.get<std::string>())
                            : QString::fromStdString(json.dump());
}

// Everything a backend reports for one turn.
struct Recorder
{
    QStringList deltas;
    QList<std::tuple<QString, QString, nlohmann::json>> calls;
    std::optional<Status> outcome;
    int finishedCount = 0;

    BackendEvents events()
    {
        return {[this](const QString &delta) { deltas << delta; },
                [this](const QString &id, const QString &tool, nlohmann::json arguments) {
                    calls.append({id, tool, std::move(arguments)});
                },
                [this](Status status) {
                    outcome.emplace(std::move(status));
                    ++finishedCount;
                }};
    }
    bool done() const { return finishedCount > 0; }
    QString errorCode() const { return outcome && !*outcome ? outcome->error().code : QString(); }
    QString errorMessage() const { return outcome && !*outcome ? outcome->error().message : QString(); }
};

Conversation oneQuestion(const QString &text)
{
    Conversation conversation;
    conversation.messages << Message::user(text);
    return conversation;
}

ToolSpec searchSpec()
{
    return {QStringLiteral("search_documents"), QStringLiteral("Search the person's documents"),
            nlohmann::json{{"type", "object"},
                           {"properties", {{"query", {{"type", "string"}, {"minLength", 1}}}}},
                           {"required", {"query"}},
                           {"additionalProperties", false}}};
}

class SearchDocuments : public Tool
{
public:
    ToolSpec spec() const override { return searchSpec(); }
    void run(const nlohmann::json &arguments, const ToolContext &context,
             Callback<nlohmann::json> done) override
    {
        ++runs;
        lastArguments = arguments;
        tokenSeen = context.accessToken;
        done(nlohmann::json{{"documents", {{{"id", "d1"}, {"title", "Budget 2027"}}}}});
    }
    int runs = 0;
    nlohmann::json lastArguments;
    QByteArray tokenSeen;
};

class BuyStock : public Tool
{
public:
    ToolSpec spec() const override
    {
        return {QStringLiteral("buy_stock"), QStringLiteral("Buy shares"),
                nlohmann::json{{"type", "object"},
                               {"properties",
                                {{"ticker", {{"type", "string"}, {"pattern", "^[A-Z]{1,4}$"}}},
                                 {"qty", {{"type", "integer"}, {"minimum", 1}}}}},
                               {"required", {"ticker", "qty"}},
                               {"additionalProperties", false}}};
    }
    void run(const nlohmann::json &, const ToolContext &, Callback<nlohmann::json> done) override
    {
        ++runs;
        done(nlohmann::json{{"id", "o-1"}});
    }
    int runs = 0;
};

// Interrupts each call (with a handle, as CIBA would), then grants the test's token on approve().
class ApprovalByPhone : public Authorizer
{
public:
    void authorize(const QString &callId, const nlohmann::json &, AuthorizationReport report) override
    {
        report.interrupted(QStringLiteral("Approve on your phone"),
                           {{"type", "async_authorization"}, {"auth_req_id", kHandle}, {"interval", 5}});
        waiting.insert(callId, report);
    }
    void resume(const QString &callId, const nlohmann::json &, AuthorizationReport report) override
    {
        waiting.insert(callId, report);
    }
    void cancel(const QString &callId) override { waiting.remove(callId); }
    void approve(const QString &callId)
    {
        waiting.take(callId).granted(kAccessToken, nlohmann::json::array({{{"type", "document_access"}}}));
    }
    QHash<QString, AuthorizationReport> waiting;
};

// Counts the requests it is asked to make.
class CountingNetwork : public QNetworkAccessManager
{
protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request, QIODevice *data) override
    {
        ++requests;
        return QNetworkAccessManager::createRequest(op, request, data);
    }

public:
    int requests = 0;
};

const Message *lastMessage(const AgentSession &session)
{
    const auto &messages = session.conversation().messages;
    return messages.isEmpty() ? nullptr : &messages.last();
}

bool answered(const AgentSession &session)
{
    const Message *last = lastMessage(session);
    return !session.busy() && last && last->kind == Message::Kind::Assistant;
}

// The "messages" of a request, each as {"role", ...}.
nlohmann::json messagesOf(const FakeChatServer::Request &request)
{
    return request.json.value("messages", nlohmann::json::array());
}

} // namespace

class OpenAiBackendTest : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_network;

    OpenAiBackend::Config configFor(const FakeChatServer &server) const
    {
        return {server.baseUrl(), QStringLiteral("test-model"), kApiKey};
    }

private Q_SLOTS:
    void streamsTextDeltasInOrderAsTheyArrive()
    {
        FakeChatServer server;
        QVERIFY(server.start());
        server.enqueue(FakeChatServer::streamedText({"Hel", "lo, ", "Alice", "."}, 150));
        OpenAiBackend backend(&m_network, configFor(server));
        Recorder turn;
        backend.respond(oneQuestion(QStringLiteral("Hi")), {}, {QStringLiteral("Alice"), {}, {}},
                        turn.events());

        QTRY_VERIFY_WITH_TIMEOUT(!turn.deltas.isEmpty(), 10000);
        // The first words are shown while the server is still writing the rest.
        QVERIFY2(turn.deltas.size() < 4 && !turn.done(), qPrintable(turn.deltas.join(u'|')));
        QTRY_VERIFY_WITH_TIMEOUT(turn.done(), 10000);
        QVERIFY2(*turn.outcome, qPrintable(turn.errorMessage()));
        QCOMPARE(turn.deltas, QStringList({"Hel", "lo, ", "Alice", "."}));
        QVERIFY(turn.calls.isEmpty());
        QCOMPARE(turn.finishedCount, 1);
        QCOMPARE(server.requests().size(), 1);
        QVERIFY(!server.requests()[0].json.contains("tools")); // no tools on offer: none described
    }

    void assemblesParallelToolCallsFromFragments()
    {
        FakeChatServer server;
        QVERIFY(server.start());
        server.enqueue(FakeChatServer::streamedToolCalls(
            {{QStringLiteral("call_a"), QStringLiteral("check_calendar"), "{\"date\": \"2026-11-24\"}"},
             {QStringLiteral("call_b"), QStringLiteral("search_documents"),
              "{\"query\": \"quarterly budget \\u00e9t\\u00e9\", \"limit\": 5}"}},
            QStringLiteral("Let me look."), 4));
        OpenAiBackend backend(&m_network, configFor(server));
        Recorder turn;
        backend.respond(oneQuestion(QStringLiteral("Am I free tomorrow?")), {searchSpec()}, {},
                        turn.events());
        QTRY_VERIFY_WITH_TIMEOUT(turn.done(), 10000);
        QVERIFY2(*turn.outcome, qPrintable(turn.errorMessage()));
        QCOMPARE(turn.deltas.join(QString()), QStringLiteral("Let me look."));
        QCOMPARE(turn.calls.size(), 2);
        const auto &[idA, toolA, argumentsA] = turn.calls[0];
        QCOMPARE(idA, QStringLiteral("call_a"));
        QCOMPARE(toolA, QStringLiteral("check_calendar"));
        QCOMPARE(argumentsA.dump(), nlohmann::json({{"date", "2026-11-24"}}).dump());
        const auto &[idB, toolB, argumentsB] = turn.calls[1];
        QCOMPARE(idB, QStringLiteral("call_b"));
        QCOMPARE(toolB, QStringLiteral("search_documents"));
        QCOMPARE(argumentsB.dump(),
                 nlohmann::json({{"query", "quarterly budget \xc3\xa9t\xc3\xa9"}, {"limit", 5}}).dump());
    }

    void sendsTheConversationInTheDocumentedShape()
    {
        FakeChatServer server;
        QVERIFY(server.start());
        server.enqueue(FakeChatServer::streamedText({"ok"}));
        Conversation conversation;
        conversation.messages << Message::user(QStringLiteral("Am I free tomorrow?"))
                              << Message::assistant(QStringLiteral("Let me check."))
                              << Message::toolCall(QStringLiteral("call_1"), QStringLiteral("check_calendar"),
                                                   {{"date", "2026-11-24"}})
                              << Message::toolCall(QStringLiteral("call_2"),
                                                   QStringLiteral("search_documents"),
                                                   {{"query", "meeting"}});
        Message interrupt;
        interrupt.kind = Message::Kind::Interrupt;
        interrupt.callId = QStringLiteral("call_1");
        interrupt.toolName = QStringLiteral("check_calendar");
        interrupt.text = QStringLiteral("Approve on your phone");
        interrupt.interrupt = {{"type", "async_authorization"}, {"auth_req_id", kHandle}};
        conversation.messages << interrupt
                              << Message::toolResult(QStringLiteral("call_2"),
                                                     QStringLiteral("search_documents"),
                                                     {{"documents", nlohmann::json::array()}}, false)
                              << Message::toolResult(QStringLiteral("call_1"),
                                                     QStringLiteral("check_calendar"),
                                                     {{"error", "You denied it."}}, true)
                              << Message::assistant(QStringLiteral("You did not allow the calendar check."))
                              << Message::user(QStringLiteral("Buy 3 shares of ACME"))
                              // Still waiting (no result): the API would refuse it, so it is not sent.
                              << Message::toolCall(QStringLiteral("call_3"), QStringLiteral("buy_stock"),
                                                   {{"ticker", "ACME"}, {"qty", 3}});
        const ToolSpec noParameters{QStringLiteral("who_am_i"), QStringLiteral("Who is signed in"), {}};
        const AgentProfile profile{QStringLiteral("Alice Example"),
                                   {QStringLiteral("check your calendar")},
                                   {QStringLiteral("read your data records: not connected")}};

        OpenAiBackend backend(&m_network, configFor(server));
        Recorder turn;
        backend.respond(conversation, {searchSpec(), noParameters}, profile, turn.events());
        QTRY_VERIFY_WITH_TIMEOUT(turn.done(), 10000);
        QVERIFY2(*turn.outcome, qPrintable(turn.errorMessage()));

        QCOMPARE(server.requests().size(), 1);
        const FakeChatServer::Request &request = server.requests()[0];
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.path, QByteArray("/v1/chat/completions"));
        QCOMPARE(request.headers.value("authorization"), "Bearer " + kApiKey);
        QVERIFY(request.headers.value("content-type").startsWith("application/json"));
        QVERIFY(request.headers.value("accept").contains("text/event-stream"));
        const nlohmann::json &body = request.json;
        QVERIFY2(body.is_object(), request.body.constData());
        QCOMPARE(qs(body["model"]), QStringLiteral("test-model"));
        QCOMPARE(body["stream"].dump(), std::string("true"));

        // Tools: {"type": "function", "function": {name, description, parameters}}.
        QCOMPARE(body["tools"].size(), std::size_t(2));
        QCOMPARE(body["tools"][0].dump(), nlohmann::json({{"type", "function"},
                                                          {"function",
                                                           {{"name", "search_documents"},
                                                            {"description", "Search the person's documents"},
                                                            {"parameters", searchSpec().parameters}}}})
                                              .dump());
        QCOMPARE(body["tools"][1]["function"]["parameters"].dump(),
                 nlohmann::json({{"type", "object"}, {"properties", nlohmann::json::object()}}).dump());

        const nlohmann::json messages = body["messages"];
        QStringList roles;
        for (const auto &message : messages)
            roles << qs(message["role"]);
        QCOMPARE(roles, QStringList({"system", "user", "assistant", "tool", "tool", "assistant", "user"}));

        const QString system = qs(messages[0]["content"]);
        QVERIFY2(system.contains(QStringLiteral("Alice Example")), qPrintable(system));
        QVERIFY2(system.contains(QStringLiteral("check your calendar")), qPrintable(system));
        QVERIFY2(system.contains(QStringLiteral("read your data records: not connected")),
                 qPrintable(system));
        QVERIFY2(system.contains(QStringLiteral("never see credentials")), qPrintable(system));

        QCOMPARE(qs(messages[1]["content"]), QStringLiteral("Am I free tomorrow?"));
        // The text and both calls in one assistant message, as the API returned them.
        const nlohmann::json &asked = messages[2];
        QCOMPARE(qs(asked["content"]), QStringLiteral("Let me check."));
        QCOMPARE(asked["tool_calls"].size(), std::size_t(2));
        QCOMPARE(qs(asked["tool_calls"][0]["id"]), QStringLiteral("call_1"));
        QCOMPARE(qs(asked["tool_calls"][0]["type"]), QStringLiteral("function"));
        QCOMPARE(qs(asked["tool_calls"][0]["function"]["name"]), QStringLiteral("check_calendar"));
        QVERIFY(asked["tool_calls"][0]["function"]["arguments"].is_string()); // JSON text, not an object
        QCOMPARE(
            nlohmann::json::parse(asked["tool_calls"][0]["function"]["arguments"].get<std::string>()).dump(),
            nlohmann::json({{"date", "2026-11-24"}}).dump());
        QCOMPARE(qs(asked["tool_calls"][1]["id"]), QStringLiteral("call_2"));
        // One tool message per call, right after them, in the calls' order.
        QCOMPARE(qs(messages[3]["tool_call_id"]), QStringLiteral("call_1"));
        QVERIFY(messages[3]["content"].is_string());
        QCOMPARE(nlohmann::json::parse(messages[3]["content"].get<std::string>()).dump(),
                 nlohmann::json({{"error", "You denied it."}}).dump());
        QCOMPARE(qs(messages[4]["tool_call_id"]), QStringLiteral("call_2"));
        QCOMPARE(nlohmann::json::parse(messages[4]["content"].get<std::string>()).dump(),
                 nlohmann::json({{"documents", nlohmann::json::array()}}).dump());
        QCOMPARE(qs(messages[5]["content"]), QStringLiteral("You did not allow the calendar check."));
        QVERIFY(!messages[5].contains("tool_calls"));
        QCOMPARE(qs(messages[6]["content"]), QStringLiteral("Buy 3 shares of ACME"));

        QVERIFY(!request.body.contains("call_3"));
        QVERIFY(!request.body.contains(kHandle));
        QVERIFY(!request.body.contains("Approve on your phone"));
    }

    void sendsNoAuthorizationHeaderWithoutAKey()
    {
        FakeChatServer server;
        QVERIFY(server.start());
        server.enqueue(FakeChatServer::streamedText({"ok"}));
        OpenAiBackend backend(&m_network, {server.baseUrl(), QStringLiteral("local-model"), {}});
        Recorder turn;
        backend.respond(oneQuestion(QStringLiteral("Hi")), {}, {}, turn.events());
        QTRY_VERIFY_WITH_TIMEOUT(turn.done(), 10000);
        QVERIFY2(*turn.outcome, qPrintable(turn.errorMessage()));
        QCOMPARE(server.requests().size(), 1);
        QVERIFY(!server.requests()[0].headers.contains("authorization"));
    }

    void runsAToolAndSendsItsResultBackToTheModel()
    {
        FakeChatServer server;
        QVERIFY(server.start());
        server.enqueue(FakeChatServer::streamedToolCalls(
            {{QStringLiteral("call_abc"), QStringLiteral("search_documents"), "{\"query\":\"budget\"}"}}));
        server.enqueue(FakeChatServer::streamedText({"You have ", "one document: Budget 2027."}));
        OpenAiBackend backend(&m_network, configFor(server));
        AgentSession session(&backend);
        session.setProfile({QStringLiteral("Alice"), {}, {}});
        auto search = std::make_shared<SearchDocuments>();
        session.addTool(search);
        QSignalSpy problems(&session, &AgentSession::problem);

        session.send(QStringLiteral("Find my budget documents"));
        QTRY_VERIFY_WITH_TIMEOUT(answered(session), 10000);
        QCOMPARE(problems.size(), 0);
        QCOMPARE(search->runs, 1);
        QCOMPARE(search->lastArguments.dump(), nlohmann::json({{"query", "budget"}}).dump());
        QCOMPARE(lastMessage(session)->text, QStringLiteral("You have one document: Budget 2027."));
        QStringList kinds;
        for (const Message &m : session.conversation().messages)
            kinds << kindName(m.kind);
        QCOMPARE(kinds, QStringList({"user", "tool_call", "tool_result", "assistant"}));

        QCOMPARE(server.requests().size(), 2);
        QCOMPARE(qs(server.requests()[0].json["tools"][0]["function"]["name"]),
                 QStringLiteral("search_documents"));
        const nlohmann::json second = messagesOf(server.requests()[1]);
        QCOMPARE(second.size(), std::size_t(4));
        QCOMPARE(qs(second[2]["role"]), QStringLiteral("assistant"));
        QCOMPARE(qs(second[2]["tool_calls"][0]["id"]), QStringLiteral("call_abc"));
        QCOMPARE(qs(second[3]["role"]), QStringLiteral("tool"));
        QCOMPARE(qs(second[3]["tool_call_id"]), QStringLiteral("call_abc"));
        QVERIFY2(qs(second[3]["content"]).contains(QStringLiteral("Budget 2027")), second[3].dump().c_str());
    }

    void aToolArgumentErrorGoesBackToTheModel()
    {
        FakeChatServer server;
        QVERIFY(server.start());
        server.enqueue(
            FakeChatServer::streamedToolCalls({{QStringLiteral("call_1"), QStringLiteral("buy_stock"),
                                                "{\"ticker\":\"UMBRELLA\",\"qty\":3}"}}));
        server.enqueue(FakeChatServer::streamedText({"That ticker is not valid."}));
        OpenAiBackend backend(&m_network, configFor(server));
        AgentSession session(&backend);
        auto buy = std::make_shared<BuyStock>();
        session.addTool(buy);
        session.send(QStringLiteral("Buy 3 shares of UMBRELLA"));
        QTRY_VERIFY_WITH_TIMEOUT(answered(session), 10000);
        QCOMPARE(buy->runs, 0);
        QCOMPARE(server.requests().size(), 2);
        const nlohmann::json second = messagesOf(server.requests()[1]);
        const nlohmann::json &tool = second.back();
        QCOMPARE(qs(tool["role"]), QStringLiteral("tool"));
        QCOMPARE(qs(tool["tool_call_id"]), QStringLiteral("call_1"));
        const QString content = qs(tool["content"]);
        QVERIFY2(content.contains(QStringLiteral("\"error\"")) &&
                     content.contains(QStringLiteral("ticker")) &&
                     content.contains(QStringLiteral("must match")),
                 qPrintable(content));
    }

    void neverSendsTokensOrInterruptHandlesToTheModel()
    {
        FakeChatServer server;
        QVERIFY(server.start());
        server.enqueue(FakeChatServer::streamedToolCalls(
            {{QStringLiteral("call_1"), QStringLiteral("search_documents"), "{\"query\":\"budget\"}"}}));
        server.enqueue(FakeChatServer::streamedText({"Found Budget 2027."}));
        server.enqueue(FakeChatServer::streamedText({"You are welcome."}));
        OpenAiBackend backend(&m_network, configFor(server));
        AgentSession session(&backend);
        auto search = std::make_shared<SearchDocuments>();
        auto approval = std::make_shared<ApprovalByPhone>();
        session.addTool(search, approval);

        session.send(QStringLiteral("Find my budget documents"));
        QTRY_VERIFY_WITH_TIMEOUT(approval->waiting.contains(QStringLiteral("call_1")), 10000);
        QCOMPARE(session.conversation().messages.last().kind, Message::Kind::Interrupt);
        approval->approve(QStringLiteral("call_1"));
        QTRY_VERIFY_WITH_TIMEOUT(answered(session), 10000);
        QCOMPARE(search->tokenSeen, kAccessToken); // the tool had the credential...
        session.send(QStringLiteral("Thanks"));    // a later turn resends the whole chat, interrupt included
        QTRY_VERIFY_WITH_TIMEOUT(answered(session) && server.requests().size() == 3, 10000);
        QVERIFY(std::any_of(session.conversation().messages.cbegin(), session.conversation().messages.cend(),
                            [](const Message &m) { return m.kind == Message::Kind::Interrupt; }));

        // ...but the model never saw it, nor the handle to resume the approval with.
        QCOMPARE(server.requests().size(), 3);
        QVERIFY(
            qs(messagesOf(server.requests()[1]).back()["content"]).contains(QStringLiteral("Budget 2027")));
        const QByteArray sent = server.everythingReceived();
        QVERIFY(!sent.contains(kAccessToken));
        QVERIFY(!sent.contains("eyJ"));
        QVERIFY(!sent.contains(kHandle));
        QVERIFY(!sent.contains("Approve on your phone"));
    }

    void explainsARefusedApiKeyWithoutRepeatingIt()
    {
        FakeChatServer server;
        QVERIFY(server.start());
        // A server that quotes the key it was sent (OpenAI quotes part of it).
        server.enqueue(
            FakeChatServer::error(401,
                                  "Incorrect API key provided: " + kApiKey +
                                      ". You can find your API key at https://platform.openai.com.",
                                  "invalid_request_error", "invalid_api_key"));
        OpenAiBackend backend(&m_network, configFor(server));
        AgentSession session(&backend);
        QSignalSpy problems(&session, &AgentSession::problem);
        session.send(QStringLiteral("Hi"));
        QTRY_COMPARE_WITH_TIMEOUT(problems.size(), 1, 10000);
        const QString problem = problems[0][0].toString();
        QVERIFY2(problem.contains(QStringLiteral("refused the API key")), qPrintable(problem));
        QVERIFY2(problem.contains(QStringLiteral("Incorrect API key provided")), qPrintable(problem));
        QVERIFY2(!problem.contains(QString::fromLatin1(kApiKey)), qPrintable(problem));
        QVERIFY2(!problem.contains(QStringLiteral("4f9a2c7d")), qPrintable(problem));
        QTRY_VERIFY(answered(session)); // "The agent failed: ..." ends the turn
        QVERIFY(!lastMessage(session)->text.contains(QString::fromLatin1(kApiKey)));
    }

    void explainsAServerFailure()
    {
        FakeChatServer server;
        QVERIFY(server.start());
        server.enqueue(FakeChatServer::error(500, "The server had an error while processing your request.",
                                             "server_error", {}));
        server.enqueue(FakeChatServer::error(400, "Invalid schema for function 'search_documents'.",
                                             "invalid_request_error", "invalid_function_parameters"));
        OpenAiBackend backend(&m_network, configFor(server));
        Recorder failed;
        backend.respond(oneQuestion(QStringLiteral("Hi")), {}, {}, failed.events());
        QTRY_VERIFY_WITH_TIMEOUT(failed.done(), 10000);
        QCOMPARE(failed.errorCode(), agent::errors::openAiHttpStatus(500));
        QVERIFY2(failed.errorMessage().contains(QStringLiteral("HTTP 500")) &&
                     failed.errorMessage().contains(QStringLiteral("had an error while processing")),
                 qPrintable(failed.errorMessage()));
        QVERIFY(!failed.errorMessage().contains(QString::fromLatin1(kApiKey)));

        Recorder refused;
        backend.respond(oneQuestion(QStringLiteral("Hi")), {searchSpec()}, {}, refused.events());
        QTRY_VERIFY_WITH_TIMEOUT(refused.done(), 10000);
        QCOMPARE(refused.errorCode(), agent::errors::openAiHttpStatus(400));
        QVERIFY2(refused.errorMessage().contains(QStringLiteral("refused the request")) &&
                     refused.errorMessage().contains(QStringLiteral("Invalid schema")),
                 qPrintable(refused.errorMessage()));
        QVERIFY(refused.deltas.isEmpty() && refused.calls.isEmpty());
    }

    void explainsAnUnreachableServer()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const quint16 port = closed.serverPort();
        closed.close(); // nothing listens there any more
        OpenAiBackend backend(&m_network, {QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(port)),
                                           QStringLiteral("m"), kApiKey});
        Recorder turn;
        backend.respond(oneQuestion(QStringLiteral("Hi")), {}, {}, turn.events());
        QTRY_VERIFY_WITH_TIMEOUT(turn.done(), 10000);
        QCOMPARE(turn.errorCode(), QString(net::errors::network));
        QVERIFY2(turn.errorMessage().contains(QStringLiteral("127.0.0.1:%1").arg(port)),
                 qPrintable(turn.errorMessage()));
        QVERIFY2(turn.errorMessage().contains(QStringLiteral("refused")), qPrintable(turn.errorMessage()));
    }

    void reportsAMalformedStreamOnce()
    {
        FakeChatServer server;
        QVERIFY(server.start());
        server.enqueue(FakeChatServer::malformedStream());
        OpenAiBackend backend(&m_network, configFor(server));
        Recorder turn;
        backend.respond(oneQuestion(QStringLiteral("Hi")), {}, {}, turn.events());
        QTRY_VERIFY_WITH_TIMEOUT(turn.done(), 10000);
        QCOMPARE(turn.errorCode(), QString(agent::errors::openAiBadAnswer));
        QVERIFY2(turn.errorMessage().contains(QStringLiteral("malformed")), qPrintable(turn.errorMessage()));
        QTest::qWait(200); // the rest of the stream arrives, and is ignored
        QCOMPARE(turn.deltas, QStringList({"Hello"}));
        QCOMPARE(turn.finishedCount, 1);
    }

    void reportsAnErrorSentInsideTheStream()
    {
        FakeChatServer server;
        QVERIFY(server.start());
        FakeChatServer::Reply failing = FakeChatServer::streamedText({"Partial"});
        const nlohmann::json error = {
            {"error",
             {{"message", "Rate limit reached for key " + kApiKey.toStdString() + " in organization org-x."},
              {"type", "rate_limit_error"},
              {"code", "rate_limit_exceeded"}}}};
        failing.chunks[2].bytes = "data: " + QByteArray::fromStdString(error.dump()) + "\n\n"; // for "stop"
        server.enqueue(failing);
        OpenAiBackend backend(&m_network, configFor(server));
        Recorder turn;
        backend.respond(oneQuestion(QStringLiteral("Hi")), {}, {}, turn.events());
        QTRY_VERIFY_WITH_TIMEOUT(turn.done(), 10000);
        QCOMPARE(turn.errorCode(), QString(agent::errors::openAiError));
        QVERIFY2(turn.errorMessage().contains(QStringLiteral("Rate limit reached")),
                 qPrintable(turn.errorMessage()));
        QVERIFY2(!turn.errorMessage().contains(QString::fromLatin1(kApiKey)),
                 qPrintable(turn.errorMessage()));
        QCOMPARE(turn.deltas, QStringList({"Partial"}));
        QTest::qWait(100);
        QCOMPARE(turn.finishedCount, 1);
    }

    void reportsAStreamThatEndsBeforeTheAnswerIsComplete()
    {
        FakeChatServer server;
        QVERIFY(server.start());
        FakeChatServer::Reply cut = FakeChatServer::streamedText({"Half an"});
        cut.chunks.resize(cut.chunks.size() - 2); // no finish_reason, no [DONE]
        server.enqueue(cut);
        OpenAiBackend backend(&m_network, configFor(server));
        Recorder turn;
        backend.respond(oneQuestion(QStringLiteral("Hi")), {}, {}, turn.events());
        QTRY_VERIFY_WITH_TIMEOUT(turn.done(), 10000);
        QCOMPARE(turn.errorCode(), QString(agent::errors::openAiIncomplete));
        QCOMPARE(turn.deltas, QStringList({"Half an"}));
    }

    void refusesToolArgumentsThatAreNotJson()
    {
        FakeChatServer server;
        QVERIFY(server.start());
        server.enqueue(FakeChatServer::streamedToolCalls(
            {{QStringLiteral("call_1"), QStringLiteral("search_documents"), "{\"query\": \"bud"}}));
        OpenAiBackend backend(&m_network, configFor(server));
        Recorder turn;
        backend.respond(oneQuestion(QStringLiteral("Find it")), {searchSpec()}, {}, turn.events());
        QTRY_VERIFY_WITH_TIMEOUT(turn.done(), 10000);
        QCOMPARE(turn.errorCode(), QString(agent::errors::openAiBadToolCall));
        QVERIFY2(turn.errorMessage().contains(QStringLiteral("search_documents")),
                 qPrintable(turn.errorMessage()));
        QVERIFY(turn.calls.isEmpty()); // nothing runs on arguments nobody can read
    }

    void aStreamEventNestedTooDeepEndsTheTurnWithAnError()
    {
        FakeChatServer server;
        QVERIFY(server.start());
        FakeChatServer::Reply deep = FakeChatServer::streamedText({"Hello"});
        deep.chunks[2].bytes = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"!\",\"x\":" +
                               QByteArray(100'000, '[') + QByteArray(100'000, ']') + "}}]}\n\n"; // for "stop"
        server.enqueue(deep);
        OpenAiBackend backend(&m_network, configFor(server));
        Recorder turn;
        backend.respond(oneQuestion(QStringLiteral("Hi")), {}, {}, turn.events());
        QTRY_VERIFY_WITH_TIMEOUT(turn.done(), 10000);
        QCOMPARE(turn.errorCode(), QString(agent::errors::openAiBadAnswer));
        QVERIFY2(turn.errorMessage().contains(QStringLiteral("64")), qPrintable(turn.errorMessage()));
        QCOMPARE(turn.deltas, QStringList({"Hello"}));
    }

    void refusesToolArgumentsNestedTooDeep()
    {
        FakeChatServer server;
        QVERIFY(server.start());
        // One event with the whole call (streamedToolCalls would trickle 200 KB in 61-byte pieces).
        const std::string arguments =
            "{\"query\":" + std::string(100'000, '[') + std::string(100'000, ']') + "}";
        const nlohmann::json call{
            {"choices",
             {{{"index", 0},
               {"delta",
                {{"tool_calls",
                  {{{"index", 0},
                    {"id", "call_1"},
                    {"type", "function"},
                    {"function", {{"name", "search_documents"}, {"arguments", arguments}}}}}}}}}}}};
        const nlohmann::json finish{
            {"choices",
             {{{"index", 0}, {"delta", nlohmann::json::object()}, {"finish_reason", "tool_calls"}}}}};
        FakeChatServer::Reply reply;
        reply.chunks.append({0, "data: " + QByteArray::fromStdString(call.dump()) + "\n\ndata: " +
                                    QByteArray::fromStdString(finish.dump()) + "\n\ndata: [DONE]\n\n"});
        server.enqueue(reply);
        OpenAiBackend backend(&m_network, configFor(server));
        Recorder turn;
        backend.respond(oneQuestion(QStringLiteral("Find it")), {searchSpec()}, {}, turn.events());
        QTRY_VERIFY_WITH_TIMEOUT(turn.done(), 10000);
        QCOMPARE(turn.errorCode(), QString(agent::errors::openAiBadToolCall));
        QVERIFY2(turn.errorMessage().contains(QStringLiteral("search_documents")) &&
                     turn.errorMessage().contains(QStringLiteral("64")),
                 qPrintable(turn.errorMessage()));
        QVERIFY(turn.calls.isEmpty());
    }

    void readsAnAnswerThatIsNotStreamed()
    {
        FakeChatServer server;
        QVERIFY(server.start());
        server.enqueue(FakeChatServer::nonStreamingAnswer(
            QStringLiteral("Searching."),
            {{QStringLiteral("call_9"), QStringLiteral("search_documents"), "{\"query\":\"budget\"}"}}));
        OpenAiBackend backend(&m_network, configFor(server));
        Recorder turn;
        backend.respond(oneQuestion(QStringLiteral("Find it")), {searchSpec()}, {}, turn.events());
        QTRY_VERIFY_WITH_TIMEOUT(turn.done(), 10000);
        QVERIFY2(*turn.outcome, qPrintable(turn.errorMessage()));
        QCOMPARE(turn.deltas, QStringList({"Searching."}));
        QCOMPARE(turn.calls.size(), 1);
        QCOMPARE(std::get<0>(turn.calls[0]), QStringLiteral("call_9"));
        QCOMPARE(std::get<1>(turn.calls[0]), QStringLiteral("search_documents"));
        QCOMPARE(std::get<2>(turn.calls[0]).dump(), nlohmann::json({{"query", "budget"}}).dump());
    }

    void cancelEndsTheTurnWithoutAnotherEvent()
    {
        FakeChatServer server;
        QVERIFY(server.start());
        FakeChatServer::Reply slow = FakeChatServer::streamedText({"Hel", "lo"});
        slow.chunks[2].delayMs = 800; // "lo" comes late
        server.enqueue(slow);
        server.enqueue(FakeChatServer::streamedText({"unused"}, 300));
        server.enqueue(FakeChatServer::streamedText({"One", "Two", "Three"}));
        server.enqueue(FakeChatServer::streamedText({"Again."}));
        OpenAiBackend backend(&m_network, configFor(server));

        Recorder cancelled;
        backend.respond(oneQuestion(QStringLiteral("Hi")), {}, {}, cancelled.events());
        QTRY_COMPARE_WITH_TIMEOUT(cancelled.deltas.size(), 1, 10000);
        backend.cancel();
        QTest::qWait(1200); // past the time "lo", the finish and [DONE] were written
        QCOMPARE(cancelled.deltas, QStringList({"Hel"}));
        QCOMPARE(cancelled.finishedCount, 0);

        Recorder cancelledAtOnce;
        backend.respond(oneQuestion(QStringLiteral("Hi")), {}, {}, cancelledAtOnce.events());
        QTRY_COMPARE_WITH_TIMEOUT(server.requests().size(), 2, 10000);
        backend.cancel();
        QTest::qWait(600);
        QVERIFY(cancelledAtOnce.deltas.isEmpty());
        QCOMPARE(cancelledAtOnce.finishedCount, 0);

        // Cancelled by whoever receives the text (the person pressing Stop while it streams).
        Recorder stoppedByReader;
        BackendEvents events = stoppedByReader.events();
        events.text = [&](const QString &delta) {
            stoppedByReader.deltas << delta;
            backend.cancel();
        };
        backend.respond(oneQuestion(QStringLiteral("Hi")), {}, {}, events);
        QTRY_COMPARE_WITH_TIMEOUT(server.requests().size(), 3, 10000);
        QTest::qWait(300);
        QCOMPARE(stoppedByReader.deltas, QStringList({"One"}));
        QCOMPARE(stoppedByReader.finishedCount, 0);

        Recorder next; // the backend is still usable
        backend.respond(oneQuestion(QStringLiteral("Hi")), {}, {}, next.events());
        QTRY_VERIFY_WITH_TIMEOUT(next.done(), 10000);
        QVERIFY2(*next.outcome, qPrintable(next.errorMessage()));
        QCOMPARE(next.deltas, QStringList({"Again."}));
    }

    void readsTheConfigurationFromTheEnvironment()
    {
        FakeChatServer server;
        QVERIFY(server.start());
        server.enqueue(FakeChatServer::streamedText({"ok"}));
        const auto restore = qScopeGuard([] {
            qunsetenv("OPENAI_BASE_URL");
            qunsetenv("OPENAI_API_KEY");
            qunsetenv("OPENAI_MODEL");
        });
        const OpenAiBackend::Config fromSettings{QUrl(QStringLiteral("https://llm.example.com/v1")),
                                                 QStringLiteral("settings-model"), "sk-from-settings"};
        qunsetenv("OPENAI_BASE_URL");
        qunsetenv("OPENAI_API_KEY");
        qunsetenv("OPENAI_MODEL");
        const auto settingsOnly = OpenAiBackend::fromEnvironment(fromSettings);
        QCOMPARE(settingsOnly.baseUrl, fromSettings.baseUrl);
        QCOMPARE(settingsOnly.model, fromSettings.model);
        QCOMPARE(settingsOnly.apiKey, fromSettings.apiKey);
        const auto defaults = OpenAiBackend::fromEnvironment({});
        QCOMPARE(defaults.baseUrl, QUrl(QStringLiteral("https://api.openai.com/v1")));
        QCOMPARE(defaults.model, QStringLiteral("gpt-4o-mini"));
        QVERIFY(defaults.apiKey.isEmpty());
        QCOMPARE(OpenAiBackend(&m_network, defaults).label(),
                 QStringLiteral("gpt-4o-mini at api.openai.com"));

        qputenv("OPENAI_BASE_URL", (server.baseUrl().toString() + QStringLiteral("/")).toUtf8());
        qputenv("OPENAI_API_KEY", "sk-from-environment");
        qputenv("OPENAI_MODEL", "env-model");
        const auto config = OpenAiBackend::fromEnvironment(fromSettings);
        QCOMPARE(config.model, QStringLiteral("env-model"));
        QCOMPARE(config.apiKey, QByteArray("sk-from-environment"));
        OpenAiBackend backend(&m_network, config);
        QCOMPARE(backend.label(), QStringLiteral("env-model at 127.0.0.1"));
        Recorder turn;
        backend.respond(oneQuestion(QStringLiteral("Hi")), {}, {}, turn.events());
        QTRY_VERIFY_WITH_TIMEOUT(turn.done(), 10000);
        QVERIFY2(*turn.outcome, qPrintable(turn.errorMessage()));
        QCOMPARE(server.requests().size(), 1);
        QCOMPARE(server.requests()[0].path, QByteArray("/v1/chat/completions")); // no doubled slash
        QCOMPARE(server.requests()[0].headers.value("authorization"),
                 QByteArray("Bearer sk-from-environment"));
        QCOMPARE(qs(server.requests()[0].json["model"]), QStringLiteral("env-model"));
    }

    void refusesPlainHttpToAnotherMachine()
    {
        const OpenAiBackend::Config remote{QUrl(QStringLiteral("http://llm.example.com/v1")),
                                           QStringLiteral("m"), kApiKey};
        const Status checked = OpenAiBackend::check(remote);
        QVERIFY(!checked);
        QCOMPARE(checked.error().code, QString(agent::errors::openAiConfig));
        QVERIFY2(checked.error().message.contains(QStringLiteral("https")),
                 qPrintable(checked.error().message));
        QVERIFY(!OpenAiBackend::check(
            {QUrl(QStringLiteral("ftp://llm.example.com/v1")), QStringLiteral("m"), {}}));
        QVERIFY(!OpenAiBackend::check({QUrl(QStringLiteral("https://llm.example.com/v1")), QString(), {}}));
        QVERIFY(OpenAiBackend::check(
            {QUrl(QStringLiteral("https://llm.example.com/v1")), QStringLiteral("m"), {}}));
        QVERIFY(OpenAiBackend::check(
            {QUrl(QStringLiteral("http://127.0.0.1:11434/v1")), QStringLiteral("m"), {}}));
        QVERIFY(
            OpenAiBackend::check({QUrl(QStringLiteral("http://[::1]:8080/v1")), QStringLiteral("m"), {}}));

        // respond() refuses too, without a request: the key must not travel in the clear.
        CountingNetwork network;
        OpenAiBackend backend(&network, remote);
        Recorder turn;
        backend.respond(oneQuestion(QStringLiteral("Hi")), {}, {}, turn.events());
        QVERIFY(!turn.done()); // reported from the event loop, like any answer
        QTRY_VERIFY_WITH_TIMEOUT(turn.done(), 5000);
        QCOMPARE(turn.errorCode(), QString(agent::errors::openAiConfig));
        QVERIFY(!turn.errorMessage().contains(QString::fromLatin1(kApiKey)));
        QCOMPARE(network.requests, 0);
    }
};

QTEST_GUILESS_MAIN(OpenAiBackendTest)
#include "tst_openai_backend.moc"
