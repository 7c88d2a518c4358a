#include "DeviceSignIn.h"

#include "config/SandboxFixtures.h"
#include "device/DeviceAuthorizationClient.h"
#include "oauth/OAuthErrors.h"
#include "oauth/TokenClient.h"
#include "session/SessionErrors.h"

namespace countersign::session {

DeviceSignIn::DeviceSignIn(net::HttpClient *http, oauth::TokenClient *tokens, oauth::JwksCache *keys,
                           config::ProviderConfig request, QStringList resources,
                           oauth::ApiParameter apiParameter, QObject *parent)
    : QObject(parent), m_http(http), m_tokens(tokens), m_keys(keys), m_request(std::move(request)),
      m_resources(std::move(resources)), m_apiParameter(apiParameter)
{}

DeviceSignIn::~DeviceSignIn() = default;

void DeviceSignIn::start(std::function<void(const device::DeviceAuthorization &)> codeReady,
                         Callback<oauth::SignInResult> done)
{
    m_done = std::move(done);
    const auto &metadata = m_tokens->metadata();
    if (metadata.deviceAuthorizationEndpoint.isEmpty()) {
        finish(Error{errors::noDeviceFlow,
                     tr("%1 does not offer sign-in with a code (it has no device authorization endpoint).")
                         .arg(metadata.issuer.toString())});
        return;
    }
    m_client = new device::DeviceAuthorizationClient(m_http, metadata.deviceAuthorizationEndpoint,
                                                     metadata.tokenEndpoint, m_request.clientId, this);
    m_client->setApiParameter(m_apiParameter);
    device::DeviceAuthorizationRequest body;
    body.scopes = m_request.scopes;
    // Never the approver role (see the class comment): such a session has no approval channel.
    body.scopes.removeAll(metadata.approvalsScope());
    QStringList resources = m_resources;
    resources.removeAll(metadata.approvalsResource);
    // One API at most. Any other API is then not part of the session; the agent says so when
    // asked to use it.
    body.resources = resources.mid(0, 1);
    if (!body.resources.contains(config::sandbox::docsResource()))
        body.scopes.removeAll(config::sandbox::docsScope());
    m_client->authorize(body, [this, codeReady](Result<device::DeviceAuthorization> authorization) {
        if (!m_done)
            return; // cancelled meanwhile
        if (!authorization)
            return finish(authorization.error());
        codeReady(authorization.value());
        m_poll = new device::DevicePoll(m_client, authorization.value(), m_client);
        m_poll->start([this](const oauth::PollOutcome &outcome) {
            if (outcome.kind == oauth::PollOutcome::Kind::Denied)
                return finish(Error{outcome.error.code, tr("The sign-in was denied.")});
            if (outcome.kind != oauth::PollOutcome::Kind::Approved)
                return finish(outcome.error);
            // Device flow has no nonce; everything else about the ID token is checked.
            oauth::identifySignIn(this, m_tokens, m_keys, m_request, {}, outcome.tokens,
                                  [this](Result<oauth::SignInResult> result) { finish(std::move(result)); });
        });
    });
}

void DeviceSignIn::cancel()
{
    finish(Error{oauth::errors::cancelled, tr("Sign-in was cancelled.")});
}

void DeviceSignIn::finish(Result<oauth::SignInResult> result)
{
    if (m_poll)
        m_poll->cancel();
    if (auto done = std::exchange(m_done, nullptr))
        done(std::move(result));
}

} // namespace countersign::session
