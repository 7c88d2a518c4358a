// CibaPoll against a real local HTTP server that plays the token endpoint: the interval is
// honoured to the millisecond (a provider answers a poll that is only slightly early with
// slow_down) and never below 1 s, slow_down widens it by 5 s, every answer maps to the right
// outcome, pollNow coalesces, network failures are retried with growing pauses and cancel() ends
// everything.
#include "LocalHttpServer.h"

#include "ciba/CibaClient.h"
#include "ciba/CibaPoll.h"
#include "net/HttpClient.h"
#include "oauth/OAuthErrors.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QTcpServer>
#include <QTest>

#include <optional>

using namespace countersign;
using ciba::CibaClient;
using ciba::CibaPoll;
using ciba::Outcome;
using test::LocalHttpServer;

namespace {

// (No raw string literals in this file: Qt 6.4's moc then misses the test class.)
LocalHttpServer::Response answer(int status, const QByteArray &body)
{
    LocalHttpServer::Response response;
    response.status = status;
    response.body = body;
    return response;
}

LocalHttpServer::Response oauthError(const QByteArray &code, const QByteArray &description = {})
{
    QByteArray body = "{\"error\":\"" + code + '"';
    if (!description.isEmpty())
        body += ",\"error_description\":\"" + description + '"';
    return answer(400, body + '}');
}

LocalHttpServer::Response tokens()
{
    return answer(200, "{\"access_token\":\"at-1\",\"token_type\":\"Bearer\",\"expires_in\":60}");
}

} // namespace

class CibaPollTest : public QObject
{
    Q_OBJECT

    // One server, one client, one poll per test; the server's handler is the test's script.
    struct Rig
    {
        LocalHttpServer server;
        QNetworkAccessManager network;
        net::HttpClient http{&network};
        std::unique_ptr<CibaClient> client;
        std::unique_ptr<CibaPoll> poll;
        std::optional<Outcome> outcome;
        QElapsedTimer clock;
        QList<qint64> pollTimes; // ms since start(), as the server saw them

        bool setUp(std::function<LocalHttpServer::Response(int)> answer, int intervalSeconds,
                   bool periodic = true)
        {
            if (!server.start())
                return false;
            server.route("/token", [this, answer](const LocalHttpServer::Request &) {
                pollTimes.append(clock.elapsed());
                return answer(int(pollTimes.size()));
            });
            client = std::make_unique<CibaClient>(
                &http, server.baseUrl().resolved(QUrl(QStringLiteral("/bc-authorize"))),
                server.baseUrl().resolved(QUrl(QStringLiteral("/token"))),
                ciba::ClientCredentials{QStringLiteral("agent"), "secret", {}});
            ciba::Ticket ticket{QStringLiteral("req-1"), QDateTime::currentDateTimeUtc().addSecs(300),
                                std::chrono::seconds(intervalSeconds)};
            poll = std::make_unique<CibaPoll>(client.get(), ticket);
            clock.start();
            poll->start([this](const Outcome &o) { outcome = o; }, periodic);
            return true;
        }
    };

private Q_SLOTS:
    void pollsAtTheIntervalAndNeverSooner()
    {
        Rig rig;
        QVERIFY(rig.setUp([](int n) { return n < 4 ? oauthError("authorization_pending") : tokens(); }, 1));
        QVERIFY(QTest::qWaitFor([&] { return rig.outcome.has_value(); }, 10000));
        QCOMPARE(rig.outcome->kind, Outcome::Kind::Approved);
        QCOMPARE(rig.outcome->tokens.accessToken, QStringLiteral("at-1"));
        QCOMPARE(rig.pollTimes.size(), 4);
        // A timer that fires a little early (Qt's default coarse timers may, by up to 5 %) makes
        // a strict provider answer slow_down; every gap must be at least the whole interval.
        QVERIFY2(rig.pollTimes[0] >= 1000, qPrintable(QString::number(rig.pollTimes[0])));
        for (qsizetype i = 1; i < rig.pollTimes.size(); ++i)
            QVERIFY2(
                rig.pollTimes[i] - rig.pollTimes[i - 1] >= 1000,
                qPrintable(
                    QStringLiteral("gap %1: %2 ms").arg(i).arg(rig.pollTimes[i] - rig.pollTimes[i - 1])));
    }

    void slowDownWidensTheIntervalByFiveSeconds()
    {
        Rig rig;
        QVERIFY(rig.setUp([](int n) { return n == 1 ? oauthError("slow_down") : tokens(); }, 1));
        QVERIFY(QTest::qWaitFor([&] { return rig.outcome.has_value(); }, 15000));
        QCOMPARE(rig.outcome->kind, Outcome::Kind::Approved);
        QCOMPARE(rig.poll->interval().count(), 6);
        QCOMPARE(rig.pollTimes.size(), 2);
        QVERIFY2(rig.pollTimes[1] - rig.pollTimes[0] >= 6000,
                 qPrintable(QString::number(rig.pollTimes[1] - rig.pollTimes[0])));
    }

