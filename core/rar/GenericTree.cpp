#include "GenericTree.h"

#include <QCoreApplication>
#include <QStringDecoder>

#include <algorithm>
#include <utility>
#include <vector>

namespace countersign::rar::detail {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Rar)
};

using nlohmann::json;

// Raw text longer than this many UTF-16 units always yields more than `maxChars` code points of
// display text (no sanitizer step merges more than two units into one code point), so cutting raw
// text here before sanitizing changes nothing that shows.
qsizetype rawBound(int maxChars)
{
    return 2 * qsizetype(maxChars) + 2;
}

QString countText(std::int64_t n, const QLocale &locale, const QString &one, const QString &many)
{
    return (n == 1 ? one : many).arg(locale.toString(qlonglong(n)));
}

QString emptyText()
{
    return Tr::tr("(empty)");
}

} // namespace

QString joinedStrings(const json &strings, ActionText actionText, qsizetype bound)
{
    QString text;
    bool first = true;
    for (const json &item : strings) {
        if (!first)
            text += QStringLiteral(", ");
        first = false;
        const std::string &raw = item.get_ref<const std::string &>();
        const QString words = actionText ? actionText(raw) : QString();
        text += !words.isEmpty() ? words : bound < 0 ? utf8Text(raw) : textPrefix(raw, int(bound));
        if (bound >= 0 && text.size() > bound)
            break;
    }
    return strings.empty() ? emptyText() : text;
}

const json *optionalMember(const json &object, const char *key)
{
    const auto it = object.find(key);
    return it == object.end() || it->is_null() ? nullptr : &*it;
}

namespace {

// How many rows addRows() would add for `value` at `depth`; recursion is bounded by limits::depth.
std::int64_t rowCount(const json &value, int depth)
{
    if (!value.is_structured() || value.empty() || depth >= limits::depth - 1)
        return 1;
    std::int64_t rows = 1;
    for (const json &child : value)
        rows += rowCount(child, depth + 1);
    return rows;
}

Field collapsedField(const QString &label, const json &value, int depth, const QLocale &locale)
{
    const QString text = utf8Text(compactJson(value));
    const QString levels = countText(nestingHeight(value), locale, Tr::tr("%1 more level not shown: "),
                                     Tr::tr("%1 more levels not shown: "));
    Field field;
    field.label = label;
    field.value = displayText(QString(levels + text.left(rawBound(limits::valueChars))), limits::valueChars);
    field.fullValue = plainText(text);
    field.truncated = true;
    field.depth = depth;
    return field;
}

// Rows for `value` labelled `label` at `depth`: a scalar or empty container is one row; a container
// is a header row followed by its members one level deeper, or one collapsed row at the depth limit.
void addRows(FieldList &rows, const QString &label, const json &value, int depth)
{
    if (rows.full()) {
        rows.addHidden(rowCount(value, depth));
        return;
    }
    if (!value.is_structured()) {
        rows.add(makeField(label, scalarText(value), depth));
        return;
    }
    if (value.empty()) {
        rows.add(makeField(label, emptyText(), depth));
        return;
    }
    if (depth >= limits::depth - 1) {
        rows.add(collapsedField(label, value, depth, rows.locale()));
        return;
    }
    rows.add(makeField(label, QString(), depth));
    int index = 0;
    for (auto it = value.cbegin(); it != value.cend(); ++it) {
        ++index;
        if (rows.full()) {
            rows.addHidden(rowCount(*it, depth + 1));
            continue;
        }
        addRows(rows, value.is_object() ? keyLabel(it.key()) : QString::number(index), *it, depth + 1);
    }
}

QString inlineValue(const json &value)
{
    const int maxChars = limits::summaryChars;
    if (value.is_string())
        return textPrefix(value.get_ref<const std::string &>(), maxChars);
    if (isStringArray(value))
        return joinedStrings(value, nullptr, rawBound(maxChars));
    if (!value.is_structured())
        return scalarText(value);
    return utf8Text(compactJson(value, 4 * std::size_t(maxChars + 2)));
}

} // namespace

QString utf8Text(std::string_view utf8)
{
    QStringDecoder decoder(QStringConverter::Utf8,
                           QStringConverter::Flag::Stateless | QStringConverter::Flag::ConvertInitialBom);
    return decoder.decode(QByteArrayView(utf8.data(), qsizetype(utf8.size())));
}

QString textPrefix(const std::string &utf8, int maxChars)
{
    // A code point never takes more than 4 bytes, so this many bytes hold at least maxChars + 2 of them.
    const std::size_t bytes = 4 * std::size_t(qMax(maxChars, 0) + 2);
    return utf8Text(std::string_view(utf8).substr(0, bytes));
}

std::string compactJson(const json &value, std::size_t maxBytes)
{
    struct Frame
    {
        const json *node;
        json::const_iterator next;
        bool first = true;
    };
    std::string out;
    std::vector<Frame> stack;
    const auto dumpScalar = [&out](const json &scalar) {
        out += scalar.dump(-1, ' ', false, json::error_handler_t::replace);
    };
    const auto open = [&](const json &node) {
        if (node.is_structured()) {
            out += node.is_object() ? '{' : '[';
            stack.push_back({&node, node.cbegin()});
        } else {
            dumpScalar(node);
        }
    };

    open(value);
    while (!stack.empty() && out.size() <= maxBytes) {
        Frame &frame = stack.back();
        if (frame.next == frame.node->cend()) {
            out += frame.node->is_object() ? '}' : ']';
            stack.pop_back();
            continue;
        }
        if (!frame.first)
            out += ',';
        frame.first = false;
        const auto current = frame.next++;
        if (frame.node->is_object()) {
            dumpScalar(json(current.key()));
            out += ':';
        }
        open(*current); // may reallocate the stack: `frame` is not used after this
    }
    return out;
}

