// Benchmark (prints figures, asserts nothing about speed): how long validating one ID token takes
// per algorithm, JWKS parsing included separately. Run: build/tests/jose/bench_idtoken
#include "JwtFactory.h"

#include "jose/IdTokenValidator.h"

#include <QTest>

using namespace countersign::jose;
using namespace countersign::jose::test;

class IdTokenBenchmark : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void validate_data()
    {
        QTest::addColumn<QString>("alg");
        QTest::newRow("RS256") << QStringLiteral("RS256");
        QTest::newRow("PS256") << QStringLiteral("PS256");
        QTest::newRow("ES256") << QStringLiteral("ES256");
        QTest::newRow("EdDSA") << QStringLiteral("EdDSA");
    }

    void validate()
    {
        QFETCH(QString, alg);
        const TestKey key = alg == u"ES256"   ? TestKey::ec("P-256")
                            : alg == u"EdDSA" ? TestKey::ed25519()
                                              : TestKey::rsa(2048);
        const QByteArray token = signJwt(key, {{"alg", alg.toStdString()}, {"kid", "k"}}, validClaims());
        auto keys = JwkSet::parse(jwks(json::array({key.publicJwk(QStringLiteral("k"))})));
        QVERIFY(keys);
        const auto expected = validExpectations();
        QVERIFY(IdTokenValidator::validate(token, keys.value(), expected));
        QBENCHMARK
        {
            auto claims = IdTokenValidator::validate(token, keys.value(), expected);
            Q_UNUSED(claims);
        }
    }

    void parseJwks()
    {
        json list = json::array();
        for (int i = 0; i < 4; ++i)
            list.push_back(TestKey::rsa(2048).publicJwk(QStringLiteral("rsa%1").arg(i)));
        list.push_back(TestKey::ec("P-256").publicJwk(QStringLiteral("ec")));
        const QByteArray document = jwks(list);
        QBENCHMARK
        {
            auto keys = JwkSet::parse(document);
            Q_UNUSED(keys);
        }
    }
};

QTEST_GUILESS_MAIN(IdTokenBenchmark)
#include "bench_idtoken.moc"
