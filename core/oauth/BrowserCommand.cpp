#include "BrowserCommand.h"

#include "logging/Logging.h"

#include <QProcess>

namespace countersign::oauth {

namespace {

// Starts the browser on its own (it outlives a countersign-cli that exits at once), with its
// standard output away from ours: the CLI's stdout is for its own output (--json, the URL of
// `login --no-browser`), which a browser's chatter must never mix into.
bool startBrowser(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.setProgram(program);
    process.setArguments(arguments);
    process.setStandardInputFile(QProcess::nullDevice());
    process.setStandardOutputFile(QProcess::nullDevice());
    return process.startDetached();
}

} // namespace

std::optional<AuthorizationCodeFlow::BrowserOpener> browserFromEnvironment()
{
    const QString command = qEnvironmentVariable("COUNTERSIGN_BROWSER");
    if (command.isEmpty())
        return std::nullopt;
    return [command](const QUrl &url) {
        QStringList arguments = QProcess::splitCommand(command);
        if (arguments.isEmpty())
            return false;
        const QString program = arguments.takeFirst();
        arguments << url.toString(QUrl::FullyEncoded);
        return startBrowser(program, arguments);
    };
}

bool openWithXdgOpen(const QUrl &url)
{
    return startBrowser(QStringLiteral("xdg-open"), {url.toString(QUrl::FullyEncoded)});
}

} // namespace countersign::oauth
