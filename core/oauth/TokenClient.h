#pragma once

#include "common/Result.h"
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
    // With `resource` (RFC 8707 §2.2) the access token is for that API.
    void refresh(const QByteArray &refreshToken, Callback<TokenSet> done, const QString &resource = {});
    // RFC 8693 token exchange of `subjectToken` (an access token of this client) for a token the
    // `extra` parameters describe (e.g. Auth0 Token Vault's `connection`). Provider errors keep
    // their code (e.g. "federated_connection_refresh_token_not_found").
    void exchangeToken(const QByteArray &subjectToken, const QList<QPair<QString, QString>> &extra,
                       Callback<TokenSet> done);
    // RFC 7009. Succeeds without doing anything when the provider has no revocation endpoint.
    void revoke(const QByteArray &token, const QString &tokenTypeHint, Callback<Done> done);
    // OIDC Core §5.3: the userinfo claims as JSON.
    void userinfo(const QByteArray &accessToken, Callback<nlohmann::json> done);

    const ProviderMetadata &metadata() const { return m_metadata; }
    const QString &clientId() const { return m_clientId; }

private:
    void requestTokens(const QUrlQuery &form, Callback<TokenSet> done);

    net::HttpClient *m_http;
    ProviderMetadata m_metadata;
    QString m_clientId;
};

} // namespace countersign::oauth
