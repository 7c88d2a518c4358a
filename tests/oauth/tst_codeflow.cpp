// AuthorizationCodeFlow against a provider that is slow to answer, with a raw TCP client playing
// the browser: cancelling must work at every step, also while the code is being exchanged.
#include "LocalHttpServer.h"

#include "net/HttpClient.h"
#include "oauth/AuthorizationCodeFlow.h"
#include "oauth/JwksCache.h"
#include "oauth/TokenClient.h"

#include <QNetworkAccessManager>
#include <QTcpSocket>
#include <QTest>

using namespace countersign;
using namespace std::chrono_literals;
using test::LocalHttpServer;

class CodeFlowTest : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_network;

    // Follows the authorization URL's redirect_uri with the given code and the URL's state.
    static void redirectBrowser(const QUrl &authorizationUrl, QTcpSocket &browser)
    {
        const QUrlQuery query(authorizationUrl);
        const QUrl redirect(query.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded));
        browser.connectToHost(QHostAddress::LocalHost, static_cast<quint16>(redirect.port()));
        QVERIFY(browser.waitForConnected(2000));
        browser.write(
            "GET /callback?code=the-code&state=" + query.queryItemValue(QStringLiteral("state")).toUtf8() +
            " HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(browser.waitForBytesWritten(2000));
    }

private Q_SLOTS:
    void cancellingDuringCodeExchangeWinsOverALateAnswer()
    {
        LocalHttpServer provider;
        QVERIFY(provider.start());
        LocalHttpServer::Response slowTokens;
        slowTokens.delayMs = 1500;
        slowTokens.body = "{\"access_token\":\"a\",\"token_type\":\"Bearer\",\"id_token\":\"x.y.z\"}";
        provider.route("/token", slowTokens);

        net::HttpClient http(&m_network);
        oauth::ProviderMetadata metadata;
        metadata.issuer = provider.baseUrl();
        metadata.authorizationEndpoint = QUrl(provider.baseUrl().toString() + QStringLiteral("/auth"));
        metadata.tokenEndpoint = QUrl(provider.baseUrl().toString() + QStringLiteral("/token"));
        metadata.jwksUri = QUrl(provider.baseUrl().toString() + QStringLiteral("/jwks"));
        oauth::TokenClient tokens(&http, metadata, QStringLiteral("countersign-desktop"));
        oauth::JwksCache keys(&http, metadata.jwksUri);
        config::ProviderConfig config;
        config.issuer = provider.baseUrl();

        auto *flow = new oauth::AuthorizationCodeFlow(&tokens, &keys, config);
        QUrl authorizationUrl;
        flow->setBrowserOpener([&](const QUrl &url) {
            authorizationUrl = url;
            return true;
        });
        int calls = 0;
        std::optional<Result<oauth::SignInResult>> result;
        flow->start([&](Result<oauth::SignInResult> r) {
            ++calls;
            result.emplace(std::move(r));
            flow->deleteLater(); // as SessionManager does
        });
        QVERIFY(authorizationUrl.isValid());

        QTcpSocket browser;
        redirectBrowser(authorizationUrl, browser);
        QTRY_COMPARE(provider.hits("/token"), 1); // the exchange is under way
        flow->cancel();
        QVERIFY(result.has_value());
        QCOMPARE(result->error().code, QStringLiteral("cancelled"));

        // The browser is told, and the provider's late answer changes nothing (and crashes nothing).
        QTRY_VERIFY(browser.bytesAvailable() > 0 || browser.state() == QAbstractSocket::UnconnectedState);
        QVERIFY(browser.readAll().contains("Sign-in was cancelled."));
        QTest::qWait(2000);
        QCOMPARE(calls, 1);
        QCOMPARE(provider.hits("/jwks"), 0);
    }
};

QTEST_GUILESS_MAIN(CodeFlowTest)
#include "tst_codeflow.moc"
