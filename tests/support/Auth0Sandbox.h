#pragma once

#include "Sandbox.h"

#include "approvals/ApprovalsClient.h"
#include "config/ProviderConfig.h"
#include "net/HttpClient.h"
#include "session/SessionManager.h"
#include "storage/TokenStore.h"

#include <QList>
#include <QNetworkAccessManager>
#include <QObject>

#include <memory>

class QProcess;

namespace countersign::test {

// The sandbox as an Auth0 tenant (--flavor auth0 --tls, 1 s poll intervals), the app's session
// with the Auth0 profile, and the Guardian stand-in: the approvals API the flavour serves at
// /approvals without advertising it, where alice decides CIBA requests as she would on her phone.
// Auth0 itself has no API through which a desktop app approves. The stand-in is driven with
// Countersign's approvals client from a session of its own ("the phone": its own keychain
// service, the approvals scope), so that it never touches the app's session.
class Auth0Sandbox : public QObject
{
    Q_OBJECT
public:
    static inline const QString approvalsApi =
        QStringLiteral("https://api.sandbox.countersign.dev/approvals");
    static inline const QString stockApi = QStringLiteral("https://api.sandbox.countersign.dev/stock");

    Auth0Sandbox();
    ~Auth0Sandbox() override;

    // Starts the sandbox; false with the reason in error().
    bool start();
    QString error() const { return m_error; }

    // The profile a person fills in: domain 127.0.0.1:PORT, the desktop client, `audience` the
    // approvals API, the sandbox's CA as the CA file.
    config::ProviderConfig profile() const;

    // alice signs in through the real login page (headless Chromium trusting only the sandbox's
    // CA); `checkAuthorizeUrl` may refuse the URL the app opens. Empty on success, else why not.
    QString signInAlice(const std::function<bool(const QUrl &)> &checkAuthorizeUrl = {});

    // alice, on the Guardian stand-in, decides the pending request with this binding message
    // (waiting up to 10 s for it to arrive; signing "the phone" in first if need be). Empty on
    // success, else why not; `seen` is the request.
    QString guardianDecides(const QString &bindingMessage, approvals::Decision decision,
                            approvals::Approval *seen);

    Sandbox &sandbox() { return m_sandbox; }
    // The app's session (signInAlice()).
    session::SessionManager &session() { return *m_session; }
    net::HttpClient &http() { return *m_http; }
    QNetworkAccessManager &network() { return m_network; }

private:
    QNetworkAccessManager m_network;
    Sandbox m_sandbox;
    storage::TokenStore m_store;
    storage::TokenStore m_phoneStore;
    std::unique_ptr<session::SessionManager> m_session;
    std::unique_ptr<session::SessionManager> m_phone;
    std::unique_ptr<net::HttpClient> m_http;
    std::unique_ptr<approvals::ApprovalsClient> m_guardian;
    QList<QProcess *> m_browsers;
    QString m_error;

    QString signIn(session::SessionManager &session, const config::ProviderConfig &provider,
                   const std::function<bool(const QUrl &)> &checkAuthorizeUrl);
};

} // namespace countersign::test
