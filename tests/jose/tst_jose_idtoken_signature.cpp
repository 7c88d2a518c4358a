// ID token validation, JOSE side: algorithms, keys, headers and the token's structure.
#include "JwtFactory.h"
#include "jose/IdTokenValidator.h"
#include "jose/JwkSet.h"

#include <QTest>

#include <optional>

using namespace countersign::jose;
using namespace countersign::jose::test;

class IdTokenSignatureTest : public QObject
{
    Q_OBJECT

private:
    std::optional<TestKey> m_rsa, m_otherRsa, m_ec256, m_ec384, m_ec521, m_ed25519;
    JwkSet m_keys;

    static json header(const char *alg, const char *kid)
    {
        return json{{"alg", alg}, {"kid", kid}, {"typ", "JWT"}};
    }

    static IdTokenValidator::Expectations allowing(QStringList algorithms)
    {
        auto expected = validExpectations();
        expected.allowedAlgorithms = std::move(algorithms);
        return expected;
    }

    static IdTokenValidator::Expectations allowingEverything()
    {
        return allowing({QStringLiteral("RS256"), QStringLiteral("RS384"), QStringLiteral("RS512"),
                         QStringLiteral("PS256"), QStringLiteral("PS384"), QStringLiteral("PS512"),
                         QStringLiteral("ES256"), QStringLiteral("ES384"), QStringLiteral("ES512"),
                         QStringLiteral("EdDSA")});
    }

    QString verdict(const QByteArray &token,
                    const IdTokenValidator::Expectations &expected = validExpectations(),
                    const JwkSet *keys = nullptr)
    {
        return rejectionOf(IdTokenValidator::validate(token, keys ? *keys : m_keys, expected), token);
    }

    QByteArray rsaToken(const json &extraHeader = json::object(), const json &claims = validClaims())
    {
        json h = header("RS256", "rsa-1");
        h.update(extraHeader);
        return signJwt(*m_rsa, h, claims);
    }

    static QByteArray replacePart(const QByteArray &token, int index, const QByteArray &part)
    {
        QList<QByteArray> parts = token.split('.');
        parts[index] = part;
        return parts.join('.');
    }

    static QByteArray signatureOf(const QByteArray &token)
    {
        return QByteArray::fromBase64(token.split('.').at(2), QByteArray::Base64UrlEncoding);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_rsa = TestKey::rsa(2048);
        m_otherRsa = TestKey::rsa(2048);
        m_ec256 = TestKey::ec("P-256");
        m_ec384 = TestKey::ec("P-384");
        m_ec521 = TestKey::ec("P-521");
        m_ed25519 = TestKey::ed25519();
        auto keys = JwkSet::parse(jwks(json::array(
            {m_rsa->publicJwk("rsa-1"), m_ec256->publicJwk("ec-256"), m_ec384->publicJwk("ec-384"),
             m_ec521->publicJwk("ec-521"), m_ed25519->publicJwk("ed-1")})));
        QVERIFY2(keys.ok(), qPrintable(keys.ok() ? QString() : keys.error().message));
        m_keys = keys.value();
    }

    void acceptsTokenSignedWithEachSupportedAlgorithm_data()
    {
        QTest::addColumn<QString>("alg");
        QTest::addColumn<QString>("kid");
        for (const char *alg : {"RS256", "RS384", "RS512", "PS256", "PS384", "PS512"})
            QTest::newRow(alg) << QString::fromLatin1(alg) << QStringLiteral("rsa-1");
        QTest::newRow("ES256") << QStringLiteral("ES256") << QStringLiteral("ec-256");
        QTest::newRow("ES384") << QStringLiteral("ES384") << QStringLiteral("ec-384");
        QTest::newRow("ES512") << QStringLiteral("ES512") << QStringLiteral("ec-521");
        QTest::newRow("EdDSA") << QStringLiteral("EdDSA") << QStringLiteral("ed-1");
    }

    void acceptsTokenSignedWithEachSupportedAlgorithm()
    {
        QFETCH(QString, alg);
        QFETCH(QString, kid);
        const TestKey &key = alg.startsWith(u'R') || alg.startsWith(u'P') ? *m_rsa
                             : alg == QLatin1String("ES256")              ? *m_ec256
                             : alg == QLatin1String("ES384")              ? *m_ec384
                             : alg == QLatin1String("ES512")              ? *m_ec521
                                                                          : *m_ed25519;
        const QByteArray token = signJwt(
            key, json{{"alg", alg.toStdString()}, {"kid", kid.toStdString()}, {"typ", "JWT"}}, validClaims());
        QCOMPARE(verdict(token, allowingEverything()), QStringLiteral("accepted"));
    }

