#include "CliRunner.h"

#include "agent/AgentService.h"
#include "agent/BackendSettings.h"
#include "approvals/ApprovalChannel.h"
#include "cli/AgentCommands.h"
#include "cli/ApprovalCommands.h"
#include "cli/CommandLine.h"
#include "cli/Console.h"
#include "cli/DeviceCommands.h"
#include "config/ProviderCommandLine.h"
#include "device/DeviceAuthorizationClient.h"
#include "device/UserCode.h"
#include "oauth/BrowserCommand.h"
#include "services/Services.h"
#include "session/ProviderResolver.h"
#include "session/SessionErrors.h"
#include "session/SessionManager.h"

#include <QCommandLineParser>
#include <QDateTime>

#include <cstdio>

namespace countersign::cli {

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

void CliRunner::run(const QStringList &arguments, std::function<void(int)> finished)
{
    m_finished = std::move(finished);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Countersign: approve what AI agents do on your behalf.\n\nCommands:\n"
           "  login [--no-browser]          Sign in through the browser.\n"
           "  login --device                Sign in with a code, approved in a browser on any device.\n"
           "  whoami [--json]               Show who is signed in.\n"
           "  logout                        Sign out and delete the stored tokens.\n"
           "  inbox [--json] [--watch]      List approval requests; --watch prints events as JSON lines.\n"
           "  approve ID [--reason TEXT]    Approve a request.\n"
           "  deny ID [--reason TEXT]       Deny a request.\n"
           "  device CODE [--json]          Show which app asks for what with a device code (or its link).\n"
           "  device CODE --approve|--deny  Approve or deny a device code.\n"
           "  agent [--json] [--no-wait] PROMPT\n"
           "                                One turn with the agent; waits until its requests are decided."));
    parser.addHelpOption();
    parser.addVersionOption();
    const config::ProviderCommandLine providerOptions;
    providerOptions.addTo(parser);
    const QCommandLineOption noBrowserOption(
        QStringLiteral("no-browser"), tr("login: print the sign-in URL instead of opening a browser."));
    const QCommandLineOption deviceOption(
        QStringLiteral("device"), tr("login: sign in with a code instead of this computer's browser."));
    const QCommandLineOption jsonOption(
        QStringLiteral("json"), tr("whoami, inbox, device: print JSON; agent: one JSON event per line."));
    const QCommandLineOption watchOption(QStringLiteral("watch"),
                                         tr("inbox: print each event as a JSON line until interrupted."));
    const QCommandLineOption reasonOption(QStringLiteral("reason"), tr("approve, deny: the reason given."),
                                          QStringLiteral("TEXT"));
    const QCommandLineOption approveOption(QStringLiteral("approve"), tr("device: approve the code."));
    const QCommandLineOption denyOption(QStringLiteral("deny"), tr("device: deny the code."));
    const QCommandLineOption noWaitOption(
        QStringLiteral("no-wait"), tr("agent: exit as soon as a request waits for approval, naming it."));
    const QList<QCommandLineOption> ownOptions{noBrowserOption, deviceOption,  jsonOption, watchOption,
                                               reasonOption,    approveOption, denyOption, noWaitOption};
    parser.addOptions(ownOptions);
    parser.addPositionalArgument(QStringLiteral("command"),
                                 tr("login, whoami, logout, inbox, approve, deny, device or agent"));
    // "approve -F5Xe…": a request ID (or code, or prompt) that starts with '-' is still the value.
    const QStringList valueCommands{QStringLiteral("approve"), QStringLiteral("deny"),
                                    QStringLiteral("device"), QStringLiteral("agent")};
    if (!parser.parse(
            dashedValuesAsPositional(arguments, ownOptions + providerOptions.options(), valueCommands))) {
        fail({QStringLiteral("usage"), parser.errorText()}, 2);
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

    const QStringList positional = parser.positionalArguments();
    const QString command = positional.value(0);
    auto onlyFor = [&](const QCommandLineOption &option, const QStringList &allowed) {
        if (parser.isSet(option) && !allowed.contains(command)) {
            fail({QStringLiteral("usage"), tr("--%1 only applies to \"%2\".")
                                               .arg(option.names().constFirst(), allowed.join(u"\", \""))},
                 2);
            return false;
        }
        return true;
    };
    const QStringList decisions{QStringLiteral("approve"), QStringLiteral("deny")};
    const QString deviceCommand = QStringLiteral("device");
    const QString agentCommand = QStringLiteral("agent");
    if (!onlyFor(noBrowserOption, {QStringLiteral("login")}) ||
        !onlyFor(deviceOption, {QStringLiteral("login")}) ||
        !onlyFor(jsonOption,
                 {QStringLiteral("whoami"), QStringLiteral("inbox"), deviceCommand, agentCommand}) ||
        !onlyFor(noWaitOption, {agentCommand}) || !onlyFor(watchOption, {QStringLiteral("inbox")}) ||
        !onlyFor(reasonOption, decisions) || !onlyFor(approveOption, {deviceCommand}) ||
        !onlyFor(denyOption, {deviceCommand}))
        return;
    if (parser.isSet(approveOption) && parser.isSet(denyOption)) {
        fail({QStringLiteral("usage"), tr("Give either --approve or --deny, not both.")}, 2);
        return;
    }
    if (parser.isSet(deviceOption) && parser.isSet(noBrowserOption)) {
        fail({QStringLiteral("usage"), tr("--device never opens a browser here; leave out --no-browser.")},
             2);
        return;
    }
    const qsizetype expected =
        decisions.contains(command) || command == deviceCommand || command == agentCommand ? 2 : 1;
    if (positional.size() != expected) {
        if (decisions.contains(command))
            fail({QStringLiteral("usage"), tr("Give the request's ID: countersign-cli %1 ID").arg(command)},
                 2);
        else if (command == deviceCommand)
            fail({QStringLiteral("usage"), tr("Give the code the device shows: countersign-cli device CODE")},
                 2);
        else if (command == agentCommand)
            fail({QStringLiteral("usage"),
                  tr("Give one prompt, quoted: countersign-cli agent \"Buy 3 shares of ACME\"")},
                 2);
        else
            fail({QStringLiteral("usage"), tr("Give one command: login, whoami, logout, inbox, approve, "
                                              "deny, device or agent. See --help.")},
                 2);
        return;
    }
    if (command == u"login" && parser.isSet(deviceOption))
        loginWithDevice();
    else if (command == u"login")
        login(!parser.isSet(noBrowserOption));
    else if (command == u"whoami")
        whoami(parser.isSet(jsonOption));
    else if (command == u"logout")
        logout();
    else if (command == u"inbox")
        withApprovals([this, json = parser.isSet(jsonOption),
                       watch = parser.isSet(watchOption)](approvals::ApprovalChannel *channel) {
            auto *commands = new ApprovalCommands(channel, this);
            if (watch)
                commands->watch([this](int code) { exit(code); });
            else
                commands->list(json, [this](int code) { exit(code); });
        });
    else if (decisions.contains(command))
        withApprovals([this, id = positional.at(1), reason = parser.value(reasonOption),
                       decision = command == u"approve"
                                      ? approvals::Decision::Approve
                                      : approvals::Decision::Deny](approvals::ApprovalChannel *channel) {
            auto *commands = new ApprovalCommands(channel, this);
            commands->decide(id, decision, reason, [this](int code) { exit(code); });
        });
    else if (command == deviceCommand)
        withApprovals([this, input = positional.at(1), json = parser.isSet(jsonOption),
                       approve = parser.isSet(approveOption),
                       deny = parser.isSet(denyOption)](approvals::ApprovalChannel *channel) {
            auto *commands = new DeviceCommands(
                channel, oauth::browserFromEnvironment().value_or(&oauth::openWithXdgOpen), this);
            auto finish = [this](int code) { exit(code); };
            if (approve || deny)
                commands->decide(input, approve ? approvals::Decision::Approve : approvals::Decision::Deny,
                                 json, finish);
            else
                commands->lookup(input, json, finish);
        });
    else if (command == agentCommand)
        runAgent(positional.at(1), parser.isSet(jsonOption), !parser.isSet(noWaitOption));
    else
        fail({QStringLiteral("usage"), tr("Unknown command \"%1\". See --help.").arg(command)}, 2);
}

void CliRunner::runAgent(const QString &prompt, bool json, bool wait)
{
    if (prompt.trimmed().isEmpty()) {
        fail({QStringLiteral("usage"), tr("The prompt is empty.")}, 2);
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
                fail({session::errors::signedOut, tr("Not signed in. Run \"countersign-cli login\".")});
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
            fail({session::errors::signedOut, tr("Not signed in. Run \"countersign-cli login\".")});
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

void CliRunner::exit(int code)
{
    // Not in the middle of a token renewal (one on the renewal timer, say): see whenIdle().
    if (auto finished = std::exchange(m_finished, nullptr))
        m_services->finishRenewalThen([finished, code] { finished(code); });
}

} // namespace countersign::cli
