#pragma once

// Internal to rar/: validating and formatting the values known types show (amounts, currencies,
// IBANs). Nothing here goes through binary floating point.

#include <QLocale>
#include <QString>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace countersign::rar::detail {

// A non-negative decimal number kept as its digits.
struct Decimal
{
    std::string integer;  // no leading zeros except "0"; at most 15 digits
    std::string fraction; // may be empty; at most 18 digits

    bool isZero() const;
};

// "0.10", "1234.5", "7": no sign, exponent, spaces or leading zeros.
std::optional<Decimal> parseDecimal(std::string_view text);

// A decimal string, or a non-negative JSON number written back in its shortest exact form (so 0.1
// stays 0.1; numbers that need an exponent are refused).
std::optional<Decimal> decimalFromJson(const nlohmann::json &value, bool allowString);

// The digits in the locale's script, grouped, with at least `minFractionDigits` decimals and never
// fewer than given (nothing is rounded away).
QString formatDecimal(const Decimal &number, const QLocale &locale, int minFractionDigits = 0);

// Three uppercase ASCII letters (ISO 4217 form); anything else is never handed to a formatter.
bool isCurrencyCode(const nlohmann::json &value);

// "€1,234.50", "1.234,50 €", "GBP 10.00": the locale's currency layout with a symbol that only
// this currency uses (the ISO code where the symbol is shared, e.g. "$" or "£" abroad), and at least
// the currency's minor-unit decimals.
QString formatAmount(const Decimal &amount, const QString &currencyCode, const QLocale &locale);

// The IBAN without spaces when `value` is a well-formed IBAN string (country, check digits that
// pass ISO 7064 mod 97-10, 15–34 characters); nullopt otherwise.
std::optional<QString> ibanFromJson(const nlohmann::json &value);

// "DE•• •••• •••• •••• ••30 00": country code and last four characters kept, the rest masked, in
// the usual groups of four so the length shows.
QString maskIban(const QString &iban);

// A BIC: 8 or 11 characters, bank and country letters first.
bool isBic(const nlohmann::json &value);

// A stock ticker: 1–12 ASCII letters, digits, '.' or '-', starting with a letter or digit. Anything
// else (spaces, look-alike letters from other scripts) is refused.
bool isTicker(const nlohmann::json &value);

} // namespace countersign::rar::detail
