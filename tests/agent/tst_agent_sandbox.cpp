// The agent's asynchronous authorization end to end against the sandbox: the demo agent asks to
// buy stock, the CIBA request (binding message + trade_authorization built from the arguments)
// reaches alice's approval channel, she decides, and the tool runs with a token carrying exactly
// those details, or the agent says it was denied. A call waiting when the app quits completes
// once after the restart. Nothing the conversation saves holds a token.
#include "AgentMessages.h"
#include "Jwt.h"
#include "SandboxWithAlice.h"
#include "TestEnvironment.h"
#include "Wait.h"

#include "agent/AgentSession.h"
#include "agent/ApprovedActionTools.h"
#include "agent/AsyncAuthorizer.h"
#include "agent/DemoBackend.h"
#include "net/HttpClient.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>

using namespace countersign;
using namespace countersign::agent;
using test::wait;

namespace {

// Stands in for the stock API call: keeps the token it was handed, to read what it carries.
class RecordingBuy : public Tool
{
public:
    ToolSpec spec() const override
    {
        return {QStringLiteral("buy_stock"), QStringLiteral("Buy shares"),
                nlohmann::json{{"type", "object"},
                               {"properties",
                                {{"ticker", {{"type", "string"}}},
                                 {"qty", {{"type", "integer"}, {"minimum", 1}}},
                                 {"limit_price", {{"type", "number"}}}}},
                               {"required", {"ticker", "qty"}}}};
    }
    void run(const nlohmann::json &arguments, const ToolContext &context,
             Callback<nlohmann::json> done) override
    {
        ++runs;
        token = context.accessToken;
        done(nlohmann::json{{"id", "o-" + std::to_string(runs)},
                            {"ticker", arguments["ticker"]},
                            {"qty", arguments["qty"]},
                            {"price", 12.34},
                            {"currency", "USD"},
                            {"total", 1}});
    }
    int runs = 0;
    QByteArray token;
};

// The real buy_stock tool, watched: the test keeps the token the tool was handed, to ask the
// stock API about the orders afterwards.
class Watched : public Tool
{
public:
    explicit Watched(std::shared_ptr<Tool> inner) : m_inner(std::move(inner)) {}
    ToolSpec spec() const override { return m_inner->spec(); }
    void run(const nlohmann::json &arguments, const ToolContext &context,
             Callback<nlohmann::json> done) override
    {
        ++runs;
        token = context.accessToken;
        m_inner->run(arguments, context, std::move(done));
    }
    int runs = 0;
    QByteArray token;

private:
    std::shared_ptr<Tool> m_inner;
};

nlohmann::json tradeFor(const nlohmann::json &arguments)
{
    nlohmann::json detail{{"type", "trade_authorization"},
                          {"action", "buy"},
                          {"ticker", arguments.value("ticker", "")},
                          {"qty", arguments.value("qty", 0)}};
    if (arguments.contains("limit_price"))
        detail["limit_price"] = arguments["limit_price"];
    return nlohmann::json::array({detail});
}

} // namespace

