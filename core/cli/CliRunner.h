#pragma once

#include "approvals/ApprovalsClient.h"
#include "common/Result.h"
#include "config/ProviderConfig.h"

#include <QObject>
#include <QStringList>

#include <functional>
#include <optional>

namespace countersign::approvals {
class ApprovalChannel;
}
namespace countersign::services {
class Services;
}
namespace countersign::session {
class ProviderResolver;
class SessionManager;
} // namespace countersign::session

namespace countersign::cli {

struct Command;
class SessionCommands;

// countersign-cli: parses the command line and runs one command against the core services.
//   countersign-cli [--issuer URL] [--client-id ID] COMMAND
//     login [--no-browser]   login --device   whoami [--json]   logout
//     inbox [--json] [--watch]   approve ID [--reason TEXT]   deny ID [--reason TEXT]
//     device CODE [--json]   device CODE --approve|--deny   agent [--json] [--no-wait] PROMPT
// The commands are one table (commands()): --help, the usage errors and the dispatch come from it.
// Exit codes: 0 success, 1 failure (message on stderr), 2 usage error (errors::usage).
class CliRunner : public QObject
{
    Q_OBJECT
public:
    explicit CliRunner(services::Services *services, QObject *parent = nullptr);
    ~CliRunner() override;

    // Runs the command in `arguments` (argv, program name first); calls `finished` with the exit code.
    void run(const QStringList &arguments, std::function<void(int)> finished);

private:
    struct Options;
    // The command table: each command's argument, options, help and handler (they read `options`).
    QList<Command> commands(const Options &options);

    void inbox(bool json, bool watch);
    void decide(const QString &id, approvals::Decision decision, const QString &reason);
    void device(const QString &input, bool json, std::optional<approvals::Decision> decision);
    void runAgent(const QString &prompt, bool json, bool wait);
    // Resolves the provider, restores the session and hands over its approval channel.
    void withApprovals(std::function<void(approvals::ApprovalChannel *)> next);
    // A SessionCommands (login, whoami, logout) for the provider of the command line.
    SessionCommands *sessionCommands();
    void fail(const Error &error, int exitCode = 1);
    void usage(const QString &message);
    void exit(int code);

    services::Services *m_services;
    session::SessionManager *m_session;
    session::ProviderResolver *m_resolver;
    std::optional<config::ProviderConfig> m_explicitProvider;
    std::function<void(int)> m_finished;
};

} // namespace countersign::cli
