#include "TokenClient.h"

#include "net/HttpClient.h"
#include "oauth/OAuthErrors.h"

#include <QCoreApplication>

namespace countersign::oauth {

TokenClient::TokenClient(net::HttpClient *http, ProviderMetadata metadata, QString clientId, QObject *parent)
    : QObject(parent), m_http(http), m_metadata(std::move(metadata)), m_clientId(std::move(clientId))
{}

void TokenClient::requestTokens(const QUrlQuery &form, Callback<TokenSet> done)
{
    m_http->postForm(m_metadata.tokenEndpoint, form, this, [done](Result<nlohmann::json> json) {
        if (!json) {
            done(json.error());
            return;
        }
        done(TokenSet::fromTokenResponse(json.value(), QDateTime::currentDateTimeUtc()));
    });
}

void TokenClient::exchangeCode(const QByteArray &code, const QUrl &redirectUri,
                               const QByteArray &codeVerifier, Callback<TokenSet> done)
{
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("authorization_code"));
    form.addQueryItem(QStringLiteral("code"), QString::fromLatin1(code));
    form.addQueryItem(QStringLiteral("redirect_uri"), redirectUri.toString());
    form.addQueryItem(QStringLiteral("client_id"), m_clientId);
    form.addQueryItem(QStringLiteral("code_verifier"), QString::fromLatin1(codeVerifier));
    requestTokens(form, std::move(done));
}

void TokenClient::refresh(const QByteArray &refreshToken, Callback<TokenSet> done, const QString &resource)
{
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("refresh_token"));
    form.addQueryItem(QStringLiteral("refresh_token"), QString::fromLatin1(refreshToken));
    form.addQueryItem(QStringLiteral("client_id"), m_clientId);
    if (!resource.isEmpty())
        addApiParameters(form, m_apiParameter, {resource});
    requestTokens(form, std::move(done));
}

void TokenClient::exchangeToken(const QByteArray &subjectToken, const QList<QPair<QString, QString>> &extra,
                                Callback<TokenSet> done, const QString &grantType)
{
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), grantType);
    form.addQueryItem(QStringLiteral("subject_token"), QString::fromLatin1(subjectToken));
    form.addQueryItem(QStringLiteral("subject_token_type"),
                      QStringLiteral("urn:ietf:params:oauth:token-type:access_token"));
    form.addQueryItem(QStringLiteral("client_id"), m_clientId);
    for (const auto &[name, value] : extra)
        form.addQueryItem(name, value);
    requestTokens(form, std::move(done));
}

void TokenClient::revoke(const QByteArray &token, const QString &tokenTypeHint, Callback<Done> done)
{
    if (m_metadata.revocationEndpoint.isEmpty()) {
        done(Done{});
        return;
    }
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("token"), QString::fromLatin1(token));
    form.addQueryItem(QStringLiteral("token_type_hint"), tokenTypeHint);
    form.addQueryItem(QStringLiteral("client_id"), m_clientId);
    m_http->postFormIgnoringBody(m_metadata.revocationEndpoint, form, this, std::move(done));
}

void TokenClient::userinfo(const QByteArray &accessToken, Callback<nlohmann::json> done)
{
    if (m_metadata.userinfoEndpoint.isEmpty()) {
        done(Error{errors::noUserinfo,
                   QCoreApplication::translate("TokenClient", "The provider has no userinfo endpoint.")});
        return;
    }
    m_http->getJson(m_metadata.userinfoEndpoint, this, std::move(done), accessToken);
}

} // namespace countersign::oauth
