#pragma once

#include "common/Json.h"

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
        return {jsonString(json, "issuer"), jsonString(json, "sub"), jsonString(json, "name"),
                jsonString(json, "email")};
    }
};

} // namespace countersign::oauth
