#pragma once

// Internal to rar/: the generic key/value tree and the helpers every section is built from.

#include "Presentation.h"

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

namespace countersign::rar::detail {

// Text from the JSON's UTF-8: invalid sequences become U+FFFD, and a leading U+FEFF is kept for
// the sanitizer to show (QString::fromUtf8 drops it silently).
QString utf8Text(std::string_view utf8);

// A QString of at most enough of `utf8` to fill `maxChars` code points of display text: what lies
// beyond can never show, so a huge value is not converted just to be cut. Invalid UTF-8 becomes U+FFFD.
QString textPrefix(const std::string &utf8, int maxChars);

// Compact JSON of `value`, built without recursion (nlohmann's dump() recurses once per nesting level)
// and never throwing on invalid UTF-8. Stops soon after `maxBytes`; callers cut the text anyway.
std::string compactJson(const nlohmann::json &value, std::size_t maxBytes = std::string::npos);

// How many levels of rows a generic tree of `value` would need below its own row (0 for scalars and
// empty containers). Iterative.
int nestingHeight(const nlohmann::json &value);

// A scalar as text: strings without quotes; numbers, booleans and null as JSON literals.
QString scalarText(const nlohmann::json &value);

// A row whose text comes from `raw`: fullValue sanitized, value on one line and cut.
Field makeField(const QString &label, QStringView raw, int depth = 0);

// A JSON key as a row label: sanitized, cut to limits::labelChars.
QString keyLabel(const std::string &key);

// RFC 9396 §2.2 common data fields, allowed on every type.
QString commonFieldLabel(std::string_view key); // empty when `key` is not a common field
bool isStringArray(const nlohmann::json &value);

// The strings of `strings` (a string array) joined with ", ", each put into words by `actionText`
// where it knows them. With a `bound`, stops adding strings once the text is longer than that (and
// cuts each string to about that size) for lines that are cut anyway. "(empty)" for no strings.
using ActionText = QString (*)(std::string_view action); // empty: show the action as sent
QString joinedStrings(const nlohmann::json &strings, ActionText actionText = nullptr, qsizetype bound = -1);

// A member of an object, or nullptr when it is absent or null (optional fields may be sent as null).
const nlohmann::json *optionalMember(const nlohmann::json &object, const char *key);

// For a known type: whether `detail` holds only "type", `typeKeys` and well-formed common fields.
bool hasOnlyKeys(const nlohmann::json &detail, std::initializer_list<std::string_view> typeKeys);

// Rows for the common fields `detail` holds, in a fixed order (arrays joined with ", ").
void appendCommonFields(QList<Field> &fields, const nlohmann::json &detail, ActionText actionText = nullptr);

// Rows for one section, up to limits::fields; the rest are counted and summed up in a last row.
class FieldList
{
public:
    explicit FieldList(const QLocale &locale) : m_locale(locale) {}

    bool full() const { return m_fields.size() >= limits::fields; }
    void add(Field field);
    void addHidden(std::int64_t rows) { m_hidden += rows; }
    const QLocale &locale() const { return m_locale; }

    // The rows; `whole` (the entry) becomes the fullValue of the "N more fields not shown" row.
    QList<Field> take(const nlohmann::json &whole);

private:
    QLocale m_locale;
    QList<Field> m_fields;
    std::int64_t m_hidden = 0;
};

// The generic tree of an entry: one row per member of an object (human labels for common fields;
// the "type" member skipped when `skipType` and it is a string), per element of an array, or a
// single "Value" row for a scalar.
void addGenericRows(FieldList &rows, const nlohmann::json &entry, bool skipType);

// One line: `heading` — "label: value" · … for the entry's members. Not yet sanitized or cut.
QString genericSummary(const QString &heading, const nlohmann::json &entry, bool skipType);

} // namespace countersign::rar::detail
