#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QStringList>

#include <functional>
#include <utility>

class QCommandLineParser;

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

// One row of countersign-cli's command table (CliRunner): how --help shows the command, what it
// takes and what runs it. --help, the usage errors and the dispatch all come from the table.
struct Command
{
    // Two of the command's options that exclude each other, and the usage error when both are set.
    struct Conflict
    {
        QString first;
        QString second;
        QString message;
    };

    QString name;
    // Its one positional argument ("ID", "CODE", "PROMPT"); empty: it takes none. A value that
    // starts with '-' is still the argument (dashedValuesAsPositional()).
    QString argument;
    // The usage error when the argument is missing (or there is more than one).
    QString argumentMissing;
    // The names of the CLI's own options it takes: any other one given is a usage error.
    QStringList options;
    QList<Conflict> conflicts;
    // Its lines in --help: a synopsis and what it does (a command may have several forms).
    QList<std::pair<QString, QString>> help;
    // Runs it, with the parsed command line and the argument (empty if it takes none).
    std::function<void(const QCommandLineParser &parser, const QString &argument)> run;

    bool takes(const QCommandLineOption &option) const
    {
        return options.contains(option.names().constFirst());
    }
};

// --help's description: `summary`, then the commands, each form's synopsis and what it does in two
// columns (a synopsis too wide for the first has its text on the next line).
QString helpText(const QString &summary, const QList<Command> &commands);
// The commands' names as a list in words: "login, whoami, … or agent".
QString commandNames(const QList<Command> &commands);
// The commands that take an argument (for dashedValuesAsPositional()).
QStringList commandsWithValue(const QList<Command> &commands);

// What is wrong with the parsed command line, as a usage error's message; empty if nothing is. In
// this order: an option of `options` (the CLI's own) given to a command that does not take it;
// two options of the command that exclude each other; no command, or the wrong number of
// arguments; an unknown command. When it is empty, the first positional argument names a command.
QString usageProblem(const QCommandLineParser &parser, const QList<Command> &commands,
                     const QList<QCommandLineOption> &options);
// The command named `name`, or null.
const Command *findCommand(const QList<Command> &commands, const QString &name);

} // namespace countersign::cli
