#pragma once

#include "PlainText.h"

#include <QList>
#include <QLocale>
#include <QString>

#include <nlohmann/json.hpp>

// Rich Authorization Request details (RFC 9396 `authorization_details`) as plain, labelled text.
// The JSON comes from a server and may be hostile; everything returned here is sanitized (see
// PlainText.h), single-line where it says so, and bounded by the limits below. See README.md.
namespace countersign::rar {

namespace limits {
inline constexpr int valueChars = 200;   // Field::value (Field::fullValue is complete)
inline constexpr int labelChars = 80;    // Field::label, Section::title
inline constexpr int summaryChars = 160; // Section::summary, summarize()
inline constexpr int depth = 8;          // nesting levels shown in a generic tree (depth 0 … 7)
inline constexpr int fields = 500;       // rows per section before a "N more fields not shown" row
inline constexpr int sections = 50;      // entries shown one by one before a "N more entries" section
} // namespace limits

struct Field
{
    QString label;     // "Quantity", "Creditor account", or the JSON key (sanitized) in generic trees
    QString value;     // display text: sanitized, one line, at most limits::valueChars with "…"
    QString fullValue; // sanitized but not truncated (for a "show all" view); may be large
    bool truncated = false;
    int depth = 0; // nesting level in generic trees (0 = top level of the detail)
};

struct Section // one entry of the authorization_details array
{
    QString type;       // the raw type, sanitized ("trade_authorization"); empty when there is none
    QString title;      // "Stock trade", "Payment", …; for unknown types the sanitized type itself
    QString summary;    // one line, e.g. "Buy 3 ACME at most $120.00"
    QString note;       // why the details are shown as sent ("do not match the expected form"); usually empty
    bool known = false; // shown with the labelled layout of a type Countersign understands
    QList<Field> fields;
};

// One section per entry of `authorizationDetails` (a JSON array); none for null or an empty array.
// Anything else (not an array, an entry that is not an object, an entry without a type) is shown
// as a generic tree with a note, never dropped.
QList<Section> present(const nlohmann::json &authorizationDetails, const QLocale &locale = QLocale());

// One line for list rows: the first two sections' summaries joined with "; ", then "+N more";
// empty when there are no details. At most limits::summaryChars.
QString summarize(const nlohmann::json &authorizationDetails, const QLocale &locale = QLocale());

} // namespace countersign::rar
