#include "SessionCommands.h"

#include "cli/CliErrors.h"
#include "cli/Console.h"
#include "device/DeviceAuthorizationClient.h"
#include "device/UserCode.h"
#include "oauth/BrowserCommand.h"
#include "session/ProviderResolver.h"
#include "session/SessionManager.h"

#include <QDateTime>

namespace countersign::cli {

namespace {

int failWith(const Error &error)
{
    printError(error);
    return 1;
}

// Who is signed in, from the ID token's claims (server text: each in one line).
QString describe(const oauth::Identity &identity)
{
    QString who = inLine(identity.name.isEmpty() ? identity.subject : identity.name, 200);
    if (!identity.email.isEmpty())
        who += QStringLiteral(" <%1>").arg(inLine(identity.email, 200));
    return who;
}

} // namespace

SessionCommands::SessionCommands(session::SessionManager *session, session::ProviderResolver *resolver,
                                 const std::optional<config::ProviderConfig> &explicitProvider,
                                 QObject *parent)
    : QObject(parent), m_session(session), m_resolver(resolver), m_explicitProvider(explicitProvider)
{}

void SessionCommands::login(bool openBrowser, std::function<void(int)> done)
{
    m_resolver->resolve(m_explicitProvider, [this, openBrowser,
                                             done](Result<config::ProviderConfig> provider) {
        if (!provider) {
            done(failWith(provider.error()));
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
        m_session->signIn(provider.value(), [openBrowser, done](Result<oauth::Identity> identity) {
            if (!identity) {
                done(failWith(identity.error()));
                return;
            }
            const QString message =
                tr("Signed in as %1 at %2.").arg(describe(identity.value()), inLine(identity->issuer));
            (openBrowser ? out() : err()) << message << Qt::endl;
            done(0);
        });
    });
}

void SessionCommands::loginWithDevice(std::function<void(int)> done)
{
    m_resolver->resolve(m_explicitProvider, [this, done](Result<config::ProviderConfig> provider) {
        if (!provider) {
            done(failWith(provider.error()));
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
            [this, done,
             dialect = session::ProviderDialect(provider.value())](Result<oauth::Identity> identity) {
                if (!identity) {
                    done(failWith(identity.error()));
                    return;
                }
                err()
                    << tr("Signed in as %1 at %2.").arg(describe(identity.value()), inLine(identity->issuer))
                    << Qt::endl;
                // A code never grants the approver role (docs/security.md): say so now, not at the
                // first inbox.
                m_session->metadata([done, dialect](Result<oauth::ProviderMetadata> metadata) {
                    if (metadata && dialect.hasApprovalChannel(metadata.value()))
                        err()
                            << tr("A session signed in with a code cannot approve requests. To approve, sign "
                                  "in with \"countersign-cli login\" in a browser.")
                            << Qt::endl;
                    done(0);
                });
            });
    });
}

void SessionCommands::whoami(bool json, std::function<void(int)> done)
{
    const config::ProviderConfig provider = m_resolver->choose(m_explicitProvider);
    restoreThen(
        provider,
        [this, json, done](bool signedIn) {
            if (!signedIn) {
                done(failWith(errors::notSignedIn()));
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
            done(0);
        },
        done);
}

void SessionCommands::logout(std::function<void(int)> done)
{
    // Revocation needs the provider running: resolve() starts the local sandbox if it is the provider.
    m_resolver->resolve(m_explicitProvider, [this, done](Result<config::ProviderConfig> provider) {
        const config::ProviderConfig chosen =
            provider ? provider.value() : m_resolver->choose(m_explicitProvider);
        restoreThen(
            chosen,
            [this, done](bool signedIn) {
                if (!signedIn) {
                    err() << tr("Not signed in; nothing to do.") << Qt::endl;
                    done(0);
                    return;
                }
                m_session->signOut([done](Status signedOut) {
                    if (!signedOut) {
                        done(failWith(signedOut.error()));
                        return;
                    }
                    err() << tr("Signed out. The stored tokens are deleted.") << Qt::endl;
                    done(0);
                });
            },
            done);
    });
}

void SessionCommands::withSession(std::function<void()> next, std::function<void(int)> done)
{
    // The approval channel lives at the provider: resolve() starts the local sandbox if needed.
    m_resolver->resolve(m_explicitProvider, [this, next, done](Result<config::ProviderConfig> provider) {
        if (!provider) {
            done(failWith(provider.error()));
            return;
        }
        restoreThen(
            provider.value(),
            [next, done](bool signedIn) {
                if (!signedIn) {
                    done(failWith(errors::notSignedIn()));
                    return;
                }
                next();
            },
            done);
    });
}

void SessionCommands::restoreThen(const config::ProviderConfig &provider, std::function<void(bool)> next,
                                  std::function<void(int)> done)
{
    m_session->restore(provider, [next, done](Result<bool> restored) {
        if (!restored) {
            done(failWith(restored.error()));
            return;
        }
        next(restored.value());
    });
}

} // namespace countersign::cli
