#include "ProviderCommandLine.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QRegularExpression>

namespace countersign::config {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ProviderCommandLine)
};

Error usage(const QString &message)
{
    return Error{QStringLiteral("usage"), message};
}

} // namespace

QString normalizedAuth0Domain(const QString &text)
{
    QString domain = text.trimmed();
    if (domain.startsWith(u"https://", Qt::CaseInsensitive))
        domain = domain.mid(8);
    if (domain.endsWith(u'/'))
        domain.chop(1);
    return domain.toLower();
}

QString auth0DomainProblem(const QString &domain)
{
    if (domain.isEmpty())
        return Tr::tr("Enter your Auth0 domain, for example example.eu.auth0.com.");
    // Dot-separated labels of letters, digits and inner hyphens (at least two labels), then an
    // optional port.
    static const QRegularExpression pattern(QStringLiteral(
        R"(^([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+)(?::(\d{1,5}))?$)"));
    const QRegularExpressionMatch match = pattern.match(domain);
    const bool portOk = !match.hasMatch() || match.captured(2).isEmpty() ||
                        (match.captured(2).toInt() >= 1 && match.captured(2).toInt() <= 65535);
    if (!match.hasMatch() || match.captured(1).size() > 253 || !portOk)
        return Tr::tr("This is not a domain name. Enter it like example.eu.auth0.com, without a path.");
    return {};
}

ProviderCommandLine::ProviderCommandLine()
    : m_provider(QStringLiteral("provider"),
                 Tr::tr("Which provider: sandbox (the local sandbox), oidc (an OpenID provider, with "
                        "--issuer) or auth0 (an Auth0 tenant, with --domain). Default: the local sandbox, or "
                        "the provider last used."),
                 QStringLiteral("KIND")),
      m_issuer(QStringLiteral("issuer"), Tr::tr("OpenID provider (issuer URL); implies --provider oidc."),
               QStringLiteral("URL")),
      m_domain(QStringLiteral("domain"),
               Tr::tr("Auth0 tenant domain, e.g. example.eu.auth0.com; implies --provider auth0."),
               QStringLiteral("HOST")),
      m_clientId(QStringLiteral("client-id"), Tr::tr("OAuth client ID of this app at the provider."),
                 QStringLiteral("ID")),
      m_audience(QStringLiteral("audience"),
                 Tr::tr("Auth0: the API (its identifier) to ask an access token for at sign-in."),
                 QStringLiteral("API")),
      m_caFile(QStringLiteral("ca-file"),
               Tr::tr("PEM file of CA certificates to trust for the provider (a private or test CA), "
                      "besides the system's."),
               QStringLiteral("FILE"))
{}

void ProviderCommandLine::addTo(QCommandLineParser &parser) const
{
    parser.addOptions(options());
}

QList<QCommandLineOption> ProviderCommandLine::options() const
{
    return {m_provider, m_issuer, m_domain, m_clientId, m_audience, m_caFile};
}

Result<std::optional<ProviderConfig>> ProviderCommandLine::read(const QCommandLineParser &parser,
                                                                std::optional<ProviderConfig> fallback) const
{
    QString kind = parser.value(m_provider);
    if (kind.isEmpty() && parser.isSet(m_domain))
        kind = QStringLiteral("auth0");
    else if (kind.isEmpty() && parser.isSet(m_issuer))
        kind = QStringLiteral("oidc");

    if (kind.isEmpty()) {
        for (const QCommandLineOption *option : {&m_clientId, &m_audience, &m_caFile})
            if (parser.isSet(*option) && !fallback)
                return usage(Tr::tr("--%1 needs a provider: --issuer URL, --domain HOST or --provider KIND.")
                                 .arg(option->names().constFirst()));
        if (fallback && parser.isSet(m_clientId))
            fallback->clientId = parser.value(m_clientId);
        if (fallback && parser.isSet(m_caFile))
            fallback->caFile = parser.value(m_caFile);
        if (parser.isSet(m_audience))
            return usage(Tr::tr("--audience is for Auth0: give --domain HOST too."));
        return fallback;
    }

    ProviderConfig provider;
    if (kind == u"sandbox") {
        for (const QCommandLineOption *option : {&m_issuer, &m_domain, &m_clientId, &m_audience, &m_caFile})
            if (parser.isSet(*option))
                return usage(
                    Tr::tr("--%1 does not apply to the local sandbox.").arg(option->names().constFirst()));
        provider.kind = ProviderConfig::Kind::Sandbox;
        return std::optional(provider);
    }
    if (kind == u"auth0") {
        if (parser.isSet(m_issuer))
            return usage(Tr::tr("--issuer is for --provider oidc; for Auth0 give --domain HOST."));
        const QString domain = normalizedAuth0Domain(parser.value(m_domain));
        if (!parser.isSet(m_domain))
            return usage(
                Tr::tr("--provider auth0 needs --domain HOST (your tenant, e.g. example.eu.auth0.com)."));
        if (const QString problem = auth0DomainProblem(domain); !problem.isEmpty())
            return usage(QStringLiteral("--domain: ") + problem);
        if (parser.value(m_clientId).trimmed().isEmpty())
            return usage(Tr::tr("Auth0 needs this app's client ID there: --client-id ID."));
        provider.kind = ProviderConfig::Kind::Auth0;
        provider.issuer = ProviderConfig::auth0Issuer(domain);
        provider.audience = parser.value(m_audience).trimmed();
    } else if (kind == u"oidc") {
        if (parser.isSet(m_domain))
            return usage(
                Tr::tr("--domain is for --provider auth0; an OpenID provider is given by --issuer URL."));
        if (parser.isSet(m_audience))
            return usage(
                Tr::tr("--audience is for Auth0; other providers are asked with resource indicators."));
        if (!parser.isSet(m_issuer))
            return usage(Tr::tr("--provider oidc needs --issuer URL."));
        provider.kind = ProviderConfig::Kind::OpenIdProvider;
        provider.issuer = QUrl(parser.value(m_issuer), QUrl::StrictMode);
        if (!isSecureOrLoopback(provider.issuer))
            return usage(Tr::tr("The issuer must be an https:// URL (or http:// on this computer): %1")
                             .arg(parser.value(m_issuer)));
    } else {
        return usage(Tr::tr("--provider is sandbox, oidc or auth0, not \"%1\".").arg(kind));
    }
    if (parser.isSet(m_clientId))
        provider.clientId = parser.value(m_clientId).trimmed();
    provider.caFile = parser.value(m_caFile);
    return std::optional(provider);
}

} // namespace countersign::config
