#include "JwtFactory.h"
#include "jose/JwkSet.h"

#include <QTest>

#include <optional>

using namespace countersign::jose;
using namespace countersign::jose::test;

class JwkSetTest : public QObject
{
    Q_OBJECT

private:
    std::optional<TestKey> m_rsa, m_ec256, m_ec384, m_ec521, m_ed25519;

    // Parses a set made of `entry` plus one good key, so the set itself succeeds and the verdict
    // on `entry` is visible in skipped().
    QString skipReasonFor(const json &entry) const
    {
        const auto keys = JwkSet::parse(jwks(json::array({entry, m_ec256->publicJwk("good")})));
        if (!keys.ok())
            return QStringLiteral("set failed: ") + keys.error().code;
        if (keys->keys().size() == 2)
            return QStringLiteral("accepted");
        if (keys->skipped().size() != 1 || keys->skipped().first().reason.message.isEmpty())
            return QStringLiteral("unexpected skip list");
        return keys->skipped().first().reason.code;
    }

    static QString setFailure(const QByteArray &document)
    {
        const auto keys = JwkSet::parse(document);
        return keys.ok() ? QStringLiteral("parsed") : keys.error().code;
    }

    json modified(json jwk, const char *member, const json &value) const
    {
        jwk[member] = value;
        return jwk;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_rsa = TestKey::rsa(2048);
        m_ec256 = TestKey::ec("P-256");
        m_ec384 = TestKey::ec("P-384");
        m_ec521 = TestKey::ec("P-521");
        m_ed25519 = TestKey::ed25519();
    }

    void parsesRsaEcAndOkpKeys()
    {
        const auto keys = JwkSet::parse(
            jwks(json::array({m_rsa->publicJwk("r", QStringLiteral("RS256"), QStringLiteral("sig")),
                              m_ec256->publicJwk("p256"), m_ec384->publicJwk("p384"),
                              m_ec521->publicJwk("p521"), m_ed25519->publicJwk("ed")})));
        QVERIFY2(keys.ok(), qPrintable(keys.ok() ? QString() : keys.error().message));
        QCOMPARE(keys->keys().size(), 5);
        QVERIFY(keys->skipped().isEmpty());
        const Jwk &rsa = keys->keys().at(0);
        QCOMPARE(rsa.kid, QStringLiteral("r"));
        QCOMPARE(rsa.kty, QStringLiteral("RSA"));
        QCOMPARE(rsa.alg, QStringLiteral("RS256"));
        QVERIFY(rsa.publicKey);
        QCOMPARE(keys->keys().at(3).crv, QStringLiteral("P-521"));
        QCOMPARE(keys->keys().at(4).kty, QStringLiteral("OKP"));
    }

    void acceptsKeyOpsWithVerify()
    {
        QCOMPARE(skipReasonFor(modified(m_ed25519->publicJwk("k"), "key_ops", json::array({"verify"}))),
                 QStringLiteral("accepted"));
    }

    void skipsKeyWithUnsupportedKty()
    {
        QCOMPARE(skipReasonFor(json{{"kty", "oct"}, {"kid", "shared"}}),
                 QStringLiteral("jwk_unsupported_kty"));
        QCOMPARE(skipReasonFor(json{{"kty", "RSA-HSM"}}), QStringLiteral("jwk_unsupported_kty"));
    }

    void skipsMalformedEntries()
    {
        QCOMPARE(skipReasonFor(json("not an object")), QStringLiteral("jwk_malformed"));
        QCOMPARE(skipReasonFor(json{{"kid", "no-kty"}}), QStringLiteral("jwk_malformed"));
        QCOMPARE(skipReasonFor(modified(m_rsa->publicJwk("k"), "kid", 7)), QStringLiteral("jwk_malformed"));
        QCOMPARE(skipReasonFor(modified(m_rsa->publicJwk("k"), "n", nullptr)),
                 QStringLiteral("jwk_malformed"));
    }

    void skipsKeyWithMalformedBase64UrlParameter()
    {
        const std::string x = m_ec256->publicJwk("k").at("x").get<std::string>();
        QCOMPARE(skipReasonFor(modified(m_ec256->publicJwk("k"), "x", x + "=")),
                 QStringLiteral("jwk_malformed"));
        // (Edited in place: GCC 12 at -O3 warns falsely about `"+" + n.substr(1)`, bug 105329.)
        std::string n = m_rsa->publicJwk("k").at("n").get<std::string>();
        n[0] = '+';
        QCOMPARE(skipReasonFor(modified(m_rsa->publicJwk("k"), "n", n)), QStringLiteral("jwk_malformed"));
    }

    void skipsKeyNotMeantForSignatures()
    {
        QCOMPARE(skipReasonFor(m_rsa->publicJwk("k", {}, QStringLiteral("enc"))),
                 QStringLiteral("jwk_not_for_signing"));
        QCOMPARE(skipReasonFor(modified(m_rsa->publicJwk("k"), "key_ops", json::array({"encrypt"}))),
                 QStringLiteral("jwk_not_for_signing"));
    }

