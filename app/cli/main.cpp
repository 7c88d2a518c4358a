// countersign-cli: the headless front end. All behaviour lives in countersign::cli::CliRunner.
#include "cli/CliRunner.h"
#include "i18n/Translations.h"
#include "logging/Logging.h"

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

    countersign::cli::CliRunner runner;
    QTimer::singleShot(0, &runner,
                       [&] { runner.run(app.arguments(), [](int code) { QCoreApplication::exit(code); }); });
    return app.exec();
}
