#include "StockTools.h"

#include "net/HttpClient.h"

#include <QCoreApplication>
#include <QRandomGenerator>

namespace countersign::agent {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(StockTools)
};

const char *actionName(StockOrderTool::Action action)
{
    return action == StockOrderTool::Action::Buy ? "buy" : "sell";
}

} // namespace

StockOrderTool::StockOrderTool(Action action, net::HttpClient *http, QUrl ordersEndpoint)
    : m_action(action), m_http(http), m_ordersEndpoint(std::move(ordersEndpoint))
{}

ToolSpec StockOrderTool::spec() const
{
    const bool buy = m_action == Action::Buy;
    return {buy ? QStringLiteral("buy_stock") : QStringLiteral("sell_stock"),
            buy ? QStringLiteral("Buy shares of a stock for the user. Each trade needs the user's approval.")
                : QStringLiteral("Sell shares of a stock for the user. Each trade needs the user's approval."),
            nlohmann::json{
                {"type", "object"},
                {"properties",
                 {{"ticker", {{"type", "string"}, {"pattern", "^[A-Z]{1,8}$"}, {"description", "Stock symbol"}}},
                  {"qty", {{"type", "integer"}, {"minimum", 1}, {"maximum", 100000}}},
                  {"limit_price",
                   {{"type", "number"},
                    {"exclusiveMinimum", 0},
                    {"description", buy ? "Highest price per share" : "Lowest price per share"}}}}},
                {"required", {"ticker", "qty"}},
                {"additionalProperties", false}}};
}

nlohmann::json StockOrderTool::authorizationDetails(Action action, const nlohmann::json &arguments)
{
    nlohmann::json detail{{"type", "trade_authorization"},
                          {"action", actionName(action)},
                          {"ticker", arguments.value("ticker", "")},
                          {"qty", arguments.value("qty", 0)}};
    if (arguments.contains("limit_price")) {
        detail["limit_price"] = arguments["limit_price"];
        detail["currency"] = "USD";
    }
    return nlohmann::json::array({detail});
}

QString StockOrderTool::bindingMessage(Action action, const nlohmann::json &arguments)
{
    // A short random tag tells two otherwise identical requests apart on both screens.
    const QString tag = QString::number(QRandomGenerator::global()->bounded(1000, 10000));
    QString message = QStringLiteral("%1 %2 %3")
                          .arg(action == Action::Buy ? QStringLiteral("Buy") : QStringLiteral("Sell"))
                          .arg(arguments.value("qty", 0))
                          .arg(QString::fromStdString(arguments.value("ticker", "")));
    if (arguments.contains("limit_price") && arguments["limit_price"].is_number())
        message += QStringLiteral(" limit %1").arg(arguments["limit_price"].get<double>(), 0, 'f', 2);
    return (message + QStringLiteral(" #") + tag).left(64);
}

void StockOrderTool::run(const nlohmann::json &arguments, const ToolContext &context, Callback<nlohmann::json> done)
{
    if (context.accessToken.isEmpty()) {
        done(Error{QStringLiteral("unauthorized"), Tr::tr("There is no approval for this trade.")});
        return;
    }
    nlohmann::json order{{"action", actionName(m_action)},
                         {"ticker", arguments.value("ticker", "")},
                         {"qty", arguments.value("qty", 0)}};
    if (arguments.contains("limit_price"))
        order["limit_price"] = arguments["limit_price"];
    m_http->postJson(m_ordersEndpoint, order, [done = std::move(done)](Result<nlohmann::json> placed) {
        if (!placed)
            done(Error{placed.error().code, Tr::tr("The stock API refused the order: %1").arg(placed.error().message)});
        else
            done(std::move(placed).value());
    }, context.accessToken);
}

} // namespace countersign::agent
