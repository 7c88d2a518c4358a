// Quick Test runner for the Countersign pages. Each QML engine gets the real Session
// view-model over real core services: the keychain of with-keyring.sh, the sandbox started on
// demand by ProviderResolver, and the "browser" named by $COUNTERSIGN_BROWSER.
#include "DeviceViewModel.h"
#include "InboxViewModel.h"
#include "SessionViewModel.h"
#include "approvals/ApprovalChannel.h"
#include "session/ProviderResolver.h"
#include "session/SessionManager.h"
#include "storage/TokenStore.h"

#include "Jwt.h"
#include "SignedInSession.h"
#include "Wait.h"

#include "ciba/CibaClient.h"
#include "device/DeviceApprover.h"
#include "device/DeviceAuthorizationClient.h"
#include "device/UserCode.h"
#include "net/HttpClient.h"
#include "oauth/BrowserCommand.h"
#include "oauth/DiscoveryClient.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QQmlEngine>
#include <QtQml/qqmlextensionplugin.h>
#include <QTest>
#include <QWindow>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(CountersignPlugin)

using namespace countersign;

namespace {

// What main() builds for the app, owned by one QML engine.
class Services : public QObject
{
public:
    explicit Services(QObject *parent)
        : QObject(parent), m_manager(&m_network, &m_store), m_viewModel(&m_manager, &m_resolver),
          m_channel(&m_manager, &m_network), m_inbox(&m_channel),
          m_devices(&m_channel, oauth::browserFromEnvironment().value_or(&oauth::openWithXdgOpen))
    {
        gui::SessionViewModel::setInstance(&m_viewModel);
        gui::InboxViewModel::setInstance(&m_inbox);
        gui::DeviceViewModel::setInstance(&m_devices);
        m_channel.followSession();
        m_viewModel.restore(std::nullopt);
    }

private:
    QNetworkAccessManager m_network;
    storage::TokenStore m_store;
    session::SessionManager m_manager;
    session::ProviderResolver m_resolver;
    gui::SessionViewModel m_viewModel;
    approvals::ApprovalChannel m_channel;
    gui::InboxViewModel m_inbox;
    gui::DeviceViewModel m_devices;
};

// A stand-in for an AI agent, for the inbox tests: the confidential client demo-agent asking
// the sandbox for alice's approval with the real CibaClient, and waiting for the outcome.
class TestAgent : public QObject
{
    Q_OBJECT
    // "" while waiting; then "approved <authorization_details JSON>", "denied", "expired" or "failed <why>".
    Q_PROPERTY(QString outcome READ outcome NOTIFY outcomeChanged)

public:
    explicit TestAgent(QObject *parent) : QObject(parent), m_http(&m_network) {}

    QString outcome() const { return m_outcome; }

    // Starts a CIBA request at `issuer` for alice; `details` is the authorization_details JSON.
    Q_INVOKABLE void ask(const QString &issuer, const QString &bindingMessage, const QString &details)
    {
        setOutcome({});
        m_discovery.discover(
            QUrl(issuer), [this, bindingMessage, details](Result<oauth::ProviderMetadata> metadata) {
                if (!metadata) {
                    setOutcome(QStringLiteral("failed ") + metadata.error().message);
                    return;
                }
                m_client = std::make_unique<ciba::CibaClient>(
                    &m_http, metadata->backchannelAuthenticationEndpoint, metadata->tokenEndpoint,
                    ciba::ClientCredentials{QStringLiteral("demo-agent"), "demo-agent-secret", {}});
                ciba::AuthenticationRequest request;
                request.loginHint = QStringLiteral("alice");
                request.bindingMessage = bindingMessage;
                request.authorizationDetails = nlohmann::json::parse(details.toStdString());
                m_client->authorize(request, [this](Result<ciba::Ticket> ticket) {
                    if (!ticket) {
                        setOutcome(QStringLiteral("failed ") + ticket.error().message);
                        return;
                    }
                    m_poll = std::make_unique<ciba::CibaPoll>(m_client.get(), ticket.value());
                    m_poll->start([this](const ciba::Outcome &outcome) {
                        switch (outcome.kind) {
                        case ciba::Outcome::Kind::Approved:
                            setOutcome(QStringLiteral("approved ") +
                                       QString::fromStdString(outcome.tokens.authorizationDetails.dump()));
                            break;
                        case ciba::Outcome::Kind::Denied:
                            setOutcome(QStringLiteral("denied"));
                            break;
                        case ciba::Outcome::Kind::Expired:
                            setOutcome(QStringLiteral("expired"));
                            break;
                        case ciba::Outcome::Kind::Failed:
                            setOutcome(QStringLiteral("failed ") + outcome.error.message);
                            break;
                        }
                    });
                });
            });
    }

Q_SIGNALS:
    void outcomeChanged();

private:
    void setOutcome(const QString &outcome)
    {
        m_outcome = outcome;
        Q_EMIT outcomeChanged();
    }

    QNetworkAccessManager m_network;
    net::HttpClient m_http;
    oauth::DiscoveryClient m_discovery{&m_http};
    std::unique_ptr<ciba::CibaClient> m_client;
    std::unique_ptr<ciba::CibaPoll> m_poll;
    QString m_outcome;
};

// Quick Test's keyClick() types into the test's own window; the app's pages live in the
// ApplicationWindow a test creates. This types into that window, through the same path a real
// key press takes (shortcut map first, then the focused item).
class TestKeyboard : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // `key` is a Qt.Key_* value, `modifiers` a combination of Qt.*Modifier.
    Q_INVOKABLE bool click(QObject *window, int key, int modifiers = Qt::NoModifier)
    {
        auto *target = qobject_cast<QWindow *>(window);
        if (!target)
            return false;
        QTest::keyClick(target, Qt::Key(key), Qt::KeyboardModifiers(modifiers));
        return true;
    }
};

