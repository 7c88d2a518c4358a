#include "logging/Logging.h"

#include <QTest>

using countersign::logging::redact;

namespace {
QStringList g_captured;
void capture(QtMsgType, const QMessageLogContext &, const QString &message)
{
    g_captured << message;
}
} // namespace

class RedactionTest : public QObject
{
    Q_OBJECT

    static constexpr auto kJwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ";

private Q_SLOTS:
    void redactsSecrets_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("secret");
        QTest::newRow("bare JWT") << QStringLiteral("got id token %1 from server").arg(QLatin1String(kJwt))
                                  << QString::fromLatin1(kJwt);
        QTest::newRow("bearer header") << QStringLiteral("Authorization: Bearer 2YotnFZFEjr1zCsicMWpAA")
                                       << QStringLiteral("2YotnFZFEjr1zCsicMWpAA");
        QTest::newRow("basic header")
            << QStringLiteral("authorization: basic ZGVtbzpzZWNyZXQ=") << QStringLiteral("ZGVtbzpzZWNyZXQ=");
        QTest::newRow("form refresh_token")
            << QStringLiteral("grant_type=refresh_token&refresh_token=tGzv3JOkF0XG5Qx2TlKWIA&client_id=x")
            << QStringLiteral("tGzv3JOkF0XG5Qx2TlKWIA");
        QTest::newRow("query code") << QStringLiteral("GET /callback?code=SplxlOBeZQQYbYS6WxSbIA&state=xyz")
                                    << QStringLiteral("SplxlOBeZQQYbYS6WxSbIA");
        QTest::newRow("code_verifier")
            << QStringLiteral("code_verifier=dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")
            << QStringLiteral("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
        QTest::newRow("JSON access_token")
            << QStringLiteral("{\"access_token\":\"opaque-123456\",\"token_type\":\"Bearer\"}")
            << QStringLiteral("opaque-123456");
        QTest::newRow("client_secret")
            << QStringLiteral("client_secret=demo-agent-secret") << QStringLiteral("demo-agent-secret");
        QTest::newRow("password field")
            << QStringLiteral("password: alice-demo") << QStringLiteral("alice-demo");
    }

    void redactsSecrets()
    {
        QFETCH(QString, message);
        QFETCH(QString, secret);
        const QString redacted = redact(message);
        QVERIFY2(!redacted.contains(secret), qPrintable(redacted));
        QVERIFY(redacted.contains(QStringLiteral("[redacted]")));
    }

    void leavesOrdinaryTextAlone()
    {
        const QString text =
            QStringLiteral("Sandbox ready at http://127.0.0.1:4000 (state: signed in, 3 scopes)");
        QCOMPARE(redact(text), text);
        QCOMPARE(redact(QStringLiteral("grant_type=authorization_code")),
                 QStringLiteral("grant_type=authorization_code"));
    }

    void handlerRedactsEveryMessage()
    {
        qInstallMessageHandler(capture);
        countersign::logging::installRedactingMessageHandler();
        qWarning() << "refreshing with" << QLatin1String(kJwt);
        qCInfo(lcOAuth) << "POST body refresh_token=abcdefghijkl";
        qInstallMessageHandler(nullptr);
        QCOMPARE(g_captured.size(), 2);
        QVERIFY(!g_captured.join(u'\n').contains(QLatin1String(kJwt)));
        QVERIFY(!g_captured.join(u'\n').contains(QStringLiteral("abcdefghijkl")));
    }
};

QTEST_GUILESS_MAIN(RedactionTest)
#include "tst_redaction.moc"
