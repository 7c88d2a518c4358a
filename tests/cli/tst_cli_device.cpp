// countersign-cli device / login --device as a user runs them: the real binary signed in as alice
// at a real sandbox, and a device (the public client demo-device) waiting for her decision.
#include "Jwt.h"
#include "Sandbox.h"
#include "TestEnvironment.h"
#include "Wait.h"

#include "device/DeviceAuthorizationClient.h"
#include "net/HttpClient.h"
#include "oauth/DiscoveryClient.h"

#include <QNetworkAccessManager>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace countersign;

using Run = test::ProcessRun;

class CliDeviceTest : public QObject
{
    Q_OBJECT

    test::Sandbox m_sandbox{{QStringLiteral("--device-interval"), QStringLiteral("1")}};
    QNetworkAccessManager m_network;
    net::HttpClient m_http{&m_network};
    std::unique_ptr<device::DeviceAuthorizationClient> m_device;

    QProcessEnvironment environment() const { return test::cliEnvironment(m_sandbox.issuer()); }

    Run cli(const QStringList &arguments, const QProcessEnvironment &env)
    {
        return test::runProcess(QStringLiteral(COUNTERSIGN_CLI_BINARY), arguments, env);
    }

    Run cli(const QStringList &arguments) { return cli(arguments, environment()); }

    device::DeviceAuthorization newCode()
    {
        device::DeviceAuthorizationRequest request;
        request.scopes = {QStringLiteral("openid"), QStringLiteral("data:read")};
        auto code =
            test::wait<device::DeviceAuthorization>([&](auto done) { m_device->authorize(request, done); });
        return code ? code.value() : device::DeviceAuthorization{};
    }

