#include "TokenPoll.h"
#include "net/NetErrors.h"
#include "oauth/OAuthErrors.h"

#include <QCoreApplication>
#include <QPointer>

namespace countersign::oauth {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(TokenPoll)
};

// How long past the request's expiry we keep asking (clock skew, a slow answer).
constexpr auto kExpiryGrace = std::chrono::seconds(10);
constexpr auto kSlowDownStep = std::chrono::seconds(5);

} // namespace

Result<PollTiming> PollTiming::fromJson(const nlohmann::json &json, const QDateTime &receivedAt,
                                        qint64 maxExpiresIn, std::chrono::seconds defaultInterval,
                                        const QString &errorCode)
{
    const auto expiresIn = json.find("expires_in");
    if (expiresIn == json.end() || !expiresIn->is_number_integer() || expiresIn->get<qint64>() <= 0 ||
        expiresIn->get<qint64>() > maxExpiresIn)
        return Error{errorCode, Tr::tr("The provider's answer has no valid \"expires_in\".")};
    PollTiming timing{receivedAt.addSecs(expiresIn->get<qint64>()), defaultInterval};
    if (const auto interval = json.find("interval"); interval != json.end()) {
        if (!interval->is_number_integer() || interval->get<qint64>() < 0 || interval->get<qint64>() > 3600)
            return Error{errorCode, Tr::tr("The provider's answer has an invalid \"interval\".")};
        // 0 would mean polling without pause: treated as no interval at all.
        if (interval->get<qint64>() > 0)
            timing.interval = std::chrono::seconds(interval->get<qint64>());
    }
    return timing;
}

std::chrono::seconds networkRetryDelay(std::chrono::seconds interval, int consecutiveFailures)
{
    const std::chrono::seconds cap = std::max(interval, kMaximumNetworkBackoff);
    std::chrono::seconds delay = std::max(interval, kMinimumPollInterval);
    for (int i = 0; i < consecutiveFailures && delay < cap; ++i)
        delay *= 2;
    return std::min(delay, cap);
}

TokenPoll::TokenPoll(Ask ask, QDateTime expiresAt, std::chrono::seconds interval, QObject *parent)
    : QObject(parent), m_ask(std::move(ask)), m_expiresAt(std::move(expiresAt)),
      // The floor holds whatever the source of the interval: a provider, a saved request, a caller.
      m_interval(std::max(interval, kMinimumPollInterval))
{
    m_timer.setSingleShot(true);
    // Qt's default coarse timers may fire up to 5 % early, and a provider answers a poll that
    // comes even a few milliseconds before the interval is up with slow_down (+5 s).
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &TokenPoll::poll);
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        finish({PollOutcome::Kind::Expired,
                {},
                {QStringLiteral("expired_token"), Tr::tr("The request expired before anyone decided.")}});
    });
}

void TokenPoll::start(std::function<void(const PollOutcome &)> done, bool pollPeriodically)
{
    m_done = std::move(done);
    m_periodic = pollPeriodically;
    const qint64 msLeft = QDateTime::currentDateTimeUtc().msecsTo(m_expiresAt);
    m_deadline.start(std::chrono::milliseconds(std::max<qint64>(0, msLeft)) + kExpiryGrace);
    scheduleNext();
}

void TokenPoll::pollNow()
{
    if (!m_done)
        return;
    if (m_inFlight) {
        m_pollAgain = true;
        return;
    }
    m_timer.stop();
    poll();
}

void TokenPoll::cancel()
{
    m_done = nullptr;
    m_timer.stop();
    m_deadline.stop();
}

void TokenPoll::scheduleNext()
{
    scheduleIn(m_interval);
}

void TokenPoll::scheduleIn(std::chrono::seconds delay)
{
    if (m_periodic && m_done)
        m_timer.start(delay);
}

void TokenPoll::poll()
{
    if (!m_done)
        return;
    m_inFlight = true;
    m_ask([this, self = QPointer(this)](Result<TokenSet> answer) {
        if (self)
            onAnswer(std::move(answer));
    });
}

void TokenPoll::onAnswer(Result<TokenSet> answer)
{
    m_inFlight = false;
    if (!m_done)
        return;
    if (answer) {
        finish({PollOutcome::Kind::Approved, std::move(answer).value(), {}});
        return;
    }
    const Error &error = answer.error();
    if (error.code == errors::accessDenied) {
        finish({PollOutcome::Kind::Denied, {}, error});
    } else if (error.code == errors::expiredToken) {
        finish({PollOutcome::Kind::Expired, {}, error});
    } else if (error.code == errors::authorizationPending || error.code == errors::slowDown ||
               error.code == net::errors::network) {
        // A network failure is worth another try while the request lives (the deadline ends it),
        // after a pause that grows while the failures go on: a provider that is down is not
        // hammered. Any answer from the provider ends the backoff.
        m_networkFailures = error.code == net::errors::network ? m_networkFailures + 1 : 0;
        if (error.code == errors::slowDown)
            m_interval += kSlowDownStep;
        if (std::exchange(m_pollAgain, false))
            pollNow();
        else if (m_networkFailures > 0)
            scheduleIn(networkRetryDelay(m_interval, m_networkFailures));
        else
            scheduleNext();
    } else {
        finish({PollOutcome::Kind::Failed, {}, error});
    }
}

void TokenPoll::finish(PollOutcome outcome)
{
    auto done = std::exchange(m_done, nullptr);
    m_timer.stop();
    m_deadline.stop();
    if (done)
        done(outcome);
}

} // namespace countersign::oauth
