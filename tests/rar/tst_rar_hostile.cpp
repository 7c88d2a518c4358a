// Hostile authorization_details: markup, invisible and direction-changing characters, broken
// encodings, huge values, deep nesting, huge breadth.

#include "RarTestSupport.h"

#include <QTest>

using namespace countersign;
using namespace rartest;

namespace {

QString marker(const char *hex)
{
    return QStringLiteral("⟨U+") + QLatin1String(hex) + QStringLiteral("⟩");
}

json withCreditor(const std::string &name)
{
    json entry = payment();
    entry["creditorName"] = name;
    return entry;
}

} // namespace

class RarHostileInputTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void markupStaysLiteralText()
    {
        const std::string markup = "<b>Bank</b> <img src=\"https://evil.example/x.png\"> <a "
                                   "href=\"https://evil.example\">click</a> &amp;";
        const rar::Section section = only(withCreditor(markup));
        QVERIFY(section.known);
        QCOMPARE(section.fields.at(1).value, QString::fromStdString(markup));
        QCOMPARE(section.summary, QStringLiteral("Pay €1,234.50 to ") + QString::fromStdString(markup));
    }

    void markupInKeysAndTypesStaysLiteralText()
    {
        const rar::Section section = only({{"type", "<h1>Official</h1>"}, {"<b>amount</b>", "<img src=x>"}});
        QCOMPARE(section.title, QStringLiteral("<h1>Official</h1>"));
        QCOMPARE(rows(section), (QStringList{"<b>amount</b>: <img src=x>"}));
    }

    void lookAlikeOfAKnownTypeIsNotTreatedAsKnown()
    {
        json entry = trade();
        entry["type"] = "trade_authorization\u200B";
        const rar::Section section = only(entry);
        QVERIFY(!section.known);
        QCOMPARE(section.title, QStringLiteral("trade_authorization⟨U+200B⟩"));
        QCOMPARE(rows(section), (QStringList{"action: buy", "qty: 3", "ticker: ACME"}));
    }

    void directionControlsBecomeVisibleMarkers_data()
    {
        QTest::addColumn<uint>("codePoint");
        QTest::addColumn<QString>("hex");
        for (uint cp : {0x202Au, 0x202Bu, 0x202Cu, 0x202Du, 0x202Eu, 0x2066u, 0x2067u, 0x2068u, 0x2069u,
                        0x200Eu, 0x200Fu, 0x061Cu})
            QTest::addRow("U+%04X", cp) << cp << QString::number(cp, 16).toUpper().rightJustified(4, u'0');
    }

    void directionControlsBecomeVisibleMarkers()
    {
        QFETCH(uint, codePoint);
        QFETCH(QString, hex);
        const QString raw = QStringLiteral("Bob") + QChar(char16_t(codePoint)) + QStringLiteral("exe.pdf");
        const QString expected = QStringLiteral("Bob⟨U+") + hex + QStringLiteral("⟩exe.pdf");
        QCOMPARE(rar::plainText(raw), expected);
        QCOMPARE(rar::displayText(raw, 200), expected);
        const rar::Section section = only(withCreditor(raw.toStdString()));
        QCOMPARE(section.fields.at(1).value, expected);
        QCOMPARE(section.summary, QStringLiteral("Pay €1,234.50 to ") + expected);
    }

    void invisibleCharactersBecomeVisibleMarkers_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QString>("expected");
        QTest::newRow("zero width space") << QStringLiteral("a\u200Bb") << "a" + marker("200B") + "b";
        QTest::newRow("zero width non-joiner") << QStringLiteral("a\u200Cb") << "a" + marker("200C") + "b";
        QTest::newRow("zero width joiner") << QStringLiteral("a\u200Db") << "a" + marker("200D") + "b";
        QTest::newRow("word joiner") << QStringLiteral("a\u2060b") << "a" + marker("2060") + "b";
        QTest::newRow("byte order mark") << QStringLiteral("\uFEFFab") << marker("FEFF") + "ab";
        QTest::newRow("soft hyphen") << QStringLiteral("a\u00ADb") << "a" + marker("00AD") + "b";
        QTest::newRow("Hangul filler") << QStringLiteral("a\u3164b") << "a" + marker("3164") + "b";
        QTest::newRow("tag letter (invisible ASCII)")
            << QStringLiteral("a") + QString::fromUcs4(U"\U000E0041") + QStringLiteral("b")
            << "a" + marker("E0041") + "b";
    }

    void invisibleCharactersBecomeVisibleMarkers()
    {
        QFETCH(QString, raw);
        QFETCH(QString, expected);
        QCOMPARE(rar::plainText(raw), expected);
        const rar::Section section = only({{"type", "x"}, {"note", raw.toStdString()}});
        QCOMPARE(section.fields.first().value, expected);
    }

    void controlCharactersBecomeVisibleMarkers_data()
    {
        QTest::addColumn<uint>("codePoint");
        QTest::addColumn<QString>("hex");
        for (uint cp : {0x00u, 0x07u, 0x08u, 0x1Bu, 0x7Fu, 0x80u, 0x85u, 0x9Bu})
            QTest::addRow("U+%04X", cp) << cp << QString::number(cp, 16).toUpper().rightJustified(4, u'0');
    }

    void controlCharactersBecomeVisibleMarkers()
    {
        QFETCH(uint, codePoint);
        QFETCH(QString, hex);
        const QString raw = QStringLiteral("a") + QChar(char16_t(codePoint)) + QStringLiteral("[31mb");
        const QString expected = QStringLiteral("a⟨U+") + hex + QStringLiteral("⟩[31mb");
        QCOMPARE(rar::plainText(raw), expected);
        std::string utf8 = raw.toStdString(); // keeps the NUL
        const rar::Section section = only({{"type", "x"}, {"note", utf8}});
        QCOMPARE(section.fields.first().value, expected);
    }

    void lineBreaksStayInFullValueOnly()
    {
        const QString raw = QStringLiteral("a\nb\r\nc\rd\u2028e\u2029f\tg");
        QCOMPARE(rar::plainText(raw), QStringLiteral("a\nb\nc\nd\ne\nf g"));
        QCOMPARE(rar::displayText(raw, 200), QStringLiteral("a⏎b⏎c⏎d⏎e⏎f g"));
        const rar::Section section = only({{"type", "x"}, {"memo", raw.toStdString()}});
        QCOMPARE(section.fields.first().value, QStringLiteral("a⏎b⏎c⏎d⏎e⏎f g"));
        QCOMPARE(section.fields.first().fullValue, QStringLiteral("a\nb\nc\nd\ne\nf g"));
        QVERIFY(!section.fields.first().truncated);
        QCOMPARE(section.summary, QStringLiteral("x — memo: a⏎b⏎c⏎d⏎e⏎f g"));
    }

    void loneSurrogatesBecomeReplacementCharacters()
    {
        QString raw = QStringLiteral("a");
        raw += QChar(char16_t(0xD800));
        raw += QStringLiteral("b");
        raw += QChar(char16_t(0xDC00));
        raw += QString::fromUcs4(U"\U0001F600"); // a real pair stays
        raw += QChar(char16_t(0xD83D));          // high surrogate at the very end
        QCOMPARE(rar::plainText(raw), QStringLiteral("a\uFFFDb\uFFFD") + QString::fromUcs4(U"\U0001F600") +
                                          QStringLiteral("\uFFFD"));
    }

    void invalidUtf8BecomesReplacementCharacters()
    {
        // Only JSON built in memory can hold these (the parser refuses them); nothing may throw.
        const std::string broken = "ab\xff\xfe"
                                   "cd\xed\xa0\x80"
                                   "e";
        json entry = {{"type", "x"}, {"s", broken}, {"nested", {{"deeper", {broken}}}}};
        entry[broken] = broken;
        const rar::Section section = only(entry);
        const QString replaced = QStringLiteral("ab\uFFFD\uFFFDcd\uFFFD\uFFFD\uFFFDe");
        QVERIFY2(rows(section).contains(QStringLiteral("s: ") + replaced),
                 qPrintable(rows(section).join(u'|')));
        QVERIFY(rows(section).contains(replaced + QStringLiteral(": ") + replaced));
        QVERIFY(!section.summary.isEmpty());

        // The same inside a subtree that is shown as JSON text.
        json deep = nestedArrays(20);
        json *innermost = &deep;
        while (!innermost->empty())
            innermost = &innermost->front();
        innermost->push_back(broken);
        const rar::Section deepSection = only({{"type", "x"}, {"deep", std::move(deep)}});
        QVERIFY(deepSection.fields.last().fullValue.contains(QStringLiteral("[\"ab\uFFFD\uFFFDcd")));
        QVERIFY(!rar::summarize(json::array({entry}), english()).isEmpty());
    }

    void hugeStringIsCutForDisplayAndCompleteInFullValue_data()
    {
        QTest::addColumn<int>("size");
        QTest::newRow("100 KB") << 100'000;
        QTest::newRow("1 MB") << 1'000'000;
    }

    void hugeStringIsCutForDisplayAndCompleteInFullValue()
    {
        QFETCH(int, size);
        const std::string huge(std::size_t(size), 'A');
        const rar::Section section = only(withCreditor(huge));
        QVERIFY(section.known);
        const rar::Field &creditor = section.fields.at(1);
        QVERIFY(creditor.truncated);
        QCOMPARE(codePoints(creditor.value), rar::limits::valueChars);
        QCOMPARE(creditor.value, QString(rar::limits::valueChars - 1, u'A') + QStringLiteral("…"));
        QCOMPARE(creditor.fullValue.size(), qsizetype(size));
        QCOMPARE(codePoints(section.summary), rar::limits::summaryChars);
        QVERIFY(section.summary.startsWith(QStringLiteral("Pay €1,234.50 to AAAA")));
        QVERIFY(section.summary.endsWith(QStringLiteral("A…")));
        QCOMPARE(codePoints(rar::summarize(json::array({withCreditor(huge)}), english())),
                 rar::limits::summaryChars);

        const rar::Section generic = only({{"type", "x"}, {"blob", huge}});
        QVERIFY(generic.fields.first().truncated);
        QCOMPARE(generic.fields.first().fullValue.size(), qsizetype(size));
        QVERIFY(codePoints(generic.summary) <= rar::limits::summaryChars);
    }

    void hugeTypeAndKeyAreCutAndKept()
    {
        const std::string type(100'000, 't');
        const std::string key(100'000, 'k');
        const rar::Section section = only({{"type", type}, {key, 1}});
        QCOMPARE(section.title, QString(rar::limits::labelChars - 1, u't') + QStringLiteral("…"));
        QCOMPARE(codePoints(section.type), rar::limits::valueChars);
        QCOMPARE(section.fields.size(), 2);
        QCOMPARE(section.fields.at(0).label, QStringLiteral("Type"));
        QCOMPARE(section.fields.at(0).fullValue, QString::fromStdString(type));
        QCOMPARE(section.fields.at(1).label,
                 QString(rar::limits::labelChars - 1, u'k') + QStringLiteral("…"));
        QVERIFY(codePoints(section.summary) <= rar::limits::summaryChars);
    }

    void cuttingNeverSplitsAMarkerOrACharacter()
    {
        bool truncated = false;
        QCOMPARE(rar::displayText(QStringLiteral("abcd\u202Eefgh"), 8, &truncated), QStringLiteral("abcd…"));
        QVERIFY(truncated);
        const QString faces = QStringLiteral("a") + QString::fromUcs4(U"\U0001F600\U0001F600");
        QCOMPARE(rar::displayText(faces, 3, &truncated), faces);
        QVERIFY(!truncated);
        QCOMPARE(rar::displayText(faces, 2, &truncated), QStringLiteral("a…"));
        QVERIFY(truncated);
        QCOMPARE(rar::displayText(QStringLiteral("abc"), 0, &truncated), QString());
        QVERIFY(truncated);
    }

    void deepNestingIsCutAtTheDepthLimit()
    {
        const rar::Section section = only({{"type", "x"}, {"deep", nestedArrays(10'000)}});
        QCOMPARE(section.fields.size(), rar::limits::depth);
        for (int depth = 0; depth < rar::limits::depth; ++depth)
            QCOMPARE(section.fields.at(depth).depth, depth);
        const rar::Field &last = section.fields.last();
        QCOMPARE(last.label, QStringLiteral("1"));
        QVERIFY(last.truncated);
        const QString prefix = QStringLiteral("9,992 more levels not shown: ");
        QCOMPARE(last.value,
                 prefix + QString(rar::limits::valueChars - 1 - prefix.size(), u'[') + QStringLiteral("…"));
        QCOMPARE(last.fullValue, QString(9'993, u'[') + QString(9'993, u']'));
        QVERIFY(codePoints(section.summary) <= rar::limits::summaryChars);
    }

    void deepNestingOfObjectsIsCutAtTheDepthLimit()
    {
        const rar::Section section = only({{"type", "x"}, {"k", nestedObjects(10'000)}});
        QCOMPARE(section.fields.size(), rar::limits::depth);
        QCOMPARE(section.fields.last().value.left(30), QStringLiteral("9,993 more levels not shown: {"));
        const QString &json = section.fields.last().fullValue;
        QCOMPARE(json.count(u'{'), 9'993);
        QVERIFY(json.contains(QStringLiteral("{\"k\":{\"k\":\"bottom\"}}}")));
    }

    void shallowNestingAtTheLimitIsNotCut()
    {
        // Eight levels of rows fit: the value at depth 7 is a scalar.
        const rar::Section section = only({{"type", "x"}, {"k", nestedObjects(7)}});
        QCOMPARE(section.fields.size(), 8);
        QCOMPARE(section.fields.last().depth, 7);
        QCOMPARE(section.fields.last().value, QStringLiteral("bottom"));
        // One more level and the last container is shown as JSON.
        const rar::Section deeper = only({{"type", "x"}, {"k", nestedObjects(8)}});
        QCOMPARE(deeper.fields.size(), 8);
        QCOMPARE(deeper.fields.last().value, QStringLiteral("1 more level not shown: {\"k\":\"bottom\"}"));
    }

    void extremeNestingDoesNotExhaustTheStack()
    {
        json details = json::array();
        details.push_back({{"type", "x"}});
        details.back()["deep"] = nestedArrays(200'000);
        details.push_back(nestedObjects(200'000));
        const QList<rar::Section> sections = rar::present(details, english());
        QCOMPARE(sections.size(), 2);
        QCOMPARE(sections.at(1).title, QStringLiteral("Details without a type"));
        QCOMPARE(sections.at(1).fields.size(), rar::limits::depth);
        QVERIFY(codePoints(rar::summarize(details, english())) <= rar::limits::summaryChars);
    }

    void hugeBreadthIsCappedWithACountRow()
    {
        json entry = {{"type", "x"}};
        for (int i = 0; i < 100'000; ++i)
            entry[QStringLiteral("k%1").arg(i, 6, 10, QChar(u'0')).toStdString()] = i;
        const rar::Section section = only(entry);
        QCOMPARE(section.fields.size(), rar::limits::fields + 1);
        QCOMPARE(section.fields.first().label, QStringLiteral("k000000"));
        QCOMPARE(section.fields.at(rar::limits::fields - 1).label, QStringLiteral("k000499"));
        const rar::Field &more = section.fields.last();
        QCOMPARE(more.label, QStringLiteral("Not shown"));
        QCOMPARE(more.value, QStringLiteral("99,500 more fields not shown"));
        QVERIFY(more.truncated);
        QVERIFY(more.fullValue.startsWith(QStringLiteral("{\"k000000\":0,")));
        QVERIFY(more.fullValue.endsWith(QStringLiteral("\"k099999\":99999,\"type\":\"x\"}")));
        QVERIFY(codePoints(section.summary) <= rar::limits::summaryChars);
    }

    void countRowCountsNestedRows()
    {
        json entry = {{"type", "x"}};
        for (int i = 0; i < 600; ++i)
            entry[QStringLiteral("k%1").arg(i, 3, 10, QChar(u'0')).toStdString()] = {{"a", 1}, {"b", 2}};
        const rar::Section section = only(entry);
        QCOMPARE(section.fields.size(), rar::limits::fields + 1);
        QCOMPARE(section.fields.last().value, QStringLiteral("1,300 more fields not shown")); // 1800 − 500
    }

    void manyEntriesAreCappedWithACountSection()
    {
        json details = json::array();
        for (int i = 0; i < 60; ++i)
            details.push_back({{"type", "x"}, {"i", i}});
        const QList<rar::Section> sections = rar::present(details, english());
        QCOMPARE(sections.size(), rar::limits::sections + 1);
        const rar::Section &more = sections.last();
        QCOMPARE(more.title, QStringLiteral("More entries"));
        QCOMPARE(more.summary, QStringLiteral("10 more entries not shown"));
        QVERIFY(!more.note.isEmpty());
        QCOMPARE(more.fields.size(), 1);
        QVERIFY(more.fields.first().fullValue.startsWith(QStringLiteral("[{\"i\":50,\"type\":\"x\"},")));
        QVERIFY(more.fields.first().fullValue.endsWith(QStringLiteral("{\"i\":59,\"type\":\"x\"}]")));
        QVERIFY(rar::summarize(details, english()).endsWith(QStringLiteral("; +58 more")));
    }

    void hugeNumbersAreShownAsSent()
    {
        json entry = trade();
        entry["qty"] = 1e300;
        const rar::Section section = only(entry);
        QVERIFY(!section.known);
        QVERIFY(rows(section).contains(QStringLiteral("qty: 1e+300")));
        entry["qty"] = 18446744073709551615ull;
        QVERIFY(rows(only(entry)).contains(QStringLiteral("qty: 18446744073709551615")));
    }
};

QTEST_GUILESS_MAIN(RarHostileInputTest)
#include "tst_rar_hostile.moc"
