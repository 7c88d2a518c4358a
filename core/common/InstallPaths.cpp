#include "InstallPaths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace countersign {

QString installedDataDirectory()
{
    const QDir programs(QCoreApplication::applicationDirPath());
    if (programs.dirName() != QStringLiteral("bin"))
        return {};
    const QString data = QDir::cleanPath(programs.absoluteFilePath(QStringLiteral("../share/countersign")));
    return QFileInfo(data).isDir() ? data : QString();
}

} // namespace countersign
