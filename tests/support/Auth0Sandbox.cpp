#include "Auth0Sandbox.h"

#include "TestEnvironment.h"
#include "Wait.h"

#include <QProcess>
#include <QTest>

namespace countersign::test {

Auth0Sandbox::Auth0Sandbox()
    : m_sandbox({QStringLiteral("--flavor"), QStringLiteral("auth0"), QStringLiteral("--tls"),
                 QStringLiteral("--ciba-interval"), QStringLiteral("1"), QStringLiteral("--device-interval"),
                 QStringLiteral("1")}),
      m_phoneStore(QStringLiteral("countersign-test-guardian")),
      m_session(std::make_unique<session::SessionManager>(&m_network, &m_store)),
      m_phone(std::make_unique<session::SessionManager>(&m_network, &m_phoneStore)),
      m_http(std::make_unique<net::HttpClient>(&m_network))
{}

Auth0Sandbox::~Auth0Sandbox()
{
    for (QProcess *browser : std::as_const(m_browsers)) {
        browser->kill();
        browser->waitForFinished(2000);
    }
}

bool Auth0Sandbox::start()
{
    if (!m_sandbox.start()) {
        m_error = m_sandbox.error();
        return false;
    }
    if (!m_sandbox.issuer().toString().startsWith(u"https://127.0.0.1:") || m_sandbox.caFile().isEmpty()) {
        m_error = QStringLiteral("expected an https issuer and a CA file, got %1 and \"%2\"")
                      .arg(m_sandbox.issuer().toString(), m_sandbox.caFile());
        return false;
    }
    return true;
}

config::ProviderConfig Auth0Sandbox::profile() const
{
    config::ProviderConfig provider;
    provider.kind = config::ProviderConfig::Kind::Auth0;
    provider.issuer =
        config::ProviderConfig::auth0Issuer(QStringLiteral("127.0.0.1:%1").arg(m_sandbox.port()));
    provider.clientId = QStringLiteral("countersign-desktop");
    provider.audience = approvalsApi;
    provider.caFile = m_sandbox.caFile();
    return provider;
}

QString Auth0Sandbox::signInAlice(const std::function<bool(const QUrl &)> &checkAuthorizeUrl)
{
    return signIn(*m_session, profile(), checkAuthorizeUrl);
}

QString Auth0Sandbox::signIn(session::SessionManager &session, const config::ProviderConfig &provider,
                             const std::function<bool(const QUrl &)> &checkAuthorizeUrl)
{
    session.setBrowserOpener([this, checkAuthorizeUrl](const QUrl &url) {
        if (checkAuthorizeUrl && !checkAuthorizeUrl(url))
            return false;
        m_browsers << startBrowser(url, QStringLiteral("alice"), QStringLiteral("alice-demo"),
                                   {QStringLiteral("--ca"), m_sandbox.caFile()}, this);
        return true;
    });
    auto identity = wait<oauth::Identity>([&](auto done) { session.signIn(provider, done); }, 60000);
    if (!identity)
        return identity.error().message;
    if (identity->subject != u"alice")
        return QStringLiteral("signed in as %1, not alice").arg(identity->subject);
    return {};
}

QString Auth0Sandbox::guardianDecides(const QString &bindingMessage, approvals::Decision decision,
                                      approvals::Approval *seen)
{
    if (!m_guardian) {
        config::ProviderConfig phone = profile();
        phone.scopes << QStringLiteral("approvals");
        if (const QString error = signIn(*m_phone, phone, {}); !error.isEmpty())
            return QStringLiteral("the Guardian stand-in could not sign alice in: ") + error;
        m_guardian = std::make_unique<approvals::ApprovalsClient>(
            m_http.get(), m_sandbox.issuer().resolved(QUrl(QStringLiteral("approvals"))),
            [this](bool renew, Callback<QByteArray> done) {
                m_phone->accessTokenFor(approvalsApi, renew, done);
            });
    }
    QString id;
    QStringList listed;
    QString listError;
    (void)QTest::qWaitFor(
        [&] {
            auto list = wait<approvals::ApprovalList>([&](auto done) { m_guardian->list(done); });
            listError = list ? QString() : list.error().message;
            listed.clear();
            if (list)
                for (const auto &approval : list->approvals) {
                    listed << approval.bindingMessage;
                    if (approval.bindingMessage == bindingMessage && approval.isPending()) {
                        id = approval.id;
                        *seen = approval;
                    }
                }
            return !id.isEmpty();
        },
        10000);
    if (id.isEmpty())
        return QStringLiteral("no pending request \"%1\" (listed: \"%2\"%3)")
            .arg(bindingMessage, listed.join(QStringLiteral("\", \"")),
                 listError.isEmpty() ? QString() : QStringLiteral("; ") + listError);
    auto decided = wait<approvals::Approval>([&](auto done) { m_guardian->decide(id, decision, {}, done); });
    return decided ? QString() : decided.error().message;
}

} // namespace countersign::test
