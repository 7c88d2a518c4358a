// Device flow end to end against the sandbox: a device (the public client demo-device) gets a
// code; alice, signed in to the app, looks it up and decides it through the device approver API;
// the device's poll then gets tokens (or access_denied). Real HTTP, real keychain, real login.
#include "Jwt.h"
#include "SandboxWithAlice.h"
#include "TestEnvironment.h"
#include "Wait.h"

#include "approvals/ApprovalErrors.h"
#include "approvals/DeviceApprover.h"
#include "device/DeviceAuthorizationClient.h"
#include "device/UserCode.h"
#include "oauth/OAuthErrors.h"

#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QTest>

using namespace countersign;
using test::jwtClaims;
using test::wait;

namespace {

const QString kDataApi = QStringLiteral("https://api.sandbox.countersign.dev/data");
const QString kStockApi = QStringLiteral("https://api.sandbox.countersign.dev/stock");

nlohmann::json trade(int qty)
{
    return nlohmann::json::array(
        {{{"type", "trade_authorization"}, {"action", "buy"}, {"ticker", "ACME"}, {"qty", qty}}});
}

QString text(const nlohmann::json &json)
{
    return QString::fromStdString(json.dump());
}

QString messageOf(const Error &error)
{
    return error.code + QStringLiteral(": ") + error.message;
}

} // namespace

