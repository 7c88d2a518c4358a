#include "Presentation.h"

#include "GenericTree.h"
#include "KnownTypes.h"

#include <QCoreApplication>

#include <algorithm>

namespace countersign::rar {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Rar)
};

using nlohmann::json;
using namespace detail;

enum class Want
{
    Everything,
    SummaryOnly,
};

qsizetype codePoints(const QString &text)
{
    return std::count_if(text.begin(), text.end(), [](QChar c) { return !c.isLowSurrogate(); });
}

// A section shown as a generic tree. Its summary is not yet sanitized or cut.
Section genericSection(Section section, const json &entry, bool skipType, Want want, const QLocale &locale,
                       const QString &heading, const QList<Field> &firstRows = {})
{
    if (want == Want::Everything) {
        FieldList rows(locale);
        for (const Field &row : firstRows)
            rows.add(row);
        addGenericRows(rows, entry, skipType);
        section.fields = rows.take(entry);
    }
    section.summary = genericSummary(heading, entry, skipType);
    return section;
}

// The section for one entry of the array. Its summary is not yet sanitized or cut.
Section entrySection(const json &entry, const QLocale &locale, Want want)
{
    Section section;
    if (!entry.is_object()) {
        section.title = Tr::tr("Unexpected entry");
        section.note = Tr::tr("This entry is not an object, as the standard requires; it is shown as sent.");
        return genericSection(section, entry, false, want, locale, section.title);
    }
    const auto type = entry.find("type");
    if (type == entry.end() || !type->is_string()) {
        section.title = Tr::tr("Details without a type");
        section.note =
            Tr::tr("This entry has no type, so it is unclear what it is for; it is shown as sent.");
        return genericSection(section, entry, false, want, locale, section.title);
    }

    const std::string &name = type->get_ref<const std::string &>();
    if (const KnownType *known = findKnownType(name)) {
        if (std::optional<Section> labelled = known->present(entry, locale))
            return std::move(*labelled);
        // Never the labelled layout for details it might misrepresent.
        section.type = utf8Text(known->type);
        section.title = known->title();
        section.note = Tr::tr("These details do not have the form expected for this type, so they are shown "
                              "exactly as sent.");
        return genericSection(section, entry, true, want, locale,
                              Tr::tr("%1 (unexpected form)").arg(section.title));
    }

    bool titleCut = false;
    section.type = displayText(textPrefix(name, limits::valueChars), limits::valueChars);
    section.title = displayText(textPrefix(name, limits::labelChars), limits::labelChars, &titleCut);
    QList<Field> typeRow;
    if (titleCut && want == Want::Everything)
        typeRow.append(makeField(Tr::tr("Type"), utf8Text(name)));
    return genericSection(section, entry, true, want, locale, section.title, typeRow);
}

Section notAnArraySection(const json &details, const QLocale &locale, Want want)
{
    Section section;
    section.title = Tr::tr("Unexpected authorization details");
    section.note =
        Tr::tr("The authorization details are not a list, as the standard requires; they are shown "
               "as sent.");
    return genericSection(section, details, false, want, locale, section.title);
}

// The entries past limits::sections, in one section that says how many and keeps their JSON.
Section remainingSection(const json &details, const QLocale &locale)
{
    const std::size_t remaining = details.size() - limits::sections;
    const QString count = locale.toString(qulonglong(remaining));
    std::string rest = "[";
    for (std::size_t i = limits::sections; i < details.size(); ++i) {
        if (i > limits::sections)
            rest += ',';
        rest += compactJson(details[i]);
    }
    rest += ']';

    Section section;
    section.title = Tr::tr("More entries");
    section.summary = remaining == 1 ? Tr::tr("%1 more entry not shown").arg(count)
                                     : Tr::tr("%1 more entries not shown").arg(count);
    section.note = Tr::tr("Only the first %1 entries are shown one by one; the others are shown as sent.")
                       .arg(locale.toString(limits::sections));
    Field field = makeField(Tr::tr("Not shown"), utf8Text(rest));
    field.value = section.summary;
    field.truncated = true;
    section.fields.append(field);
    return section;
}

} // namespace

QList<Section> present(const json &authorizationDetails, const QLocale &locale)
{
    QList<Section> sections;
    if (authorizationDetails.is_null())
        return sections;
    if (!authorizationDetails.is_array()) {
        sections.append(notAnArraySection(authorizationDetails, locale, Want::Everything));
    } else {
        for (const json &entry : authorizationDetails) {
            if (sections.size() == limits::sections) {
                sections.append(remainingSection(authorizationDetails, locale));
                break;
            }
            sections.append(entrySection(entry, locale, Want::Everything));
        }
    }
    for (Section &section : sections)
        section.summary = displayText(section.summary, limits::summaryChars);
    return sections;
}

QString summarize(const json &authorizationDetails, const QLocale &locale)
{
    if (authorizationDetails.is_null() || (authorizationDetails.is_array() && authorizationDetails.empty()))
        return {};
    if (!authorizationDetails.is_array())
        return displayText(notAnArraySection(authorizationDetails, locale, Want::SummaryOnly).summary,
                           limits::summaryChars);

    const QString separator = QStringLiteral("; ");
    const std::size_t count = authorizationDetails.size();
    const QString tail =
        count > 2 ? Tr::tr("+%1 more").arg(locale.toString(qulonglong(count - 2))) : QString();
    const QString first = entrySection(authorizationDetails[0], locale, Want::SummaryOnly).summary;
    if (count == 1)
        return displayText(first, limits::summaryChars);

    // Two summaries share the line; neither may crowd the other out.
    const QString second = entrySection(authorizationDetails[1], locale, Want::SummaryOnly).summary;
    const int budget = limits::summaryChars - int(codePoints(separator)) -
                       (tail.isEmpty() ? 0 : int(codePoints(separator) + codePoints(tail)));
    const int secondAtLeast = int(std::min<qsizetype>(codePoints(displayText(second, budget)), budget / 2));
    const QString firstShown = displayText(first, budget - secondAtLeast);
    const QString secondShown = displayText(second, budget - int(codePoints(firstShown)));
    QString line = firstShown + separator + secondShown;
    if (!tail.isEmpty())
        line += separator + tail;
    return line;
}

} // namespace countersign::rar
