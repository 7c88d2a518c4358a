// End to end: sign-in through the sandbox's real login form, driven by headless Chromium acting as
// the system browser; tokens in the real secret service; refresh, rotation, revocation, sign-out.
#include "KeyringTestSupport.h"
#include "Sandbox.h"
#include "TestEnvironment.h"
#include "Wait.h"

#include "common/Json.h"
#include "device/DeviceAuthorizationClient.h"
#include "net/HttpClient.h"
#include "oauth/DiscoveryClient.h"
#include "oauth/TokenClient.h"
#include "session/SessionManager.h"
#include "storage/TokenStore.h"

#include <QDirIterator>
#include <QFile>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace countersign;
using namespace std::chrono_literals;
using test::wait;

class SignInTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_logDir;
    test::Sandbox m_sandbox{{QStringLiteral("--access-token-ttl"), QStringLiteral("120"),
                             QStringLiteral("--log"), m_logDir.filePath(QStringLiteral("sandbox.log"))}};

    // How many grants the provider has ended so far (its log says so).
    int grantsRevoked() const
    {
        QFile log(m_logDir.filePath(QStringLiteral("sandbox.log")));
        return log.open(QIODevice::ReadOnly)
                   ? int(log.readAll().count("grant.revoked [by countersign-desktop]"))
                   : -1;
    }

    // The text of the page the (last) browser ended on.
    QString lastBrowserPage()
    {
        if (m_browsers.isEmpty())
            return {};
        QProcess *browser = m_browsers.last();
        (void)QTest::qWaitFor([&] { return browser->state() == QProcess::NotRunning; }, 25000);
        const QByteArray line = browser->readAllStandardOutput().trimmed();
        return jsonString(nlohmann::json::parse(line.constBegin(), line.constEnd(), nullptr, false),
                          "pageText");
    }
    QNetworkAccessManager m_network;
    QList<QProcess *> m_browsers;

    config::ProviderConfig provider() const
    {
        config::ProviderConfig p;
        p.kind = config::ProviderConfig::Kind::Sandbox;
        p.issuer = m_sandbox.issuer();
        return p;
    }

    // A browser opener that runs the headless-Chromium driver as `user` with `password`.
    oauth::AuthorizationCodeFlow::BrowserOpener browser(const QString &user, const QString &password,
                                                        const QStringList &extra = {})
    {
        return [=, this](const QUrl &url) {
            m_browsers << test::startBrowser(url, user, password, extra, this);
            return true;
        };
    }

    std::optional<nlohmann::json> storedSession(storage::TokenStore &store, const QString &subject)
    {
        auto blob = wait<std::optional<QByteArray>>([&](auto done) {
            store.load({m_sandbox.issuer().toString(), subject}, done);
        });
        if (!blob || !blob.value())
            return std::nullopt;
        return nlohmann::json::parse(blob.value()->toStdString());
    }

    Result<oauth::TokenSet> refreshDirectly(const QByteArray &refreshToken)
    {
        net::HttpClient http(&m_network);
        oauth::DiscoveryClient discovery(&http);
        auto metadata =
            wait<oauth::ProviderMetadata>([&](auto done) { discovery.discover(m_sandbox.issuer(), done); });
        if (!metadata)
            return metadata.error();
        oauth::TokenClient client(&http, metadata.value(), QStringLiteral("countersign-desktop"));
        return wait<oauth::TokenSet>([&](auto done) { client.refresh(refreshToken, done); });
    }

    Result<oauth::Identity> signIn(session::SessionManager &session, const QString &user,
                                   const QString &password)
    {
        session.setBrowserOpener(browser(user, password));
        return wait<oauth::Identity>([&](auto done) { session.signIn(provider(), done); });
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!test::chromiumAvailable())
            QSKIP("Chromium is not installed (scripts/test installs it)");
        QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.error()));
    }

    void cleanup()
    {
        for (QProcess *browser : std::as_const(m_browsers)) {
            browser->kill();
            browser->waitForFinished(2000);
            delete browser;
        }
        m_browsers.clear();
    }

    void signsInThroughTheBrowserAndKeepsTokensInTheKeychain()
    {
        storage::TokenStore store;
        session::SessionManager session(&m_network, &store);
        QSignalSpy urls(&session, &session::SessionManager::authorizationUrlReady);
        auto identity = signIn(session, QStringLiteral("alice"), QStringLiteral("alice-demo"));
        QVERIFY2(identity, qPrintable(identity ? QString() : identity.error().message));
        QCOMPARE(identity->subject, QStringLiteral("alice"));
        QCOMPARE(identity->name, QStringLiteral("Alice Adams"));
        QCOMPARE(identity->email, QStringLiteral("alice@example.com"));
        QCOMPARE(identity->issuer, m_sandbox.issuer().toString());
        QCOMPARE(session.state(), session::SessionManager::State::SignedIn);

        // The authorization request carried PKCE S256, state and nonce, and a 127.0.0.1 redirect.
        QCOMPARE(urls.size(), 1);
        const QUrlQuery query(urls.first().first().toUrl());
        QCOMPARE(query.queryItemValue(QStringLiteral("code_challenge_method")), QStringLiteral("S256"));
        QVERIFY(!query.queryItemValue(QStringLiteral("state")).isEmpty());
        QVERIFY(!query.queryItemValue(QStringLiteral("nonce")).isEmpty());
        QVERIFY(query.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded)
                    .startsWith(QStringLiteral("http://127.0.0.1:")));

        const auto stored = storedSession(store, QStringLiteral("alice"));
        QVERIFY(stored);
        QVERIFY(!(*stored)["tokens"]["refresh_token"].get<std::string>().empty());

        // A fresh SessionManager (an app restart) restores it from the keychain.
        session::SessionManager restarted(&m_network, &store);
        auto restored = wait<bool>([&](auto done) { restarted.restore(provider(), done); });
        QVERIFY(restored && restored.value());
        QCOMPARE(restarted.identity().name, QStringLiteral("Alice Adams"));
    }

    void storesNoTokenInAnyFile()
    {
        storage::TokenStore store;
        session::SessionManager session(&m_network, &store);
        QVERIFY(signIn(session, QStringLiteral("bob"), QStringLiteral("bob-demo")));
        const auto stored = storedSession(store, QStringLiteral("bob"));
        QVERIFY(stored);
        QList<QByteArray> secrets;
        for (const char *name : {"access_token", "refresh_token", "id_token"})
            secrets << QByteArray::fromStdString((*stored)["tokens"][name].get<std::string>());
        // Every place the app could write to: config, data, cache, home (the keyring's own
        // encrypted file lives under XDG_DATA_HOME/keyrings and holds no clear text).
        const QStringList roots{qEnvironmentVariable("HOME"), qEnvironmentVariable("XDG_CONFIG_HOME"),
                                qEnvironmentVariable("XDG_DATA_HOME"),
                                qEnvironmentVariable("XDG_CACHE_HOME")};
        int filesScanned = 0;
        for (const QString &root : roots) {
            QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                QFile file(it.next());
                if (!file.open(QIODevice::ReadOnly))
                    continue;
                ++filesScanned;
                const QByteArray content = file.readAll();
                for (const QByteArray &secret : std::as_const(secrets))
                    QVERIFY2(!content.contains(secret),
                             qPrintable(QStringLiteral("token found in ") + file.fileName()));
            }
        }
        QVERIFY(filesScanned > 0); // QSettings wrote its file: the scan looked at something
    }

    void reportsWrongPasswordAsTimeoutWithoutSigningIn()
    {
        storage::TokenStore store;
        session::SessionManager session(&m_network, &store, {.signInTimeout = 8s});
        QSignalSpy urls(&session, &session::SessionManager::authorizationUrlReady);
        session.setBrowserOpener({});
        std::optional<Result<oauth::Identity>> result;
        session.signIn(provider(), [&](Result<oauth::Identity> r) { result.emplace(std::move(r)); });
        QTRY_COMPARE_WITH_TIMEOUT(urls.size(), 1, 10000);
        const auto browser = test::runBrowser(urls.first().first().toUrl(), QStringLiteral("alice"),
                                              QStringLiteral("wrong-password"));
        QCOMPARE(browser.outcome, QStringLiteral("login_error"));
        QCOMPARE(browser.detail, QStringLiteral("Wrong user name or password."));
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 15000);
        QVERIFY(!result->ok());
        QCOMPARE(result->error().code, QStringLiteral("timeout"));
        QCOMPARE(session.state(), session::SessionManager::State::SignedOut);
    }

    void closedBrowserEndsInTimeout()
    {
        storage::TokenStore store;
        session::SessionManager session(&m_network, &store, {.signInTimeout = 6s});
        session.setBrowserOpener(browser(QStringLiteral("alice"), QStringLiteral("alice-demo"),
                                         {QStringLiteral("--close-after-login-page")}));
        auto result = wait<oauth::Identity>([&](auto done) { session.signIn(provider(), done); });
        QVERIFY(!result);
        QCOMPARE(result.error().code, QStringLiteral("timeout"));
    }

    void denyingConsentReportsAccessDenied()
    {
        storage::TokenStore store;
        session::SessionManager session(&m_network, &store);
        session.setBrowserOpener(
            browser(QStringLiteral("alice"), QStringLiteral("alice-demo"), {QStringLiteral("--deny")}));
        auto result = wait<oauth::Identity>([&](auto done) { session.signIn(provider(), done); });
        QVERIFY(!result);
        QCOMPARE(result.error().code, QStringLiteral("access_denied"));
    }

    void cancellingStopsWaiting()
    {
        storage::TokenStore store;
        session::SessionManager session(&m_network, &store);
        session.setBrowserOpener({});
        std::optional<Result<oauth::Identity>> result;
        QSignalSpy urls(&session, &session::SessionManager::authorizationUrlReady);
        session.signIn(provider(), [&](Result<oauth::Identity> r) { result.emplace(std::move(r)); });
        QTRY_COMPARE_WITH_TIMEOUT(urls.size(), 1, 10000);
        session.cancelSignIn();
        QTRY_VERIFY(result.has_value());
        QCOMPARE(result->error().code, QStringLiteral("cancelled"));
        QCOMPARE(session.state(), session::SessionManager::State::SignedOut);
    }

    void cancellingWhileContactingTheProviderOpensNoBrowser()
    {
        storage::TokenStore store;
        session::SessionManager session(&m_network, &store);
        bool browserOpened = false;
        session.setBrowserOpener([&](const QUrl &) { return browserOpened = true; });
        QSignalSpy urls(&session, &session::SessionManager::authorizationUrlReady);
        std::optional<Result<oauth::Identity>> result;
        session.signIn(provider(), [&](Result<oauth::Identity> r) { result.emplace(std::move(r)); });
        session.cancelSignIn(); // discovery has not answered yet
        QTRY_VERIFY(result.has_value());
        QCOMPARE(result->error().code, QStringLiteral("cancelled"));
        QVERIFY(!browserOpened);
        QCOMPARE(urls.size(), 0);
        QCOMPARE(session.state(), session::SessionManager::State::SignedOut);
    }

    void cancellingADeviceSignInStopsWaitingForTheCode()
    {
        storage::TokenStore store;
        session::SessionManager session(&m_network, &store);
        std::optional<device::DeviceAuthorization> code;
        std::optional<Result<oauth::Identity>> result;
        session.signInWithDevice(
            provider(), [&](const device::DeviceAuthorization &authorization) { code = authorization; },
            [&](Result<oauth::Identity> r) { result.emplace(std::move(r)); });
        QTRY_VERIFY_WITH_TIMEOUT(code.has_value(), 10000);
        QVERIFY(!code->userCode.isEmpty());
        QVERIFY(!result.has_value());
        QCOMPARE(session.state(), session::SessionManager::State::SigningIn);

        session.cancelSignIn();
        QVERIFY(result.has_value()); // at once, not at the next poll
        QCOMPARE(result->error().code, QStringLiteral("cancelled"));
        QCOMPARE(session.state(), session::SessionManager::State::SignedOut);
        // A later sign-in is not blocked by the cancelled one.
        code.reset();
        result.reset();
        session.signInWithDevice(
            provider(), [&](const device::DeviceAuthorization &authorization) { code = authorization; },
            [&](Result<oauth::Identity> r) { result.emplace(std::move(r)); });
        QTRY_VERIFY_WITH_TIMEOUT(code.has_value(), 10000);
        session.cancelSignIn();
        QVERIFY(result.has_value());
    }

    void refreshRotatesTheRefreshToken()
    {
        storage::TokenStore store;
        session::SessionManager session(&m_network, &store);
        QVERIFY(signIn(session, QStringLiteral("alice"), QStringLiteral("alice-demo")));
        const auto before = storedSession(store, QStringLiteral("alice"));
        QVERIFY(before);
        const QByteArray oldRefresh = QByteArray::fromStdString((*before)["tokens"]["refresh_token"]);
        const QByteArray oldAccess = QByteArray::fromStdString((*before)["tokens"]["access_token"]);

        // Treat the 120 s token as about to expire: the next request for a token renews it.
        session.setRenewalMargin(std::chrono::seconds(3600));
        QSignalSpy renewed(&session, &session::SessionManager::tokensRenewed);
        auto access = wait<QByteArray>([&](auto done) { session.accessToken(done); });
        QVERIFY2(access, qPrintable(access ? QString() : access.error().message));
        QVERIFY(access.value() != oldAccess);
        QCOMPARE(renewed.size(), 1);

        const auto after = storedSession(store, QStringLiteral("alice"));
        const QByteArray newRefresh = QByteArray::fromStdString((*after)["tokens"]["refresh_token"]);
        QVERIFY(newRefresh != oldRefresh);
        QCOMPARE(QByteArray::fromStdString((*after)["tokens"]["access_token"]), access.value());

        // Rotation: the old refresh token is refused now.
        auto replay = refreshDirectly(oldRefresh);
        QVERIFY(!replay);
        QCOMPARE(replay.error().code, QStringLiteral("invalid_grant"));
    }

    void aSecondProcessRenewingFirstDoesNotEndTheSession()
    {
        // The app and the CLI each restore the same stored session. The CLI renews first, which
        // rotates the refresh token; the app's renewal must then use the new one from the keychain
        // (spending the old one would make the provider revoke the whole grant).
        storage::TokenStore store;
        session::SessionManager app(&m_network, &store);
        QVERIFY(signIn(app, QStringLiteral("alice"), QStringLiteral("alice-demo")));
        session::SessionManager cli(&m_network, &store);
        auto restored = wait<bool>([&](auto done) { cli.restore(provider(), done); });
        QVERIFY(restored && restored.value());
        cli.setRenewalMargin(std::chrono::seconds(3600));
        QVERIFY(wait<QByteArray>([&](auto done) { cli.accessToken(done); }));

        app.setRenewalMargin(std::chrono::seconds(3600));
        auto access = wait<QByteArray>([&](auto done) { app.accessToken(done); });
        QVERIFY2(access, qPrintable(access ? QString() : access.error().message));
        QCOMPARE(app.state(), session::SessionManager::State::SignedIn);
        // And the CLI, next time, picks up the app's rotation in turn.
        QVERIFY(wait<QByteArray>([&](auto done) { cli.accessToken(done); }));
        QCOMPARE(cli.state(), session::SessionManager::State::SignedIn);
    }

    void renewsTheAccessTokenBeforeItExpires()
    {
        // A provider whose access tokens live 8 s; renewal is due 5 s before expiry, unprompted.
        test::Sandbox shortLived({QStringLiteral("--access-token-ttl"), QStringLiteral("8")});
        QVERIFY2(shortLived.start(), qPrintable(shortLived.error()));
        storage::TokenStore store;
        session::SessionManager session(&m_network, &store);
        session.setRenewalMargin(5s);
        session.setBrowserOpener(browser(QStringLiteral("alice"), QStringLiteral("alice-demo")));
        config::ProviderConfig p = provider();
        p.issuer = shortLived.issuer();
        QVERIFY(wait<oauth::Identity>([&](auto done) { session.signIn(p, done); }));
        QSignalSpy renewed(&session, &session::SessionManager::tokensRenewed);
        QTRY_VERIFY_WITH_TIMEOUT(renewed.size() >= 1, 10000);
        // The renewed token is what callers get, without another refresh.
        auto access = wait<QByteArray>([&](auto done) { session.accessToken(done); });
        QVERIFY(access);
        QCOMPARE(renewed.size(), 1);
        QCOMPARE(session.state(), session::SessionManager::State::SignedIn);
    }

    void concurrentTokenRequestsShareOneRefresh()
    {
        storage::TokenStore store;
        session::SessionManager session(&m_network, &store);
        QVERIFY(signIn(session, QStringLiteral("alice"), QStringLiteral("alice-demo")));
        session.setRenewalMargin(std::chrono::seconds(3600));
        QSignalSpy renewed(&session, &session::SessionManager::tokensRenewed);
        std::optional<Result<QByteArray>> first, second;
        session.accessToken([&](Result<QByteArray> r) { first.emplace(std::move(r)); });
        session.accessToken([&](Result<QByteArray> r) { second.emplace(std::move(r)); });
        QTRY_VERIFY_WITH_TIMEOUT(first && second, 15000);
        QVERIFY(first->ok() && second->ok());
        QCOMPARE(first->value(), second->value());
        QCOMPARE(renewed.size(), 1);
        QCOMPARE(session.state(), session::SessionManager::State::SignedIn);
    }

    void revokedRefreshTokenSignsOutCleanly()
    {
        storage::TokenStore store;
        session::SessionManager session(&m_network, &store);
        QVERIFY(signIn(session, QStringLiteral("bob"), QStringLiteral("bob-demo")));
        const auto stored = storedSession(store, QStringLiteral("bob"));
        const QByteArray refresh = QByteArray::fromStdString((*stored)["tokens"]["refresh_token"]);

        // The grant ends behind the app's back (e.g. revoked in another session).
        net::HttpClient http(&m_network);
        oauth::DiscoveryClient discovery(&http);
        auto metadata =
            wait<oauth::ProviderMetadata>([&](auto done) { discovery.discover(m_sandbox.issuer(), done); });
        QVERIFY(metadata);
        oauth::TokenClient client(&http, metadata.value(), QStringLiteral("countersign-desktop"));
        QVERIFY(
            wait<Done>([&](auto done) { client.revoke(refresh, QStringLiteral("refresh_token"), done); }));

        QSignalSpy ended(&session, &session::SessionManager::sessionEnded);
        session.setRenewalMargin(std::chrono::seconds(3600));
        auto access = wait<QByteArray>([&](auto done) { session.accessToken(done); });
        QVERIFY(!access);
        QCOMPARE(access.error().code, QStringLiteral("invalid_grant"));
        QCOMPARE(ended.size(), 1);
        QCOMPARE(session.state(), session::SessionManager::State::SignedOut);
        QTRY_VERIFY(!storedSession(store, QStringLiteral("bob")));
    }

    void signOutDuringARefreshRevokesTheNewestToken()
    {
        storage::TokenStore store;
        session::SessionManager session(&m_network, &store);
        QVERIFY(signIn(session, QStringLiteral("alice"), QStringLiteral("alice-demo")));
        session.setRenewalMargin(std::chrono::seconds(3600));

        // Catch the rotated refresh token the moment it is stored (store operations run in order,
        // so this read comes before sign-out's wipe).
        QByteArray rotated;
        connect(&session, &session::SessionManager::tokensRenewed, this, [&] {
            store.load({m_sandbox.issuer().toString(), QStringLiteral("alice")},
                       [&](Result<std::optional<QByteArray>> blob) {
                           if (blob && blob.value())
                               rotated = QByteArray::fromStdString(nlohmann::json::parse(
                                   blob.value()->toStdString())["tokens"]["refresh_token"]);
                       });
        });
        session.accessToken([](Result<QByteArray>) {});                         // refresh in flight...
        auto signedOut = wait<Done>([&](auto done) { session.signOut(done); }); // ...when sign-out starts
        QVERIFY2(signedOut, qPrintable(signedOut ? QString() : signedOut.error().message));
        QVERIFY(!rotated.isEmpty());
        QVERIFY(!storedSession(store, QStringLiteral("alice")));
        auto replay = refreshDirectly(rotated);
        QVERIFY(!replay);
        QCOMPARE(replay.error().code, QStringLiteral("invalid_grant"));
        QCOMPARE(session.state(), session::SessionManager::State::SignedOut);
    }

    void signingInAgainRevokesTheSessionItReplaces()
    {
        storage::TokenStore store;
        session::SessionManager first(&m_network, &store);
        QVERIFY(signIn(first, QStringLiteral("alice"), QStringLiteral("alice-demo")));
        const QByteArray aliceRefresh = QByteArray::fromStdString(
            (*storedSession(store, QStringLiteral("alice")))["tokens"]["refresh_token"]);

        // Same account again: the earlier grant is revoked, not just overwritten.
        session::SessionManager second(&m_network, &store);
        QVERIFY(signIn(second, QStringLiteral("alice"), QStringLiteral("alice-demo")));
        QCOMPARE(refreshDirectly(aliceRefresh).error().code, QStringLiteral("invalid_grant"));
        const QByteArray secondRefresh = QByteArray::fromStdString(
            (*storedSession(store, QStringLiteral("alice")))["tokens"]["refresh_token"]);
        QVERIFY(secondRefresh != aliceRefresh);

        // Another account: alice's session is revoked and leaves the keychain.
        session::SessionManager third(&m_network, &store);
        QVERIFY(signIn(third, QStringLiteral("bob"), QStringLiteral("bob-demo")));
        QVERIFY(!storedSession(store, QStringLiteral("alice")));
        QCOMPARE(refreshDirectly(secondRefresh).error().code, QStringLiteral("invalid_grant"));
        auto accounts = wait<QList<storage::AccountKey>>([&](auto done) { store.accounts(done); });
        QVERIFY(accounts);
        QCOMPARE(accounts->size(), 1);
        QCOMPARE(accounts->first().subject, QStringLiteral("bob"));
    }

    void aSignInTheKeychainCannotKeepIsUndoneAndTheBrowserSaysSo()
    {
        storage::TokenStore store;
        session::SessionManager session(&m_network, &store);
        const int revokedBefore = grantsRevoked();
        QVERIFY(test::lockDefaultCollection()); // and nobody unlocks it
        auto identity = signIn(session, QStringLiteral("alice"), QStringLiteral("alice-demo"));
        QVERIFY(test::unlockDefaultCollection());

        QVERIFY(!identity);
        QVERIFY2(identity.error().message.contains(QStringLiteral("could not keep the session")),
                 qPrintable(identity.error().message));
        QCOMPARE(session.state(), session::SessionManager::State::SignedOut);
        // The browser is not told "You are signed in" about a session that is gone...
        const QString page = lastBrowserPage();
        QVERIFY2(page.contains(QStringLiteral("could not keep the session")), qPrintable(page));
        QVERIFY2(!page.contains(QStringLiteral("You are signed in")), qPrintable(page));
        // ...and the grant nobody holds does not stay alive at the provider.
        QTRY_COMPARE_WITH_TIMEOUT(grantsRevoked(), revokedBefore + 1, 5000);
        QVERIFY(!storedSession(store, QStringLiteral("alice")));
    }

    void signOutRevokesAndWipesTheKeychain()
    {
        storage::TokenStore store;
        session::SessionManager session(&m_network, &store);
        QVERIFY(signIn(session, QStringLiteral("alice"), QStringLiteral("alice-demo")));
        const auto stored = storedSession(store, QStringLiteral("alice"));
        const QByteArray refresh = QByteArray::fromStdString((*stored)["tokens"]["refresh_token"]);

        auto signedOut = wait<Done>([&](auto done) { session.signOut(done); });
        QVERIFY2(signedOut, qPrintable(signedOut ? QString() : signedOut.error().message));
        QCOMPARE(session.state(), session::SessionManager::State::SignedOut);
        QVERIFY(!storedSession(store, QStringLiteral("alice")));

        auto replay = refreshDirectly(refresh);
        QVERIFY(!replay);
        QCOMPARE(replay.error().code, QStringLiteral("invalid_grant"));

        session::SessionManager restarted(&m_network, &store);
        auto restored = wait<bool>([&](auto done) { restarted.restore(provider(), done); });
        QVERIFY(restored && !restored.value());
    }
};

QTEST_GUILESS_MAIN(SignInTest)
#include "tst_signin.moc"
