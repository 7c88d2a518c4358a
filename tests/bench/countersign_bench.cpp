// countersign-bench: measured figures, printed, never asserted (see docs/performance.md).
//
//   countersign-bench approval-latency [--requests N] [--interval SECONDS]
//
// Starts a sandbox of its own, signs alice in (headless Chromium, like the tests), and for each
// delivery mode lets a CIBA agent send N requests at once, then approves them one after another:
//   inbox   request accepted by the provider -> the item is in the app's inbox model
//   tokens  approve pressed in the app       -> the agent holds the tokens
// Modes: poll (the agent polls at the sandbox's interval), ping (CIBA ping mode: the provider
// notifies the agent, which then asks at once), event (the agent asks as soon as the app's inbox
// shows the decision). Run it under tests/support/with-keyring.sh (scripts/bench does).
#include "Sandbox.h"
#include "SignedInSession.h"
#include "Wait.h"

#include "CibaPingReceiver.h"
#include "approvals/ApprovalChannel.h"
#include "approvals/InboxModel.h"
#include "ciba/CibaClient.h"
#include "ciba/CibaPoll.h"
#include "net/HttpClient.h"
#include "oauth/DiscoveryClient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <map>
#include <memory>

using namespace countersign;

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto index = static_cast<std::size_t>(std::ceil(p / 100.0 * double(values.size()))) - 1;
    return values[std::min(index, values.size() - 1)];
}

enum class Mode
{
    Poll,
    Ping,
    Event
};

// QTest::qWait and qWaitFor sleep 10 ms between rounds of event processing, so every figure
// measured while they run would be rounded up to the next 10 ms. The bench waits in a real
// event loop instead, as the app does: a reply or an SSE event is handled the moment it
// arrives. The predicate is only checked every millisecond to decide when to stop; the
// timestamps themselves are taken in the callbacks.
bool spinUntil(const std::function<bool()> &done, int timeoutMs)
{
    if (done())
        return true;
    QEventLoop loop;
    QTimer check;
    check.setTimerType(Qt::PreciseTimer);
    check.setInterval(1);
    QObject::connect(&check, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    QTimer::singleShot(timeoutMs, Qt::PreciseTimer, &loop, &QEventLoop::quit);
    check.start();
    loop.exec();
    return done();
}

void spinFor(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, Qt::PreciseTimer, &loop, &QEventLoop::quit);
    loop.exec();
}

struct Figures
{
    std::vector<double> sentToInboxMs;
    std::vector<double> inboxMs;
    std::vector<double> tokensMs;
    int failures = 0;
};

struct Request
{
    QString message;
    ciba::Ticket ticket;
    std::unique_ptr<ciba::CibaPoll> poll;
    double sentAt = -1; // ms on the bench clock
    double acceptedAt = -1;
    double inInboxAt = -1;
    double approvedAt = -1;
    double tokensAt = -1;
    bool failed = false;
};

class Bench
{
public:
    Bench(int requests) : m_requests(requests) {}

    bool setUp(int interval)
    {
        if (!m_pings.listen())
            return fail(QStringLiteral("no port for the ping receiver"));
        m_sandbox = std::make_unique<test::Sandbox>(
            QStringList{QStringLiteral("--ciba-interval"), QString::number(interval),
                        QStringLiteral("--ciba-ping-url"), m_pings.endpoint().toString()});
        if (!m_sandbox->start())
            return fail(m_sandbox->error());
        m_http = std::make_unique<net::HttpClient>(&m_network);
        oauth::DiscoveryClient discovery(m_http.get());
        auto metadata = test::wait<oauth::ProviderMetadata>(
            [&](auto done) { discovery.discover(m_sandbox->issuer(), done); });
        if (!metadata)
            return fail(metadata.error().message);
        m_metadata = metadata.value();
        m_alice = std::make_unique<test::SignedInSession>(&m_network);
        if (const QString error =
                m_alice->signIn(m_sandbox->issuer(), QStringLiteral("alice"), QStringLiteral("alice-demo"));
            !error.isEmpty())
            return fail(error);
        m_channel = std::make_unique<approvals::ApprovalChannel>(&m_alice->manager(), &m_network);
        QObject::connect(m_channel.get(), &approvals::ApprovalChannel::inboxChanged, &m_model,
                         [this] { m_model.setInbox(m_channel->inbox()); });
        m_channel->followSession();
        (void)spinUntil(
            [this] {
                return m_channel->inbox() &&
                       m_channel->inbox()->connection() == approvals::ApprovalInbox::Connection::Live;
            },
            20000);
        if (!m_channel->inbox() ||
            m_channel->inbox()->connection() != approvals::ApprovalInbox::Connection::Live)
            return fail(QStringLiteral("the inbox did not go live"));
        QObject::connect(&m_model, &QAbstractItemModel::rowsInserted, &m_model,
                         [this](const QModelIndex &, int first, int last) { onInserted(first, last); });
        QObject::connect(&m_model, &QAbstractItemModel::modelReset, &m_model,
                         [this] { onInserted(0, m_model.rowCount() - 1); });
        QObject::connect(
            &m_model, &QAbstractItemModel::dataChanged, &m_model,
            [this](const QModelIndex &from, const QModelIndex &to) { onChanged(from.row(), to.row()); });
        return true;
    }