    void acceptsDefaultAllowlistAlgorithms()
    {
        QCOMPARE(verdict(rsaToken()), QStringLiteral("accepted"));
        QCOMPARE(verdict(signJwt(*m_rsa, header("PS256", "rsa-1"), validClaims())),
                 QStringLiteral("accepted"));
        QCOMPARE(verdict(signJwt(*m_ec256, header("ES256", "ec-256"), validClaims())),
                 QStringLiteral("accepted"));
        QCOMPARE(verdict(signJwt(*m_ed25519, header("EdDSA", "ed-1"), validClaims())),
                 QStringLiteral("accepted"));
    }

    void acceptsTypJwtInAnySpellingAndNoTyp()
    {
        QCOMPARE(verdict(rsaToken({{"typ", "jwt"}})), QStringLiteral("accepted"));
        QCOMPARE(verdict(rsaToken({{"typ", "application/jwt"}})), QStringLiteral("accepted"));
        QCOMPARE(verdict(signJwt(*m_rsa, json{{"alg", "RS256"}, {"kid", "rsa-1"}}, validClaims())),
                 QStringLiteral("accepted"));
    }

    void acceptsTokenWithoutKidWhenExactlyOneKeyFits()
    {
        // ES384 fits only the P-384 key of the set.
        const QByteArray token = signJwt(*m_ec384, json{{"alg", "ES384"}}, validClaims());
        QCOMPARE(verdict(token, allowing({QStringLiteral("ES384")})), QStringLiteral("accepted"));
    }

    void rejectsTokenWithoutKidWhenSeveralKeysFit()
    {
        const auto keys =
            JwkSet::parse(jwks(json::array({m_rsa->publicJwk("a"), m_otherRsa->publicJwk("b")})));
        QVERIFY(keys.ok());
        const QByteArray token = signJwt(*m_rsa, json{{"alg", "RS256"}}, validClaims());
        QCOMPARE(verdict(token, validExpectations(), &keys.value()),
                 QStringLiteral("id_token_ambiguous_key"));
    }

    void rejectsTokenWithoutKidWhenNoKeyFits()
    {
        const QByteArray token = signJwt(*m_ec384, json{{"alg", "ES384"}}, validClaims());
        const auto keys = JwkSet::parse(jwks(json::array({m_rsa->publicJwk("rsa-1")})));
        QVERIFY(keys.ok());
        QCOMPARE(verdict(token, allowing({QStringLiteral("ES384")}), &keys.value()),
                 QStringLiteral("id_token_unknown_key"));
    }

    void rejectsAlgNoneWithoutSignature()
    {
        const QByteArray token = unsignedJwt(json{{"alg", "none"}}, validClaims());
        QVERIFY(token.endsWith('.'));
        QCOMPARE(verdict(token), QStringLiteral("id_token_forbidden_algorithm"));
    }

    void rejectsAlgNoneWithSignature()
    {
        const QByteArray signature = signatureOf(rsaToken());
        QCOMPARE(verdict(unsignedJwt(json{{"alg", "none"}, {"kid", "rsa-1"}}, validClaims(), signature)),
                 QStringLiteral("id_token_forbidden_algorithm"));
    }

    void rejectsAlgNoneInAnyCaseEvenWhenAllowlisted()
    {
        const auto expected =
            allowing({QStringLiteral("none"), QStringLiteral("None"), QStringLiteral("NONE")});
        for (const char *alg : {"none", "None", "NONE"})
            QCOMPARE(verdict(unsignedJwt(json{{"alg", alg}}, validClaims()), expected),
                     QStringLiteral("id_token_forbidden_algorithm"));
    }

