#include "SignedInSession.h"

#include "Sandbox.h"
#include "Wait.h"

#include <QProcess>

namespace countersign::test {

SignedInSession::SignedInSession(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent), m_manager(network, &m_store)
{}

SignedInSession::~SignedInSession()
{
    for (QProcess *browser : std::as_const(m_browsers)) {
        browser->kill();
        browser->waitForFinished(2000);
    }
}

QString SignedInSession::signIn(const QUrl &issuer, const QString &user, const QString &password)
{
    m_manager.setBrowserOpener([this, user, password](const QUrl &url) {
        m_browsers << startBrowser(url, user, password, {}, this);
        return true;
    });
    config::ProviderConfig provider;
    provider.kind = config::ProviderConfig::Kind::Sandbox;
    provider.issuer = issuer;
    auto identity = wait<oauth::Identity>([&](auto done) { m_manager.signIn(provider, done); }, 60000);
    return identity ? QString() : identity.error().message;
}

} // namespace countersign::test
