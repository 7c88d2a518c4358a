#include "ProviderDialect.h"

#include "oauth/ProviderMetadata.h"
#include "oauth/TokenClient.h"

namespace countersign::session {

ProviderDialect::ProviderDialect(const config::ProviderConfig &provider)
    : m_auth0(provider.isAuth0()), m_issuer(provider.issuer)
{}

oauth::ApiParameter ProviderDialect::apiParameter() const
{
    return m_auth0 ? oauth::ApiParameter::Audience : oauth::ApiParameter::Resource;
}

bool ProviderDialect::asksForSeveralApis() const
{
    return !m_auth0;
}

bool ProviderDialect::hasApprovalChannel(const oauth::ProviderMetadata &metadata) const
{
    return !m_auth0 && metadata.hasApprovalChannel();
}

ProviderDialect::ApprovalPlace ProviderDialect::approvalPlace() const
{
    return m_auth0 ? ApprovalPlace::Guardian : ApprovalPlace::Inbox;
}

QString ProviderDialect::loginHint(const QString &issuer, const QString &subject) const
{
    return m_auth0 ? ciba::LoginHint::issSub(issuer, subject) : ciba::LoginHint::plain(subject);
}

ciba::ClientCredentials::Method ProviderDialect::clientAuthentication() const
{
    return m_auth0 ? ciba::ClientCredentials::Method::ClientSecretPost
                   : ciba::ClientCredentials::Method::ClientSecretBasic;
}

QString ProviderDialect::federatedTokenExchangeGrant() const
{
    return m_auth0 ? QStringLiteral(
                         "urn:auth0:params:oauth:grant-type:token-exchange:federated-connection-access-token")
                   : oauth::TokenClient::rfc8693GrantType();
}

QUrl ProviderDialect::codeEntryPage(const QString &displayedCode) const
{
    if (!m_auth0)
        return {};
    QUrl page = m_issuer.resolved(QUrl(QStringLiteral("activate")));
    page.setQuery(QStringLiteral("user_code=") + displayedCode);
    return page;
}

} // namespace countersign::session
