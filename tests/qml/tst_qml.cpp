// Quick Test runner for the Countersign pages. Each QML engine gets the real Session
// view-model over real core services: the keychain of with-keyring.sh, the sandbox started on
// demand by ProviderResolver, and the "browser" named by $COUNTERSIGN_BROWSER.
#include "account/AgentSettingsViewModel.h"
#include "account/DesktopSettingsViewModel.h"
#include "approvals/ApprovalChannel.h"
#include "chat/ChatViewModel.h"
#include "devicecodes/DeviceViewModel.h"
#include "i18n/Translations.h"
#include "inbox/InboxViewModel.h"
#include "session/ProviderResolver.h"
#include "session/SessionManager.h"
#include "signin/SessionViewModel.h"
#include "storage/TokenStore.h"

#include "Auth0Sandbox.h"
#include "Jwt.h"
#include "LocalHttpServer.h"
#include "SignedInSession.h"
#include "Wait.h"

#include "agent/AgentService.h"
#include "agent/AgentSession.h"
#include "agent/ApprovedActionTools.h"
#include "agent/DemoBackend.h"
#include "approvals/DeviceApprover.h"
#include "ciba/CibaClient.h"
#include "ciba/CibaPoll.h"
#include "common/JsonFields.h"
#include "config/Settings.h"
#include "desktop/Autostart.h"
#include "device/DeviceAuthorizationClient.h"
#include "device/UserCode.h"
#include "net/HttpClient.h"
#include "oauth/BrowserCommand.h"
#include "oauth/DiscoveryClient.h"
#include "oauth/OAuthErrors.h"

#include <QClipboard>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QQmlContext>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTest>
#include <QTextDocument>
#include <QTimer>
#include <QWindow>
#include <QtQml/qqmlextensionplugin.h>
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
          m_devices(&m_channel, oauth::browserFromEnvironment().value_or(&oauth::openWithXdgOpen)),
          m_chat([this](const QUrl &url) {
              m_openedLinks << url.toString();
              return true;
          }),
          m_agents(&m_manager, &m_channel, &m_network), m_agentSettings(&m_agents, &m_store, &m_network),
          m_desktopSettings(QCoreApplication::applicationFilePath())
    {
        gui::SessionViewModel::setInstance(&m_viewModel);
        gui::InboxViewModel::setInstance(&m_inbox);
        gui::DeviceViewModel::setInstance(&m_devices);
        gui::ChatViewModel::setInstance(&m_chat);
        gui::AgentSettingsViewModel::setInstance(&m_agentSettings);
        gui::DesktopSettingsViewModel::setInstance(&m_desktopSettings);
        m_chat.setSession(nullptr, QStringLiteral("Sign in to chat with the agent."));
        m_chat.setAgentClientId(QStringLiteral("demo-agent"));
        // The real agent, as main() wires it, until a test hands the pane to TestChat's fixture.
        QObject::connect(&m_agents, &agent::AgentService::sessionChanged, this, [this] {
            if (!m_fixtureOwnsChat)
                m_chat.setSession(m_agents.session(), m_agents.unavailableReason());
            m_inbox.agentApprovals()->setSession(m_agents.session());
        });
        m_agentSettings.load();
        m_channel.followSession();
        m_viewModel.restore(std::nullopt);
    }

    gui::ChatViewModel *chat() { return &m_chat; }
    // From now on the pane shows TestChat's fixture, not the real agent.
    void handChatToFixture() { m_fixtureOwnsChat = true; }
    // What the chat asked the "browser" to open, oldest first.
    const QStringList &openedLinks() const { return m_openedLinks; }

