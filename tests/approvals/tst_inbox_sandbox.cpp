// The approval inbox end to end against the sandbox: an agent (CibaClient as the confidential
// client demo-agent) asks for alice's approval; the request shows up in alice's live inbox model;
// her decision reaches the agent's poll. Real HTTP, real SSE, real keychain, real login form.
#include "Jwt.h"
#include "Sandbox.h"
#include "SignedInSession.h"
#include "TcpProxy.h"
#include "TestEnvironment.h"
#include "Wait.h"

#include "CibaPingReceiver.h"
#include "approvals/ApprovalChannel.h"
#include "approvals/ApprovalInbox.h"
#include "approvals/InboxModel.h"
#include "ciba/CibaClient.h"
#include "ciba/CibaPoll.h"
#include "net/HttpClient.h"
#include "oauth/AuthorizationCodeFlow.h"
#include "oauth/DiscoveryClient.h"
#include "oauth/JwksCache.h"
#include "oauth/TokenClient.h"
#include "session/SessionManager.h"

#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

using namespace countersign;
using namespace std::chrono_literals;
using test::jwtClaims;
using test::wait;

namespace {

const QString kStockApi = QStringLiteral("https://api.sandbox.countersign.dev/stock");

nlohmann::json trade(int qty)
{
    return nlohmann::json::array({{{"type", "trade_authorization"},
                                   {"action", "buy"},
                                   {"ticker", "ACME"},
                                   {"qty", qty},
                                   {"limit_price", 120.5},
                                   {"currency", "USD"}}});
}

QString text(const nlohmann::json &json)
{
    return QString::fromStdString(json.dump());
}

} // namespace

class InboxSandboxTest : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_network;
    test::CibaPingReceiver m_pings;
    std::unique_ptr<test::Sandbox> m_sandbox;
    std::unique_ptr<test::SignedInSession> m_alice;
    QByteArray m_bobToken; // bob's approvals token (the app holds one session at a time: alice's)
    QList<QProcess *> m_browsers;
    net::HttpClient *m_http = nullptr;
    oauth::ProviderMetadata m_metadata;

    std::unique_ptr<ciba::CibaClient>
    agent(const QString &clientId = QStringLiteral("demo-agent"),
          const QByteArray &secret = "demo-agent-secret",
          ciba::ClientCredentials::Method method = ciba::ClientCredentials::Method::ClientSecretBasic)
    {
        return std::make_unique<ciba::CibaClient>(m_http, m_metadata.backchannelAuthenticationEndpoint,
                                                  m_metadata.tokenEndpoint,
                                                  ciba::ClientCredentials{clientId, secret, method});
    }

    Result<ciba::Ticket> ask(ciba::CibaClient &client, const QString &message, int qty = 3,
                             std::optional<int> expiry = std::nullopt, const QByteArray &pingToken = {})
    {
        ciba::AuthenticationRequest request;
        request.scopes = {QStringLiteral("openid"), QStringLiteral("stock:trade")};
        request.loginHint = ciba::LoginHint::plain(QStringLiteral("alice"));
        request.bindingMessage = message;
        request.authorizationDetails = trade(qty);
        request.requestedExpirySeconds = expiry;
        request.clientNotificationToken = pingToken;
        return wait<ciba::Ticket>([&](auto done) { client.authorize(request, done); });
    }

    static ciba::Outcome outcomeOf(ciba::CibaPoll &poll, int timeoutMs = 30000, bool periodic = true)
    {
        std::optional<ciba::Outcome> outcome;
        poll.start([&](const ciba::Outcome &o) { outcome = o; }, periodic);
        (void)QTest::qWaitFor([&] { return outcome.has_value(); }, timeoutMs);
        return outcome.value_or(
            ciba::Outcome{ciba::Outcome::Kind::Failed, {}, {QStringLiteral("test_timeout"), {}}});
    }

    // Signs bob in with the code flow alone (no keychain, no SessionManager) and trades his
    // refresh token for an approvals token, as SessionManager would.
    QString signInBob()
    {
        oauth::TokenClient tokens(m_http, m_metadata, QStringLiteral("countersign-desktop"));
        oauth::JwksCache keys(m_http, m_metadata.jwksUri);
        config::ProviderConfig provider;
        provider.issuer = m_sandbox->issuer();
        provider.scopes << QStringLiteral("approvals");
        oauth::AuthorizationCodeFlow flow(&tokens, &keys, provider);
        flow.setExtraParameters({{QStringLiteral("resource"), m_metadata.approvalsResource}});
        flow.setBrowserOpener([this](const QUrl &url) {
            m_browsers << test::startBrowser(url, QStringLiteral("bob"), QStringLiteral("bob-demo"), {},
                                             this);
            return true;
        });
        auto signedIn = wait<oauth::SignInResult>([&](auto done) { flow.start(done); }, 60000);
        if (!signedIn)
            return signedIn.error().message;
        auto approvalsTokens = wait<oauth::TokenSet>([&](auto done) {
            tokens.refresh(signedIn->tokens.refreshToken, done, m_metadata.approvalsResource);
        });
        if (!approvalsTokens)
            return approvalsTokens.error().message;
        m_bobToken = approvalsTokens->accessToken;
        return {};
    }

    approvals::TokenSource aliceTokens()
    {
        return [manager = &m_alice->manager(),
                resource = m_metadata.approvalsResource](bool renew, Callback<QByteArray> done) {
            manager->accessTokenFor(resource, renew, std::move(done));
        };
    }

    approvals::TokenSource bobTokens()
    {
        return [this](bool, Callback<QByteArray> done) { done(m_bobToken); };
    }

    // A live inbox with `tokens` (through `proxy` when given).
    std::unique_ptr<approvals::ApprovalInbox> inboxFor(approvals::TokenSource tokens,
                                                       approvals::ApprovalsClient **clientOut,
                                                       test::TcpProxy *proxy = nullptr)
    {
        auto *client = new approvals::ApprovalsClient(
            m_http, proxy ? proxy->via(m_metadata.approvalsEndpoint) : m_metadata.approvalsEndpoint, tokens,
            this);
        if (clientOut)
            *clientOut = client;
        auto inbox = std::make_unique<approvals::ApprovalInbox>(client, &m_network);
        inbox->setBackoff(100ms, 1s);
        inbox->start();
        return inbox;
    }

    static int countOf(const approvals::ApprovalInbox &inbox, const QString &bindingMessage)
    {
        return static_cast<int>(
            std::count_if(inbox.approvals().cbegin(), inbox.approvals().cend(),
                          [&](const approvals::Approval &a) { return a.bindingMessage == bindingMessage; }));
    }

    static QString idOf(const approvals::ApprovalInbox &inbox, const QString &bindingMessage)
    {
        for (const auto &approval : inbox.approvals())
            if (approval.bindingMessage == bindingMessage)
                return approval.id;
        return {};
    }

