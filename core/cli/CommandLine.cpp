#include "CommandLine.h"

namespace countersign::cli {

namespace {

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

} // namespace countersign::cli
