#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QString>

#include <nlohmann/json.hpp>

#include <functional>

namespace countersign::agent {

// How an authorizer reports on one tool call. Exactly one of granted / failed ends it;
// interrupted may come first (the call now waits on the person, e.g. for an approval).
struct AuthorizationReport
{
    // The credential for this call and what it was granted for (RFC 9396 details, or []).
    std::function<void(const QByteArray &accessToken, const nlohmann::json &authorizationDetails)> granted;
    // The call waits: `text` says on what, in words; `interrupt` is what resume() needs after a
    // restart ({"type": ..., handles — never a token}).
    std::function<void(const QString &text, const nlohmann::json &interrupt)> interrupted;
    // No credential: the error's message becomes the tool's result, for the model and the person.
    std::function<void(const Error &error)> failed;
};

// The interrupts the authorizers record (Message::interrupt), by "type":
// - "async_authorization" (CIBA, AsyncAuthorizer): auth_req_id, expires_at (ISO 8601 UTC),
//   interval (s), binding_message. The person decides in the inbox.
// - "device_authorization" (DeviceAuthorizer): user_code, verification_uri,
//   verification_uri_complete (may be absent), expires_at, interval, device_code (the handle to
//   resume polling with; never shown). The person enters the code on the "Enter code" page.
// - "connect_account" (FederatedTokenAuthorizer): connection (e.g. "google-oauth2"), connect_uri
//   (where to link that account in the browser; may be absent). The call waits until the person
//   connected it and asks to try again (AgentSession::retryCall), or gives up (cancelCall).
//
// Wraps a tool the way the auth0-ai SDKs do: before the tool runs, the authorizer obtains a
// credential for exactly this call (CIBA with authorization details, device flow, a token
// exchange, an FGA check...), or interrupts the call until the person acts.
class Authorizer
{
public:
    virtual ~Authorizer() = default;
    virtual void authorize(const QString &callId, const nlohmann::json &arguments,
                           AuthorizationReport report) = 0;
    // Picks up a call interrupted before the app quit, from the interrupt it recorded.
    virtual void resume(const QString &callId, const nlohmann::json &interrupt,
                        AuthorizationReport report) = 0;
    // Stops working on the call (nothing more is reported).
    virtual void cancel(const QString &callId) { Q_UNUSED(callId) }
};

} // namespace countersign::agent
