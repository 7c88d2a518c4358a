#pragma once

#include "common/Result.h"
#include "oauth/TokenSet.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>

#include <nlohmann/json.hpp>

#include <chrono>
#include <functional>

namespace countersign::oauth {

// How a decoupled grant ended: the person approved, said no, let it expire, or something broke.
// CIBA (OpenID CIBA Core 1.0) and the device grant (RFC 8628) end the same four ways.
struct PollOutcome
{
    enum class Kind
    {
        Approved, // tokens holds the tokens (with any granted authorization_details)
        Denied,   // the user said no (access_denied)
        Expired,  // nobody decided in time (expired_token)
        Failed    // anything else: error says what
    };
    Kind kind = Kind::Failed;
    TokenSet tokens;
    Error error;
};

// When a decoupled request ends and how often it may be asked about: the `expires_in` (required,
// positive, at most `maxExpiresIn` seconds) and `interval` (optional, 1-3600 s; `defaultInterval`
// when absent or 0, since 0 names no usable pause) of the provider's first answer (CIBA Core §7.3,
// RFC 8628 §3.2).
struct PollTiming
{
    QDateTime expiresAt;
    std::chrono::seconds interval;

    // Errors carry `errorCode` and name the member at fault.
    static Result<PollTiming> fromJson(const nlohmann::json &json, const QDateTime &receivedAt,
                                       qint64 maxExpiresIn, std::chrono::seconds defaultInterval,
                                       const QString &errorCode);
};

// The shortest pause between two polls, whatever the provider or a saved request says.
constexpr std::chrono::seconds kMinimumPollInterval{1};
// The longest pause after network failures (unless the interval itself is longer).
constexpr std::chrono::seconds kMaximumNetworkBackoff{60};

// The pause before the next poll after `consecutiveFailures` (1 or more) network failures in a
// row: twice the interval, then four times, and so on, up to kMaximumNetworkBackoff, and never
// shorter than the interval.
std::chrono::seconds networkRetryDelay(std::chrono::seconds interval, int consecutiveFailures);

// Asks a token endpoint about a decoupled request until it is decided: polls at the provider's
// interval (at least kMinimumPollInterval), backs off by 5 s on slow_down for this and every later
// poll (CIBA Core §11, RFC 8628 §3.5), retries after network failures with a growing pause
// (networkRetryDelay), and asks at once when told a decision may be there (a ping, or the approval
// seen elsewhere). Gives up as Expired shortly after the request's expiry.
class TokenPoll : public QObject
{
    Q_OBJECT
public:
    // One token request; it fails with "authorization_pending" or "slow_down" while undecided.
    using Ask = std::function<void(Callback<TokenSet>)>;

    TokenPoll(Ask ask, QDateTime expiresAt, std::chrono::seconds interval, QObject *parent = nullptr);

    // Starts polling (clients told of decisions another way pass pollPeriodically = false and
    // call pollNow(); the expiry deadline still applies). `done` is called once.
    void start(std::function<void(const PollOutcome &)> done, bool pollPeriodically = true);
    // Asks the token endpoint now. Coalesces with a request in flight.
    void pollNow();
    // Stops for good; `done` is not called.
    void cancel();

    std::chrono::seconds interval() const { return m_interval; }
    QDateTime expiresAt() const { return m_expiresAt; }

private:
    void poll();
    void onAnswer(Result<TokenSet> answer);
    void scheduleNext();
    void scheduleIn(std::chrono::seconds delay);
    void finish(PollOutcome outcome);

    Ask m_ask;
    QDateTime m_expiresAt;
    std::chrono::seconds m_interval;
    bool m_periodic = true;
    bool m_inFlight = false;
    bool m_pollAgain = false;
    int m_networkFailures = 0; // in a row; any answer from the provider resets it
    QTimer m_timer;
    QTimer m_deadline;
    std::function<void(const PollOutcome &)> m_done;
};

} // namespace countersign::oauth
