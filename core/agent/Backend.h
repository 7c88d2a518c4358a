#pragma once

#include "agent/Conversation.h"
#include "agent/Tool.h"
#include "common/Result.h"

#include <QObject>
#include <QStringList>

#include <functional>

namespace countersign::agent {

// Who the agent works for and what the session allows, in words: what a backend may tell the
// model about the person (never a credential).
struct AgentProfile
{
    QString userName;
    QStringList allowed;   // e.g. "buy and sell stock (each trade approved by you)"
    QStringList forbidden; // e.g. "read your data records: not connected" (with the reason)
};

// What a backend reports while it answers one turn.
struct BackendEvents
{
    std::function<void(const QString &delta)> text; // streamed reply
    std::function<void(const QString &callId, const QString &tool, nlohmann::json)> toolCall; // wants a tool
    std::function<void(Status)> finished; // the turn is over (then: run the calls, or wait for the person)
};

// A language model (or the rule-based demo) behind one interface: given the conversation so far
// and the tools on offer, it streams text and/or asks for tool calls, then finishes.
class Backend : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // How the UI names it ("Rule-based demo agent", "gpt-4o at api.example.com").
    virtual QString label() const = 0;
    virtual void respond(const Conversation &conversation, const QList<ToolSpec> &tools,
                         const AgentProfile &profile, BackendEvents events) = 0;
    // Stops the turn in progress (finished() is not called).
    virtual void cancel() {}
};

} // namespace countersign::agent
