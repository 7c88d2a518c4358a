// JwksCache against a real HTTP server that counts JWKS fetches: keys live as long as the HTTP
// cache headers say (at most a day, 10 minutes when they say nothing), key rotation is followed
// with one refetch, a token with an unknown kid makes us fetch at most once a minute, and a late
// answer never reaches a cache that is gone.
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

        // Warm cache: one refetch (the first for an unknown key this minute), then the error.
        auto warm = validate(cache, token(m_newKey, QStringLiteral("ES256"), QStringLiteral("nope")));
        QVERIFY(!warm);
        QCOMPARE(warm.error().code, QStringLiteral("id_token_unknown_key"));
        QCOMPARE(server.hits("/jwks"), 2);
    }

    void aKeyTheProviderRemovedIsNotTrustedOnceTheCacheLifetimeEnds()
    {
        LocalHttpServer server;
        QVERIFY(server.start());
        bool removed = false;
        server.route("/jwks", [&](const LocalHttpServer::Request &) {
            LocalHttpServer::Response response;
            response.headers = {{"Cache-Control", "public, max-age=1"}};
            response.body = removed ? jwks(json::array({m_newKey.publicJwk(QStringLiteral("k2"))}))
                                    : jwks(json::array({m_oldKey.publicJwk(QStringLiteral("k1"))}));
            return response;
        });
        net::HttpClient http(&m_network);
        oauth::JwksCache cache(&http, QUrl(server.baseUrl().toString() + QStringLiteral("/jwks")));
        const QByteArray signedWithOldKey = token(m_oldKey, QStringLiteral("RS256"), QStringLiteral("k1"));

        QVERIFY(validate(cache, signedWithOldKey));
        removed = true; // the provider drops k1 (say, it leaked)
        QTest::qWait(1100);
        auto afterRemoval = validate(cache, signedWithOldKey);
        QVERIFY2(!afterRemoval, "a key the provider no longer publishes was still trusted");
        QCOMPARE(afterRemoval.error().code, QStringLiteral("id_token_unknown_key"));
        QCOMPARE(server.hits("/jwks"), 2);
    }

    void keysWithinTheirLifetimeAreNotFetchedAgain()
    {
        LocalHttpServer server;
        QVERIFY(server.start());
        LocalHttpServer::Response keys;
        keys.headers = {{"Cache-Control", "max-age=3600"}};
        keys.body = jwks(json::array({m_oldKey.publicJwk(QStringLiteral("k1"))}));
        server.route("/jwks", keys);
        net::HttpClient http(&m_network);
        oauth::JwksCache cache(&http, QUrl(server.baseUrl().toString() + QStringLiteral("/jwks")));
        for (int i = 0; i < 3; ++i)
            QVERIFY(validate(cache, token(m_oldKey, QStringLiteral("RS256"), QStringLiteral("k1"))));
        QCOMPARE(server.hits("/jwks"), 1);
        QVERIFY(cache.remainingLifetime() > std::chrono::minutes(59));
    }

    void theCacheLifetimeIsCappedAndDefaulted_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<int>("expectedSeconds");
        QTest::addRow("no cache headers: the default") << QByteArray() << QByteArray() << 600;
        QTest::addRow("a year: capped at a day")
            << QByteArray("Cache-Control") << QByteArray("max-age=31536000") << 86400;
        QTest::addRow("Expires far ahead: capped")
            << QByteArray("Expires") << QByteArray("Fri, 31 Dec 2100 23:59:59 GMT") << 86400;
        QTest::addRow("an unreadable max-age: fetched again next time")
            << QByteArray("Cache-Control") << QByteArray("max-age=soon") << 0;
        QTest::addRow("no-store: fetched again next time")
            << QByteArray("Cache-Control") << QByteArray("no-store") << 0;
        QTest::addRow("max-age=0") << QByteArray("Cache-Control") << QByteArray("max-age=0") << 0;
    }

    void theCacheLifetimeIsCappedAndDefaulted()
    {
        QFETCH(QByteArray, header);
        QFETCH(QByteArray, value);
        QFETCH(int, expectedSeconds);
        LocalHttpServer server;
        QVERIFY(server.start());
        LocalHttpServer::Response keys;
        if (!header.isEmpty())
            keys.headers = {{header, value}};
        keys.body = jwks(json::array({m_oldKey.publicJwk(QStringLiteral("k1"))}));
        server.route("/jwks", keys);
        net::HttpClient http(&m_network);
        oauth::JwksCache cache(&http, QUrl(server.baseUrl().toString() + QStringLiteral("/jwks")));
        QVERIFY(validate(cache, token(m_oldKey, QStringLiteral("RS256"), QStringLiteral("k1"))));
        const auto remaining =
            std::chrono::duration_cast<std::chrono::seconds>(cache.remainingLifetime()).count();
        QVERIFY2(remaining <= expectedSeconds && remaining >= std::max(0, expectedSeconds - 5),
                 qPrintable(QStringLiteral("%1 s left").arg(remaining)));
    }

    void anUnknownKidRefetchesAtMostOnceAMinute()
    {
        // Tokens with made-up key IDs (a broken or hostile provider) once cost one JWKS fetch each.
        LocalHttpServer server;
        QVERIFY(server.start());
        LocalHttpServer::Response keys;
        keys.headers = {{"Cache-Control", "max-age=3600"}};
        keys.body = jwks(json::array({m_oldKey.publicJwk(QStringLiteral("k1"))}));
        server.route("/jwks", keys);
        net::HttpClient http(&m_network);
        oauth::JwksCache cache(&http, QUrl(server.baseUrl().toString() + QStringLiteral("/jwks")));
        QVERIFY(validate(cache, token(m_oldKey, QStringLiteral("RS256"), QStringLiteral("k1"))));
        for (int i = 0; i < 5; ++i) {
            auto unknown = validate(
                cache, token(m_newKey, QStringLiteral("ES256"), QStringLiteral("made-up-%1").arg(i)));
            QVERIFY(!unknown);
            QCOMPARE(unknown.error().code, QStringLiteral("id_token_unknown_key"));
        }
        QCOMPARE(server.hits("/jwks"), 2); // the first fetch, and one refetch for the whole minute
        // The known key still works meanwhile.
        QVERIFY(validate(cache, token(m_oldKey, QStringLiteral("RS256"), QStringLiteral("k1"))));
        QCOMPARE(server.hits("/jwks"), 2);
    }

    void expiredKeysAreNotUsedWhenTheyCannotBeFetchedAgain()
    {
        LocalHttpServer server;
        QVERIFY(server.start());
        bool down = false;
        server.route("/jwks", [&](const LocalHttpServer::Request &) {
            LocalHttpServer::Response response;
            response.headers = {{"Cache-Control", "max-age=1"}};
            response.body = jwks(json::array({m_oldKey.publicJwk(QStringLiteral("k1"))}));
            if (down) {
                response.status = 503;
                response.body = "{}";
            }
            return response;
        });
        net::HttpClient http(&m_network);
        oauth::JwksCache cache(&http, QUrl(server.baseUrl().toString() + QStringLiteral("/jwks")));
        const QByteArray idToken = token(m_oldKey, QStringLiteral("RS256"), QStringLiteral("k1"));
        QVERIFY(validate(cache, idToken));
        down = true;
        QTest::qWait(1100);
        auto result = validate(cache, idToken);
        QVERIFY2(!result, "keys past their lifetime were used although the provider could not confirm them");
        QCOMPARE(result.error().code, QStringLiteral("http_503"));
        down = false;
        QVERIFY(validate(cache, idToken)); // and the next attempt fetches again
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
