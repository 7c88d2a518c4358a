#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QStringList>

namespace countersign::cli {

// A request ID, a device code and a prompt are values a person copies into the command line, and
// a value may start with '-': a base64url request ID does one time in 64. QCommandLineParser would
// read "approve -F5Xe76…" as options ("Unknown options: F, 5, X, …"), so before parsing, every
// argument after one of `commandsWithValue` that starts with '-' but names none of `options` (nor
// -h, -?, --help, --help-all, -v, --version) moves behind a "--", where the parser takes it as a
// positional argument, in its place after the command. An option's own value ("--reason -1") and
// whatever already follows a "--" stay as they are. Other commands keep their arguments, so a
// mistyped option after "inbox" is still reported as one.
QStringList dashedValuesAsPositional(const QStringList &arguments, const QList<QCommandLineOption> &options,
                                     const QStringList &commandsWithValue);

} // namespace countersign::cli
