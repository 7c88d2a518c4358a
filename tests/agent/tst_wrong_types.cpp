// Values of the wrong JSON type where the agent reads a server's answer (or the handles it saved
// from one): each is read as absent, or refused, and the rest goes on. nlohmann's
// value(key, default) throws type_error when the key holds another type, and an exception that
// leaves a reply callback ends the whole app (std::terminate).
#include "LocalHttpServer.h"

#include "agent/ApiTools.h"
#include "agent/AsyncAuthorizer.h"
#include "agent/DeviceAuthorizer.h"
#include "agent/FgaAuthorizer.h"
#include "ciba/CibaClient.h"
#include "device/DeviceAuthorizationClient.h"
#include "fga/FgaClient.h"
#include "net/HttpClient.h"
#include "oauth/OAuthErrors.h"

#include <QNetworkAccessManager>
#include <QTest>

using namespace countersign;
using namespace countersign::agent;
using test::LocalHttpServer;

namespace {

LocalHttpServer::Response json(const QByteArray &body, int status = 200)
{
    return {status, body, "application/json", {}, 0, {}};
}

QUrl urlOf(const LocalHttpServer &server, const QString &path)
{
    return QUrl(server.baseUrl().toString() + path);
}

// What an authorizer reported for one call.
struct Reported
{
    QByteArray token;
    std::optional<Error> failure;
    int interrupts = 0;

    AuthorizationReport report()
    {
        return {[this](const QByteArray &accessToken, const nlohmann::json &) { token = accessToken; },
                [this](const QString &, const nlohmann::json &) { ++interrupts; },
                [this](const Error &error) { failure = error; }};
    }
};

} // namespace

class WrongTypesTest : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_network;

private Q_SLOTS:
    void anFgaAnswerThatIsNotABooleanMeansNotAllowed()
    {
        LocalHttpServer fga;
        QVERIFY(fga.start());
        fga.route(
            "/stores/s1/batch-check",
            json("{\"result\":{\"0\":{\"allowed\":\"yes\"},\"1\":{\"allowed\":true},\"2\":{\"allowed\":1},"
                 "\"3\":{\"allowed\":null}}}"));
        net::HttpClient http(&m_network);
        fga::FgaClient client(&http, {fga.baseUrl(), QStringLiteral("s1"), {}, "fga-key"});
        QList<fga::TupleKey> tuples;
        for (const char *doc : {"doc:a", "doc:b", "doc:c", "doc:d"})
            tuples.append({QStringLiteral("user:alice"), QStringLiteral("viewer"), QString::fromLatin1(doc)});
        std::optional<Result<QList<bool>>> answers;
        client.batchCheck(tuples, [&](Result<QList<bool>> r) { answers.emplace(std::move(r)); });
        QTRY_VERIFY_WITH_TIMEOUT(answers.has_value(), 20000);
        QVERIFY2(*answers, qPrintable(*answers ? QString() : answers->error().message));
        QCOMPARE(answers->value(), (QList<bool>{false, true, false, false}));
    }

    void aDocumentWithoutAStringIdIsLeftOutOfTheSearch()
    {
        LocalHttpServer server;
        QVERIFY(server.start());
        server.route("/docs/search", json("{\"documents\":[{\"id\":5,\"title\":\"Numbered\"},{\"id\":\"q3-"
                                          "plan\",\"title\":\"Q3 plan\"},"
                                          "{\"id\":[\"x\"]},\"not an object\"]}"));
        server.route("/stores/s1/batch-check", json("{\"result\":{\"0\":{\"allowed\":true}}}"));
        net::HttpClient http(&m_network);
        fga::FgaClient fga(&http, {server.baseUrl(), QStringLiteral("s1"), {}, "fga-key"});
        DocumentSearchTool search(&http, urlOf(server, QStringLiteral("/docs/search")),
                                  FgaFilter(&fga, QStringLiteral("viewer")));
        std::optional<Result<nlohmann::json>> found;
        search.run({{"query", "plan"}},
                   ToolContext{QStringLiteral("call_1"), QStringLiteral("alice"), {}, "tok", {}},
                   [&](Result<nlohmann::json> r) { found.emplace(std::move(r)); });
        QTRY_VERIFY_WITH_TIMEOUT(found.has_value(), 20000);
        QVERIFY2(*found, qPrintable(*found ? QString() : found->error().message));
        const nlohmann::json &documents = found->value()["documents"];
        QCOMPARE(documents.size(), std::size_t(1));
        QVERIFY(documents[0]["id"] == "q3-plan");
        // Only the document that has an id was asked about.
        const auto checks = nlohmann::json::parse(server.requests().last().body.toStdString());
        QCOMPARE(checks["checks"].size(), std::size_t(1));
        QVERIFY(checks["checks"][0]["tuple_key"]["object"] == "doc:q3-plan");
    }

    void aSavedApprovalHandleWithAWrongIntervalStillResumes()
    {
        LocalHttpServer server;
        QVERIFY(server.start());
        server.route("/token", json("{\"error\":\"access_denied\",\"error_description\":\"No.\"}", 400));
        net::HttpClient http(&m_network);
        ciba::CibaClient client(&http, urlOf(server, QStringLiteral("/bc-authorize")),
                                urlOf(server, QStringLiteral("/token")),
                                ciba::ClientCredentials{QStringLiteral("demo-agent"), "secret", {}});
        AsyncAuthorizer authorizer(&client, {});
        Reported reported;
        authorizer.resume(QStringLiteral("call_1"),
                          {{"type", "async_authorization"},
                           {"auth_req_id", "req-1"},
                           {"expires_at", "2099-01-01T00:00:00.000Z"},
                           {"interval", "5"},
                           {"binding_message", "Buy 3 ACME #1234"}},
                          reported.report());
        QVERIFY(!reported.failure);
        authorizer.pollNow();
        QTRY_VERIFY_WITH_TIMEOUT(reported.failure.has_value(), 20000);
        QCOMPARE(reported.failure->code, QString(oauth::errors::accessDenied));
    }

    void aSavedDeviceCodeWithAWrongIntervalStillResumes()
    {
        LocalHttpServer server;
        QVERIFY(server.start());
        net::HttpClient http(&m_network);
        device::DeviceAuthorizationClient client(&http, urlOf(server, QStringLiteral("/device")),
                                                 urlOf(server, QStringLiteral("/token")),
                                                 QStringLiteral("demo-device"));
        DeviceAuthorizer authorizer(&client, {{QStringLiteral("data:read")}, {}, {}});
        Reported reported;
        authorizer.resume(QStringLiteral("call_1"),
                          {{"type", "device_authorization"},
                           {"user_code", "ABCD-EFGH"},
                           {"verification_uri", "http://127.0.0.1/device"},
                           {"expires_at", "2099-01-01T00:00:00.000Z"},
                           {"interval", {{"seconds", 5}}},
                           {"device_code", "dc-1"}},
                          reported.report());
        QTest::qWait(50);
        QVERIFY(!reported.failure);
        QVERIFY(reported.token.isEmpty()); // waiting on the person, as before the restart
    }
};

QTEST_GUILESS_MAIN(WrongTypesTest)
#include "tst_wrong_types.moc"