    // The classic key-confusion attack: HMAC keyed with the provider's public key, which anyone has.
    void rejectsHs256SignedWithThePublicKeyAsSecret()
    {
        const auto expected = allowing({QStringLiteral("RS256"), QStringLiteral("HS256")});
        const QByteArray token = hmacJwt(m_rsa->publicKeyPem(), header("HS256", "rsa-1"), validClaims());
        QCOMPARE(verdict(token, expected), QStringLiteral("id_token_forbidden_algorithm"));
        const QByteArray noKid = hmacJwt(m_rsa->publicKeyPem(), json{{"alg", "HS256"}}, validClaims());
        QCOMPARE(verdict(noKid, expected), QStringLiteral("id_token_forbidden_algorithm"));
    }

    void rejectsAlgorithmNotInAllowlist()
    {
        const QByteArray token = signJwt(*m_ec384, header("ES384", "ec-384"), validClaims());
        QCOMPARE(verdict(token), QStringLiteral("id_token_algorithm_not_allowed"));
        QCOMPARE(verdict(rsaToken(), allowing({QStringLiteral("ES256")})),
                 QStringLiteral("id_token_algorithm_not_allowed"));
    }

    void rejectsAlgorithmWeDoNotImplement()
    {
        const QByteArray token = unsignedJwt(header("ES256K", "ec-256"), validClaims(), QByteArray(64, 'x'));
        QCOMPARE(verdict(token, allowing({QStringLiteral("ES256K")})),
                 QStringLiteral("id_token_algorithm_not_allowed"));
    }

    void rejectsAlgorithmThatDoesNotFitTheKeyType()
    {
        // "RS256" naming the EC key: whatever the signature, that key cannot have made it.
        const QByteArray token = signJwt(*m_rsa, header("RS256", "ec-256"), validClaims());
        QCOMPARE(verdict(token), QStringLiteral("id_token_key_mismatch"));
        const QByteArray eddsaOnRsa = signJwt(*m_ed25519, header("EdDSA", "rsa-1"), validClaims());
        QCOMPARE(verdict(eddsaOnRsa), QStringLiteral("id_token_key_mismatch"));
    }

    void rejectsEs256ForAP384Key()
    {
        const QByteArray token = signJwt(*m_ec256, header("ES256", "ec-384"), validClaims());
        QCOMPARE(verdict(token), QStringLiteral("id_token_key_mismatch"));
    }

    void rejectsAlgorithmOtherThanTheKeysDeclaredAlg()
    {
        const auto keys =
            JwkSet::parse(jwks(json::array({m_rsa->publicJwk("rsa-1", QStringLiteral("PS256"))})));
        QVERIFY(keys.ok());
        QCOMPARE(verdict(rsaToken(), validExpectations(), &keys.value()),
                 QStringLiteral("id_token_key_mismatch"));
        QCOMPARE(verdict(signJwt(*m_rsa, header("PS256", "rsa-1"), validClaims()), validExpectations(),
                         &keys.value()),
                 QStringLiteral("accepted"));
    }

    void rejectsTamperedPayload()
    {
        json claims = validClaims();
        claims["sub"] = "admin";
        QCOMPARE(verdict(replacePart(rsaToken(), 1, segment(claims))),
                 QStringLiteral("id_token_bad_signature"));
        const QByteArray ecToken = signJwt(*m_ec256, header("ES256", "ec-256"), validClaims());
        QCOMPARE(verdict(replacePart(ecToken, 1, segment(claims))), QStringLiteral("id_token_bad_signature"));
    }

    void rejectsTamperedHeader()
    {
        // Same kid and alg, one more header member: the signing input changed.
        json extended = header("RS256", "rsa-1");
        extended["x-extra"] = 1;
        QCOMPARE(verdict(replacePart(rsaToken(), 0, segment(extended))),
                 QStringLiteral("id_token_bad_signature"));
    }

    void rejectsTamperedSignature_data()
    {
        QTest::addColumn<QString>("alg");
        QTest::newRow("RS256") << QStringLiteral("RS256");
        QTest::newRow("PS256") << QStringLiteral("PS256");
        QTest::newRow("ES256") << QStringLiteral("ES256");
        QTest::newRow("EdDSA") << QStringLiteral("EdDSA");
    }

