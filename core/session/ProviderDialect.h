#pragma once

#include "ciba/CibaRequest.h"
#include "config/ProviderConfig.h"
#include "oauth/ApiParameter.h"

#include <QString>
#include <QStringList>
#include <QUrl>

namespace countersign::oauth {
struct ProviderMetadata;
}

namespace countersign::session {

// Where providers differ, answered in one place. Two dialects exist: the standards' (the sandbox
// and any OpenID provider) and Auth0's. Each question names what differs, so a caller never asks
// which provider it is; a third dialect would change this file only.
class ProviderDialect
{
public:
    explicit ProviderDialect(const config::ProviderConfig &provider);

    // How token requests name an API: RFC 8707 `resource` (one per API) or Auth0's `audience`.
    oauth::ApiParameter apiParameter() const;
    // Whether one sign-in can ask for several APIs; if not (Auth0), it asks for the configured
    // audience only, and the app asks no more of the provider (no documents API, no approvals API).
    bool asksForSeveralApis() const;
    // Whether approval requests reach this app's inbox: where the discovery document names an
    // approval channel, except at Auth0, whose requests go to the Guardian app whatever it says.
    bool hasApprovalChannel(const oauth::ProviderMetadata &metadata) const;
    // Where the person decides an agent's CIBA request.
    enum class ApprovalPlace
    {
        Inbox,   // this app's inbox
        Guardian // Auth0 Guardian, on the person's phone
    };
    ApprovalPlace approvalPlace() const;
    // The CIBA login_hint for the person `subject` at `issuer` (the plain subject, or Auth0's iss_sub).
    QString loginHint(const QString &issuer, const QString &subject) const;
    // How a confidential client sends its secret to the token and backchannel endpoints.
    ciba::ClientCredentials::Method clientAuthentication() const;
    // The grant type of a federated token exchange (RFC 8693's, or Auth0 Token Vault's own name).
    QString federatedTokenExchangeGrant() const;
    // Where a person types a device code when the provider's answer carried no link
    // (verification_uri_complete): Auth0's /activate with the code filled in; empty elsewhere.
    QUrl codeEntryPage(const QString &displayedCode) const;

private:
    bool m_auth0;
    QUrl m_issuer;
};

} // namespace countersign::session
