// The app against the sandbox in Auth0's dialect (--flavor auth0) over https (--tls), as it would
// meet a real tenant: the Auth0 profile (domain, client ID, audience) and the sandbox's CA given
// as a CA file. alice signs in through the real login page (headless Chromium), the agent reads a
// data record with a device code completed on Auth0's /activate page, and buys stock with a CIBA
// request in Auth0's form (iss_sub login_hint, client_secret_post, audience), approved on the
// sandbox's Guardian stand-in: Auth0 itself has no API through which a desktop app approves.
#include "AgentMessages.h"
#include "Auth0Sandbox.h"
#include "Jwt.h"
#include "TestEnvironment.h"
#include "Wait.h"

#include "agent/AgentService.h"
#include "agent/AgentSession.h"
#include "approvals/ApprovalChannel.h"
#include "net/TrustedCertificates.h"
#include "oauth/DiscoveryClient.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace countersign;
using namespace countersign::agent;
using test::wait;

class Auth0SandboxTest : public QObject
{
    Q_OBJECT

    test::Auth0Sandbox m_tenant;
    test::Sandbox &m_sandbox = m_tenant.sandbox();
    QTemporaryDir m_storage;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(test::chromiumAvailable());
        QVERIFY2(m_tenant.start(), qPrintable(m_tenant.error()));
        QVERIFY2(QFile::exists(m_sandbox.caFile()), qPrintable(m_sandbox.caFile()));
    }

    // Runs before anything trusts the sandbox's CA (which is for the whole process, once added).
    void a_withoutTheCaFileTheProviderIsNotTrusted()
    {
        oauth::DiscoveryClient discovery(&m_tenant.http());
        auto metadata =
            wait<oauth::ProviderMetadata>([&](auto done) { discovery.discover(m_sandbox.issuer(), done); });
        QVERIFY(!metadata);
        QCOMPARE(metadata.error().code, QStringLiteral("network"));

        config::ProviderConfig provider = m_tenant.profile();
        provider.caFile = m_storage.filePath(QStringLiteral("missing.pem"));
        auto identity = wait<oauth::Identity>([&](auto done) { m_tenant.session().signIn(provider, done); });
        QVERIFY(!identity);
        QCOMPARE(identity.error().code, QStringLiteral("ca_file"));
        QVERIFY2(identity.error().message.contains(provider.caFile), qPrintable(identity.error().message));

        QFile notPem(m_storage.filePath(QStringLiteral("not.pem")));
        QVERIFY(notPem.open(QIODevice::WriteOnly));
        notPem.write("this is not a certificate\n");
        notPem.close();
        const auto trusted = net::trustCaFile(notPem.fileName());
        QVERIFY(!trusted);
        QCOMPARE(trusted.error().code, QStringLiteral("ca_file"));
    }

    void b_aliceSignsInWithTheAuth0Profile()
    {
        const QString error = m_tenant.signInAlice([](const QUrl &url) {
            // Auth0's /authorize path, its `audience`, never RFC 8707's `resource`.
            const QUrlQuery query(url);
            return url.path() == u"/authorize" &&
                   query.queryItemValue(QStringLiteral("audience"), QUrl::FullyDecoded) ==
                       test::Auth0Sandbox::approvalsApi &&
                   !query.hasQueryItem(QStringLiteral("resource"));
        });
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(m_tenant.session().identity().issuer,
                 m_sandbox.issuer().toString()); // https://127.0.0.1:PORT/, the slash kept

        // The sign-in's audience decides the session's access token: a JWT for that API.
        auto token = wait<QByteArray>([&](auto done) { m_tenant.session().accessToken(done); });
        QVERIFY(token);
        const nlohmann::json claims = test::jwtClaims(token.value());
        QCOMPARE(claims.value("aud", ""), test::Auth0Sandbox::approvalsApi.toStdString());
        QCOMPARE(claims.value("iss", ""), m_sandbox.issuer().toString().toStdString());
    }

    void c_theInboxSaysApprovalsArriveInGuardian()
    {
        approvals::ApprovalChannel channel(&m_tenant.session(), &m_tenant.network());
        auto connected =
            wait<approvals::ApprovalsClient *>([&](auto done) { channel.connectToProvider(done); });
        QVERIFY(!connected);
        QCOMPARE(connected.error().code, QStringLiteral("guardian"));
        QCOMPARE(channel.availability(), approvals::ApprovalChannel::Availability::Unavailable);
        QVERIFY(!channel.deviceApprover()); // device codes are entered on Auth0's /activate page
    }

    void d_theAgentReadsARecordWithACodeCompletedOnTheActivatePage()
    {
        AgentService service(&m_tenant.session(), nullptr, &m_tenant.network());
        service.setStorageDirectory(m_storage.filePath(QStringLiteral("agent")));
        service.followSession();
        QTRY_VERIFY_WITH_TIMEOUT(service.session() != nullptr, 10000);
        AgentSession &agent = *service.session();
        agent.send(QStringLiteral("Fetch data record r-1001"));
        QTRY_VERIFY_WITH_TIMEOUT(!agent.conversation().messages.isEmpty() &&
                                     agent.conversation().messages.last().kind == Message::Kind::Interrupt,
                                 20000);
        const Message *interrupt = test::lastOf(agent, Message::Kind::Interrupt);
        QCOMPARE(interrupt->interrupt.value("type", ""), std::string("device_authorization"));
        const QUrl page(QString::fromStdString(interrupt->interrupt.value("verification_uri_complete", "")));
        QCOMPARE(page.path(), QStringLiteral("/activate"));
        QCOMPARE(page.host(), QStringLiteral("127.0.0.1"));

        const test::BrowserOutcome browser =
            test::runBrowser(page, QStringLiteral("alice"), QStringLiteral("alice-demo"),
                             {QStringLiteral("--ca"), m_sandbox.caFile(), QStringLiteral("--activate")});
        QVERIFY2(browser.outcome == u"activated", qPrintable(browser.outcome + u' ' + browser.detail));
        QVERIFY2(service.session() == &agent, "the agent was rebuilt: did the app's session end?");
        QTRY_VERIFY_WITH_TIMEOUT(!agent.busy(), 20000);
        QVERIFY2(test::lastAnswer(agent).contains(QStringLiteral("Quarterly sales figures")),
                 qPrintable(test::lastAnswer(agent)));
    }

    void e_theAgentBuysStockOnceAliceApprovesInGuardian()
    {
        AgentService service(&m_tenant.session(), nullptr, &m_tenant.network());
        service.setStorageDirectory(m_storage.filePath(QStringLiteral("agent")));
        service.followSession();
        QTRY_VERIFY_WITH_TIMEOUT(service.session() != nullptr, 10000);
        AgentSession &agent = *service.session();
        agent.send(QStringLiteral("What can I do?"));
        QTRY_VERIFY_WITH_TIMEOUT(!agent.busy() && !test::lastAnswer(agent).isEmpty(), 10000);
        QVERIFY2(test::lastAnswer(agent).contains(QStringLiteral("in Auth0 Guardian")),
                 qPrintable(test::lastAnswer(agent)));

        agent.send(QStringLiteral("Buy 3 shares of ACME"));
        QTRY_VERIFY_WITH_TIMEOUT(agent.conversation().messages.last().kind == Message::Kind::Interrupt,
                                 20000);
        const Message *interrupt = test::lastOf(agent, Message::Kind::Interrupt);
        QCOMPARE(interrupt->interrupt.value("type", ""), std::string("async_authorization"));
        const QString binding = QString::fromStdString(interrupt->interrupt.value("binding_message", ""));
        // Auth0's rules: at most 64 of letters, digits, space and +-_.,:#
        QVERIFY2(
            QRegularExpression(QStringLiteral(R"(^[A-Za-z0-9 +\-_.,:#]{1,64}$)")).match(binding).hasMatch(),
            qPrintable(binding));

        // The request reached alice as Auth0 would route it: the iss_sub login_hint named her
        // (the flavour refuses any other form), with the trade's details.
        approvals::Approval seen;
        const QString error = m_tenant.guardianDecides(binding, approvals::Decision::Approve, &seen);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(service.session() == &agent, "the agent was rebuilt: did the app's session end?");
        QCOMPARE(seen.clientId, QStringLiteral("demo-agent"));
        QCOMPARE(seen.authorizationDetails.dump(),
                 nlohmann::json::array(
                     {{{"type", "trade_authorization"}, {"action", "buy"}, {"ticker", "ACME"}, {"qty", 3}}})
                     .dump());
        QTRY_VERIFY_WITH_TIMEOUT(!agent.busy(), 20000);
        QVERIFY2(test::lastAnswer(agent).contains(QStringLiteral("bought 3 ACME")),
                 qPrintable(test::lastAnswer(agent)));
    }

    void f_aDenialInGuardianBuysNothing()
    {
        AgentService service(&m_tenant.session(), nullptr, &m_tenant.network());
        service.setStorageDirectory(m_storage.filePath(QStringLiteral("agent")));
        service.followSession();
        QTRY_VERIFY_WITH_TIMEOUT(service.session() != nullptr, 10000);
        AgentSession &agent = *service.session();
        agent.send(QStringLiteral("Buy 7 shares of ACME"));
        QTRY_VERIFY_WITH_TIMEOUT(agent.conversation().messages.last().kind == Message::Kind::Interrupt,
                                 20000);
        const QString binding = QString::fromStdString(
            test::lastOf(agent, Message::Kind::Interrupt)->interrupt.value("binding_message", ""));
        approvals::Approval seen;
        const QString error = m_tenant.guardianDecides(binding, approvals::Decision::Deny, &seen);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(service.session() == &agent, "the agent was rebuilt: did the app's session end?");
        QTRY_VERIFY_WITH_TIMEOUT(!agent.busy(), 20000);
        QVERIFY2(test::lastAnswer(agent).contains(QStringLiteral("denied")),
                 qPrintable(test::lastAnswer(agent)));
        QVERIFY(!test::lastAnswer(agent).contains(QStringLiteral("bought")));
    }

    // Token Vault: the calendar tool exchanges the session's token at /oauth/token with Auth0's
    // federated connection grant for alice's Google token, and the tool runs with it.
    void fa_theCalendarComesThroughTokenVault()
    {
        AgentService service(&m_tenant.session(), nullptr, &m_tenant.network());
        service.setStorageDirectory(m_storage.filePath(QStringLiteral("agent")));
        service.followSession();
        QTRY_VERIFY_WITH_TIMEOUT(service.session() != nullptr, 10000);
        AgentSession &agent = *service.session();
        agent.send(QStringLiteral("Check my calendar on 2026-12-01"));
        QTRY_VERIFY_WITH_TIMEOUT(!agent.busy(), 20000);
        QVERIFY2(service.session() == &agent, "the agent was rebuilt: did the app's session end?");
        const Message *result = test::lastOf(agent, Message::Kind::ToolResult);
        QVERIFY(result);
        QCOMPARE(result->toolName, QStringLiteral("check_calendar"));
        QVERIFY2(!result->isError, result->result.dump().c_str());
        QCOMPARE(result->result.value("date", ""), std::string("2026-12-01"));
        QVERIFY(result->result.contains("busy"));
    }

    // Each agent asked the session for a documents token, which this sign-in (one audience, as at
    // Auth0) does not include. Those refusals must not have spent the refresh token: the session
    // still renews.
    void g_theSessionSurvivesRefusedRefreshes()
    {
        QCOMPARE(m_tenant.session().state(), session::SessionManager::State::SignedIn);
        auto renewed = wait<QByteArray>([&](auto done) {
            m_tenant.session().accessTokenFor(test::Auth0Sandbox::approvalsApi, true, done);
        });
        if (!renewed)
            QFAIL(qPrintable(renewed.error().message));
        const nlohmann::json claims = test::jwtClaims(renewed.value());
        QVERIFY2(claims.is_object(), "the renewed access token is not a JWT");
        QCOMPARE(claims.value("aud", ""), test::Auth0Sandbox::approvalsApi.toStdString());
    }
};

QTEST_GUILESS_MAIN(Auth0SandboxTest)
#include "tst_auth0_sandbox.moc"