    void rejectsTamperedSignature()
    {
        QFETCH(QString, alg);
        const bool rsa = alg.endsWith(QLatin1String("S256")) && !alg.startsWith(u'E');
        const TestKey &key = rsa ? *m_rsa : alg == QLatin1String("ES256") ? *m_ec256 : *m_ed25519;
        const char *kid = rsa ? "rsa-1" : alg == QLatin1String("ES256") ? "ec-256" : "ed-1";
        const QByteArray token = signJwt(key, header(alg.toLatin1().constData(), kid), validClaims());
        QCOMPARE(verdict(token), QStringLiteral("accepted"));
        QByteArray signature = signatureOf(token);
        signature[signature.size() / 2] = static_cast<char>(signature[signature.size() / 2] ^ 0x01);
        QCOMPARE(verdict(replacePart(token, 2, b64url(signature))), QStringLiteral("id_token_bad_signature"));
    }

    void rejectsTruncatedEs256Signature()
    {
        const QByteArray token = signJwt(*m_ec256, header("ES256", "ec-256"), validClaims());
        const QByteArray signature = signatureOf(token);
        QCOMPARE(signature.size(), 64);
        QCOMPARE(verdict(replacePart(token, 2, b64url(signature.left(63)))),
                 QStringLiteral("id_token_bad_signature"));
        QCOMPARE(verdict(replacePart(token, 2, b64url(signature.left(32)))),
                 QStringLiteral("id_token_bad_signature"));
    }

    void rejectsDerEncodedEs256Signature()
    {
        SignOptions der;
        der.derEcdsa = true;
        const QByteArray token = signJwt(*m_ec256, header("ES256", "ec-256"), validClaims(), der);
        QVERIFY(signatureOf(token).startsWith('\x30')); // an ASN.1 SEQUENCE, which OpenSSL alone would accept
        QCOMPARE(verdict(token), QStringLiteral("id_token_bad_signature"));
    }

    void rejectsPs256WithSaltLengthOtherThanHashLength()
    {
        SignOptions noSalt;
        noSalt.pssSaltLength = 0;
        QCOMPARE(verdict(signJwt(*m_rsa, header("PS256", "rsa-1"), validClaims(), noSalt)),
                 QStringLiteral("id_token_bad_signature"));
    }

    void rejectsRs256TokenCarryingAPssSignature()
    {
        const QByteArray pss = signJwt(*m_rsa, header("PS256", "rsa-1"), validClaims());
        const QByteArray token = rsaToken();
        QCOMPARE(verdict(replacePart(token, 2, pss.split('.').at(2))),
                 QStringLiteral("id_token_bad_signature"));
    }

    void rejectsSignatureByAnotherKeyUnderAKnownKid()
    {
        QCOMPARE(verdict(signJwt(*m_otherRsa, header("RS256", "rsa-1"), validClaims())),
                 QStringLiteral("id_token_bad_signature"));
    }

    void rejectsEmptySignature()
    {
        QCOMPARE(verdict(replacePart(rsaToken(), 2, QByteArray())), QStringLiteral("id_token_bad_signature"));
    }

    void rejectsUnknownKid()
    {
        QCOMPARE(verdict(signJwt(*m_rsa, header("RS256", "rotated-2"), validClaims())),
                 QStringLiteral("id_token_unknown_key"));
    }

    // The caller's contract: on id_token_unknown_key, fetch the JWKS again once and retry.
    void acceptsTokenOnceTheRefreshedKeySetHasTheNewKey()
    {
        const QByteArray token = signJwt(*m_otherRsa, header("RS256", "rotated-2"), validClaims());
        QCOMPARE(verdict(token), QStringLiteral("id_token_unknown_key"));
        const auto refreshed =
            JwkSet::parse(jwks(json::array({m_rsa->publicJwk("rsa-1"), m_otherRsa->publicJwk("rotated-2")})));
        QVERIFY(refreshed.ok());
        QCOMPARE(verdict(token, validExpectations(), &refreshed.value()), QStringLiteral("accepted"));
    }

    void rejectsAnyTokenAgainstAnEmptyKeySet()
    {
        const JwkSet none;
        QCOMPARE(verdict(rsaToken(), validExpectations(), &none), QStringLiteral("id_token_unknown_key"));
    }

    void rejectsTokenSignedByRsaKeyShorterThan2048Bits()
    {
        const TestKey small = TestKey::rsa(1024);
        const auto keys =
            JwkSet::parse(jwks(json::array({small.publicJwk("rsa-small"), m_rsa->publicJwk("rsa-1")})));
        QVERIFY(keys.ok());
        QCOMPARE(verdict(signJwt(small, header("RS256", "rsa-small"), validClaims()), validExpectations(),
                         &keys.value()),
                 QStringLiteral("id_token_unknown_key"));
    }

