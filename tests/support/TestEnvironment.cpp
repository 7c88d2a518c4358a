#include "TestEnvironment.h"

#include <QFileInfo>

namespace countersign::test {

QString sandboxDir()
{
    return qEnvironmentVariable("COUNTERSIGN_SANDBOX_DIR", QStringLiteral(COUNTERSIGN_SANDBOX_DIR));
}

QString browserDriver()
{
    return qEnvironmentVariable("COUNTERSIGN_BROWSER_DRIVER");
}

bool chromiumAvailable()
{
    return QFileInfo(qEnvironmentVariable("COUNTERSIGN_CHROMIUM", QStringLiteral("/usr/bin/chromium")))
        .isExecutable();
}

} // namespace countersign::test
