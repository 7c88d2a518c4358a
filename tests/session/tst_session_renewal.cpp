// SessionRenewal against a scripted provider (a real HTTP server on loopback) and the real
// keychain: what happens when the provider refuses a refresh, when another process holds the
// session lock or dies holding it, when the keychain changes underneath or refuses to save, and
// how two processes sharing a session hear of each other's changes.
#include "KeyringTestSupport.h"
#include "LocalHttpServer.h"
#include "Wait.h"

#include "net/HttpClient.h"
#include "oauth/TokenClient.h"
#include "session/AccountFiles.h"
#include "session/RenewalLock.h"
#include "session/SessionRenewal.h"
#include "session/StoredSession.h"
#include "storage/TokenStore.h"

#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using namespace countersign;
using test::LocalHttpServer;
using test::wait;

namespace {

QByteArray tokenResponse(const QByteArray &access, const QByteArray &refresh, int expiresIn = 600)
{
    return QByteArray::fromStdString(nlohmann::json{
        {"access_token", access.toStdString()},
        {"token_type", "Bearer"},
        {"expires_in", expiresIn},
        {"refresh_token", refresh.toStdString()},
        {"scope",
         "openid offline_access"}}.dump());
}

LocalHttpServer::Response answer(const QByteArray &body)
{
    LocalHttpServer::Response response;
    response.body = body;
    return response;
}

LocalHttpServer::Response invalidGrant()
{
    LocalHttpServer::Response response;
    response.status = 400;
    response.body = R"({"error":"invalid_grant","error_description":"grant request is invalid"})";
    return response;
}

QByteArray formValue(const LocalHttpServer::Request &request, const char *name)
{
    return QUrlQuery(QString::fromUtf8(request.body))
        .queryItemValue(QString::fromLatin1(name), QUrl::FullyDecoded)
        .toUtf8();
}

} // namespace

class SessionRenewalTest : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_network;
    std::unique_ptr<LocalHttpServer> m_provider;
    std::unique_ptr<net::HttpClient> m_http;
    std::unique_ptr<oauth::TokenClient> m_tokenClient;
    std::unique_ptr<storage::TokenStore> m_store;
    QString m_service;

    storage::AccountKey account() const
    {
        return {m_provider->baseUrl().toString(), QStringLiteral("alice")};
    }

    // A stored session whose access token has expired, so that the next request refreshes.
    session::StoredSession expiredSession(const QByteArray &refreshToken) const
    {
        session::StoredSession session;
        session.clientId = QStringLiteral("countersign-desktop");
        session.identity = {account().issuer, account().subject, QStringLiteral("Alice Adams"), {}};
        session.tokens.accessToken = "old-access";
        session.tokens.refreshToken = refreshToken;
        session.tokens.tokenType = QStringLiteral("Bearer");
        session.tokens.accessTokenExpiresAt = QDateTime::currentDateTimeUtc().addSecs(-10);
        return session;
    }

    bool store(storage::TokenStore &store, const session::StoredSession &session)
    {
        return bool(wait<Done>([&](auto done) { store.save(account(), session.serialize(), done); }));
    }

    std::optional<session::StoredSession> stored()
    {
        auto blob = wait<std::optional<QByteArray>>([&](auto done) { m_store->load(account(), done); });
        if (!blob || !blob.value())
            return std::nullopt;
        auto session = session::StoredSession::parse(**blob);
        return session ? std::optional(session.value()) : std::nullopt;
    }

    std::unique_ptr<session::SessionRenewal> renewal(session::SessionRenewal::Options options = {})
    {
        return std::make_unique<session::SessionRenewal>(
            m_store.get(), [this](Callback<oauth::TokenClient *> done) { done(m_tokenClient.get()); },
            options);
    }

    // A process of its own (util-linux flock) that holds the account's session lock until killed.
    std::unique_ptr<QProcess> holdLockElsewhere()
    {
        auto holder = std::make_unique<QProcess>();
        // -o: the lock belongs to flock itself, not to the sleep it runs; killing flock frees it.
        holder->start(QStringLiteral("flock"),
                      {QStringLiteral("-o"), session::accountFile(account(), QStringLiteral("lock")),
                       QStringLiteral("sleep"), QStringLiteral("120")});
        if (!holder->waitForStarted())
            return nullptr;
        session::RenewalLock probe(session::accountFile(account(), QStringLiteral("lock")));
        // Wait until it really holds the lock (our own attempt fails at once then).
        for (int i = 0; i < 100; ++i) {
            auto got = wait<Done>([&](auto done) { probe.acquire(std::chrono::milliseconds(0), done); });
            probe.release();
            if (!got)
                return holder;
            QTest::qWait(20);
        }
        return nullptr;
    }