    Figures run(Mode mode)
    {
        m_mode = mode;
        m_pending.clear();
        const bool ping = mode == Mode::Ping;
        ciba::CibaClient client(
            m_http.get(), m_metadata.backchannelAuthenticationEndpoint, m_metadata.tokenEndpoint,
            ciba::ClientCredentials{ping ? QStringLiteral("demo-agent-ping") : QStringLiteral("demo-agent"),
                                    ping ? "demo-agent-ping-secret" : "demo-agent-secret",
                                    {}});
        QMetaObject::Connection pings = QObject::connect(&m_pings, &test::CibaPingReceiver::pinged, &m_pings,
                                                         [this](const QString &authReqId) {
                                                             for (auto &[message, request] : m_pending)
                                                                 if (request->ticket.authReqId == authReqId)
                                                                     request->poll->pollNow();
                                                         });
        // N requests at once.
        const QString tag = QString::number(++m_round);
        int answered = 0;
        for (int i = 0; i < m_requests; ++i) {
            auto request = std::make_shared<Request>();
            request->message = QStringLiteral("Bench %1 %2").arg(tag).arg(i);
            m_pending[request->message] = request;
            ciba::AuthenticationRequest body;
            body.scopes = {QStringLiteral("openid"), QStringLiteral("stock:trade")};
            body.loginHint = QStringLiteral("alice");
            body.bindingMessage = request->message;
            body.authorizationDetails = nlohmann::json::array(
                {{{"type", "trade_authorization"}, {"action", "buy"}, {"ticker", "ACME"}, {"qty", i + 1}}});
            QByteArray notificationToken;
            if (ping)
                body.clientNotificationToken = notificationToken =
                    test::CibaPingReceiver::newNotificationToken();
            request->sentAt = nowMs();
            client.authorize(
                body, [this, request, &client, &answered, notificationToken](Result<ciba::Ticket> ticket) {
                    ++answered;
                    if (!ticket) {
                        request->failed = true;
                        return;
                    }
                    request->acceptedAt = nowMs();
                    request->ticket = ticket.value();
                    if (!notificationToken.isEmpty())
                        m_pings.expect(ticket->authReqId, notificationToken);
                    request->poll = std::make_unique<ciba::CibaPoll>(&client, ticket.value());
                    request->poll->start(
                        [this, request](const ciba::Outcome &outcome) {
                            if (outcome.kind == ciba::Outcome::Kind::Approved)
                                request->tokensAt = nowMs();
                            else
                                request->failed = true;
                        },
                        m_mode == Mode::Poll);
                });
        }
        (void)spinUntil([&] { return answered == m_requests && allInInbox(); }, 30000);

        // Approve one after another, 100 ms apart, as a person clicking quickly would.
        for (auto &[message, request] : m_pending) {
            const QString id = idOf(message);
            if (id.isEmpty() || request->failed)
                continue;
            request->approvedAt = nowMs();
            m_model.decide(id, approvals::Decision::Approve, {},
                           [request](Result<approvals::Approval> decided) {
                               if (!decided)
                                   request->failed = true;
                           });
            spinFor(100);
        }
        (void)spinUntil(
            [&] {
                return std::all_of(m_pending.cbegin(), m_pending.cend(), [](const auto &entry) {
                    return entry.second->failed || entry.second->tokensAt >= 0;
                });
            },
            60000);
        QObject::disconnect(pings);

        Figures figures;
        for (const auto &[message, request] : m_pending) {
            if (request->failed || request->inInboxAt < 0 || request->tokensAt < 0) {
                ++figures.failures;
                continue;
            }
            // The event can beat the provider's HTTP answer to the agent: that is 0 ms, not less.
            figures.sentToInboxMs.push_back(request->inInboxAt - request->sentAt);
            figures.inboxMs.push_back(std::max(0.0, request->inInboxAt - request->acceptedAt));
            figures.tokensMs.push_back(request->tokensAt - request->approvedAt);
        }
        for (auto &[message, request] : m_pending)
            if (request->poll)
                request->poll->cancel();
        return figures;
    }

    QElapsedTimer m_clock;

private:
    double nowMs() const { return double(m_clock.nsecsElapsed()) / 1e6; }

    bool fail(const QString &why)
    {
        std::fprintf(stderr, "countersign-bench: %s\n", qPrintable(why));
        return false;
    }

    QString idOf(const QString &message) const
    {
        for (int row = 0; row < m_model.rowCount(); ++row) {
            const QModelIndex index = m_model.index(row);
            if (index.data(approvals::InboxModel::BindingMessageRole).toString() == message)
                return index.data(approvals::InboxModel::IdRole).toString();
        }
        return {};
    }

    bool allInInbox() const
    {
        return std::all_of(m_pending.cbegin(), m_pending.cend(), [](const auto &entry) {
            return entry.second->failed || entry.second->inInboxAt >= 0;
        });
    }

