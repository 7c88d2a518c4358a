#include "Tool.h"

#include "agent/AgentErrors.h"
#include <QCoreApplication>
#include <QRegularExpression>

#include <cmath>

namespace countersign::agent {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ArgumentValidation)
};

bool hasType(const nlohmann::json &value, const std::string &type)
{
    if (type == "object")
        return value.is_object();
    if (type == "array")
        return value.is_array();
    if (type == "string")
        return value.is_string();
    if (type == "integer") // 3.0 counts; no cast to an integer type (undefined for 1e300)
        return value.is_number_integer() || (value.is_number_float() && std::isfinite(value.get<double>()) &&
                                             std::trunc(value.get<double>()) == value.get<double>());
    if (type == "number")
        return value.is_number();
    if (type == "boolean")
        return value.is_boolean();
    if (type == "null")
        return value.is_null();
    return false;
}

// The first problem found, as "<path>: <what>", or an empty string.
QString check(const nlohmann::json &schema, const nlohmann::json &value, const QString &path)
{
    const QString where = path.isEmpty() ? Tr::tr("the arguments") : path;
    if (!schema.is_object())
        return {};
    if (const auto type = schema.find("type"); type != schema.end() && type->is_string()) {
        if (!hasType(value, type->get<std::string>()))
            return Tr::tr("%1: must be of type %2")
                .arg(where, QString::fromStdString(type->get<std::string>()));
    }
    if (const auto options = schema.find("enum"); options != schema.end() && options->is_array()) {
        if (std::find(options->begin(), options->end(), value) == options->end())
            return Tr::tr("%1: must be one of %2").arg(where, QString::fromStdString(options->dump()));
    }
    if (value.is_number()) {
        const double number = value.get<double>();
        if (const auto min = schema.find("minimum");
            min != schema.end() && min->is_number() && number < min->get<double>())
            return Tr::tr("%1: must be at least %2").arg(where, QString::fromStdString(min->dump()));
        if (const auto min = schema.find("exclusiveMinimum");
            min != schema.end() && min->is_number() && number <= min->get<double>())
            return Tr::tr("%1: must be more than %2").arg(where, QString::fromStdString(min->dump()));
        if (const auto max = schema.find("maximum");
            max != schema.end() && max->is_number() && number > max->get<double>())
            return Tr::tr("%1: must be at most %2").arg(where, QString::fromStdString(max->dump()));
    }
    if (value.is_string()) {
        const QString text = QString::fromStdString(value.get<std::string>());
        if (const auto min = schema.find("minLength");
            min != schema.end() && min->is_number_integer() && text.size() < min->get<qint64>())
            return Tr::tr("%1: must have at least %2 characters").arg(where).arg(min->get<qint64>());
        if (const auto max = schema.find("maxLength");
            max != schema.end() && max->is_number_integer() && text.size() > max->get<qint64>())
            return Tr::tr("%1: must have at most %2 characters").arg(where).arg(max->get<qint64>());
        if (const auto pattern = schema.find("pattern"); pattern != schema.end() && pattern->is_string()) {
            // The whole value: on its own, "$" also matches just before a final "\n".
            const QString written = QString::fromStdString(pattern->get<std::string>());
            const QRegularExpression re(QRegularExpression::anchoredPattern(written));
            if (re.isValid() && !re.match(text).hasMatch())
                return Tr::tr("%1: must match %2").arg(where, written);
        }
    }
    if (value.is_object()) {
        const auto properties = schema.value("properties", nlohmann::json::object());
        for (const auto &name : schema.value("required", nlohmann::json::array()))
            if (name.is_string() && !value.contains(name.get<std::string>()))
                return Tr::tr("%1: is missing \"%2\"")
                    .arg(where, QString::fromStdString(name.get<std::string>()));
        for (auto it = value.begin(); it != value.end(); ++it) {
            const QString member = path.isEmpty() ? QString::fromStdString(it.key())
                                                  : path + u'.' + QString::fromStdString(it.key());
            if (properties.contains(it.key())) {
                if (QString problem = check(properties[it.key()], it.value(), member); !problem.isEmpty())
                    return problem;
            } else if (const auto additional = schema.find("additionalProperties");
                       additional != schema.end() && *additional == false) {
                return Tr::tr("%1: is not a known parameter").arg(member);
            }
        }
    }
    if (value.is_array()) {
        if (const auto items = schema.find("items"); items != schema.end()) {
            for (size_t i = 0; i < value.size(); ++i)
                if (QString problem = check(*items, value[i], QStringLiteral("%1[%2]").arg(where).arg(i));
                    !problem.isEmpty())
                    return problem;
        }
    }
    return {};
}

} // namespace

Result<Done> validateArguments(const nlohmann::json &schema, const nlohmann::json &value)
{
    if (const QString problem = check(schema, value, {}); !problem.isEmpty())
        return Error{errors::invalidArguments, problem};
    return Done{};
}

} // namespace countersign::agent
