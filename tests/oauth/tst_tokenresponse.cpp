#include "oauth/TokenSet.h"

#include <QTest>

using namespace countersign;
using oauth::TokenSet;

class TokenResponseTest : public QObject
{
    Q_OBJECT

    const QDateTime m_now = QDateTime::fromSecsSinceEpoch(1'800'000'000, Qt::UTC);

    static nlohmann::json valid()
    {
        return {{"access_token", "at-123"},  {"token_type", "Bearer"}, {"expires_in", 600},
                {"refresh_token", "rt-456"}, {"id_token", "a.b.c"},    {"scope", "openid profile"}};
    }

private Q_SLOTS:
    void parsesCompleteResponse()
    {
        auto tokens = TokenSet::fromTokenResponse(valid(), m_now);
        QVERIFY(tokens);
        QCOMPARE(tokens->accessToken, QByteArray("at-123"));
        QCOMPARE(tokens->refreshToken, QByteArray("rt-456"));
        QCOMPARE(tokens->idToken, QByteArray("a.b.c"));
        QCOMPARE(tokens->accessTokenExpiresAt, m_now.addSecs(600));
        QCOMPARE(tokens->scopes, (QStringList{QStringLiteral("openid"), QStringLiteral("profile")}));
    }

    void acceptsLowercaseBearerAndStringExpiresIn()
    {
        auto json = valid();
        json["token_type"] = "bearer";
        json["expires_in"] = "3600";
        auto tokens = TokenSet::fromTokenResponse(json, m_now);
        QVERIFY(tokens);
        QCOMPARE(tokens->accessTokenExpiresAt, m_now.addSecs(3600));
    }

    void acceptsMinimalResponse()
    {
        auto tokens = TokenSet::fromTokenResponse({{"access_token", "x"}, {"token_type", "Bearer"}}, m_now);
        QVERIFY(tokens);
        QVERIFY(!tokens->accessTokenExpiresAt.isValid());
        QVERIFY(tokens->refreshToken.isEmpty());
    }

    void rejectsMalformedResponse_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value"); // JSON text, or "<erase>"
        QTest::newRow("missing access_token") << "access_token"
                                              << "<erase>";
        QTest::newRow("access_token not a string") << "access_token"
                                                   << "12";
        QTest::newRow("empty access_token") << "access_token"
                                            << R"("")";
        QTest::newRow("access_token with newline") << "access_token"
                                                   << R"("abc\r\nX-Injected: 1")";
        QTest::newRow("access_token with non-ASCII") << "access_token"
                                                     << R"("t\u00f6ken")";
        QTest::newRow("refresh_token an object") << "refresh_token"
                                                 << R"({"a":1})";
        QTest::newRow("id_token a number") << "id_token"
                                           << "5";
        QTest::newRow("missing token_type") << "token_type"
                                            << "<erase>";
        QTest::newRow("token_type unknown") << "token_type"
                                            << R"("MAC")";
        QTest::newRow("token_type not a string") << "token_type"
                                                 << "true";
        QTest::newRow("token_type DPoP (we only send bearer)") << "token_type"
                                                               << "\"DPoP\"";
        QTest::newRow("expires_in zero") << "expires_in"
                                         << "0";
        QTest::newRow("expires_in negative") << "expires_in"
                                             << "-5";
        QTest::newRow("expires_in fractional") << "expires_in"
                                               << "1.5";
        QTest::newRow("expires_in words") << "expires_in"
                                          << R"("soon")";
        QTest::newRow("expires_in absurd") << "expires_in"
                                           << "99999999999";
        QTest::newRow("scope a list") << "scope"
                                      << R"(["openid"])";
    }

    void rejectsMalformedResponse()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        auto json = valid();
        if (value == u"<erase>")
            json.erase(field.toStdString());
        else
            json[field.toStdString()] = nlohmann::json::parse(value.toStdString());
        auto tokens = TokenSet::fromTokenResponse(json, m_now);
        QVERIFY(!tokens);
        QCOMPARE(tokens.error().code, QStringLiteral("token_response_invalid"));
        QVERIFY(!tokens.error().message.contains(QStringLiteral("at-123"))); // never quote a token
    }

    void refreshWithoutRotationKeepsOldRefreshToken()
    {
        auto original = TokenSet::fromTokenResponse(valid(), m_now);
        auto refreshed =
            TokenSet::fromTokenResponse({{"access_token", "at-2"}, {"token_type", "Bearer"}}, m_now);
        const TokenSet merged = original->mergedWithRefresh(refreshed.value());
        QCOMPARE(merged.accessToken, QByteArray("at-2"));
        QCOMPARE(merged.refreshToken, QByteArray("rt-456"));
        QCOMPARE(merged.idToken, QByteArray("a.b.c"));
    }

    void roundTripsThroughStorageJson()
    {
        auto tokens = TokenSet::fromTokenResponse(valid(), m_now);
        auto restored = TokenSet::fromJson(tokens->toJson());
        QVERIFY(restored);
        QCOMPARE(restored->refreshToken, tokens->refreshToken);
        QCOMPARE(restored->accessTokenExpiresAt, tokens->accessTokenExpiresAt);
        QCOMPARE(restored->scopes, tokens->scopes);
    }

    void knowsWhenToRenew()
    {
        auto tokens = TokenSet::fromTokenResponse(valid(), m_now);
        QVERIFY(!tokens->accessTokenExpiresWithin(std::chrono::seconds(60), m_now));
        QVERIFY(tokens->accessTokenExpiresWithin(std::chrono::seconds(60), m_now.addSecs(545)));
    }
};

QTEST_GUILESS_MAIN(TokenResponseTest)
#include "tst_tokenresponse.moc"
