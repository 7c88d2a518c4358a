// AgentSession with the demo backend, stand-in tools and a stand-in authorizer (no network):
// tools run with checked arguments, credentials reach the tool only through its ToolContext
// (never the conversation or the file), interrupts pause a call until the person acts, and a
// call interrupted when the app quit is picked up by the next session and completes once.
#include "AgentMessages.h"
#include "LocalHttpServer.h"
#include "agent/AgentErrors.h"
#include "agent/AgentSession.h"
#include "agent/ApiTools.h"
#include "agent/ApprovedActionTools.h"
#include "agent/DemoBackend.h"
#include "common/Json.h"
#include "net/HttpClient.h"
#include "net/NetErrors.h"
#include "oauth/OAuthErrors.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace countersign;
using namespace countersign::agent;

namespace {

const QByteArray kSecret = "eyJ-secret-access-token-for-this-call-only";

// buy_stock that records what it was given and "places" the order.
class BuyStock : public Tool
{
public:
    ToolSpec spec() const override
    {
        return {QStringLiteral("buy_stock"), QStringLiteral("Buy shares"),
                nlohmann::json{{"type", "object"},
                               {"properties",
                                {{"ticker", {{"type", "string"}, {"pattern", "^[A-Z]{1,4}$"}}},
                                 {"qty", {{"type", "integer"}, {"minimum", 1}}},
                                 {"limit_price", {{"type", "number"}}}}},
                               {"required", {"ticker", "qty"}},
                               {"additionalProperties", false}}};
    }
    void run(const nlohmann::json &arguments, const ToolContext &context,
             Callback<nlohmann::json> done) override
    {
        ++runs;
        tokenSeen = context.accessToken;
        done(nlohmann::json{{"id", "o-" + std::to_string(runs)},
                            {"ticker", arguments["ticker"]},
                            {"qty", arguments["qty"]},
                            {"price", 12.34},
                            {"currency", "USD"},
                            {"total", 37.02}});
    }
    int runs = 0;
    QByteArray tokenSeen;
};

class SearchDocuments : public Tool
{
public:
    ToolSpec spec() const override
    {
        return {QStringLiteral("search_documents"), QStringLiteral("Search"),
                nlohmann::json{{"type", "object"},
                               {"properties", {{"query", {{"type", "string"}}}}},
                               {"required", {"query"}}}};
    }
    void run(const nlohmann::json &, const ToolContext &, Callback<nlohmann::json> done) override
    {
        done(nlohmann::json{{"documents", {{{"id", "d1"}, {"title", "Budget 2027"}}}}});
    }
};

// Interrupts every call until the test approves or denies it.
class ManualApproval : public Authorizer
{
public:
    void authorize(const QString &callId, const nlohmann::json &, AuthorizationReport report) override
    {
        report.interrupted(QStringLiteral("Waiting for your approval"),
                           {{"type", "manual"}, {"ticket", "t-1"}});
        waiting.insert(callId, report);
    }
    void resume(const QString &callId, const nlohmann::json &interrupt, AuthorizationReport report) override
    {
        resumedWith = interrupt;
        waiting.insert(callId, report);
    }
    void cancel(const QString &callId) override { waiting.remove(callId); }
    void approve(const QString &callId) { waiting.take(callId).granted(kSecret, nlohmann::json::array()); }
    void deny(const QString &callId)
    {
        waiting.take(callId).failed({oauth::errors::accessDenied, QStringLiteral("You denied the trade.")});
    }
    QHash<QString, AuthorizationReport> waiting;
    nlohmann::json resumedWith;
};

QByteArray fileContents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The one file a damaged conversation was set aside as, next to where it was (empty if not exactly one).
QString onlySetAsideFile(const QTemporaryDir &dir)
{
    const QStringList found =
        QDir(dir.path()).entryList({QStringLiteral("conversation.unreadable-*.json")}, QDir::Files);
    return found.size() == 1 ? dir.filePath(found.first()) : QString();
}

// Grants every call at once.
class Granted : public Authorizer
{
public:
    void authorize(const QString &, const nlohmann::json &, AuthorizationReport report) override
    {
        report.granted(kSecret, nlohmann::json::array());
    }
    void resume(const QString &callId, const nlohmann::json &, AuthorizationReport report) override
    {
        authorize(callId, {}, std::move(report));
    }
};

// Records the interrupt a CIBA approval records (AsyncAuthorizer), then waits for the test.
class CibaLikeApproval : public Authorizer
{
public:
    void authorize(const QString &callId, const nlohmann::json &, AuthorizationReport report) override
    {
        report.interrupted(QStringLiteral("Waiting for your approval"),
                           {{"type", "async_authorization"},
                            {"auth_req_id", "req-1"},
                            {"expires_at", "2099-01-01T00:00:00.000Z"},
                            {"interval", 5},
                            {"binding_message", "Buy 3 ACME #1234"}});
        waiting.insert(callId, report);
    }
    void resume(const QString &callId, const nlohmann::json &, AuthorizationReport report) override
    {
        waiting.insert(callId, report);
    }
    QHash<QString, AuthorizationReport> waiting;
};

} // namespace

class AgentSessionTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void anUnprotectedToolRunsAndTheAgentAnswers()
    {
        DemoBackend backend;
        AgentSession session(&backend);
        session.addTool(std::make_shared<SearchDocuments>());
        session.send(QStringLiteral("Search documents about budget"));
        QTRY_VERIFY(!session.busy() && !test::lastAnswer(session).isEmpty());
        QVERIFY2(test::lastAnswer(session).contains(QStringLiteral("Budget 2027")),
                 qPrintable(test::lastAnswer(session)));
        QStringList kinds;
        for (const Message &m : session.conversation().messages)
            kinds << kindName(m.kind);
        QCOMPARE(kinds, QStringList({"user", "tool_call", "tool_result", "assistant"}));
    }

    void badArgumentsGoBackToTheModelAsAToolError()
    {
        DemoBackend backend;
        AgentSession session(&backend);
        auto buy = std::make_shared<BuyStock>();
        session.addTool(buy);
        session.send(QStringLiteral("Buy 3 shares of UMBRELLA")); // the schema allows 4 letters at most
        QTRY_VERIFY(!session.busy() && !test::lastAnswer(session).isEmpty());
        QCOMPARE(buy->runs, 0);
        const Message &result = session.conversation().messages.at(2);
        QVERIFY(result.isError);
        QVERIFY2(test::lastAnswer(session).contains(QStringLiteral("ticker: must match")),
                 qPrintable(test::lastAnswer(session)));
    }

    void anInterruptedCallResumesWhenApprovedAndTheTokenStaysOutOfTheChat()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("agent/conversation.json"));
        DemoBackend backend;
        AgentSession session(&backend);
        session.setStorageFile(file);
        auto buy = std::make_shared<BuyStock>();
        auto approval = std::make_shared<ManualApproval>();
        session.addTool(buy, approval);
        session.send(QStringLiteral("Buy 3 shares of ACME"));
        QTRY_VERIFY(approval->waiting.contains(QStringLiteral("call_1")));
        QVERIFY(session.busy());
        QCOMPARE(session.conversation().messages.last().kind, Message::Kind::Interrupt);
        QCOMPARE(buy->runs, 0);

        approval->approve(QStringLiteral("call_1"));
        QTRY_VERIFY(!session.busy() && !test::lastAnswer(session).isEmpty());
        QCOMPARE(buy->runs, 1);
        QCOMPARE(buy->tokenSeen, kSecret); // the tool got the credential...
        QVERIFY2(test::lastAnswer(session).contains(QStringLiteral("bought 3 ACME")),
                 qPrintable(test::lastAnswer(session)));
        // ...and neither the conversation nor its file ever held it.
        QVERIFY(!QByteArray::fromStdString(session.conversation().toJson().dump()).contains(kSecret));
        const QByteArray saved = fileContents(file);
        QVERIFY(saved.contains("bought") || saved.contains("o-1"));
        QVERIFY(!saved.contains(kSecret));
        QCOMPARE(QFile(file).permissions() & (QFile::ReadOther | QFile::ReadGroup),
                 QFileDevice::Permissions());
    }

    void aDenialBecomesTheAnswer()
    {
        DemoBackend backend;
        AgentSession session(&backend);
        auto buy = std::make_shared<BuyStock>();
        auto approval = std::make_shared<ManualApproval>();
        session.addTool(buy, approval);
        session.send(QStringLiteral("Buy 3 shares of ACME"));
        QTRY_VERIFY(approval->waiting.contains(QStringLiteral("call_1")));
        approval->deny(QStringLiteral("call_1"));
        QTRY_VERIFY(!session.busy() && !test::lastAnswer(session).isEmpty());
        QCOMPARE(buy->runs, 0);
        QVERIFY2(test::lastAnswer(session).contains(QStringLiteral("You denied the trade.")),
                 qPrintable(test::lastAnswer(session)));
    }

    void aCallWaitingWhenTheAppQuitCompletesOnceInTheNextSession()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("conversation.json"));
        {
            DemoBackend backend;
            AgentSession first(&backend);
            first.setStorageFile(file);
            auto approval = std::make_shared<ManualApproval>();
            first.addTool(std::make_shared<BuyStock>(), approval);
            first.send(QStringLiteral("Buy 3 shares of ACME"));
            QTRY_VERIFY(approval->waiting.contains(QStringLiteral("call_1")));
        } // the app quits while the call waits

        DemoBackend backend;
        AgentSession second(&backend);
        second.setStorageFile(file);
        auto buy = std::make_shared<BuyStock>();
        auto approval = std::make_shared<ManualApproval>();
        second.addTool(buy, approval);
        QVERIFY(second.load());
        QCOMPARE(QString::fromStdString(approval->resumedWith.value("ticket", "")), QStringLiteral("t-1"));
        QVERIFY(second.busy());
        approval->approve(QStringLiteral("call_1")); // decided while the app was closed, or now
        QTRY_VERIFY(!second.busy() && !test::lastAnswer(second).isEmpty());
        QCOMPARE(buy->runs, 1);

        // A third start finds nothing to resume: the call ran exactly once.
        DemoBackend again;
        AgentSession third(&again);
        third.setStorageFile(file);
        auto buyAgain = std::make_shared<BuyStock>();
        third.addTool(buyAgain, std::make_shared<ManualApproval>());
        QVERIFY(third.load());
        QTest::qWait(50);
        QCOMPARE(buyAgain->runs, 0);
        QVERIFY(!third.busy());
    }

    void aCallThatWasRunningIsNotRepeatedAfterARestart()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("conversation.json"));
        Conversation saved;
        saved.messages << Message::user(QStringLiteral("Buy 3 shares of ACME"))
                       << Message::toolCall(QStringLiteral("call_1"), QStringLiteral("buy_stock"),
                                            {{"ticker", "ACME"}, {"qty", 3}});
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QByteArray::fromStdString(saved.toJson().dump()));
        out.close();

        DemoBackend backend;
        AgentSession session(&backend);
        session.setStorageFile(file);
        auto buy = std::make_shared<BuyStock>();
        session.addTool(buy);
        QVERIFY(session.load());
        QTRY_VERIFY(!session.busy() && !test::lastAnswer(session).isEmpty());
        QCOMPARE(buy->runs, 0);
        QVERIFY2(test::lastAnswer(session).contains(QStringLiteral("not repeated")),
                 qPrintable(test::lastAnswer(session)));
    }

    void aDamagedFileIsSetAsideAndReported()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("conversation.json"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write("{ not json");
        out.close();
        DemoBackend backend;
        AgentSession session(&backend);
        session.setStorageFile(file);
        const Status loaded = session.load();
        QVERIFY(!loaded);
        QCOMPARE(loaded.error().code, QString(agent::errors::conversationInvalid));
        const QString setAside = onlySetAsideFile(dir);
        QVERIFY2(loaded.error().message.contains(QFileInfo(setAside).fileName()),
                 qPrintable(loaded.error().message));
        QCOMPARE(fileContents(setAside), QByteArray("{ not json"));

        // The new chat is saved in the usual place; the damaged one is never overwritten.
        session.addTool(std::make_shared<SearchDocuments>());
        session.send(QStringLiteral("Search documents about budget"));
        QTRY_VERIFY(!session.busy() && !test::lastAnswer(session).isEmpty());
        QVERIFY(fileContents(file).contains("Budget 2027"));
        QCOMPARE(fileContents(setAside), QByteArray("{ not json"));
    }

    void aSavedChatNestedTooDeepIsSetAsideNotACrash()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("conversation.json"));
        const QByteArray deep = "{\"version\":1,\"messages\":[{\"kind\":\"tool_result\",\"call_id\":\"c\","
                                "\"tool\":\"t\",\"is_error\":false,\"result\":" +
                                QByteArray(100'000, '[') + QByteArray(100'000, ']') + "}]}";
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(deep);
        out.close();
        DemoBackend backend;
        AgentSession session(&backend);
        session.setStorageFile(file);
        const Status loaded = session.load();
        QVERIFY(!loaded);
        QCOMPARE(loaded.error().code, QString(agent::errors::conversationInvalid));
        QVERIFY(session.conversation().messages.isEmpty());
        QCOMPARE(fileContents(onlySetAsideFile(dir)), deep);
    }

    void aDeepApiAnswerBecomesAToolErrorAndTheChatIsStillSaved()
    {
        test::LocalHttpServer api;
        QVERIFY(api.start());
        api.route("/data/r-1001",
                  test::LocalHttpServer::Response{200,
                                                  "{\"id\":\"r-1001\",\"data\":" + QByteArray(100'000, '[') +
                                                      QByteArray(100'000, ']') + "}",
                                                  "application/json",
                                                  {},
                                                  0,
                                                  {}});
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("conversation.json"));
        QNetworkAccessManager network;
        net::HttpClient http(&network);
        DemoBackend backend;
        AgentSession session(&backend);
        session.setStorageFile(file);
        session.addTool(
            std::make_shared<DataRecordTool>(&http, QUrl(api.baseUrl().toString() + QStringLiteral("/data"))),
            std::make_shared<Granted>());
        session.send(QStringLiteral("Fetch data record r-1001"));
        QTRY_VERIFY_WITH_TIMEOUT(!session.busy() && !test::lastAnswer(session).isEmpty(), 20000);
        const Message *result = test::lastOf(session, Message::Kind::ToolResult);
        QVERIFY(result && result->isError);
        QCOMPARE(jsonString(result->result, "code"), QString(net::errors::jsonTooDeep));
        QVERIFY2(jsonString(result->result, "error").contains(QStringLiteral("127.0.0.1:%1").arg(api.port())),
                 qPrintable(jsonString(result->result, "error")));

        DemoBackend again;
        AgentSession restored(&again);
        restored.setStorageFile(file);
        QVERIFY(restored.load());
        QCOMPARE(restored.conversation().messages.size(), session.conversation().messages.size());
    }

    void anApiAnswerWithANonStringCodeAbortsNeitherNowNorAtTheNextStart()
    {
        // A stock API answers an approved order with a number where a string is usual: it is kept
        // in the chat (and the file) as the tool's result, and read from there every time the
        // agent's approvals are listed.
        test::LocalHttpServer api;
        QVERIFY(api.start());
        api.route("/orders",
                  test::LocalHttpServer::Response{
                      201, "{\"id\":\"o-1\",\"code\":5,\"error\":[1]}", "application/json", {}, 0, {}});
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("conversation.json"));
        QNetworkAccessManager network;
        net::HttpClient http(&network);
        {
            DemoBackend backend;
            AgentSession session(&backend);
            session.setStorageFile(file);
            auto approval = std::make_shared<CibaLikeApproval>();
            session.addTool(
                std::make_shared<StockOrderTool>(StockOrderTool::Action::Buy, &http,
                                                 QUrl(api.baseUrl().toString() + QStringLiteral("/orders"))),
                approval);
            session.send(QStringLiteral("Buy 3 shares of ACME"));
            QTRY_VERIFY(approval->waiting.contains(QStringLiteral("call_1")));
            approval->waiting.take(QStringLiteral("call_1")).granted(kSecret, nlohmann::json::array());
            QTRY_VERIFY_WITH_TIMEOUT(!session.busy() && !test::lastAnswer(session).isEmpty(), 20000);
            QCOMPARE(api.hits("/orders"), 1);
            const auto approvals = session.conversation().approvals();
            QCOMPARE(approvals.size(), 1);
            QCOMPARE(approvals[0].state, AgentApproval::State::Approved);
        }
        DemoBackend backend;
        AgentSession next(&backend);
        next.setStorageFile(file);
        QVERIFY(next.load());
        const auto approvals = next.conversation().approvals();
        QCOMPARE(approvals.size(), 1);
        QCOMPARE(approvals[0].state, AgentApproval::State::Approved);
        QCOMPARE(approvals[0].bindingMessage, QStringLiteral("Buy 3 ACME #1234"));
    }

    void stopEndsAWaitingCall()
    {
        DemoBackend backend;
        AgentSession session(&backend);
        auto approval = std::make_shared<ManualApproval>();
        session.addTool(std::make_shared<BuyStock>(), approval);
        session.send(QStringLiteral("Buy 3 shares of ACME"));
        QTRY_VERIFY(approval->waiting.contains(QStringLiteral("call_1")));
        session.stop();
        QVERIFY(!session.busy());
        QVERIFY(approval->waiting.isEmpty());
        QVERIFY(session.conversation().messages.last().isError);
        QVERIFY(session.conversation().unresolvedCalls().isEmpty());
    }
};

QTEST_GUILESS_MAIN(AgentSessionTest)
#include "tst_agent_session.moc"
