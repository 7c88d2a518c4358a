// countersign-cli inbox / approve / deny as a user runs them: the real binary signed in as alice
// at a real sandbox, and an agent (CibaClient as demo-agent) waiting for her decisions.
#include "Sandbox.h"
#include "TestEnvironment.h"
#include "Wait.h"

#include "ciba/CibaClient.h"
#include "ciba/CibaPoll.h"
#include "net/HttpClient.h"
#include "oauth/DiscoveryClient.h"

#include <QNetworkAccessManager>
#include <QProcess>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace countersign;

using Run = test::ProcessRun;

class CliInboxTest : public QObject
{
    Q_OBJECT

    test::Sandbox m_sandbox{{QStringLiteral("--ciba-interval"), QStringLiteral("1")}};
    QNetworkAccessManager m_network;
    net::HttpClient m_http{&m_network};
    std::unique_ptr<ciba::CibaClient> m_agent;

    QProcessEnvironment environment() const { return test::cliEnvironment(m_sandbox.issuer()); }

    Run cli(const QStringList &arguments)
    {
        return test::runProcess(QStringLiteral(COUNTERSIGN_CLI_BINARY), arguments, environment());
    }

    Result<ciba::Ticket>
    ask(const QString &message, std::optional<int> expiry = std::nullopt,
        nlohmann::json details = nlohmann::json::array(
            {{{"type", "trade_authorization"}, {"action", "buy"}, {"ticker", "ACME"}, {"qty", 3}}}),
        QStringList scopes = {QStringLiteral("openid"), QStringLiteral("stock:trade")})
    {
        ciba::AuthenticationRequest request;
        request.scopes = std::move(scopes);
        request.loginHint = QStringLiteral("alice@example.com");
        request.bindingMessage = message;
        request.authorizationDetails = std::move(details);
        request.requestedExpirySeconds = expiry;
        return test::wait<ciba::Ticket>([&](auto done) { m_agent->authorize(request, done); });
    }

    ciba::Outcome outcomeOf(const ciba::Ticket &ticket)
    {
        ciba::CibaPoll poll(m_agent.get(), ticket);
        std::optional<ciba::Outcome> outcome;
        poll.start([&](const ciba::Outcome &o) { outcome = o; });
        (void)QTest::qWaitFor([&] { return outcome.has_value(); }, 30000);
        return outcome.value_or(ciba::Outcome{});
    }