    void rejectsTokenSignedByKeyWhosePrivatePartWasPublished()
    {
        const auto keys =
            JwkSet::parse(jwks(json::array({m_ec256->privateJwk("ec-leaked"), m_rsa->publicJwk("rsa-1")})));
        QVERIFY(keys.ok());
        const QByteArray token = signJwt(*m_ec256, header("ES256", "ec-leaked"), validClaims());
        QCOMPARE(verdict(token, validExpectations(), &keys.value()), QStringLiteral("id_token_unknown_key"));
    }

    void rejectsHeadersThatBringTheirOwnKey_data()
    {
        QTest::addColumn<QByteArray>("member");
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("jwk") << QByteArray("jwk") << QByteArray();
        QTest::newRow("jku") << QByteArray("jku") << QByteArray("https://attacker.example/jwks.json");
        QTest::newRow("x5u") << QByteArray("x5u") << QByteArray("https://attacker.example/cert.pem");
        QTest::newRow("x5c") << QByteArray("x5c") << QByteArray();
    }

    void rejectsHeadersThatBringTheirOwnKey()
    {
        QFETCH(QByteArray, member);
        QFETCH(QByteArray, value);
        // Signed by the attacker's key, which the header offers; the known kid must not help either.
        const TestKey attacker = TestKey::ec("P-256");
        json h = header("ES256", "ec-256");
        if (member == "jwk")
            h["jwk"] = attacker.publicJwk(QStringLiteral("ec-256"));
        else if (member == "x5c")
            h["x5c"] = json::array({"MIIBszCCAVmgAwIBAgIUY"});
        else
            h[member.toStdString()] = value.toStdString();
        QCOMPARE(verdict(signJwt(attacker, h, validClaims())), QStringLiteral("id_token_embedded_key"));
    }

    void rejectsCritHeader()
    {
        QCOMPARE(verdict(rsaToken({{"crit", json::array({"exp"})}, {"exp", 1750000300}})),
                 QStringLiteral("id_token_unsupported_critical"));
        QCOMPARE(verdict(rsaToken({{"crit", json::array({"b64"})}, {"b64", false}})),
                 QStringLiteral("id_token_unsupported_critical"));
    }

    void rejectsAccessTokenTypedAtJwt()
    {
        const QByteArray token =
            signJwt(*m_ec256, json{{"alg", "ES256"}, {"kid", "ec-256"}, {"typ", "at+jwt"}}, validClaims());
        QCOMPARE(verdict(token), QStringLiteral("id_token_wrong_type"));
        QCOMPARE(verdict(rsaToken({{"typ", "application/at+jwt"}})), QStringLiteral("id_token_wrong_type"));
        QCOMPARE(verdict(rsaToken({{"typ", 1}})), QStringLiteral("id_token_wrong_type"));
    }

    void rejectsNestedContentType()
    {
        QCOMPARE(verdict(rsaToken({{"cty", "JWT"}})), QStringLiteral("id_token_wrong_type"));
    }

    void rejectsMalformedBase64Url_data()
    {
        QTest::addColumn<int>("part");
        QTest::addColumn<QByteArray>("suffix");
        QTest::newRow("padded header") << 0 << QByteArray("=");
        QTest::newRow("standard base64 in payload") << 1 << QByteArray("+/");
        QTest::newRow("space in signature") << 2 << QByteArray(" ");
        QTest::newRow("newline in payload") << 1 << QByteArray("\n");
    }

    void rejectsMalformedBase64Url()
    {
        QFETCH(int, part);
        QFETCH(QByteArray, suffix);
        const QByteArray token = rsaToken();
        QCOMPARE(verdict(replacePart(token, part, token.split('.').at(part) + suffix)),
                 QStringLiteral("id_token_malformed"));
    }

    void rejectsSegmentOfImpossibleBase64UrlLength()
    {
        const QByteArray token = rsaToken();
        QByteArray payload = token.split('.').at(1);
        while (payload.size() % 4 != 1)
            payload += 'A';
        QCOMPARE(verdict(replacePart(token, 1, payload)), QStringLiteral("id_token_malformed"));
    }

