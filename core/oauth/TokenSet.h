#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QStringList>

#include <nlohmann/json.hpp>

namespace countersign::oauth {

// The tokens of one signed-in session. Lives in memory and, serialised, in the OS keychain only.
struct TokenSet
{
    QByteArray accessToken;
    QByteArray refreshToken; // may be empty
    QByteArray idToken;      // may be empty after a refresh that returned none
    QString tokenType;
    QDateTime accessTokenExpiresAt; // invalid = unknown
    QStringList scopes;
    // RFC 9396 §7: the authorization details the server granted, when it returned any (a JSON array).
    nlohmann::json authorizationDetails;

    // Parses an RFC 6749 §5.1 token response. Errors name what is wrong ("token_response_invalid").
    // `now` anchors expires_in.
    static Result<TokenSet> fromTokenResponse(const nlohmann::json &json, const QDateTime &now);

    // A refresh response may omit refresh_token (no rotation) or id_token: keep the old ones then.
    TokenSet mergedWithRefresh(const TokenSet &refreshed) const;

    bool accessTokenExpiresWithin(std::chrono::seconds margin, const QDateTime &now) const;

    nlohmann::json toJson() const;
    static Result<TokenSet> fromJson(const nlohmann::json &json);
};

} // namespace countersign::oauth