    // The request's id as `inbox --json` shows it.
    QString idOf(const QString &message)
    {
        const Run run = cli({QStringLiteral("inbox"), QStringLiteral("--json")});
        const auto list = nlohmann::json::parse(run.out.toStdString(), nullptr, false);
        if (!list.is_array())
            return {};
        for (const auto &item : list)
            if (item.value("binding_message", "") == message.toStdString())
                return QString::fromStdString(item.value("id", ""));
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!test::chromiumAvailable())
            QSKIP("Chromium is not installed (scripts/test installs it)");
        QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.error()));
        oauth::DiscoveryClient discovery(&m_http);
        auto metadata = test::wait<oauth::ProviderMetadata>(
            [&](auto done) { discovery.discover(m_sandbox.issuer(), done); });
        QVERIFY(metadata);
        m_agent = std::make_unique<ciba::CibaClient>(
            &m_http, metadata->backchannelAuthenticationEndpoint, metadata->tokenEndpoint,
            ciba::ClientCredentials{QStringLiteral("demo-agent"), "demo-agent-secret", {}});
        const Run login = cli({QStringLiteral("login")});
        QVERIFY2(login.exitCode == 0, login.err.constData());
    }

    void a_inboxJsonListsTheRequestWithTheChannelsFields()
    {
        QVERIFY(ask(QStringLiteral("Buy 3 ACME #J1")));
        const Run run = cli({QStringLiteral("inbox"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const auto list = nlohmann::ordered_json::parse(run.out.toStdString());
        QVERIFY(list.is_array());
        QCOMPARE(list.size(), std::size_t(1));
        QStringList keys;
        for (auto it = list[0].begin(); it != list[0].end(); ++it)
            keys << QString::fromStdString(it.key());
        QCOMPARE(keys, (QStringList{"id", "client_id", "client_name", "binding_message", "scope",
                                    "authorization_details", "created_at", "expires_at", "status"}));
        QCOMPARE(list[0]["client_id"].get<std::string>(), std::string("demo-agent"));
        QCOMPARE(list[0]["binding_message"].get<std::string>(), std::string("Buy 3 ACME #J1"));
        QCOMPARE(list[0]["status"].get<std::string>(), std::string("pending"));
        QCOMPARE(list[0]["authorization_details"][0]["ticker"].get<std::string>(), std::string("ACME"));
    }

    void b_inboxPlainIsReadable()
    {
        const Run run = cli({QStringLiteral("inbox")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.out.contains("Demo Agent"), run.out.constData());
        QVERIFY2(run.out.contains("Message: Buy 3 ACME #J1"), run.out.constData());
        QVERIFY2(run.out.contains("Details: Buy 3 ACME"), run.out.constData());
    }

    void c_approveLetsTheAgentHaveItsTokens()
    {
        auto ticket = ask(QStringLiteral("Buy 3 ACME #J2"));
        QVERIFY(ticket);
        const QString id = idOf(QStringLiteral("Buy 3 ACME #J2"));
        QVERIFY(!id.isEmpty());
        const Run run = cli({QStringLiteral("approve"), id});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const ciba::Outcome outcome = outcomeOf(ticket.value());
        QCOMPARE(int(outcome.kind), int(ciba::Outcome::Kind::Approved));
        QCOMPARE(QString::fromStdString(outcome.tokens.authorizationDetails[0]["ticker"].get<std::string>()),
                 QStringLiteral("ACME"));
    }

    void d_denyWithAReasonTellsTheAgentNoAndAConflictingDecisionFails()
    {
        auto ticket = ask(QStringLiteral("Buy 3 ACME #J3"));
        QVERIFY(ticket);
        const QString id = idOf(QStringLiteral("Buy 3 ACME #J3"));
        const Run deny =
            cli({QStringLiteral("deny"), id, QStringLiteral("--reason"), QStringLiteral("Not today")});
        QVERIFY2(deny.exitCode == 0, deny.err.constData());
        const ciba::Outcome outcome = outcomeOf(ticket.value());
        QCOMPARE(int(outcome.kind), int(ciba::Outcome::Kind::Denied));

        const Run conflict = cli({QStringLiteral("approve"), id});
        QCOMPARE(conflict.exitCode, 1);
        QVERIFY2(conflict.err.contains("already decided the other way"), conflict.err.constData());
        const Run again = cli({QStringLiteral("deny"), id});
        QCOMPARE(again.exitCode, 0); // the same decision twice is fine
    }

    void e_unknownAndExpiredRequestsFailWithAReason()
    {
        const Run unknown = cli({QStringLiteral("approve"), QStringLiteral("no-such-request")});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY2(unknown.err.contains("does not exist"), unknown.err.constData());
        // An ID may start with '-' (base64url): it is still the ID, not a bundle of options.
        const Run dashed = cli({QStringLiteral("deny"), QStringLiteral("-F5Xe76mfFMg"),
                                QStringLiteral("--reason"), QStringLiteral("-no")});
        QCOMPARE(dashed.exitCode, 1);
        QVERIFY2(dashed.err.contains("does not exist"), dashed.err.constData());

        QVERIFY(ask(QStringLiteral("Buy 3 ACME #J4"), 1));
        const QString id = idOf(QStringLiteral("Buy 3 ACME #J4"));
        QVERIFY(!id.isEmpty());
        QTest::qWait(2000);
        const Run late = cli({QStringLiteral("approve"), id});
        QCOMPARE(late.exitCode, 1);
        QVERIFY2(late.err.contains("expired"), late.err.constData());
    }

    void f_watchPrintsOneJsonLinePerEvent()
    {
        QProcess watch;
        watch.setProcessEnvironment(environment());
        watch.start(QStringLiteral(COUNTERSIGN_CLI_BINARY),
                    {QStringLiteral("inbox"), QStringLiteral("--watch")});
        QByteArray err;
        QTRY_VERIFY_WITH_TIMEOUT((err += watch.readAllStandardError()).contains("Watching"), 20000);
        QVERIFY(ask(QStringLiteral("Buy 3 ACME #W1")));
        QByteArray out;
        QTRY_VERIFY_WITH_TIMEOUT((out += watch.readAllStandardOutput()).contains('\n'), 10000);
        watch.kill();
        watch.waitForFinished();
        const QList<QByteArray> lines = out.trimmed().split('\n');
        QCOMPARE(lines.size(), 1);
        const auto event = nlohmann::ordered_json::parse(lines[0].toStdString());
        QCOMPARE(event.begin().key(), std::string("event"));
        QCOMPARE(event["event"].get<std::string>(), std::string("approval.created"));
        QVERIFY(!event["event_id"].get<std::string>().empty());
        QCOMPARE(event["binding_message"].get<std::string>(), std::string("Buy 3 ACME #W1"));
        QCOMPARE(event["status"].get<std::string>(), std::string("pending"));
    }

    void g_usageErrorsExitWithTwo()
    {
        QCOMPARE(cli({QStringLiteral("approve")}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("inbox"), QStringLiteral("--reason"), QStringLiteral("x")}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("whoami"), QStringLiteral("--watch")}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("deny"), QStringLiteral("a"), QStringLiteral("b")}).exitCode, 2);
    }

    // The sandbox lets any text through in a creditor name (up to 140 characters). In JSON, the
    // control characters, C1 controls and bidi overrides in it are \u escapes: scripts read the same
    // value, and a terminal showing the output gets nothing it would act on. The plain list shows
    // them as visible markers.
    void h_invisibleAndControlCharactersNeverReachTheTerminal()
    {
        const std::string creditor = "\x1b]0;pwned\x07\xc2\x9b"
                                     "31m\xe2\x80\xae"
                                     "gnp.exe\x7f";
        const auto payment =
            nlohmann::json::array({{{"type", "payment_initiation"},
                                    {"instructedAmount", {{"amount", "12.50"}, {"currency", "EUR"}}},
                                    {"creditorName", creditor},
                                    {"creditorAccount", {{"iban", "DE89370400440532013000"}}}}});
        const auto asked =
            ask(QStringLiteral("Pay 12.50 EUR #H1"), std::nullopt, payment, {QStringLiteral("openid")});
        QVERIFY2(asked, qPrintable(asked ? QString() : asked.error().message));

        const Run json = cli({QStringLiteral("inbox"), QStringLiteral("--json")});
        QVERIFY2(json.exitCode == 0, json.err.constData());
        for (const char *raw : {"\x1b", "\x07", "\x7f", "\xc2\x9b", "\xe2\x80\xae"})
            QVERIFY2(!json.out.contains(raw), json.out.constData());
        QVERIFY2(json.out.contains("\\u009b31m\\u202egnp.exe\\u007f"), json.out.constData());
        const auto list = nlohmann::json::parse(json.out.toStdString());
        bool found = false;
        for (const auto &item : list)
            if (item.value("binding_message", "") == "Pay 12.50 EUR #H1") {
                QCOMPARE(item["authorization_details"][0].value("creditorName", ""), creditor);
                found = true;
            }
        QVERIFY(found);

        const Run plain = cli({QStringLiteral("inbox")});
        QVERIFY2(plain.exitCode == 0, plain.err.constData());
        for (const char *raw : {"\x1b", "\x07", "\x7f", "\xc2\x9b", "\xe2\x80\xae"})
            QVERIFY2(!plain.out.contains(raw), plain.out.constData());
        QVERIFY2(QString::fromUtf8(plain.out).contains(
                     QStringLiteral("⟨U+001B⟩]0;pwned⟨U+0007⟩⟨U+009B⟩31m⟨U+202E⟩gnp.exe")),
                 plain.out.constData());
    }
};

QTEST_GUILESS_MAIN(CliInboxTest)
#include "tst_cli_inbox.moc"
