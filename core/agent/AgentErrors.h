#pragma once

#include <QLatin1String>
#include <QString>

// Stable Error::code values of countersign::agent. A tool call's error goes into the conversation
// with its code (Conversation reads what became of an approval from it), so these are also what
// the saved conversation holds. An approval the person denied or let expire carries the
// provider's code (oauth::errors::accessDenied, expiredToken). Compare against these, never
// against Error::message (translated, for people).
namespace countersign::agent::errors {

// The saved conversation file could not be read.
inline constexpr QLatin1String conversationUnreadable{"conversation_unreadable"};
// The saved conversation is not one we can use: a field missing or malformed, or nested too deep.
inline constexpr QLatin1String conversationInvalid{"conversation_invalid"};

// A call was running its tool when the app quit; it is not run again.
inline constexpr QLatin1String interrupted{"interrupted"};
// The person cancelled a call.
inline constexpr QLatin1String cancelled{"cancelled"};
// The model asked for a tool the agent does not have.
inline constexpr QLatin1String unknownTool{"unknown_tool"};
// The model's arguments do not fit the tool's parameters (the message names the path).
inline constexpr QLatin1String invalidArguments{"invalid_arguments"};
// A tool was called without the access its API needs (no approval, no permission).
inline constexpr QLatin1String unauthorized{"unauthorized"};
// An API answered the tool with something it cannot use.
inline constexpr QLatin1String invalidResponse{"invalid_response"};

// A waiting call's saved interrupt cannot be resumed: it is damaged, or there is nothing to resume.
inline constexpr QLatin1String interruptInvalid{"interrupt_invalid"};
// An authorizer has no client for the provider: device authorization or CIBA is not available.
inline constexpr QLatin1String noClient{"no_client"};
// The permission authorizer has no FGA client: permissions cannot be checked.
inline constexpr QLatin1String noFga{"no_fga"};
// The provider's answer (Auth0's code) when the person has not connected the account a federated
// token is asked for.
inline constexpr QLatin1String federatedConnectionNotFound{"federated_connection_refresh_token_not_found"};

// OpenAiBackend, the OpenAI-compatible model server: its address or the model is not set up right.
inline constexpr QLatin1String openAiConfig{"openai_config"};
// The model server refused the API key (HTTP 401).
inline constexpr QLatin1String openAiUnauthorized{"openai_unauthorized"};
// The model server reported an error inside a 2xx answer.
inline constexpr QLatin1String openAiError{"openai_error"};
// The model server answered something that is not a Chat Completions answer (stream or JSON).
inline constexpr QLatin1String openAiBadAnswer{"openai_bad_answer"};
// The model asked for a tool with arguments that are not JSON (or nest too deep): nothing runs.
inline constexpr QLatin1String openAiBadToolCall{"openai_bad_tool_call"};
// The model's answer was cut off: the length limit, a content filter, or a stream that ended early.
inline constexpr QLatin1String openAiIncomplete{"openai_incomplete"};
// The model server answered with HTTP status `status` (other than 401): "openai_http_<status>".
inline QString openAiHttpStatus(int status)
{
    return QStringLiteral("openai_http_%1").arg(status);
}

} // namespace countersign::agent::errors
