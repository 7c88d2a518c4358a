#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QString>

#include <nlohmann/json.hpp>

#include <memory>

namespace countersign::agent {

// What the model is told about a tool: its name, what it does, and its parameters as a JSON
// Schema object (the subset validateArguments() understands).
struct ToolSpec
{
    QString name;
    QString description;
    nlohmann::json parameters = nlohmann::json::object();
};

// What one run of a tool gets besides its arguments: who it runs for, and the credential an
// authorizer obtained for exactly this call. It lives only as long as the call and is never
// written into the conversation, so no token can reach the model or the disk.
struct ToolContext
{
    QString callId;
    QString userSubject;
    QString userName;
    QByteArray accessToken; // set by an authorizer; empty for unprotected tools
    nlohmann::json authorizationDetails = nlohmann::json::array(); // what the token was granted for
};

// A tool the agent can call. run() answers with the JSON the model reads, or an Error whose
// message becomes an error result (the model is told what went wrong, in words).
class Tool
{
public:
    virtual ~Tool() = default;
    virtual ToolSpec spec() const = 0;
    virtual void run(const nlohmann::json &arguments, const ToolContext &context,
                     Callback<nlohmann::json> done) = 0;
};

// Checks `value` against `schema` (JSON Schema keywords: type, properties, required,
// additionalProperties (false), enum, minimum, maximum, exclusiveMinimum, minLength, maxLength,
// pattern, items). Errors ("invalid_arguments") name the path and what is wrong, for the model.
// Stricter than JSON Schema in one place: a `pattern` must match the whole string (as if wrapped
// in \A(?:...)\z), so "$" never lets a final line break through ("ACME\n" fails "^[A-Z]{1,8}$").
Result<Done> validateArguments(const nlohmann::json &schema, const nlohmann::json &value);

} // namespace countersign::agent
