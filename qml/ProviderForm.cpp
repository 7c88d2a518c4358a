#include "ProviderForm.h"

#include <QRegularExpression>

namespace countersign::gui {

namespace {

bool isHostName(const QString &host)
{
    // Dot-separated labels of letters, digits and inner hyphens; at least two labels.
    static const QRegularExpression pattern(QStringLiteral(
        R"(^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$)"));
    return host.size() <= 253 && pattern.match(host).hasMatch();
}

bool isAuth0Issuer(const QUrl &issuer)
{
    return issuer.scheme() == u"https" && issuer.host().endsWith(u".auth0.com") && issuer.path() == u"/" &&
           !issuer.hasQuery() && issuer.port() == -1;
}

} // namespace

ProviderForm::ProviderForm(QObject *parent) : QObject(parent)
{
    for (auto changed : {&ProviderForm::kindChanged, &ProviderForm::auth0DomainChanged,
                         &ProviderForm::issuerUrlChanged, &ProviderForm::clientIdChanged})
        connect(this, changed, this, &ProviderForm::revalidate);
    revalidate();
}

void ProviderForm::revalidate()
{
    Errors errors{checkAuth0Domain(), checkIssuerUrl(), checkClientId()};
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

QString ProviderForm::normalizedAuth0Domain() const
{
    // People paste the domain from the Auth0 dashboard, sometimes with the scheme or a slash.
    QString domain = m_auth0Domain.trimmed();
    if (domain.startsWith(u"https://", Qt::CaseInsensitive))
        domain = domain.mid(8);
    if (domain.endsWith(u'/'))
        domain.chop(1);
    return domain.toLower();
}

QString ProviderForm::checkAuth0Domain() const
{
    if (m_kind != Kind::Auth0)
        return {};
    const QString domain = normalizedAuth0Domain();
    if (domain.isEmpty())
        return tr("Enter your Auth0 domain, for example example.eu.auth0.com.");
    if (!isHostName(domain))
        return tr("This is not a domain name. Enter it like example.eu.auth0.com, without a path.");
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
        provider.clientId = config::ProviderConfig::defaultSandboxClientId();
        return provider;
    case Kind::Auth0:
        provider.kind = config::ProviderConfig::Kind::OpenIdProvider;
        provider.issuer = QUrl(QStringLiteral("https://%1/").arg(normalizedAuth0Domain()));
        break;
    case Kind::OpenIdProvider:
        provider.kind = config::ProviderConfig::Kind::OpenIdProvider;
        provider.issuer = QUrl(m_issuerUrl.trimmed(), QUrl::StrictMode);
        break;
    }
    provider.clientId = m_clientId.trimmed();
    return provider;
}

void ProviderForm::setProviderConfig(const config::ProviderConfig &provider)
{
    if (provider.kind == config::ProviderConfig::Kind::Sandbox) {
        setKind(Kind::Sandbox);
        return;
    }
    if (isAuth0Issuer(provider.issuer)) {
        setAuth0Domain(provider.issuer.host());
        setKind(Kind::Auth0);
    } else {
        setIssuerUrl(provider.issuer.toString());
        setKind(Kind::OpenIdProvider);
    }
    setClientId(provider.clientId);
}

} // namespace countersign::gui
