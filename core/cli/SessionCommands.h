#pragma once

#include "common/Result.h"
#include "config/ProviderConfig.h"

#include <QObject>

#include <functional>
#include <optional>

namespace countersign::session {
class ProviderResolver;
class SessionManager;
} // namespace countersign::session

namespace countersign::cli {

// countersign-cli's session commands, at the provider the command line chose (or the default):
//   login [--no-browser]   sign in through the browser (--no-browser: the URL alone on stdout)
//   login --device         sign in with a code ("key: value" lines on stdout)
//   whoami [--json]        who is signed in (JSON: issuer, sub, name, email, in this order)
//   logout                 sign out: revoke and delete the stored tokens
// Each calls `done` with the exit code (0 success, 1 failure with a message on stderr).
class SessionCommands : public QObject
{
    Q_OBJECT
public:
    SessionCommands(session::SessionManager *session, session::ProviderResolver *resolver,
                    const std::optional<config::ProviderConfig> &explicitProvider, QObject *parent = nullptr);

    void login(bool openBrowser, std::function<void(int)> done);
    void loginWithDevice(std::function<void(int)> done);
    void whoami(bool json, std::function<void(int)> done);
    void logout(std::function<void(int)> done);

    // For the commands that need a session: resolves the provider (starting the local sandbox if
    // it is the one), restores its session and calls `next`; fails (errors::notSignedIn()) if
    // nobody is signed in.
    void withSession(std::function<void()> next, std::function<void(int)> done);

private:
    void restoreThen(const config::ProviderConfig &provider, std::function<void(bool)> next,
                     std::function<void(int)> done);

    session::SessionManager *m_session;
    session::ProviderResolver *m_resolver;
    std::optional<config::ProviderConfig> m_explicitProvider;
};

} // namespace countersign::cli