int nestingHeight(const json &value)
{
    int height = 0;
    std::vector<std::pair<const json *, int>> stack{{&value, 0}};
    while (!stack.empty()) {
        const auto [node, depth] = stack.back();
        stack.pop_back();
        if (!node->is_structured() || node->empty())
            continue;
        height = std::max(height, depth + 1);
        for (const json &child : *node)
            stack.emplace_back(&child, depth + 1);
    }
    return height;
}

QString scalarText(const json &value)
{
    if (value.is_string())
        return utf8Text(value.get_ref<const std::string &>());
    return utf8Text(value.dump(-1, ' ', false, json::error_handler_t::replace));
}

Field makeField(const QString &label, QStringView raw, int depth)
{
    Field field;
    field.label = label;
    field.fullValue = plainText(raw);
    field.value = displayText(field.fullValue, limits::valueChars, &field.truncated);
    field.depth = depth;
    return field;
}

QString keyLabel(const std::string &key)
{
    if (key.empty())
        return Tr::tr("(empty name)");
    return displayText(textPrefix(key, limits::labelChars), limits::labelChars);
}

QString commonFieldLabel(std::string_view key)
{
    if (key == "actions")
        return Tr::tr("Actions");
    if (key == "locations")
        return Tr::tr("Locations");
    if (key == "datatypes")
        return Tr::tr("Data types");
    if (key == "identifier")
        return Tr::tr("Identifier");
    if (key == "privileges")
        return Tr::tr("Privileges");
    return {};
}

bool isStringArray(const json &value)
{
    return value.is_array() &&
           std::all_of(value.begin(), value.end(), [](const json &v) { return v.is_string(); });
}

bool hasOnlyKeys(const json &detail, std::initializer_list<std::string_view> typeKeys)
{
    for (auto it = detail.cbegin(); it != detail.cend(); ++it) {
        const std::string &key = it.key();
        if (key == "type" || std::find(typeKeys.begin(), typeKeys.end(), key) != typeKeys.end())
            continue;
        if (commonFieldLabel(key).isEmpty())
            return false;
        if (key == "identifier" ? !it->is_string() : !isStringArray(*it))
            return false;
    }
    return true;
}

void appendCommonFields(QList<Field> &fields, const json &detail, ActionText actionText)
{
    for (const char *key : {"actions", "locations", "datatypes", "identifier", "privileges"}) {
        const auto it = detail.find(key);
        if (it == detail.end())
            continue;
        const QString label = commonFieldLabel(key);
        if (isStringArray(*it))
            fields.append(makeField(
                label, joinedStrings(*it, key == std::string_view("actions") ? actionText : nullptr)));
        else
            fields.append(makeField(label, scalarText(*it)));
    }
}

void FieldList::add(Field field)
{
    if (full())
        ++m_hidden;
    else
        m_fields.append(std::move(field));
}

QList<Field> FieldList::take(const json &whole)
{
    if (m_hidden > 0) {
        Field more = makeField(Tr::tr("Not shown"), utf8Text(compactJson(whole)));
        more.value = countText(m_hidden, m_locale, Tr::tr("%1 more field not shown"),
                               Tr::tr("%1 more fields not shown"));
        more.truncated = true;
        m_fields.append(std::move(more));
        m_hidden = 0;
    }
    return std::exchange(m_fields, {});
}

void addGenericRows(FieldList &rows, const json &entry, bool skipType)
{
    if (!entry.is_structured()) {
        addRows(rows, Tr::tr("Value"), entry, 0);
        return;
    }
    int index = 0;
    for (auto it = entry.cbegin(); it != entry.cend(); ++it) {
        ++index;
        if (entry.is_object() && skipType && it.key() == "type" && it->is_string())
            continue;
        if (rows.full()) {
            rows.addHidden(rowCount(*it, 0));
            continue;
        }
        if (entry.is_array()) {
            addRows(rows, QString::number(index), *it, 0);
            continue;
        }
        const QString common = commonFieldLabel(it.key());
        if (!common.isEmpty() && isStringArray(*it))
            rows.add(makeField(common, joinedStrings(*it, nullptr)));
        else
            addRows(rows, common.isEmpty() ? keyLabel(it.key()) : common, *it, 0);
    }
}

QString genericSummary(const QString &heading, const json &entry, bool skipType)
{
    const qsizetype bound = rawBound(limits::summaryChars);
    QString line = heading;
    if (!entry.is_object()) {
        line += QStringLiteral(" — ") + inlineValue(entry);
        return line;
    }
    bool first = true;
    for (auto it = entry.cbegin(); it != entry.cend() && line.size() <= bound; ++it) {
        if (skipType && it.key() == "type" && it->is_string())
            continue;
        const QString common = commonFieldLabel(it.key());
        line += first ? QStringLiteral(" — ") : QStringLiteral(" · ");
        first = false;
        line += (common.isEmpty() ? keyLabel(it.key()) : common) + QStringLiteral(": ") + inlineValue(*it);
    }
    return line;
}

} // namespace countersign::rar::detail
