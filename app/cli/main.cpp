// countersign-cli: the headless front end. Builds the core services (services::Services, as the
// app does) and runs one command with countersign::cli::CliRunner, where all its behaviour lives.
#include "cli/CliRunner.h"
#include "i18n/Translations.h"
#include "logging/Logging.h"
#include "services/Services.h"

#include <QCoreApplication>
#include <QTimer>

int main(int argc, char *argv[])
{
    countersign::logging::installRedactingMessageHandler();
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Countersign"));
    QCoreApplication::setApplicationName(QStringLiteral("Countersign"));
    QCoreApplication::setApplicationVersion(QStringLiteral(COUNTERSIGN_VERSION));
    countersign::i18n::installTranslations(app);

    countersign::services::Services services({.agentFolder = QStringLiteral("cli-agent")});
    countersign::cli::CliRunner runner(&services);
    QTimer::singleShot(0, &runner,
                       [&] { runner.run(app.arguments(), [](int code) { QCoreApplication::exit(code); }); });
    return app.exec();
}