    void answersBecomeOutcomes_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("code");
        QTest::addRow("tokens") << 200 << tokens().body << int(Outcome::Kind::Approved) << QString();
        QTest::addRow("denied") << 400 << oauthError("access_denied", "not today").body
                                << int(Outcome::Kind::Denied) << QString(oauth::errors::accessDenied);
        QTest::addRow("expired") << 400 << oauthError("expired_token").body << int(Outcome::Kind::Expired)
                                 << QString(oauth::errors::expiredToken);
        QTest::addRow("unknown request")
            << 400 << oauthError("invalid_grant").body << int(Outcome::Kind::Failed)
            << QString(oauth::errors::invalidGrant);
        QTest::addRow("wrong secret") << 401 << oauthError("invalid_client").body
                                      << int(Outcome::Kind::Failed) << QStringLiteral("invalid_client");
        QTest::addRow("tokens without token_type")
            << 200 << QByteArray("{\"access_token\":\"at-1\"}") << int(Outcome::Kind::Failed) << QString();
        QTest::addRow("not JSON") << 200 << QByteArray("<html>") << int(Outcome::Kind::Failed) << QString();
    }

    void answersBecomeOutcomes()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(int, kind);
        QFETCH(QString, code);
        Rig rig;
        QVERIFY(rig.setUp([&](int) { return answer(status, body); }, 5, false));
        rig.poll->pollNow();
        QVERIFY(QTest::qWaitFor([&] { return rig.outcome.has_value(); }, 5000));
        QCOMPARE(int(rig.outcome->kind), kind);
        if (!code.isEmpty())
            QCOMPARE(rig.outcome->error.code, code);
        if (rig.outcome->kind != Outcome::Kind::Approved)
            QVERIFY(!rig.outcome->error.message.isEmpty());
        if (code == oauth::errors::accessDenied)
            QCOMPARE(rig.outcome->error.message, QStringLiteral("not today"));
    }

    void pollNowCoalescesWithARequestInFlight()
    {
        Rig rig;
        QVERIFY(rig.setUp(
            [](int n) {
                auto pending = oauthError("authorization_pending");
                pending.delayMs = n == 1 ? 300 : 0;
                return pending;
            },
            5, false));
        rig.poll->pollNow();
        QVERIFY(QTest::qWaitFor([&] { return rig.pollTimes.size() == 1; }, 5000));
        rig.poll->pollNow();
        rig.poll->pollNow();
        rig.poll->pollNow();
        QTest::qWait(800);
        QCOMPARE(rig.pollTimes.size(), 2); // the three calls became one more request, after the first
        QVERIFY(!rig.outcome.has_value());
    }

    void aNetworkFailureIsRetriedAfterTwiceTheInterval()
    {
        // Qt's network layer itself resends a request a few times when the answer is not HTTP,
        // within milliseconds. Every answer in the first half second is broken, so the failure
        // reaches CibaPoll, which backs off: it tries again twice the interval later.
        Rig rig;
        QVERIFY(rig.setUp(
            [&rig](int) {
                LocalHttpServer::Response response = tokens();
                if (rig.pollTimes.last() - rig.pollTimes.first() < 500)
                    response.raw = "not HTTP at all\r\n\r\n";
                return response;
            },
            1));
        QVERIFY(QTest::qWaitFor([&] { return rig.outcome.has_value(); }, 10000));
        QCOMPARE(rig.outcome->kind, Outcome::Kind::Approved);
        QVERIFY2(rig.pollTimes.last() - rig.pollTimes.first() >= 2000,
                 qPrintable(QString::number(rig.pollTimes.last() - rig.pollTimes.first())));
    }

    void anIntervalOfZeroNeverPollsInATightLoop()
    {
        // A provider (or a saved request) naming interval 0 once made the poll hit the token
        // endpoint hundreds of times a second. The floor is 1 s.
        Rig rig;
        QVERIFY(rig.setUp([](int) { return oauthError("authorization_pending"); }, 0));
        QTest::qWait(3300);
        qInfo("interval 0: %d polls in 3.3 s", int(rig.pollTimes.size()));
        QVERIFY2(rig.pollTimes.size() <= 3,
                 qPrintable(QStringLiteral("%1 polls in 3.3 s").arg(rig.pollTimes.size())));
        QCOMPARE(rig.poll->interval().count(), 1);
        QVERIFY(!rig.pollTimes.isEmpty());
        for (qsizetype i = 1; i < rig.pollTimes.size(); ++i)
            QVERIFY2(
                rig.pollTimes[i] - rig.pollTimes[i - 1] >= 1000,
                qPrintable(
                    QStringLiteral("gap %1: %2 ms").arg(i).arg(rig.pollTimes[i] - rig.pollTimes[i - 1])));
    }

    void aProviderAnnouncingIntervalZeroGetsTheDefault()
    {
        // CIBA Core §7.3 / RFC 8628 §3.2: 5 s when the provider names no usable interval.
        LocalHttpServer server;
        QVERIFY(server.start());
        server.route("/bc-authorize",
                     answer(200, "{\"auth_req_id\":\"req-0\",\"expires_in\":300,\"interval\":0}"));
        QNetworkAccessManager network;
        net::HttpClient http(&network);
        CibaClient client(&http, server.baseUrl().resolved(QUrl(QStringLiteral("/bc-authorize"))),
                          server.baseUrl().resolved(QUrl(QStringLiteral("/token"))),
                          ciba::ClientCredentials{QStringLiteral("agent"), "secret", {}});
        ciba::AuthenticationRequest request;
        request.loginHint = QStringLiteral("alice");
        request.bindingMessage = QStringLiteral("Buy 1 ACME");
        std::optional<Result<ciba::Ticket>> ticket;
        client.authorize(request, [&](Result<ciba::Ticket> t) { ticket.emplace(std::move(t)); });
        QVERIFY(QTest::qWaitFor([&] { return ticket.has_value(); }, 5000));
        QVERIFY2(*ticket, qPrintable(ticket->ok() ? QString() : ticket->error().message));
        QCOMPARE((*ticket)->interval.count(), 5);
    }

    void networkFailuresAreRetriedWithGrowingGaps()
    {
        // Two polls meet a refused connection, then the provider answers again: the gaps double
        // (2 s, 4 s at interval 1 s) and go back to the interval once an answer comes.
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const QUrl deadToken(QStringLiteral("http://127.0.0.1:%1/token").arg(closed.serverPort()));
        closed.close();
        LocalHttpServer server;
        QVERIFY(server.start());
        int served = 0;
        server.route("/token", [&](const LocalHttpServer::Request &) {
            return ++served == 1 ? oauthError("authorization_pending") : tokens();
        });
        QNetworkAccessManager network;
        net::HttpClient http(&network);
        const ciba::ClientCredentials credentials{QStringLiteral("agent"), "secret", {}};
        CibaClient dead(&http, deadToken, deadToken, credentials);
        CibaClient live(&http, server.baseUrl().resolved(QUrl(QStringLiteral("/bc-authorize"))),
                        server.baseUrl().resolved(QUrl(QStringLiteral("/token"))), credentials);
        QElapsedTimer clock;
        QList<qint64> attempts;
        oauth::TokenPoll poll(
            [&](Callback<oauth::TokenSet> done) {
                attempts.append(clock.elapsed());
                (attempts.size() <= 2 ? dead : live).requestToken(QStringLiteral("req-1"), std::move(done));
            },
            QDateTime::currentDateTimeUtc().addSecs(300), std::chrono::seconds(1));
        std::optional<Outcome> outcome;
        clock.start();
        poll.start([&](const Outcome &o) { outcome = o; });
        QVERIFY(QTest::qWaitFor([&] { return outcome.has_value(); }, 15000));
        QCOMPARE(outcome->kind, Outcome::Kind::Approved);
        QCOMPARE(attempts.size(), 4);
        const auto gap = [&](int i) { return attempts[i] - attempts[i - 1]; };
        qInfo("gaps after two network failures and a pending answer: %lld, %lld, %lld ms", gap(1), gap(2),
              gap(3));
        // Upper bounds with room for a loaded machine: each gap is its pause plus one request.
        QVERIFY2(gap(1) >= 2000 && gap(1) < 4000, qPrintable(QString::number(gap(1))));
        QVERIFY2(gap(2) >= 4000 && gap(2) < 8000, qPrintable(QString::number(gap(2))));
        QVERIFY2(gap(3) >= 1000 && gap(3) < 3000, qPrintable(QString::number(gap(3))));
    }

    void theNetworkBackoffDoublesUpToACap()
    {
        using std::chrono::seconds;
        QCOMPARE(oauth::networkRetryDelay(seconds(5), 1), seconds(10));
        QCOMPARE(oauth::networkRetryDelay(seconds(5), 2), seconds(20));
        QCOMPARE(oauth::networkRetryDelay(seconds(5), 3), seconds(40));
        QCOMPARE(oauth::networkRetryDelay(seconds(5), 4), seconds(60));
        QCOMPARE(oauth::networkRetryDelay(seconds(5), 1000), seconds(60));
        // Never sooner than the provider's own interval, however long that is.
        QCOMPARE(oauth::networkRetryDelay(seconds(120), 3), seconds(120));
    }

    void cancelStopsPollingAndNeverCallsBack()
    {
        Rig rig;
        QVERIFY(rig.setUp([](int) { return tokens(); }, 1));
        rig.poll->cancel();
        rig.poll->pollNow();
        QTest::qWait(1500);
        QCOMPARE(rig.pollTimes.size(), 0);
        QVERIFY(!rig.outcome.has_value());
    }
};

QTEST_GUILESS_MAIN(CibaPollTest)
#include "tst_cibapoll.moc"
