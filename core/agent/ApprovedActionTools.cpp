#include "ApprovedActionTools.h"

#include "agent/AgentErrors.h"
#include "common/Json.h"
#include "net/HttpClient.h"

#include <QCoreApplication>
#include <QRandomGenerator>

namespace countersign::agent {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ApprovedActionTools)
};

// Arguments were checked against the tool's schema, but they come from the model (a server): read
// them with the non-throwing readers all the same.
std::string text(const nlohmann::json &arguments, const char *name)
{
    return jsonString(arguments, name).toStdString();
}

qint64 quantity(const nlohmann::json &arguments)
{
    return jsonInteger(arguments, "qty").value_or(0);
}

// A short random tag tells two otherwise identical requests apart on both screens.
QString randomTag()
{
    return QStringLiteral(" #") + QString::number(QRandomGenerator::global()->bounded(1000, 10000));
}

// `text` with only the characters a binding message may hold (ASCII letters, digits, space and
// + - _ . , : #), others dropped.
QString bindingSafe(const QString &text)
{
    QString safe;
    for (const QChar c : text)
        if ((c.unicode() < 128 && c.isLetterOrNumber()) || QStringView(u" +-_.,:#").contains(c))
            safe += c;
    return safe.simplified();
}

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
    return {
        buy ? QStringLiteral("buy_stock") : QStringLiteral("sell_stock"),
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
                          {"ticker", text(arguments, "ticker")},
                          {"qty", quantity(arguments)}};
    if (arguments.contains("limit_price")) {
        detail["limit_price"] = arguments["limit_price"];
        detail["currency"] = "USD";
    }
    return nlohmann::json::array({detail});
}

QString StockOrderTool::bindingMessage(Action action, const nlohmann::json &arguments)
{
    QString message = QStringLiteral("%1 %2 %3")
                          .arg(action == Action::Buy ? QStringLiteral("Buy") : QStringLiteral("Sell"))
                          .arg(quantity(arguments))
                          .arg(jsonString(arguments, "ticker"));
    if (arguments.contains("limit_price") && arguments["limit_price"].is_number())
        message += QStringLiteral(" limit %1").arg(arguments["limit_price"].get<double>(), 0, 'f', 2);
    return (message + randomTag()).left(64);
}

void StockOrderTool::run(const nlohmann::json &arguments, const ToolContext &context,
                         Callback<nlohmann::json> done)
{
    if (context.accessToken.isEmpty()) {
        done(Error{errors::unauthorized, Tr::tr("There is no approval for this trade.")});
        return;
    }
    nlohmann::json order{{"action", actionName(m_action)},
                         {"ticker", text(arguments, "ticker")},
                         {"qty", quantity(arguments)}};
    if (arguments.contains("limit_price"))
        order["limit_price"] = arguments["limit_price"];
    // Tied to the client, not the tool (no QObject): the callback holds nothing of the tool.
    m_http->postJson(
        m_ordersEndpoint, order, m_http,
        [done = std::move(done)](Result<nlohmann::json> placed) {
            if (!placed)
                done(Error{placed.error().code,
                           Tr::tr("The stock API refused the order: %1").arg(placed.error().message)});
            else
                done(std::move(placed).value());
        },
        context.accessToken);
}

PaymentTool::PaymentTool(net::HttpClient *http, QUrl paymentsEndpoint)
    : m_http(http), m_paymentsEndpoint(std::move(paymentsEndpoint))
{}

ToolSpec PaymentTool::spec() const
{
    return {
        QStringLiteral("make_payment"),
        QStringLiteral(
            "Pay an amount to someone from the user's account. Each payment needs the user's approval."),
        nlohmann::json{
            {"type", "object"},
            {"properties",
             {{"amount",
               {{"type", "string"},
                {"pattern", "^[0-9]{1,9}(\\.[0-9]{1,2})?$"},
                {"description", "Decimal amount, e.g. 25.00"}}},
              {"currency", {{"type", "string"}, {"pattern", "^[A-Z]{3}$"}, {"description", "ISO 4217 code"}}},
              {"creditor",
               {{"type", "string"}, {"minLength", 1}, {"maxLength", 70}, {"description", "Whom to pay"}}}}},
            {"required", {"amount", "currency", "creditor"}},
            {"additionalProperties", false}}};
}

nlohmann::json PaymentTool::authorizationDetails(const nlohmann::json &arguments)
{
    return nlohmann::json::array(
        {{{"type", "payment_initiation"},
          {"instructedAmount",
           {{"amount", text(arguments, "amount")}, {"currency", text(arguments, "currency")}}},
          {"creditorName", text(arguments, "creditor")}}});
}

QString PaymentTool::bindingMessage(const nlohmann::json &arguments)
{
    const QString head = QStringLiteral("Pay %1 %2 to ")
                             .arg(jsonString(arguments, "amount"), jsonString(arguments, "currency"));
    const QString tag = randomTag();
    const QString creditor = bindingSafe(jsonString(arguments, "creditor"));
    return bindingSafe(head + creditor.left(std::max<qsizetype>(0, 64 - head.size() - tag.size()))) + tag;
}

void PaymentTool::run(const nlohmann::json &arguments, const ToolContext &context,
                      Callback<nlohmann::json> done)
{
    if (context.accessToken.isEmpty()) {
        done(Error{errors::unauthorized, Tr::tr("There is no approval for this payment.")});
        return;
    }
    const nlohmann::json payment{{"amount", text(arguments, "amount")},
                                 {"currency", text(arguments, "currency")},
                                 {"creditor", text(arguments, "creditor")}};
    // Tied to the client, not the tool (no QObject): the callback holds nothing of the tool.
    m_http->postJson(
        m_paymentsEndpoint, payment, m_http,
        [done = std::move(done)](Result<nlohmann::json> made) {
            if (!made)
                done(Error{made.error().code,
                           Tr::tr("The payments API refused the payment: %1").arg(made.error().message)});
            else
                done(std::move(made).value());
        },
        context.accessToken);
}

} // namespace countersign::agent
