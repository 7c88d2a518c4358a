#include "CliRunner.h"

#include "agent/AgentService.h"
#include "agent/BackendSettings.h"
#include "approvals/ApprovalChannel.h"
#include "cli/AgentCommands.h"
#include "cli/ApprovalCommands.h"
#include "cli/CliErrors.h"
#include "cli/CommandLine.h"
#include "cli/Console.h"
#include "cli/DeviceCommands.h"
#include "cli/SessionCommands.h"
#include "config/ProviderCommandLine.h"
#include "oauth/BrowserCommand.h"
#include "services/Services.h"
#include "session/ProviderResolver.h"
#include "session/SessionManager.h"

#include <QCommandLineParser>

#include <cstdio>
#include <utility>

namespace countersign::cli {

// The CLI's own options, in the order --help lists them (and the usage checks go through them).
struct CliRunner::Options
{
    QCommandLineOption noBrowser{QStringLiteral("no-browser"),
                                 CliRunner::tr("login: print the sign-in URL instead of opening a browser.")};
    QCommandLineOption device{
        QStringLiteral("device"),
        CliRunner::tr("login: sign in with a code instead of this computer's browser.")};
    QCommandLineOption json{
        QStringLiteral("json"),
        CliRunner::tr("whoami, inbox, device: print JSON; agent: one JSON event per line.")};
    QCommandLineOption watch{QStringLiteral("watch"),
                             CliRunner::tr("inbox: print each event as a JSON line until interrupted.")};
    QCommandLineOption reason{QStringLiteral("reason"), CliRunner::tr("approve, deny: the reason given."),
                              QStringLiteral("TEXT")};
    QCommandLineOption approve{QStringLiteral("approve"), CliRunner::tr("device: approve the code.")};
    QCommandLineOption deny{QStringLiteral("deny"), CliRunner::tr("device: deny the code.")};
    QCommandLineOption noWait{
        QStringLiteral("no-wait"),
        CliRunner::tr("agent: exit as soon as a request waits for approval, naming it.")};

    QList<QCommandLineOption> all() const
    {
        return {noBrowser, device, json, watch, reason, approve, deny, noWait};
    }
};

CliRunner::CliRunner(services::Services *services, QObject *parent)
    : QObject(parent), m_services(services), m_session(services->sessionManager()),
      m_resolver(services->providerResolver())
{
    // Tell the truth at once: the next Countersign process will find a spent refresh token.
    connect(m_session, &session::SessionManager::sessionNotSaved, this,
            [](const Error &reason) { err() << reason.message << "\n"; });
}

CliRunner::~CliRunner() = default;

QList<Command> CliRunner::commands(const Options &o)
{
    using approvals::Decision;
    auto decision = [this, &o](const QString &name, Decision decision, const QString &what) {
        return Command{name,
                       QStringLiteral("ID"),
                       tr("Give the request's ID: countersign-cli %1 ID").arg(name),
                       o.reason.names(),
                       {},
                       {{name + QStringLiteral(" ID [--reason TEXT]"), what}},
                       [this, &o, decision](const QCommandLineParser &parser, const QString &id) {
                           decide(id, decision, parser.value(o.reason));
                       }};
    };
    return {
        {QStringLiteral("login"),
         {},
         {},
         o.noBrowser.names() + o.device.names(),
         {{o.device.names().constFirst(), o.noBrowser.names().constFirst(),
           tr("--device never opens a browser here; leave out --no-browser.")}},
         {{QStringLiteral("login [--no-browser]"), tr("Sign in through the browser.")},
          {QStringLiteral("login --device"),
           tr("Sign in with a code, approved in a browser on any device.")}},
         [this, &o](const QCommandLineParser &parser, const QString &) {
             if (parser.isSet(o.device))
                 sessionCommands()->loginWithDevice([this](int code) { exit(code); });
             else
                 sessionCommands()->login(!parser.isSet(o.noBrowser), [this](int code) { exit(code); });
         }},
        {QStringLiteral("whoami"),
         {},
         {},
         o.json.names(),
         {},
         {{QStringLiteral("whoami [--json]"), tr("Show who is signed in.")}},
         [this, &o](const QCommandLineParser &parser, const QString &) {
             sessionCommands()->whoami(parser.isSet(o.json), [this](int code) { exit(code); });
         }},
        {QStringLiteral("logout"),
         {},
         {},
         {},
         {},
         {{QStringLiteral("logout"), tr("Sign out and delete the stored tokens.")}},
         [this](const QCommandLineParser &, const QString &) {
             sessionCommands()->logout([this](int code) { exit(code); });
         }},
        {QStringLiteral("inbox"),
         {},
         {},
         o.json.names() + o.watch.names(),
         {},
         {{QStringLiteral("inbox [--json] [--watch]"),
           tr("List approval requests; --watch prints events as JSON lines.")}},
         [this, &o](const QCommandLineParser &parser, const QString &) {
             inbox(parser.isSet(o.json), parser.isSet(o.watch));
         }},
        decision(QStringLiteral("approve"), Decision::Approve, tr("Approve a request.")),
        decision(QStringLiteral("deny"), Decision::Deny, tr("Deny a request.")),
        {QStringLiteral("device"),
         QStringLiteral("CODE"),
         tr("Give the code the device shows: countersign-cli device CODE"),
         o.json.names() + o.approve.names() + o.deny.names(),
         {{o.approve.names().constFirst(), o.deny.names().constFirst(),
           tr("Give either --approve or --deny, not both.")}},
         {{QStringLiteral("device CODE [--json]"),
           tr("Show which app asks for what with a device code (or its link).")},
          {QStringLiteral("device CODE --approve|--deny"), tr("Approve or deny a device code.")}},
         [this, &o](const QCommandLineParser &parser, const QString &code) {
             std::optional<Decision> decision;
             if (parser.isSet(o.approve))
                 decision = Decision::Approve;
             else if (parser.isSet(o.deny))
                 decision = Decision::Deny;
             device(code, parser.isSet(o.json), decision);
         }},
        {QStringLiteral("agent"),
         QStringLiteral("PROMPT"),
         tr("Give one prompt, quoted: countersign-cli agent \"Buy 3 shares of ACME\""),
         o.json.names() + o.noWait.names(),
         {},
         {{QStringLiteral("agent [--json] [--no-wait] PROMPT"),
           tr("One turn with the agent; waits until its requests are decided.")}},
         [this, &o](const QCommandLineParser &parser, const QString &prompt) {
             runAgent(prompt, parser.isSet(o.json), !parser.isSet(o.noWait));
         }},
    };
}

void CliRunner::run(const QStringList &arguments, std::function<void(int)> finished)
{
    m_finished = std::move(finished);
    const Options own;
    const QList<Command> table = commands(own);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        helpText(tr("Countersign: approve what AI agents do on your behalf."), table));
    parser.addHelpOption();
    parser.addVersionOption();
    const config::ProviderCommandLine providerOptions;
    providerOptions.addTo(parser);
    parser.addOptions(own.all());
    parser.addPositionalArgument(QStringLiteral("command"), commandNames(table));
    if (!parser.parse(dashedValuesAsPositional(arguments, own.all() + providerOptions.options(),
                                               commandsWithValue(table)))) {
        usage(parser.errorText());
        return;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        exit(0);
        return;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        out() << "countersign-cli " << COUNTERSIGN_VERSION << "\n";
        exit(0);
        return;
    }

