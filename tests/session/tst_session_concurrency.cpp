// Several Countersign processes share one session: the real countersign-cli, 16 at a time, while
// `countersign-cli agent` waits on an approval and an app-like session in this process keeps
// renewing. Access tokens live 20 s and the renewal margin is 60 s, so every token request is a
// refresh, and rotation makes every refresh spend the refresh token the next one needs. The
// provider revokes the whole grant when it sees a spent refresh token again, so one unserialised
// refresh anywhere ends the session for everyone.
#include "AgentMessages.h"
#include "Sandbox.h"
#include "TestEnvironment.h"
#include "Wait.h"

#include "net/HttpClient.h"
#include "oauth/DiscoveryClient.h"
#include "session/SessionManager.h"
#include "storage/TokenStore.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace countersign;
using test::wait;

namespace {

constexpr int kProcesses = 16;
constexpr int kRounds = 10;

} // namespace

class SessionConcurrencyTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_logDir;
    std::unique_ptr<test::Sandbox> m_sandbox;
    QNetworkAccessManager m_network;

    QString sandboxLog() const { return m_logDir.filePath(QStringLiteral("sandbox.log")); }
    QProcessEnvironment environment() const { return test::cliEnvironment(m_sandbox->issuer()); }
    test::ProcessRun cli(const QStringList &arguments)
    {
        return test::runProcess(QStringLiteral(COUNTERSIGN_CLI_BINARY), arguments, environment());
    }

    config::ProviderConfig provider() const
    {
        config::ProviderConfig p;
        p.kind = config::ProviderConfig::Kind::Sandbox;
        p.issuer = m_sandbox->issuer();
        return p;
    }

    // What the provider refused because a refresh token came back after it was spent.
    QByteArray reuseSeenByTheProvider() const
    {
        QFile log(sandboxLog());
        if (!log.open(QIODevice::ReadOnly))
            return QByteArrayLiteral("(no sandbox log)");
        QByteArray seen;
        for (const QByteArray &line : log.readAll().split('\n'))
            if (line.contains("already used"))
                seen += line + '\n';
        return seen;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!test::chromiumAvailable())
            QSKIP("Chromium is not installed (scripts/test installs it)");
        QVERIFY(m_logDir.isValid());
        m_sandbox = std::make_unique<test::Sandbox>(QStringList{
            QStringLiteral("--access-token-ttl"), QStringLiteral("20"), QStringLiteral("--ciba-interval"),
            QStringLiteral("1"), QStringLiteral("--log"), sandboxLog()});
        QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->error()));
        const test::ProcessRun login = cli({QStringLiteral("login")});
        QVERIFY2(login.exitCode == 0, login.err.constData());
    }

    void manyProcessesRenewingAtOnceNeverLoseTheSession()
    {
        // The agent asks for a trade and waits for the person's decision.
        QProcess agent;
        agent.setProcessEnvironment(environment());
        agent.start(
            QStringLiteral(COUNTERSIGN_CLI_BINARY),
            {QStringLiteral("agent"), QStringLiteral("--json"), QStringLiteral("Buy 3 shares of ACME")});
        QByteArray agentOut;
        const nlohmann::json interrupt = test::waitForInterrupt(agent, agentOut);
        QVERIFY2(!interrupt.is_null(), (agentOut + agent.readAllStandardError()).constData());

        // The app: restored from the keychain, asking for its own token and the approval
        // channel's, over and over (each one a refresh).
        storage::TokenStore store;
        session::SessionManager app(&m_network, &store);
        auto restored = wait<bool>([&](auto done) { app.restore(provider(), done); });
        QVERIFY2(restored && restored.value(),
                 restored ? "nothing stored" : qPrintable(restored.error().message));
        auto metadata = wait<oauth::ProviderMetadata>([&](auto done) { app.metadata(done); });
        QVERIFY(metadata);
        const QString approvals = metadata->approvalsResource;
        int appCalls = 0;
        QStringList appFailures;
        bool appBusy = false;
        QTimer appLoop;
        appLoop.setInterval(100);
        connect(&appLoop, &QTimer::timeout, this, [&] {
            if (appBusy)
                return;
            appBusy = true;
            auto record = [&](Result<QByteArray> token) {
                ++appCalls;
                if (!token)
                    appFailures << token.error().message;
                appBusy = false;
            };
            if (appCalls % 2 == 0)
                app.accessToken(record);
            else
                app.accessTokenFor(approvals, false, record);
        });
        appLoop.start();

        QStringList failures;
        for (int round = 0; round < kRounds; ++round) {
            std::vector<std::unique_ptr<QProcess>> inboxes;
            for (int i = 0; i < kProcesses; ++i) {
                auto process = std::make_unique<QProcess>();
                process->setProcessEnvironment(environment());
                process->start(QStringLiteral(COUNTERSIGN_CLI_BINARY),
                               {QStringLiteral("inbox"), QStringLiteral("--json")});
                inboxes.push_back(std::move(process));
            }
            const bool finished = QTest::qWaitFor(
                [&] {
                    return std::all_of(inboxes.begin(), inboxes.end(),
                                       [](const auto &p) { return p->state() == QProcess::NotRunning; });
                },
                120000);
            QVERIFY2(finished, "countersign-cli inbox did not finish in 2 minutes");
            for (const auto &process : inboxes) {
                const QByteArray out = process->readAllStandardOutput();
                if (process->exitStatus() != QProcess::NormalExit || process->exitCode() != 0 ||
                    !nlohmann::json::parse(out.toStdString(), nullptr, false).is_array())
                    failures << QStringLiteral("round %1: exit %2: %3")
                                    .arg(round)
                                    .arg(process->exitCode())
                                    .arg(QString::fromUtf8(process->readAllStandardError().trimmed()));
            }
        }
        appLoop.stop();
        QTRY_VERIFY_WITH_TIMEOUT(!appBusy, 30000);

        QVERIFY2(failures.isEmpty(), qPrintable(QStringLiteral("%1 of %2 failed; first: %3")
                                                    .arg(failures.size())
                                                    .arg(kProcesses * kRounds)
                                                    .arg(failures.value(0))));
        QVERIFY2(appFailures.isEmpty(), qPrintable(appFailures.value(0)));
        QVERIFY2(appCalls >= 10, qPrintable(QStringLiteral("the app asked only %1 times").arg(appCalls)));
        QCOMPARE(app.state(), session::SessionManager::State::SignedIn);
        const QByteArray reuse = reuseSeenByTheProvider();
        QVERIFY2(reuse.isEmpty(), reuse.constData());

        // The session works afterwards: the agent's trade is approved from another process and
        // the agent completes it, and the app still gets tokens.
        const test::ProcessRun list = cli({QStringLiteral("inbox"), QStringLiteral("--json")});
        QVERIFY2(list.exitCode == 0, list.err.constData());
        QString id;
        for (const auto &item : nlohmann::json::parse(list.out.toStdString(), nullptr, false))
            if (item.value("binding_message", "") == interrupt.value("binding_message", "?"))
                id = QString::fromStdString(item.value("id", ""));
        QVERIFY2(!id.isEmpty(), list.out.constData());
        const test::ProcessRun approve = cli({QStringLiteral("approve"), id});
        QVERIFY2(approve.exitCode == 0, approve.err.constData());
        QVERIFY(agent.waitForFinished(60000));
        agentOut += agent.readAllStandardOutput();
        QVERIFY2(agent.exitCode() == 0, (agentOut + agent.readAllStandardError()).constData());
        QVERIFY(wait<QByteArray>([&](auto done) { app.accessTokenFor(approvals, false, done); }));
        const test::ProcessRun whoami = cli({QStringLiteral("whoami")});
        QVERIFY2(whoami.exitCode == 0, whoami.err.constData());
        QVERIFY2(reuseSeenByTheProvider().isEmpty(), reuseSeenByTheProvider().constData());
    }

    void aSignOutOnTheCommandLineEndsTheAppsSessionWithinSeconds()
    {
        storage::TokenStore store;
        session::SessionManager app(&m_network, &store);
        auto restored = wait<bool>([&](auto done) { app.restore(provider(), done); });
        QVERIFY(restored && restored.value());
        QSignalSpy ended(&app, &session::SessionManager::sessionEnded);

        const test::ProcessRun logout = cli({QStringLiteral("logout")});
        QVERIFY2(logout.exitCode == 0, logout.err.constData());
        // Without asking anything of the app: it hears of it by itself.
        QTRY_VERIFY_WITH_TIMEOUT(ended.size() == 1, 5000);
        QCOMPARE(app.state(), session::SessionManager::State::SignedOut);
        const Error reason = ended.at(0).at(0).value<Error>();
        QCOMPARE(reason.code, QStringLiteral("session_ended_elsewhere"));
        QVERIFY(reason.message.contains(QStringLiteral("Sign in again")));
    }
};

QTEST_GUILESS_MAIN(SessionConcurrencyTest)
#include "tst_session_concurrency.moc"