// A stand-in for a device that signs in with device flow (RFC 8628), for the "Enter a code" tests:
// the public client demo-device asking the sandbox for a code, and waiting for the outcome. It can
// also approve a code as alice from a session of its own (for the app's "Sign in with a code").
class TestDevice : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString userCode READ userCode NOTIFY changed)
    Q_PROPERTY(QString link READ link NOTIFY changed)
    // "" while waiting; then "approved <sub> <authorization_details JSON>", "denied", "expired" or "failed <why>".
    Q_PROPERTY(QString outcome READ outcome NOTIFY changed)

public:
    explicit TestDevice(QObject *parent) : QObject(parent), m_http(&m_network) {}

    QString userCode() const { return m_userCode; }
    QString link() const { return m_link; }
    QString outcome() const { return m_outcome; }

    // Asks `issuer` for a code to buy `qty` ACME shares (a trade_authorization for the stock API).
    Q_INVOKABLE void start(const QString &issuer, int qty)
    {
        m_userCode.clear();
        m_link.clear();
        m_outcome.clear();
        Q_EMIT changed();
        m_discovery.discover(QUrl(issuer), [this, qty](Result<oauth::ProviderMetadata> metadata) {
            if (!metadata)
                return setOutcome(QStringLiteral("failed ") + metadata.error().message);
            m_client = std::make_unique<device::DeviceAuthorizationClient>(
                &m_http, metadata->deviceAuthorizationEndpoint, metadata->tokenEndpoint,
                QStringLiteral("demo-device"));
            device::DeviceAuthorizationRequest request;
            request.scopes = {QStringLiteral("openid")};
            request.authorizationDetails = nlohmann::json::array(
                {{{"type", "trade_authorization"}, {"action", "buy"}, {"ticker", "ACME"}, {"qty", qty}}});
            m_client->authorize(request, [this](Result<device::DeviceAuthorization> code) {
                if (!code)
                    return setOutcome(QStringLiteral("failed ") + code.error().message);
                m_userCode = code->userCode;
                m_link = code->verificationUriComplete.toString();
                Q_EMIT changed();
                m_poll = std::make_unique<device::DevicePoll>(m_client.get(), code.value());
                m_poll->start([this](const oauth::PollOutcome &outcome) {
                    switch (outcome.kind) {
                    case oauth::PollOutcome::Kind::Approved:
                        return setOutcome(
                            QStringLiteral("approved ") +
                            QString::fromStdString(test::jwtClaims(outcome.tokens.accessToken).value("sub", "")) +
                            u' ' + QString::fromStdString(outcome.tokens.authorizationDetails.dump()));
                    case oauth::PollOutcome::Kind::Denied:
                        return setOutcome(QStringLiteral("denied"));
                    case oauth::PollOutcome::Kind::Expired:
                        return setOutcome(QStringLiteral("expired"));
                    case oauth::PollOutcome::Kind::Failed:
                        return setOutcome(QStringLiteral("failed ") + outcome.error.message);
                    }
                });
            });
        });
    }

    // Signs alice in at `issuer` in a session of this object's own (headless Chromium), and
    // approves `code` through the device approver API from there. Returns "" or the error.
    Q_INVOKABLE QString approveAsAlice(const QString &issuer, const QString &code)
    {
        m_alice = std::make_unique<test::SignedInSession>(&m_network);
        if (const QString error =
                m_alice->signIn(QUrl(issuer), QStringLiteral("alice"), QStringLiteral("alice-demo"));
            !error.isEmpty())
            return error;
        m_channel = std::make_unique<approvals::ApprovalChannel>(&m_alice->manager(), &m_network);
        auto connected =
            test::wait<approvals::ApprovalsClient *>([&](auto done) { m_channel->connectToProvider(done); });
        if (!connected || !m_channel->deviceApprover())
            return connected ? QStringLiteral("no device approver") : connected.error().message;
        auto decided = test::wait<device::DeviceRequest>([&](auto done) {
            m_channel->deviceApprover()->decide(device::UserCode::parse(code)->code, approvals::Decision::Approve,
                                                done);
        });
        return decided ? QString() : decided.error().message;
    }

Q_SIGNALS:
    void changed();

private:
    void setOutcome(const QString &outcome)
    {
        m_outcome = outcome;
        Q_EMIT changed();
    }

    QNetworkAccessManager m_network;
    net::HttpClient m_http;
    oauth::DiscoveryClient m_discovery{&m_http};
    std::unique_ptr<device::DeviceAuthorizationClient> m_client;
    std::unique_ptr<device::DevicePoll> m_poll;
    std::unique_ptr<test::SignedInSession> m_alice;
    std::unique_ptr<approvals::ApprovalChannel> m_channel;
    QString m_userCode;
    QString m_link;
    QString m_outcome;
};

} // namespace

class Setup : public QObject
{
    Q_OBJECT
public Q_SLOTS:
    void applicationAvailable()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("Countersign"));
        QCoreApplication::setApplicationName(QStringLiteral("Countersign"));
    }
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        // Where Qt 6.5+ looks by default for modules built with RESOURCE_PREFIX /qt/qml.
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        new Services(engine);
        qmlRegisterSingletonInstance("CountersignTest", 1, 0, "TestAgent", new TestAgent(engine));
        qmlRegisterSingletonInstance("CountersignTest", 1, 0, "TestKeyboard", new TestKeyboard(engine));
        qmlRegisterSingletonInstance("CountersignTest", 1, 0, "TestDevice", new TestDevice(engine));
    }
};

QUICK_TEST_MAIN_WITH_SETUP(tst_qml, Setup)

#include "tst_qml.moc"
