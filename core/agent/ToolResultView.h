#pragma once

#include <QList>
#include <QString>

#include <nlohmann/json.hpp>

namespace countersign::agent {

// A tool's answer as a person reads it in the chat, never as a JSON string. What the answer is
// decides the shape (the first that fits):
//   Receipt    an order or a payment: what happened ("Bought 3 ACME", "Paid 25.00 EUR to …"),
//              then amount, status and id as fields
//   TimeTable  free/busy for a day: its busy and free times in order
//   List       a list of things (documents, orders, …): one line each, with a second line
//   Record     a record with a title and plain fields, or any object of plain values
//   Tree       anything else: a tree of names and values, nested levels collapsed at first
//   Text       a string (or an error): as it is
// Every text is server text made safe to show (rar::plainText / displayText) and cut to a
// sensible length; lists and trees are capped (the last row says how many more there are).
struct ToolResultView
{
    enum class Kind
    {
        Text,
        Receipt,
        TimeTable,
        List,
        Record,
        Tree
    };

    struct Field
    {
        QString label;
        QString value;
    };
    struct TimeSlot
    {
        QString from; // "09:30"
        QString to;
        bool busy = false;
    };
    struct Item
    {
        QString title;
        QString detail; // may be empty
    };
    // One row of the tree, depth first. `parent` is the index of its parent row (-1 at the top);
    // a row with children has an empty value and `childCount` > 0.
    struct TreeRow
    {
        int depth = 0;
        int parent = -1;
        int childCount = 0;
        QString name;
        QString value;
    };

    Kind kind = Kind::Text;
    QString title;       // Receipt: the sentence; TimeTable: the day; List: what is listed; Record: its title
    QString text;        // Text
    QList<Field> fields; // Receipt, Record
    QList<TimeSlot> times; // TimeTable
    QList<Item> items;     // List
    QList<TreeRow> rows;   // Tree
    int omitted = 0;       // List, Tree, Record: entries left out for length

    static ToolResultView from(const nlohmann::json &result);
};

QString kindName(ToolResultView::Kind kind);

} // namespace countersign::agent
