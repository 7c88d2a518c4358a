#pragma once

#include "common/Result.h"
#include "oauth/ApiParameter.h"
#include "oauth/ProviderMetadata.h"
#include "oauth/TokenSet.h"

#include <QObject>

namespace countersign::net {
class HttpClient;
}

namespace countersign::oauth {

// Talks to a provider's token, revocation and userinfo endpoints as a public client.
class TokenClient : public QObject
{
    Q_OBJECT
public:
    TokenClient(net::HttpClient *http, ProviderMetadata metadata, QString clientId,
                QObject *parent = nullptr);

    // RFC 6749 §4.1.3 with the PKCE verifier (RFC 7636 §4.5).
    void exchangeCode(const QByteArray &code, const QUrl &redirectUri, const QByteArray &codeVerifier,
                      Callback<TokenSet> done);
    // RFC 6749 §6. An "invalid_grant" error means the session is over (revoked, expired, reused).
    // With `resource` (RFC 8707 §2.2, or Auth0's `audience`) the access token is for that API.
    void refresh(const QByteArray &refreshToken, Callback<TokenSet> done, const QString &resource = {});
    // RFC 8693 token exchange of `subjectToken` (an access token of this client) for a token the
    // `extra` parameters describe (e.g. Auth0 Token Vault's `connection`). Provider errors keep
    // their code (e.g. "federated_connection_refresh_token_not_found").
    // `grantType`: RFC 8693's, or a provider's own name for it (Auth0 Token Vault's).
    void exchangeToken(const QByteArray &subjectToken, const QList<QPair<QString, QString>> &extra,
                       Callback<TokenSet> done, const QString &grantType = rfc8693GrantType());
    static QString rfc8693GrantType()
    {
        return QStringLiteral("urn:ietf:params:oauth:grant-type:token-exchange");
    }
    // RFC 7009. Succeeds without doing anything when the provider has no revocation endpoint.
    void revoke(const QByteArray &token, const QString &tokenTypeHint, Callback<Done> done);
    // OIDC Core §5.3: the userinfo claims as JSON.
    void userinfo(const QByteArray &accessToken, Callback<nlohmann::json> done);

    const ProviderMetadata &metadata() const { return m_metadata; }
    const QString &clientId() const { return m_clientId; }
    // How the provider is told the API (RFC 8707 `resource` unless set to Auth0's `audience`).
    void setApiParameter(ApiParameter parameter) { m_apiParameter = parameter; }
    ApiParameter apiParameter() const { return m_apiParameter; }

private:
    ApiParameter m_apiParameter = ApiParameter::Resource;
    void requestTokens(const QUrlQuery &form, Callback<TokenSet> done);

    net::HttpClient *m_http;
    ProviderMetadata m_metadata;
    QString m_clientId;
};

} // namespace countersign::oauth
