// What the device-flow code reads from people and servers: user codes typed or pasted in any
// form (and refused when they are not codes), and device authorization responses.
#include "device/DeviceAuthorizationClient.h"
#include "device/DeviceErrors.h"
#include "device/UserCode.h"

#include <QTest>

using namespace countersign;
using device::DeviceAuthorization;
using device::UserCode;

class DeviceParsingTest : public QObject
{
    Q_OBJECT

    static nlohmann::json authorization()
    {
        return {{"device_code", "dc-secret"},
                {"user_code", "WDJB-MJHT"},
                {"verification_uri", "https://auth.example/activate"},
                {"verification_uri_complete", "https://auth.example/activate?user_code=WDJB-MJHT"},
                {"expires_in", 600},
                {"interval", 5}};
    }

private Q_SLOTS:
    void userCodesInEveryForm_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("link");
        QTest::addRow("as shown") << "WDJB-MJHT"
                                  << "WDJBMJHT"
                                  << "";
        QTest::addRow("lower case with a space") << "wdjb mjht"
                                                 << "WDJBMJHT"
                                                 << "";
        QTest::addRow("run together") << "wdjbmjht"
                                      << "WDJBMJHT"
                                      << "";
        QTest::addRow("padded, tabs and dashes") << "  wd-jb\tmj-ht \n"
                                                 << "WDJBMJHT"
                                                 << "";
        QTest::addRow("with digits") << "AB12-CD34"
                                     << "AB12CD34"
                                     << "";
        QTest::addRow("a verification link") << "https://auth.example/activate?user_code=WDJB-MJHT"
                                             << "WDJBMJHT"
                                             << "https://auth.example/activate?user_code=WDJB-MJHT";
        QTest::addRow("a loopback link with an encoded space")
            << "http://127.0.0.1:8123/activate?user_code=wdjb%20mjht"
            << "WDJBMJHT"
            << "http://127.0.0.1:8123/activate?user_code=wdjb%20mjht";
    }

    void userCodesInEveryForm()
    {
        QFETCH(QString, input);
        QFETCH(QString, code);
        QFETCH(QString, link);
        const auto parsed = UserCode::parse(input);
        QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message));
        QCOMPARE(parsed->code, code);
        QCOMPARE(parsed->link.toString(QUrl::FullyEncoded), link);
    }

    void whatIsNotACode_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("error");
        QTest::addRow("empty") << "" << QString(device::errors::invalidCode);
        QTest::addRow("too short") << "AB-C" << QString(device::errors::invalidCode);
        QTest::addRow("too long") << "ABCDEFGHIJKLMNOPQ" << QString(device::errors::invalidCode);
        QTest::addRow("punctuation") << "WDJB;MJHT" << QString(device::errors::invalidCode);
        QTest::addRow("markup") << "<b>WDJB</b>" << QString(device::errors::invalidCode);
        QTest::addRow("a letter outside ASCII")
            << QStringLiteral("WDJB-MJH\u00C4") << QString(device::errors::invalidCode);
        QTest::addRow("a look-alike Cyrillic letter")
            << QStringLiteral("WDJB-MJH\u0422") << QString(device::errors::invalidCode);
        QTest::addRow("a link without a code")
            << "https://auth.example/activate" << QString(device::errors::noCodeInLink);
        QTest::addRow("a link with an empty code")
            << "https://auth.example/activate?user_code=" << QString(device::errors::noCodeInLink);
        QTest::addRow("a link with junk as its code")
            << "https://auth.example/activate?user_code=%3Cscript%3E" << QString(device::errors::invalidCode);
        QTest::addRow("not a web link") << "javascript:alert(1)" << QString(device::errors::invalidCode);
    }

    void whatIsNotACode()
    {
        QFETCH(QString, input);
        QFETCH(QString, error);
        const auto parsed = UserCode::parse(input);
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().code, error);
        QVERIFY(!parsed.error().message.isEmpty());
    }

    void displayPutsTheDashBack()
    {
        QCOMPARE(UserCode::display(QStringLiteral("WDJBMJHT")), QStringLiteral("WDJB-MJHT"));
        QCOMPARE(UserCode::display(QStringLiteral("ABCDEF")), QStringLiteral("ABCDEF"));
    }

    void aDeviceAuthorizationResponse()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const auto parsed = DeviceAuthorization::fromJson(authorization(), now);
        QVERIFY(parsed);
        QCOMPARE(parsed->deviceCode, QByteArray("dc-secret"));
        QCOMPARE(parsed->userCode, QStringLiteral("WDJB-MJHT"));
        QCOMPARE(parsed->verificationUri, QUrl(QStringLiteral("https://auth.example/activate")));
        QCOMPARE(parsed->verificationUriComplete,
                 QUrl(QStringLiteral("https://auth.example/activate?user_code=WDJB-MJHT")));
        QCOMPARE(parsed->expiresAt, now.addSecs(600));
        QCOMPARE(parsed->interval.count(), 5);

        auto minimal = authorization();
        minimal.erase("interval");
        minimal.erase("verification_uri_complete");
        const auto defaults = DeviceAuthorization::fromJson(minimal, now);
        QVERIFY(defaults);
        QCOMPARE(defaults->interval.count(), 5); // RFC 8628 §3.2: 5 s when absent
        QVERIFY(defaults->verificationUriComplete.isEmpty());
    }

    void anIntervalOfZeroMeansTheDefault()
    {
        // 0 names no usable minimum (polling would never pause): RFC 8628's 5 s applies instead.
        auto json = authorization();
        json["interval"] = 0;
        const auto parsed = DeviceAuthorization::fromJson(json, QDateTime::currentDateTimeUtc());
        QVERIFY(parsed);
        QCOMPARE(parsed->interval.count(), 5);
    }

    void malformedDeviceAuthorizationResponses_data()
    {
        QTest::addColumn<QByteArray>("member");
        QTest::addColumn<QByteArray>("value"); // JSON; empty means "remove the member"
        QTest::addRow("no device_code") << QByteArray("device_code") << QByteArray();
        QTest::addRow("no user_code") << QByteArray("user_code") << QByteArray();
        QTest::addRow("numeric user_code") << QByteArray("user_code") << QByteArray("42");
        QTest::addRow("no verification_uri") << QByteArray("verification_uri") << QByteArray();
        QTest::addRow("a javascript: verification_uri")
            << QByteArray("verification_uri") << QByteArray("\"javascript:alert(1)\"");
        QTest::addRow("a relative verification_uri")
            << QByteArray("verification_uri") << QByteArray("\"/activate\"");
        QTest::addRow("no expires_in") << QByteArray("expires_in") << QByteArray();
        QTest::addRow("negative expires_in") << QByteArray("expires_in") << QByteArray("-1");
        QTest::addRow("expires_in as text") << QByteArray("expires_in") << QByteArray("\"600\"");
        QTest::addRow("a year of expires_in") << QByteArray("expires_in") << QByteArray("31536000");
        QTest::addRow("interval as text") << QByteArray("interval") << QByteArray("\"5\"");
        QTest::addRow("negative interval") << QByteArray("interval") << QByteArray("-5");
    }

    void malformedDeviceAuthorizationResponses()
    {
        QFETCH(QByteArray, member);
        QFETCH(QByteArray, value);
        auto json = authorization();
        if (value.isEmpty())
            json.erase(member.toStdString());
        else
            json[member.toStdString()] = nlohmann::json::parse(value.toStdString());
        const auto parsed = DeviceAuthorization::fromJson(json, QDateTime::currentDateTimeUtc());
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().code, QString(device::errors::deviceResponseInvalid));
    }

    void aJavascriptCompleteUriIsDropped()
    {
        auto json = authorization();
        json["verification_uri_complete"] = "javascript:alert(1)";
        const auto parsed = DeviceAuthorization::fromJson(json, QDateTime::currentDateTimeUtc());
        QVERIFY(parsed);
        QVERIFY(parsed->verificationUriComplete.isEmpty());
    }
};

QTEST_GUILESS_MAIN(DeviceParsingTest)
#include "tst_device_parsing.moc"
