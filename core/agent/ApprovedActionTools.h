#pragma once

#include "agent/Tool.h"

#include <QUrl>

namespace countersign::net {
class HttpClient;
}

namespace countersign::agent {

// The tools whose every call is one action the person approves on its own (CIBA with an RFC 9396
// authorization detail): a trade and a payment. Each approval allows exactly that one action.

// buy_stock / sell_stock: place an order at the stock API (POST <api>/orders) with the token the
// tool's authorizer obtained for exactly this trade. The API checks that the token's
// trade_authorization matches the order; the tool reports what it filled, or why not.
class StockOrderTool : public Tool
{
public:
    enum class Action
    {
        Buy,
        Sell
    };
    StockOrderTool(Action action, net::HttpClient *http, QUrl ordersEndpoint);

    ToolSpec spec() const override;
    void run(const nlohmann::json &arguments, const ToolContext &context,
             Callback<nlohmann::json> done) override;

    // The trade_authorization (RFC 9396) this tool's arguments ask for, and the binding message
    // (at most 64 characters of CIBA's allowed set) the person compares on both screens.
    static nlohmann::json authorizationDetails(Action action, const nlohmann::json &arguments);
    static QString bindingMessage(Action action, const nlohmann::json &arguments);

private:
    Action m_action;
    net::HttpClient *m_http;
    QUrl m_ordersEndpoint;
};

// make_payment: start a payment at the payments API (POST <api>/payments) with the token the
// tool's authorizer obtained for exactly this payment (a payment_initiation, RFC 9396 §2).
class PaymentTool : public Tool
{
public:
    PaymentTool(net::HttpClient *http, QUrl paymentsEndpoint);

    ToolSpec spec() const override;
    void run(const nlohmann::json &arguments, const ToolContext &context,
             Callback<nlohmann::json> done) override;

    static nlohmann::json authorizationDetails(const nlohmann::json &arguments);
    // "Pay 25.00 EUR to Erika #1234": CIBA's characters only, at most 64.
    static QString bindingMessage(const nlohmann::json &arguments);

private:
    net::HttpClient *m_http;
    QUrl m_paymentsEndpoint;
};

} // namespace countersign::agent
