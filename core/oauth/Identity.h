#pragma once

#include <QString>

#include <nlohmann/json.hpp>

namespace countersign::oauth {

// Who is signed in, as the provider vouched for it in a validated ID token (and userinfo).
struct Identity
{
    QString issuer;
    QString subject;
    QString name;
    QString email;

    nlohmann::json toJson() const
    {
        return {{"issuer", issuer.toStdString()},
                {"sub", subject.toStdString()},
                {"name", name.toStdString()},
                {"email", email.toStdString()}};
    }
    static Identity fromJson(const nlohmann::json &json)
    {
        auto text = [&json](const char *key) {
            return json.contains(key) && json[key].is_string()
                       ? QString::fromStdString(json[key].get<std::string>())
                       : QString();
        };
        return {text("issuer"), text("sub"), text("name"), text("email")};
    }
};

} // namespace countersign::oauth
