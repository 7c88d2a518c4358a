#pragma once

#include "sandbox/SandboxLauncher.h"

#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace countersign::test {

// A sandbox authorization server of the test's own: free port, fresh data directory.
// Stopped when destroyed.
class Sandbox
{
public:
    explicit Sandbox(QStringList extraArguments = {});
    ~Sandbox();

    // Starts it and waits (at most 30 s) for the ready line. Returns false with the reason in error().
    bool start();
    void stop();
    // Stops it and starts it again on the same port with the same data (same issuer).
    bool restart();
    quint16 port() const { return static_cast<quint16>(m_issuer.port()); }
    QUrl issuer() const { return m_issuer; }
    // The CA of its https certificate (with --tls), else empty.
    QString caFile() const { return m_launcher ? m_launcher->caFile() : QString(); }
    QString dataDir() const { return m_dataDir.path(); }
    QString error() const { return m_error; }

private:
    bool launch(quint16 port);

    QStringList m_extraArguments;
    QTemporaryDir m_dataDir;
    std::unique_ptr<sandbox::SandboxLauncher> m_launcher;
    QUrl m_issuer;
    QString m_error;
};

// Runs tests/browser/sign-in.mjs (headless Chromium acting as the person's browser) on `url`.
// Returns its JSON line's "outcome" ("redirected", "login_error", "closed", "error"), or
// "not_run" if it could not start. Blocks the test (not production code) for at most ~25 s.
struct BrowserOutcome
{
    QString outcome;
    QString detail; // error text / final page text
    QString finalUrl;
};
BrowserOutcome runBrowser(const QUrl &url, const QString &user, const QString &password,
                          const QStringList &extraArguments = {});

// Starts the browser driver without waiting; the process is parented to `parent`.
class QProcess *startBrowser(const QUrl &url, const QString &user, const QString &password,
                             const QStringList &extraArguments, QObject *parent);

} // namespace countersign::test
