#pragma once

#include <QString>

#include <nlohmann/json.hpp>

namespace countersign {

// The string member `name` of a JSON object, or an empty string when it is absent or not a string.
// For optional, display-only fields; required fields get their own checks and errors.
inline QString jsonString(const nlohmann::json &object, const char *name)
{
    if (!object.is_object())
        return {};
    const auto it = object.find(name);
    return it != object.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
}

} // namespace countersign
