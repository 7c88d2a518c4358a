#include "RequestText.h"

#include "rar/Presentation.h"
#include "rar/ScopeText.h"

#include <QLocale>

namespace countersign::gui {

namespace {

constexpr int kLineChars = 200;

} // namespace

QString localTime(const QDateTime &time)
{
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat) : QString();
}

QString utcTime(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QVariantList detailSections(const nlohmann::json &authorizationDetails)
{
    QVariantList sections;
    for (const rar::Section &section : rar::present(authorizationDetails)) {
        QVariantList fields;
        for (const rar::Field &field : section.fields)
            fields.append(QVariantMap{{QStringLiteral("label"), field.label},
                                      {QStringLiteral("value"), field.value},
                                      {QStringLiteral("fullValue"), field.fullValue},
                                      {QStringLiteral("truncated"), field.truncated},
                                      {QStringLiteral("depth"), field.depth}});
        sections.append(QVariantMap{{QStringLiteral("title"), section.title},
                                    {QStringLiteral("summary"), section.summary},
                                    {QStringLiteral("note"), section.note},
                                    {QStringLiteral("known"), section.known},
                                    {QStringLiteral("fields"), fields}});
    }
    return sections;
}

QVariantList scopeDescriptions(const QStringList &scopes)
{
    QVariantList described;
    for (const QString &scope : scopes)
        described.append(QVariantMap{{QStringLiteral("scope"), rar::displayText(scope, kLineChars)},
                                     {QStringLiteral("description"), rar::describeScope(scope)}});
    return described;
}

} // namespace countersign::gui
