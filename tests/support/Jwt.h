#pragma once

#include "jose/Base64Url.h"

#include <QByteArray>
#include <QList>

#include <nlohmann/json.hpp>

namespace countersign::test {

// The claims of a JWT, unverified: for tests that read what the sandbox put into a token it just
// issued (the app itself only ever relies on validated tokens).
inline nlohmann::json jwtClaims(const QByteArray &jwt)
{
    const QList<QByteArray> parts = jwt.split('.');
    if (parts.size() != 3)
        return {};
    const auto payload = jose::base64UrlDecode(parts[1]);
    return payload ? nlohmann::json::parse(payload->toStdString(), nullptr, false) : nlohmann::json();
}

} // namespace countersign::test
