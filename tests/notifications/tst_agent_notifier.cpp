// The agent's device codes as desktop notifications, end to end: alice's demo agent needs a
// device code approved to read a data record; a recording notification service (on the test's
// private D-Bus session) sees the code announced, Review asks for it on the "Enter code" page, and
// the notification is withdrawn once the call has its result.
#include "AgentMessages.h"
#include "NotificationRecorder.h"
#include "SandboxWithAlice.h"
#include "TestEnvironment.h"
#include "Wait.h"

#include "agent/AgentService.h"
#include "agent/AgentSession.h"
#include "approvals/DeviceApprover.h"
#include "notifications/AgentNotifier.h"
#include "notifications/ApprovalNotifier.h"
#include "notifications/NotificationService.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace countersign;
using agent::Message;
using test::wait;

class AgentNotifierTest : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_network;
    std::unique_ptr<test::SandboxWithAlice> m_world;
    QTemporaryDir m_storage;
    std::unique_ptr<agent::AgentService> m_service;
    std::unique_ptr<test::NotificationRecorder> m_recorder;
    std::unique_ptr<notifications::NotificationService> m_notifications;
    std::unique_ptr<notifications::ApprovalNotifier> m_approvals;
    std::unique_ptr<notifications::AgentNotifier> m_notifier;

    agent::AgentSession &agent() { return *m_service->session(); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(test::chromiumAvailable());
        m_world = std::make_unique<test::SandboxWithAlice>(
            &m_network, QStringList{QStringLiteral("--device-interval"), QStringLiteral("1")});
        const QString error = m_world->start();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_recorder = std::make_unique<test::NotificationRecorder>();
        QVERIFY(m_recorder->start());
        m_notifications = std::make_unique<notifications::NotificationService>();
        m_service = std::make_unique<agent::AgentService>(&m_world->alice(), &m_world->channel(), &m_network);
        m_service->setStorageDirectory(m_storage.path());
        m_approvals =
            std::make_unique<notifications::ApprovalNotifier>(&m_world->channel(), m_notifications.get());
        m_notifier = std::make_unique<notifications::AgentNotifier>(m_service.get(), m_notifications.get(),
                                                                    m_approvals.get());
        m_service->followSession();
        QTRY_VERIFY_WITH_TIMEOUT(m_service->session() != nullptr, 10000);
    }

    void aDeviceCodeTheAgentWaitsOnIsAnnouncedReviewedAndWithdrawn()
    {
        agent().send(QStringLiteral("Fetch data record r-1001"));
        QTRY_VERIFY_WITH_TIMEOUT(test::lastOf(agent(), Message::Kind::Interrupt), 20000);
        const Message *interrupt = test::lastOf(agent(), Message::Kind::Interrupt);
        const QString code = QString::fromStdString(interrupt->interrupt.value("user_code", ""));
        QVERIFY(!code.isEmpty());

        QTRY_VERIFY_WITH_TIMEOUT(m_recorder->find(code), 10000);
        const auto shown = *m_recorder->find(code);
        QCOMPARE(shown.summary, QStringLiteral("The agent waits for you to approve a device code"));
        QVERIFY2(shown.body.contains(interrupt->toolName), qPrintable(shown.body));
        QVERIFY(!shown.body.contains(QString::fromStdString(interrupt->interrupt.value("device_code", "?"))));
        QVERIFY(shown.actions.contains(QStringLiteral("review")));
        QVERIFY(!shown.actions.contains(QStringLiteral("deny")));

        // Review: the code's link (or the code) for the "Enter code" page; the inbox is not asked.
        QSignalSpy codeRequested(m_notifier.get(), &notifications::AgentNotifier::codeRequested);
        QSignalSpy inboxReview(m_approvals.get(), &notifications::ApprovalNotifier::reviewRequested);
        m_recorder->invoke(shown.id, QStringLiteral("review"));
        QVERIFY(codeRequested.wait(5000));
        const QString link = codeRequested.first().first().toString();
        QVERIFY2(link.contains(code), qPrintable(link));
        QCOMPARE(inboxReview.size(), 0);

        // alice approves the code: the call gets its result and the notification goes.
        approvals::DeviceApprover *approver = m_world->channel().deviceApprover();
        QVERIFY(approver);
        auto decided = wait<approvals::DeviceRequest>(
            [&](auto done) { approver->decide(code, approvals::Decision::Approve, done); });
        QVERIFY2(decided, qPrintable(decided ? QString() : decided.error().message));
        QTRY_VERIFY_WITH_TIMEOUT(!agent().busy(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(m_recorder->closedIds().contains(shown.id), 5000);
    }
};

QTEST_GUILESS_MAIN(AgentNotifierTest)
#include "tst_agent_notifier.moc"
