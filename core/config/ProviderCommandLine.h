#pragma once

#include "common/Result.h"
#include "config/ProviderConfig.h"

#include <QCommandLineOption>

#include <optional>

class QCommandLineParser;

namespace countersign::config {

// "example.eu.auth0.com" from what people paste: trimmed, lower-case, without https:// or a
// trailing slash.
QString normalizedAuth0Domain(const QString &text);
// Why a normalized Auth0 domain is not acceptable; empty when it is. A host name, optionally with
// a port (a custom domain or a local stand-in: "127.0.0.1:8443").
QString auth0DomainProblem(const QString &domain);

// The provider options both executables share, documented in the README:
//   --provider sandbox|oidc|auth0   which kind (implied by --domain or --issuer)
//   --issuer URL                    an OpenID provider's issuer
//   --domain HOST                   an Auth0 tenant's domain
//   --client-id ID                  this app's client ID there (required for Auth0)
//   --audience API                  Auth0: the API the sign-in asks a token for
//   --ca-file PEM                   CA certificates to trust for this provider
class ProviderCommandLine
{
public:
    ProviderCommandLine();

    void addTo(QCommandLineParser &parser) const;
    QList<QCommandLineOption> options() const;
    // The provider the options describe; `fallback` (the environment's) when none is given.
    // Errors have code "usage" and say which option to fix.
    Result<std::optional<ProviderConfig>> read(const QCommandLineParser &parser,
                                               std::optional<ProviderConfig> fallback) const;

private:
    QCommandLineOption m_provider;
    QCommandLineOption m_issuer;
    QCommandLineOption m_domain;
    QCommandLineOption m_clientId;
    QCommandLineOption m_audience;
    QCommandLineOption m_caFile;
};

} // namespace countersign::config