    void skipsKeyWithPrivateMaterial_data()
    {
        QTest::addColumn<QString>("type");
        QTest::newRow("RSA") << QStringLiteral("RSA");
        QTest::newRow("EC") << QStringLiteral("EC");
        QTest::newRow("OKP") << QStringLiteral("OKP");
    }

    void skipsKeyWithPrivateMaterial()
    {
        QFETCH(QString, type);
        const TestKey &key = type == QLatin1String("RSA")  ? *m_rsa
                             : type == QLatin1String("EC") ? *m_ec256
                                                           : *m_ed25519;
        QCOMPARE(skipReasonFor(key.privateJwk(QStringLiteral("leaked"))), QStringLiteral("jwk_private_key"));
    }

    void skipsRsaKeyShorterThan2048Bits()
    {
        const TestKey small = TestKey::rsa(1024);
        QCOMPARE(skipReasonFor(small.publicJwk("small")), QStringLiteral("jwk_rsa_too_small"));
    }

    void skipsEcPointNotOnCurve()
    {
        json jwk = m_ec256->publicJwk("k");
        QByteArray y = QByteArray::fromBase64(QByteArray::fromStdString(jwk["y"].get<std::string>()),
                                              QByteArray::Base64UrlEncoding);
        y[31] = static_cast<char>(y[31] ^ 0x01);
        jwk["y"] = b64url(y).toStdString();
        QCOMPARE(skipReasonFor(jwk), QStringLiteral("jwk_point_not_on_curve"));
    }

    void skipsEcCoordinatesOfWrongLength()
    {
        // P-384 coordinates declared as P-256.
        QCOMPARE(skipReasonFor(modified(m_ec384->publicJwk("k"), "crv", "P-256")),
                 QStringLiteral("jwk_point_not_on_curve"));
    }

    void skipsUnsupportedCurves()
    {
        QCOMPARE(skipReasonFor(modified(m_ec256->publicJwk("k"), "crv", "secp256k1")),
                 QStringLiteral("jwk_unsupported_curve"));
        QCOMPARE(skipReasonFor(modified(m_ed25519->publicJwk("k"), "crv", "X25519")),
                 QStringLiteral("jwk_unsupported_curve"));
        QCOMPARE(skipReasonFor(modified(m_ed25519->publicJwk("k"), "crv", "Ed448")),
                 QStringLiteral("jwk_unsupported_curve"));
    }

    void skipsKeyWhoseAlgDoesNotFitIt()
    {
        QCOMPARE(skipReasonFor(m_rsa->publicJwk("k", QStringLiteral("ES256"))),
                 QStringLiteral("jwk_unsupported_alg"));
        QCOMPARE(skipReasonFor(m_ec256->publicJwk("k", QStringLiteral("ES384"))),
                 QStringLiteral("jwk_unsupported_alg"));
        QCOMPARE(skipReasonFor(m_rsa->publicJwk("k", QStringLiteral("RSA-OAEP"))),
                 QStringLiteral("jwk_unsupported_alg"));
        QCOMPARE(skipReasonFor(m_rsa->publicJwk("k", QStringLiteral("HS256"))),
                 QStringLiteral("jwk_unsupported_alg"));
    }

    void skipsRsaKeyWithInvalidExponent()
    {
        QCOMPARE(skipReasonFor(modified(m_rsa->publicJwk("k"), "e", "AA")),
                 QStringLiteral("jwk_invalid_key"));
    }

    void failsOnDocumentThatIsNotAKeySet()
    {
        QCOMPARE(setFailure("not json"), QStringLiteral("jwks_malformed"));
        QCOMPARE(setFailure("[]"), QStringLiteral("jwks_malformed"));
        QCOMPARE(setFailure(R"({"keys":{}})"), QStringLiteral("jwks_malformed"));
        QCOMPARE(setFailure(R"({"key":[]})"), QStringLiteral("jwks_malformed"));
        QCOMPARE(setFailure(R"({"keys":[],"keys":[]})"), QStringLiteral("jwks_malformed"));
    }

    void failsOnKeySetWithoutUsableKey()
    {
        QCOMPARE(setFailure(R"({"keys":[]})"), QStringLiteral("jwks_no_usable_keys"));
        const auto keys = JwkSet::parse(jwks(json::array({m_rsa->privateJwk(QStringLiteral("leaked"))})));
        QVERIFY(!keys.ok());
        QCOMPARE(keys.error().code, QStringLiteral("jwks_no_usable_keys"));
        QVERIFY(keys.error().message.contains(QStringLiteral("private key")));
    }

    void failsOnOversizedKeySet()
    {
        json many = json::array();
        for (int i = 0; i < 101; ++i)
            many.push_back(json{{"kty", "oct"}});
        QCOMPARE(setFailure(jwks(many)), QStringLiteral("jwks_too_large"));
        const QByteArray padded = "{\"keys\":[],\"pad\":\"" + QByteArray(600 * 1024, 'a') + "\"}";
        QCOMPARE(setFailure(padded), QStringLiteral("jwks_too_large"));
    }
};

QTEST_GUILESS_MAIN(JwkSetTest)
#include "tst_jose_jwkset.moc"
