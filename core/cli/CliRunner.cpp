#include "CliRunner.h"

#include "oauth/BrowserCommand.h"
#include "session/ProviderResolver.h"
#include "session/SessionManager.h"
#include "storage/TokenStore.h"

#include <QCommandLineParser>
#include <QNetworkAccessManager>
#include <QTextStream>

#include <cstdio>

namespace countersign::cli {

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

QString describe(const oauth::Identity &identity)
{
    QString who = identity.name.isEmpty() ? identity.subject : identity.name;
    if (!identity.email.isEmpty())
        who += QStringLiteral(" <%1>").arg(identity.email);
    return who;
}

} // namespace

CliRunner::CliRunner(QObject *parent)
    : QObject(parent), m_network(new QNetworkAccessManager(this)), m_store(new storage::TokenStore(this)),
      m_session(new session::SessionManager(m_network, m_store, this)),
      m_resolver(new session::ProviderResolver(this))
{}

CliRunner::~CliRunner() = default;

void CliRunner::run(const QStringList &arguments, std::function<void(int)> finished)
{
    m_finished = std::move(finished);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Countersign: approve what AI agents do on your behalf.\n\nCommands:\n"
           "  login [--no-browser]  Sign in through the browser.\n"
           "  whoami [--json]       Show who is signed in.\n"
           "  logout                Sign out and delete the stored tokens."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption issuerOption(
        QStringLiteral("issuer"),
        tr("OpenID provider (issuer URL). Default: the local sandbox, or the "
           "provider last used."),
        QStringLiteral("URL"));
    const QCommandLineOption clientOption(QStringLiteral("client-id"), tr("OAuth client ID of this app."),
                                          QStringLiteral("ID"));
    const QCommandLineOption noBrowserOption(
        QStringLiteral("no-browser"), tr("login: print the sign-in URL instead of opening a browser."));
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("whoami: print JSON."));
    parser.addOptions({issuerOption, clientOption, noBrowserOption, jsonOption});
    parser.addPositionalArgument(QStringLiteral("command"), tr("login, whoami or logout"));
    if (!parser.parse(arguments)) {
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

    m_explicitProvider = session::ProviderResolver::fromEnvironment();
    if (parser.isSet(issuerOption)) {
        config::ProviderConfig provider;
        provider.kind = config::ProviderConfig::Kind::OpenIdProvider;
        provider.issuer = QUrl(parser.value(issuerOption));
        m_explicitProvider = provider;
    }
    if (parser.isSet(clientOption)) {
        if (!m_explicitProvider) {
            fail({QStringLiteral("usage"), tr("--client-id needs --issuer (or COUNTERSIGN_ISSUER).")}, 2);
            return;
        }
        m_explicitProvider->clientId = parser.value(clientOption);
    }

    const QStringList positional = parser.positionalArguments();
    const QString command = positional.value(0);
    auto onlyFor = [&](const QCommandLineOption &option, const QString &allowed) {
        if (parser.isSet(option) && command != allowed) {
            fail({QStringLiteral("usage"),
                  tr("--%1 only applies to \"%2\".").arg(option.names().constFirst(), allowed)},
                 2);
            return false;
        }
        return true;
    };
    if (positional.size() != 1 || !onlyFor(noBrowserOption, QStringLiteral("login")) ||
        !onlyFor(jsonOption, QStringLiteral("whoami"))) {
        if (positional.size() != 1)
            fail({QStringLiteral("usage"), tr("Give one command: login, whoami or logout. See --help.")}, 2);
        return;
    }
    if (command == u"login")
        login(!parser.isSet(noBrowserOption));
    else if (command == u"whoami")
        whoami(parser.isSet(jsonOption));
    else if (command == u"logout")
        logout();
    else
        fail({QStringLiteral("usage"), tr("Unknown command \"%1\". See --help.").arg(command)}, 2);
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
                tr("Signed in as %1 at %2.").arg(describe(identity.value()), identity->issuer);
            (openBrowser ? out() : err()) << message << Qt::endl;
            exit(0);
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
            fail({QStringLiteral("signed_out"), tr("Not signed in. Run \"countersign-cli login\".")});
            return;
        }
        const oauth::Identity &identity = m_session->identity();
        if (json) {
            // Field order is part of the interface: issuer, sub, name, email.
            const nlohmann::ordered_json document{{"issuer", identity.issuer.toStdString()},
                                                  {"sub", identity.subject.toStdString()},
                                                  {"name", identity.name.toStdString()},
                                                  {"email", identity.email.toStdString()}};
            out() << QString::fromStdString(document.dump()) << Qt::endl;
        } else
            out() << describe(identity) << "\n"
                  << tr("Subject: %1").arg(identity.subject) << "\n"
                  << tr("Issuer: %1").arg(identity.issuer) << Qt::endl;
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
    err() << tr("Error: %1").arg(error.message) << Qt::endl;
    exit(exitCode);
}

void CliRunner::exit(int code)
{
    if (auto finished = std::exchange(m_finished, nullptr))
        finished(code);
}

} // namespace countersign::cli