private Q_SLOTS:
    void cleanupTestCase()
    {
        for (QProcess *browser : std::as_const(m_browsers))
            browser->kill();
    }

    void initTestCase()
    {
        QVERIFY(test::chromiumAvailable());
        QVERIFY(m_pings.listen());
        m_sandbox = std::make_unique<test::Sandbox>(
            QStringList{QStringLiteral("--ciba-interval"), QStringLiteral("1"),
                        QStringLiteral("--ciba-ping-url"), m_pings.endpoint().toString()});
        QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->error()));
        m_http = new net::HttpClient(&m_network, this);
        oauth::DiscoveryClient discovery(m_http);
        auto metadata =
            wait<oauth::ProviderMetadata>([&](auto done) { discovery.discover(m_sandbox->issuer(), done); });
        QVERIFY2(metadata, qPrintable(metadata ? QString() : metadata.error().message));
        m_metadata = metadata.value();
        QVERIFY(m_metadata.hasApprovalChannel());
        QVERIFY(!m_metadata.backchannelAuthenticationEndpoint.isEmpty());

        m_alice = std::make_unique<test::SignedInSession>(&m_network);
        const QString aliceError =
            m_alice->signIn(m_sandbox->issuer(), QStringLiteral("alice"), QStringLiteral("alice-demo"));
        QVERIFY2(aliceError.isEmpty(), qPrintable(aliceError));
        const QString bobError = signInBob();
        QVERIFY2(bobError.isEmpty(), qPrintable(bobError));
    }

    void requestAppearsInTheInboxModelAndApprovalGivesTheAgentTheDetails()
    {
        approvals::ApprovalChannel channel(&m_alice->manager(), &m_network);
        approvals::InboxModel model;
        connect(&channel, &approvals::ApprovalChannel::inboxChanged, &model,
                [&] { model.setInbox(channel.inbox()); });
        channel.followSession();
        QTRY_VERIFY_WITH_TIMEOUT(channel.inbox() && channel.inbox()->connection() ==
                                                        approvals::ApprovalInbox::Connection::Live,
                                 20000);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

        auto client = agent();
        auto ticket = ask(*client, QStringLiteral("Buy 3 ACME #A1"));
        QVERIFY2(ticket, qPrintable(ticket ? QString() : ticket.error().message));
        QCOMPARE(ticket->interval.count(), 1);
        QTRY_VERIFY2_WITH_TIMEOUT(inserted.size() == 1,
                                  qPrintable(QStringLiteral("rows %1, inbox %2, model inbox %3")
                                                 .arg(model.rowCount())
                                                 .arg(channel.inbox()->approvals().size())
                                                 .arg(model.inbox() != nullptr)),
                                  10000);
        const QModelIndex row = model.index(0);
        QCOMPARE(row.data(approvals::InboxModel::BindingMessageRole).toString(),
                 QStringLiteral("Buy 3 ACME #A1"));
        QCOMPARE(row.data(approvals::InboxModel::ClientNameRole).toString(), QStringLiteral("Demo Agent"));
        QCOMPARE(row.data(approvals::InboxModel::StatusRole).toString(), QStringLiteral("pending"));
        QVERIFY(row.data(approvals::InboxModel::SummaryRole).toString().contains(QStringLiteral("ACME")));
        QCOMPARE(model.pendingCount(), 1);

        const QString id = row.data(approvals::InboxModel::IdRole).toString();
        auto decided = wait<approvals::Approval>(
            [&](auto done) { model.decide(id, approvals::Decision::Approve, {}, done); });
        QVERIFY2(decided, qPrintable(decided ? QString() : decided.error().message));
        QCOMPARE(decided->status, approvals::Approval::Status::Approved);
        QCOMPARE(model.pendingCount(), 0);

        ciba::CibaPoll poll(client.get(), ticket.value());
        const ciba::Outcome outcome = outcomeOf(poll);
        QCOMPARE(int(outcome.kind), int(ciba::Outcome::Kind::Approved));
        QCOMPARE(text(outcome.tokens.authorizationDetails), text(trade(3)));
        const nlohmann::json claims = jwtClaims(outcome.tokens.accessToken);
        QCOMPARE(claims.value("sub", ""), std::string("alice"));
        QCOMPARE(claims.value("aud", nlohmann::json()).dump(),
                 nlohmann::json(kStockApi.toStdString()).dump());
        QCOMPARE(text(claims.value("authorization_details", nlohmann::json())), text(trade(3)));
    }

    void denialReachesTheAgentAsAccessDenied()
    {
        approvals::ApprovalsClient *client = nullptr;
        auto inbox = inboxFor(aliceTokens(), &client);
        auto cibaClient = agent(QStringLiteral("demo-agent"), "demo-agent-secret",
                                ciba::ClientCredentials::Method::ClientSecretPost);
        auto ticket = ask(*cibaClient, QStringLiteral("Buy 9 ACME #D1"), 9);
        QVERIFY(ticket);
        QTRY_VERIFY_WITH_TIMEOUT(!idOf(*inbox, QStringLiteral("Buy 9 ACME #D1")).isEmpty(), 10000);
        const QString id = idOf(*inbox, QStringLiteral("Buy 9 ACME #D1"));
        auto denied = wait<approvals::Approval>([&](auto done) {
            inbox->decide(id, approvals::Decision::Deny, QStringLiteral("Too expensive"), done);
        });
        QVERIFY(denied);
        QCOMPARE(denied->status, approvals::Approval::Status::Denied);
        QCOMPARE(denied->reason, QStringLiteral("Too expensive"));

        ciba::CibaPoll poll(cibaClient.get(), ticket.value());
        const ciba::Outcome outcome = outcomeOf(poll);
        QCOMPARE(int(outcome.kind), int(ciba::Outcome::Kind::Denied));
        QCOMPARE(outcome.error.code, QStringLiteral("access_denied"));

        // The same decision again is fine; the other one is a conflict.
        auto again = wait<approvals::Approval>(
            [&](auto done) { client->decide(id, approvals::Decision::Deny, {}, done); });
        QVERIFY(again);
        auto conflict = wait<approvals::Approval>(
            [&](auto done) { client->decide(id, approvals::Decision::Approve, {}, done); });
        QVERIFY(!conflict);
        QCOMPARE(conflict.error().code, QStringLiteral("conflict"));
    }

    void expiredRequestIsMarkedExpiredEverywhere()
    {
        approvals::ApprovalsClient *client = nullptr;
        auto inbox = inboxFor(aliceTokens(), &client);
        auto cibaClient = agent();
        auto ticket = ask(*cibaClient, QStringLiteral("Buy 1 ACME #E1"), 1, 2);
        QVERIFY(ticket);
        QTRY_VERIFY_WITH_TIMEOUT(!idOf(*inbox, QStringLiteral("Buy 1 ACME #E1")).isEmpty(), 10000);
        const QString id = idOf(*inbox, QStringLiteral("Buy 1 ACME #E1"));
        QTRY_VERIFY_WITH_TIMEOUT(inbox->find(id)->status == approvals::Approval::Status::Expired, 10000);

        ciba::CibaPoll poll(cibaClient.get(), ticket.value());
        const ciba::Outcome outcome = outcomeOf(poll);
        QCOMPARE(int(outcome.kind), int(ciba::Outcome::Kind::Expired));
        auto late = wait<approvals::Approval>(
            [&](auto done) { client->decide(id, approvals::Decision::Approve, {}, done); });
        QVERIFY(!late);
        QCOMPARE(late.error().code, QStringLiteral("expired"));
    }

    void pollingFasterThanTheIntervalSlowsTheAgentDown()
    {
        auto cibaClient = agent();
        auto ticket = ask(*cibaClient, QStringLiteral("Buy 2 ACME #S1"), 2);
        QVERIFY(ticket);
        auto first =
            wait<oauth::TokenSet>([&](auto done) { cibaClient->requestToken(ticket->authReqId, done); });
        QVERIFY(!first);
        QCOMPARE(first.error().code, QStringLiteral("slow_down")); // asked at once, before the interval
        ciba::CibaPoll poll(cibaClient.get(), ticket.value());
        std::optional<ciba::Outcome> outcome;
        poll.start([&](const ciba::Outcome &o) { outcome = o; });
        poll.pollNow(); // too early again
        QTRY_COMPARE_WITH_TIMEOUT(poll.interval().count(), 6, 5000);
        poll.cancel();
        QVERIFY(!outcome);
    }

    void bobNeverSeesOrDecidesAlicesRequests()
    {
        approvals::ApprovalsClient *aliceClient = nullptr;
        auto aliceInbox = inboxFor(aliceTokens(), &aliceClient);
        approvals::ApprovalsClient *bobClient = nullptr;
        auto bobInbox = inboxFor(bobTokens(), &bobClient);
        QTRY_VERIFY_WITH_TIMEOUT(bobInbox->connection() == approvals::ApprovalInbox::Connection::Live, 10000);
        auto cibaClient = agent();
        QVERIFY(ask(*cibaClient, QStringLiteral("Buy 4 ACME #B1"), 4));
        QTRY_VERIFY_WITH_TIMEOUT(!idOf(*aliceInbox, QStringLiteral("Buy 4 ACME #B1")).isEmpty(), 10000);
        const QString id = idOf(*aliceInbox, QStringLiteral("Buy 4 ACME #B1"));
        QTest::qWait(300);
        QVERIFY(!bobInbox->find(id));
        auto list = wait<approvals::ApprovalList>([&](auto done) { bobClient->list(done); });
        QVERIFY(list);
        for (const auto &approval : list->approvals)
            QVERIFY(approval.id != id);
        auto decision = wait<approvals::Approval>(
            [&](auto done) { bobClient->decide(id, approvals::Decision::Approve, {}, done); });
        QVERIFY(!decision);
        QCOMPARE(decision.error().code, QStringLiteral("not_found"));
        QVERIFY(aliceInbox->find(id)->isPending());
    }

    void droppedStreamLosesAndDuplicatesNothing()
    {
        test::TcpProxy proxy(m_sandbox->port());
        QVERIFY(proxy.start());
        auto inbox = inboxFor(aliceTokens(), nullptr, &proxy);
        QTRY_VERIFY_WITH_TIMEOUT(inbox->connection() == approvals::ApprovalInbox::Connection::Live, 10000);
        auto cibaClient = agent();
        QVERIFY(ask(*cibaClient, QStringLiteral("Buy 5 ACME #R1"), 5));
        QTRY_COMPARE_WITH_TIMEOUT(countOf(*inbox, QStringLiteral("Buy 5 ACME #R1")), 1, 10000);

        // Cut the stream; while it is down, requests arrive. The reconnect replays exactly those.
        proxy.dropAll();
        QVERIFY(ask(*cibaClient, QStringLiteral("Buy 6 ACME #R2"), 6));
        QVERIFY(ask(*cibaClient, QStringLiteral("Buy 7 ACME #R3"), 7));
        QTRY_COMPARE_WITH_TIMEOUT(countOf(*inbox, QStringLiteral("Buy 7 ACME #R3")), 1, 15000);
        QCOMPARE(countOf(*inbox, QStringLiteral("Buy 6 ACME #R2")), 1);
        QCOMPARE(countOf(*inbox, QStringLiteral("Buy 5 ACME #R1")), 1);
        QTRY_VERIFY(inbox->connection() == approvals::ApprovalInbox::Connection::Live);
        QTest::qWait(500);
        QCOMPARE(countOf(*inbox, QStringLiteral("Buy 6 ACME #R2")), 1);
    }

    void pingClientHearsOfTheDecisionAtOnce()
    {
        auto inbox = inboxFor(aliceTokens(), nullptr);
        auto pingClient = agent(QStringLiteral("demo-agent-ping"), "demo-agent-ping-secret");
        const QByteArray notificationToken = test::CibaPingReceiver::newNotificationToken();
        auto ticket = ask(*pingClient, QStringLiteral("Buy 8 ACME #P1"), 8, std::nullopt, notificationToken);
        QVERIFY2(ticket, qPrintable(ticket ? QString() : ticket.error().message));
        m_pings.expect(ticket->authReqId, notificationToken);
        ciba::CibaPoll poll(pingClient.get(), ticket.value());
        connect(&m_pings, &test::CibaPingReceiver::pinged, &poll, [&](const QString &authReqId) {
            if (authReqId == ticket->authReqId)
                poll.pollNow();
        });
        std::optional<ciba::Outcome> outcome;
        poll.start([&](const ciba::Outcome &o) { outcome = o; }, false);
        QTRY_VERIFY_WITH_TIMEOUT(!idOf(*inbox, QStringLiteral("Buy 8 ACME #P1")).isEmpty(), 10000);
        QVERIFY(wait<approvals::Approval>([&](auto done) {
            inbox->decide(idOf(*inbox, QStringLiteral("Buy 8 ACME #P1")), approvals::Decision::Approve, {},
                          done);
        }));
        QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 5000);
        QCOMPARE(int(outcome->kind), int(ciba::Outcome::Kind::Approved));
        QCOMPARE(text(outcome->tokens.authorizationDetails), text(trade(8)));
    }

    // Last: it restarts the sandbox.
    void zz_sandboxRestartMidApprovalLosesNothing()
    {
        auto inbox = inboxFor(aliceTokens(), nullptr);
        QTRY_VERIFY_WITH_TIMEOUT(inbox->connection() == approvals::ApprovalInbox::Connection::Live, 10000);
        auto cibaClient = agent();
        auto ticket = ask(*cibaClient, QStringLiteral("Buy 11 ACME #X1"), 11);
        QVERIFY(ticket);
        QTRY_COMPARE_WITH_TIMEOUT(countOf(*inbox, QStringLiteral("Buy 11 ACME #X1")), 1, 10000);

        QVERIFY2(m_sandbox->restart(), qPrintable(m_sandbox->error()));
        // Created while the app was reconnecting.
        auto second = ask(*cibaClient, QStringLiteral("Buy 12 ACME #X2"), 12);
        QVERIFY(second);
        QTRY_COMPARE_WITH_TIMEOUT(countOf(*inbox, QStringLiteral("Buy 12 ACME #X2")), 1, 20000);
        QCOMPARE(countOf(*inbox, QStringLiteral("Buy 11 ACME #X1")), 1);

        const QString id = idOf(*inbox, QStringLiteral("Buy 11 ACME #X1"));
        QVERIFY(inbox->find(id)->isPending());
        auto approved = wait<approvals::Approval>(
            [&](auto done) { inbox->decide(id, approvals::Decision::Approve, {}, done); });
        QVERIFY2(approved, qPrintable(approved ? QString() : approved.error().message));
        ciba::CibaPoll poll(cibaClient.get(), ticket.value());
        const ciba::Outcome outcome = outcomeOf(poll);
        QCOMPARE(int(outcome.kind), int(ciba::Outcome::Kind::Approved));
        QCOMPARE(text(outcome.tokens.authorizationDetails), text(trade(11)));
    }
};

QTEST_GUILESS_MAIN(InboxSandboxTest)
#include "tst_inbox_sandbox.moc"
