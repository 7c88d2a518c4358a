// The approver API's description of a device code (docs/approval-channel.md, "Device codes"): what
// is accepted, what is refused, and how it is written back for `countersign-cli device CODE --json`.
#include "approvals/DeviceRequest.h"

#include <QTest>

using namespace countersign;
using approvals::DeviceRequest;

class DeviceRequestTest : public QObject
{
    Q_OBJECT

    static nlohmann::json request()
    {
        return {{"user_code", "WDJB-MJHT"},
                {"client_id", "demo-device"},
                {"client_name", "Demo Device"},
                {"scope", "openid data:read"},
                {"resource", "https://api.example/data"},
                {"authorization_details", nlohmann::json::array({{{"type", "x"}}})},
                {"created_at", "2025-03-01T09:30:00.182Z"},
                {"expires_at", "2025-03-01T09:40:00.182Z"},
                {"status", "pending"}};
    }

private Q_SLOTS:
    void aDeviceRequestRoundTrips()
    {
        const auto parsed = DeviceRequest::fromJson(request());
        QVERIFY(parsed);
        QCOMPARE(parsed->userCode, QStringLiteral("WDJB-MJHT"));
        QCOMPARE(parsed->clientName, QStringLiteral("Demo Device"));
        QCOMPARE(parsed->scopes, QStringList({QStringLiteral("openid"), QStringLiteral("data:read")}));
        QCOMPARE(parsed->resource, QStringLiteral("https://api.example/data"));
        QCOMPARE(parsed->status, DeviceRequest::Status::Pending);
        // The same members and values, in the API's order.
        QCOMPARE(QString::fromStdString(nlohmann::json(parsed->toJson()).dump()),
                 QString::fromStdString(request().dump()));
        QCOMPARE(QString::fromStdString(parsed->toJson().begin().key()), QStringLiteral("user_code"));
        QCOMPARE(QString::fromStdString((--parsed->toJson().end()).key()), QStringLiteral("status"));

        auto noResource = request();
        noResource["resource"] = nullptr;
        noResource["authorization_details"] = nullptr;
        const auto bare = DeviceRequest::fromJson(noResource);
        QVERIFY(bare);
        QVERIFY(bare->resource.isEmpty());
        QCOMPARE(QString::fromStdString(bare->authorizationDetails.dump()), QStringLiteral("[]"));
        QVERIFY(bare->toJson()["resource"].is_null());
    }

    void malformedDeviceRequests_data()
    {
        QTest::addColumn<QByteArray>("member");
        QTest::addColumn<QByteArray>("value");
        QTest::addRow("no user_code") << QByteArray("user_code") << QByteArray();
        QTest::addRow("no client_id") << QByteArray("client_id") << QByteArray();
        QTest::addRow("scope as a list") << QByteArray("scope") << QByteArray("[\"openid\"]");
        QTest::addRow("details as an object") << QByteArray("authorization_details") << QByteArray("{}");
        QTest::addRow("no expires_at") << QByteArray("expires_at") << QByteArray();
        QTest::addRow("a date that is not one") << QByteArray("expires_at") << QByteArray("\"soon\"");
        QTest::addRow("an unknown status") << QByteArray("status") << QByteArray("\"maybe\"");
    }

    void malformedDeviceRequests()
    {
        QFETCH(QByteArray, member);
        QFETCH(QByteArray, value);
        auto json = request();
        if (value.isEmpty())
            json.erase(member.toStdString());
        else
            json[member.toStdString()] = nlohmann::json::parse(value.toStdString());
        const auto parsed = DeviceRequest::fromJson(json);
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().code, QStringLiteral("device_request_invalid"));
        QVERIFY(parsed.error().message.contains(QString::fromLatin1(member)));
    }
};

QTEST_GUILESS_MAIN(DeviceRequestTest)
#include "tst_device_request.moc"
