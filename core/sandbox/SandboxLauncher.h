#pragma once

#include "common/Result.h"

#include <QObject>
#include <QProcess>
#include <QTimer>
#include <QUrl>

namespace countersign::sandbox {

// Starts the local authorization server (sandbox/server.mjs on Node.js) as a child process on
// 127.0.0.1, or finds one already running for the same data directory (as scripts/run starts it).
// The child is stopped when the launcher is destroyed.
class SandboxLauncher : public QObject
{
    Q_OBJECT
public:
    explicit SandboxLauncher(QObject *parent = nullptr);
    ~SandboxLauncher() override;

    // Directory holding server.mjs: $COUNTERSIGN_SANDBOX_DIR, else, for an installed app, the
    // one installed with it (share/countersign/sandbox), else the source tree it was built from.
    static QString sandboxDirectory();
    // Where the embedded sandbox keeps its state by default: ~/.local/share/countersign-sandbox.
    // Deliberately outside Countersign's own data directory: it is a server's database (it holds
    // its own records of issued tokens), not the app's.
    static QString defaultDataDirectory();
    // The issuer of a sandbox already running on `dataDir` (its sandbox.json names a live process).
    static std::optional<QUrl> findRunning(const QString &dataDir);

    // Starts `node server.mjs --port <port> --data <dataDir>` and waits for its ready line.
    // `port` 0 picks a free port; if the preferred port is taken, a free one is used instead.
    // Errors: "sandbox_missing", "node_missing", "sandbox_failed", "sandbox_timeout".
    void start(const QString &dataDir, quint16 preferredPort, Callback<QUrl> done,
               const QStringList &extraArguments = {});
    void stop();

    QUrl issuer() const { return m_issuer; }
    // With --tls among the extra arguments: the CA certificate (PEM) the sandbox's https
    // certificate chains to, as its ready line names it. Empty otherwise.
    QString caFile() const { return m_caFile; }
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }

private:
    void launch(quint16 port);
    void fail(Error error);

    QProcess m_process;
    QTimer m_readyTimeout;
    QString m_dataDir;
    QStringList m_extraArguments;
    QByteArray m_stdout;
    QByteArray m_stderrTail;
    QUrl m_issuer;
    QString m_caFile;
    quint16 m_port = 0;
    Callback<QUrl> m_done;
};

} // namespace countersign::sandbox