private:
    QNetworkAccessManager m_network;
    storage::TokenStore m_store;
    session::SessionManager m_manager;
    session::ProviderResolver m_resolver;
    gui::SessionViewModel m_viewModel;
    approvals::ApprovalChannel m_channel;
    gui::InboxViewModel m_inbox;
    gui::DeviceViewModel m_devices;
    QStringList m_openedLinks;
    gui::ChatViewModel m_chat;
    agent::AgentService m_agents;
    gui::AgentSettingsViewModel m_agentSettings;
    gui::DesktopSettingsViewModel m_desktopSettings;
    bool m_fixtureOwnsChat = false;
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
// The "On this computer" card's files, as the tests set them up and check them: the autostart
// entry (in this test's own XDG_CONFIG_HOME) and the saved settings.
class TestDesktop : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    Q_INVOKABLE bool autostartEntryExists() const { return QFile::exists(desktop::Autostart().entryPath()); }
    Q_INVOKABLE bool keepRunningInTraySaved() const { return config::Settings().keepRunningInTray(); }
    // A file where the autostart folder should be: writing the entry fails, even as root.
    Q_INVOKABLE bool blockAutostartFolder() const
    {
        const QString folder = QFileInfo(desktop::Autostart().entryPath()).absolutePath();
        if (!QDir(folder).removeRecursively())
            return false;
        QFile blocker(folder);
        return blocker.open(QIODevice::WriteOnly);
    }
};

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

    // Types `text` (printable ASCII) key by key, as a person would.
    Q_INVOKABLE bool type(QObject *window, const QString &text)
    {
        auto *target = qobject_cast<QWindow *>(window);
        if (!target)
            return false;
        for (const QChar c : text) {
            if (c.unicode() < 0x20 || c.unicode() > 0x7e)
                return false;
            QTest::keyClick(target, char(c.unicode()));
        }
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
    // "" while waiting; then "approved <sub> <authorization_details JSON>", "denied", "expired" or "failed
    // <why>".
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
                        return setOutcome(QStringLiteral("approved ") +
                                          QString::fromStdString(
                                              test::jwtClaims(outcome.tokens.accessToken).value("sub", "")) +
                                          u' ' +
                                          QString::fromStdString(outcome.tokens.authorizationDetails.dump()));
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
        auto decided = test::wait<approvals::DeviceRequest>([&](auto done) {
            m_channel->deviceApprover()->decide(device::UserCode::parse(code)->code,
                                                approvals::Decision::Approve, done);
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

// The sandbox as an Auth0 tenant (--flavor auth0 --tls), for the Auth0 test: what a person types
// into the Auth0 profile, and the Guardian stand-in on which alice decides requests "on her phone"
// (Auth0 has no desktop approval API). Started on demand, so other tests never pay for it.
class TestAuth0 : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString domain READ domain NOTIFY changed)
    Q_PROPERTY(QString issuer READ issuer NOTIFY changed)
    Q_PROPERTY(QString caFile READ caFile NOTIFY changed)
    Q_PROPERTY(QString approvalsApi READ approvalsApi CONSTANT)

public:
    using QObject::QObject;

    QString domain() const
    {
        return m_tenant ? QStringLiteral("127.0.0.1:%1").arg(m_tenant->sandbox().port()) : QString();
    }
    QString issuer() const { return m_tenant ? m_tenant->sandbox().issuer().toString() : QString(); }
    QString caFile() const { return m_tenant ? m_tenant->sandbox().caFile() : QString(); }
    QString approvalsApi() const { return test::Auth0Sandbox::approvalsApi; }

    // Starts the tenant; "" or why not. The app's "browser" (the headless-Chromium driver named
    // by $COUNTERSIGN_BROWSER) trusts its CA through $COUNTERSIGN_BROWSER_CA.
    Q_INVOKABLE QString start()
    {
        m_tenant = std::make_unique<test::Auth0Sandbox>();
        if (!m_tenant->start())
            return m_tenant->error();
        qputenv("COUNTERSIGN_BROWSER_CA", caFile().toLocal8Bit());
        Q_EMIT changed();
        return {};
    }

    // alice, on the Guardian stand-in, approves (or denies) the pending request with this binding
    // message. "" or why not.
    Q_INVOKABLE QString guardianDecides(const QString &bindingMessage, bool approve)
    {
        if (!m_tenant)
            return QStringLiteral("the tenant is not started");
        approvals::Approval seen;
        return m_tenant->guardianDecides(
            bindingMessage, approve ? approvals::Decision::Approve : approvals::Decision::Deny, &seen);
    }

Q_SIGNALS:
    void changed();

private:
    std::unique_ptr<test::Auth0Sandbox> m_tenant;
};

// Another Countersign process of the same user (as countersign-cli would be): a keychain
// connection, a session lock handle and a doorbell of its own, on the session the app stored.
class TestOtherProcess : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString outcome READ outcome NOTIFY changed)

