// countersign: the desktop front end. Builds the core services, restores the last session and
// shows the Countersign QML module. All behaviour lives in core/ and the view-models in qml/.
#include "SystemTray.h"
#include "WindowScreenshot.h"
#include "account/AgentSettingsViewModel.h"
#include "account/DesktopSettingsViewModel.h"
#include "agent/AgentService.h"
#include "approvals/ApprovalChannel.h"
#include "chat/ChatViewModel.h"
#include "common/WindowPlacement.h"
#include "config/ProviderCommandLine.h"
#include "config/SandboxFixtures.h"
#include "desktop/DesktopErrors.h"
#include "desktop/SingleInstance.h"
#include "device/UserCode.h"
#include "devicecodes/DeviceViewModel.h"
#include "i18n/Translations.h"
#include "inbox/InboxViewModel.h"
#include "logging/Logging.h"
#include "notifications/AgentNotifier.h"
#include "notifications/ApprovalNotifier.h"
#include "notifications/NotificationService.h"
#include "oauth/BrowserCommand.h"
#include "services/Services.h"
#include "session/ProviderResolver.h"
#include "signin/SessionViewModel.h"
#include "tray/TrayMenu.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QMenu>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QtQml/qqmlextensionplugin.h>

#include <cstdio>
#include <optional>

Q_IMPORT_QML_PLUGIN(CountersignPlugin)

using namespace Qt::StringLiterals;
using namespace countersign;

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(GuiCommandLine)
};

struct Options
{
    std::optional<config::ProviderConfig> provider;
    QString screenshotFile;
    bool hidden = false; // start without showing the window (at login, into the tray)
    QString deviceLink;  // a device's verification link (verification_uri_complete) to open
};

// Exits with status 2 and a message on a usage error, like QCommandLineParser::process().
Options parseArguments(const QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr("Countersign: sign in to your OpenID provider."));
    parser.addHelpOption();
    parser.addVersionOption();
    const config::ProviderCommandLine providerOptions;
    providerOptions.addTo(parser);
    const QCommandLineOption screenshotOption(
        u"screenshot"_s, Tr::tr("Save a picture of the window to FILE once it is shown, then quit."),
        u"FILE"_s);
    parser.addOption(screenshotOption);
    const QCommandLineOption hiddenOption(
        u"hidden"_s,
        Tr::tr("Start without showing the window (as at login); starting Countersign again shows it."));
    parser.addOption(hiddenOption);
    parser.addPositionalArgument(
        u"link"_s, Tr::tr("A device's verification link (with its code) to open on the \"Enter code\" page."),
        u"[link]"_s);
    parser.process(app);

    auto usageError = [](const QString &message) {
        std::fprintf(stderr, "%s\n", qPrintable(message));
        std::exit(2);
    };
    Options options;
    const auto provider = providerOptions.read(parser, session::ProviderResolver::fromEnvironment());
    if (!provider)
        usageError(provider.error().message);
    options.provider = provider.value();
    if (options.provider && !options.provider->issuer.isEmpty() &&
        !config::isSecureOrLoopback(options.provider->issuer))
        usageError(Tr::tr("The issuer must be an https:// URL (or http:// on this computer): %1")
                       .arg(options.provider->issuer.toString()));
    options.screenshotFile = parser.value(screenshotOption);
    options.hidden = parser.isSet(hiddenOption);
    if (options.hidden && !options.screenshotFile.isEmpty())
        usageError(Tr::tr("--hidden and --screenshot do not go together: a screenshot needs the window."));
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        usageError(Tr::tr("Give at most one device link."));
    if (!positional.isEmpty()) {
        const auto code = device::UserCode::parse(positional.first());
        if (!code || code->link.isEmpty())
            usageError(Tr::tr("Not a device's verification link: %1")
                           .arg(code ? positional.first() : code.error().message));
        options.deviceLink = positional.first();
    }
    return options;
}

// --help and --version need no display: answer them before a QApplication would insist on one.
bool onlyWantsHelp(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArrayView arg(argv[i]);
        if (arg == "-h" || arg == "--help" || arg == "-v" || arg == "--version" || arg == "--help-all")
            return true;
    }
    return false;
}

