#include "ProviderResolver.h"

#include "config/SandboxFixtures.h"
#include "sandbox/SandboxLauncher.h"

namespace countersign::session {

ProviderResolver::ProviderResolver(QObject *parent)
    : QObject(parent), m_sandboxDataDir(sandbox::SandboxLauncher::defaultDataDirectory())
{}

ProviderResolver::~ProviderResolver() = default;

std::optional<config::ProviderConfig> ProviderResolver::fromEnvironment()
{
    const QString issuer = qEnvironmentVariable("COUNTERSIGN_ISSUER");
    if (issuer.isEmpty())
        return std::nullopt;
    config::ProviderConfig provider;
    provider.kind = config::ProviderConfig::Kind::OpenIdProvider;
    provider.issuer = QUrl(issuer);
    provider.clientId = qEnvironmentVariable("COUNTERSIGN_CLIENT_ID", provider.clientId);
    provider.caFile = qEnvironmentVariable("COUNTERSIGN_CA_FILE");
    return provider;
}

config::ProviderConfig ProviderResolver::sandboxProvider(const QUrl &issuer) const
{
    config::ProviderConfig provider;
    provider.kind = config::ProviderConfig::Kind::Sandbox;
    provider.issuer = issuer;
    provider.clientId = config::sandbox::desktopClientId();
    return provider;
}

config::ProviderConfig
ProviderResolver::choose(const std::optional<config::ProviderConfig> &explicitChoice) const
{
    return choose(explicitChoice, sandbox::SandboxLauncher::findRunning(m_sandboxDataDir));
}

config::ProviderConfig ProviderResolver::choose(const std::optional<config::ProviderConfig> &explicitChoice,
                                                const std::optional<QUrl> &running) const
{
    if (explicitChoice) {
        config::ProviderConfig provider = *explicitChoice;
        if (provider.kind == config::ProviderConfig::Kind::Sandbox && provider.issuer.isEmpty())
            provider.issuer = running ? *running : lastSandboxIssuer();
        // The sandbox given by its URL is still the sandbox (it matters for the profile shown).
        if (running && provider.issuer == *running &&
            provider.kind == config::ProviderConfig::Kind::OpenIdProvider)
            provider.kind = config::ProviderConfig::Kind::Sandbox;
        return provider;
    }
    if (running)
        return sandboxProvider(*running);
    if (auto last = m_settings.lastProvider())
        return *last;
    return sandboxProvider(lastSandboxIssuer());
}

QUrl ProviderResolver::lastSandboxIssuer() const
{
    const quint16 port = m_settings.sandboxPort();
    return port ? QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)) : QUrl();
}

void ProviderResolver::resolve(const std::optional<config::ProviderConfig> &explicitChoice,
                               Callback<config::ProviderConfig> done)
{
    const std::optional<QUrl> running = sandbox::SandboxLauncher::findRunning(m_sandboxDataDir);
    const config::ProviderConfig provider = choose(explicitChoice, running);
    if (provider.kind != config::ProviderConfig::Kind::Sandbox || (running && provider.issuer == *running)) {
        done(provider);
        return;
    }
    if (m_launcher && m_launcher->isRunning()) {
        done(sandboxProvider(m_launcher->issuer()));
        return;
    }
    if (!m_launcher)
        m_launcher = new sandbox::SandboxLauncher(this);
    const quint16 preferred = static_cast<quint16>(provider.issuer.port(0));
    m_launcher->start(m_sandboxDataDir, preferred, [this, done](Result<QUrl> issuer) {
        if (!issuer) {
            done(issuer.error());
            return;
        }
        m_settings.setSandboxPort(static_cast<quint16>(issuer->port()));
        done(sandboxProvider(issuer.value()));
    });
}

} // namespace countersign::session
