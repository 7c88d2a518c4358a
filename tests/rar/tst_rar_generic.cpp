// Unknown types, malformed input and summarize(): the generic key/value tree.

#include "RarTestSupport.h"

#include <QTest>

using namespace countersign;
using namespace rartest;

class RarGenericTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noDetailsMeansNoSections()
    {
        QVERIFY(rar::present(json()).isEmpty());
        QVERIFY(rar::present(json::array()).isEmpty());
        QCOMPARE(rar::summarize(json()), QString());
        QCOMPARE(rar::summarize(json::array()), QString());
    }

    void unknownTypeGetsHumanLabelsForCommonFields()
    {
        // RFC 9396 §2's example of a type the RFC itself does not define.
        const json entry = {{"type", "customer_information"},
                            {"locations", {"https://example.com/customers"}},
                            {"actions", {"read", "write"}},
                            {"datatypes", {"contacts", "photos"}}};
        const rar::Section section = only(entry);
        QVERIFY(!section.known);
        QCOMPARE(section.type, QStringLiteral("customer_information"));
        QCOMPARE(section.title, QStringLiteral("customer_information"));
        QVERIFY(section.note.isEmpty());
        QCOMPARE(rows(section), (QStringList{"Actions: read, write", "Data types: contacts, photos",
                                             "Locations: https://example.com/customers"}));
        QCOMPARE(section.summary,
                 QStringLiteral("customer_information — Actions: read, write · Data types: "
                                "contacts, photos · Locations: https://example.com/customers"));
    }

    void genericTreeNestsInKeyOrderWithDepth()
    {
        const json entry = {{"type", "x"},
                            {"b", {{"z", 1}, {"a", {true, nullptr, "s", -2.5, 12345678901234567890ull}}}},
                            {"a", "text"},
                            {"c", {{"identifier", "deep keys keep their names"}}}};
        const rar::Section section = only(entry);
        QCOMPARE(rows(section), (QStringList{"a: text", "b: ", "  a: ", "    1: true", "    2: null",
                                             "    3: s", "    4: -2.5", "    5: 12345678901234567890",
                                             "  z: 1", "c: ", "  identifier: deep keys keep their names"}));
        QCOMPARE(section.fields.at(2).depth, 1);
        QCOMPARE(section.fields.at(3).depth, 2);
    }

    void genericTreeShowsEmptyValues()
    {
        const json entry = {
            {"type", "x"}, {"o", json::object()},          {"l", json::array()},        {"s", ""},
            {"", 1},       {"actions", json::array({""})}, {"datatypes", json::array()}};
        QCOMPARE(rows(only(entry)), (QStringList{"(empty name): 1", "Actions: ", "Data types: (empty)",
                                                 "l: (empty)", "o: (empty)", "s: "}));
    }

    void commonFieldOfAnotherFormIsATreeWithItsLabel()
    {
        const json entry = {{"type", "x"}, {"locations", {{"url", "https://a.example"}}}};
        QCOMPARE(rows(only(entry)), (QStringList{"Locations: ", "  url: https://a.example"}));
    }

    void summaryOfAnUnknownTypeListsItsMembers()
    {
        const json entry = {{"type", "photo-api"},
                            {"album", "Holidays"},
                            {"count", 12},
                            {"tags", {"sea", "sun"}},
                            {"geo", {{"lat", 1}}}};
        QCOMPARE(only(entry).summary, QStringLiteral("photo-api — album: Holidays · count: 12 · geo: "
                                                     "{\"lat\":1} · tags: sea, sun"));
    }

    void detailsThatAreNotAnArrayAreShownGenerically()
    {
        const json details = {
            {"type", "trade_authorization"}, {"action", "buy"}, {"ticker", "ACME"}, {"qty", 3}};
        const QList<rar::Section> sections = rar::present(details, english());
        QCOMPARE(sections.size(), 1);
        const rar::Section &section = sections.first();
        QVERIFY(!section.known);
        QCOMPARE(section.title, QStringLiteral("Unexpected authorization details"));
        QVERIFY(!section.note.isEmpty());
        QCOMPARE(rows(section),
                 (QStringList{"action: buy", "qty: 3", "ticker: ACME", "type: trade_authorization"}));
        QCOMPARE(rar::summarize(details, english()), section.summary);
        QCOMPARE(rar::present(json("just text")).first().fields.first().value, QStringLiteral("just text"));
    }

    void entriesThatAreNotObjectsAreShownGenerically()
    {
        const json details = {"hello", 3, {1, {2, 3}}, nullptr};
        const QList<rar::Section> sections = rar::present(details, english());
        QCOMPARE(sections.size(), 4);
        for (const rar::Section &section : sections) {
            QVERIFY(!section.known);
            QCOMPARE(section.title, QStringLiteral("Unexpected entry"));
            QVERIFY(!section.note.isEmpty());
        }
        QCOMPARE(rows(sections.at(0)), (QStringList{"Value: hello"}));
        QCOMPARE(rows(sections.at(1)), (QStringList{"Value: 3"}));
        QCOMPARE(rows(sections.at(2)), (QStringList{"1: 1", "2: ", "  1: 2", "  2: 3"}));
        QCOMPARE(rows(sections.at(3)), (QStringList{"Value: null"}));
        QCOMPARE(sections.at(2).summary, QStringLiteral("Unexpected entry — [1,[2,3]]"));
    }

    void entryWithoutATypeIsShownGenerically()
    {
        const json details = {{{"amount", 5}}, {{"type", 7}, {"amount", 6}}};
        const QList<rar::Section> sections = rar::present(details, english());
        QCOMPARE(sections.size(), 2);
        QCOMPARE(sections.at(0).title, QStringLiteral("Details without a type"));
        QVERIFY(sections.at(0).type.isEmpty());
        QCOMPARE(rows(sections.at(0)), (QStringList{"amount: 5"}));
        QCOMPARE(rows(sections.at(1)),
                 (QStringList{"amount: 6", "type: 7"})); // a type that is no string is data
    }

    void summarizeShowsOneEntry()
    {
        QCOMPARE(rar::summarize(json::array({trade()}), english()),
                 QStringLiteral("Buy 3 ACME at market price"));
    }

    void summarizeJoinsTwoEntriesAndCountsTheRest()
    {
        json details = json::array({trade(), payment()});
        QCOMPARE(rar::summarize(details, english()),
                 QStringLiteral("Buy 3 ACME at market price; Pay €1,234.50 to Erika Mustermann"));
        details.push_back({{"type", "x"}});
        details.push_back({{"type", "y"}});
        QCOMPARE(rar::summarize(details, english()),
                 QStringLiteral("Buy 3 ACME at market price; Pay €1,234.50 to Erika Mustermann; +2 more"));
    }

    void summarizeKeepsBothEntriesVisibleWhenOneIsLong()
    {
        json longPayment = payment();
        longPayment["creditorName"] = std::string(1000, 'N');
        const json details = json::array({longPayment, trade(), trade()});
        const QString line = rar::summarize(details, english());
        QVERIFY2(codePoints(line) <= rar::limits::summaryChars, qPrintable(line));
        QVERIFY2(line.startsWith(QStringLiteral("Pay €1,234.50 to NNN")), qPrintable(line));
        QVERIFY2(line.endsWith(QStringLiteral("N…; Buy 3 ACME at market price; +1 more")), qPrintable(line));
        QCOMPARE(codePoints(line), rar::limits::summaryChars);
    }
};

QTEST_GUILESS_MAIN(RarGenericTest)
#include "tst_rar_generic.moc"