void describeApplication()
{
    QCoreApplication::setOrganizationName(u"Countersign"_s);
    QCoreApplication::setApplicationName(u"Countersign"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(COUNTERSIGN_VERSION));
}

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    logging::installRedactingMessageHandler();
    if (onlyWantsHelp(argc, argv)) {
        QCoreApplication app(argc, argv);
        describeApplication();
        i18n::installTranslations(app);
        parseArguments(app); // prints and exits
        return 0;
    }
    // A QApplication (not QGuiApplication) for the tray icon and its menu, which are widgets.
    QApplication app(argc, argv);
    describeApplication();
    QGuiApplication::setApplicationDisplayName(u"Countersign"_s);
    // The installed desktop entry, resources/dev.countersign.countersign.desktop.
    QGuiApplication::setDesktopFileName(u"dev.countersign.countersign"_s);
    // The theme's icon when installed, else the copy compiled in (app/gui/CMakeLists.txt).
    QGuiApplication::setWindowIcon(QIcon::fromTheme(u"dev.countersign.countersign"_s,
                                                    QIcon(u":/icons/dev.countersign.countersign.png"_s)));
    i18n::installTranslations(app);
    const Options options = parseArguments(app);

    // One app per user and settings location: a later launch hands its device link to the running
    // one, which shows its window, and exits. --screenshot runs are tools and stay out of it.
    std::optional<desktop::SingleInstance> instance;
    if (options.screenshotFile.isEmpty()) {
        instance.emplace();
        const auto role = instance->claim(options.deviceLink);
        if (!role && role.error().code == desktop::errors::instanceNotAnswering) {
            std::fprintf(stderr, "%s\n", qPrintable(role.error().message));
            return 1;
        }
        if (!role) // no way to tell: better two windows than none
            qCWarning(lcApp) << role.error().message;
        else if (*role == desktop::SingleInstance::Role::HandedOver) {
            std::printf("%s\n", qPrintable(Tr::tr("Countersign is already running; passed it on.")));
            return 0;
        }
    }

    services::Services services({.agentFolder = u"conversations"_s});
    gui::SessionViewModel session(services.sessionManager(), services.providerResolver());
    gui::SessionViewModel::setInstance(&session);
    approvals::ApprovalChannel *approvalChannel = services.approvalChannel();
    approvalChannel->followSession(); // the inbox is live while signed in
    gui::InboxViewModel inbox(approvalChannel);
    gui::InboxViewModel::setInstance(&inbox);
    gui::DeviceViewModel devices(approvalChannel,
                                 oauth::browserFromEnvironment().value_or(&oauth::openWithXdgOpen));
    gui::DeviceViewModel::setInstance(&devices);
    devices.openLink(options.deviceLink);

    // The agent pane: the signed-in person's agent, its backend from the settings.
    agent::AgentService *agentService = services.agentService();
    gui::ChatViewModel chat(oauth::browserFromEnvironment().value_or(&oauth::openWithXdgOpen));
    gui::ChatViewModel::setInstance(&chat);
    chat.setAgentClientId(config::sandbox::agentClientId()); // its requests show in the chat, too
    QObject::connect(agentService, &agent::AgentService::sessionChanged, &chat,
                     [&chat, agentService, &inbox] {
                         chat.setSession(agentService->session(), agentService->unavailableReason());
                         inbox.agentApprovals()->setSession(agentService->session());
                     });
    chat.setSession(nullptr, agentService->unavailableReason());
    gui::AgentSettingsViewModel agentSettings(agentService, services.tokenStore(), services.network());
    gui::AgentSettingsViewModel::setInstance(&agentSettings);
    agentSettings.load();
    gui::DesktopSettingsViewModel desktopSettings(QCoreApplication::applicationFilePath());
    gui::DesktopSettingsViewModel::setInstance(&desktopSettings);

    // Requests reach the person with the window closed: desktop notifications and the tray icon.
    notifications::NotificationService notificationService;
    notifications::ApprovalNotifier notifier(approvalChannel, &notificationService);
    notifications::AgentNotifier agentNotifier(agentService, &notificationService, &notifier);
    gui::TrayMenu tray(inbox.requests(), &notifier, &session);
    tray.setBaseIcon(QGuiApplication::windowIcon());
    QObject::connect(&tray, &gui::TrayMenu::quitRequested, &app, &QCoreApplication::quit,
                     Qt::QueuedConnection);
    QObject::connect(&notifier, &notifications::ApprovalNotifier::reviewRequested, &inbox,
                     [&tray, &inbox](const QString &requestId) {
                         tray.showWindow();
                         inbox.review(requestId);
                     });
    QObject::connect(&agentNotifier, &notifications::AgentNotifier::codeRequested, &devices,
                     [&tray, &devices](const QString &linkOrCode) {
                         tray.showWindow();
                         devices.openLink(linkOrCode);
                     });
    gui::SystemTray systemTray(&tray);

    std::optional<gui::WindowScreenshot> screenshot;
    if (!options.screenshotFile.isEmpty())
        screenshot.emplace(options.screenshotFile, &session, approvalChannel);
    session.restore(options.provider);

    // Declared after the services so that QML (which binds to them) goes first at exit.
    QQmlApplicationEngine engine;
    engine.addImportPath(u"qrc:/qt/qml"_s); // a default from Qt 6.5 on
    // --hidden: the window is created, not shown; the tray or another launch shows it.
    if (options.hidden)
        engine.setInitialProperties({{u"visible"_s, false}});
    engine.load(QUrl(u"qrc:/qt/qml/Countersign/Main.qml"_s));
    auto *window =
        engine.rootObjects().isEmpty() ? nullptr : qobject_cast<QQuickWindow *>(engine.rootObjects().first());
    if (!window)
        return 1;

    QObject::connect(
        window, &QQuickWindow::frameSwapped, &app,
        [&sinceStart] { qCInfo(lcApp) << "First frame after" << sinceStart.elapsed() << "ms"; },
        Qt::SingleShotConnection);
    tray.setWindow(window);
    if (!screenshot)
        systemTray.show();
    gui::WindowPlacement placement(window);
    placement.restore(); // before the first frame: the window opens where it was left
    if (screenshot)
        screenshot->takeWhenSettled(window, sinceStart);
    if (instance)
        QObject::connect(
            &*instance, &desktop::SingleInstance::activationRequested, window,
            [window, &tray, &devices](const QString &deviceLink) {
                tray.showWindow();
                if (!deviceLink.isEmpty())
                    devices.openLink(deviceLink); // the Enter code page takes it at once
                qCInfo(lcApp).nospace()
                    << "Another launch asked for the window; window visible: " << window->isVisible()
                    << (deviceLink.isEmpty()                 ? ""
                        : devices.requestedInput().isEmpty() ? "; device link opened on the Enter code page"
                                                             : "; device link not taken by a page");
            });
    const int status = app.exec();
    placement.save();
    services.finishRenewal();
    return status;
}
