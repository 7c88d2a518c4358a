// The agent's building blocks without any network: the conversation and its saved form (no
// credential has a place in it), argument validation against a tool's JSON Schema, and the
// rule-based demo agent (what it understands, which tool it calls, how it answers).
#include "agent/AgentErrors.h"
#include "agent/ApprovedActionTools.h"
#include "agent/Conversation.h"
#include "agent/DemoBackend.h"
#include "agent/Tool.h"

#include <QSignalSpy>
#include <QTest>

using namespace countersign;
using namespace countersign::agent;

namespace {

// JSON written with single quotes (no raw string literals here: Qt 6.4's moc would then miss the
// test class).
QByteArray J(const char *singleQuoted)
{
    return QByteArray(singleQuoted).replace('\'', '"');
}

const nlohmann::json kTradeSchema = nlohmann::json::parse(
    J("{ 'type': 'object', 'properties': { 'ticker': {'type': 'string', 'pattern': '^[A-Z]{1,8}$'}, 'qty': "
      "{'type': 'integer', 'minimum': 1, 'maximum': 10000}, 'limit_price': {'type': 'number', "
      "'exclusiveMinimum': 0} }, 'required': ['ticker', 'qty'], 'additionalProperties': false }")
        .toStdString());

struct Turn
{
    QString text;
    QList<std::tuple<QString, QString, nlohmann::json>> calls;
    bool finished = false;
};

Turn runTurn(DemoBackend &backend, const Conversation &conversation, const QList<ToolSpec> &tools,
             const AgentProfile &profile = {})
{
    Turn turn;
    backend.respond(conversation, tools, profile,
                    {[&](const QString &delta) { turn.text += delta; },
                     [&](const QString &id, const QString &tool, nlohmann::json args) {
                         turn.calls.append({id, tool, std::move(args)});
                     },
                     [&](Status) { turn.finished = true; }});
    (void)QTest::qWaitFor([&] { return turn.finished; }, 2000);
    return turn;
}

QList<ToolSpec> demoTools()
{
    QList<ToolSpec> tools;
    for (const char *name : {"buy_stock", "sell_stock", "make_payment", "check_calendar", "fetch_data_record",
                             "search_documents"})
        tools.append({QString::fromLatin1(name), {}, nlohmann::json::object()});
    return tools;
}

} // namespace

class AgentCoreTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void conversationRoundTripsAndKnowsWhatIsUnresolved()
    {
        Conversation conversation;
        conversation.messages << Message::user(QStringLiteral("Buy 3 shares of ACME"))
                              << Message::toolCall(QStringLiteral("call_1"), QStringLiteral("buy_stock"),
                                                   {{"ticker", "ACME"}, {"qty", 3}});
        Message waiting;
        waiting.kind = Message::Kind::Interrupt;
        waiting.callId = QStringLiteral("call_1");
        waiting.toolName = QStringLiteral("buy_stock");
        waiting.text = QStringLiteral("Waiting for your approval");
        waiting.interrupt = {{"type", "ciba"}, {"auth_req_id", "abc"}};
        conversation.messages << waiting;

        const auto saved = nlohmann::json::parse(conversation.toJson().dump());
        const auto restored = Conversation::fromJson(saved);
        QVERIFY2(restored, qPrintable(restored ? QString() : restored.error().message));
        QCOMPARE(restored->messages.size(), 3);
        QCOMPARE(QString::fromStdString(restored->toJson().dump()),
                 QString::fromStdString(conversation.toJson().dump()));
        QCOMPARE(restored->unresolvedCalls().size(), 1);
        QVERIFY(restored->pendingInterrupt(QStringLiteral("call_1")));

        conversation.messages << Message::toolResult(QStringLiteral("call_1"), QStringLiteral("buy_stock"),
                                                     {{"id", "o-1"}}, false);
        QVERIFY(conversation.unresolvedCalls().isEmpty());
        QVERIFY(!conversation.pendingInterrupt(QStringLiteral("call_1")));
    }

    void theAgentsApprovalRequestsAreListedWithWhereTheyStand()
    {
        const auto request = [](const QString &callId, const char *binding) {
            Message waiting;
            waiting.kind = Message::Kind::Interrupt;
            waiting.callId = callId;
            waiting.toolName = QStringLiteral("buy_stock");
            waiting.interrupt = {{"type", "async_authorization"},
                                 {"auth_req_id", "r-" + callId.toStdString()},
                                 {"expires_at", "2026-12-04T10:05:00Z"},
                                 {"binding_message", binding}};
            return waiting;
        };
        const auto result = [](const QString &callId, nlohmann::json json, bool isError) {
            return Message::toolResult(callId, QStringLiteral("buy_stock"), std::move(json), isError);
        };
        Conversation conversation;
        Message device;
        device.kind = Message::Kind::Interrupt;
        device.callId = QStringLiteral("d");
        device.interrupt = {{"type", "device_authorization"}, {"user_code", "BCDF-GHJK"}};
        conversation.messages
            << request(QStringLiteral("a"), "Buy 1 ACME #1111")
            << result(QStringLiteral("a"), {{"id", "o-1"}}, false)
            << request(QStringLiteral("b"), "Buy 2 ACME #2222")
            << result(QStringLiteral("b"), {{"error", "You denied this."}, {"code", "access_denied"}}, true)
            << request(QStringLiteral("c"), "Buy 3 ACME #3333")
            << result(QStringLiteral("c"),
                      {{"error", "Nobody approved this in time."}, {"code", "expired_token"}}, true)
            << request(QStringLiteral("e"), "Buy 4 ACME #4444")
            << result(QStringLiteral("e"), {{"error", "Stopped by you."}}, true) << device
            << request(QStringLiteral("f"), "Buy 5 ACME #5555");

        const QList<AgentApproval> approvals = conversation.approvals();
        QCOMPARE(approvals.size(), 5); // the device code is no CIBA request
        QCOMPARE(approvals[0].bindingMessage, QStringLiteral("Buy 5 ACME #5555")); // newest first
        QCOMPARE(approvals[0].state, AgentApproval::State::Waiting);
        QCOMPARE(approvals[0].expiresAt, QDateTime(QDate(2026, 12, 4), QTime(10, 5), Qt::UTC));
        QCOMPARE(approvals[1].state, AgentApproval::State::Failed);
        QCOMPARE(approvals[1].problem, QStringLiteral("Stopped by you."));
        QCOMPARE(approvals[2].state, AgentApproval::State::Expired);
        QCOMPARE(approvals[3].state, AgentApproval::State::Denied);
        QCOMPARE(approvals[4].state, AgentApproval::State::Approved);

        // Asked again for the same call (after a restart, say): the newer request counts.
        conversation.messages << request(QStringLiteral("f"), "Buy 5 ACME #6666");
        QCOMPARE(conversation.approvals().size(), 5);
        QCOMPARE(conversation.approvals()[0].bindingMessage, QStringLiteral("Buy 5 ACME #6666"));
    }

    void aDamagedSaveIsRefusedByName()
    {
        auto json = nlohmann::json::parse(
            Conversation{{Message::toolCall(QStringLiteral("c"), QStringLiteral("t"), {})}}.toJson().dump());
        json["messages"][0]["kind"] = "shout";
        const auto broken = Conversation::fromJson(json);
        QVERIFY(!broken);
        QCOMPARE(broken.error().code, QString(agent::errors::conversationInvalid));
        QVERIFY(broken.error().message.contains(QStringLiteral("kind")));
        QVERIFY(!Conversation::fromJson(nlohmann::json::array()));
    }

    void argumentsAreValidatedAgainstTheSchema_data()
    {
        QTest::addColumn<QByteArray>("arguments");
        QTest::addColumn<QString>("problem"); // empty: valid
        QTest::addRow("valid") << J("{'ticker':'ACME','qty':3}") << QString();
        QTest::addRow("valid with a limit") << J("{'ticker':'ACME','qty':3,'limit_price':12.5}") << QString();
        QTest::addRow("a whole float is an integer") << J("{'ticker':'ACME','qty':3.0}") << QString();
        QTest::addRow("missing qty") << J("{'ticker':'ACME'}") << "is missing \"qty\"";
        QTest::addRow("qty as text") << J("{'ticker':'ACME','qty':'3'}") << "qty: must be of type integer";
        QTest::addRow("qty zero") << J("{'ticker':'ACME','qty':0}") << "qty: must be at least 1";
        QTest::addRow("qty fractional") << J("{'ticker':'ACME','qty':2.5}") << "qty: must be of type integer";
        QTest::addRow("lower-case ticker") << J("{'ticker':'acme','qty':1}") << "ticker: must match";
        QTest::addRow("negative limit")
            << J("{'ticker':'ACME','qty':1,'limit_price':-1}") << "limit_price: must be more than 0";
        QTest::addRow("an unknown parameter")
            << J("{'ticker':'ACME','qty':1,'token':'x'}") << "token: is not a known parameter";
        QTest::addRow("not an object") << QByteArray("[1]") << "must be of type object";
        // "$" alone would also match before a final line break.
        QTest::addRow("a ticker with a trailing newline")
            << J("{'ticker':'ACME\\n','qty':1}") << "ticker: must match";
    }

    void argumentsAreValidatedAgainstTheSchema()
    {
        QFETCH(QByteArray, arguments);
        QFETCH(QString, problem);
        const auto valid = validateArguments(kTradeSchema, nlohmann::json::parse(arguments.toStdString()));
        if (problem.isEmpty()) {
            QVERIFY2(valid, qPrintable(valid ? QString() : valid.error().message));
        } else {
            QVERIFY(!valid);
            QCOMPARE(valid.error().code, QString(agent::errors::invalidArguments));
            QVERIFY2(valid.error().message.contains(problem), qPrintable(valid.error().message));
        }
    }

    void everyToolPatternMatchesTheWholeValue_data()
    {
        QTest::addColumn<QString>("argument");
        QTest::addColumn<QByteArray>("value");
        QTest::addRow("ticker") << "ticker" << QByteArray("ACME\n");
        QTest::addRow("amount") << "amount" << QByteArray("25.00\n");
        QTest::addRow("currency") << "currency" << QByteArray("EUR\n");
    }

    void everyToolPatternMatchesTheWholeValue()
    {
        QFETCH(QString, argument);
        QFETCH(QByteArray, value);
        const bool trade = argument == u"ticker";
        const nlohmann::json schema =
            trade ? StockOrderTool(StockOrderTool::Action::Buy, nullptr, {}).spec().parameters
                  : PaymentTool(nullptr, {}).spec().parameters;
        nlohmann::json arguments =
            trade ? nlohmann::json{{"ticker", "ACME"}, {"qty", 1}}
                  : nlohmann::json{{"amount", "25.00"}, {"currency", "EUR"}, {"creditor", "Erika"}};
        QVERIFY(validateArguments(schema, arguments));
        arguments[argument.toStdString()] = value.toStdString();
        const auto valid = validateArguments(schema, arguments);
        QVERIFY(!valid);
        QVERIFY2(valid.error().message.contains(argument + QStringLiteral(": must match")),
                 qPrintable(valid.error().message));
    }

    void aSaveOfTheWrongTypeIsRefusedNotThrown()
    {
        QVERIFY(!Conversation::fromJson({{"version", "1"}, {"messages", nlohmann::json::array()}}));
        QVERIFY(!Conversation::fromJson({{"version", nullptr}, {"messages", nlohmann::json::array()}}));
        QVERIFY(Conversation::fromJson({{"version", 1}, {"messages", nlohmann::json::array()}}));
    }

    void approvalsReadResultsAndHandlesOfAnyType()
    {
        // A tool's result is whatever an API answered; a saved handle whatever the file holds.
        Conversation conversation;
        Message waiting;
        waiting.kind = Message::Kind::Interrupt;
        waiting.callId = QStringLiteral("a");
        waiting.interrupt = {{"type", "async_authorization"}, {"binding_message", 7}, {"expires_at", {1, 2}}};
        Message odd;
        odd.kind = Message::Kind::Interrupt;
        odd.callId = QStringLiteral("b");
        odd.interrupt = {{"type", 5}};
        conversation.messages << waiting << odd
                              << Message::toolResult(QStringLiteral("a"), QStringLiteral("buy_stock"),
                                                     {{"code", 5}, {"error", {{"nested", true}}}}, true);
        const QList<AgentApproval> approvals = conversation.approvals();
        QCOMPARE(approvals.size(), 1);
        QCOMPARE(approvals[0].state, AgentApproval::State::Failed);
        QVERIFY(approvals[0].bindingMessage.isEmpty());
        QVERIFY(!approvals[0].expiresAt.isValid());
        QVERIFY(approvals[0].problem.isEmpty());
    }

    void theDemoDescribesResultsOfAnyShape_data()
    {
        QTest::addColumn<QString>("tool");
        QTest::addColumn<QByteArray>("result");
        QTest::addRow("calendar: a list") << "check_calendar" << QByteArray("[1,2]");
        QTest::addRow("calendar: busy is text") << "check_calendar" << J("{'busy':'all day'}");
        QTest::addRow("calendar: slots of numbers") << "check_calendar" << J("{'busy':[1,{'start':5}]}");
        QTest::addRow("search: a string") << "search_documents" << QByteArray("\"none\"");
        QTest::addRow("search: documents is an object") << "search_documents" << J("{'documents':{'a':1}}");
        QTest::addRow("stock: a number") << "buy_stock" << QByteArray("42");
    }

    void theDemoDescribesResultsOfAnyShape()
    {
        QFETCH(QString, tool);
        QFETCH(QByteArray, result);
        DemoBackend backend;
        Conversation conversation;
        conversation.messages << Message::user(QStringLiteral("go"))
                              << Message::toolCall(QStringLiteral("call_1"), tool, nlohmann::json::object())
                              << Message::toolResult(QStringLiteral("call_1"), tool,
                                                     nlohmann::json::parse(result.toStdString()), false);
        const Turn turn = runTurn(backend, conversation, demoTools());
        QVERIFY(turn.finished);
        QVERIFY(!turn.text.isEmpty());
    }

    void theDemoUnderstandsItsRequests_data()
    {
        QTest::addColumn<QString>("request");
        QTest::addColumn<QString>("tool");
        QTest::addColumn<QByteArray>("arguments");
        QTest::addRow("buy") << "Buy 3 shares of ACME"
                             << "buy_stock" << J("{'qty':3,'ticker':'ACME'}");
        QTest::addRow("buy, lower case, no 'shares'") << "buy 10 globex."
                                                      << "buy_stock" << J("{'qty':10,'ticker':'GLOBEX'}");
        QTest::addRow("buy with a limit") << "Buy 5 shares of ACME at most 12.50"
                                          << "buy_stock" << J("{'limit_price':12.5,'qty':5,'ticker':'ACME'}");
        QTest::addRow("sell with a floor")
            << "Sell 2 shares of INITECH at least $9"
            << "sell_stock" << J("{'limit_price':9.0,'qty':2,'ticker':'INITECH'}");
        QTest::addRow("pay") << "Pay 25.50 eur to Erika Mustermann"
                             << "make_payment"
                             << J("{'amount':'25.50','creditor':'Erika Mustermann','currency':'EUR'}");
        QTest::addRow("calendar on a date") << "Check my calendar on 2026-12-01"
                                            << "check_calendar" << J("{'date':'2026-12-01'}");
        QTest::addRow("calendar tomorrow") << "check my calendar tomorrow"
                                           << "check_calendar" << J("{'date':'2026-11-24'}");
        QTest::addRow("data record") << "Fetch data record r-1001"
                                     << "fetch_data_record" << J("{'id':'r-1001'}");
        QTest::addRow("search") << "Search documents about the budget"
                                << "search_documents" << J("{'query':'the budget'}");
        QTest::addRow("read a document") << "Read document q3-plan"
                                         << "read_document" << J("{'id':'q3-plan'}");
        QTest::addRow("who am I") << "Who am I?"
                                  << "" << QByteArray("{}");
        QTest::addRow("not understood") << "Sing me a song"
                                        << "" << QByteArray("{}");
        QTest::addRow("no shares") << "Buy 0x41 shares of ACME"
                                   << "" << QByteArray("{}");
    }

    void theDemoUnderstandsItsRequests()
    {
        QFETCH(QString, request);
        QFETCH(QString, tool);
        QFETCH(QByteArray, arguments);
        const auto intent = DemoBackend::understand(request, QDate(2026, 11, 23));
        QCOMPARE(intent.tool, tool);
        QCOMPARE(QString::fromStdString(intent.arguments.dump()), QString::fromUtf8(arguments));
    }

    // What alice approves for a payment: RFC 9396's payment_initiation, and a binding message of
    // CIBA's characters only, at most 64, whatever the creditor's name holds.
    void aPaymentIsApprovedForExactlyItsArguments()
    {
        const nlohmann::json arguments{
            {"amount", "25.50"}, {"currency", "EUR"}, {"creditor", "Erika Mustermann"}};
        QCOMPARE(
            QString::fromStdString(PaymentTool::authorizationDetails(arguments).dump()),
            QString::fromUtf8(J("[{'creditorName':'Erika Mustermann','instructedAmount':{'amount':'25.50',"
                                "'currency':'EUR'},'type':'payment_initiation'}]")));
        const QRegularExpression allowed(QStringLiteral("^[A-Za-z0-9 +\\-_.,:#]{1,64}$"));
        const QString plain = PaymentTool::bindingMessage(arguments);
        QVERIFY2(plain.startsWith(QStringLiteral("Pay 25.50 EUR to Erika Mustermann #")), qPrintable(plain));
        QVERIFY2(allowed.match(plain).hasMatch(), qPrintable(plain));

        const QString hostile =
            PaymentTool::bindingMessage({{"amount", "1"},
                                         {"currency", "USD"},
                                         {"creditor", "<b>Ünal</b> & \"Sons\"\n" + std::string(70, 'x')}});
        QVERIFY2(allowed.match(hostile).hasMatch(), qPrintable(hostile));
        QVERIFY2(hostile.startsWith(QStringLiteral("Pay 1 USD to bnalb Sonsx")), qPrintable(hostile));
        QVERIFY(hostile.contains(QRegularExpression(QStringLiteral(" #[0-9]{4}$"))));
    }

    void theDemoCallsAnOfferedToolThenAnswersFromItsResult()
    {
        DemoBackend backend;
        Conversation conversation;
        conversation.messages << Message::user(QStringLiteral("Buy 3 shares of ACME"));
        const Turn first = runTurn(backend, conversation, demoTools());
        QVERIFY(first.finished);
        QCOMPARE(first.calls.size(), 1);
        const auto &[callId, tool, arguments] = first.calls.first();
        QCOMPARE(tool, QStringLiteral("buy_stock"));
        QCOMPARE(arguments.value("qty", 0), 3);

        conversation.messages << Message::toolCall(callId, tool, arguments)
                              << Message::toolResult(callId, tool,
                                                     {{"id", "o-7"},
                                                      {"ticker", "ACME"},
                                                      {"qty", 3},
                                                      {"price", 12.34},
                                                      {"currency", "USD"},
                                                      {"total", 37.02}},
                                                     false);
        const Turn second = runTurn(backend, conversation, demoTools());
        QVERIFY(second.calls.isEmpty());
        QVERIFY2(second.text.contains(QStringLiteral("bought 3 ACME shares")) &&
                     second.text.contains(QStringLiteral("o-7")),
                 qPrintable(second.text));
    }

    void theDemoSaysWhyItCannot()
    {
        DemoBackend backend;
        Conversation conversation;
        conversation.messages << Message::user(QStringLiteral("Fetch data record r-1001"));
        AgentProfile profile{QStringLiteral("Alice Adams"),
                             {QStringLiteral("buy and sell stock")},
                             {QStringLiteral("read your data records (not connected)")}};
        const Turn turn = runTurn(backend, conversation, {{QStringLiteral("buy_stock"), {}, {}}}, profile);
        QVERIFY(turn.calls.isEmpty());
        QVERIFY2(turn.text.contains(QStringLiteral("fetch_data_record")) &&
                     turn.text.contains(QStringLiteral("not connected")),
                 qPrintable(turn.text));

        conversation.messages << Message::user(QStringLiteral("What can I do?"));
        const Turn who = runTurn(backend, conversation, demoTools(), profile);
        QVERIFY2(who.text.contains(QStringLiteral("Alice Adams")) &&
                     who.text.contains(QStringLiteral("buy and sell stock")),
                 qPrintable(who.text));
    }

    void anErrorResultIsReportedAndCancelStopsATurn()
    {
        DemoBackend backend;
        Conversation conversation;
        conversation.messages << Message::user(QStringLiteral("Buy 3 shares of ACME"))
                              << Message::toolCall(QStringLiteral("call_1"), QStringLiteral("buy_stock"), {})
                              << Message::toolResult(QStringLiteral("call_1"), QStringLiteral("buy_stock"),
                                                     {{"error", "You denied the trade."}}, true);
        const Turn denied = runTurn(backend, conversation, demoTools());
        QVERIFY2(denied.text.contains(QStringLiteral("You denied the trade.")), qPrintable(denied.text));

        bool called = false;
        backend.respond(conversation, demoTools(), {},
                        {[&](const QString &) { called = true; }, [&](auto, auto, auto) { called = true; },
                         [&](Status) { called = true; }});
        backend.cancel();
        QTest::qWait(50);
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(AgentCoreTest)
#include "tst_agent_core.moc"
