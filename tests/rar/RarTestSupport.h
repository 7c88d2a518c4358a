#pragma once

// Helpers shared by the rar tests (no QObject here, so moc is not involved).

#include "rar/Presentation.h"

#include <QStringList>

namespace rartest {

using nlohmann::json;

inline const QLocale &english()
{
    static const QLocale locale(QLocale::English, QLocale::UnitedStates);
    return locale;
}

inline const QLocale &german()
{
    static const QLocale locale(QLocale::German, QLocale::Germany);
    return locale;
}

// "label: value", indented two spaces per depth, for exact comparisons with readable diffs.
inline QStringList rows(const countersign::rar::Section &section)
{
    QStringList lines;
    for (const countersign::rar::Field &field : section.fields)
        lines << QString(2 * field.depth, u' ') + field.label + QStringLiteral(": ") + field.value;
    return lines;
}

// The one section `entry` is shown as, on its own in an authorization_details array.
inline countersign::rar::Section only(json entry, const QLocale &locale = english())
{
    json details = json::array();
    details.push_back(std::move(entry)); // moved, not copied: copying a deep json recurses
    const QList<countersign::rar::Section> sections = countersign::rar::present(details, locale);
    return sections.size() == 1 ? sections.first() : countersign::rar::Section{};
}

inline json trade()
{
    return {{"type", "trade_authorization"}, {"action", "buy"}, {"ticker", "ACME"}, {"qty", 3}};
}

inline json payment()
{
    return {{"type", "payment_initiation"},
            {"instructedAmount", {{"amount", "1234.50"}, {"currency", "EUR"}}},
            {"creditorName", "Erika Mustermann"},
            {"creditorAccount", {{"iban", "DE89370400440532013000"}}},
            {"remittanceInformation", "Invoice 42"}};
}

// `levels` arrays nested in each other, the innermost empty; built without recursion.
inline json nestedArrays(int levels)
{
    json inner = json::array();
    for (int i = 1; i < levels; ++i) {
        json outer = json::array();
        outer.push_back(std::move(inner));
        inner = std::move(outer);
    }
    return inner;
}

// `levels` objects nested in each other under the key "k", the innermost {"k": "bottom"}.
inline json nestedObjects(int levels)
{
    json inner = {{"k", "bottom"}};
    for (int i = 1; i < levels; ++i) {
        json outer = json::object();
        outer["k"] = std::move(inner);
        inner = std::move(outer);
    }
    return inner;
}

inline qsizetype codePoints(const QString &text)
{
    return text.toUcs4().size();
}

} // namespace rartest
