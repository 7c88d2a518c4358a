#include "TestEnvironment.h"

#include <QFileInfo>
#include <QProcess>

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

ProcessRun runProcess(const QString &program, const QStringList &arguments, const QProcessEnvironment &environment,
                      int timeoutMs)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(),
            process.readAllStandardError()};
}

QProcessEnvironment cliEnvironment(const QUrl &issuer, const QString &user, const QString &password)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("COUNTERSIGN_ISSUER"), issuer.toString());
    env.insert(QStringLiteral("COUNTERSIGN_BROWSER"),
               QStringLiteral("node %1 --user %2 --password %3").arg(browserDriver(), user, password));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
    return env;
}

} // namespace countersign::test
