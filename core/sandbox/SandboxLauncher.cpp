#include "SandboxLauncher.h"

#include "common/InstallPaths.h"

#include "common/JsonInput.h"
#include "logging/Logging.h"
#include "sandbox/SandboxErrors.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include <nlohmann/json.hpp>

#include <csignal>
#include <sys/types.h>

namespace countersign::sandbox {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SandboxLauncher)
};

constexpr auto kReadyPrefix = "ready issuer=";
constexpr auto kReadyTimeout = std::chrono::seconds(30);

bool processAlive(qint64 pid)
{
    return pid > 0 && ::kill(static_cast<pid_t>(pid), 0) == 0;
}

} // namespace

SandboxLauncher::SandboxLauncher(QObject *parent) : QObject(parent)
{
    m_readyTimeout.setSingleShot(true);
    connect(&m_readyTimeout, &QTimer::timeout, this, [this] {
        fail({errors::sandboxTimeout, Tr::tr("The local sandbox did not start within 30 seconds.")});
    });
    connect(&m_process, &QProcess::readyReadStandardOutput, this, [this] {
        m_stdout += m_process.readAllStandardOutput();
        const int newline = m_stdout.indexOf('\n');
        if (!m_done || newline < 0)
            return;
        const QByteArray line = m_stdout.left(newline).trimmed();
        if (!line.startsWith(kReadyPrefix)) {
            fail({errors::sandboxFailed, Tr::tr("The local sandbox printed something unexpected.")});
            return;
        }
        m_readyTimeout.stop();
        // "ready issuer=URL", with " ca=PATH" (percent-encoded like a URI path) under --tls.
        const QList<QByteArray> fields = line.mid(qstrlen(kReadyPrefix)).split(' ');
        m_issuer = QUrl(QString::fromUtf8(fields.constFirst()));
        m_caFile.clear();
        for (const QByteArray &field : fields.mid(1))
            if (field.startsWith("ca="))
                m_caFile = QUrl::fromPercentEncoding(field.mid(3));
        qCInfo(lcSandbox) << "Sandbox ready at" << m_issuer.toString();
        std::exchange(m_done, nullptr)(m_issuer);
    });
    connect(&m_process, &QProcess::readyReadStandardError, this, [this] {
        const QByteArray chunk = m_process.readAllStandardError();
        m_stderrTail = (m_stderrTail + chunk).right(2000);
        // The sandbox's own log (requests, provider errors; never a token) at debug level.
        if (lcSandbox().isDebugEnabled())
            for (const QByteArray &line : chunk.trimmed().split('\n'))
                qCDebug(lcSandbox).noquote() << QString::fromUtf8(line);
    });
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            fail({errors::nodeMissing, Tr::tr("Could not start Node.js (\"node\"), which runs the "
                                              "local sandbox. Install Node.js 20 or "
                                              "newer, or configure another provider.")});
    });
    connect(&m_process, &QProcess::finished, this, [this](int exitCode) {
        if (!m_done)
            return;
        // A taken preferred port is not fatal: fall back to any free port once.
        if (m_port != 0 && m_stderrTail.contains("EADDRINUSE")) {
            m_stderrTail.clear();
            launch(0);
            return;
        }
        fail({errors::sandboxFailed, Tr::tr("The local sandbox stopped (exit code %1): %2")
                                         .arg(exitCode)
                                         .arg(QString::fromUtf8(m_stderrTail.trimmed().right(400)))});
    });
}

SandboxLauncher::~SandboxLauncher()
{
    stop();
}

QString SandboxLauncher::sandboxDirectory()
{
    if (const QString chosen = qEnvironmentVariable("COUNTERSIGN_SANDBOX_DIR"); !chosen.isEmpty())
        return chosen;
    // An installed app runs the sandbox installed with it, never code from where it was built.
    if (const QString installed = installedDataDirectory(); !installed.isEmpty())
        return installed + QStringLiteral("/sandbox");
    return QStringLiteral(COUNTERSIGN_SANDBOX_DIR);
}

QString SandboxLauncher::defaultDataDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/countersign-sandbox");
}

std::optional<QUrl> SandboxLauncher::findRunning(const QString &dataDir)
{
    QFile file(dataDir + QStringLiteral("/sandbox.json"));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray raw = file.readAll();
    const auto json = parseJsonOrDiscard(raw);
    if (!json.is_object() || !json.contains("issuer") || !json["issuer"].is_string() ||
        !json.contains("pid") || !json["pid"].is_number_integer())
        return std::nullopt;
    if (!processAlive(json["pid"].get<qint64>()))
        return std::nullopt;
    const QUrl issuer(QString::fromStdString(json["issuer"].get<std::string>()));
    return issuer.isValid() ? std::optional<QUrl>(issuer) : std::nullopt;
}

void SandboxLauncher::start(const QString &dataDir, quint16 preferredPort, Callback<QUrl> done,
                            const QStringList &extraArguments)
{
    m_done = std::move(done);
    m_dataDir = dataDir;
    m_extraArguments = extraArguments;
    if (!QFileInfo::exists(sandboxDirectory() + QStringLiteral("/server.mjs"))) {
        fail({errors::sandboxMissing,
              Tr::tr("The local sandbox is not installed (no server.mjs in %1).").arg(sandboxDirectory())});
        return;
    }
    if (!QFileInfo::exists(sandboxDirectory() + QStringLiteral("/node_modules"))) {
        fail({errors::sandboxMissing,
              Tr::tr("The local sandbox's packages are not installed: run \"npm ci\" in %1.")
                  .arg(sandboxDirectory())});
        return;
    }
    QDir().mkpath(dataDir);
    launch(preferredPort);
}

void SandboxLauncher::launch(quint16 port)
{
    m_port = port;
    m_stdout.clear();
    m_process.setProgram(qEnvironmentVariable("COUNTERSIGN_NODE", QStringLiteral("node")));
    m_process.setArguments(QStringList{sandboxDirectory() + QStringLiteral("/server.mjs"),
                                       QStringLiteral("--port"), QString::number(port),
                                       QStringLiteral("--data"), m_dataDir} +
                           m_extraArguments);
    m_readyTimeout.start(kReadyTimeout);
    m_process.start();
}

void SandboxLauncher::fail(Error error)
{
    m_readyTimeout.stop();
    // Taken first: killing emits finished(), whose handler must not report (or relaunch) again.
    auto done = std::exchange(m_done, nullptr);
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(2000);
    }
    if (done)
        done(std::move(error));
}

void SandboxLauncher::stop()
{
    m_done = nullptr;
    m_readyTimeout.stop();
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate(); // SIGTERM: the sandbox flushes its state and removes sandbox.json
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(1000);
    }
}

} // namespace countersign::sandbox
