#include "ProviderForm.h"

#include "config/ProviderCommandLine.h"
#include "config/SandboxFixtures.h"

#include <QFileInfo>
#include <QRegularExpression>

namespace countersign::gui {

namespace {

// Issuers the form shows as an Auth0 tenant when they come back as a plain OpenID provider
// (saved before the Auth0 profile existed).
bool isAuth0Issuer(const QUrl &issuer)
{
    return issuer.scheme() == u"https" && issuer.host().endsWith(u".auth0.com") && issuer.path() == u"/" &&
           !issuer.hasQuery() && issuer.port() == -1;
}

} // namespace

ProviderForm::ProviderForm(QObject *parent) : QObject(parent)
{
    for (auto changed :
         {&ProviderForm::kindChanged, &ProviderForm::auth0DomainChanged, &ProviderForm::issuerUrlChanged,
          &ProviderForm::clientIdChanged, &ProviderForm::caFileChanged})
        connect(this, changed, this, &ProviderForm::revalidate);
    revalidate();
}

void ProviderForm::revalidate()
{
    Errors errors{checkAuth0Domain(), checkIssuerUrl(), checkClientId(), checkCaFile()};
    if (errors == m_errors)
        return;
    m_errors = std::move(errors);
    Q_EMIT validationChanged();
}

void ProviderForm::setKind(Kind kind)
{
    if (m_kind == kind)
        return;
    m_kind = kind;
    Q_EMIT kindChanged();
}

void ProviderForm::setAuth0Domain(const QString &domain)
{
    if (m_auth0Domain == domain)
        return;
    m_auth0Domain = domain;
    Q_EMIT auth0DomainChanged();
}

void ProviderForm::setIssuerUrl(const QString &url)
{
    if (m_issuerUrl == url)
        return;
    m_issuerUrl = url;
    Q_EMIT issuerUrlChanged();
}

void ProviderForm::setClientId(const QString &clientId)
{
    if (m_clientId == clientId)
        return;
    m_clientId = clientId;
    Q_EMIT clientIdChanged();
}

void ProviderForm::setAudience(const QString &audience)
{
    if (m_audience == audience)
        return;
    m_audience = audience;
    Q_EMIT audienceChanged();
}

void ProviderForm::setCaFile(const QString &caFile)
{
    if (m_caFile == caFile)
        return;
    m_caFile = caFile;
    Q_EMIT caFileChanged();
}

QString ProviderForm::checkAuth0Domain() const
{
    if (m_kind != Kind::Auth0)
        return {};
    return config::auth0DomainProblem(config::normalizedAuth0Domain(m_auth0Domain));
}

QString ProviderForm::checkCaFile() const
{
    const QString path = m_caFile.trimmed();
    if (m_kind == Kind::Sandbox || path.isEmpty())
        return {};
    // Whether it holds certificates is checked at sign-in (net::trustCaFile), with the reason.
    if (!QFileInfo(path).isFile())
        return tr("There is no file %1.").arg(path);
    return {};
}

QString ProviderForm::checkIssuerUrl() const
{
    if (m_kind != Kind::OpenIdProvider)
        return {};
    const QString text = m_issuerUrl.trimmed();
    if (text.isEmpty())
        return tr("Enter the issuer URL of your provider.");
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() || (url.scheme() != u"https" && url.scheme() != u"http"))
        return tr("Enter a full URL, for example https://login.example.com.");
    if (url.hasQuery() || url.hasFragment())
        return tr("An issuer URL has no query (?…) or fragment (#…).");
    if (!config::isSecureOrLoopback(url))
        return tr(
            "The issuer must use https://. Plain http is only allowed for a provider on this computer.");
    return {};
}

QString ProviderForm::checkClientId() const
{
    if (m_kind == Kind::Sandbox)
        return {};
    const QString clientId = m_clientId.trimmed();
    if (clientId.isEmpty())
        return tr("Enter the client ID of the application registered at your provider.");
    if (clientId.contains(QRegularExpression(QStringLiteral(R"(\s)"))))
        return tr("A client ID contains no spaces.");
    return {};
}

std::optional<config::ProviderConfig> ProviderForm::providerConfig() const
{
    if (!isValid())
        return std::nullopt;
    config::ProviderConfig provider;
    switch (m_kind) {
    case Kind::Sandbox:
        provider.kind = config::ProviderConfig::Kind::Sandbox;
        provider.clientId = config::sandbox::desktopClientId();
        return provider;
    case Kind::Auth0:
        provider.kind = config::ProviderConfig::Kind::Auth0;
        provider.issuer = config::ProviderConfig::auth0Issuer(config::normalizedAuth0Domain(m_auth0Domain));
        provider.audience = m_audience.trimmed();
        break;
    case Kind::OpenIdProvider:
        provider.kind = config::ProviderConfig::Kind::OpenIdProvider;
        provider.issuer = QUrl(m_issuerUrl.trimmed(), QUrl::StrictMode);
        break;
    }
    provider.clientId = m_clientId.trimmed();
    provider.caFile = m_caFile.trimmed();
    return provider;
}

void ProviderForm::setProviderConfig(const config::ProviderConfig &provider)
{
    if (provider.kind == config::ProviderConfig::Kind::Sandbox) {
        setKind(Kind::Sandbox);
        return;
    }
    if (provider.isAuth0() || isAuth0Issuer(provider.issuer)) {
        const int port = provider.issuer.port();
        setAuth0Domain(port == -1 ? provider.issuer.host()
                                  : QStringLiteral("%1:%2").arg(provider.issuer.host()).arg(port));
        setAudience(provider.audience);
        setKind(Kind::Auth0);
    } else {
        setIssuerUrl(provider.issuer.toString());
        setKind(Kind::OpenIdProvider);
    }
    setClientId(provider.clientId);
    setCaFile(provider.caFile);
}

} // namespace countersign::gui
