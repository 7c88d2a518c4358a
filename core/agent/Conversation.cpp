#include "Conversation.h"

#include "agent/AgentErrors.h"
#include "common/Json.h"
#include "common/JsonFields.h"
#include "oauth/OAuthErrors.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

namespace countersign::agent {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Conversation)
};

Error invalid(const QString &field)
{
    return {errors::conversationInvalid,
            Tr::tr("The saved conversation has a missing or malformed \"%1\".").arg(field)};
}

constexpr Message::Kind kKinds[] = {Message::Kind::User, Message::Kind::Assistant, Message::Kind::ToolCall,
                                    Message::Kind::ToolResult, Message::Kind::Interrupt};

} // namespace

QString kindName(Message::Kind kind)
{
    switch (kind) {
    case Message::Kind::User:
        return QStringLiteral("user");
    case Message::Kind::Assistant:
        return QStringLiteral("assistant");
    case Message::Kind::ToolCall:
        return QStringLiteral("tool_call");
    case Message::Kind::ToolResult:
        return QStringLiteral("tool_result");
    case Message::Kind::Interrupt:
        return QStringLiteral("interrupt");
    }
    return {};
}

Message Message::user(const QString &text)
{
    Message message;
    message.kind = Kind::User;
    message.text = text;
    message.at = QDateTime::currentDateTimeUtc();
    return message;
}

Message Message::assistant(const QString &text)
{
    Message message = user(text);
    message.kind = Kind::Assistant;
    return message;
}

Message Message::toolCall(const QString &callId, const QString &toolName, nlohmann::json arguments)
{
    Message message = user({});
    message.kind = Kind::ToolCall;
    message.callId = callId;
    message.toolName = toolName;
    message.arguments = std::move(arguments);
    return message;
}

Message Message::toolResult(const QString &callId, const QString &toolName, nlohmann::json result,
                            bool isError)
{
    Message message = user({});
    message.kind = Kind::ToolResult;
    message.callId = callId;
    message.toolName = toolName;
    message.result = std::move(result);
    message.isError = isError;
    return message;
}

nlohmann::ordered_json Message::toJson() const
{
    nlohmann::ordered_json json{{"kind", kindName(kind).toStdString()}, {"at", isoTime(at)}};
    if (!text.isEmpty())
        json["text"] = text.toStdString();
    if (!callId.isEmpty())
        json["call_id"] = callId.toStdString();
    if (!toolName.isEmpty())
        json["tool"] = toolName.toStdString();
    if (kind == Kind::ToolCall)
        json["arguments"] = nlohmann::ordered_json(arguments);
    if (kind == Kind::ToolResult) {
        json["result"] = nlohmann::ordered_json(result);
        json["is_error"] = isError;
    }
    if (kind == Kind::Interrupt)
        json["interrupt"] = nlohmann::ordered_json(interrupt);
    return json;
}

Result<Message> Message::fromJson(const nlohmann::json &json)
{
    if (!json.is_object())
        return invalid(QStringLiteral("message"));
    const JsonFields fields(json, invalid);
    Message message;
    auto kind = fields.string("kind", true);
    if (!kind)
        return kind.error();
    const auto *found = std::find_if(std::begin(kKinds), std::end(kKinds),
                                     [&](Message::Kind k) { return kindName(k) == kind.value(); });
    if (found == std::end(kKinds))
        return invalid(QStringLiteral("kind"));
    message.kind = *found;
    auto at = fields.time("at", false);
    auto text = fields.string("text", false);
    auto callId = fields.string("call_id", message.kind != Kind::User && message.kind != Kind::Assistant);
    auto tool = fields.string("tool", message.kind != Kind::User && message.kind != Kind::Assistant);
    for (const auto *field : {&text, &callId, &tool})
        if (!*field)
            return field->error();
    if (!at)
        return at.error();
    message.at = at.value();
    message.text = text.value();
    message.callId = callId.value();
    message.toolName = tool.value();
    if (message.kind == Kind::ToolCall) {
        if (!json.contains("arguments") || !json["arguments"].is_object())
            return invalid(QStringLiteral("arguments"));
        message.arguments = json["arguments"];
    }
    if (message.kind == Kind::ToolResult) {
        if (!json.contains("result") || !json.contains("is_error") || !json["is_error"].is_boolean())
            return invalid(QStringLiteral("result"));
        message.result = json["result"];
        message.isError = json["is_error"].get<bool>();
    }
    if (message.kind == Kind::Interrupt) {
        if (!json.contains("interrupt") || !json["interrupt"].is_object())
            return invalid(QStringLiteral("interrupt"));
        message.interrupt = json["interrupt"];
    }
    return message;
}

