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
#include "config/ProviderCommandLine.h"
#include "device/DeviceAuthorizationClient.h"
#include "device/UserCode.h"
#include "oauth/BrowserCommand.h"
#include "services/Services.h"
#include "session/ProviderResolver.h"
#include "session/SessionManager.h"

#include <QCommandLineParser>
#include <QDateTime>

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

namespace {

// Who is signed in, from the ID token's claims (server text: each in one line).
QString describe(const oauth::Identity &identity)
{
    QString who = inLine(identity.name.isEmpty() ? identity.subject : identity.name, 200);
    if (!identity.email.isEmpty())
        who += QStringLiteral(" <%1>").arg(inLine(identity.email, 200));
    return who;
}

} // namespace

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
                 loginWithDevice();
             else
                 login(!parser.isSet(o.noBrowser));
         }},
        {QStringLiteral("whoami"),
         {},
         {},
         o.json.names(),
         {},
         {{QStringLiteral("whoami [--json]"), tr("Show who is signed in.")}},
         [this, &o](const QCommandLineParser &parser, const QString &) { whoami(parser.isSet(o.json)); }},
        {QStringLiteral("logout"),
         {},
         {},
         {},
         {},
         {{QStringLiteral("logout"), tr("Sign out and delete the stored tokens.")}},
         [this](const QCommandLineParser &, const QString &) { logout(); }},
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
    // The approval channel lives at the provider: resolve() starts the local sandbox if needed.
    m_resolver->resolve(m_explicitProvider, [this, next](Result<config::ProviderConfig> provider) {
        if (!provider) {
            fail(provider.error());
            return;
        }
        restoreThen(provider.value(), [this, next](bool signedIn) {
            if (!signedIn) {
                fail(errors::notSignedIn());
                return;
            }
            next(m_services
                     ->approvalChannel()); // looked up once, by the command: it does not follow the session
        });
    });
}

void CliRunner::login(bool openBrowser)
{
    m_resolver->resolve(m_explicitProvider, [this, openBrowser](Result<config::ProviderConfig> provider) {
        if (!provider) {
            fail(provider.error());
            return;
        }
        if (openBrowser) {
            m_session->setBrowserOpener(oauth::browserFromEnvironment().value_or(&oauth::openWithXdgOpen));
        } else {
            m_session->setBrowserOpener({});
        }
        connect(m_session, &session::SessionManager::authorizationUrlReady, this,
                [openBrowser](const QUrl &url) {
                    if (openBrowser)
                        err() << tr("Continue in your browser to sign in…") << Qt::endl;
                    else // the URL alone on stdout, for scripts
                        out() << url.toString(QUrl::FullyEncoded) << Qt::endl;
                });
        m_session->signIn(provider.value(), [this, openBrowser](Result<oauth::Identity> identity) {
            if (!identity) {
                fail(identity.error());
                return;
            }
            const QString message =
                tr("Signed in as %1 at %2.").arg(describe(identity.value()), inLine(identity->issuer));
            (openBrowser ? out() : err()) << message << Qt::endl;
            exit(0);
        });
    });
}

void CliRunner::loginWithDevice()
{
    m_resolver->resolve(m_explicitProvider, [this](Result<config::ProviderConfig> provider) {
        if (!provider) {
            fail(provider.error());
            return;
        }
        m_session->signInWithDevice(
            provider.value(),
            [](const device::DeviceAuthorization &authorization) {
                // key: value lines on stdout, for people and scripts; the rest goes to stderr.
                out() << "user_code: " << inLine(device::UserCode::display(authorization.userCode), 200)
                      << "\n"
                      << "verification_uri: " << authorization.verificationUri.toString(QUrl::FullyEncoded)
                      << "\n";
                if (!authorization.verificationUriComplete.isEmpty())
                    out() << "verification_uri_complete: "
                          << authorization.verificationUriComplete.toString(QUrl::FullyEncoded) << "\n";
                out().flush();
                err() << tr("Open the address on any device, sign in there and enter the code. Waiting "
                            "(the code expires in %1 min)…")
                             .arg(std::max<qint64>(
                                 1, QDateTime::currentDateTimeUtc().secsTo(authorization.expiresAt) / 60))
                      << Qt::endl;
            },
            [this, dialect = session::ProviderDialect(provider.value())](Result<oauth::Identity> identity) {
                if (!identity) {
                    fail(identity.error());
                    return;
                }
                err()
                    << tr("Signed in as %1 at %2.").arg(describe(identity.value()), inLine(identity->issuer))
                    << Qt::endl;
                // A code never grants the approver role (docs/security.md): say so now, not at the
                // first inbox.
                m_session->metadata([this, dialect](Result<oauth::ProviderMetadata> metadata) {
                    if (metadata && dialect.hasApprovalChannel(metadata.value()))
                        err()
                            << tr("A session signed in with a code cannot approve requests. To approve, sign "
                                  "in with \"countersign-cli login\" in a browser.")
                            << Qt::endl;
                    exit(0);
                });
            });
    });
}

void CliRunner::restoreThen(const config::ProviderConfig &provider, std::function<void(bool)> next)
{
    m_session->restore(provider, [this, next](Result<bool> restored) {
        if (!restored) {
            fail(restored.error());
            return;
        }
        next(restored.value());
    });
}

void CliRunner::whoami(bool json)
{
    const config::ProviderConfig provider = m_resolver->choose(m_explicitProvider);
    restoreThen(provider, [this, json](bool signedIn) {
        if (!signedIn) {
            fail(errors::notSignedIn());
            return;
        }
        const oauth::Identity &identity = m_session->identity();
        if (json) {
            // Field order is part of the interface: issuer, sub, name, email.
            const nlohmann::ordered_json document{{"issuer", identity.issuer.toStdString()},
                                                  {"sub", identity.subject.toStdString()},
                                                  {"name", identity.name.toStdString()},
                                                  {"email", identity.email.toStdString()}};
            out() << jsonText(document) << Qt::endl;
        } else
            out() << describe(identity) << "\n"
                  << tr("Subject: %1").arg(inLine(identity.subject)) << "\n"
                  << tr("Issuer: %1").arg(inLine(identity.issuer)) << Qt::endl;
        exit(0);
    });
}

void CliRunner::logout()
{
    // Revocation needs the provider running: resolve() starts the local sandbox if it is the provider.
    m_resolver->resolve(m_explicitProvider, [this](Result<config::ProviderConfig> provider) {
        const config::ProviderConfig chosen =
            provider ? provider.value() : m_resolver->choose(m_explicitProvider);
        restoreThen(chosen, [this](bool signedIn) {
            if (!signedIn) {
                err() << tr("Not signed in; nothing to do.") << Qt::endl;
                exit(0);
                return;
            }
            m_session->signOut([this](Status signedOut) {
                if (!signedOut) {
                    fail(signedOut.error());
                    return;
                }
                err() << tr("Signed out. The stored tokens are deleted.") << Qt::endl;
                exit(0);
            });
        });
    });
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
    // Not in the middle of a token renewal (one on the renewal timer, say): see whenIdle().
    if (auto finished = std::exchange(m_finished, nullptr))
        m_services->finishRenewalThen([finished, code] { finished(code); });
}

} // namespace countersign::cli