public:
    using QObject::QObject;

    QString outcome() const { return m_outcome; }

    // Restores the stored session and signs out; `outcome` becomes "signed out" or why not.
    Q_INVOKABLE void signOut()
    {
        m_outcome.clear();
        const auto provider = config::Settings().lastProvider();
        if (!provider) {
            finish(QStringLiteral("no provider was used"));
            return;
        }
        m_session.restore(*provider, [this](Result<bool> restored) {
            if (!restored || !restored.value()) {
                finish(restored ? QStringLiteral("nothing stored") : restored.error().message);
                return;
            }
            m_session.signOut(
                [this](Status done) { finish(done ? QStringLiteral("signed out") : done.error().message); });
        });
    }

Q_SIGNALS:
    void changed();

private:
    void finish(const QString &outcome)
    {
        m_outcome = outcome;
        Q_EMIT changed();
    }

    QNetworkAccessManager m_network;
    storage::TokenStore m_store;
    session::SessionManager m_session{&m_network, &m_store};
    QString m_outcome;
};

// For the plain-text test: finds text items that could render markup, and plays a provider whose
// strings carry markup. Every text shown in Qt Quick is a Text or a TextEdit (Label, TextArea, the
// placeholder of a field, the contents of a ToolTip, a Dialog's header): they have `textFormat`.
class TestText : public QObject
{
    Q_OBJECT
    // An image on this test's own server: a rich-text renderer that meets <img src> fetches it.
    Q_PROPERTY(QString pixelUrl READ pixelUrl CONSTANT)
    // An "OpenID provider" whose discovery answers with an error_description full of markup.
    Q_PROPERTY(QString brokenIssuer READ brokenIssuer CONSTANT)
    // An OpenID provider whose device authorization hands out a user_code full of markup.
    Q_PROPERTY(QString deviceIssuer READ deviceIssuer CONSTANT)

public:
    explicit TestText(QObject *parent) : QObject(parent)
    {
        m_server.start();
        m_server.route("/pixel.gif", answer(200, QByteArray::fromBase64(kPixel), "image/gif"));
        const std::string hostile = hostileText().toStdString();
        m_server.route("/broken/.well-known/openid-configuration",
                       answer(400, {{"error", "invalid_request"}, {"error_description", hostile}}));
        const std::string device = deviceIssuer().toStdString();
        m_server.route("/device-only/.well-known/openid-configuration",
                       answer(200, {{"issuer", device},
                                    {"authorization_endpoint", device + "/auth"},
                                    {"token_endpoint", device + "/token"},
                                    {"jwks_uri", device + "/jwks"},
                                    {"device_authorization_endpoint", device + "/device"},
                                    {"response_types_supported", {"code"}},
                                    {"subject_types_supported", {"public"}},
                                    {"id_token_signing_alg_values_supported", {"ES256"}}}));
        m_server.route("/device-only/device", answer(200, {{"device_code", "device-code-1"},
                                                           {"user_code", hostile},
                                                           {"verification_uri", device + "/activate"},
                                                           {"expires_in", 600},
                                                           {"interval", 5}}));
        m_server.route("/device-only/token", answer(400, {{"error", "authorization_pending"}}));
    }

    QString pixelUrl() const { return m_server.baseUrl().toString() + QStringLiteral("/pixel.gif"); }
    QString brokenIssuer() const { return m_server.baseUrl().toString() + QStringLiteral("/broken"); }
    QString deviceIssuer() const { return m_server.baseUrl().toString() + QStringLiteral("/device-only"); }

    // Markup, an image to fetch, a link and a right-to-left override.
    Q_INVOKABLE QString hostileText() const
    {
        return QStringLiteral(
                   "<b>bold</b><img src=\"%1\"><a href=\"https://evil.example\">link</a> \u202Egnp.exe")
            .arg(pixelUrl());
    }

    // How often the image was fetched.
    Q_INVOKABLE int fetches() const { return m_server.hits("/pixel.gif"); }

