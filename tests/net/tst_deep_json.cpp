// JSON nested too deep, at each place where a server's answer enters Countersign, served by a real
// HTTP server on loopback: an error that names the server (or, in a list, one item left out),
// never a crash. Copying a parsed value and dump() recurse once per level, so ~100,000 levels of
// '[' (200 KB, well under every size limit) used to overflow the stack (exit 139).
#include "LocalHttpServer.h"

#include "approvals/ApprovalInbox.h"
#include "approvals/ApprovalsClient.h"
#include "common/JsonInput.h"
#include "net/HttpClient.h"
#include "oauth/DiscoveryClient.h"
#include "oauth/JwksCache.h"
#include "oauth/TokenClient.h"

#include <QNetworkAccessManager>
#include <QTest>

using namespace countersign;
using test::LocalHttpServer;

namespace {

constexpr int kHostileDepth = 100'000;

QByteArray nestedArrays(int levels)
{
    return QByteArray(levels, '[') + QByteArray(levels, ']');
}

QByteArray nestedObjects(int levels)
{
    QByteArray text;
    for (int i = 0; i < levels; ++i)
        text += "{\"a\":";
    text += "1";
    return text + QByteArray(levels, '}');
}

QByteArray approval(const QByteArray &id, const QByteArray &authorizationDetails = "[]")
{
    return "{\"id\":\"" + id +
           "\",\"client_id\":\"demo-agent\",\"binding_message\":\"Buy 3 ACME\",\"scope\":\"openid\","
           "\"authorization_details\":" +
           authorizationDetails +
           ",\"created_at\":\"2026-11-23T10:00:00.000Z\",\"expires_at\":\"2099-11-23T10:05:00.000Z\","
           "\"status\":\"pending\"}";
}

QUrl urlOf(const LocalHttpServer &server, const QString &path)
{
    return QUrl(server.baseUrl().toString() + path);
}

QString hostOf(const LocalHttpServer &server)
{
    return QStringLiteral("127.0.0.1:%1").arg(server.port());
}

template <typename T> Result<T> waitFor(std::optional<Result<T>> &result)
{
    (void)QTest::qWaitFor([&] { return result.has_value(); }, 20000);
    return result ? std::move(*result) : Result<T>(Error{QStringLiteral("test_timeout"), {}});
}

approvals::TokenSource fixedToken()
{
    return [](bool, Callback<QByteArray> done) { done(QByteArray("access-token")); };
}

} // namespace

class DeepJsonTest : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_network;

    Result<nlohmann::json> getJson(const LocalHttpServer &server)
    {
        net::HttpClient http(&m_network);
        std::optional<Result<nlohmann::json>> result;
        http.getJson(urlOf(server, QStringLiteral("/x")), &http,
                     [&](Result<nlohmann::json> r) { result.emplace(std::move(r)); });
        return waitFor(result);
    }

    static void verifyTooDeep(const Error &error, const LocalHttpServer &server)
    {
        QCOMPARE(error.code, QStringLiteral("json_too_deep"));
        QVERIFY2(error.message.contains(hostOf(server)), qPrintable(error.message));
        QVERIFY2(error.message.contains(QStringLiteral("64")), qPrintable(error.message));
    }