    void rejectsTokenWithoutThreeParts()
    {
        const QByteArray token = rsaToken();
        const QList<QByteArray> parts = token.split('.');
        QCOMPARE(verdict(parts[0] + '.' + parts[1]), QStringLiteral("id_token_malformed"));
        QCOMPARE(verdict(token + '.' + parts[2]), QStringLiteral("id_token_malformed"));
        QCOMPARE(verdict(QByteArray()), QStringLiteral("id_token_malformed"));
    }

    void rejectsHeaderThatIsNotAJsonObject()
    {
        const QByteArray token = rsaToken();
        QCOMPARE(verdict(replacePart(token, 0, b64url("not json"))), QStringLiteral("id_token_malformed"));
        QCOMPARE(verdict(replacePart(token, 0, b64url("[\"RS256\"]"))), QStringLiteral("id_token_malformed"));
        QCOMPARE(verdict(replacePart(token, 0, QByteArray())), QStringLiteral("id_token_malformed"));
    }

    void rejectsHeaderWithoutStringAlgOrKid()
    {
        const QByteArray claims = QByteArray::fromStdString(validClaims().dump());
        QCOMPARE(verdict(signRaw(*m_rsa, QStringLiteral("RS256"), R"({"kid":"rsa-1"})", claims)),
                 QStringLiteral("id_token_malformed"));
        QCOMPARE(
            verdict(signRaw(*m_rsa, QStringLiteral("RS256"), R"({"alg":["RS256"],"kid":"rsa-1"})", claims)),
            QStringLiteral("id_token_malformed"));
        QCOMPARE(verdict(rsaToken({{"kid", 1}})), QStringLiteral("id_token_malformed"));
    }

    // {"alg":"RS256","alg":"none"}: parsers that keep the first and the last would disagree.
    void rejectsDuplicateHeaderParameters()
    {
        const QByteArray token =
            signRaw(*m_rsa, QStringLiteral("RS256"), R"({"alg":"RS256","kid":"rsa-1","alg":"RS256"})",
                    QByteArray::fromStdString(validClaims().dump()));
        QCOMPARE(verdict(token), QStringLiteral("id_token_malformed"));
    }

    void rejectsPayloadThatIsAJsonArray()
    {
        const QByteArray token = signRaw(*m_rsa, QStringLiteral("RS256"), R"({"alg":"RS256","kid":"rsa-1"})",
                                         QByteArray::fromStdString(json::array({validClaims()}).dump()));
        QCOMPARE(verdict(token), QStringLiteral("id_token_malformed"));
    }

    void rejectsPayloadThatIsNotJson()
    {
        const QByteArray token =
            signRaw(*m_rsa, QStringLiteral("RS256"), R"({"alg":"RS256","kid":"rsa-1"})", "sub=admin");
        QCOMPARE(verdict(token), QStringLiteral("id_token_malformed"));
        const QByteArray deep = signRaw(*m_rsa, QStringLiteral("RS256"), R"({"alg":"RS256","kid":"rsa-1"})",
                                        QByteArray(20000, '[') + QByteArray(20000, ']'));
        QCOMPARE(verdict(deep), QStringLiteral("id_token_malformed"));
    }

    void rejectsClaimsNestedDeeperThanTheLimit()
    {
        // The claims object is level 1: 63 arrays inside it make the 64 levels JSON from outside
        // may have, 64 arrays one too many (a copy of deeper claims would recurse without bound).
        const auto nested = [](int levels) {
            json value = json::array();
            for (int i = 1; i < levels; ++i)
                value = json::array({std::move(value)});
            return value;
        };
        json atTheLimit = validClaims();
        atTheLimit["x"] = nested(63);
        QCOMPARE(verdict(rsaToken(json::object(), atTheLimit)), QStringLiteral("accepted"));
        json tooDeep = validClaims();
        tooDeep["x"] = nested(64);
        QCOMPARE(verdict(rsaToken(json::object(), tooDeep)), QStringLiteral("id_token_malformed"));
    }

    void rejectsHugeToken()
    {
        json claims = validClaims();
        claims["padding"] = std::string(70 * 1024, 'a');
        QCOMPARE(verdict(rsaToken(json::object(), claims)), QStringLiteral("id_token_too_large"));
        QCOMPARE(verdict(QByteArray(1024 * 1024, 'A')), QStringLiteral("id_token_too_large"));
    }
};

QTEST_GUILESS_MAIN(IdTokenSignatureTest)
#include "tst_jose_idtoken_signature.moc"
