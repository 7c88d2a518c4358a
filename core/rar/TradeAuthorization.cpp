// "trade_authorization": the stock trade of Auth0's asynchronous-authorization examples,
// {action: "buy"|"sell", ticker, qty, limit_price?, currency?}.

#include "Formatting.h"
#include "GenericTree.h"
#include "KnownTypes.h"

#include <QCoreApplication>

#include <cstdint>

namespace countersign::rar::detail {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Rar)
};

using nlohmann::json;

// A positive whole number of shares. More than a billion is refused as implausible rather than shown
// in a layout that would make it look ordinary.
std::optional<std::uint64_t> quantity(const json *value)
{
    constexpr std::int64_t kMaxShares = 1'000'000'000;
    if (!value || !value->is_number_integer())
        return std::nullopt;
    if (value->is_number_unsigned()) {
        const auto shares = value->get<std::uint64_t>();
        return shares > 0 && shares <= std::uint64_t(kMaxShares) ? std::optional(shares) : std::nullopt;
    }
    const auto shares = value->get<std::int64_t>();
    return shares > 0 && shares <= kMaxShares ? std::optional(std::uint64_t(shares)) : std::nullopt;
}

} // namespace

QString tradeAuthorizationTitle()
{
    return Tr::tr("Stock trade");
}

std::optional<Section> presentTradeAuthorization(const json &detail, const QLocale &locale)
{
    if (!hasOnlyKeys(detail, {"action", "ticker", "qty", "limit_price", "currency"}))
        return std::nullopt;
    const json *action = optionalMember(detail, "action");
    const json *ticker = optionalMember(detail, "ticker");
    const json *limitPrice = optionalMember(detail, "limit_price");
    const json *currency = optionalMember(detail, "currency");
    if (!action || !action->is_string() || !ticker || !isTicker(*ticker))
        return std::nullopt;
    const bool buy = *action == "buy";
    if (!buy && *action != "sell")
        return std::nullopt;
    const std::optional<std::uint64_t> shares = quantity(optionalMember(detail, "qty"));
    if (!shares)
        return std::nullopt;
    std::optional<Decimal> limit;
    if (limitPrice) {
        limit = decimalFromJson(*limitPrice, false);
        if (!limit || limit->isZero())
            return std::nullopt;
    }
    if (currency && !isCurrencyCode(*currency))
        return std::nullopt;

    const QString code = currency ? utf8Text(currency->get_ref<const std::string &>()) : QString();
    const QString tickerText = utf8Text(ticker->get_ref<const std::string &>());
    const QString count = locale.toString(qulonglong(*shares));
    QString price;
    if (limit)
        price = code.isEmpty() ? formatDecimal(*limit, locale) : formatAmount(*limit, code, locale);

    Section section;
    section.type = QStringLiteral("trade_authorization");
    section.title = tradeAuthorizationTitle();
    section.known = true;
    section.fields.append(makeField(Tr::tr("Action"), buy ? Tr::tr("Buy") : Tr::tr("Sell")));
    section.fields.append(makeField(Tr::tr("Ticker"), tickerText));
    section.fields.append(makeField(Tr::tr("Quantity"), *shares == 1 ? Tr::tr("%1 share").arg(count)
                                                                     : Tr::tr("%1 shares").arg(count)));
    section.fields.append(makeField(Tr::tr("Limit price"), limit ? price : Tr::tr("No limit")));
    if (!limit && !code.isEmpty())
        section.fields.append(makeField(Tr::tr("Currency"), code));
    appendCommonFields(section.fields, detail);

    if (limit) // a buy limit is the most to pay, a sell limit the least to accept
        section.summary = (buy ? Tr::tr("Buy %1 %2 at most %3") : Tr::tr("Sell %1 %2 at least %3"))
                              .arg(count, tickerText, price);
    else
        section.summary = (buy ? Tr::tr("Buy %1 %2 at market price") : Tr::tr("Sell %1 %2 at market price"))
                              .arg(count, tickerText);
    return section;
}

} // namespace countersign::rar::detail