    // Every text item in `target`'s window (the page and any open popup: tooltips, dialogs) that
    // is not plain text, one line each: any item declared in the app's own QML files, and any
    // other (the insides of a Controls template) that is set to rich text or shows markup as such.
    Q_INVOKABLE QStringList notPlainText(QObject *target) const
    {
        QStringList found;
        forEachText(target, [&found](QQuickItem *item, int format, const QString &text,
                                     const QUrl &declaredIn) {
            const bool app = declaredIn.toString().startsWith(QStringLiteral("qrc:/qt/qml/Countersign/"));
            const bool rich = format == kRichText || format == kStyledText || format == kMarkdownText ||
                              (format == kAutoText && Qt::mightBeRichText(text));
            if (format != kPlainText && (app || rich))
                found << QStringLiteral("%1 \"%2\" in %3: textFormat %4, text \"%5\"")
                             .arg(QString::fromLatin1(item->metaObject()->className()), item->objectName(),
                                  declaredIn.fileName(), QString::number(format), text.left(80));
        });
        return found;
    }

    // The text of every text item in `target`'s window, popups included.
    Q_INVOKABLE QStringList texts(QObject *target) const
    {
        QStringList all;
        forEachText(target, [&all](QQuickItem *, int, const QString &text, const QUrl &) { all << text; });
        return all;
    }

    // How many text items `target`'s window holds (to know the walk saw the page).
    Q_INVOKABLE int textItems(QObject *target) const { return int(texts(target).size()); }

private:
    // Text.PlainText and TextEdit.PlainText are 0, RichText 1, AutoText 2, MarkdownText 3; Text also has
    // StyledText.
    static constexpr int kPlainText = 0;
    static constexpr int kRichText = 1;
    static constexpr int kAutoText = 2;
    static constexpr int kMarkdownText = 3;
    static constexpr int kStyledText = 4;

    static constexpr auto kPixel = "R0lGODlhAQABAAAAACwAAAAAAQABAAACAkQBADs="; // a 1x1 GIF

    static test::LocalHttpServer::Response answer(int status, QByteArray body, QByteArray type)
    {
        test::LocalHttpServer::Response response;
        response.status = status;
        response.body = std::move(body);
        response.contentType = std::move(type);
        return response;
    }
    static test::LocalHttpServer::Response answer(int status, const nlohmann::json &body)
    {
        return answer(status, QByteArray::fromStdString(body.dump()), "application/json");
    }

    template <typename Visit> static void forEachText(QObject *target, Visit &&visit)
    {
        // The window's root holds the content and the overlay, where open popups live.
        QQuickItem *root = nullptr;
        if (auto *window = qobject_cast<QQuickWindow *>(target))
            root = window->contentItem();
        else if (auto *item = qobject_cast<QQuickItem *>(target))
            root = item->window() ? item->window()->contentItem() : item;
        QList<QQuickItem *> pending{root};
        while (!pending.isEmpty()) {
            QQuickItem *item = pending.takeLast();
            if (!item)
                continue;
            pending += item->childItems();
            const QVariant format = item->property("textFormat");
            const QVariant text = item->property("text");
            if (!format.isValid() || !text.isValid())
                continue;
            const QQmlContext *context = qmlContext(item);
            visit(item, format.toInt(), text.toString(), context ? context->baseUrl() : QUrl());
        }
    }

    test::LocalHttpServer m_server;
};

// A tool for the chat tests: answers at once with what `answer` makes of the arguments.
class FakeTool : public agent::Tool
{
public:
    using Answer = std::function<Result<nlohmann::json>(const nlohmann::json &arguments)>;
    FakeTool(agent::ToolSpec spec, Answer answer) : m_spec(std::move(spec)), m_answer(std::move(answer)) {}

    agent::ToolSpec spec() const override { return m_spec; }
    void run(const nlohmann::json &arguments, const agent::ToolContext &,
             Callback<nlohmann::json> done) override
    {
        done(m_answer(arguments));
    }

private:
    agent::ToolSpec m_spec;
    Answer m_answer;
};

// An authorizer for the chat tests: every call waits on the interrupt `makeInterrupt` builds
// (delivered from the event loop, as a real one does) until the test grants or denies it. Trying
// again interrupts the same way, unless `grantOnRetry`.
class FakeAuthorizer : public agent::Authorizer
{
public:
    using MakeInterrupt = std::function<nlohmann::json(const nlohmann::json &arguments)>;
    FakeAuthorizer(QString text, MakeInterrupt makeInterrupt)
        : m_text(std::move(text)), m_makeInterrupt(std::move(makeInterrupt))
    {}

