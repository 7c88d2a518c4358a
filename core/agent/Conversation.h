#pragma once

#include "common/Result.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <nlohmann/json.hpp>

namespace countersign::agent {

// One entry of a chat with the agent. What the model may read is exactly these fields: there is
// no place here for a credential (tokens travel in a tool call's ToolContext, never in a message).
struct Message
{
    enum class Kind
    {
        User,       // text: what the person typed
        Assistant,  // text: the agent's answer
        ToolCall,   // callId, toolName, arguments: the agent asks for a tool to run
        ToolResult, // callId, toolName, result (JSON the model reads), isError
        Interrupt   // callId, toolName, text (what is awaited, in words), interrupt (how to resume)
    };

    Kind kind = Kind::User;
    QString text;
    QString callId;
    QString toolName;
    nlohmann::json arguments = nlohmann::json::object();
    nlohmann::json result;
    bool isError = false;
    // For an Interrupt: {"type": "...", ...} — handles to resume with (a CIBA auth_req_id, a
    // device code's expiry), never a token. Kept out of what the model is sent.
    nlohmann::json interrupt = nlohmann::json::object();
    QDateTime at;

    static Message user(const QString &text);
    static Message assistant(const QString &text);
    static Message toolCall(const QString &callId, const QString &toolName, nlohmann::json arguments);
    static Message toolResult(const QString &callId, const QString &toolName, nlohmann::json result,
                              bool isError);

    nlohmann::ordered_json toJson() const;
    // Errors: "conversation_invalid", naming the field.
    static Result<Message> fromJson(const nlohmann::json &json);
};

QString kindName(Message::Kind kind);

// One approval the agent asked the person for (a CIBA request), and where it stands: for a
// provider whose approvals reach the person elsewhere (Auth0 Guardian), so that the app still
// shows what its agent waits on.
struct AgentApproval
{
    enum class State
    {
        Waiting,  // no decision yet
        Approved, // the tool ran with the approval
        Denied,
        Expired,
        Failed // the call ended otherwise (stopped, the provider failed); see `problem`
    };
    QString callId;
    QString toolName;
    QString bindingMessage;
    QDateTime requestedAt;
    QDateTime expiresAt;
    State state = State::Waiting;
    QString problem; // for Failed: why, in words
};

// The whole chat, oldest first.
struct Conversation
{
    QList<Message> messages;

    // The tool calls that have no result yet (running, or waiting on an interrupt): what a
    // restarted app must pick up again.
    QList<Message> unresolvedCalls() const;
    // The latest interrupt of `callId`, if the call is still waiting on it.
    const Message *pendingInterrupt(const QString &callId) const;
    // The CIBA approvals the agent asked for in this chat, newest first (each call's latest request).
    QList<AgentApproval> approvals() const;

    nlohmann::ordered_json toJson() const;
    static Result<Conversation> fromJson(const nlohmann::json &json);
};

} // namespace countersign::agent
