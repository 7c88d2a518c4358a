#pragma once

#include "common/Result.h"

#include <QStringList>
#include <QUrl>

#include <nlohmann/json.hpp>

namespace countersign::oauth {

// The parts of an OpenID Provider's discovery document (OIDC Discovery 1.0 §3) we rely on.
struct ProviderMetadata
{
    QUrl issuer;
    QUrl authorizationEndpoint;
    QUrl tokenEndpoint;
    QUrl jwksUri;
    QUrl userinfoEndpoint;                  // optional
    QUrl revocationEndpoint;                // optional (RFC 7009)
    QUrl endSessionEndpoint;                // optional
    QUrl backchannelAuthenticationEndpoint; // optional (OpenID CIBA Core 1.0 §4)
    QUrl deviceAuthorizationEndpoint;       // optional (RFC 8628 §4)
    // Countersign's approval channel (docs/approval-channel.md), optional: where the signed-in
    // person's pending CIBA requests can be listed and decided, and the resource indicator
    // (RFC 8707) of the access token it accepts.
    QUrl approvalsEndpoint;
    QString approvalsResource;
    // Its device code part, optional: where the signed-in person looks up and decides device flow
    // user codes, with the approval channel's token.
    QUrl deviceApproverEndpoint;
    // The sandbox also names its OpenFGA stand-in (the agent's document permissions); optional.
    QUrl fgaApiUrl;
    QString fgaStoreId;
    // ... and where a person connects a federated account (Token Vault stand-in), optional:
    // <connectEndpoint>/<connection> is a page for the browser.
    QUrl connectEndpoint;
    // The sandbox names where its demo APIs live (stock, payments, data, calendar, docs under
    // it): the agent's tools use them. Absent at any other provider.
    QUrl demoApisUrl;
    bool isCountersignSandbox() const { return !demoApisUrl.isEmpty(); }
    QStringList codeChallengeMethods;
    QStringList idTokenSigningAlgorithms;

    // The scope an access token for the approval channel carries.
    static QString approvalsScope() { return QStringLiteral("approvals"); }
    bool hasApprovalChannel() const { return !approvalsEndpoint.isEmpty() && !approvalsResource.isEmpty(); }
    bool hasDeviceApprover() const
    {
        return !deviceApproverEndpoint.isEmpty() && !approvalsResource.isEmpty();
    }

    // Validates `json` as the discovery document of `expectedIssuer`: the issuer must match
    // exactly (OIDC Discovery §4.3), required endpoints present, every endpoint https or loopback,
    // "code" among response types, S256 among PKCE methods when the provider lists them.
    static Result<ProviderMetadata> fromJson(const nlohmann::json &json, const QUrl &expectedIssuer);

    // <issuer>/.well-known/openid-configuration (path appended, per OIDC Discovery §4.1).
    static QUrl discoveryUrl(const QUrl &issuer);
};

} // namespace countersign::oauth
