#include "CommandLine.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <algorithm>

namespace countersign::cli {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)
};

// --help: the width of the synopsis column, and the indent before each column.
constexpr qsizetype kSynopsisWidth = 28;
constexpr qsizetype kIndent = 2;

// "--reason=x" → "reason", "-h" → "h", "-F5Xe" → "F5Xe".
QString optionName(const QString &argument)
{
    const QString name = argument.mid(argument.startsWith(u"--") ? 2 : 1);
    return name.left(name.indexOf(u'='));
}

} // namespace

QStringList dashedValuesAsPositional(const QStringList &arguments, const QList<QCommandLineOption> &options,
                                     const QStringList &commandsWithValue)
{
    QStringList flags{QStringLiteral("h"),        QStringLiteral("?"), QStringLiteral("help"),
                      QStringLiteral("help-all"), QStringLiteral("v"), QStringLiteral("version")};
    QStringList takingValue;
    for (const QCommandLineOption &option : options)
        (option.valueName().isEmpty() ? flags : takingValue) << option.names();

    QStringList kept = arguments.mid(0, 1); // the program
    QStringList moved;
    QStringList afterDoubleDash;
    QString command;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == u"--") {
            afterDoubleDash = arguments.mid(i + 1);
            break;
        }
        if (argument.size() < 2 || !argument.startsWith(u'-')) { // a word, or "-" alone
            if (command.isNull())
                command = argument;
            kept << argument;
            continue;
        }
        const QString name = optionName(argument);
        if (takingValue.contains(name)) {
            kept << argument;
            if (!argument.contains(u'=') && i + 1 < arguments.size())
                kept << arguments.at(++i);
            continue;
        }
        if (flags.contains(name) || command.isNull() || !commandsWithValue.contains(command)) {
            kept << argument;
            continue;
        }
        moved << argument;
    }
    if (moved.isEmpty())
        return arguments;
    return kept + QStringList{QStringLiteral("--")} + moved + afterDoubleDash;
}

QString helpText(const QString &summary, const QList<Command> &commands)
{
    const QString indent(kIndent, u' ');
    QString text = summary + QStringLiteral("\n\n") + Tr::tr("Commands:");
    for (const Command &command : commands) {
        for (const auto &[synopsis, what] : command.help) {
            text += u'\n' + indent + synopsis;
            if (synopsis.size() > kSynopsisWidth)
                text += u'\n' + QString(kIndent + kSynopsisWidth, u' ');
            else
                text += QString(kSynopsisWidth - synopsis.size(), u' ');
            text += indent + what;
        }
    }
    return text;
}

QString commandNames(const QList<Command> &commands)
{
    QStringList names;
    for (const Command &command : commands)
        names << command.name;
    const QString last = names.takeLast();
    return Tr::tr("%1 or %2").arg(names.join(u", "), last);
}

QStringList commandsWithValue(const QList<Command> &commands)
{
    QStringList names;
    for (const Command &command : commands)
        if (!command.argument.isEmpty())
            names << command.name;
    return names;
}

const Command *findCommand(const QList<Command> &commands, const QString &name)
{
    const auto found = std::find_if(commands.cbegin(), commands.cend(),
                                    [&name](const Command &command) { return command.name == name; });
    return found == commands.cend() ? nullptr : &*found;
}

QString usageProblem(const QCommandLineParser &parser, const QList<Command> &commands,
                     const QList<QCommandLineOption> &options)
{
    const QStringList positional = parser.positionalArguments();
    const QString name = positional.value(0);
    const Command *command = findCommand(commands, name);
    for (const QCommandLineOption &option : options) {
        if (!parser.isSet(option) || (command && command->takes(option)))
            continue;
        QStringList takenBy;
        for (const Command &other : commands)
            if (other.takes(option))
                takenBy << other.name;
        return Tr::tr("--%1 only applies to \"%2\".")
            .arg(option.names().constFirst(), takenBy.join(u"\", \""));
    }
    if (command) {
        for (const Command::Conflict &conflict : command->conflicts)
            if (parser.isSet(conflict.first) && parser.isSet(conflict.second))
                return conflict.message;
    }
    const bool takesArgument = command && !command->argument.isEmpty();
    if (positional.size() != (takesArgument ? 2 : 1))
        return takesArgument ? command->argumentMissing
                             : Tr::tr("Give one command: %1. See --help.").arg(commandNames(commands));
    if (!command)
        return Tr::tr("Unknown command \"%1\". See --help.").arg(name);
    return {};
}

} // namespace countersign::cli
