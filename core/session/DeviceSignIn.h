#pragma once

#include "common/Result.h"
#include "config/ProviderConfig.h"
#include "oauth/ApiParameter.h"
#include "oauth/SignInIdentity.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>

namespace countersign::device {
class DeviceAuthorizationClient;
class DevicePoll;
struct DeviceAuthorization;
} // namespace countersign::device
namespace countersign::net {
class HttpClient;
}
namespace countersign::oauth {
class JwksCache;
class TokenClient;
} // namespace countersign::oauth

namespace countersign::session {

// Signs the app in with a device code (RFC 8628) instead of this computer's browser: the
// device-flow counterpart of oauth::AuthorizationCodeFlow, one object per attempt. It asks the
// provider for a code, hands it to the caller to show, waits until the person approves it on any
// device, and validates the ID token like every sign-in (no nonce: device flow has none).
//
// What it asks for is the browser sign-in's request made safe for a code: never the approval
// channel's scope or API (whoever is shown a code can approve it, so a code must not hand someone
// the right to approve requests for this user; docs/security.md), and at most one API, as a
// device authorization may target only one (Auth0's `audience`).
class DeviceSignIn : public QObject
{
    Q_OBJECT
public:
    // `tokens` and `keys` belong to the provider's metadata and must outlive this object.
    // `request` is what a browser sign-in would ask for; `resources` its APIs (RFC 8707).
    DeviceSignIn(net::HttpClient *http, oauth::TokenClient *tokens, oauth::JwksCache *keys,
                 config::ProviderConfig request, QStringList resources, oauth::ApiParameter apiParameter,
                 QObject *parent = nullptr);
    ~DeviceSignIn() override;

    // `codeReady` gets the code and the address where the person enters it; `done` gets the
    // result once, when the code is approved, denied ("access_denied"), expired ("expired_token"),
    // or the sign-in cancelled ("cancelled"). Error "no_device_flow" when the provider has no
    // device authorization endpoint.
    void start(std::function<void(const device::DeviceAuthorization &)> codeReady,
               Callback<oauth::SignInResult> done);
    // Ends the sign-in now; `done` gets "cancelled".
    void cancel();

private:
    void finish(Result<oauth::SignInResult> result);

    net::HttpClient *m_http;
    oauth::TokenClient *m_tokens;
    oauth::JwksCache *m_keys;
    config::ProviderConfig m_request;
    QStringList m_resources;
    oauth::ApiParameter m_apiParameter;
    device::DeviceAuthorizationClient *m_client = nullptr; // owned (a child); its answers die with it
    QPointer<device::DevicePoll> m_poll;
    Callback<oauth::SignInResult> m_done;
};

} // namespace countersign::session
