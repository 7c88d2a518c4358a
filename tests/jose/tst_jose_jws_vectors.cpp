// Interoperability: published JWS examples, signed by other implementations, must verify.
#include "jose/JwkSet.h"
#include "jose/JwsVerifier.h"

#include <QTest>

using namespace countersign::jose;

namespace {

// RFC 7515 Appendix A.3 (ES256) and RFC 8037 Appendix A.4 (Ed25519).
const QByteArray kEs256Jwks = R"({"keys":[{"kty":"EC","crv":"P-256",
    "x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}]})";
const QByteArray kEs256Jws =
    "eyJhbGciOiJFUzI1NiJ9"
    ".eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ"
    ".DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q";
const QByteArray kEd25519Jwks =
    R"({"keys":[{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}]})";
const QByteArray kEd25519Jws =
    "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc"
    ".hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";

JwkSet parsed(const QByteArray &json)
{
    auto keys = JwkSet::parse(json);
    return keys.ok() ? keys.value() : JwkSet();
}

} // namespace

class JwsVectorsTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void verifiesRfc7515Es256Example()
    {
        const JwkSet keys = parsed(kEs256Jwks);
        QCOMPARE(keys.keys().size(), 1);
        const auto jws = verifyCompactJws(kEs256Jws, keys, {QStringLiteral("ES256")});
        QVERIFY2(jws.ok(), qPrintable(jws.ok() ? QString() : jws.error().code));
        QCOMPARE(jws->algorithm, QStringLiteral("ES256"));
        QCOMPARE(jws->payload, QByteArray("{\"iss\":\"joe\",\r\n \"exp\":1300819380,\r\n "
                                          "\"http://example.com/is_root\":true}"));
    }

    void verifiesRfc8037Ed25519Example()
    {
        const JwkSet keys = parsed(kEd25519Jwks);
        QCOMPARE(keys.keys().size(), 1);
        const auto jws = verifyCompactJws(kEd25519Jws, keys, {QStringLiteral("EdDSA")});
        QVERIFY2(jws.ok(), qPrintable(jws.ok() ? QString() : jws.error().code));
        QCOMPARE(jws->payload, QByteArray("Example of Ed25519 signing"));
    }

    void rejectsRfcExamplesWithOneBitChanged()
    {
        QByteArray es256 = kEs256Jws;
        es256[es256.size() - 2] = 'R'; // "1Q" -> "RQ": a different last byte of S
        QCOMPARE(verifyCompactJws(es256, parsed(kEs256Jwks), {QStringLiteral("ES256")}).error().code,
                 QStringLiteral("jws_bad_signature"));
        QByteArray ed = kEd25519Jws;
        ed[ed.indexOf('.') + 1] = 'S'; // "RXhh" -> "SXhh": the payload's first byte
        QCOMPARE(verifyCompactJws(ed, parsed(kEd25519Jwks), {QStringLiteral("EdDSA")}).error().code,
                 QStringLiteral("jws_bad_signature"));
    }

    void rejectsRfcExampleWhenItsAlgorithmIsNotAllowed()
    {
        QCOMPARE(verifyCompactJws(kEd25519Jws, parsed(kEd25519Jwks), {QStringLiteral("RS256")}).error().code,
                 QStringLiteral("jws_algorithm_not_allowed"));
    }
};

QTEST_GUILESS_MAIN(JwsVectorsTest)
#include "tst_jose_jws_vectors.moc"