    void onInserted(int first, int last)
    {
        const double now = nowMs();
        for (int row = first; row <= last; ++row) {
            const QString message =
                m_model.index(row).data(approvals::InboxModel::BindingMessageRole).toString();
            const auto it = m_pending.find(message);
            if (it != m_pending.end() && it->second->inInboxAt < 0)
                it->second->inInboxAt = now;
        }
    }

    // Event-driven mode: the agent lives in the app and asks the moment the inbox shows approval.
    void onChanged(int first, int last)
    {
        if (m_mode != Mode::Event)
            return;
        for (int row = first; row <= last && row < m_model.rowCount(); ++row) {
            const QModelIndex index = m_model.index(row);
            if (index.data(approvals::InboxModel::StatusRole).toString() != u"approved")
                continue;
            const auto it = m_pending.find(index.data(approvals::InboxModel::BindingMessageRole).toString());
            if (it != m_pending.end() && it->second->poll && it->second->tokensAt < 0 && !it->second->failed)
                it->second->poll->pollNow();
        }
    }

    int m_requests;
    int m_round = 0;
    Mode m_mode = Mode::Poll;
    QNetworkAccessManager m_network;
    test::CibaPingReceiver m_pings;
    std::unique_ptr<test::Sandbox> m_sandbox;
    std::unique_ptr<net::HttpClient> m_http;
    oauth::ProviderMetadata m_metadata;
    std::unique_ptr<test::SignedInSession> m_alice;
    std::unique_ptr<approvals::ApprovalChannel> m_channel;
    approvals::InboxModel m_model;
    std::map<QString, std::shared_ptr<Request>> m_pending;
};

QString row(const QString &mode, const Figures &figures)
{
    auto ms = [](double value) { return QStringLiteral("%1 ms").arg(value, 0, 'f', 1); };
    // columns: sent->inbox p50/p99, accepted->inbox p50/p99, approve->tokens p50/p99, failures
    return QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8")
        .arg(mode, -22)
        .arg(ms(percentile(figures.sentToInboxMs, 50)), 11)
        .arg(ms(percentile(figures.sentToInboxMs, 99)), 11)
        .arg(ms(percentile(figures.inboxMs, 50)), 11)
        .arg(ms(percentile(figures.inboxMs, 99)), 11)
        .arg(ms(percentile(figures.tokensMs, 50)), 12)
        .arg(ms(percentile(figures.tokensMs, 99)), 12)
        .arg(figures.failures, 9);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Countersign"));
    QCoreApplication::setApplicationName(QStringLiteral("CountersignBench"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Countersign benchmarks. Scenario: approval-latency"));
    parser.addHelpOption();
    const QCommandLineOption requestsOption(QStringLiteral("requests"),
                                            QStringLiteral("Requests per mode (default 20)."),
                                            QStringLiteral("N"), QStringLiteral("20"));
    const QCommandLineOption intervalOption(
        QStringLiteral("interval"), QStringLiteral("The sandbox's CIBA polling interval (default 5)."),
        QStringLiteral("SECONDS"), QStringLiteral("5"));
    parser.addOptions({requestsOption, intervalOption});
    parser.addPositionalArgument(QStringLiteral("scenario"), QStringLiteral("approval-latency"));
    parser.process(app);
    if (parser.positionalArguments() != QStringList{QStringLiteral("approval-latency")}) {
        std::fprintf(stderr,
                     "usage: countersign-bench approval-latency [--requests N] [--interval SECONDS]\n");
        return 2;
    }
    const int requests = std::clamp(parser.value(requestsOption).toInt(), 1, 500);
    const int interval = std::clamp(parser.value(intervalOption).toInt(), 1, 60);

    Bench bench(requests);
    bench.m_clock.start();
    if (!bench.setUp(interval))
        return 1;
    out() << "approval-latency: " << requests << " requests per mode, sandbox interval " << interval
          << " s\n";
    out() << "inbox: from the agent holding the provider's answer (0 when the event came first);\n"
             "sent: from the agent sending the request; tokens: from approve to the agent holding tokens\n";
    out() << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8")
                 .arg(QStringLiteral("mode"), -22)
                 .arg(QStringLiteral("sent p50"), 11)
                 .arg(QStringLiteral("sent p99"), 11)
                 .arg(QStringLiteral("inbox p50"), 11)
                 .arg(QStringLiteral("inbox p99"), 11)
                 .arg(QStringLiteral("tokens p50"), 12)
                 .arg(QStringLiteral("tokens p99"), 12)
                 .arg(QStringLiteral("failures"), 9)
          << Qt::endl;
    out() << row(QStringLiteral("poll (interval %1 s)").arg(interval), bench.run(Mode::Poll)) << Qt::endl;
    out() << row(QStringLiteral("ping"), bench.run(Mode::Ping)) << Qt::endl;
    out() << row(QStringLiteral("event-driven poll"), bench.run(Mode::Event)) << Qt::endl;
    return 0;
}
