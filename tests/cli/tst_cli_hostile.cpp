// countersign-cli against a hostile provider: a small server on 127.0.0.1 whose every string
// (the device's user_code, error_description) carries terminal escape sequences, a bidi override
// and a line break. The real binary must print all of it as visible text: a provider cannot clear
// the screen, retitle the terminal, colour a fake warning or start a line of its own.
#include "LocalHttpServer.h"
#include "TestEnvironment.h"

#include <QProcess>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace countersign;

namespace {

// OSC 0 (set the window title, ended by BEL), then "clear the screen", a C1 CSI starting a colour,
// a right-to-left override, and a line break starting a fake line of the CLI's own.
const std::string kHostile = "\x1b]0;pwned\x07\x1b[2J\xc2\x9b"
                             "31m\xe2\x80\xae"
                             "gnp.exe\nSigned in as admin";

// What the terminal may receive instead (rar::plainText's markers, the line break as ⏎).
const QString kShown =
    QStringLiteral("⟨U+001B⟩]0;pwned⟨U+0007⟩⟨U+001B⟩[2J⟨U+009B⟩31m⟨U+202E⟩gnp.exe⏎Signed in as admin");

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

} // namespace

class CliHostileProviderTest : public QObject
{
    Q_OBJECT

    test::LocalHttpServer m_provider;

    // The server answers while the CLI runs: wait with the event loop going, not in waitForFinished().
    Run cli(const QStringList &arguments)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("COUNTERSIGN_ISSUER"));
        env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
        env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
        env.insert(QStringLiteral("COUNTERSIGN_BROWSER"), QStringLiteral("/bin/false"));
        QProcess process;
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(COUNTERSIGN_CLI_BINARY),
                      QStringList{QStringLiteral("--issuer"), m_provider.baseUrl().toString(),
                                  QStringLiteral("--client-id"), QStringLiteral("hostile-test")} +
                          arguments);
        if (!QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 60000)) {
            process.kill();
            process.waitForFinished();
        }
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                process.readAllStandardOutput(), process.readAllStandardError()};
    }

    static test::LocalHttpServer::Response answer(int status, const nlohmann::json &body)
    {
        test::LocalHttpServer::Response response;
        response.status = status;
        response.body = QByteArray::fromStdString(body.dump());
        return response;
    }

    nlohmann::json discovery() const
    {
        const std::string base = m_provider.baseUrl().toString().toStdString();
        return {{"issuer", base},
                {"authorization_endpoint", base + "/auth"},
                {"token_endpoint", base + "/token"},
                {"jwks_uri", base + "/jwks"},
                {"device_authorization_endpoint", base + "/device"},
                {"response_types_supported", {"code"}},
                {"subject_types_supported", {"public"}},
                {"id_token_signing_alg_values_supported", {"ES256"}},
                {"code_challenge_methods_supported", {"S256"}}};
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_provider.start()); }

    // login --device: the code is printed on stdout for people and scripts, the token endpoint's
    // error_description on stderr. Both come out as visible text, on their own line each.
    void aDeviceCodeAndAnErrorDescriptionArePrintedEscaped()
    {
        m_provider.route("/.well-known/openid-configuration", answer(200, discovery()));
        const std::string base = m_provider.baseUrl().toString().toStdString();
        m_provider.route("/device", answer(200, {{"device_code", "device-code-1"},
                                                 {"user_code", kHostile},
                                                 {"verification_uri", base + "/activate"},
                                                 {"expires_in", 600},
                                                 {"interval", 1}}));
        m_provider.route("/token",
                         answer(400, {{"error", "invalid_client"}, {"error_description", kHostile}}));

        const Run run = cli({QStringLiteral("login"), QStringLiteral("--device")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(test::terminalControlsIn(run.out).isEmpty(),
                 qPrintable(test::terminalControlsIn(run.out) + u'\n' + run.out));
        QVERIFY2(test::terminalControlsIn(run.err).isEmpty(),
                 qPrintable(test::terminalControlsIn(run.err) + u'\n' + run.err));
        const QStringList out = QString::fromUtf8(run.out).split(u'\n');
        QVERIFY2(out.contains(QStringLiteral("user_code: ") + kShown), run.out.constData());
        const QStringList err = QString::fromUtf8(run.err).split(u'\n');
        QVERIFY2(err.contains(QStringLiteral("Error: ") + kShown), run.err.constData());
        QVERIFY2(!err.contains(QStringLiteral("Signed in as admin")), run.err.constData());
    }

    // An error_description in a discovery answer reaches stderr through the same path (Error.message).
    void bADiscoveryErrorDescriptionIsPrintedEscaped()
    {
        m_provider.route("/.well-known/openid-configuration",
                         answer(400, {{"error", "invalid_request"}, {"error_description", kHostile}}));
        const Run run = cli({QStringLiteral("login"), QStringLiteral("--no-browser")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(test::terminalControlsIn(run.err).isEmpty(),
                 qPrintable(test::terminalControlsIn(run.err) + u'\n' + run.err));
        QVERIFY2(QString::fromUtf8(run.err).contains(QStringLiteral("is not an OpenID provider: ") + kShown +
                                                     u'\n'),
                 run.err.constData());
    }
};

QTEST_GUILESS_MAIN(CliHostileProviderTest)
#include "tst_cli_hostile.moc"
