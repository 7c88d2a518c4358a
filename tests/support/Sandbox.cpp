#include "Sandbox.h"

#include "TestEnvironment.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include "common/Json.h"

#include <nlohmann/json.hpp>

namespace countersign::test {

Sandbox::Sandbox(QStringList extraArguments) : m_extraArguments(std::move(extraArguments)) {}

Sandbox::~Sandbox()
{
    stop();
}

bool Sandbox::start()
{
    return launch(0);
}

bool Sandbox::restart()
{
    const quint16 previous = port();
    stop();
    m_launcher.reset();
    m_issuer.clear();
    return launch(previous);
}

bool Sandbox::launch(quint16 port)
{
    m_launcher = std::make_unique<sandbox::SandboxLauncher>();
    bool finished = false;
    m_launcher->start(
        m_dataDir.path(), port,
        [&](Result<QUrl> issuer) {
            finished = true;
            if (issuer)
                m_issuer = issuer.value();
            else
                m_error = issuer.error().message;
        },
        m_extraArguments);
    (void)QTest::qWaitFor([&] { return finished; }, 30000);
    if (!finished)
        m_error = QStringLiteral("sandbox did not answer");
    return m_issuer.isValid() && !m_issuer.isEmpty();
}

void Sandbox::stop()
{
    if (m_launcher)
        m_launcher->stop();
}

QProcess *startBrowser(const QUrl &url, const QString &user, const QString &password,
                       const QStringList &extraArguments, QObject *parent)
{
    auto *process = new QProcess(parent);
    process->setProgram(QStringLiteral("node"));
    process->setArguments(QStringList{browserDriver(), url.toString(QUrl::FullyEncoded),
                                      QStringLiteral("--user"), user, QStringLiteral("--password"),
                                      password} +
                          extraArguments);
    process->setProcessChannelMode(QProcess::SeparateChannels);
    process->start();
    return process;
}

BrowserOutcome runBrowser(const QUrl &url, const QString &user, const QString &password,
                          const QStringList &extraArguments)
{
    QProcess *process = startBrowser(url, user, password, extraArguments, nullptr);
    std::unique_ptr<QProcess> owner(process);
    if (!process->waitForStarted(5000))
        return {QStringLiteral("not_run"), process->errorString(), {}};
    // Let the Qt event loop run meanwhile: the app side (loopback listener) lives in this thread.
    (void)QTest::qWaitFor([&] { return process->state() == QProcess::NotRunning; }, 25000);
    if (process->state() != QProcess::NotRunning) {
        process->kill();
        process->waitForFinished(2000);
        return {QStringLiteral("error"), QStringLiteral("browser driver timed out"), {}};
    }
    const QByteArray line = process->readAllStandardOutput().trimmed();
    const auto json = nlohmann::json::parse(line.constBegin(), line.constEnd(), nullptr, false);
    if (!json.is_object() || !json.contains("outcome"))
        return {QStringLiteral("error"), QString::fromUtf8(line + process->readAllStandardError()), {}};
    const QString error = jsonString(json, "error");
    return {jsonString(json, "outcome"), error.isEmpty() ? jsonString(json, "pageText") : error,
            jsonString(json, "finalUrl")};
}

} // namespace countersign::test
