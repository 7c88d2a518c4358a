// The tray icon's menu and what closing the window means, offscreen, against the sandbox: alice
// signed in, the demo agent asking, a recording notification service on the private D-Bus session.
#include "NotificationRecorder.h"
#include "SandboxWithAlice.h"
#include "TestEnvironment.h"
#include "Wait.h"

#include "approvals/ApprovalInbox.h"
#include "approvals/InboxModel.h"
#include "ciba/CibaClient.h"
#include "config/Settings.h"
#include "inbox/InboxViewModel.h"
#include "notifications/ApprovalNotifier.h"
#include "notifications/NotificationService.h"
#include "session/ProviderResolver.h"
#include "signin/SessionViewModel.h"
#include "tray/TrayMenu.h"

#include <QAction>
#include <QGuiApplication>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>
#include <QWindow>

using namespace countersign;
using test::wait;

class TrayMenuTest : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_network;
    std::unique_ptr<test::SandboxWithAlice> m_world;
    std::unique_ptr<ciba::CibaClient> m_agent;
    std::unique_ptr<test::NotificationRecorder> m_recorder;
    std::unique_ptr<session::ProviderResolver> m_resolver;
    std::unique_ptr<gui::SessionViewModel> m_session;
    std::unique_ptr<gui::InboxViewModel> m_inbox;
    std::unique_ptr<notifications::NotificationService> m_service;
    std::unique_ptr<notifications::ApprovalNotifier> m_notifier;
    std::unique_ptr<gui::TrayMenu> m_tray;
    std::unique_ptr<QWindow> m_window;
    int m_counter = 0;

    QString ask()
    {
        const QString message = QStringLiteral("Tray test %1").arg(++m_counter);
        ciba::AuthenticationRequest request;
        request.scopes = {QStringLiteral("openid"), QStringLiteral("stock:trade")};
        request.loginHint = ciba::LoginHint::plain(QStringLiteral("alice"));
        request.bindingMessage = message;
        const auto ticket = wait<ciba::Ticket>([&](auto done) { m_agent->authorize(request, done); });
        return ticket ? message : QString();
    }

    static QImage image(const QIcon &icon) { return icon.pixmap(64, 64).toImage(); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(test::chromiumAvailable());
        config::Settings().setTrayNoticeShown(false);
        m_world = std::make_unique<test::SandboxWithAlice>(&m_network);
        const QString error = m_world->start();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_agent = std::make_unique<ciba::CibaClient>(
            m_world->http(), m_world->metadata().backchannelAuthenticationEndpoint,
            m_world->metadata().tokenEndpoint,
            ciba::ClientCredentials{QStringLiteral("demo-agent"), "demo-agent-secret", {}}); // DEMO ONLY
        m_recorder = std::make_unique<test::NotificationRecorder>();
        QVERIFY(m_recorder->start());

        m_resolver = std::make_unique<session::ProviderResolver>();
        m_session = std::make_unique<gui::SessionViewModel>(&m_world->alice(), m_resolver.get());
        m_inbox = std::make_unique<gui::InboxViewModel>(&m_world->channel());
        m_service = std::make_unique<notifications::NotificationService>();
        m_notifier = std::make_unique<notifications::ApprovalNotifier>(&m_world->channel(), m_service.get());
        m_tray = std::make_unique<gui::TrayMenu>(m_inbox->requests(), m_notifier.get(), m_session.get());
        QPixmap base(64, 64);
        base.fill(Qt::darkBlue);
        m_tray->setBaseIcon(QIcon(base));
        m_window = std::make_unique<QWindow>();
        m_window->resize(400, 300);
        m_tray->setWindow(m_window.get());
        m_world->channel().inbox()->start();
        QVERIFY(QTest::qWaitFor([&] { return m_service->isAvailable(); }, 5000));
    }

    void theMenuIsOpenPauseSignOutQuit()
    {
        QStringList texts;
        for (const QAction *action : m_tray->actions())
            texts << (action->isSeparator() ? QStringLiteral("--") : action->text());
        QCOMPARE(texts,
                 (QStringList{QStringLiteral("Open Countersign"), QStringLiteral("--"),
                              QStringLiteral("Pause notifications for 1 hour"), QStringLiteral("Sign out"),
                              QStringLiteral("--"), QStringLiteral("Quit")}));
        QVERIFY(m_tray->signOutAction()->isEnabled());
    }

    void theCountShowsInTheTooltipAndAsABadge()
    {
        QCOMPARE(m_tray->pendingCount(), 0);
        QCOMPARE(m_tray->toolTip(), QStringLiteral("Countersign: no requests waiting"));
        const QImage plain = image(m_tray->icon());
        QSignalSpy changed(m_tray.get(), &gui::TrayMenu::changed);
        QVERIFY(!ask().isEmpty());
        QVERIFY(!ask().isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(m_tray->pendingCount(), 2, 10000);
        QVERIFY(!changed.isEmpty());
        QCOMPARE(m_tray->toolTip(), QStringLiteral("Countersign: 2 requests waiting"));
        QVERIFY(image(m_tray->icon()) != plain); // the badge
    }

    void openShowsTheHiddenWindow()
    {
        QVERIFY(!m_window->isVisible());
        m_tray->openAction()->trigger();
        QVERIFY(m_window->isVisible());
    }

    void closingHidesAndSaysSoOnce()
    {
        QVERIFY(m_tray->keepsRunningWhenClosed()); // notifications reach the person
        QVERIFY(!m_window->close());               // refused: hidden instead
        QVERIFY(!m_window->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(!m_recorder->shown().isEmpty() &&
                                     m_recorder->shown().last().summary ==
                                         QStringLiteral("Countersign keeps running"),
                                 5000);
        const qsizetype shown = m_recorder->shown().size();
        m_tray->openAction()->trigger();
        QVERIFY(!m_window->close());
        QVERIFY(!m_window->isVisible());
        QTest::qWait(300);
        for (qsizetype i = shown; i < m_recorder->shown().size(); ++i)
            QVERIFY(m_recorder->shown().at(i).summary != QStringLiteral("Countersign keeps running"));
    }

    void pauseSilencesForAnHourAndResumes()
    {
        m_tray->pauseAction()->trigger();
        QVERIFY(m_notifier->isPaused());
        const qint64 minutes = QDateTime::currentDateTimeUtc().secsTo(m_notifier->pausedUntil()) / 60;
        QVERIFY2(minutes >= 59 && minutes <= 60, qPrintable(QString::number(minutes)));
        QVERIFY(m_tray->pauseAction()->text().startsWith(QStringLiteral("Resume notifications")));
        QVERIFY(m_tray->toolTip().contains(QStringLiteral("Resume notifications")));
        const QString quiet = ask();
        QTRY_COMPARE_WITH_TIMEOUT(m_tray->pendingCount(), 3, 10000);
        QTest::qWait(300);
        QVERIFY(!m_recorder->find(quiet));
        m_tray->pauseAction()->trigger();
        QVERIFY(!m_notifier->isPaused());
        QCOMPARE(m_tray->pauseAction()->text(), QStringLiteral("Pause notifications for 1 hour"));
        const QString loud = ask();
        QTRY_VERIFY_WITH_TIMEOUT(m_recorder->find(loud), 10000);
    }

    void withoutTheSettingClosingCloses()
    {
        config::Settings().setKeepRunningInTray(false);
        m_tray->openAction()->trigger();
        QVERIFY(!m_tray->keepsRunningWhenClosed());
        QVERIFY(m_window->close());
        QVERIFY(!m_window->isVisible());
        config::Settings().setKeepRunningInTray(true);
    }

    void quitAsksTheAppToQuit()
    {
        QSignalSpy quit(m_tray.get(), &gui::TrayMenu::quitRequested);
        m_tray->quitAction()->trigger();
        QCOMPARE(quit.size(), 1);
    }

    // Last: it ends alice's session.
    void signOutSignsOut()
    {
        m_tray->signOutAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(m_session->state(), gui::SessionViewModel::State::SignedOut, 20000);
        QVERIFY(!m_tray->signOutAction()->isEnabled());
    }
};

QTEST_MAIN(TrayMenuTest)
#include "tst_tray_menu.moc"