class DeviceSandboxTest : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_network;
    std::unique_ptr<test::SandboxWithAlice> m_world;

    std::unique_ptr<device::DeviceAuthorizationClient> device()
    {
        return std::make_unique<device::DeviceAuthorizationClient>(
            m_world->http(), m_world->metadata().deviceAuthorizationEndpoint,
            m_world->metadata().tokenEndpoint, QStringLiteral("demo-device"));
    }

    Result<device::DeviceAuthorization> start(device::DeviceAuthorizationClient &client, QStringList scopes,
                                              nlohmann::json details = nullptr)
    {
        device::DeviceAuthorizationRequest request;
        request.scopes = std::move(scopes);
        request.authorizationDetails = std::move(details);
        return wait<device::DeviceAuthorization>([&](auto done) { client.authorize(request, done); });
    }

    approvals::DeviceApprover *approver() { return m_world->channel().deviceApprover(); }

    Result<approvals::DeviceRequest> lookup(const QString &typed)
    {
        const auto code = device::UserCode::parse(typed);
        if (!code)
            return code.error();
        return wait<approvals::DeviceRequest>([&](auto done) { approver()->lookup(code->code, done); });
    }

    Result<approvals::DeviceRequest> decide(const QString &typed, approvals::Decision decision)
    {
        const auto code = device::UserCode::parse(typed);
        if (!code)
            return code.error();
        return wait<approvals::DeviceRequest>(
            [&](auto done) { approver()->decide(code->code, decision, done); });
    }

    static oauth::PollOutcome outcomeOf(device::DevicePoll &poll, int timeoutMs = 30000)
    {
        std::optional<oauth::PollOutcome> outcome;
        poll.start([&](const oauth::PollOutcome &o) { outcome = o; });
        (void)QTest::qWaitFor([&] { return outcome.has_value(); }, timeoutMs);
        return outcome.value_or(
            oauth::PollOutcome{oauth::PollOutcome::Kind::Failed, {}, {QStringLiteral("test_timeout"), {}}});
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(test::chromiumAvailable());
        m_world = std::make_unique<test::SandboxWithAlice>(
            &m_network, QStringList{QStringLiteral("--device-interval"), QStringLiteral("1")});
        const QString error = m_world->start();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(!m_world->metadata().deviceAuthorizationEndpoint.isEmpty());
        QVERIFY(m_world->metadata().hasDeviceApprover());
        QVERIFY(approver());
    }

    void theDeviceGetsACodeToShow()
    {
        auto client = device();
        const auto code = start(*client, {QStringLiteral("openid"), QStringLiteral("data:read")});
        QVERIFY2(code, qPrintable(code ? QString() : messageOf(code.error())));
        QVERIFY2(QRegularExpression(QStringLiteral("^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$"))
                     .match(code->userCode)
                     .hasMatch(),
                 qPrintable(code->userCode));
        QCOMPARE(code->verificationUri.toString(),
                 m_world->issuer().toString() + QStringLiteral("/activate"));
        QCOMPARE(device::UserCode::parse(code->verificationUriComplete.toString())->code,
                 QString(code->userCode).remove(u'-'));
        QCOMPARE(code->interval.count(), 1);
        const qint64 life = QDateTime::currentDateTimeUtc().secsTo(code->expiresAt);
        QVERIFY2(life > 590 && life <= 600, qPrintable(QString::number(life)));
    }

    // Typed in lower case with a space, or pasted as the link: the same code, fully described.
    void approveGivesTheDeviceTokensForAliceWithTheDetails()
    {
        auto client = device();
        const auto code =
            start(*client, {QStringLiteral("openid"), QStringLiteral("offline_access")}, trade(7));
        QVERIFY2(code, qPrintable(code ? QString() : messageOf(code.error())));

        const auto typed = lookup(code->userCode.toLower().replace(u'-', u' '));
        QVERIFY2(typed, qPrintable(typed ? QString() : messageOf(typed.error())));
        QCOMPARE(typed->userCode, code->userCode);
        QCOMPARE(typed->clientId, QStringLiteral("demo-device"));
        QCOMPARE(typed->clientName, QStringLiteral("Demo Device"));
        QCOMPARE(typed->scopes, QStringList({QStringLiteral("openid"), QStringLiteral("offline_access")}));
        QCOMPARE(typed->resource, kStockApi); // the API the trade details are for
        QCOMPARE(text(typed->authorizationDetails), text(trade(7)));
        QCOMPARE(typed->status, approvals::DeviceRequest::Status::Pending);
        QVERIFY(typed->secondsLeft() > 500);

        const auto decided = decide(code->verificationUriComplete.toString(), approvals::Decision::Approve);
        QVERIFY2(decided, qPrintable(decided ? QString() : messageOf(decided.error())));
        QCOMPARE(decided->status, approvals::DeviceRequest::Status::Approved);
        // The same decision again changes nothing and is no error.
        QVERIFY(decide(code->userCode, approvals::Decision::Approve));

        device::DevicePoll poll(client.get(), code.value());
        const oauth::PollOutcome outcome = outcomeOf(poll);
        QVERIFY2(outcome.kind == oauth::PollOutcome::Kind::Approved, qPrintable(messageOf(outcome.error)));
        // offline_access was asked for, but an approved trade allows one order: nothing to renew.
        QVERIFY(outcome.tokens.refreshToken.isEmpty());
        QVERIFY(!outcome.tokens.idToken.isEmpty());
        QCOMPARE(text(outcome.tokens.authorizationDetails), text(trade(7)));
        const nlohmann::json claims = jwtClaims(outcome.tokens.accessToken);
        QCOMPARE(claims.value("sub", ""), std::string("alice"));
        QCOMPARE(claims.value("client_id", ""), std::string("demo-device"));
        QCOMPARE(claims.value("aud", nlohmann::json()).dump(),
                 nlohmann::json(kStockApi.toStdString()).dump());
        QCOMPARE(text(claims.value("authorization_details", nlohmann::json())), text(trade(7)));
        QCOMPARE(jwtClaims(outcome.tokens.idToken).value("sub", ""), std::string("alice"));
    }

    void aScopeAloneTargetsItsApi()
    {
        auto client = device();
        const auto code = start(*client, {QStringLiteral("openid"), QStringLiteral("data:read")});
        QVERIFY(code);
        QVERIFY(decide(code->userCode, approvals::Decision::Approve));
        device::DevicePoll poll(client.get(), code.value());
        const oauth::PollOutcome outcome = outcomeOf(poll);
        QVERIFY2(outcome.kind == oauth::PollOutcome::Kind::Approved, qPrintable(messageOf(outcome.error)));
        const nlohmann::json claims = jwtClaims(outcome.tokens.accessToken);
        QCOMPARE(claims.value("aud", nlohmann::json()).dump(), nlohmann::json(kDataApi.toStdString()).dump());
        QCOMPARE(claims.value("scope", ""), std::string("data:read"));
    }

    void denyGivesTheDeviceAccessDeniedAndCannotBeTurnedAround()
    {
        auto client = device();
        const auto code = start(*client, {QStringLiteral("openid"), QStringLiteral("data:read")});
        QVERIFY(code);
        const auto denied = decide(code->userCode, approvals::Decision::Deny);
        QVERIFY2(denied, qPrintable(denied ? QString() : messageOf(denied.error())));
        QCOMPARE(denied->status, approvals::DeviceRequest::Status::Denied);

        const auto turned = decide(code->userCode, approvals::Decision::Approve);
        QVERIFY(!turned);
        QCOMPARE(turned.error().code, QString(approvals::errors::conflict));

        device::DevicePoll poll(client.get(), code.value());
        const oauth::PollOutcome outcome = outcomeOf(poll);
        QCOMPARE(int(outcome.kind), int(oauth::PollOutcome::Kind::Denied));
        QCOMPARE(outcome.error.code, QString(oauth::errors::accessDenied));
    }

    void aPollFasterThanTheIntervalIsToldToSlowDown()
    {
        auto client = device();
        const auto code = start(*client, {QStringLiteral("openid"), QStringLiteral("data:read")});
        QVERIFY(code);
        auto first = wait<oauth::TokenSet>([&](auto done) { client->requestToken(code->deviceCode, done); });
        auto second = wait<oauth::TokenSet>([&](auto done) { client->requestToken(code->deviceCode, done); });
        QVERIFY(!first && !second);
        QCOMPARE(second.error().code, QString(oauth::errors::slowDown));

        // DevicePoll keeps to the interval (now 1 + 5 s) and still gets the tokens.
        device::DevicePoll poll(client.get(), code.value());
        QVERIFY(decide(code->userCode, approvals::Decision::Approve));
        const oauth::PollOutcome outcome = outcomeOf(poll);
        QVERIFY2(outcome.kind == oauth::PollOutcome::Kind::Approved, qPrintable(messageOf(outcome.error)));
    }

    void unknownCodesAreNotFoundAndGuessingIsStopped()
    {
        const auto unknown = lookup(QStringLiteral("BBBB-BBBB"));
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().code, QString(approvals::errors::notFound));
        QVERIFY(!unknown.error().message.isEmpty());

        // Ten failures in a minute, then even a real code is refused for a while.
        for (int i = 1; i < 10; ++i)
            QCOMPARE(lookup(QStringLiteral("BBBB-BBBB")).error().code, QString(approvals::errors::notFound));
        auto client = device();
        const auto code = start(*client, {QStringLiteral("openid"), QStringLiteral("data:read")});
        QVERIFY(code);
        const auto limited = lookup(code->userCode);
        QVERIFY(!limited);
        QCOMPARE(limited.error().code, QString(approvals::errors::rateLimited));
        QVERIFY(!limited.error().message.isEmpty());
    }

    // Last: needs a sandbox whose codes expire in two seconds (the rate limit above is gone with
    // the restart, since it is kept in memory).
    void anExpiredCodeIsExpiredForBothSides()
    {
        m_world = std::make_unique<test::SandboxWithAlice>(
            &m_network, QStringList{QStringLiteral("--device-interval"), QStringLiteral("1"),
                                    QStringLiteral("--device-code-ttl"), QStringLiteral("2")});
        const QString error = m_world->start();
        QVERIFY2(error.isEmpty(), qPrintable(error));

        auto client = device();
        const auto code = start(*client, {QStringLiteral("openid"), QStringLiteral("data:read")});
        QVERIFY(code);
        device::DevicePoll poll(client.get(), code.value());
        const oauth::PollOutcome outcome = outcomeOf(poll, 20000);
        QCOMPARE(int(outcome.kind), int(oauth::PollOutcome::Kind::Expired));
        QCOMPARE(outcome.error.code, QString(oauth::errors::expiredToken));

        const auto late = decide(code->userCode, approvals::Decision::Approve);
        QVERIFY(!late);
        QCOMPARE(late.error().code, QString(approvals::errors::expired));
    }
};

QTEST_MAIN(DeviceSandboxTest)
#include "tst_device_sandbox.moc"