private Q_SLOTS:
    void theReaderCountsLevelsFromTheOutermost()
    {
        QVERIFY(parseJsonInput(nestedArrays(64)).ok());
        QCOMPARE(parseJsonInput(nestedArrays(65)).problem, JsonInput::Problem::TooDeep);
        QVERIFY(parseJsonInput(nestedObjects(64)).ok());
        QCOMPARE(parseJsonInput(nestedObjects(65)).problem, JsonInput::Problem::TooDeep);
        QVERIFY(parseJsonInput(nestedArrays(65), {66, {}, false}).ok());
        // A refused text is never handed out, not even in part.
        QVERIFY(parseJsonInput(nestedArrays(kHostileDepth)).value.is_discarded());
        QVERIFY(parseJsonOrDiscard(nestedArrays(kHostileDepth)).is_discarded());
        const JsonInput broken = parseJsonInput("{\"access_token\":\"AT-secret");
        QCOMPARE(broken.problem, JsonInput::Problem::NotJson);
        QVERIFY(broken.errorByte > 0);
    }

    void aListKeepsItsItemsThatAreNotTooDeep()
    {
        JsonInputRules rules;
        rules.listMember = "items";
        const QByteArray text = "{\"before\":[[1]],\"items\":[1," + nestedArrays(70) +
                                ",{\"a\":" + nestedObjects(70) +
                                "},{\"a\":[[2]]},\"x\"],\"after\":{\"items\":[3]}}";
        const JsonInput input = parseJsonInput(text, rules);
        QVERIFY(input.ok());
        const nlohmann::json &items = input.value["items"];
        QCOMPARE(items.size(), std::size_t(5));
        QVERIFY(items[0] == 1);
        QVERIFY(items[1].is_null());
        QVERIFY(items[2].is_null());
        QVERIFY(items[3]["a"][0][0] == 2);
        QVERIFY(items[4] == "x");
        QVERIFY(input.value["after"]["items"][0] == 3);
        // Only that member's items: too deep anywhere else still refuses the whole text.
        QCOMPARE(parseJsonInput("{\"other\":[" + nestedArrays(70) + "]}", rules).problem,
                 JsonInput::Problem::TooDeep);
        QCOMPARE(parseJsonInput("{\"x\":{\"items\":[" + nestedArrays(70) + "]}}", rules).problem,
                 JsonInput::Problem::TooDeep);
    }

    void refusesAnAnswerNestedDeeperThanTheLimit_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("arrays") << "{\"a\":" + nestedArrays(kHostileDepth) + "}";
        QTest::newRow("objects") << nestedObjects(kHostileDepth);
        QTest::newRow("one level too many") << "{\"a\":" + nestedArrays(64) + "}";
    }

    void refusesAnAnswerNestedDeeperThanTheLimit()
    {
        QFETCH(QByteArray, body);
        LocalHttpServer server;
        QVERIFY(server.start());
        server.route("/x", LocalHttpServer::Response{200, body, "application/json", {}, 0, {}});
        const auto answer = getJson(server);
        QVERIFY(!answer);
        verifyTooDeep(answer.error(), server);
    }

    void takesAnAnswerExactlyAtTheLimit()
    {
        LocalHttpServer server;
        QVERIFY(server.start());
        // The object is level 1, so 63 arrays inside it make 64 levels.
        server.route("/x", LocalHttpServer::Response{
                               200, "{\"a\":" + nestedArrays(63) + "}", "application/json", {}, 0, {}});
        const auto answer = getJson(server);
        QVERIFY2(answer, qPrintable(answer ? QString() : answer.error().message));
        QVERIFY(answer->at("a").is_array());
    }

    void discoveryOfADeepDocumentFailsNamingTheServer()
    {
        LocalHttpServer server;
        QVERIFY(server.start());
        const std::string issuer = server.baseUrl().toString().toStdString();
        const nlohmann::json document{{"issuer", issuer},
                                      {"authorization_endpoint", issuer + "/auth"},
                                      {"token_endpoint", issuer + "/token"},
                                      {"jwks_uri", issuer + "/jwks"},
                                      {"response_types_supported", {"code"}},
                                      {"code_challenge_methods_supported", {"S256"}},
                                      {"id_token_signing_alg_values_supported", {"RS256"}}};
        QByteArray body = QByteArray::fromStdString(document.dump());
        body.chop(1);
        body += ",\"x_vendor\":" + nestedArrays(kHostileDepth) + "}";
        server.route("/.well-known/openid-configuration",
                     LocalHttpServer::Response{200, body, "application/json", {}, 0, {}});

        net::HttpClient http(&m_network);
        oauth::DiscoveryClient discovery(&http);
        std::optional<Result<oauth::ProviderMetadata>> result;
        discovery.discover(server.baseUrl(),
                           [&](Result<oauth::ProviderMetadata> r) { result.emplace(std::move(r)); });
        const auto metadata = waitFor(result);
        QVERIFY(!metadata);
        verifyTooDeep(metadata.error(), server);
    }

    void aDeepKeySetIsAnErrorNotACrash()
    {
        LocalHttpServer server;
        QVERIFY(server.start());
        server.route("/jwks", LocalHttpServer::Response{
                                  200,
                                  "{\"keys\":[{\"kty\":\"EC\",\"x\":" + nestedArrays(kHostileDepth) + "}]}",
                                  "application/json",
                                  {},
                                  0,
                                  {}});
        net::HttpClient http(&m_network);
        oauth::JwksCache cache(&http, urlOf(server, QStringLiteral("/jwks")));
        std::optional<Result<jose::IdTokenClaims>> result;
        cache.validateIdToken("eyJhbGciOiJFUzI1NiIsImtpZCI6ImsxIn0.e30.c2ln", {},
                              [&](Result<jose::IdTokenClaims> r) { result.emplace(std::move(r)); });
        const auto claims = waitFor(result);
        QVERIFY(!claims);
        verifyTooDeep(claims.error(), server);
    }

    void aDeepTokenAnswerIsAnError()
    {
        LocalHttpServer server;
        QVERIFY(server.start());
        server.route("/token", LocalHttpServer::Response{
                                   200,
                                   "{\"access_token\":\"at\",\"token_type\":\"Bearer\",\"expires_in\":60,"
                                   "\"authorization_details\":[" +
                                       nestedArrays(kHostileDepth) + "]}",
                                   "application/json",
                                   {},
                                   0,
                                   {}});
        oauth::ProviderMetadata metadata;
        metadata.issuer = server.baseUrl();
        metadata.tokenEndpoint = urlOf(server, QStringLiteral("/token"));
        net::HttpClient http(&m_network);
        oauth::TokenClient tokens(&http, metadata, QStringLiteral("countersign-desktop"));
        std::optional<Result<oauth::TokenSet>> result;
        tokens.refresh("rt", [&](Result<oauth::TokenSet> r) { result.emplace(std::move(r)); });
        const auto renewed = waitFor(result);
        QVERIFY(!renewed);
        verifyTooDeep(renewed.error(), server);
    }

    void oneDeepApprovalIsLeftOutAndTheOthersShow()
    {
        LocalHttpServer server;
        QVERIFY(server.start());
        const QByteArray list = "{\"approvals\":[" + approval("apr_1") + "," +
                                approval("apr_deep", "[" + nestedArrays(kHostileDepth) + "]") + "," +
                                approval("apr_3", "[{\"type\":\"x\",\"n\":" + nestedObjects(50) + "}]") +
                                "],\"last_event_id\":\"7\"}";
        server.route("/approvals", LocalHttpServer::Response{200, list, "application/json", {}, 0, {}});
        net::HttpClient http(&m_network);
        approvals::ApprovalsClient client(&http, urlOf(server, QStringLiteral("/approvals")), fixedToken());
        std::optional<Result<approvals::ApprovalList>> result;
        client.list([&](Result<approvals::ApprovalList> r) { result.emplace(std::move(r)); });
        const auto fetched = waitFor(result);
        QVERIFY2(fetched, qPrintable(fetched ? QString() : fetched.error().message));
        QCOMPARE(fetched->approvals.size(), 2);
        QCOMPARE(fetched->approvals[0].id, QStringLiteral("apr_1"));
        QCOMPARE(fetched->approvals[1].id, QStringLiteral("apr_3"));
        QCOMPARE(fetched->unreadable, 1);
        QCOMPARE(fetched->lastEventId, QStringLiteral("7"));
    }

    void aListNestedTooDeepOutsideItsItemsIsRefused()
    {
        LocalHttpServer server;
        QVERIFY(server.start());
        server.route("/approvals",
                     LocalHttpServer::Response{200,
                                               "{\"approvals\":[" + approval("apr_1") +
                                                   "],\"x\":" + nestedArrays(kHostileDepth) + "}",
                                               "application/json",
                                               {},
                                               0,
                                               {}});
        net::HttpClient http(&m_network);
        approvals::ApprovalsClient client(&http, urlOf(server, QStringLiteral("/approvals")), fixedToken());
        std::optional<Result<approvals::ApprovalList>> result;
        client.list([&](Result<approvals::ApprovalList> r) { result.emplace(std::move(r)); });
        const auto fetched = waitFor(result);
        QVERIFY(!fetched);
        verifyTooDeep(fetched.error(), server);
    }

    void aDeepApprovalEventIsSkippedAndTheStreamGoesOn()
    {
        LocalHttpServer server;
        QVERIFY(server.start());
        server.route("/approvals",
                     LocalHttpServer::Response{
                         200, "{\"approvals\":[],\"last_event_id\":\"0\"}", "application/json", {}, 0, {}});
        const QByteArray events = "id: 1\nevent: approval.created\ndata: " +
                                  approval("apr_deep", "[" + nestedArrays(kHostileDepth) + "]") +
                                  "\n\nid: 2\nevent: approval.created\ndata: " + approval("apr_2") + "\n\n";
        server.route("/approvals/events",
                     LocalHttpServer::Response{200, events, "text/event-stream", {}, 0, {}});
        net::HttpClient http(&m_network);
        approvals::ApprovalsClient client(&http, urlOf(server, QStringLiteral("/approvals")), fixedToken());
        approvals::ApprovalInbox inbox(&client, &m_network);
        inbox.setBackoff(std::chrono::seconds(30), std::chrono::seconds(30));
        inbox.start();
        QTRY_COMPARE_WITH_TIMEOUT(inbox.lastEventId(), QStringLiteral("2"), 20000);
        QCOMPARE(inbox.approvals().size(), 1);
        QCOMPARE(inbox.approvals()[0].id, QStringLiteral("apr_2"));
    }
};

QTEST_GUILESS_MAIN(DeepJsonTest)
#include "tst_deep_json.moc"
