#pragma once

#include <QString>
#include <QtGlobal>

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>

namespace countersign {

// Readers for members of JSON that came from outside, for any type the value turns out to have.
// nlohmann's own value(key, default) and get<T>() throw type_error on a member of another type,
// and an exception leaving a reply callback ends the app: use these instead. Each takes any JSON
// (not only an object) and reads a member that is absent, null or of another type as "none".
// For optional, display-only fields; required fields get their own checks and errors (JsonFields).

// The string member `name`, or an empty string.
inline QString jsonString(const nlohmann::json &object, const char *name)
{
    if (!object.is_object())
        return {};
    const auto it = object.find(name);
    return it != object.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
}

// The integer member `name`: a JSON integer, or a number without a fraction, that fits in qint64.
inline std::optional<qint64> jsonInteger(const nlohmann::json &object, const char *name)
{
    if (!object.is_object())
        return std::nullopt;
    const auto it = object.find(name);
    if (it == object.end())
        return std::nullopt;
    if (it->is_number_unsigned()) {
        const auto value = it->get<std::uint64_t>();
        if (value > static_cast<std::uint64_t>(std::numeric_limits<qint64>::max()))
            return std::nullopt;
        return static_cast<qint64>(value);
    }
    if (it->is_number_integer())
        return it->get<std::int64_t>();
    if (it->is_number_float()) {
        // 2^63 is exact as a double; the cast below is only defined inside the range.
        const double value = it->get<double>();
        if (std::isfinite(value) && std::trunc(value) == value && value >= -9223372036854775808.0 &&
            value < 9223372036854775808.0)
            return static_cast<qint64>(value);
    }
    return std::nullopt;
}

// The boolean member `name`, if it is one (not "true", not 1).
inline std::optional<bool> jsonBool(const nlohmann::json &object, const char *name)
{
    if (!object.is_object())
        return std::nullopt;
    const auto it = object.find(name);
    return it != object.end() && it->is_boolean() ? std::optional<bool>(it->get<bool>()) : std::nullopt;
}

// The array member `name`, or an empty array.
inline const nlohmann::json &jsonArray(const nlohmann::json &object, const char *name)
{
    static const nlohmann::json empty = nlohmann::json::array();
    if (!object.is_object())
        return empty;
    const auto it = object.find(name);
    return it != object.end() && it->is_array() ? *it : empty;
}

} // namespace countersign
