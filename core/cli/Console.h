#pragma once

#include "common/Result.h"

#include <QIODevice>
#include <QStringDecoder>
#include <QStringView>
#include <QTextStream>

#include <nlohmann/json.hpp>

namespace countersign::cli {

// What the CLI prints reaches a terminal, and much of it comes from servers (a device's user_code,
// an error_description, a name in an ID token, a model's answer). All of it passes through one
// sanitizer, rar::plainText(): a character that a terminal would act on or that hides text (ESC and
// every other C0 control but the line feed, DEL, C1 controls, bidi overrides and the other invisible
// format characters) is printed as a visible marker such as ⟨U+001B⟩. No provider can clear the
// screen, retitle the window or colour a fake warning, whichever path its text takes.

// stdout: results, for people or scripts. stderr: progress and errors. Both pass through the
// sanitizer (TerminalGuard).
QTextStream &out();
QTextStream &err();

// Server text within a line the CLI writes: sanitized, its line breaks shown as ⏎ (so it cannot
// start a line of its own, such as a fake "Signed in as …"), cut at `maxChars` with "…".
QString inLine(QStringView serverText, int maxChars = 1000);

// `json` as JSON text (`indent` as in dump(); invalid UTF-8 replaced), with the characters the
// sanitizer would mark written as \u escapes instead (rar::escapedJson()): scripts read the exact
// values, and the text holds nothing for the sanitizer to change.
QString jsonText(const nlohmann::json &json, int indent = -1);
QString jsonText(const nlohmann::ordered_json &json, int indent = -1);

// "Error: <message>" on stderr. The message is often a server's error_description: one line.
void printError(const Error &error);

// A write-only device that passes text (UTF-8) on to `target` through rar::plainText(). A
// character split across two writes is held until its last byte arrives.
class TerminalGuard : public QIODevice
{
public:
    explicit TerminalGuard(QIODevice *target, QObject *parent = nullptr);

    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 size) override;

private:
    QIODevice *m_target;
    QStringDecoder m_decoder{QStringDecoder::Utf8};
};

} // namespace countersign::cli
