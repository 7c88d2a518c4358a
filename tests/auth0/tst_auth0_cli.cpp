// countersign-cli with Auth0's flags (--domain, --client-id, --audience, --ca-file) against the
// sandbox in Auth0's dialect over https: the real binary, headless Chromium trusting only the
// tenant's CA as the browser, the real keyring of this test's private session. Sign-in, who is
// signed in, the inbox pointing at Guardian, a device code sent to /activate, the agent's CIBA
// purchase approved on the Guardian stand-in, sign-out.
#include "AgentMessages.h"
#include "Auth0Sandbox.h"
#include "Jwt.h"
#include "TestEnvironment.h"
#include "Wait.h"

#include "device/DeviceAuthorizationClient.h"
#include "net/TrustedCertificates.h"
#include "oauth/DiscoveryClient.h"

#include <QProcess>
#include <QTest>

using namespace countersign;

namespace {

using Run = test::ProcessRun;

} // namespace

class Auth0CliTest : public QObject
{
    Q_OBJECT

    test::Auth0Sandbox m_tenant;

    QStringList profile() const
    {
        return {QStringLiteral("--domain"),
                QStringLiteral("127.0.0.1:%1").arg(m_tenant.profile().issuer.port()),
                QStringLiteral("--client-id"),
                QStringLiteral("countersign-desktop"),
                QStringLiteral("--audience"),
                test::Auth0Sandbox::approvalsApi,
                QStringLiteral("--ca-file"),
                m_tenant.profile().caFile};
    }

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = test::cliEnvironment(QUrl());
        env.remove(QStringLiteral("COUNTERSIGN_ISSUER"));
        env.insert(QStringLiteral("COUNTERSIGN_BROWSER_CA"),
                   m_tenant.profile().caFile); // the browser's trust
        return env;
    }

    Run cli(const QStringList &arguments, int timeoutMs = 60000)
    {
        return test::runProcess(QStringLiteral(COUNTERSIGN_CLI_BINARY), arguments, environment(), timeoutMs);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(test::chromiumAvailable());
        QVERIFY2(m_tenant.start(), qPrintable(m_tenant.error()));
        QVERIFY(net::trustCaFile(m_tenant.profile().caFile)); // for the device below, in this process
    }

    void a_loginWithTheAuth0Flags()
    {
        const Run run = cli(profile() << QStringLiteral("login"));
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.out.contains("Signed in as Alice Adams <alice@example.com>"), run.out.constData());
    }

    // Auth0's issuer ends in a slash; with no flags the CLI uses the provider last used.
    void b_whoamiRemembersTheProfile()
    {
        const QByteArray expected =
            "{\"issuer\":\"" + m_tenant.profile().issuer.toString().toUtf8() +
            "\",\"sub\":\"alice\",\"name\":\"Alice Adams\",\"email\":\"alice@example.com\"}\n";
        const Run withFlags = cli(profile() << QStringLiteral("whoami") << QStringLiteral("--json"));
        QCOMPARE(withFlags.out, expected);
        const Run remembered = cli({QStringLiteral("whoami"), QStringLiteral("--json")});
        QVERIFY2(remembered.exitCode == 0, remembered.err.constData());
        QCOMPARE(remembered.out, expected);
    }

    void c_theInboxPointsAtGuardian()
    {
        const Run run = cli({QStringLiteral("inbox")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.contains("Auth0 Guardian"), run.err.constData());
    }

    // No approver API at Auth0: `device CODE` opens /activate?user_code=CODE in the browser, where
    // alice confirms, signs in and consents; the device's poll then gets its token.
    void d_aDeviceCodeOpensTheActivatePage()
    {
        net::HttpClient http(&m_tenant.network());
        oauth::DiscoveryClient discovery(&http);
        auto metadata = test::wait<oauth::ProviderMetadata>(
            [&](auto done) { discovery.discover(m_tenant.sandbox().issuer(), done); });
        QVERIFY(metadata);
        device::DeviceAuthorizationClient client(&http, metadata->deviceAuthorizationEndpoint,
                                                 metadata->tokenEndpoint, QStringLiteral("demo-device"));
        device::DeviceAuthorizationRequest request;
        request.scopes = {QStringLiteral("openid"), QStringLiteral("data:read")};
        auto code =
            test::wait<device::DeviceAuthorization>([&](auto done) { client.authorize(request, done); });
        QVERIFY(code);
        device::DevicePoll poll(&client, code.value());
        std::optional<oauth::PollOutcome> outcome;
        poll.start([&](const oauth::PollOutcome &o) { outcome = o; });

        const Run run = cli({QStringLiteral("device"), code->userCode});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.err.contains("open in your browser"), run.err.constData());
        QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 60000);
        QVERIFY2(outcome->kind == oauth::PollOutcome::Kind::Approved, qPrintable(outcome->error.message));
        QCOMPARE(test::jwtClaims(outcome->tokens.accessToken).value("sub", ""), std::string("alice"));
    }

    void e_theAgentsPurchaseWaitsForGuardian()
    {
        QProcess agent;
        agent.setProcessEnvironment(environment());
        agent.start(
            QStringLiteral(COUNTERSIGN_CLI_BINARY),
            {QStringLiteral("agent"), QStringLiteral("--json"), QStringLiteral("Buy 2 shares of ACME")});
        QByteArray out;
        const nlohmann::json interrupt = test::waitForInterrupt(agent, out);
        QVERIFY2(!interrupt.is_null(), (out + agent.readAllStandardError()).constData());
        QCOMPARE(interrupt.value("interrupt", ""), std::string("async_authorization"));
        const QString binding = QString::fromStdString(interrupt.value("binding_message", ""));
        QVERIFY2(binding.startsWith(u"Buy 2 ACME #"), qPrintable(binding));

        approvals::Approval seen;
        const QString error = m_tenant.guardianDecides(binding, approvals::Decision::Approve, &seen);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(agent.waitForFinished(30000));
        out += agent.readAllStandardOutput();
        QCOMPARE(agent.exitCode(), 0);
        const auto events = test::jsonLines(out);
        QVERIFY(!events.isEmpty());
        QCOMPARE(events.last().value("type", ""), std::string("final"));
        QVERIFY2(QString::fromStdString(events.last().value("text", "")).contains(u"bought 2 ACME"),
                 events.last().dump().c_str());
        QVERIFY(!out.contains("eyJ")); // no token, ever, in what the agent prints
    }

    void f_logout()
    {
        const Run logout = cli({QStringLiteral("logout")});
        QVERIFY2(logout.exitCode == 0, logout.err.constData());
        const Run whoami = cli({QStringLiteral("whoami")});
        QCOMPARE(whoami.exitCode, 1);
        QVERIFY(whoami.err.contains("Not signed in"));
    }
};

QTEST_GUILESS_MAIN(Auth0CliTest)
#include "tst_auth0_cli.moc"
