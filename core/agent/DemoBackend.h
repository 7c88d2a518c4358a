#pragma once

#include "agent/Backend.h"

namespace countersign::agent {

// The offline demo agent: deterministic, no network, no model. It understands the demo's requests
// in plain English and answers from the tool results:
//   buy|sell N shares of TICKER [at most PRICE]     -> buy_stock / sell_stock
//   pay AMOUNT CURRENCY to NAME                     -> make_payment
//   check my calendar [on] YYYY-MM-DD|today|tomorrow -> check_calendar
//   fetch data record ID                            -> fetch_data_record
//   search documents about TOPIC                    -> search_documents
//   who am I / what can I do                        -> answered from the profile
// Anything else gets a short list of what it understands. The UI calls it what it is: a
// rule-based demo agent, not a language model.
class DemoBackend : public Backend
{
    Q_OBJECT
public:
    using Backend::Backend;

    QString label() const override;
    void respond(const Conversation &conversation, const QList<ToolSpec> &tools, const AgentProfile &profile,
                 BackendEvents events) override;
    void cancel() override;

    // The tool call a request would make, if it is one the demo understands: {name, arguments}.
    // `today` anchors "today" and "tomorrow". Exposed for tests.
    struct Intent
    {
        QString tool; // empty: no tool (whoami, help, or not understood)
        nlohmann::json arguments = nlohmann::json::object();
        enum class Kind
        {
            Tool,
            WhoAmI,
            Unknown
        } kind = Kind::Unknown;
    };
    static Intent understand(const QString &request, const QDate &today);

private:
    quint64 m_turn = 0; // bumped by cancel() and each respond(): stale deliveries are dropped
};

} // namespace countersign::agent
