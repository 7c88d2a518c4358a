#include "Formatting.h"

#include <QChar>
#include <QHash>

#include <algorithm>

namespace countersign::rar::detail {

namespace {

constexpr std::size_t kMaxIntegerDigits = 15;
constexpr std::size_t kMaxFractionDigits = 18;

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isUpper(char c)
{
    return c >= 'A' && c <= 'Z';
}

bool isUpperOrDigit(char c)
{
    return isUpper(c) || isDigit(c);
}

// Qt's locale data marks some layouts with bidi marks; they come from CLDR, not from the server,
// but the rest of rar/ promises text without invisible format characters.
QString withoutFormatCharacters(QString text)
{
    text.removeIf([](QChar c) { return c.category() == QChar::Other_Format; });
    return text;
}

int minorUnits(const QString &code)
{
    static const QHash<QString, int> exceptions = {
        {QStringLiteral("BIF"), 0}, {QStringLiteral("CLP"), 0}, {QStringLiteral("DJF"), 0},
        {QStringLiteral("GNF"), 0}, {QStringLiteral("ISK"), 0}, {QStringLiteral("JPY"), 0},
        {QStringLiteral("KMF"), 0}, {QStringLiteral("KRW"), 0}, {QStringLiteral("PYG"), 0},
        {QStringLiteral("RWF"), 0}, {QStringLiteral("UGX"), 0}, {QStringLiteral("UYI"), 0},
        {QStringLiteral("VND"), 0}, {QStringLiteral("VUV"), 0}, {QStringLiteral("XAF"), 0},
        {QStringLiteral("XOF"), 0}, {QStringLiteral("XPF"), 0}, {QStringLiteral("BHD"), 3},
        {QStringLiteral("IQD"), 3}, {QStringLiteral("JOD"), 3}, {QStringLiteral("KWD"), 3},
        {QStringLiteral("LYD"), 3}, {QStringLiteral("OMR"), 3}, {QStringLiteral("TND"), 3},
        {QStringLiteral("CLF"), 4}, {QStringLiteral("UYW"), 4}};
    return exceptions.value(code, 2);
}

// For each currency, the symbol most locales use for it among those no other currency uses.
// ("$" serves two dozen currencies and "£" five; "€" and "US$" are unambiguous.)
const QHash<QString, QString> &unambiguousSymbols()
{
    static const QHash<QString, QString> symbols = [] {
        QHash<QString, QHash<QString, int>> uses; // currency -> symbol -> locales
        QHash<QString, QString> owner;            // symbol -> its currency, or "" when shared
        const auto locales =
            QLocale::matchingLocales(QLocale::AnyLanguage, QLocale::AnyScript, QLocale::AnyTerritory);
        for (const QLocale &locale : locales) {
            const QString code = locale.currencySymbol(QLocale::CurrencyIsoCode);
            const QString symbol = locale.currencySymbol(QLocale::CurrencySymbol);
            if (code.isEmpty() || symbol.isEmpty() || symbol != withoutFormatCharacters(symbol))
                continue;
            ++uses[code][symbol];
            const auto it = owner.constFind(symbol);
            owner[symbol] = it == owner.constEnd() || *it == code ? code : QString();
        }
        QHash<QString, QString> best;
        for (auto code = uses.cbegin(); code != uses.cend(); ++code) {
            int most = 0;
            for (auto symbol = code->cbegin(); symbol != code->cend(); ++symbol) {
                if (owner.value(symbol.key()) == code.key() &&
                    (symbol.value() > most || (symbol.value() == most && symbol.key() < best[code.key()]))) {
                    most = symbol.value();
                    best[code.key()] = symbol.key();
                }
            }
            if (best.value(code.key()).isEmpty())
                best.remove(code.key());
        }
        return best;
    }();
    return symbols;
}

QString currencySymbol(const QString &code, const QLocale &locale)
{
    // People read their own locale's symbol as their own currency ("$" in the US, "€" in Germany).
    if (locale.currencySymbol(QLocale::CurrencyIsoCode) == code) {
        const QString own = locale.currencySymbol(QLocale::CurrencySymbol);
        if (!own.isEmpty() && own == withoutFormatCharacters(own))
            return own;
    }
    return unambiguousSymbols().value(code, code);
}

} // namespace

bool Decimal::isZero() const
{
    return integer == "0" && std::all_of(fraction.begin(), fraction.end(), [](char c) { return c == '0'; });
}

std::optional<Decimal> parseDecimal(std::string_view text)
{
    const std::size_t point = text.find('.');
    const std::string_view integer = text.substr(0, point);
    const std::string_view fraction =
        point == std::string_view::npos ? std::string_view() : text.substr(point + 1);
    if (integer.empty() || integer.size() > kMaxIntegerDigits ||
        !std::all_of(integer.begin(), integer.end(), isDigit))
        return std::nullopt;
    if (integer.size() > 1 && integer.front() == '0')
        return std::nullopt;
    if (point != std::string_view::npos && (fraction.empty() || fraction.size() > kMaxFractionDigits ||
                                            !std::all_of(fraction.begin(), fraction.end(), isDigit)))
        return std::nullopt;
    return Decimal{std::string(integer), std::string(fraction)};
}

std::optional<Decimal> decimalFromJson(const nlohmann::json &value, bool allowString)
{
    if (value.is_string())
        return allowString ? parseDecimal(value.get_ref<const std::string &>()) : std::nullopt;
    if (!value.is_number())
        return std::nullopt;
    // For a double, dump() writes the shortest text that reads back as the same double: what the
    // sender most likely wrote, with no rounding surprises. A sign or an exponent is refused here.
    return parseDecimal(value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

QString formatDecimal(const Decimal &number, const QLocale &locale, int minFractionDigits)
{
    QString text = locale.toString(qulonglong(std::stoull(number.integer)));
    std::string fraction = number.fraction;
    if (fraction.size() < std::size_t(minFractionDigits))
        fraction.append(std::size_t(minFractionDigits) - fraction.size(), '0');
    if (!fraction.empty()) {
        text += locale.decimalPoint();
        for (char digit : fraction)
            text += locale.toString(digit - '0');
    }
    return withoutFormatCharacters(text);
}

bool isCurrencyCode(const nlohmann::json &value)
{
    if (!value.is_string())
        return false;
    const std::string &code = value.get_ref<const std::string &>();
    return code.size() == 3 && std::all_of(code.begin(), code.end(), isUpper);
}

QString formatAmount(const Decimal &amount, const QString &currencyCode, const QLocale &locale)
{
    const QString number = formatDecimal(amount, locale, minorUnits(currencyCode));
    const QString symbol = currencySymbol(currencyCode, locale);
    // Qt formats currencies from doubles only; take the locale's layout from a formatted 1 and put
    // the exact digits in its place.
    QString layout = withoutFormatCharacters(locale.toCurrencyString(qlonglong(1), symbol));
    const QString one = locale.toString(1);
    const qsizetype numberAt = layout.indexOf(one);
    const qsizetype symbolAt = layout.indexOf(symbol);
    if (numberAt < 0 || symbolAt < 0)
        return number + QChar::Nbsp + currencyCode;
    layout.replace(numberAt, one.size(), number);
    // Layouts written for symbols like "$" glue them to the number; an ISO code needs a space.
    const qsizetype newSymbolAt = layout.indexOf(symbol);
    if (newSymbolAt + symbol.size() == numberAt && symbol.back().isLetter())
        layout.insert(numberAt, QChar::Nbsp);
    else if (numberAt + number.size() == newSymbolAt && symbol.front().isLetter())
        layout.insert(newSymbolAt, QChar::Nbsp);
    return layout;
}

std::optional<QString> ibanFromJson(const nlohmann::json &value)
{
    if (!value.is_string())
        return std::nullopt;
    std::string iban;
    for (char c : value.get_ref<const std::string &>()) {
        if (c != ' ')
            iban += c;
    }
    if (iban.size() < 15 || iban.size() > 34 || !isUpper(iban[0]) || !isUpper(iban[1]) || !isDigit(iban[2]) ||
        !isDigit(iban[3]) || !std::all_of(iban.begin(), iban.end(), isUpperOrDigit))
        return std::nullopt;
    // ISO 7064 mod 97-10: the first four characters move to the end, letters count as 10–35.
    int remainder = 0;
    const std::string rearranged = iban.substr(4) + iban.substr(0, 4);
    for (char c : rearranged) {
        const int digitValue = isDigit(c) ? c - '0' : c - 'A' + 10;
        remainder = (remainder * (digitValue >= 10 ? 100 : 10) + digitValue) % 97;
    }
    if (remainder != 1)
        return std::nullopt;
    return QString::fromLatin1(iban.data(), qsizetype(iban.size()));
}

QString maskIban(const QString &iban)
{
    QString masked;
    for (qsizetype i = 0; i < iban.size(); ++i) {
        if (i > 0 && i % 4 == 0)
            masked += u' ';
        masked += i < 2 || i >= iban.size() - 4 ? iban[i] : QChar(0x2022);
    }
    return masked;
}

bool isBic(const nlohmann::json &value)
{
    if (!value.is_string())
        return false;
    const std::string &bic = value.get_ref<const std::string &>();
    return (bic.size() == 8 || bic.size() == 11) && std::all_of(bic.begin(), bic.begin() + 6, isUpper) &&
           std::all_of(bic.begin() + 6, bic.end(), isUpperOrDigit);
}

bool isTicker(const nlohmann::json &value)
{
    if (!value.is_string())
        return false;
    const std::string &ticker = value.get_ref<const std::string &>();
    const auto allowed = [](char c) {
        return isUpperOrDigit(c) || (c >= 'a' && c <= 'z') || c == '.' || c == '-';
    };
    return !ticker.empty() && ticker.size() <= 12 && std::all_of(ticker.begin(), ticker.end(), allowed) &&
           ticker.front() != '.' && ticker.front() != '-';
}

} // namespace countersign::rar::detail
