#pragma once

#include "common/Result.h"
#include "oauth/TokenSet.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <nlohmann/json.hpp>

#include <chrono>
#include <optional>

namespace countersign::net {
class HttpClient;
}

namespace countersign::ciba {

// How a confidential client authenticates at the backchannel and token endpoints (RFC 6749 §2.3.1).
struct ClientCredentials
{
    enum class Method
    {
        ClientSecretBasic,
        ClientSecretPost
    };
    QString clientId;
    QByteArray clientSecret;
    Method method = Method::ClientSecretBasic;
};

// Whom the request is for (CIBA Core §7.1 login_hint).
struct LoginHint
{
    // The user's identifier as the provider knows it (subject or e-mail).
    static QString plain(const QString &userId) { return userId; }
    // Auth0's form: {"format":"iss_sub","iss":"https://TENANT/","sub":"USER_ID"}.
    static QString issSub(const QString &issuer, const QString &subject);
};

// A backchannel authentication request (CIBA Core §7.1, with RFC 9396 authorization details).
struct AuthenticationRequest
{
    QStringList scopes;                  // "openid" is added when missing: CIBA requires it
    QString loginHint;                   // see LoginHint
    QString bindingMessage;              // shown on both the agent's and the approver's screen
    nlohmann::json authorizationDetails; // a JSON array, or null for none
    std::optional<int> requestedExpirySeconds;
    QString resource;                   // RFC 8707, optional
    QByteArray clientNotificationToken; // ping mode only
};

// The provider's acknowledgement (CIBA Core §7.3).
struct Ticket
{
    QString authReqId;
    QDateTime expiresAt;
    std::chrono::seconds interval{5}; // the provider's minimum polling interval (default 5 s, §7.3)
};

// How a request ended.
struct Outcome
{
    enum class Kind
    {
        Approved, // tokens holds the tokens (with any granted authorization_details)
        Denied,   // the user said no (access_denied)
        Expired,  // nobody decided in time (expired_token)
        Failed    // anything else: error says what
    };
    Kind kind = Kind::Failed;
    oauth::TokenSet tokens;
    Error error;
};

// An OpenID CIBA Core 1.0 client: starts backchannel requests and asks the token endpoint about
// them. An agent uses it to get the person's approval out of band.
class CibaClient : public QObject
{
    Q_OBJECT
public:
    CibaClient(net::HttpClient *http, QUrl backchannelEndpoint, QUrl tokenEndpoint,
               ClientCredentials credentials, QObject *parent = nullptr);

    // POST to the backchannel authentication endpoint. Errors carry the provider's code
    // (e.g. "invalid_binding_message", "unknown_user_id", "invalid_authorization_details").
    void authorize(const AuthenticationRequest &request, Callback<Ticket> done);
    // One token request for `authReqId` (grant urn:openid:params:grant-type:ciba). Pending
    // requests fail with "authorization_pending" or "slow_down".
    void requestToken(const QString &authReqId, Callback<oauth::TokenSet> done);

private:
    QByteArray basicAuthorization() const;
    void addClientAuthentication(QUrlQuery &form) const;

    net::HttpClient *m_http;
    QUrl m_backchannelEndpoint;
    QUrl m_tokenEndpoint;
    ClientCredentials m_credentials;
};

// Waits for the outcome of one request: polls at the provider's interval, backs off by 5 s on
// slow_down (CIBA Core §11), and asks at once when told a decision may be there (a ping, or the
// approval seen elsewhere). Gives up as Expired shortly after the request's expiry.
class CibaPoll : public QObject
{
    Q_OBJECT
public:
    CibaPoll(CibaClient *client, Ticket ticket, QObject *parent = nullptr);

    // Starts polling (ping-mode clients pass pollPeriodically = false and call pollNow() on pings;
    // the expiry deadline still applies). `done` is called once.
    void start(std::function<void(const Outcome &)> done, bool pollPeriodically = true);
    // Asks the token endpoint now, e.g. after a ping. Coalesces with a request in flight.
    void pollNow();
    void cancel();

    const Ticket &ticket() const { return m_ticket; }
    std::chrono::seconds interval() const { return m_interval; }

private:
    void poll();
    void onAnswer(Result<oauth::TokenSet> answer);
    void scheduleNext();
    void finish(Outcome outcome);

    QPointer<CibaClient> m_client;
    Ticket m_ticket;
    std::chrono::seconds m_interval;
    bool m_periodic = true;
    bool m_inFlight = false;
    bool m_pollAgain = false;
    QTimer m_timer;
    QTimer m_deadline;
    std::function<void(const Outcome &)> m_done;
};

} // namespace countersign::ciba
