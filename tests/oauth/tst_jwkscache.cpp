// JwksCache against a real HTTP server that counts JWKS fetches: key rotation is followed with one
// refetch, a token with an unknown kid can never make us fetch more than once per validation, and
// a late answer never reaches a cache that is gone.
#include "../jose/JwtFactory.h"
#include "LocalHttpServer.h"

#include "net/HttpClient.h"
#include "oauth/JwksCache.h"

#include <QNetworkAccessManager>
#include <QTest>

using namespace countersign;
using countersign::jose::test::json;
using countersign::jose::test::jwks;
using countersign::jose::test::signJwt;
using countersign::jose::test::TestKey;
using countersign::jose::test::validClaims;
using countersign::jose::test::validExpectations;
using countersign::test::LocalHttpServer;

class JwksCacheTest : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_network;
    TestKey m_oldKey = TestKey::rsa(2048);
    TestKey m_newKey = TestKey::ec("P-256");

    QByteArray token(const TestKey &key, const QString &alg, const QString &kid)
    {
        return signJwt(key, {{"alg", alg.toStdString()}, {"kid", kid.toStdString()}}, validClaims());
    }

    Result<jose::IdTokenClaims> validate(oauth::JwksCache &cache, const QByteArray &idToken)
    {
        std::optional<Result<jose::IdTokenClaims>> result;
        cache.validateIdToken(idToken, validExpectations(),
                              [&](Result<jose::IdTokenClaims> r) { result.emplace(std::move(r)); });
        (void)QTest::qWaitFor([&] { return result.has_value(); }, 10000);
        return result ? *result : Error{QStringLiteral("test_timeout"), {}};
    }

private Q_SLOTS:
    void fetchesKeysOnceAndReusesThem()
    {
        LocalHttpServer server;
        QVERIFY(server.start());
        LocalHttpServer::Response keys;
        keys.body = jwks(json::array({m_oldKey.publicJwk(QStringLiteral("k1"))}));
        server.route("/jwks", keys);
        net::HttpClient http(&m_network);
        oauth::JwksCache cache(&http, QUrl(server.baseUrl().toString() + QStringLiteral("/jwks")));

        QVERIFY(validate(cache, token(m_oldKey, QStringLiteral("RS256"), QStringLiteral("k1"))));
        QVERIFY(validate(cache, token(m_oldKey, QStringLiteral("RS256"), QStringLiteral("k1"))));
        QCOMPARE(server.hits("/jwks"), 1);
    }

    void followsKeyRotationWithOneRefetch()
    {
        LocalHttpServer server;
        QVERIFY(server.start());
        int served = 0;
        server.route("/jwks", [&](const LocalHttpServer::Request &) {
            LocalHttpServer::Response response;
            // First the old key only; after rotation the provider publishes both.
            response.body = served++ == 0 ? jwks(json::array({m_oldKey.publicJwk(QStringLiteral("k1"))}))
                                          : jwks(json::array({m_oldKey.publicJwk(QStringLiteral("k1")),
                                                              m_newKey.publicJwk(QStringLiteral("k2"))}));
            return response;
        });
        net::HttpClient http(&m_network);
        oauth::JwksCache cache(&http, QUrl(server.baseUrl().toString() + QStringLiteral("/jwks")));

        QVERIFY(validate(cache, token(m_oldKey, QStringLiteral("RS256"), QStringLiteral("k1"))));
        auto rotated = validate(cache, token(m_newKey, QStringLiteral("ES256"), QStringLiteral("k2")));
        QVERIFY2(rotated, qPrintable(rotated ? QString() : rotated.error().code));
        QCOMPARE(server.hits("/jwks"), 2);
    }

    void unknownKidCausesAtMostOneRefetch()
    {
        LocalHttpServer server;
        QVERIFY(server.start());
        LocalHttpServer::Response keys;
        keys.body = jwks(json::array({m_oldKey.publicJwk(QStringLiteral("k1"))}));
        server.route("/jwks", keys);
        net::HttpClient http(&m_network);
        oauth::JwksCache cache(&http, QUrl(server.baseUrl().toString() + QStringLiteral("/jwks")));

        // Cold cache: the first fetch is fresh, so an unknown kid is final without a second fetch.
        auto cold = validate(cache, token(m_newKey, QStringLiteral("ES256"), QStringLiteral("nope")));
        QVERIFY(!cold);
        QCOMPARE(cold.error().code, QStringLiteral("id_token_unknown_key"));
        QCOMPARE(server.hits("/jwks"), 1);

        // Warm cache: exactly one refetch per validation, then the error.
        auto warm = validate(cache, token(m_newKey, QStringLiteral("ES256"), QStringLiteral("nope")));
        QVERIFY(!warm);
        QCOMPARE(warm.error().code, QStringLiteral("id_token_unknown_key"));
        QCOMPARE(server.hits("/jwks"), 2);
    }

    void aLateAnswerNeverReachesADestroyedCache()
    {
        // Cancelling a sign-in and starting another frees the cache while its JWKS request is
        // still out; the provider's late answer must then touch nothing of it.
        LocalHttpServer server;
        QVERIFY(server.start());
        LocalHttpServer::Response slow;
        slow.body = jwks(json::array({m_oldKey.publicJwk(QStringLiteral("k1"))}));
        slow.delayMs = 800;
        server.route("/jwks", slow);
        net::HttpClient http(&m_network);
        auto cache = std::make_unique<oauth::JwksCache>(
            &http, QUrl(server.baseUrl().toString() + QStringLiteral("/jwks")));
        bool called = false;
        cache->validateIdToken(token(m_oldKey, QStringLiteral("RS256"), QStringLiteral("k1")),
                               validExpectations(), [&](Result<jose::IdTokenClaims>) { called = true; });
        QTRY_COMPARE_WITH_TIMEOUT(server.hits("/jwks"), 1, 5000);
        cache.reset();
        // Well past the answer: a callback still connected would have run by now.
        QTest::qWait(slow.delayMs + 1200);
        QVERIFY2(!called, "the JWKS answer reached a cache that no longer exists");
    }

    void reportsUnreachableOrBrokenJwks()
    {
        LocalHttpServer server;
        QVERIFY(server.start());
        LocalHttpServer::Response broken;
        broken.body = "{\"keys\": 5}";
        server.route("/jwks", broken);
        net::HttpClient http(&m_network);
        oauth::JwksCache cache(&http, QUrl(server.baseUrl().toString() + QStringLiteral("/jwks")));
        auto result = validate(cache, token(m_oldKey, QStringLiteral("RS256"), QStringLiteral("k1")));
        QVERIFY(!result);
        QCOMPARE(result.error().code, QStringLiteral("jwks_malformed"));

        LocalHttpServer::Response gone;
        gone.status = 404;
        gone.body = "Not Found";
        gone.contentType = "text/plain";
        server.route("/absent", gone);
        oauth::JwksCache missing(&http, QUrl(server.baseUrl().toString() + QStringLiteral("/absent")));
        auto notFound = validate(missing, token(m_oldKey, QStringLiteral("RS256"), QStringLiteral("k1")));
        QVERIFY(!notFound);
        QCOMPARE(notFound.error().code, QStringLiteral("http_404"));
    }
};

QTEST_GUILESS_MAIN(JwksCacheTest)
#include "tst_jwkscache.moc"
