// Auth0's own agent SDK as the client, Countersign as the approver. tests/interop/
// async-authorization.mjs wraps a buy_stock tool with @auth0/ai-vercel's withAsyncAuthorization
// in block mode and calls it directly (no model): the SDK posts /bc-authorize in Auth0's form and
// polls /oauth/token. alice decides the request on the sandbox's Guardian stand-in with
// Countersign's approvals client and session (signed in with the Auth0 profile). Approved, the tool runs
// with a token carrying the approved authorization_details; denied, the SDK returns its
// AccessDeniedInterrupt.
#include "AgentMessages.h"
#include "Auth0Sandbox.h"
#include "TestEnvironment.h"

#include <nlohmann/json.hpp>

#include <QFileInfo>
#include <QProcess>
#include <QTest>

using namespace countersign;

namespace {

QString interopScript()
{
    return QStringLiteral(COUNTERSIGN_INTEROP_DIR "/async-authorization.mjs");
}

// One run of the SDK script: its JSON lines and how it ended.
struct SdkRun
{
    QList<nlohmann::json> events; // one per line of stdout
    QByteArray out;
    QByteArray err;
    int exitCode = -1;

    nlohmann::json result() const
    {
        for (const auto &event : events)
            if (event.is_object() && event.value("event", "") == "result")
                return event;
        return nlohmann::json::object();
    }
};

} // namespace

class Auth0InteropTest : public QObject
{
    Q_OBJECT

    test::Auth0Sandbox m_tenant;

