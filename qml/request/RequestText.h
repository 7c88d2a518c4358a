#pragma once

#include <QDateTime>
#include <QStringList>
#include <QVariantList>

#include <nlohmann/json.hpp>

// What the request pages (an approval request, a device code) show, prepared for QML: every
// string is plain text from the rar:: presentation layer, ready for Text.PlainText.
namespace countersign::gui {

// Short local date and time, or "" for an invalid time.
QString localTime(const QDateTime &time);
// ISO 8601 in UTC, to the millisecond (what Countdown.secondsUntil() reads), or "" for an invalid time.
QString utcTime(const QDateTime &time);
// One map per authorization_details entry: title, summary, note, known, fields (label, value,
// fullValue, truncated, depth).
QVariantList detailSections(const nlohmann::json &authorizationDetails);
// One map per scope: scope (the raw name, shortened), description (in words).
QVariantList scopeDescriptions(const QStringList &scopes);

} // namespace countersign::gui
