#pragma once

#include "common/Result.h"
#include "oauth/ApiParameter.h"
#include "oauth/TokenPoll.h"
#include "oauth/TokenSet.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
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
    QString resource;                   // the API, optional (sent as the client's ApiParameter says)
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
using Outcome = oauth::PollOutcome;

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
    // How the provider is told the API (RFC 8707 `resource` unless set to Auth0's `audience`).
    void setApiParameter(oauth::ApiParameter parameter) { m_apiParameter = parameter; }

private:
    oauth::ApiParameter m_apiParameter = oauth::ApiParameter::Resource;
    QByteArray basicAuthorization() const;
    void addClientAuthentication(QUrlQuery &form) const;

    net::HttpClient *m_http;
    QUrl m_backchannelEndpoint;
    QUrl m_tokenEndpoint;
    ClientCredentials m_credentials;
};

// Waits for the outcome of one request (see oauth::TokenPoll): polls at the provider's interval,
// backs off on slow_down, and asks at once on pollNow() (a ping, or the approval seen elsewhere).
class CibaPoll : public oauth::TokenPoll
{
    Q_OBJECT
public:
    CibaPoll(CibaClient *client, Ticket ticket, QObject *parent = nullptr);

    const Ticket &ticket() const { return m_ticket; }

private:
    Ticket m_ticket;
};

} // namespace countersign::ciba
