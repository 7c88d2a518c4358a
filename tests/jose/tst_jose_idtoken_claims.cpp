// ID token validation, claims side (OIDC Core §3.1.3.7): issuer, audience, times, nonce, subject.
#include "JwtFactory.h"
#include "jose/IdTokenValidator.h"
#include "jose/JwkSet.h"

#include <QTest>

#include <optional>

using namespace countersign::jose;
using namespace countersign::jose::test;
using namespace std::chrono_literals;

class IdTokenClaimsTest : public QObject
{
    Q_OBJECT

private:
    std::optional<TestKey> m_key;
    JwkSet m_keys;
    const qint64 m_now = kNow.toSecsSinceEpoch();

    QByteArray token(const json &claims) const
    {
        return signJwt(*m_key, json{{"alg", "ES256"}, {"kid", "ec-1"}, {"typ", "JWT"}}, claims);
    }

    // validClaims() with `changes` applied; a null value removes the claim.
    QString verdictWith(const json &changes,
                        const IdTokenValidator::Expectations &expected = validExpectations()) const
    {
        json claims = validClaims();
        claims.merge_patch(changes);
        const QByteArray signedToken = token(claims);
        return rejectionOf(IdTokenValidator::validate(signedToken, m_keys, expected), signedToken);
    }

    QString verdictWithout(const char *claim) const { return verdictWith(json{{claim, nullptr}}); }

private Q_SLOTS:
    void initTestCase()
    {
        m_key = TestKey::ec("P-256");
        auto keys =
            JwkSet::parse(jwks(json::array({m_key->publicJwk("ec-1", QStringLiteral("ES256"), "sig")})));
        QVERIFY(keys.ok());
        m_keys = keys.value();
    }

