#pragma once

#include "common/Result.h"
#include "config/ProviderConfig.h"
#include "config/Settings.h"

#include <QObject>

#include <optional>

namespace countersign::sandbox {
class SandboxLauncher;
}

namespace countersign::session {

// Decides which authorization server to use, in this order:
//   1. an explicit issuer (command line, COUNTERSIGN_ISSUER, or the sign-in page);
//   2. the local sandbox already running on the default data directory (as scripts/run starts it);
//   3. the provider last used;
//   4. the embedded sandbox, started on demand (kept on the same port as last time when possible,
//      so the issuer — and the session stored for it — stays the same).
// A sandbox this object starts runs as long as this object lives.
class ProviderResolver : public QObject
{
    Q_OBJECT
public:
    explicit ProviderResolver(QObject *parent = nullptr);
    ~ProviderResolver() override;

    // Which provider, without starting anything. For the sandbox the issuer may not be running.
    config::ProviderConfig choose(const std::optional<config::ProviderConfig> &explicitChoice) const;

    // Like choose(), and makes sure a sandbox provider is running (starting one if needed).
    void resolve(const std::optional<config::ProviderConfig> &explicitChoice,
                 Callback<config::ProviderConfig> done);

    // Provider from COUNTERSIGN_ISSUER / COUNTERSIGN_CLIENT_ID, if set.
    static std::optional<config::ProviderConfig> fromEnvironment();

private:
    config::ProviderConfig choose(const std::optional<config::ProviderConfig> &explicitChoice,
                                  const std::optional<QUrl> &running) const;
    config::ProviderConfig sandboxProvider(const QUrl &issuer) const;
    // The embedded sandbox's issuer last time (empty if it never ran): reused to keep sessions.
    QUrl lastSandboxIssuer() const;

    config::Settings m_settings;
    QString m_sandboxDataDir;
    sandbox::SandboxLauncher *m_launcher = nullptr;
};

} // namespace countersign::session
