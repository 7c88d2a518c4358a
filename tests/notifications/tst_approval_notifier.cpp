// Desktop notifications of approval requests, end to end: the demo agent asks alice's approval at
// a sandbox of the test's own; a notification service of the test's own (on the test's private
// D-Bus session) records what Countersign shows and withdraws, and plays the person's clicks.
#include "NotificationRecorder.h"
#include "SandboxWithAlice.h"
#include "TestEnvironment.h"
#include "Wait.h"

#include "approvals/ApprovalInbox.h"
#include "ciba/CibaClient.h"
#include "notifications/ApprovalNotifier.h"
#include "notifications/NotificationService.h"
#include "rar/Presentation.h"

#include <QNetworkAccessManager>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>

using namespace countersign;
using notifications::ApprovalNotifier;
using notifications::NotificationService;
using test::NotificationRecorder;
using test::wait;

namespace {

nlohmann::json trade(int qty)
{
    return nlohmann::json::array({{{"type", "trade_authorization"},
                                   {"action", "buy"},
                                   {"ticker", "ACME"},
                                   {"qty", qty},
                                   {"limit_price", 120.5},
                                   {"currency", "USD"}}});
}

} // namespace

class ApprovalNotifierTest : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_network;
    std::unique_ptr<test::SandboxWithAlice> m_world;
    std::unique_ptr<ciba::CibaClient> m_agent;
    std::unique_ptr<NotificationRecorder> m_recorder;
    std::unique_ptr<NotificationService> m_service;
    std::unique_ptr<ApprovalNotifier> m_notifier;
    int m_counter = 0;

    // The demo agent asks alice; returns the request's id as her inbox knows it ("" on failure).
    QString ask(const QString &message, std::optional<int> expiry = std::nullopt,
                const nlohmann::json &details = trade(3))
    {
        ciba::AuthenticationRequest request;
        request.scopes = {QStringLiteral("openid"), details.at(0).value("type", "") == "payment_initiation"
                                                        ? QStringLiteral("payments:initiate")
                                                        : QStringLiteral("stock:trade")};
        request.loginHint = ciba::LoginHint::plain(QStringLiteral("alice"));
        request.bindingMessage = message;
        request.authorizationDetails = details;
        request.requestedExpirySeconds = expiry;
        const auto ticket = wait<ciba::Ticket>([&](auto done) { m_agent->authorize(request, done); });
        if (!ticket)
            return {};
        // The approval's id is not the auth_req_id (a credential of the agent's): find it by message.
        QString id;
        (void)QTest::qWaitFor(
            [&] {
                for (const auto &approval : inbox()->approvals())
                    if (approval.bindingMessage == message)
                        id = approval.id;
                return !id.isEmpty();
            },
            10000);
        return id;
    }

    approvals::ApprovalInbox *inbox() { return m_world->channel().inbox(); }

    const NotificationRecorder::Shown *shownFor(const QString &text)
    {
        (void)QTest::qWaitFor([&] { return m_recorder->find(text) != nullptr; }, 10000);
        return m_recorder->find(text);
    }

    QString unique(const QString &text) { return text + QStringLiteral(" #%1").arg(++m_counter); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(test::chromiumAvailable());
        m_world = std::make_unique<test::SandboxWithAlice>(&m_network);
        const QString error = m_world->start();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_agent = std::make_unique<ciba::CibaClient>(
            m_world->http(), m_world->metadata().backchannelAuthenticationEndpoint,
            m_world->metadata().tokenEndpoint,
            ciba::ClientCredentials{QStringLiteral("demo-agent"), "demo-agent-secret", {}}); // DEMO ONLY
        inbox()->start();
        QVERIFY(QTest::qWaitFor(
            [&] { return inbox()->connection() == approvals::ApprovalInbox::Connection::Live; }, 20000));
    }

    // First, with no notification service on the bus: nothing is shown, nothing breaks.
    void withoutAServiceItStaysSilent()
    {
        NotificationService service;
        ApprovalNotifier notifier(&m_world->channel(), &service);
        const QString message = unique(QStringLiteral("Nobody hears this"));
        QVERIFY(!ask(message).isEmpty());
        QTest::qWait(300);
        QVERIFY(!service.isAvailable());
        QVERIFY(!notifier.canNotify());
        QVERIFY(service.shownKeys().isEmpty());
    }

    void startTheRecorder()
    {
        m_recorder = std::make_unique<NotificationRecorder>();
        QVERIFY(m_recorder->start());
        m_service = std::make_unique<NotificationService>();
        QVERIFY(QTest::qWaitFor([&] { return m_service->isAvailable(); }, 5000));
        m_notifier = std::make_unique<ApprovalNotifier>(&m_world->channel(), m_service.get());
    }

    // The requests that waited before (the one above) are announced: one is not a flood.
    void requestsWaitingAtStartAreAnnounced() { QVERIFY(shownFor(QStringLiteral("Nobody hears this"))); }

    void aNewRequestShowsClientBindingMessageAndDetailsAsPlainText()
    {
        // The sandbox keeps binding messages to harmless characters; the details may carry any
        // text: markup and a right-to-left override in the creditor's name.
        const nlohmann::json payment =
            nlohmann::json::array({{{"type", "payment_initiation"},
                                    {"instructedAmount", {{"amount", "1234.50"}, {"currency", "EUR"}}},
                                    {"creditorName", "<b>Erika</b> & \u202Egnp.exe"},
                                    {"creditorAccount", {{"iban", "DE89370400440532013000"}}}}});
        const QString message = unique(QStringLiteral("Pay Erika"));
        QVERIFY(!ask(message, std::nullopt, payment).isEmpty());
        const auto *shown = shownFor(message);
        QVERIFY(shown);
        QCOMPARE(shown->summary, QStringLiteral("Demo Agent asks for your approval"));
        const QString details = rar::summarize(payment);
        QVERIFY2(details.contains(QStringLiteral("<b>Erika</b> & ⟨U+202E⟩gnp.exe")), qPrintable(details));
        // Plain text for a service that reads markup: escaped; the override is a visible marker.
        QCOMPARE(shown->body, message + u'\n' + details.toHtmlEscaped());
        QVERIFY(shown->body.contains(QStringLiteral("&lt;b&gt;Erika&lt;/b&gt; &amp; ⟨U+202E⟩gnp.exe")));
        QVERIFY(!shown->body.contains(QChar(0x202E)));
        QCOMPARE(shown->appName, QStringLiteral("dev.countersign.countersign"));
        QCOMPARE(shown->hints.value(QStringLiteral("desktop-entry")).toString(),
                 QStringLiteral("dev.countersign.countersign"));
        // Review and Deny; never Approve.
        QStringList keys;
        for (qsizetype i = 0; i + 1 < shown->actions.size(); i += 2)
            keys << shown->actions.at(i);
        QCOMPARE(keys,
                 (QStringList{QStringLiteral("default"), QStringLiteral("review"), QStringLiteral("deny")}));
    }

    void aDecisionElsewhereWithdrawsTheNotification()
    {
        const QString message = unique(QStringLiteral("Decided in the CLI"));
        const QString id = ask(message);
        const auto *shown = shownFor(message);
        QVERIFY(shown);
        const uint notificationId = shown->id;
        // alice approves through the channel's HTTP API, not through this inbox (as the CLI would).
        const auto decided = wait<approvals::Approval>([&](auto done) {
            m_world->channel().client()->decide(id, approvals::Decision::Approve, {}, done);
        });
        QVERIFY2(decided, qPrintable(decided ? QString() : decided.error().message));
        QVERIFY(QTest::qWaitFor([&] { return m_recorder->closedIds().contains(notificationId); }, 10000));
    }

    void denyFromTheNotificationDeniesAtTheSandbox()
    {
        const QString message = unique(QStringLiteral("Deny me from the notification"));
        const QString id = ask(message);
        const auto *shown = shownFor(message);
        QVERIFY(shown);
        const uint notificationId = shown->id;
        m_recorder->invoke(notificationId, QStringLiteral("deny"));
        QVERIFY(QTest::qWaitFor([&] { return m_recorder->closedIds().contains(notificationId); }, 10000));
        // The sandbox's own list says denied.
        std::optional<approvals::Approval> atServer;
        QVERIFY(QTest::qWaitFor(
            [&] {
                const auto list = wait<approvals::ApprovalList>(
                    [&](auto done) { m_world->channel().client()->list(done); });
                if (list)
                    for (const auto &approval : list->approvals)
                        if (approval.id == id)
                            atServer = approval;
                return atServer && !atServer->isPending();
            },
            10000));
        QCOMPARE(atServer->status, approvals::Approval::Status::Denied);
    }

    void reviewAsksTheWindowForThatRequest()
    {
        const QString message = unique(QStringLiteral("Show me"));
        const QString id = ask(message);
        const auto *shown = shownFor(message);
        QVERIFY(shown);
        QSignalSpy review(m_notifier.get(), &ApprovalNotifier::reviewRequested);
        m_recorder->invoke(shown->id, QStringLiteral("review"));
        QVERIFY(review.wait(5000));
        QCOMPARE(review.first().first().toString(), id);
        // Another application's notification id means nothing to us.
        m_recorder->invoke(shown->id + 1000, QStringLiteral("deny"));
        QTest::qWait(300);
        QVERIFY(inbox()->find(id)->isPending());
    }

    // A service that fails (a daemon installed but unable to run: each call starts the bus's
    // activation of it again) is not asked again for every request.
    void aFailingServiceIsNotAskedForEveryRequest()
    {
        m_recorder->setBroken(true);
        const auto repair = qScopeGuard([this] { m_recorder->setBroken(false); });
        const int before = m_recorder->capabilityQueries();
        NotificationService service;
        ApprovalNotifier notifier(&m_world->channel(), &service);
        QTRY_VERIFY_WITH_TIMEOUT(m_recorder->capabilityQueries() > before, 5000);
        QTest::qWait(200);
        const int queries = m_recorder->capabilityQueries();
        for (int i = 0; i < 3; ++i)
            QVERIFY(!ask(unique(QStringLiteral("Into the void"))).isEmpty());
        QTest::qWait(300);
        QCOMPARE(m_recorder->capabilityQueries(), queries);
        QVERIFY(!service.isAvailable());
    }

    void anExpiredRequestIsWithdrawnEvenWithoutAnEvent()
    {
        const QString message = unique(QStringLiteral("Gone soon"));
        QVERIFY(!ask(message, 2).isEmpty());
        const auto *shown = shownFor(message);
        QVERIFY(shown);
        const uint notificationId = shown->id;
        QVERIFY(QTest::qWaitFor([&] { return m_recorder->closedIds().contains(notificationId); }, 8000));
    }

    void pausedAnnouncesNothingNewThenResumes()
    {
        m_notifier->pauseUntil(QDateTime::currentDateTimeUtc().addSecs(3600));
        QVERIFY(m_notifier->isPaused());
        const QString quiet = unique(QStringLiteral("While paused"));
        QVERIFY(!ask(quiet).isEmpty());
        QTest::qWait(500);
        QVERIFY(!m_recorder->find(quiet));
        m_notifier->resume();
        const QString loud = unique(QStringLiteral("After the pause"));
        ask(loud);
        QVERIFY(shownFor(loud));
        QVERIFY(!m_recorder->find(quiet)); // seen while paused: not announced late
    }

    // A notifier that starts with many requests waiting (the app started at login, a resync)
    // shows one summary, not one notification each.
    void manyWaitingBecomeOneSummary()
    {
        QString last;
        for (int i = 0; i < ApprovalNotifier::maxSingleNotifications + 2; ++i)
            QVERIFY(!ask(last = unique(QStringLiteral("Burst"))).isEmpty());
        QVERIFY(shownFor(last)); // the running notifier announced each as it came
        QVERIFY(QTest::qWaitFor(
            [&] {
                int pending = 0;
                for (const auto &approval : inbox()->approvals())
                    pending += approval.isPending() ? 1 : 0;
                return pending >= ApprovalNotifier::maxSingleNotifications + 2;
            },
            10000));
        const qsizetype shownBefore = m_recorder->shown().size();
        NotificationService service;
        QVERIFY(QTest::qWaitFor([&] { return service.isAvailable(); }, 5000));
        ApprovalNotifier notifier(&m_world->channel(), &service);
        QVERIFY(QTest::qWaitFor([&] { return m_recorder->shown().size() > shownBefore; }, 5000));
        QTest::qWait(300);
        QCOMPARE(m_recorder->shown().size(), shownBefore + 1);
        QVERIFY2(
            m_recorder->shown().last().summary.contains(QStringLiteral("requests wait for your decision")),
            qPrintable(m_recorder->shown().last().summary));
    }
};

QTEST_GUILESS_MAIN(ApprovalNotifierTest)
#include "tst_approval_notifier.moc"
