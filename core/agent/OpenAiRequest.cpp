#include "OpenAiRequest.h"

#include <QHash>
#include <QSet>
#include <QStringList>

namespace countersign::agent::openai {

namespace {

// Instructions for the model, not text for the person: kept in English, whatever the UI language.
QString systemPrompt(const AgentProfile &profile)
{
    QStringList lines;
    lines << QStringLiteral(
        "You are the agent inside Countersign, a desktop app in which an AI agent acts for a "
        "person only with that person's consent.");
    lines << (profile.userName.isEmpty()
                  ? QStringLiteral("Nobody is signed in, so tools that act for a person will fail.")
                  : QStringLiteral("You act for %1.").arg(profile.userName));
    if (!profile.allowed.isEmpty())
        lines << QStringLiteral("You may: %1.").arg(profile.allowed.join(QStringLiteral("; ")));
    if (!profile.forbidden.isEmpty())
        lines << QStringLiteral("You may not: %1. If asked to, say so and why.")
                     .arg(profile.forbidden.join(QStringLiteral("; ")));
    lines << QStringLiteral(
        "Act only through the tools offered, and never claim something was done unless a tool "
        "confirmed it.");
    lines << QStringLiteral(
        "You never see credentials: tools get them themselves, for exactly one call, and some "
        "calls wait until the person approves them. Never ask for passwords, tokens or codes.");
    lines << QStringLiteral("When a tool returns an error, explain it plainly and briefly.");
    return lines.join(u' ');
}

nlohmann::json toolsJson(const QList<ToolSpec> &tools)
{
    nlohmann::json out = nlohmann::json::array();
    for (const ToolSpec &tool : tools) {
        nlohmann::json parameters = tool.parameters;
        if (!parameters.is_object() || parameters.empty()) // the API wants an object schema
            parameters = {{"type", "object"}, {"properties", nlohmann::json::object()}};
        out.push_back({{"type", "function"},
                       {"function",
                        {{"name", tool.name.toStdString()},
                         {"description", tool.description.toStdString()},
                         {"parameters", std::move(parameters)}}}});
    }
    return out;
}

nlohmann::json messagesJson(const Conversation &conversation, const AgentProfile &profile)
{
    QHash<QString, const Message *> resultOf;
    for (const Message &message : conversation.messages)
        if (message.kind == Message::Kind::ToolResult && !resultOf.contains(message.callId))
            resultOf.insert(message.callId, &message);

    nlohmann::json out = nlohmann::json::array();
    out.push_back({{"role", "system"}, {"content", systemPrompt(profile).toStdString()}});
    QStringList group; // calls of the assistant message at the end of `out`, results not yet sent
    QSet<QString> sent;
    const auto closeGroup = [&] {
        for (const QString &callId : std::as_const(group))
            out.push_back({{"role", "tool"},
                           {"tool_call_id", callId.toStdString()},
                           {"content", dumped(resultOf.value(callId)->result)}});
        group.clear();
    };
    for (const Message &message : conversation.messages) {
        switch (message.kind) {
        case Message::Kind::User:
            closeGroup();
            out.push_back({{"role", "user"}, {"content", message.text.toStdString()}});
            break;
        case Message::Kind::Assistant:
            closeGroup();
            if (!message.text.isEmpty())
                out.push_back({{"role", "assistant"}, {"content", message.text.toStdString()}});
            break;
        case Message::Kind::ToolCall: {
            if (!resultOf.contains(message.callId) || sent.contains(message.callId))
                break;
            // Text the model wrote before asking goes in the same message, as the API returned it.
            const bool mergeable = !out.back().contains("tool_calls") && out.back()["role"] == "assistant";
            if (group.isEmpty() && !mergeable)
                out.push_back({{"role", "assistant"}, {"content", nullptr}});
            out.back()["tool_calls"].push_back(
                {{"id", message.callId.toStdString()},
                 {"type", "function"},
                 {"function",
                  {{"name", message.toolName.toStdString()}, {"arguments", dumped(message.arguments)}}}});
            group << message.callId;
            sent << message.callId;
            break;
        }
        case Message::Kind::ToolResult:
        case Message::Kind::Interrupt:
            break;
        }
    }
    closeGroup();
    return out;
}

} // namespace

nlohmann::json chatCompletionRequest(const QString &model, const Conversation &conversation,
                                     const QList<ToolSpec> &tools, const AgentProfile &profile)
{
    nlohmann::json body = {
        {"model", model.toStdString()}, {"stream", true}, {"messages", messagesJson(conversation, profile)}};
    if (!tools.isEmpty())
        body["tools"] = toolsJson(tools);
    return body;
}

QUrl chatCompletionsUrl(QUrl base)
{
    QString path = base.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    base.setPath(path + QStringLiteral("/chat/completions"));
    base.setFragment({});
    return base;
}

QString displayUrl(const QUrl &url)
{
    return url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
}

std::string dumped(const nlohmann::json &json)
{
    return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace countersign::agent::openai