private Q_SLOTS:
    void init()
    {
        m_provider = std::make_unique<LocalHttpServer>();
        QVERIFY(m_provider->start());
        m_http = std::make_unique<net::HttpClient>(&m_network);
        oauth::ProviderMetadata metadata;
        metadata.issuer = m_provider->baseUrl();
        metadata.tokenEndpoint = QUrl(m_provider->baseUrl().toString() + QStringLiteral("/token"));
        metadata.revocationEndpoint = QUrl(m_provider->baseUrl().toString() + QStringLiteral("/revoke"));
        m_tokenClient = std::make_unique<oauth::TokenClient>(m_http.get(), metadata,
                                                             QStringLiteral("countersign-desktop"));
        m_service = test::uniqueService();
        m_store = std::make_unique<storage::TokenStore>(m_service);
    }

    void cleanup()
    {
        m_tokenClient.reset();
        m_http.reset();
        m_store.reset();
        m_provider.reset();
    }

    void aRefusedRefreshAdoptsANewerTokenStoredMeanwhile()
    {
        // An older Countersign (one that takes no lock) renews while our refresh is on its way:
        // the provider refuses our spent token, and the keychain has the newer one.
        QVERIFY(store(*m_store, expiredSession("rt-1")));
        storage::TokenStore elsewhere(m_service);
        bool storedElsewhere = false;
        m_provider->route("/token", [&](const LocalHttpServer::Request &request) {
            const QByteArray sent = formValue(request, "refresh_token");
            if (sent == "rt-1") {
                session::StoredSession newer = expiredSession("rt-2");
                elsewhere.save(account(), newer.serialize(),
                               [&](Status saved) { storedElsewhere = saved.ok(); });
                LocalHttpServer::Response refused = invalidGrant();
                refused.delayMs = 500;
                return refused;
            }
            LocalHttpServer::Response ok;
            ok.body = sent == "rt-2" ? tokenResponse("at-3", "rt-3") : invalidGrant().body;
            ok.status = sent == "rt-2" ? 200 : 400;
            return ok;
        });
        auto renewal = this->renewal();
        renewal->start(account(), *stored());
        QSignalSpy ended(renewal.get(), &session::SessionRenewal::ended);

        auto token = wait<QByteArray>([&](auto done) { renewal->accessToken(done); });
        QVERIFY2(token, qPrintable(token ? QString() : token.error().message));
        QVERIFY(storedElsewhere);
        QCOMPARE(token.value(), QByteArray("at-3"));
        QCOMPARE(m_provider->hits("/token"), 2);
        QCOMPARE(ended.size(), 0);
        QVERIFY(renewal->isActive());
        QCOMPARE(stored()->tokens.refreshToken, QByteArray("rt-3"));
    }

    void aRefusedRefreshWithNothingNewerEndsTheSessionAndWipesIt()
    {
        QVERIFY(store(*m_store, expiredSession("rt-1")));
        m_provider->route("/token", invalidGrant());
        auto renewal = this->renewal();
        renewal->start(account(), *stored());
        QSignalSpy ended(renewal.get(), &session::SessionRenewal::ended);

        auto token = wait<QByteArray>([&](auto done) { renewal->accessToken(done); });
        QVERIFY(!token);
        QCOMPARE(token.error().code, QStringLiteral("invalid_grant"));
        QCOMPARE(ended.size(), 1);
        QVERIFY(!renewal->isActive());
        QVERIFY(!stored());
        QCOMPARE(m_provider->hits("/token"), 1); // read again, nothing newer: no second try
    }

    void aCrashedLockHolderBlocksNobody()
    {
        QVERIFY(store(*m_store, expiredSession("rt-1")));
        m_provider->route("/token", answer(tokenResponse("at-2", "rt-2")));
        auto holder = holdLockElsewhere();
        QVERIFY2(holder, "flock did not take the lock");
        auto renewal = this->renewal();
        renewal->start(account(), *stored());

        std::optional<Result<QByteArray>> token;
        renewal->accessToken([&](Result<QByteArray> t) { token.emplace(std::move(t)); });
        QTest::qWait(700);
        QVERIFY2(!token, "renewed while another process held the lock");
        QCOMPARE(m_provider->hits("/token"), 0);

        holder->kill(); // SIGKILL: no chance to unlock
        QVERIFY(holder->waitForFinished());
        QTRY_VERIFY_WITH_TIMEOUT(token.has_value(), 2000);
        QVERIFY(token->ok());
        QCOMPARE(token->value(), QByteArray("at-2"));
        QCOMPARE(m_provider->hits("/token"), 1);
    }

    void aHolderThatNeverFinishesMakesRenewalFailWithoutRefreshing()
    {
        QVERIFY(store(*m_store, expiredSession("rt-1")));
        m_provider->route("/token", answer(tokenResponse("at-2", "rt-2")));
        auto holder = holdLockElsewhere();
        QVERIFY2(holder, "flock did not take the lock");
        auto renewal = this->renewal({.lockTimeout = std::chrono::seconds(1)});
        renewal->start(account(), *stored());

        auto token = wait<QByteArray>([&](auto done) { renewal->accessToken(done); });
        QVERIFY(!token);
        QCOMPARE(token.error().code, QStringLiteral("session_busy"));
        QCOMPARE(m_provider->hits("/token"), 0); // never with a token someone else may be spending
        QVERIFY(renewal->isActive());            // nothing is lost: try again later
        holder->kill();
        holder->waitForFinished();
        QVERIFY(wait<QByteArray>([&](auto done) { renewal->accessToken(done); }));
    }

    void processesSharingTheSessionUseEachOthersTokensAndHearTheEnd()
    {
        QVERIFY(store(*m_store, expiredSession("rt-1")));
        int issued = 0;
        m_provider->route("/token", [&](const LocalHttpServer::Request &request) {
            ++issued;
            const QByteArray resource = formValue(request, "resource");
            return answer(tokenResponse((resource.isEmpty() ? "at-" : "api-") + QByteArray::number(issued),
                                        "rt-" + QByteArray::number(issued + 1)));
        });
        m_provider->route("/revoke", answer({}));
        // Two processes' worth of renewal: each its own keychain connection and lock file handle.
        storage::TokenStore otherStore(m_service);
        auto app = renewal();
        session::SessionRenewal cli(
            &otherStore, [this](Callback<oauth::TokenClient *> done) { done(m_tokenClient.get()); });
        app->start(account(), *stored());
        cli.start(account(), *stored());
        QSignalSpy appRenewed(app.get(), &session::SessionRenewal::renewed);

        // The CLI renews; the app hears it and takes the new tokens without asking the provider.
        auto cliToken = wait<QByteArray>([&](auto done) { cli.accessToken(done); });
        QVERIFY(cliToken);
        QTRY_VERIFY_WITH_TIMEOUT(appRenewed.size() == 1, 3000);
        QCOMPARE(app->session().tokens.accessToken, cliToken.value());
        QCOMPARE(app->session().tokens.refreshToken, QByteArray("rt-2"));
        auto appToken = wait<QByteArray>([&](auto done) { app->accessToken(done); });
        QCOMPARE(appToken.value(), cliToken.value());
        QCOMPARE(issued, 1);

        // An API token one of them obtained serves the other too.
        const QString api = QStringLiteral("https://api.example/");
        auto apiToken = wait<QByteArray>([&](auto done) { app->accessTokenFor(api, false, done); });
        QVERIFY(apiToken);
        QCOMPARE(issued, 2);
        auto apiTokenElsewhere = wait<QByteArray>([&](auto done) { cli.accessTokenFor(api, false, done); });
        QCOMPARE(apiTokenElsewhere.value(), apiToken.value());
        QCOMPARE(issued, 2);
        // ...unless the API refused it: then it is renewed, once.
        auto renewed = wait<QByteArray>([&](auto done) { cli.accessTokenFor(api, true, done); });
        QVERIFY(renewed && renewed.value() != apiToken.value());
        QCOMPARE(issued, 3);

        // The CLI signs out: the app hears it within moments, without a request of its own.
        QSignalSpy appEnded(app.get(), &session::SessionRenewal::ended);
        auto signedOut = wait<std::optional<Error>>([&](auto done) {
            cli.signOut([](const oauth::TokenSet &, Callback<Done> revoked) { revoked(Done{}); }, done);
        });
        QVERIFY(signedOut && !signedOut.value());
        QTRY_VERIFY_WITH_TIMEOUT(appEnded.size() == 1, 3000);
        QCOMPARE(appEnded.at(0).at(0).value<Error>().code, QStringLiteral("session_ended_elsewhere"));
        QVERIFY(!app->isActive());
        QVERIFY(!stored());
    }

    void signOutRevokesTheNewestRefreshTokenEvenWhenAnotherProcessRotatedIt()
    {
        QVERIFY(store(*m_store, expiredSession("rt-1")));
        m_provider->route("/token", answer(tokenResponse("at-2", "rt-2")));
        storage::TokenStore otherStore(m_service);
        auto app = renewal();
        session::SessionRenewal cli(
            &otherStore, [this](Callback<oauth::TokenClient *> done) { done(m_tokenClient.get()); });
        app->start(account(), *stored());
        cli.start(account(), *stored());
        QVERIFY(wait<QByteArray>([&](auto done) { cli.accessToken(done); }));

        // Sign out at once, before the app may have heard of the rotation.
        QByteArray revoked;
        auto signedOut = wait<std::optional<Error>>([&](auto done) {
            app->signOut(
                [&](const oauth::TokenSet &newest, Callback<Done> told) {
                    revoked = newest.refreshToken;
                    told(Done{});
                },
                done);
        });
        QVERIFY(signedOut);
        QCOMPARE(revoked, QByteArray("rt-2"));
        QVERIFY(!stored());
    }

    void renewedTokensTheKeychainRefusesAreReportedAndStoredOnceItWorksAgain()
    {
        QVERIFY(store(*m_store, expiredSession("rt-1")));
        int issued = 1;
        m_provider->route("/token", [&](const LocalHttpServer::Request &) {
            ++issued;
            // Expires at once: every request below is a refresh.
            return answer(
                tokenResponse("at-" + QByteArray::number(issued), "rt-" + QByteArray::number(issued), 1));
        });
        auto renewal = this->renewal();
        renewal->start(account(), *stored());
        QSignalSpy notSaved(renewal.get(), &session::SessionRenewal::saveFailed);

        QVERIFY(test::lockDefaultCollection());
        auto token = wait<QByteArray>([&](auto done) { renewal->accessToken(done); });
        QVERIFY(token);               // the renewed token works in this process...
        QCOMPARE(notSaved.size(), 1); // ...and the person is told that it was not kept
        QVERIFY2(notSaved.at(0).at(0).value<Error>().message.contains(QStringLiteral("sign in again")),
                 qPrintable(notSaved.at(0).at(0).value<Error>().message));

        QVERIFY(test::unlockDefaultCollection());
        QCOMPARE(stored()->tokens.refreshToken, QByteArray("rt-1")); // spent, still in the keychain
        QVERIFY(wait<QByteArray>([&](auto done) { renewal->accessToken(done); }));
        // The keychain has the newest again, never the spent one adopted back.
        QCOMPARE(stored()->tokens.refreshToken, QByteArray("rt-3"));
        QCOMPARE(renewal->session().tokens.refreshToken, QByteArray("rt-3"));
        QCOMPARE(notSaved.size(), 1);
    }
};

QTEST_GUILESS_MAIN(SessionRenewalTest)
#include "tst_session_renewal.moc"