class AgentSandboxTest : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_network;
    std::unique_ptr<test::SandboxWithAlice> m_world;
    std::unique_ptr<ciba::CibaClient> m_agentClient;

    QByteArray m_stockToken; // a token for the stock API from an approved trade (to list orders)

    QUrl api(const QString &path) const { return m_world->issuer().resolved(QUrl(path)); }

    std::shared_ptr<Watched> realBuyTool()
    {
        return std::make_shared<Watched>(std::make_shared<StockOrderTool>(
            StockOrderTool::Action::Buy, m_world->http(), api(QStringLiteral("/api/stock/orders"))));
    }

    QList<nlohmann::json> orders()
    {
        auto listed = wait<nlohmann::json>([&](auto done) {
            m_world->http()->getJson(api(QStringLiteral("/api/stock/orders")), this, done, m_stockToken);
        });
        QList<nlohmann::json> all;
        if (listed)
            for (const auto &order : listed->value("orders", nlohmann::json::array()))
                all << order;
        return all;
    }

    std::shared_ptr<AsyncAuthorizer> authorizer(AsyncAuthorizer::Mode mode = AsyncAuthorizer::Mode::Interrupt)
    {
        AsyncAuthorizer::Options options;
        options.mode = mode;
        options.scopes = {QStringLiteral("openid"), QStringLiteral("stock:trade")};
        options.loginHint = [] { return QStringLiteral("alice"); };
        options.bindingMessage = [](const nlohmann::json &arguments) {
            return QStringLiteral("Buy %1 %2")
                .arg(arguments.value("qty", 0))
                .arg(QString::fromStdString(arguments.value("ticker", "")));
        };
        options.authorizationDetails = tradeFor;
        return std::make_shared<AsyncAuthorizer>(m_agentClient.get(), options);
    }

    // alice decides the request with this binding message from her approval channel.
    QString decide(const QString &bindingMessage, approvals::Decision decision)
    {
        QString id;
        (void)QTest::qWaitFor(
            [&] {
                auto list = wait<approvals::ApprovalList>(
                    [&](auto done) { m_world->channel().client()->list(done); });
                if (list)
                    for (const auto &approval : list->approvals)
                        if (approval.bindingMessage == bindingMessage && approval.isPending())
                            id = approval.id;
                return !id.isEmpty();
            },
            10000);
        if (id.isEmpty())
            return QStringLiteral("no pending request \"%1\"").arg(bindingMessage);
        auto decided = wait<approvals::Approval>(
            [&](auto done) { m_world->channel().client()->decide(id, decision, {}, done); });
        return decided ? QString() : decided.error().message;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(test::chromiumAvailable());
        m_world = std::make_unique<test::SandboxWithAlice>(
            &m_network, QStringList{QStringLiteral("--ciba-interval"), QStringLiteral("1")});
        const QString error = m_world->start();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        // The demo agent's client credentials (DEMO ONLY, registered by the sandbox).
        m_agentClient = std::make_unique<ciba::CibaClient>(
            m_world->http(), m_world->metadata().backchannelAuthenticationEndpoint,
            m_world->metadata().tokenEndpoint,
            ciba::ClientCredentials{QStringLiteral("demo-agent"), "demo-agent-secret", {}});
    }

    void anApprovedTradeRunsTheToolWithExactlyThoseDetails()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("conversation.json"));
        DemoBackend backend;
        AgentSession session(&backend);
        session.setStorageFile(file);
        auto buy = std::make_shared<RecordingBuy>();
        session.addTool(buy, authorizer());
        session.send(QStringLiteral("Buy 3 shares of ACME at most 12.50"));
        QTRY_VERIFY_WITH_TIMEOUT(session.conversation().messages.last().kind == Message::Kind::Interrupt,
                                 10000);
        QVERIFY(session.conversation().messages.last().text.contains(QStringLiteral("Buy 3 ACME")));

        const QString error = decide(QStringLiteral("Buy 3 ACME"), approvals::Decision::Approve);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(!session.busy() && !test::lastAnswer(session).isEmpty(), 20000);
        QCOMPARE(buy->runs, 1);
        const nlohmann::json claims = test::jwtClaims(buy->token);
        QCOMPARE(claims.value("sub", ""), std::string("alice"));
        QCOMPARE(claims.value("authorization_details", nlohmann::json()).dump(),
                 tradeFor({{"ticker", "ACME"}, {"qty", 3}, {"limit_price", 12.5}}).dump());
        QVERIFY2(test::lastAnswer(session).contains(QStringLiteral("bought 3 ACME")),
                 qPrintable(test::lastAnswer(session)));

        // Token hygiene: the token the tool got is nowhere in the conversation or its file.
        QFile saved(file);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        const QByteArray contents = saved.readAll();
        QVERIFY(!contents.contains(buy->token));
        QVERIFY(!contents.contains(buy->token.left(40)));
        QVERIFY(!contents.contains("eyJ")); // no JWT of any kind
    }

    // The whole way: the real buy_stock tool places the order at the sandbox's stock API with the
    // approved token; the order is there with the approved details; a different order with the
    // same approval is refused by the API.
    void anApprovedPurchaseIsPlacedAtTheStockApi()
    {
        DemoBackend backend;
        AgentSession session(&backend);
        AsyncAuthorizer::Options options;
        options.scopes = {QStringLiteral("openid"), QStringLiteral("stock:trade")};
        options.loginHint = [] { return QStringLiteral("alice"); };
        options.bindingMessage = [](const nlohmann::json &a) {
            return StockOrderTool::bindingMessage(StockOrderTool::Action::Buy, a);
        };
        options.authorizationDetails = [](const nlohmann::json &a) {
            return StockOrderTool::authorizationDetails(StockOrderTool::Action::Buy, a);
        };
        auto buy = realBuyTool();
        session.addTool(buy, std::make_shared<AsyncAuthorizer>(m_agentClient.get(), options));
        session.send(QStringLiteral("Buy 3 shares of ACME"));
        QTRY_VERIFY_WITH_TIMEOUT(session.conversation().messages.last().kind == Message::Kind::Interrupt,
                                 10000);
        const QString binding = QString::fromStdString(
            session.conversation().messages.last().interrupt.value("binding_message", ""));
        QVERIFY2(binding.startsWith(QStringLiteral("Buy 3 ACME #")), qPrintable(binding));
        const QString error = decide(binding, approvals::Decision::Approve);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(!session.busy() && !test::lastAnswer(session).isEmpty(), 20000);
        QCOMPARE(buy->runs, 1);
        QVERIFY2(test::lastAnswer(session).contains(QStringLiteral("bought 3 ACME shares at 12.34 USD")),
                 qPrintable(test::lastAnswer(session)));

        m_stockToken = buy->token;
        const auto placed = orders();
        QCOMPARE(placed.size(), 1);
        QCOMPARE(placed.first().value("ticker", ""), std::string("ACME"));
        QCOMPARE(placed.first().value("qty", 0), 3);
        QCOMPARE(placed.first().value("action", ""), std::string("buy"));
        QCOMPARE(placed.first().value("account", ""), std::string("alice"));

        // The same approval cannot buy 5 instead: the API compares the order with the token.
        StockOrderTool direct(StockOrderTool::Action::Buy, m_world->http(),
                              api(QStringLiteral("/api/stock/orders")));
        auto refused = wait<nlohmann::json>([&](auto done) {
            direct.run({{"ticker", "ACME"}, {"qty", 5}},
                       ToolContext{QStringLiteral("x"), {}, {}, buy->token, nlohmann::json::array()}, done);
        });
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, QStringLiteral("authorization_details_mismatch"));
        QCOMPARE(orders().size(), 1);
    }

    void aDenialBecomesTheAgentsAnswer()
    {
        DemoBackend backend;
        AgentSession session(&backend);
        auto buy = std::make_shared<RecordingBuy>();
        session.addTool(buy, authorizer());
        session.send(QStringLiteral("Buy 4 shares of ACME"));
        QTRY_VERIFY_WITH_TIMEOUT(session.conversation().messages.last().kind == Message::Kind::Interrupt,
                                 10000);
        const QString error = decide(QStringLiteral("Buy 4 ACME"), approvals::Decision::Deny);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(!session.busy() && !test::lastAnswer(session).isEmpty(), 20000);
        QCOMPARE(buy->runs, 0);
        QVERIFY2(test::lastAnswer(session).contains(QStringLiteral("You denied this")),
                 qPrintable(test::lastAnswer(session)));
        if (!m_stockToken.isEmpty()) // no order for 4 (the purchase above is the only one)
            for (const auto &order : orders())
                QVERIFY(order.value("qty", 0) != 4);
    }

    // Block mode: the call just waits (no interrupt in the chat), then runs once approved.
    void blockModeWaitsWithoutAnInterrupt()
    {
        DemoBackend backend;
        AgentSession session(&backend);
        auto buy = std::make_shared<RecordingBuy>();
        session.addTool(buy, authorizer(AsyncAuthorizer::Mode::Block));
        session.send(QStringLiteral("Buy 6 shares of ACME"));
        const QString error = decide(QStringLiteral("Buy 6 ACME"), approvals::Decision::Approve);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(!session.busy() && !test::lastAnswer(session).isEmpty(), 20000);
        QCOMPARE(buy->runs, 1);
        QCOMPARE(test::jwtClaims(buy->token).value("authorization_details", nlohmann::json()).dump(),
                 tradeFor({{"ticker", "ACME"}, {"qty", 6}}).dump());
        for (const Message &message : session.conversation().messages)
            QVERIFY(message.kind != Message::Kind::Interrupt);
    }

    void aTradeWaitingWhenTheAppQuitCompletesOnceAfterTheRestart()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("conversation.json"));
        {
            DemoBackend backend;
            AgentSession before(&backend);
            before.setStorageFile(file);
            before.addTool(std::make_shared<RecordingBuy>(), authorizer());
            before.send(QStringLiteral("Buy 5 shares of ACME"));
            QTRY_VERIFY_WITH_TIMEOUT(before.conversation().messages.last().kind == Message::Kind::Interrupt,
                                     10000);
        } // quit while waiting
        // Decided while the app was closed.
        const QString error = decide(QStringLiteral("Buy 5 ACME"), approvals::Decision::Approve);
        QVERIFY2(error.isEmpty(), qPrintable(error));

        DemoBackend backend;
        AgentSession after(&backend);
        after.setStorageFile(file);
        auto buy = std::make_shared<RecordingBuy>();
        after.addTool(buy, authorizer());
        QVERIFY(after.load());
        QTRY_VERIFY_WITH_TIMEOUT(!after.busy() && !test::lastAnswer(after).isEmpty(), 20000);
        QCOMPARE(buy->runs, 1);
        QVERIFY2(test::lastAnswer(after).contains(QStringLiteral("bought 5 ACME")),
                 qPrintable(test::lastAnswer(after)));
    }
};

QTEST_MAIN(AgentSandboxTest)
#include "tst_agent_sandbox.moc"
