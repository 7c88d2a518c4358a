// The CLI's terminal output: everything written through the guard comes out as visible text, JSON
// keeps its values exactly while holding nothing a terminal acts on, and server text in a line
// stays on that line.
#include "TestEnvironment.h"
#include "cli/Console.h"

#include <QBuffer>
#include <QTest>

using namespace countersign;

class CliConsoleTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void guardShowsEveryControlAndFormatCharacterVisibly()
    {
        QBuffer target;
        QVERIFY(target.open(QIODevice::WriteOnly));
        cli::TerminalGuard guard(&target);
        QTextStream stream(&guard);
        stream << QString::fromUtf8("\x1b]0;pwned\x07\x1b[2J\xc2\x9b"
                                    "31mred\x7f\xe2\x80\xae"
                                    "gnp.exe\tok\r\nnext line\n")
               << Qt::flush;
        QCOMPARE(
            QString::fromUtf8(target.data()),
            QStringLiteral(
                "⟨U+001B⟩]0;pwned⟨U+0007⟩⟨U+001B⟩[2J⟨U+009B⟩31mred⟨U+007F⟩⟨U+202E⟩gnp.exe ok\nnext line\n"));
        QVERIFY(test::terminalControlsIn(target.data()).isEmpty());
    }

    // QTextStream writes whenever its buffer fills: a character may arrive in two writes.
    void guardHoldsACharacterSplitAcrossWrites()
    {
        QBuffer target;
        QVERIFY(target.open(QIODevice::WriteOnly));
        cli::TerminalGuard guard(&target);
        const QByteArray override = "\xe2\x80\xae"; // U+202E
        QCOMPARE(guard.write(override.left(2)), qint64(2));
        QCOMPARE(guard.write(override.mid(2) + "x"), qint64(2));
        QCOMPARE(QString::fromUtf8(target.data()), QStringLiteral("⟨U+202E⟩x"));
    }

    void jsonKeepsItsValuesAndEscapesWhatATerminalWouldActOn()
    {
        const std::string hostile = "\x1b[2J\x07\xc2\x9b\x7f\xe2\x80\xae\xe2\x80\xa8\xf3\xa0\x80\x81"
                                    "caf\xc3\xa9 \xe2\x82\xac";
        const nlohmann::ordered_json value{{"text", hostile}, {"list", {hostile, 1}}};
        for (const int indent : {-1, 2}) {
            const QString text = cli::jsonText(value, indent);
            QVERIFY2(test::terminalControlsIn(text.toUtf8()).isEmpty(), qPrintable(text));
            QVERIFY2(!text.contains(QChar(0x2028)), qPrintable(text));
            QVERIFY(nlohmann::ordered_json::parse(text.toStdString()) == value);
            // Printable text stays as it is; the rest as \u escapes, as a JSON writer would.
            QVERIFY2(text.contains(
                         QStringLiteral("\\u001b[2J\\u0007\\u009b\\u007f\\u202e\\u2028\\udb40\\udc01café €")),
                     qPrintable(text));
        }
        QCOMPARE(cli::jsonText(nlohmann::json::array({1, 2}), 2), QStringLiteral("[\n  1,\n  2\n]"));
        // Invalid UTF-8 in a value does not throw: it is replaced.
        QCOMPARE(cli::jsonText(nlohmann::json("a\xff"
                                              "b")),
                 QStringLiteral("\"a\uFFFDb\""));
    }

    void serverTextInALineStaysOnThatLine()
    {
        QCOMPARE(cli::inLine(QString::fromUtf8("denied\nSigned in as admin\x1b[0m")),
                 QStringLiteral("denied⏎Signed in as admin⟨U+001B⟩[0m"));
        QCOMPARE(cli::inLine(QStringLiteral("abcdef"), 4), QStringLiteral("abc…"));
    }
};

QTEST_GUILESS_MAIN(CliConsoleTest)
#include "tst_cli_console.moc"
