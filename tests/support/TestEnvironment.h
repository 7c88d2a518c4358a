#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace countersign::test {

// Where the test run finds the pieces outside the C++ build (set by tests/CMakeLists.txt).
QString sandboxDir();     // directory holding sandbox/server.mjs
QString browserDriver();  // tests/browser/sign-in.mjs (headless Chromium acting as the system browser)
bool chromiumAvailable(); // /usr/bin/chromium (or $COUNTERSIGN_CHROMIUM) is executable

// One run of a command-line program, as a person runs it.
struct ProcessRun
{
    int exitCode = -1; // -1: it crashed or was killed after the timeout
    QByteArray out;
    QByteArray err;
};
ProcessRun runProcess(const QString &program, const QStringList &arguments,
                      const QProcessEnvironment &environment, int timeoutMs = 60000);

// The characters in `printed` (UTF-8) that a terminal would act on or that hide text: C0 controls
// but the line feed, DEL, C1 controls and Unicode format characters (bidi overrides and the like),
// each named ("0x1b", "U+202E"). Empty when the output is safe to show.
QString terminalControlsIn(const QByteArray &printed);

// The environment countersign-cli runs in for the CLI tests: this process's, with the provider at
// `issuer`, headless Chromium as the browser signing in as `user`, and English messages.
QProcessEnvironment cliEnvironment(const QUrl &issuer, const QString &user = QStringLiteral("alice"),
                                   const QString &password = QStringLiteral("alice-demo"));

} // namespace countersign::test
