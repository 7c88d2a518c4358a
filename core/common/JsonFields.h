#pragma once

#include "common/Result.h"

#include <QDateTime>
#include <QString>

#include <nlohmann/json.hpp>

#include <functional>

namespace countersign {

// Reads the members of one JSON object a server sent, turning any missing or malformed member
// into the caller's error (which names the field). Absent and null optional members read as empty.
class JsonFields
{
public:
    using Invalid = std::function<Error(const QString &field)>;

    JsonFields(const nlohmann::json &object, Invalid invalid)
        : m_object(object), m_invalid(std::move(invalid))
    {}

    // A string member; a required one must be non-empty.
    Result<QString> string(const char *name, bool required) const
    {
        const auto it = m_object.find(name);
        if (it == m_object.end() || it->is_null()) {
            if (required)
                return m_invalid(QString::fromLatin1(name));
            return QString();
        }
        if (!it->is_string() || (required && it->get_ref<const std::string &>().empty()))
            return m_invalid(QString::fromLatin1(name));
        return QString::fromStdString(it->get<std::string>());
    }

    // An ISO 8601 time (as isoTime() writes it), in UTC; an invalid QDateTime when optional and absent.
    Result<QDateTime> time(const char *name, bool required) const
    {
        auto text = string(name, required);
        if (!text)
            return text.error();
        if (text->isEmpty())
            return QDateTime();
        QDateTime time = QDateTime::fromString(text.value(), Qt::ISODateWithMs);
        if (!time.isValid())
            return m_invalid(QString::fromLatin1(name));
        return time.toUTC();
    }

    // A JSON array member; absent or null reads as an empty array.
    Result<nlohmann::json> array(const char *name) const
    {
        const auto it = m_object.find(name);
        if (it == m_object.end() || it->is_null())
            return nlohmann::json::array();
        if (!it->is_array())
            return m_invalid(QString::fromLatin1(name));
        return *it;
    }

private:
    const nlohmann::json &m_object;
    Invalid m_invalid;
};

// UTC with milliseconds, e.g. "2025-03-01T09:30:00.182Z": how Countersign's protocols write times.
inline std::string isoTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs).toStdString();
}

} // namespace countersign
