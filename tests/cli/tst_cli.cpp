// countersign-cli as a user runs it: the real binary, a real sandbox, headless Chromium as the
// browser, the real keyring of this test's private session.
#include "Sandbox.h"
#include "TestEnvironment.h"

#include <QProcess>
#include <QTcpServer>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace countersign;

namespace {

using Run = test::ProcessRun;

QString browserCommand(const QString &user, const QString &password)
{
    return QStringLiteral("node %1 --user %2 --password %3").arg(test::browserDriver(), user, password);
}

} // namespace

class CliTest : public QObject
{
    Q_OBJECT

    test::Sandbox m_sandbox;

    Run cli(const QStringList &arguments, const QProcessEnvironment &extra = {}, int timeoutMs = 60000)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("COUNTERSIGN_ISSUER"));
        for (const QString &key : extra.keys())
            env.insert(key, extra.value(key));
        return test::runProcess(QStringLiteral(COUNTERSIGN_CLI_BINARY), arguments, env, timeoutMs);
    }

    QStringList withIssuer(QStringList arguments) const
    {
        return QStringList{QStringLiteral("--issuer"), m_sandbox.issuer().toString()} + arguments;
    }

    QProcessEnvironment browser(const QString &user, const QString &password) const
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("COUNTERSIGN_BROWSER"), browserCommand(user, password));
        return env;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!test::chromiumAvailable())
            QSKIP("Chromium is not installed (scripts/test installs it)");
        QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.error()));
    }

    void a_loginSignsInThroughTheBrowser()
    {
        const Run run = cli(withIssuer({QStringLiteral("login")}),
                            browser(QStringLiteral("alice"), QStringLiteral("alice-demo")));
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.out.contains("Signed in as Alice Adams <alice@example.com>"), run.out.constData());
    }

    void b_whoamiJsonPrintsIssuerSubNameEmail()
    {
        const Run run = cli(withIssuer({QStringLiteral("whoami"), QStringLiteral("--json")}));
        QCOMPARE(run.exitCode, 0);
        // (No raw string literals in Q_OBJECT classes: Qt 6.4's moc loses the class after one.)
        const QByteArray expected =
            "{\"issuer\":\"" + m_sandbox.issuer().toString().toUtf8() +
            "\",\"sub\":\"alice\",\"name\":\"Alice Adams\",\"email\":\"alice@example.com\"}\n";
        QCOMPARE(run.out, expected);
    }

    void c_whoamiPlainIsReadable()
    {
        const Run run = cli(withIssuer({QStringLiteral("whoami")}));
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.startsWith("Alice Adams <alice@example.com>\n"));
    }

    void d_issuerFromEnvironment()
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("COUNTERSIGN_ISSUER"), m_sandbox.issuer().toString());
        const Run run = cli({QStringLiteral("whoami"), QStringLiteral("--json")}, env);
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("\"sub\":\"alice\""));
    }

    void e_logoutRevokesAndForgets()
    {
        const Run logout = cli(withIssuer({QStringLiteral("logout")}));
        QVERIFY2(logout.exitCode == 0, logout.err.constData());
        const Run whoami = cli(withIssuer({QStringLiteral("whoami")}));
        QCOMPARE(whoami.exitCode, 1);
        QVERIFY(whoami.err.contains("Not signed in"));
        QVERIFY(whoami.out.isEmpty());
    }

    void f_loginNoBrowserPrintsTheUrlAloneOnStdout()
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("COUNTERSIGN_BROWSER"), QStringLiteral("/bin/false")); // must not be used
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(COUNTERSIGN_CLI_BINARY),
                      withIssuer({QStringLiteral("login"), QStringLiteral("--no-browser")}));
        QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine(), 20000);
        const QByteArray line = process.readLine();
        QVERIFY(line.endsWith('\n'));
        const QUrl url(QString::fromUtf8(line.trimmed()), QUrl::StrictMode);
        QVERIFY(url.isValid());
        QVERIFY(url.toString().startsWith(m_sandbox.issuer().toString() + QStringLiteral("/auth?")));

        const auto outcome = test::runBrowser(url, QStringLiteral("bob"), QStringLiteral("bob-demo"));
        QCOMPARE(outcome.outcome, QStringLiteral("redirected"));
        // The browser got the app's own page, not an empty reply.
        QVERIFY2(outcome.detail.contains(QStringLiteral("You are signed in as Bob Brown")),
                 qPrintable(outcome.detail));
        // (It may have finished while runBrowser() spun the event loop: waitForFinished() would say false.)
        QTRY_VERIFY_WITH_TIMEOUT(process.state() == QProcess::NotRunning, 20000);
        QCOMPARE(process.exitCode(), 0);
        QVERIFY(process.readAllStandardOutput().isEmpty()); // nothing after the URL line
        QVERIFY(process.readAllStandardError().contains("Signed in as Bob Brown"));
    }

    void g_usesTheRunningLocalSandboxByDefault()
    {
        // scripts/run starts the sandbox on the app's default data directory; no flag needed then.
        test::Sandbox local;
        const QString dataDir =
            qEnvironmentVariable("XDG_DATA_HOME") + QStringLiteral("/countersign-sandbox");
        QVERIFY(QDir().mkpath(dataDir));
        sandbox::SandboxLauncher launcher;
        std::optional<Result<QUrl>> issuer;
        launcher.start(dataDir, 0, [&](Result<QUrl> r) { issuer.emplace(std::move(r)); });
        QTRY_VERIFY_WITH_TIMEOUT(issuer.has_value(), 30000);
        QVERIFY(issuer->ok());
        const Run login =
            cli({QStringLiteral("login")}, browser(QStringLiteral("alice"), QStringLiteral("alice-demo")));
        QVERIFY2(login.exitCode == 0, login.err.constData());
        QVERIFY(login.out.contains(issuer->value().toString().toUtf8()));
        const Run whoami = cli({QStringLiteral("whoami"), QStringLiteral("--json")});
        QVERIFY(whoami.out.contains(issuer->value().toString().toUtf8()));
    }

    void h_unreachableIssuerFailsWithAReason()
    {
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            port = probe.serverPort();
        }
        const Run run = cli({QStringLiteral("--issuer"), QStringLiteral("http://127.0.0.1:%1").arg(port),
                             QStringLiteral("login"), QStringLiteral("--no-browser")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.contains("Could not connect"), run.err.constData());
    }

    void i_usageErrorsExitWithTwo()
    {
        QCOMPARE(cli({QStringLiteral("frobnicate")}).exitCode, 2);
        QCOMPARE(cli({}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("whoami"), QStringLiteral("--no-browser")}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("login"), QStringLiteral("--json")}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("--bogus"), QStringLiteral("login")}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("--help")}).exitCode, 0);
    }

    // The messages come from the command table (CliRunner::commands()); scripts and people read them.
    void i_usageErrorsSayWhatToGive_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("no command") << QStringList{}
                                    << "Give one command: login, whoami, logout, inbox, approve, "
                                       "deny, device or agent. See --help.";
        QTest::newRow("an argument too many")
            << QStringList{"whoami", "extra"}
            << "Give one command: login, whoami, logout, inbox, approve, deny, device or agent. See --help.";
        QTest::newRow("unknown command")
            << QStringList{"frobnicate"} << "Unknown command \"frobnicate\". See --help.";
        QTest::newRow("option of another command")
            << QStringList{"login", "--json"}
            << "--json only applies to \"whoami\", \"inbox\", \"device\", \"agent\".";
        QTest::newRow("no request ID")
            << QStringList{"deny"} << "Give the request's ID: countersign-cli deny ID";
        QTest::newRow("no code") << QStringList{"device"}
                                 << "Give the code the device shows: countersign-cli device CODE";
        QTest::newRow("no prompt")
            << QStringList{"agent"}
            << "Give one prompt, quoted: countersign-cli agent \"Buy 3 shares of ACME\"";
        QTest::newRow("empty prompt") << QStringList{"agent", " "} << "The prompt is empty.";
        QTest::newRow("approve and deny")
            << QStringList{"device", "--approve", "--deny"} << "Give either --approve or --deny, not both.";
        QTest::newRow("device code and no browser")
            << QStringList{"login", "--device", "--no-browser"}
            << "--device never opens a browser here; leave out --no-browser.";
    }
    void i_usageErrorsSayWhatToGive()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        QProcessEnvironment english;
        english.insert(QStringLiteral("LANG"), QStringLiteral("en_US.UTF-8"));
        english.insert(QStringLiteral("LC_ALL"), QStringLiteral("en_US.UTF-8"));
        const Run run = cli(arguments, english);
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(QString::fromUtf8(run.err), QStringLiteral("Error: %1\n").arg(message));
    }

    void i_helpListsEachCommandWithWhatItDoes()
    {
        QProcessEnvironment english;
        english.insert(QStringLiteral("LANG"), QStringLiteral("en_US.UTF-8"));
        english.insert(QStringLiteral("LC_ALL"), QStringLiteral("en_US.UTF-8"));
        const Run run = cli({QStringLiteral("--help")}, english);
        QCOMPARE(run.exitCode, 0);
        const QByteArray commands =
            "Countersign: approve what AI agents do on your behalf.\n\nCommands:\n"
            "  login [--no-browser]          Sign in through the browser.\n"
            "  login --device                Sign in with a code, approved in a browser on any device.\n"
            "  whoami [--json]               Show who is signed in.\n"
            "  logout                        Sign out and delete the stored tokens.\n"
            "  inbox [--json] [--watch]      List approval requests; --watch prints events as JSON lines.\n"
            "  approve ID [--reason TEXT]    Approve a request.\n"
            "  deny ID [--reason TEXT]       Deny a request.\n"
            "  device CODE [--json]          Show which app asks for what with a device code (or its link).\n"
            "  device CODE --approve|--deny  Approve or deny a device code.\n"
            "  agent [--json] [--no-wait] PROMPT\n"
            "                                One turn with the agent; waits until its requests are "
            "decided.\n";
        QVERIFY2(run.out.contains(commands), run.out.constData());
        QVERIFY2(
            run.out.contains("  command            login, whoami, logout, inbox, approve, deny, device or\n"
                             "                     agent\n"),
            run.out.constData());
    }

    void k_followsTheSystemLanguage()
    {
        QProcessEnvironment german;
        german.insert(QStringLiteral("LANG"), QStringLiteral("de_DE.UTF-8"));
        german.insert(QStringLiteral("LC_ALL"), QStringLiteral("de_DE.UTF-8"));
        const Run run = cli({QStringLiteral("frobnicate")}, german);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("Unbekannter Befehl"), run.err.constData());
        QProcessEnvironment english;
        english.insert(QStringLiteral("LANG"), QStringLiteral("en_US.UTF-8"));
        english.insert(QStringLiteral("LC_ALL"), QStringLiteral("en_US.UTF-8"));
        QVERIFY(cli({QStringLiteral("frobnicate")}, english).err.contains("Unknown command"));
    }

    void j_plainHttpRemoteIssuerIsRefused()
    {
        const Run run = cli({QStringLiteral("--issuer"), QStringLiteral("http://idp.example.com"),
                             QStringLiteral("login"), QStringLiteral("--no-browser")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains("https"));
    }

    void k_providerOptionsThatDoNotFitAreUsageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("says");
        QTest::newRow("auth0 without domain")
            << QStringList{"--provider", "auth0", "--client-id", "x"} << "--domain";
        QTest::newRow("auth0 without client id")
            << QStringList{"--domain", "example.eu.auth0.com"} << "--client-id";
        QTest::newRow("domain with a path")
            << QStringList{"--domain", "example.auth0.com/authorize", "--client-id", "x"} << "not a domain";
        QTest::newRow("issuer for auth0")
            << QStringList{"--provider", "auth0",         "--issuer",    "https://a.example.com",
                           "--domain",   "a.example.com", "--client-id", "x"}
            << "--issuer";
        QTest::newRow("audience for oidc")
            << QStringList{"--issuer", "https://a.example.com", "--audience", "api"} << "--audience";
        QTest::newRow("audience alone") << QStringList{"--audience", "api"} << "--audience";
        QTest::newRow("unknown kind") << QStringList{"--provider", "okta"} << "sandbox, oidc or auth0";
        QTest::newRow("sandbox with issuer")
            << QStringList{"--provider", "sandbox", "--issuer", "https://a.example.com"} << "sandbox";
        QTest::newRow("client id alone") << QStringList{"--client-id", "x"} << "--client-id";
    }
    void k_providerOptionsThatDoNotFitAreUsageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, says);
        const Run run = cli(arguments << QStringLiteral("whoami"));
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(says.toUtf8()), run.err.constData());
    }

    void l_anUnreadableCaFileIsNamed()
    {
        const Run run =
            cli({QStringLiteral("--domain"), QStringLiteral("127.0.0.1:9"), QStringLiteral("--client-id"),
                 QStringLiteral("x"), QStringLiteral("--ca-file"), QStringLiteral("/nonexistent/ca.pem"),
                 QStringLiteral("login"), QStringLiteral("--no-browser")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("/nonexistent/ca.pem"), run.err.constData());
    }
};

QTEST_GUILESS_MAIN(CliTest)
#include "tst_cli.moc"