QList<Message> Conversation::unresolvedCalls() const
{
    QSet<QString> answered;
    for (const Message &message : messages)
        if (message.kind == Message::Kind::ToolResult)
            answered.insert(message.callId);
    QList<Message> open;
    for (const Message &message : messages)
        if (message.kind == Message::Kind::ToolCall && !answered.contains(message.callId))
            open.append(message);
    return open;
}

const Message *Conversation::pendingInterrupt(const QString &callId) const
{
    const Message *latest = nullptr;
    for (const Message &message : messages) {
        if (message.callId != callId)
            continue;
        if (message.kind == Message::Kind::ToolResult)
            return nullptr;
        if (message.kind == Message::Kind::Interrupt)
            latest = &message;
    }
    return latest;
}

QList<AgentApproval> Conversation::approvals() const
{
    QList<AgentApproval> found;
    QHash<QString, qsizetype> byCall; // callId -> index in `found`
    for (const Message &message : messages) {
        // Results are what an API answered and interrupts what the file holds: any member may
        // have any type, so only the non-throwing readers of common/Json.h are used here.
        if (message.kind == Message::Kind::Interrupt &&
            jsonString(message.interrupt, "type") == u"async_authorization") {
            AgentApproval approval;
            approval.callId = message.callId;
            approval.toolName = message.toolName;
            approval.bindingMessage = jsonString(message.interrupt, "binding_message");
            approval.requestedAt = message.at;
            approval.expiresAt =
                QDateTime::fromString(jsonString(message.interrupt, "expires_at"), Qt::ISODate);
            if (const auto known = byCall.constFind(message.callId); known != byCall.cend())
                found[*known] = approval; // asked again: the newer request is the one that counts
            else {
                byCall.insert(message.callId, found.size());
                found << approval;
            }
        } else if (message.kind == Message::Kind::ToolResult) {
            const auto known = byCall.constFind(message.callId);
            if (known == byCall.cend())
                continue;
            AgentApproval &approval = found[*known];
            const QString code = jsonString(message.result, "code");
            if (!message.isError)
                approval.state = AgentApproval::State::Approved;
            else if (code == oauth::errors::accessDenied)
                approval.state = AgentApproval::State::Denied;
            else if (code == oauth::errors::expiredToken)
                approval.state = AgentApproval::State::Expired;
            else {
                approval.state = AgentApproval::State::Failed;
                approval.problem = jsonString(message.result, "error");
            }
        }
    }
    std::reverse(found.begin(), found.end());
    return found;
}

nlohmann::ordered_json Conversation::toJson() const
{
    auto list = nlohmann::ordered_json::array();
    for (const Message &message : messages)
        list.push_back(message.toJson());
    return {{"version", 1}, {"messages", list}};
}

Result<Conversation> Conversation::fromJson(const nlohmann::json &json)
{
    if (jsonInteger(json, "version") != 1 || !json.contains("messages") || !json["messages"].is_array())
        return invalid(QStringLiteral("messages"));
    Conversation conversation;
    for (const auto &item : json["messages"]) {
        auto message = Message::fromJson(item);
        if (!message)
            return message.error();
        conversation.messages.append(std::move(message).value());
    }
    return conversation;
}

} // namespace countersign::agent