    void authorize(const QString &callId, const nlohmann::json &arguments,
                   agent::AuthorizationReport report) override
    {
        wait(callId, m_makeInterrupt(arguments), std::move(report));
    }
    void resume(const QString &callId, const nlohmann::json &interrupt,
                agent::AuthorizationReport report) override
    {
        ++retries;
        if (grantOnRetry) {
            report.granted("test-token", nlohmann::json::array());
            return;
        }
        wait(callId, interrupt, std::move(report));
    }
    void cancel(const QString &callId) override { m_waiting.remove(callId); }

    bool grant(const QString &callId)
    {
        if (!m_waiting.contains(callId))
            return false;
        m_waiting.take(callId).granted("test-token", nlohmann::json::array());
        return true;
    }
    bool deny(const QString &callId)
    {
        if (!m_waiting.contains(callId))
            return false;
        m_waiting.take(callId).failed({oauth::errors::accessDenied, QStringLiteral("You denied this.")});
        return true;
    }

    int retries = 0;
    bool grantOnRetry = false;

private:
    void wait(const QString &callId, nlohmann::json interrupt, agent::AuthorizationReport report)
    {
        m_waiting.insert(callId, report);
        QTimer::singleShot(0, [report, text = m_text, interrupt = std::move(interrupt)] {
            report.interrupted(text, interrupt);
        });
    }

    QString m_text;
    MakeInterrupt m_makeInterrupt;
    QHash<QString, agent::AuthorizationReport> m_waiting;
};

// The rule-based demo agent, streaming its reply a word every `delayMs` (so that a test sees it
// grow, and can stop it halfway).
class SlowDemoBackend : public agent::Backend
{
public:
    using agent::Backend::Backend;

    int delayMs = 0;

    QString label() const override { return m_demo.label(); }
    void respond(const agent::Conversation &conversation, const QList<agent::ToolSpec> &tools,
                 const agent::AgentProfile &profile, agent::BackendEvents events) override
    {
        const quint64 turn = ++m_turn;
        auto reply = std::make_shared<Reply>();
        m_demo.respond(conversation, tools, profile,
                       {[reply](const QString &delta) { reply->chunks << delta; },
                        [reply](const QString &callId, const QString &tool, nlohmann::json arguments) {
                            reply->calls.append({callId, tool, std::move(arguments)});
                        },
                        [this, turn, reply, events](Status status) {
                            reply->status = std::move(status);
                            play(turn, reply, events, 0);
                        }});
    }
    void cancel() override
    {
        ++m_turn;
        m_demo.cancel();
    }

private:
    struct Reply
    {
        QStringList chunks;
        QList<std::tuple<QString, QString, nlohmann::json>> calls;
        Status status = Done{};
    };

    void play(quint64 turn, std::shared_ptr<Reply> reply, agent::BackendEvents events, qsizetype next)
    {
        if (turn != m_turn)
            return;
        if (next < reply->chunks.size()) {
            events.text(reply->chunks.at(next));
            QTimer::singleShot(delayMs, this, [=, this] { play(turn, reply, events, next + 1); });
            return;
        }
        for (const auto &[callId, tool, arguments] : reply->calls)
            events.toolCall(callId, tool, arguments);
        events.finished(reply->status);
    }

    agent::DemoBackend m_demo;
    quint64 m_turn = 0;
};

// The chat tests' agent: an agent::AgentSession with the demo agent and fake tools, put into the
// app's Chat singleton. buy_stock waits for an approval in the inbox (CIBA), make_payment on a
// device code, check_calendar on a Google account to connect; fetch_data_record answers with
// markup. The interrupts carry the handles a real one does (auth_req_id, device_code), marked
// "SECRET", which must never reach the page.
class TestChat : public QObject
{
    Q_OBJECT
public:
    TestChat(Services *services, QObject *parent) : QObject(parent), m_services(services) {}

