#include "ToolResultView.h"

#include "rar/PlainText.h"

#include <QCoreApplication>
#include <QDateTime>

#include <algorithm>

namespace countersign::agent {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ToolResultView)
};

constexpr int kNameChars = 60;
constexpr int kValueChars = 200;
constexpr int kTitleChars = 120;
constexpr int kTextChars = 4000;
constexpr int kMaxItems = 50;
constexpr int kMaxFields = 30;
constexpr int kMaxRows = 300;
constexpr int kMaxTimes = 96; // every quarter of an hour

using json = nlohmann::json;

QString name(const std::string &raw)
{
    return rar::displayText(QString::fromStdString(raw), kNameChars);
}

// A plain value (string, number, bool, null) on one line; empty for objects and arrays.
QString scalar(const json &value, int maxChars = kValueChars)
{
    if (value.is_string())
        return rar::displayText(QString::fromStdString(value.get<std::string>()), maxChars);
    if (value.is_boolean())
        return value.get<bool>() ? Tr::tr("yes") : Tr::tr("no");
    if (value.is_null())
        return QStringLiteral("—");
    if (value.is_number())
        return QString::fromStdString(value.dump());
    return {};
}

bool isScalar(const json &value)
{
    return !value.is_object() && !value.is_array();
}

const json *member(const json &object, const char *key)
{
    if (!object.is_object())
        return nullptr;
    const auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

QString text(const json &object, const char *key, int maxChars = kValueChars)
{
    const json *value = member(object, key);
    return value && isScalar(*value) && !value->is_null() ? scalar(*value, maxChars) : QString();
}

// "price", "created_at", "client_id" → "Price", "Created at", "Client id".
QString label(const std::string &raw)
{
    QString words = name(raw);
    words.replace(u'_', u' ');
    if (!words.isEmpty())
        words[0] = words[0].toUpper();
    return words;
}

QString money(const json &object, const char *amountKey)
{
    const QString amount = text(object, amountKey);
    const QString currency = text(object, "currency", 10);
    return currency.isEmpty() ? amount : amount + u' ' + currency;
}

// A time of day from an ISO 8601 instant, in UTC like the calendar's answer ("09:30").
QString timeOfDay(const QString &iso)
{
    const QDateTime at = QDateTime::fromString(iso, Qt::ISODate);
    return at.isValid() ? at.toUTC().toString(QStringLiteral("HH:mm")) : rar::displayText(iso, 30);
}

void addFields(ToolResultView &view, const json &object, std::initializer_list<const char *> skip)
{
    for (const auto &[key, value] : object.items()) {
        // An init-capture: clang before 16 (the fuzz build's) cannot capture a structured binding.
        if (std::find_if(skip.begin(), skip.end(), [&name = key](const char *s) { return name == s; }) !=
            skip.end())
            continue;
        if (!isScalar(value))
            continue;
        if (view.fields.size() == kMaxFields) {
            ++view.omitted;
            continue;
        }
        view.fields.append({label(key), scalar(value)});
    }
}

// A receipt says first whether it went through.
void addStatus(ToolResultView &view, const json &result)
{
    if (const QString status = text(result, "status", kNameChars); !status.isEmpty())
        view.fields.append({Tr::tr("Status"), status});
}

std::optional<ToolResultView> receipt(const json &result)
{
    const QString id = text(result, "id", kNameChars);
    if (member(result, "ticker") && member(result, "qty") && !id.isEmpty()) {
        ToolResultView view;
        view.kind = ToolResultView::Kind::Receipt;
        const QString action = text(result, "action");
        const QString what = text(result, "qty", 20) + u' ' + text(result, "ticker", 20);
        view.title = action == u"sell"  ? Tr::tr("Sold %1").arg(what)
                     : action == u"buy" ? Tr::tr("Bought %1").arg(what)
                                        : Tr::tr("Order for %1").arg(what);
        if (member(result, "price"))
            view.fields.append({Tr::tr("Price"), money(result, "price")});
        if (member(result, "total"))
            view.fields.append({Tr::tr("Total"), money(result, "total")});
        addStatus(view, result);
        addFields(view, result,
                  {"id", "ticker", "qty", "action", "price", "total", "currency", "status", "account",
                   "client_id"});
        view.fields.append({Tr::tr("Order"), id});
        return view;
    }
    if (member(result, "creditor") && member(result, "amount") && !id.isEmpty()) {
        ToolResultView view;
        view.kind = ToolResultView::Kind::Receipt;
        view.title =
            Tr::tr("Paid %1 to %2").arg(money(result, "amount"), text(result, "creditor", kNameChars));
        addStatus(view, result);
        addFields(view, result, {"id", "amount", "currency", "creditor", "status", "account", "client_id"});
        view.fields.append({Tr::tr("Payment"), id});
        return view;
    }
    return std::nullopt;
}

std::optional<ToolResultView> timeTable(const json &result)
{
    const json *busy = member(result, "busy");
    if (!busy || !busy->is_array())
        return std::nullopt;
    ToolResultView view;
    view.kind = ToolResultView::Kind::TimeTable;
    view.title = text(result, "date", 40);
    struct Timed
    {
        QDateTime start; // parsed once: the sort compares it O(n log n) times
        ToolResultView::TimeSlot slot;
    };
    QList<Timed> all;
    for (const char *key : {"busy", "free"}) {
        const json *list = member(result, key);
        if (!list || !list->is_array())
            continue;
        for (const json &range : *list) {
            const QString start = text(range, "start", 40);
            const QString end = text(range, "end", 40);
            if (start.isEmpty() || end.isEmpty())
                return std::nullopt; // not free/busy after all
            all.append({QDateTime::fromString(start, Qt::ISODate),
                        {timeOfDay(start), timeOfDay(end), std::string_view(key) == "busy"}});
        }
    }
    std::stable_sort(all.begin(), all.end(),
                     [](const Timed &a, const Timed &b) { return a.start < b.start; });
    for (const Timed &timed : std::as_const(all)) {
        if (view.times.size() == kMaxTimes) {
            ++view.omitted;
            continue;
        }
        view.times.append(timed.slot);
    }
    return view;
}

// What names an item of a list: its title, name, ticker or id, whichever comes first.
QString itemTitle(const json &item)
{
    for (const char *key : {"title", "name", "ticker", "creditor", "id"})
        if (const QString title = text(item, key, kTitleChars); !title.isEmpty())
            return title;
    return {};
}

std::optional<ToolResultView> list(const json &result)
{
    // A list, or an object whose only list is of objects ({"query": …, "documents": [...]}).
    const json *array = result.is_array() ? &result : nullptr;
    std::string what;
    if (!array && result.is_object()) {
        for (const auto &[key, value] : result.items()) {
            if (!value.is_array())
                continue;
            if (array)
                return std::nullopt; // two lists: a tree says more
            array = &value;
            what = key;
        }
    }
    if (!array || array->empty() ||
        !std::all_of(array->begin(), array->end(), [](const json &item) { return item.is_object(); }))
        return std::nullopt;
    ToolResultView view;
    view.kind = ToolResultView::Kind::List;
    view.title = what.empty() ? QString() : label(what);
    for (const json &item : *array) {
        if (view.items.size() == kMaxItems) {
            ++view.omitted;
            continue;
        }
        const QString title = itemTitle(item);
        QStringList details;
        for (const auto &[key, value] : item.items()) {
            if (!isScalar(value) || details.size() == 4)
                continue;
            const QString shown = scalar(value, 60);
            if (shown == title || key == "account" || key == "client_id" || key == "owner")
                continue;
            details << label(key) + QStringLiteral(": ") + shown;
        }
        view.items.append(
            {title.isEmpty() ? Tr::tr("(untitled)") : title, details.join(QStringLiteral(" · "))});
    }
    return view;
}

std::optional<ToolResultView> record(const json &result)
{
    if (!result.is_object() || result.empty())
        return std::nullopt;
    // {"id", "title", "data": {plain values}}: the data API's records.
    const json *data = member(result, "data");
    if (data && data->is_object() &&
        std::all_of(data->begin(), data->end(), [](const json &value) { return isScalar(value); })) {
        ToolResultView view;
        view.kind = ToolResultView::Kind::Record;
        view.title = text(result, "title", kTitleChars);
        addFields(view, *data, {});
        if (const QString id = text(result, "id", kNameChars); !id.isEmpty())
            view.fields.append({Tr::tr("Record"), id});
        return view;
    }
    if (!std::all_of(result.begin(), result.end(), [](const json &value) { return isScalar(value); }))
        return std::nullopt;
    ToolResultView view;
    view.kind = ToolResultView::Kind::Record;
    view.title = text(result, "title", kTitleChars);
    addFields(view, result, {"title"});
    return view;
}

void addTree(ToolResultView &view, const json &value, int depth, int parent)
{
    auto add = [&](const QString &rowName, const json &child) {
        if (view.rows.size() >= kMaxRows) {
            ++view.omitted;
            return;
        }
        const int index = int(view.rows.size());
        view.rows.append({depth, parent, 0, rowName, isScalar(child) ? scalar(child) : QString()});
        if (!isScalar(child)) {
            view.rows[index].childCount = int(child.size());
            if (child.empty())
                view.rows[index].value = child.is_array() ? QStringLiteral("[]") : QStringLiteral("{}");
            addTree(view, child, depth + 1, index);
        }
    };
    if (value.is_object()) {
        for (const auto &[key, child] : value.items())
            add(name(key), child);
    } else if (value.is_array()) {
        int position = 0;
        for (const json &child : value)
            add(QString::number(++position), child);
    }
}

} // namespace

ToolResultView ToolResultView::from(const json &result)
{
    if (result.is_string() || result.is_number() || result.is_boolean() || result.is_null()) {
        ToolResultView view;
        view.text = result.is_string()
                        ? rar::plainText(QString::fromStdString(result.get<std::string>())).left(kTextChars)
                        : scalar(result);
        return view;
    }
    for (auto shape : {receipt, timeTable, list, record})
        if (auto view = shape(result))
            return *std::move(view);
    ToolResultView view;
    view.kind = Kind::Tree;
    addTree(view, result, 0, -1);
    return view;
}

QString kindName(ToolResultView::Kind kind)
{
    switch (kind) {
    case ToolResultView::Kind::Text:
        return QStringLiteral("text");
    case ToolResultView::Kind::Receipt:
        return QStringLiteral("receipt");
    case ToolResultView::Kind::TimeTable:
        return QStringLiteral("timetable");
    case ToolResultView::Kind::List:
        return QStringLiteral("list");
    case ToolResultView::Kind::Record:
        return QStringLiteral("record");
    case ToolResultView::Kind::Tree:
        return QStringLiteral("tree");
    }
    return {};
}

} // namespace countersign::agent
