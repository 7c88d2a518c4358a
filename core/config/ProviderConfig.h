#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

namespace countersign::config {

// Which authorization server the app talks to, and as which client. Not secret.
struct ProviderConfig
{
    enum class Kind
    {
        Sandbox,
        OpenIdProvider,
        // An Auth0 tenant: issuer https://DOMAIN/, APIs named with `audience` (one per request),
        // CIBA's login_hint in the iss_sub form, no approval channel (approvals go to Guardian).
        Auth0
    };

    Kind kind = Kind::Sandbox;
    QUrl issuer;
    // Auth0 only: the API (its identifier) the sign-in asks an access token for. Optional.
    QString audience;
    // A PEM file of CA certificates to trust besides the system's, for a provider with a private
    // or test certificate (see net::trustCaFile). Empty: the system's CAs only.
    QString caFile;
    QString clientId = QStringLiteral("countersign-desktop");
    QStringList scopes{QStringLiteral("openid"), QStringLiteral("profile"), QStringLiteral("email"),
                       QStringLiteral("offline_access")};
    // APIs (RFC 8707 resource indicators) the sign-in asks access to besides the approval
    // channel's, so that tokens for them can be had later with the refresh token (the agent's
    // tools use them). Each API's scope belongs in `scopes`.
    QStringList apiResources;
    // ID token signature algorithms this client accepts. "none" and HMAC are never accepted.
    QStringList idTokenAlgorithms{QStringLiteral("RS256"), QStringLiteral("PS256"), QStringLiteral("ES256"),
                                  QStringLiteral("EdDSA")};

    bool isAuth0() const { return kind == Kind::Auth0; }
    // Auth0's issuer for a tenant domain ("example.eu.auth0.com", or "HOST:PORT").
    static QUrl auth0Issuer(const QString &domain) { return QUrl(QStringLiteral("https://%1/").arg(domain)); }
};

// https is required for every provider except one on this machine's loopback interface
// (RFC 8252 §8.3 allows loopback http; anything else would expose codes and tokens).
bool isSecureOrLoopback(const QUrl &url);

} // namespace countersign::config