    const auto explicitProvider = providerOptions.read(parser, session::ProviderResolver::fromEnvironment());
    if (!explicitProvider) {
        fail(explicitProvider.error(), 2);
        return;
    }
    m_explicitProvider = explicitProvider.value();

    const QString problem = usageProblem(parser, table, own.all());
    if (!problem.isEmpty()) {
        usage(problem);
        return;
    }
    const QStringList positional = parser.positionalArguments();
    findCommand(table, positional.first())->run(parser, positional.value(1));
}

void CliRunner::inbox(bool json, bool watch)
{
    withApprovals([this, json, watch](approvals::ApprovalChannel *channel) {
        auto *commands = new ApprovalCommands(channel, this);
        if (watch)
            commands->watch([this](int code) { exit(code); });
        else
            commands->list(json, [this](int code) { exit(code); });
    });
}

void CliRunner::decide(const QString &id, approvals::Decision decision, const QString &reason)
{
    withApprovals([this, id, decision, reason](approvals::ApprovalChannel *channel) {
        auto *commands = new ApprovalCommands(channel, this);
        commands->decide(id, decision, reason, [this](int code) { exit(code); });
    });
}

void CliRunner::device(const QString &input, bool json, std::optional<approvals::Decision> decision)
{
    withApprovals([this, input, json, decision](approvals::ApprovalChannel *channel) {
        auto *commands = new DeviceCommands(
            channel, oauth::browserFromEnvironment().value_or(&oauth::openWithXdgOpen), this);
        auto finish = [this](int code) { exit(code); };
        if (decision)
            commands->decide(input, *decision, json, finish);
        else
            commands->lookup(input, json, finish);
    });
}

void CliRunner::runAgent(const QString &prompt, bool json, bool wait)
{
    if (prompt.trimmed().isEmpty()) {
        usage(tr("The prompt is empty."));
        return;
    }
    withApprovals([this, prompt, json, wait](approvals::ApprovalChannel *channel) {
        agent::BackendSettings::loadApiKey(
            m_services->tokenStore(), agent::BackendSettings::load(),
            [this, channel, prompt, json, wait](Result<agent::BackendSettings> settings) {
                if (!settings) {
                    fail(settings.error());
                    return;
                }
                auto factory = settings->factory(m_services->network());
                if (!factory) {
                    fail(factory.error());
                    return;
                }
                // The approval channel, if the provider has one: it names inbox requests for `approve ID`.
                channel->connectToProvider([this, channel, factory = factory.value(), prompt, json,
                                            wait](Result<approvals::ApprovalsClient *>) {
                    agent::AgentService *service = m_services->agentService();
                    service->setBackendFactory(factory);
                    auto *commands = new AgentCommands(service, channel, this);
                    service->followSession();
                    commands->run(prompt, json, wait, [this](int code) { exit(code); });
                });
            });
    });
}

void CliRunner::withApprovals(std::function<void(approvals::ApprovalChannel *)> next)
{
    // The CLI's channel does not follow the session: the command looks it up once.
    sessionCommands()->withSession([this, next] { next(m_services->approvalChannel()); },
                                   [this](int code) { exit(code); });
}

SessionCommands *CliRunner::sessionCommands()
{
    return new SessionCommands(m_session, m_resolver, m_explicitProvider, this);
}

void CliRunner::fail(const Error &error, int exitCode)
{
    printError(error);
    exit(exitCode);
}

void CliRunner::usage(const QString &message)
{
    fail(errors::usageError(message), 2);
}

void CliRunner::exit(int code)
{
    // Not in the middle of a token renewal (one on the renewal timer, say): see finishRenewalThen().
    if (auto finished = std::exchange(m_finished, nullptr))
        m_services->finishRenewalThen([finished, code] { finished(code); });
}

} // namespace countersign::cli