    // Runs the SDK on "buy `quantity` ACME" with a binding message of the test's own, and lets
    // alice decide it in Guardian once the SDK has asked.
    SdkRun buyAcme(int quantity, const QString &bindingMessage, approvals::Decision decision,
                   approvals::Approval *seen, QString *problem)
    {
        QProcess sdk;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("NODE_EXTRA_CA_CERTS"), m_tenant.sandbox().caFile());
        sdk.setProcessEnvironment(environment);
        sdk.start(QStringLiteral("node"),
                  {interopScript(), QStringLiteral("--domain"),
                   QStringLiteral("127.0.0.1:%1").arg(m_tenant.sandbox().port()),
                   QStringLiteral("--client-id"), QStringLiteral("demo-agent"),
                   QStringLiteral("--client-secret"), QStringLiteral("demo-agent-secret"),
                   QStringLiteral("--user-id"), QStringLiteral("alice"), QStringLiteral("--audience"),
                   test::Auth0Sandbox::stockApi, QStringLiteral("--quantity"), QString::number(quantity),
                   QStringLiteral("--symbol"), QStringLiteral("ACME"), QStringLiteral("--binding-message"),
                   bindingMessage, QStringLiteral("--timeout-ms"), QStringLiteral("40000")});
        SdkRun run;
        if (!sdk.waitForStarted(5000)) {
            *problem = sdk.errorString();
            return run;
        }
        *problem = m_tenant.guardianDecides(bindingMessage, decision, seen);
        (void)QTest::qWaitFor([&] { return sdk.state() == QProcess::NotRunning; }, 50000);
        if (sdk.state() != QProcess::NotRunning) {
            sdk.kill();
            sdk.waitForFinished(2000);
        }
        run.exitCode = sdk.exitStatus() == QProcess::NormalExit ? sdk.exitCode() : -1;
        run.out = sdk.readAllStandardOutput();
        run.err = sdk.readAllStandardError();
        run.events = test::jsonLines(run.out);
        return run;
    }

    // What every run shares: Auth0's request form seen by alice, a well-behaved poller, no token
    // in the output.
    static void checkRun(const SdkRun &run, const approvals::Approval &seen, int quantity)
    {
        QCOMPARE(seen.clientId, QStringLiteral("demo-agent"));
        QCOMPARE(
            seen.authorizationDetails.dump(),
            nlohmann::json::array(
                {{{"type", "trade_authorization"}, {"action", "buy"}, {"ticker", "ACME"}, {"qty", quantity}}})
                .dump());
        QVERIFY2(seen.scopes.contains(QStringLiteral("stock:trade")), qPrintable(seen.scopes.join(u' ')));
        QVERIFY2(!run.out.contains("eyJ") && !run.err.contains("eyJ"), "the SDK run printed a token");

        // `interval` is in the bc-authorize answer, so the SDK waits between polls (without it,
        // it polls in a tight loop): every gap after the first poll is at least the 1 s interval.
        const nlohmann::json result = run.result();
        const auto gaps = result.value("poll_gaps_ms", nlohmann::json::array());
        QVERIFY2(!gaps.empty(), result.dump().c_str());
        qInfo().noquote() << "Auth0 SDK polled the token endpoint" << result.value("token_polls", 0)
                          << "times; gaps in ms:" << QString::fromStdString(gaps.dump()) << "answers:"
                          << QString::fromStdString(
                                 result.value("poll_answers", nlohmann::json::array()).dump());
        for (std::size_t i = 1; i < gaps.size(); ++i)
            QVERIFY2(gaps[i].get<int>() >= 950, result.dump().c_str());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(test::chromiumAvailable());
        QVERIFY2(QFileInfo::exists(QStringLiteral(COUNTERSIGN_INTEROP_DIR "/node_modules/@auth0/ai-vercel")),
                 "tests/interop has no node_modules: scripts/test runs npm ci there");
        QVERIFY2(m_tenant.start(), qPrintable(m_tenant.error()));
    }

    void approvedInCountersignTheToolRunsWithTheApprovedDetails()
    {
        approvals::Approval seen;
        QString problem;
        const SdkRun run =
            buyAcme(3, QStringLiteral("Interop: buy 3 ACME"), approvals::Decision::Approve, &seen, &problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY2(run.exitCode == 0, qPrintable(QString::fromUtf8(run.out + run.err)));
        QVERIFY(!run.events.isEmpty() && run.events.constFirst().is_object());
        QCOMPARE(run.events.constFirst().value("event", ""), std::string("started"));
        checkRun(run, seen, 3);

        // Read from the access token the SDK handed to the tool.
        const nlohmann::json result = run.result();
        QCOMPARE(result.value("outcome", ""), std::string("approved"));
        QCOMPARE(result.value("sub", ""), std::string("alice"));
        QCOMPARE(result.value("audience", nlohmann::json()).dump(),
                 nlohmann::json(test::Auth0Sandbox::stockApi.toStdString()).dump());
        QVERIFY2(result.value("scope", "").find("stock:trade") != std::string::npos, result.dump().c_str());
        QCOMPARE(result.value("authorization_details", nlohmann::json()).dump(),
                 nlohmann::json::array(
                     {{{"type", "trade_authorization"}, {"action", "buy"}, {"ticker", "ACME"}, {"qty", 3}}})
                     .dump());
        QCOMPARE(result["poll_answers"].back().get<std::string>(), std::string("tokens"));
    }

    void deniedInCountersignTheSdkReturnsAccessDenied()
    {
        approvals::Approval seen;
        QString problem;
        const SdkRun run =
            buyAcme(5, QStringLiteral("Interop: buy 5 ACME"), approvals::Decision::Deny, &seen, &problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY2(run.exitCode == 0, qPrintable(QString::fromUtf8(run.out + run.err)));
        checkRun(run, seen, 5);

        const nlohmann::json result = run.result();
        QCOMPARE(result.value("outcome", ""), std::string("denied"));
        QCOMPARE(result.value("error", ""), std::string("AccessDeniedInterrupt"));
        QCOMPARE(result.value("code", ""), std::string("ASYNC_AUTHORIZATION_ACCESS_DENIED"));
        QCOMPARE(result["poll_answers"].back().get<std::string>(), std::string("access_denied"));
    }
};

QTEST_GUILESS_MAIN(Auth0InteropTest)
#include "tst_auth0_interop.moc"