    void acceptsValidTokenAndExposesItsClaims()
    {
        json claims = validClaims();
        claims["custom"] = "kept";
        const auto result = IdTokenValidator::validate(token(claims), m_keys, validExpectations());
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().code));
        const IdTokenClaims &c = result.value();
        QCOMPARE(c.subject, QStringLiteral("user-7f3a"));
        QCOMPARE(c.issuer, kIssuer);
        QCOMPARE(c.audience, QStringList{kClientId});
        QCOMPARE(c.name, QStringLiteral("Ada Lovelace"));
        QCOMPARE(c.email, QStringLiteral("ada@example.test"));
        QCOMPARE(c.emailVerified, true);
        QCOMPARE(c.expiresAt, QDateTime::fromSecsSinceEpoch(m_now + 300, Qt::UTC));
        QCOMPARE(c.issuedAt, QDateTime::fromSecsSinceEpoch(m_now - 5, Qt::UTC));
        QVERIFY(c.authTime.has_value());
        QCOMPARE(*c.authTime, QDateTime::fromSecsSinceEpoch(m_now - 20, Qt::UTC));
        QCOMPARE(c.payload.value("custom", std::string()), std::string("kept"));
    }

    void treatsEmailAsUnverifiedUnlessTheClaimIsTrue()
    {
        json claims = validClaims();
        claims["email_verified"] = "true";
        const auto result = IdTokenValidator::validate(token(claims), m_keys, validExpectations());
        QVERIFY(result.ok());
        QCOMPARE(result->emailVerified, false);
    }

    void acceptsAudienceArrayWithClientAndMatchingAzp()
    {
        QCOMPARE(verdictWith({{"aud", json::array({"other-app", kClientId.toStdString()})},
                              {"azp", kClientId.toStdString()}}),
                 QStringLiteral("accepted"));
        QCOMPARE(verdictWith({{"aud", json::array({kClientId.toStdString()})}}), QStringLiteral("accepted"));
    }

    void acceptsTokenExpiredWithinClockSkew()
    {
        QCOMPARE(verdictWith({{"exp", m_now - 30}}), QStringLiteral("accepted"));
    }

    void rejectsTokenExpiredBeyondClockSkew()
    {
        QCOMPARE(verdictWith({{"exp", m_now - 61}}), QStringLiteral("id_token_expired"));
        auto strict = validExpectations();
        strict.clockSkew = 0s;
        QCOMPARE(verdictWith({{"exp", m_now}}, strict), QStringLiteral("id_token_expired"));
        QCOMPARE(verdictWith({{"exp", m_now + 1}}, strict), QStringLiteral("accepted"));
    }

    void acceptsFractionalNumericDates()
    {
        QCOMPARE(verdictWith({{"exp", double(m_now) + 299.5}, {"iat", double(m_now) - 0.25}}),
                 QStringLiteral("accepted"));
    }

    void acceptsTokenWithoutNonceWhenNoneWasSent()
    {
        auto expected = validExpectations();
        expected.nonce.clear();
        QCOMPARE(verdictWith({{"nonce", nullptr}}, expected), QStringLiteral("accepted"));
    }

    void rejectsWrongIssuer()
    {
        QCOMPARE(verdictWith({{"iss", "https://evil.example.test"}}),
                 QStringLiteral("id_token_wrong_issuer"));
    }

    void rejectsIssuerDifferingOnlyByTrailingSlash()
    {
        QCOMPARE(verdictWith({{"iss", (kIssuer + u'/').toStdString()}}),
                 QStringLiteral("id_token_wrong_issuer"));
        auto withSlash = validExpectations();
        withSlash.issuer = kIssuer + u'/';
        QCOMPARE(verdictWith(json::object(), withSlash), QStringLiteral("id_token_wrong_issuer"));
    }

    void rejectsIssuerDifferingOnlyByCase()
    {
        QCOMPARE(verdictWith({{"iss", kIssuer.toUpper().toStdString()}}),
                 QStringLiteral("id_token_wrong_issuer"));
    }

    void rejectsMissingIssuer() { QCOMPARE(verdictWithout("iss"), QStringLiteral("id_token_missing_claim")); }

    void rejectsIssuerThatIsNotAString()
    {
        QCOMPARE(verdictWith({{"iss", json::array({kIssuer.toStdString()})}}),
                 QStringLiteral("id_token_invalid_claim"));
    }

    void rejectsWrongAudience()
    {
        QCOMPARE(verdictWith({{"aud", "some-other-client"}}), QStringLiteral("id_token_wrong_audience"));
    }

    void rejectsAudienceArrayWithoutClient()
    {
        QCOMPARE(verdictWith({{"aud", json::array({"a", "b"})}, {"azp", kClientId.toStdString()}}),
                 QStringLiteral("id_token_wrong_audience"));
        QCOMPARE(verdictWith({{"aud", json::array()}}), QStringLiteral("id_token_wrong_audience"));
    }

    void rejectsAudienceArrayWithClientButNoAzp()
    {
        QCOMPARE(verdictWith({{"aud", json::array({kClientId.toStdString(), "other-app"})}}),
                 QStringLiteral("id_token_missing_authorized_party"));
    }

    void rejectsWrongAzp()
    {
        QCOMPARE(
            verdictWith({{"aud", json::array({kClientId.toStdString(), "other-app"})}, {"azp", "other-app"}}),
            QStringLiteral("id_token_wrong_authorized_party"));
        QCOMPARE(verdictWith({{"azp", "other-app"}}), QStringLiteral("id_token_wrong_authorized_party"));
    }

    void rejectsMissingAudience()
    {
        QCOMPARE(verdictWithout("aud"), QStringLiteral("id_token_missing_claim"));
    }

    void rejectsAudienceOfWrongType()
    {
        QCOMPARE(verdictWith({{"aud", 42}}), QStringLiteral("id_token_invalid_claim"));
        QCOMPARE(verdictWith({{"aud", json::array({kClientId.toStdString(), 42})}}),
                 QStringLiteral("id_token_invalid_claim"));
    }

    void rejectsIatFarInTheFuture()
    {
        QCOMPARE(verdictWith({{"iat", m_now + 3600}}), QStringLiteral("id_token_issued_in_future"));
        QCOMPARE(verdictWith({{"iat", m_now + 61}}), QStringLiteral("id_token_issued_in_future"));
        QCOMPARE(verdictWith({{"iat", m_now + 59}}), QStringLiteral("accepted"));
    }

    void rejectsIatOlderThanMaxAge()
    {
        QCOMPARE(verdictWith({{"iat", m_now - 3600}}), QStringLiteral("id_token_too_old"));
        QCOMPARE(verdictWith({{"iat", m_now - 600 - 61}}), QStringLiteral("id_token_too_old"));
        QCOMPARE(verdictWith({{"iat", m_now - 600 - 59}}), QStringLiteral("accepted"));
        auto noLimit = validExpectations();
        noLimit.maxIatAge = 0s;
        QCOMPARE(verdictWith({{"iat", m_now - 3600}}, noLimit), QStringLiteral("accepted"));
    }

    void rejectsNbfInTheFuture()
    {
        QCOMPARE(verdictWith({{"nbf", m_now + 600}}), QStringLiteral("id_token_not_yet_valid"));
        QCOMPARE(verdictWith({{"nbf", m_now + 61}}), QStringLiteral("id_token_not_yet_valid"));
        QCOMPARE(verdictWith({{"nbf", m_now + 30}}), QStringLiteral("accepted"));
    }

    void rejectsMissingExp() { QCOMPARE(verdictWithout("exp"), QStringLiteral("id_token_missing_claim")); }

    void rejectsMissingIat() { QCOMPARE(verdictWithout("iat"), QStringLiteral("id_token_missing_claim")); }

    void rejectsExpAsString()
    {
        QCOMPARE(verdictWith({{"exp", std::to_string(m_now + 300)}}),
                 QStringLiteral("id_token_invalid_claim"));
    }

    void rejectsTimeClaimsOfWrongTypeOrRange_data()
    {
        QTest::addColumn<QByteArray>("claim");
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("exp bool") << QByteArray("exp") << QByteArray("true");
        QTest::newRow("exp beyond year 9999") << QByteArray("exp") << QByteArray("1e15");
        QTest::newRow("iat negative") << QByteArray("iat") << QByteArray("-1");
        QTest::newRow("nbf object") << QByteArray("nbf") << QByteArray("{}");
        QTest::newRow("auth_time string") << QByteArray("auth_time") << QByteArray("\"yesterday\"");
    }

    void rejectsTimeClaimsOfWrongTypeOrRange()
    {
        QFETCH(QByteArray, claim);
        QFETCH(QByteArray, value);
        QCOMPARE(verdictWith({{claim.toStdString(), json::parse(value.toStdString())}}),
                 QStringLiteral("id_token_invalid_claim"));
    }

    void rejectsMissingNonce()
    {
        QCOMPARE(verdictWithout("nonce"), QStringLiteral("id_token_missing_nonce"));
    }

    void rejectsWrongNonce()
    {
        QCOMPARE(verdictWith({{"nonce", "n-from-another-attempt"}}), QStringLiteral("id_token_wrong_nonce"));
        QCOMPARE(verdictWith({{"nonce", (kNonce + ' ').toStdString()}}),
                 QStringLiteral("id_token_wrong_nonce"));
        QCOMPARE(verdictWith({{"nonce", 12345}}), QStringLiteral("id_token_invalid_claim"));
    }

    void rejectsMissingSubject()
    {
        QCOMPARE(verdictWithout("sub"), QStringLiteral("id_token_missing_subject"));
        QCOMPARE(verdictWith({{"sub", ""}}), QStringLiteral("id_token_missing_subject"));
        QCOMPARE(verdictWith({{"sub", 1234}}), QStringLiteral("id_token_invalid_claim"));
    }

    void rejectsDuplicateClaims()
    {
        // A second "aud" after ours: parsers keeping the first and the last would disagree.
        QByteArray claims = QByteArray::fromStdString(validClaims().dump());
        claims.chop(1);
        claims += R"(,"aud":"other-app"})";
        const QByteArray signedToken =
            signRaw(*m_key, QStringLiteral("ES256"), R"({"alg":"ES256","kid":"ec-1"})", claims);
        QCOMPARE(
            rejectionOf(IdTokenValidator::validate(signedToken, m_keys, validExpectations()), signedToken),
            QStringLiteral("id_token_malformed"));
    }

    void rejectsEverythingWhenExpectationsAreIncomplete()
    {
        auto noIssuer = validExpectations();
        noIssuer.issuer.clear();
        QCOMPARE(verdictWith({{"iss", ""}}, noIssuer), QStringLiteral("id_token_misconfigured"));
        auto noClient = validExpectations();
        noClient.clientId.clear();
        QCOMPARE(verdictWith({{"aud", ""}}, noClient), QStringLiteral("id_token_misconfigured"));
    }

    void usesTheSystemClockWhenNoTimeIsGiven()
    {
        auto expected = validExpectations();
        expected.now.reset(); // kNow is in 2025: the token has long expired by the real clock
        QCOMPARE(verdictWith(json::object(), expected), QStringLiteral("id_token_expired"));
    }
};

QTEST_GUILESS_MAIN(IdTokenClaimsTest)
#include "tst_jose_idtoken_claims.moc"