    // A new, empty chat in the Chat singleton; `streamDelayMs` between the words of a reply.
    Q_INVOKABLE void start(int streamDelayMs = 0)
    {
        auto backend = std::make_unique<SlowDemoBackend>();
        backend->delayMs = streamDelayMs;
        auto session = std::make_unique<agent::AgentSession>(backend.get());
        addTools(*session);
        m_services->handChatToFixture();
        m_services->chat()->setSession(session.get());
        m_session = std::move(session); // the old session goes after the page let go of it
        m_backend = std::move(backend);
    }

    // No chat: the page says `reason`.
    Q_INVOKABLE void stopChat(const QString &reason)
    {
        m_services->handChatToFixture();
        m_services->chat()->setSession(nullptr, reason);
        m_session.reset();
        m_backend.reset();
    }

    Q_INVOKABLE void setAgentClientId(const QString &clientId)
    {
        m_services->chat()->setAgentClientId(clientId);
    }

    // Ends the wait of `callId` (whichever authorizer has it): granted, or denied.
    Q_INVOKABLE bool grant(const QString &callId)
    {
        return m_approval->grant(callId) || m_device->grant(callId) || m_connect->grant(callId);
    }
    Q_INVOKABLE bool deny(const QString &callId)
    {
        return m_approval->deny(callId) || m_device->deny(callId) || m_connect->deny(callId);
    }
    // The Google account counts as connected from now on: "Try again" goes ahead.
    Q_INVOKABLE void connectAccount() { m_connect->grantOnRetry = true; }
    Q_INVOKABLE int retries() const { return m_connect->retries; }
    // The binding message of the last approval asked for.
    Q_INVOKABLE QString bindingMessage() const { return m_bindingMessage; }
    Q_INVOKABLE QString clipboardText() const { return QGuiApplication::clipboard()->text(); }
    Q_INVOKABLE QStringList openedLinks() const { return m_services->openedLinks(); }

    // Every role of every row of Chat.messages, as text: what the page could ever show.
    Q_INVOKABLE QString everythingShown() const
    {
        const gui::ChatMessageModel *model = m_services->chat()->messages();
        QStringList all;
        for (int row = 0; row < model->rowCount(); ++row)
            for (const int role : model->roleNames().keys()) {
                const QVariant value = model->data(model->index(row), role);
                all << (value.canConvert<QVariantList>() && value.typeId() == QMetaType::QVariantList
                            ? QString::fromUtf8(QJsonDocument::fromVariant(value).toJson())
                            : value.toString());
            }
        return all.join(u'\n');
    }

private:
    static nlohmann::json expiresIn(int seconds)
    {
        return isoTime(QDateTime::currentDateTimeUtc().addSecs(seconds));
    }

