#pragma once

#include "agent/Backend.h"

#include <QList>
#include <QString>
#include <QUrl>

#include <nlohmann/json.hpp>

#include <string>

namespace countersign::agent::openai {

// What OpenAiBackend sends: the body of one streamed Chat Completions request. No network here.
//
// The messages are a system message describing `profile`, then the person's and the agent's
// messages, the tool calls that have results and those results. The API wants every assistant
// message with tool_calls to be followed by one tool message per call, so a group of calls is sent
// together with its results, and a call without a result yet (or a result without its call) is
// left out. Interrupts are the app's own state (they may hold approval handles) and are never sent.
nlohmann::json chatCompletionRequest(const QString &model, const Conversation &conversation,
                                     const QList<ToolSpec> &tools, const AgentProfile &profile);

// {base}/chat/completions, whatever slashes `base` ends with.
QUrl chatCompletionsUrl(QUrl base);

// `url` for messages and logs: no user info, query or fragment.
QString displayUrl(const QUrl &url);

// `json` as compact text; invalid UTF-8 is replaced, never thrown.
std::string dumped(const nlohmann::json &json);

} // namespace countersign::agent::openai