    oauth::PollOutcome outcomeOf(const device::DeviceAuthorization &code)
    {
        device::DevicePoll poll(m_device.get(), code);
        std::optional<oauth::PollOutcome> outcome;
        poll.start([&](const oauth::PollOutcome &o) { outcome = o; });
        (void)QTest::qWaitFor([&] { return outcome.has_value(); }, 30000);
        return outcome.value_or(oauth::PollOutcome{});
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!test::chromiumAvailable())
            QSKIP("Chromium is not installed (scripts/test installs it)");
        QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.error()));
        oauth::DiscoveryClient discovery(&m_http);
        auto metadata = test::wait<oauth::ProviderMetadata>(
            [&](auto done) { discovery.discover(m_sandbox.issuer(), done); });
        QVERIFY(metadata);
        m_device = std::make_unique<device::DeviceAuthorizationClient>(
            &m_http, metadata->deviceAuthorizationEndpoint, metadata->tokenEndpoint,
            QStringLiteral("demo-device"));
        const Run login = cli({QStringLiteral("login")});
        QVERIFY2(login.exitCode == 0, login.err.constData());
    }

    void a_lookupJsonHasTheApiFieldsInOrder()
    {
        const auto code = newCode();
        QVERIFY(!code.userCode.isEmpty());
        const Run run = cli({QStringLiteral("device"), code.userCode, QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const auto json = nlohmann::ordered_json::parse(run.out.toStdString(), nullptr, false);
        QVERIFY2(json.is_object(), run.out.constData());
        QStringList keys;
        for (auto it = json.begin(); it != json.end(); ++it)
            keys << QString::fromStdString(it.key());
        QCOMPARE(keys, QStringList({"user_code", "client_id", "client_name", "scope", "resource",
                                    "authorization_details", "created_at", "expires_at", "status"}));
        QCOMPARE(json["user_code"].get<std::string>(), code.userCode.toStdString());
        QCOMPARE(json["client_name"].get<std::string>(), std::string("Demo Device"));
        QCOMPARE(json["resource"].get<std::string>(),
                 std::string("https://api.sandbox.countersign.dev/data"));
        QCOMPARE(json["status"].get<std::string>(), std::string("pending"));
    }

    void b_lookupAcceptsTheCodeAsPeopleTypeIt()
    {
        const auto code = newCode();
        const Run run = cli({QStringLiteral("device"), code.userCode.toLower().replace(u'-', u' ')});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QString out = QString::fromUtf8(run.out);
        QVERIFY2(out.contains(code.userCode) && out.contains(QStringLiteral("Demo Device")) &&
                     out.contains(QStringLiteral("waiting")),
                 run.out.constData());
        QVERIFY2(out.contains(QStringLiteral("Asks to: Read your data records")), run.out.constData());
    }

    void c_approveGivesTheDeviceTokensForAlice()
    {
        const auto code = newCode();
        const Run run = cli({QStringLiteral("device"), code.userCode, QStringLiteral("--approve")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.err.contains("Approved"), run.err.constData());
        const oauth::PollOutcome outcome = outcomeOf(code);
        QVERIFY2(outcome.kind == oauth::PollOutcome::Kind::Approved, qPrintable(outcome.error.message));
        QCOMPARE(test::jwtClaims(outcome.tokens.accessToken).value("sub", ""), std::string("alice"));
    }

    void d_denyThroughThePastedLink()
    {
        const auto code = newCode();
        const Run run = cli({QStringLiteral("device"), code.verificationUriComplete.toString(),
                             QStringLiteral("--deny"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(nlohmann::json::parse(run.out.toStdString()).value("status", ""), std::string("denied"));
        const oauth::PollOutcome outcome = outcomeOf(code);
        QCOMPARE(int(outcome.kind), int(oauth::PollOutcome::Kind::Denied));
        // Deciding the other way now is refused, with a message and exit 1.
        const Run again = cli({QStringLiteral("device"), code.userCode, QStringLiteral("--approve")});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains("already decided"), again.err.constData());
    }

    void e_mistakesGetAClearMessage_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::addRow("unknown code") << QStringList{"device", "BBBB-BBBB"} << 1 << "No device is waiting";
        QTest::addRow("not a code") << QStringList{"device", "hello!"} << 1 << "not a device code";
        QTest::addRow("a link without a code")
            << QStringList{"device", "http://127.0.0.1:1/activate"} << 1 << "no code in it";
        QTest::addRow("no code") << QStringList{"device"} << 2 << "Give the code";
        QTest::addRow("both decisions")
            << QStringList{"device", "BBBB-BBBB", "--approve", "--deny"} << 2 << "not both";
        QTest::addRow("--approve elsewhere") << QStringList{"inbox", "--approve"} << 2 << "only applies";
        QTest::addRow("--device elsewhere") << QStringList{"whoami", "--device"} << 2 << "only applies";
        QTest::addRow("--device --no-browser")
            << QStringList{"login", "--device", "--no-browser"} << 2 << "--no-browser";
    }

    void e_mistakesGetAClearMessage()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const Run run = cli(arguments);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(QString::fromUtf8(run.err).contains(message), run.err.constData());
        QVERIFY(run.out.isEmpty());
    }

    // login --device prints the code and the address, then waits; alice approves it from her
    // other session (this machine's stored one, through `device CODE --approve`); the waiting
    // login ends signed in as alice.
    void f_loginWithDeviceSignsInOnceApproved()
    {
        QProcess login;
        login.setProcessEnvironment(environment());
        login.start(QStringLiteral(COUNTERSIGN_CLI_BINARY),
                    {QStringLiteral("login"), QStringLiteral("--device")});
        QByteArray printed;
        QTRY_VERIFY_WITH_TIMEOUT((printed += login.readAllStandardOutput()).contains("verification_uri:"),
                                 20000);
        const QRegularExpressionMatch code =
            QRegularExpression(QStringLiteral("^user_code: ([A-Z]{4}-[A-Z]{4})$"),
                               QRegularExpression::MultilineOption)
                .match(QString::fromUtf8(printed));
        QVERIFY2(code.hasMatch(), printed.constData());
        QVERIFY2(
            printed.contains(("verification_uri: " + m_sandbox.issuer().toString() + "/activate").toUtf8()),
            printed.constData());

        const Run approve = cli({QStringLiteral("device"), code.captured(1), QStringLiteral("--approve")});
        QVERIFY2(approve.exitCode == 0, approve.err.constData());

        QVERIFY(login.waitForFinished(30000));
        const QByteArray err = login.readAllStandardError();
        QVERIFY2(login.exitCode() == 0, err.constData());
        QVERIFY2(err.contains("Signed in as Alice Adams"), err.constData());
        QVERIFY2(err.contains("cannot approve requests") && err.contains("countersign-cli login"),
                 err.constData());

        // The new session is the stored one, and it works (whoami), but without the approver role:
        // a device code never grants it, so the inbox says this session has no approval access.
        const Run whoami = cli({QStringLiteral("whoami"), QStringLiteral("--json")});
        QVERIFY2(whoami.exitCode == 0, whoami.err.constData());
        QCOMPARE(nlohmann::json::parse(whoami.out.toStdString()).value("sub", ""), std::string("alice"));
        const Run inbox = cli({QStringLiteral("inbox"), QStringLiteral("--json")});
        QCOMPARE(inbox.exitCode, 1);
        QVERIFY2(
            inbox.err.contains("does not include access to https://api.sandbox.countersign.dev/approvals"),
            inbox.err.constData());
        QVERIFY(inbox.out.isEmpty());
    }

    // Last (it signs in elsewhere): a provider without the device approver API, like Auth0. A
    // pasted link is opened in the browser, where the provider's own page takes the code; a bare
    // code gets told to pass the link.
    void g_withoutTheApproverApiTheLinkOpensInTheBrowser()
    {
        test::Sandbox plain{{QStringLiteral("--no-approval-channel")}};
        QVERIFY2(plain.start(), qPrintable(plain.error()));
        QProcessEnvironment env = environment();
        env.insert(QStringLiteral("COUNTERSIGN_ISSUER"), plain.issuer().toString());
        const Run login = cli({QStringLiteral("login")}, env);
        QVERIFY2(login.exitCode == 0, login.err.constData());

        oauth::DiscoveryClient discovery(&m_http);
        auto metadata =
            test::wait<oauth::ProviderMetadata>([&](auto done) { discovery.discover(plain.issuer(), done); });
        QVERIFY(metadata && !metadata->hasDeviceApprover());
        device::DeviceAuthorizationClient client(&m_http, metadata->deviceAuthorizationEndpoint,
                                                 metadata->tokenEndpoint, QStringLiteral("demo-device"));
        device::DeviceAuthorizationRequest request;
        request.scopes = {QStringLiteral("openid")};
        auto code =
            test::wait<device::DeviceAuthorization>([&](auto done) { client.authorize(request, done); });
        QVERIFY(code);

        // The "browser" writes down what it was asked to open.
        QTemporaryDir dir;
        const QString opened = dir.filePath(QStringLiteral("opened"));
        QFile recorder(dir.filePath(QStringLiteral("browser.sh")));
        QVERIFY(recorder.open(QIODevice::WriteOnly));
        recorder.write("#!/bin/sh\nprintf '%s' \"$1\" > \"$0.tmp\" && mv \"$0.tmp\" " + opened.toUtf8() +
                       "\n");
        recorder.close();
        recorder.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        env.insert(QStringLiteral("COUNTERSIGN_BROWSER"), recorder.fileName());

        const Run viaLink = cli({QStringLiteral("device"), code->verificationUriComplete.toString()}, env);
        QVERIFY2(viaLink.exitCode == 0, viaLink.err.constData());
        QVERIFY2(viaLink.err.contains("no device approval API") && viaLink.err.contains("browser"),
                 viaLink.err.constData());
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(opened), 5000);
        QFile openedFile(opened);
        QVERIFY(openedFile.open(QIODevice::ReadOnly));
        QCOMPARE(QUrl(QString::fromUtf8(openedFile.readAll())), code->verificationUriComplete);

        const Run bare = cli({QStringLiteral("device"), code->userCode}, env);
        QCOMPARE(bare.exitCode, 1);
        QVERIFY2(bare.err.contains("Open the link the device shows"), bare.err.constData());
    }
};

QTEST_GUILESS_MAIN(CliDeviceTest)
#include "tst_cli_device.moc"
