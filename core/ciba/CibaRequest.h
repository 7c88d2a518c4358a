#pragma once

#include "oauth/TokenPoll.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <chrono>
#include <optional>

namespace countersign::ciba {

// What a CIBA client sends and receives (OpenID CIBA Core 1.0), apart from how (CibaClient.h)
// and the wait for the outcome (CibaPoll.h).

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

} // namespace countersign::ciba
