// The CLI's command line: a value a person copies (a request ID, a device code, a prompt) may start
// with '-' and is still read as the command's value, while options keep working around it and a
// mistyped option elsewhere is still reported. Each case goes through a real QCommandLineParser set
// up as the CLI sets it up.
#include "cli/CommandLine.h"

#include <QCommandLineParser>
#include <QTest>

using namespace countersign;

namespace {

const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("json"));
const QCommandLineOption reason(QStringLiteral("reason"), QStringLiteral("reason"), QStringLiteral("TEXT"));
const QCommandLineOption provider(QStringLiteral("provider"), QStringLiteral("provider"),
                                  QStringLiteral("KIND"));
const QStringList valueCommands{QStringLiteral("approve"), QStringLiteral("deny"), QStringLiteral("device"),
                                QStringLiteral("agent")};

struct Parsed
{
    bool ok = false;
    QStringList positional;
    QString reason;
    bool json = false;
    QString error;
};

Parsed parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({json, reason, provider});
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("command"));
    Parsed parsed;
    parsed.ok = parser.parse(cli::dashedValuesAsPositional(
        QStringList{QStringLiteral("countersign-cli")} + arguments, {json, reason, provider}, valueCommands));
    parsed.positional = parser.positionalArguments();
    parsed.reason = parser.value(reason);
    parsed.json = parser.isSet(json);
    parsed.error = parser.errorText();
    return parsed;
}

} // namespace

class CliArgumentsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aRequestIdThatStartsWithADashIsTheId()
    {
        // The ID CI met: before, "Unknown options: F, 5, X, e, …".
        const Parsed parsed = parse({QStringLiteral("approve"), QStringLiteral("-F5Xe76mfFMg75Dn486FyQ")});
        QVERIFY2(parsed.ok, qPrintable(parsed.error));
        QCOMPARE(parsed.positional,
                 (QStringList{QStringLiteral("approve"), QStringLiteral("-F5Xe76mfFMg75Dn486FyQ")}));
    }

    void optionsAroundTheDashedIdStillWork()
    {
        const Parsed parsed =
            parse({QStringLiteral("--provider"), QStringLiteral("sandbox"), QStringLiteral("deny"),
                   QStringLiteral("--reason"), QStringLiteral("-1 is too many"), QStringLiteral("--xYz"),
                   QStringLiteral("--json")});
        QVERIFY2(parsed.ok, qPrintable(parsed.error));
        QCOMPARE(parsed.positional, (QStringList{QStringLiteral("deny"), QStringLiteral("--xYz")}));
        QCOMPARE(parsed.reason, QStringLiteral("-1 is too many"));
        QVERIFY(parsed.json);

        const Parsed inline_ =
            parse({QStringLiteral("approve"), QStringLiteral("--reason=ok"), QStringLiteral("-AbC")});
        QVERIFY2(inline_.ok, qPrintable(inline_.error));
        QCOMPARE(inline_.positional, (QStringList{QStringLiteral("approve"), QStringLiteral("-AbC")}));
        QCOMPARE(inline_.reason, QStringLiteral("ok"));
    }

    void aPromptThatStartsWithADashIsThePrompt()
    {
        const Parsed parsed =
            parse({QStringLiteral("agent"), QStringLiteral("--json"), QStringLiteral("-5 shares of ACME?")});
        QVERIFY2(parsed.ok, qPrintable(parsed.error));
        QCOMPARE(parsed.positional,
                 (QStringList{QStringLiteral("agent"), QStringLiteral("-5 shares of ACME?")}));
        QVERIFY(parsed.json);
    }

    void anExplicitDoubleDashKeepsItsMeaning()
    {
        const Parsed parsed =
            parse({QStringLiteral("approve"), QStringLiteral("--"), QStringLiteral("-F5Xe")});
        QVERIFY2(parsed.ok, qPrintable(parsed.error));
        QCOMPARE(parsed.positional, (QStringList{QStringLiteral("approve"), QStringLiteral("-F5Xe")}));
    }

    void otherCommandsStillReportAMistypedOption()
    {
        const Parsed inbox = parse({QStringLiteral("inbox"), QStringLiteral("--jsn")});
        QVERIFY(!inbox.ok);
        QVERIFY2(inbox.error.contains(QStringLiteral("jsn")), qPrintable(inbox.error));
        // Before any command word, too.
        const Parsed first =
            parse({QStringLiteral("--jsn"), QStringLiteral("approve"), QStringLiteral("abc")});
        QVERIFY(!first.ok);
    }

    void helpAndVersionStayOptions()
    {
        QCommandLineParser parser;
        parser.addHelpOption();
        parser.addVersionOption();
        const QStringList arguments{QStringLiteral("countersign-cli"), QStringLiteral("approve"),
                                    QStringLiteral("-h")};
        QCOMPARE(cli::dashedValuesAsPositional(arguments, {}, valueCommands), arguments);
    }
};

QTEST_GUILESS_MAIN(CliArgumentsTest)
#include "tst_cli_arguments.moc"