    void addTools(agent::AgentSession &session)
    {
        using Action = agent::StockOrderTool::Action;
        m_approval = std::make_shared<FakeAuthorizer>(
            QStringLiteral("Waiting for your approval (in your inbox)."),
            [this](const nlohmann::json &arguments) {
                m_bindingMessage = agent::StockOrderTool::bindingMessage(Action::Buy, arguments);
                return nlohmann::json{{"type", "async_authorization"},
                                      {"auth_req_id", "SECRET-auth-req-id"},
                                      {"expires_at", expiresIn(300)},
                                      {"interval", 5},
                                      {"binding_message", m_bindingMessage.toStdString()}};
            });
        m_device = std::make_shared<FakeAuthorizer>(
            QStringLiteral("Waiting for you to enter the code WDJB-MJHT."), [](const nlohmann::json &) {
                return nlohmann::json{
                    {"type", "device_authorization"},
                    {"user_code", "WDJB-MJHT"},
                    {"verification_uri", "https://id.example.test/activate"},
                    {"verification_uri_complete", "https://id.example.test/activate?user_code=WDJB-MJHT"},
                    {"expires_at", expiresIn(600)},
                    {"interval", 5},
                    {"device_code", "SECRET-device-code"}};
            });
        m_connect = std::make_shared<FakeAuthorizer>(
            QStringLiteral("Connect your Google account to let the agent read your calendar."),
            [](const nlohmann::json &) {
                return nlohmann::json{
                    {"type", "connect_account"},
                    {"connection", "google-oauth2"},
                    {"connect_uri", "https://id.example.test/connect?connection=google-oauth2"}};
            });

        session.addTool(
            std::make_shared<FakeTool>(agent::StockOrderTool(Action::Buy, nullptr, {}).spec(),
                                       [](const nlohmann::json &arguments) -> Result<nlohmann::json> {
                                           const int qty = arguments.value("qty", 0);
                                           return nlohmann::json{
                                               {"id", "ord-1"},     {"ticker", arguments.value("ticker", "")},
                                               {"qty", qty},        {"price", 12.5},
                                               {"currency", "USD"}, {"total", qty * 12.5}};
                                       }),
            m_approval);
        const auto object = [](nlohmann::json properties, nlohmann::json required) {
            return nlohmann::json{{"type", "object"},
                                  {"properties", std::move(properties)},
                                  {"required", std::move(required)},
                                  {"additionalProperties", false}};
        };
        const nlohmann::json text{{"type", "string"}};
        session.addTool(std::make_shared<FakeTool>(
                            agent::ToolSpec{QStringLiteral("make_payment"), QStringLiteral("Pay someone."),
                                            object({{"amount", text}, {"currency", text}, {"creditor", text}},
                                                   {"amount", "currency", "creditor"})},
                            [](const nlohmann::json &arguments) -> Result<nlohmann::json> {
                                nlohmann::json paid = arguments;
                                paid["id"] = "pay-1";
                                return paid;
                            }),
                        m_device);
        session.addTool(
            std::make_shared<FakeTool>(agent::ToolSpec{QStringLiteral("check_calendar"),
                                                       QStringLiteral("Free and busy times."),
                                                       object({{"date", text}}, {"date"})},
                                       [](const nlohmann::json &arguments) -> Result<nlohmann::json> {
                                           return nlohmann::json{{"date", arguments.value("date", "")},
                                                                 {"busy", nlohmann::json::array()}};
                                       }),
            m_connect);
        session.addTool(std::make_shared<FakeTool>(
            agent::ToolSpec{QStringLiteral("fetch_data_record"), QStringLiteral("One data record."),
                            object({{"id", text}}, {"id"})},
            [](const nlohmann::json &arguments) -> Result<nlohmann::json> {
                if (arguments.value("id", "") == "r-tree") // no known shape: shown as a tree
                    return nlohmann::json{{"ok", true}, {"quote", {{"price", 12.5}, {"history", {1, 2}}}}};
                return nlohmann::json{{"id", arguments.value("id", "")},
                                      {"title", "<b>bold</b><img src=x>"},
                                      {"data", "<a href=\"https://evil.example\">click</a>"}};
            }));
    }

    Services *m_services;
    std::unique_ptr<SlowDemoBackend> m_backend;
    std::unique_ptr<agent::AgentSession> m_session;
    std::shared_ptr<FakeAuthorizer> m_approval;
    std::shared_ptr<FakeAuthorizer> m_device;
    std::shared_ptr<FakeAuthorizer> m_connect;
    QString m_bindingMessage;
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
        // As main() does: the language (and with it the layout direction) the environment asks for.
        i18n::installTranslations(*QCoreApplication::instance());
    }
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        // Where Qt 6.5+ looks by default for modules built with RESOURCE_PREFIX /qt/qml.
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        auto *services = new Services(engine);
        qmlRegisterSingletonInstance("CountersignTest", 1, 0, "TestAgent", new TestAgent(engine));
        qmlRegisterSingletonInstance("CountersignTest", 1, 0, "TestChat", new TestChat(services, engine));
        qmlRegisterSingletonInstance("CountersignTest", 1, 0, "TestKeyboard", new TestKeyboard(engine));
        qmlRegisterSingletonInstance("CountersignTest", 1, 0, "TestDevice", new TestDevice(engine));
        qmlRegisterSingletonInstance("CountersignTest", 1, 0, "TestAuth0", new TestAuth0(engine));
        qmlRegisterSingletonInstance("CountersignTest", 1, 0, "TestOtherProcess",
                                     new TestOtherProcess(engine));
        qmlRegisterSingletonInstance("CountersignTest", 1, 0, "TestText", new TestText(engine));
        qmlRegisterSingletonInstance("CountersignTest", 1, 0, "TestDesktop", new TestDesktop(engine));
    }
};

QUICK_TEST_MAIN_WITH_SETUP(tst_qml, Setup)

#include "tst_qml.moc"
