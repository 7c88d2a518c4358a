#include "BrowserCommand.h"

#include "logging/Logging.h"

#include <QProcess>

namespace countersign::oauth {

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
        return QProcess::startDetached(program, arguments);
    };
}

bool openWithXdgOpen(const QUrl &url)
{
    return QProcess::startDetached(QStringLiteral("xdg-open"), {url.toString(QUrl::FullyEncoded)});
}

} // namespace countersign::oauth
