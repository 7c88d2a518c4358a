// One running app per user, with the real `countersign` binary started offscreen as a person
// starts it: a second launch hands its device link to the first and exits 0 at once, and the
// first (started --hidden) shows its window then and opens the link on the "Enter code" page; a
// first instance killed with SIGKILL leaves a socket the next launch takes over; launches at the
// same moment leave exactly one running; garbage on the socket leaves it running; --screenshot
// runs stay out of it. What the first did is read from its log (countersign.app on stderr).
#include "desktop/SingleInstance.h"

#include <QFileInfo>
#include <QLocalSocket>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace countersign;

namespace {

constexpr auto kLink = "https://127.0.0.1:9/activate?user_code=WDJB-MJHT";

// One setup of the app: its own settings location, hence its own single-instance socket.
class Setup
{
public:
    Setup() { QVERIFY(m_config.isValid()); }

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_config.path());
        env.insert(QStringLiteral("COUNTERSIGN_BROWSER"), QStringLiteral("true")); // never a real browser
        env.remove(QStringLiteral("COUNTERSIGN_ISSUER"));
        return env;
    }

    // Where the app of this setup listens (computed as the app does, with its XDG_CONFIG_HOME).
    QString socketPath() const
    {
        const QByteArray saved = qgetenv("XDG_CONFIG_HOME");
        qputenv("XDG_CONFIG_HOME", m_config.path().toUtf8());
        const QString path = desktop::SingleInstance::defaultSocketPath();
        qputenv("XDG_CONFIG_HOME", saved);
        return path;
    }

private:
    QTemporaryDir m_config;
};

// A running `countersign`, its log collected as it comes.
class App
{
public:
    App(const Setup &setup, const QStringList &arguments)
    {
        m_process.setProcessEnvironment(setup.environment());
        m_process.start(QStringLiteral(COUNTERSIGN_GUI_BINARY), arguments);
    }
    ~App()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(5000))
                m_process.kill();
            m_process.waitForFinished();
        }
    }

    QProcess &process() { return m_process; }
    bool running() const { return m_process.state() == QProcess::Running; }

    // Everything it wrote to stderr so far.
    QByteArray log()
    {
        m_log += m_process.readAllStandardError();
        return m_log;
    }
    bool waitForLog(const QByteArray &text, int timeoutMs = 10000)
    {
        return QTest::qWaitFor([&] { return log().contains(text); }, timeoutMs);
    }

private:
    QProcess m_process;
    QByteArray m_log;
};

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    qint64 elapsedMs = 0;
};

Run runApp(const Setup &setup, const QStringList &arguments)
{
    App app(setup, arguments);
    QElapsedTimer clock;
    clock.start();
    Run run;
    if (app.process().waitForFinished(30000))
        run.exitCode = app.process().exitStatus() == QProcess::NormalExit ? app.process().exitCode() : -1;
    run.elapsedMs = clock.elapsed();
    run.out = app.process().readAllStandardOutput();
    run.err = app.log();
    return run;
}

bool waitForSocket(const Setup &setup)
{
    return QTest::qWaitFor([&] { return QFileInfo::exists(setup.socketPath()); }, 20000);
}

constexpr QByteArrayView kFirstFrame = "First frame after";
constexpr QByteArrayView kRaised = "Another launch asked for the window";
constexpr QByteArrayView kHandedOver = "Countersign is already running; passed it on.";

} // namespace

class SingleInstanceAppTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aSecondLaunchShowsTheHiddenFirstAndOpensItsLinkThere()
    {
        Setup setup;
        App first(setup, {QStringLiteral("--hidden")});
        QVERIFY2(waitForSocket(setup), first.log().constData());
        // Hidden: the window exists but is not shown, so nothing is drawn.
        QTest::qWait(1500);
        QVERIFY(first.running());
        QVERIFY2(!first.log().contains(kFirstFrame.toByteArray()), first.log().constData());

        const Run second = runApp(setup, {QString::fromLatin1(kLink)});
        QCOMPARE(second.exitCode, 0);
        QCOMPARE(second.out, kHandedOver.toByteArray() + '\n');
        QVERIFY2(second.elapsedMs < 5000, QByteArray::number(second.elapsedMs).constData());

        QVERIFY2(first.waitForLog(kRaised.toByteArray()), first.log().constData());
        QVERIFY2(first.waitForLog(kFirstFrame.toByteArray()), first.log().constData());
        QVERIFY2(first.log().contains("window visible: true"), first.log().constData());
        QVERIFY2(first.log().contains("device link opened on the Enter code page"), first.log().constData());
        QVERIFY(first.running());
    }

    void aFirstKilledWithSigkillLeavesASocketTheNextLaunchTakesOver()
    {
        Setup setup;
        {
            App first(setup, {});
            QVERIFY2(waitForSocket(setup), first.log().constData());
            first.process().kill(); // SIGKILL: no chance to remove its socket
            QVERIFY(first.process().waitForFinished());
        }
        QVERIFY2(QFileInfo::exists(setup.socketPath()), "the killed app's socket should still be there");

        App next(setup, {});
        QTest::qWait(3000);
        QVERIFY2(next.running(), next.log().constData());
        const Run third = runApp(setup, {});
        QCOMPARE(third.exitCode, 0);
        QCOMPARE(third.out, kHandedOver.toByteArray() + '\n');
        QVERIFY2(next.waitForLog(kRaised.toByteArray()), next.log().constData());
    }

    void launchesAtTheSameMomentLeaveExactlyOneRunning()
    {
        Setup setup;
        std::vector<std::unique_ptr<App>> apps;
        for (int i = 0; i < 3; ++i)
            apps.push_back(std::make_unique<App>(setup, QStringList{}));
        const auto runningCount = [&] {
            return std::count_if(apps.begin(), apps.end(), [](const auto &app) { return app->running(); });
        };
        QVERIFY(QTest::qWaitFor([&] { return runningCount() <= 1; }, 30000));
        QTest::qWait(2000); // and it stays so
        QCOMPARE(runningCount(), 1);
        for (const auto &app : apps) {
            if (app->running())
                continue;
            QCOMPARE(app->process().exitStatus(), QProcess::NormalExit);
            QCOMPARE(app->process().exitCode(), 0);
            QCOMPARE(app->process().readAllStandardOutput(), kHandedOver.toByteArray() + '\n');
        }
        const Run another = runApp(setup, {});
        QCOMPARE(another.exitCode, 0);
    }

    void garbageOnTheSocketLeavesTheFirstRunningAndServing()
    {
        Setup setup;
        App first(setup, {});
        QVERIFY2(waitForSocket(setup), first.log().constData());
        QLocalSocket silent; // connects and never writes
        silent.connectToServer(setup.socketPath());
        QVERIFY(silent.waitForConnected(1000));
        for (const QByteArray &bytes : {QByteArray("\x00\x01\xfe garbage\n", 12), QByteArray(1 << 20, 'x'),
                                        QByteArray("{\"raise\":true,\"link\":\"file:///etc/passwd\"}\n")}) {
            QLocalSocket peer;
            peer.connectToServer(setup.socketPath());
            QVERIFY(peer.waitForConnected(1000));
            peer.write(bytes);
            peer.waitForBytesWritten(1000);
            QVERIFY(QTest::qWaitFor([&] { return peer.state() == QLocalSocket::UnconnectedState; }, 5000));
        }
        QVERIFY2(first.waitForLog("Dropped an over-long message"), first.log().constData());
        QVERIFY(first.log().contains("Dropped a message on the single-instance socket"));
        QVERIFY(!first.log().contains(kRaised.toByteArray()));

        const Run second = runApp(setup, {QString::fromLatin1(kLink)});
        QCOMPARE(second.exitCode, 0);
        QVERIFY2(first.waitForLog("device link opened on the Enter code page"), first.log().constData());
        QVERIFY(first.running());
    }

    void screenshotRunsStayOutOfIt()
    {
        Setup setup;
        App first(setup, {});
        QVERIFY2(waitForSocket(setup), first.log().constData());
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("shot.png"));
        const Run shot = runApp(setup, {QStringLiteral("--screenshot"), file});
        QVERIFY2(shot.exitCode == 0, shot.err.constData());
        QVERIFY(QFileInfo(file).size() > 0);
        QVERIFY(!shot.out.contains(kHandedOver.toByteArray()));
        QVERIFY(!first.log().contains(kRaised.toByteArray()));
    }

    void hiddenAndScreenshotDoNotGoTogether()
    {
        Setup setup;
        const Run run = runApp(
            setup, {QStringLiteral("--hidden"), QStringLiteral("--screenshot"), QStringLiteral("/dev/null")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("--hidden"), run.err.constData());
    }
};

QTEST_GUILESS_MAIN(SingleInstanceAppTest)
#include "tst_single_instance_app.moc"
