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

ProcessRun runProcess(const QString &program, const QStringList &arguments,
                      const QProcessEnvironment &environment, int timeoutMs)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), process.readAllStandardError()};
}

QString terminalControlsIn(const QByteArray &printed)
{
    QStringList found;
    for (const char c : printed)
        if ((static_cast<unsigned char>(c) < 0x20 && c != '\n') || c == 0x7f)
            found << QStringLiteral("0x%1").arg(uint(static_cast<unsigned char>(c)), 2, 16, QLatin1Char('0'));
    for (const QChar c : QString::fromUtf8(printed))
        if ((c.unicode() >= 0x80 && c.unicode() <= 0x9f) || c.category() == QChar::Other_Format)
            found << QStringLiteral("U+%1").arg(uint(c.unicode()), 4, 16, QLatin1Char('0')).toUpper();
    return found.join(u' ');
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
