// A tool's answer as the chat shows it: each answer of the sandbox's APIs in its shape (receipt,
// free/busy, list, record), anything else as a tree, and server text always plain and bounded.
#include "agent/ToolResultView.h"

#include <QDateTime>
#include <QTest>

using namespace countersign::agent;
using Kind = ToolResultView::Kind;
using json = nlohmann::json;

namespace {

QStringList labels(const ToolResultView &view)
{
    QStringList out;
    for (const auto &field : view.fields)
        out << field.label + QStringLiteral("=") + field.value;
    return out;
}

} // namespace

class ToolResultViewTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aStockOrderIsAReceipt()
    {
        // As the sandbox's stock API answers a filled order (sandbox/lib/apis/stock-api.mjs).
        const auto view = ToolResultView::from(json::parse(R"({
            "id": "ord_x1", "account": "alice", "client_id": "countersign-agent", "action": "buy",
            "ticker": "ACME", "qty": 3, "price": 12.5, "currency": "USD", "total": 37.5,
            "status": "filled", "created_at": "2026-12-07T10:00:00.000Z"})"));
        QCOMPARE(view.kind, Kind::Receipt);
        QCOMPARE(view.title, QStringLiteral("Bought 3 ACME"));
        QCOMPARE(labels(view), (QStringList{"Price=12.5 USD", "Total=37.5 USD", "Status=filled",
                                            "Created at=2026-12-07T10:00:00.000Z", "Order=ord_x1"}));
        json sell = json::parse(R"({"id": "ord_x2", "action": "sell", "ticker": "ACME", "qty": 1})");
        QCOMPARE(ToolResultView::from(sell).title, QStringLiteral("Sold 1 ACME"));
    }

    void aPaymentIsAReceipt()
    {
        const auto view = ToolResultView::from(json::parse(R"({
            "id": "pay_y1", "account": "alice", "client_id": "countersign-agent", "amount": "25.00",
            "currency": "EUR", "creditor": "Erika Mustermann", "status": "executed",
            "created_at": "2026-12-07T10:00:00.000Z"})"));
        QCOMPARE(view.kind, Kind::Receipt);
        QCOMPARE(view.title, QStringLiteral("Paid 25.00 EUR to Erika Mustermann"));
        QCOMPARE(labels(view),
                 (QStringList{"Status=executed", "Created at=2026-12-07T10:00:00.000Z", "Payment=pay_y1"}));
    }

    void freeBusyIsATimeTableInOrder()
    {
        const auto view = ToolResultView::from(json::parse(R"({
            "date": "2026-12-08", "timezone": "UTC",
            "busy": [{"start": "2026-12-08T09:00:00Z", "end": "2026-12-08T09:30:00Z"}],
            "free": [{"start": "2026-12-08T00:00:00Z", "end": "2026-12-08T09:00:00Z"},
                     {"start": "2026-12-08T09:30:00Z", "end": "2026-12-09T00:00:00Z"}]})"));
        QCOMPARE(view.kind, Kind::TimeTable);
        QCOMPARE(view.title, QStringLiteral("2026-12-08"));
        QCOMPARE(view.times.size(), 3);
        QCOMPARE(view.times[0].from, QStringLiteral("00:00"));
        QVERIFY(!view.times[0].busy);
        QCOMPARE(view.times[1].from, QStringLiteral("09:00"));
        QCOMPARE(view.times[1].to, QStringLiteral("09:30"));
        QVERIFY(view.times[1].busy);
        QCOMPARE(view.times[2].to, QStringLiteral("00:00"));
        // A "busy" list of something else is no time table.
        QCOMPARE(ToolResultView::from(json::parse(R"({"busy": [1, 2]})")).kind, Kind::Tree);
    }

    void aHugeFreeBusyIsSortedAndCut()
    {
        // A day cut into 20,000 slots, sent newest first: sorted, capped, the rest counted.
        json busy = json::array();
        for (int i = 20'000; i-- > 0;) {
            const QDateTime at = QDateTime(QDate(2026, 12, 8), QTime(0, 0), Qt::UTC).addSecs(i * 4);
            busy.push_back({{"start", at.toString(Qt::ISODate).toStdString()},
                            {"end", at.addSecs(4).toString(Qt::ISODate).toStdString()}});
        }
        const auto view = ToolResultView::from(json{{"date", "2026-12-08"}, {"busy", busy}});
        QCOMPARE(view.kind, Kind::TimeTable);
        QCOMPARE(view.times.size(), 96);
        QCOMPARE(view.omitted, 20'000 - 96);
        QCOMPARE(view.times[0].from, QStringLiteral("00:00"));
        QCOMPARE(view.times[1].from, QStringLiteral("00:00")); // 4 s later, same minute
    }

    void documentsAreAList()
    {
        const auto view = ToolResultView::from(json::parse(R"({
            "query": "roadmap",
            "documents": [{"id": "doc-1", "title": "Roadmap 2026", "owner": "alice", "snippet": "Q1: inbox"},
                          {"id": "doc-2", "name": "Budget"}]})"));
        QCOMPARE(view.kind, Kind::List);
        QCOMPARE(view.title, QStringLiteral("Documents"));
        QCOMPARE(view.items.size(), 2);
        QCOMPARE(view.items[0].title, QStringLiteral("Roadmap 2026"));
        QCOMPARE(view.items[0].detail, QStringLiteral("Id: doc-1 · Snippet: Q1: inbox"));
        QCOMPARE(view.items[1].title, QStringLiteral("Budget"));
        // An empty list, or two lists, say more as a tree.
        QCOMPARE(ToolResultView::from(json::parse(R"({"documents": []})")).kind, Kind::Tree);
        QCOMPARE(ToolResultView::from(json::parse(R"({"a": [{"x": 1}], "b": [{"y": 2}]})")).kind, Kind::Tree);
    }

    void aLongListIsCutAndSaysHowMuch()
    {
        json documents = json::array();
        for (int i = 0; i < 10'000; ++i)
            documents.push_back({{"title", "doc " + std::to_string(i)}});
        const auto view = ToolResultView::from(json{{"documents", documents}});
        QCOMPARE(view.kind, Kind::List);
        QCOMPARE(view.items.size(), 50);
        QCOMPARE(view.omitted, 10'000 - 50);
    }

    void aDataRecordIsLabelledFields()
    {
        const auto view = ToolResultView::from(json::parse(R"({
            "id": "r-1001", "owner": "alice", "title": "Customer survey",
            "data": {"responses": 312, "nps": 41, "top_request": "dark mode", "public": false}})"));
        QCOMPARE(view.kind, Kind::Record);
        QCOMPARE(view.title, QStringLiteral("Customer survey"));
        QCOMPARE(labels(view), (QStringList{"Nps=41", "Public=no", "Responses=312", "Top request=dark mode",
                                            "Record=r-1001"}));
    }

    void anythingElseIsATreeDepthFirst()
    {
        const auto view =
            ToolResultView::from(json::parse(R"({"quote": {"price": 12.5, "history": [1, 2]}, "ok": true})"));
        QCOMPARE(view.kind, Kind::Tree);
        QCOMPARE(view.rows.size(), 6);
        // nlohmann orders object keys: ok, quote{history[1, 2], price}
        QCOMPARE(view.rows[0].name, QStringLiteral("ok"));
        QCOMPARE(view.rows[0].value, QStringLiteral("yes"));
        QCOMPARE(view.rows[1].name, QStringLiteral("quote"));
        QCOMPARE(view.rows[1].childCount, 2);
        QCOMPARE(view.rows[2].name, QStringLiteral("history"));
        QCOMPARE(view.rows[2].parent, 1);
        QCOMPARE(view.rows[2].depth, 1);
        QCOMPARE(view.rows[3].name, QStringLiteral("1"));
        QCOMPARE(view.rows[3].parent, 2);
        QCOMPARE(view.rows[3].depth, 2);
        QCOMPARE(view.rows[5].name, QStringLiteral("price"));
        QCOMPARE(view.rows[5].value, QStringLiteral("12.5"));
    }

    void aHugeTreeIsCut()
    {
        json wide = json::object();
        for (int i = 0; i < 5000; ++i)
            wide["k" + std::to_string(i)] = json::array({i});
        const auto view = ToolResultView::from(wide);
        QCOMPARE(view.kind, Kind::Tree);
        QCOMPARE(view.rows.size(), 300);
        QVERIFY(view.omitted > 0);
    }

    void serverTextIsPlainAndBounded()
    {
        const QString rlo = QStringLiteral("\u202E");
        const auto view =
            ToolResultView::from(json{{"id", "pay_1"},
                                      {"amount", "1.00"},
                                      {"currency", "EUR"},
                                      {"creditor", "evil" + rlo.toStdString() + "gpj.exe<b>x</b>"},
                                      {"note", std::string(100'000, 'a')}});
        QCOMPARE(view.kind, Kind::Receipt);
        QVERIFY2(!view.title.contains(rlo), qPrintable(view.title));
        QVERIFY2(view.title.contains(QStringLiteral("⟨U+202E⟩")), qPrintable(view.title));
        QVERIFY(view.title.contains(QStringLiteral("<b>x</b>"))); // markup stays literal text
        for (const auto &field : view.fields)
            QVERIFY(field.value.size() <= 201);
        // A plain string answer is text, sanitized too.
        const auto text = ToolResultView::from(json("line one\nline two " + rlo.toStdString()));
        QCOMPARE(text.kind, Kind::Text);
        QVERIFY(text.text.startsWith(QStringLiteral("line one\nline two")));
        QVERIFY(!text.text.contains(rlo));
    }
};

QTEST_GUILESS_MAIN(ToolResultViewTest)
#include "tst_tool_result_view.moc"
