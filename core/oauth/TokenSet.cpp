#include "TokenSet.h"
#include "oauth/OAuthErrors.h"

#include <QCoreApplication>

namespace countersign::oauth {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(TokenSet)
};

Error invalid(const QString &message)
{
    return {errors::tokenResponseInvalid, message};
}

// Token values are opaque ASCII per RFC 6749 §A.12 (VSCHAR); reject anything else so a broken
// server cannot smuggle control characters into headers later.
bool isVsChars(const std::string &value)
{
    if (value.empty())
        return false;
    for (unsigned char c : value)
        if (c < 0x20 || c > 0x7e)
            return false;
    return true;
}

Result<QByteArray> tokenField(const nlohmann::json &json, const char *name, bool required)
{
    if (!json.contains(name) || json[name].is_null()) {
        if (required)
            return invalid(Tr::tr("The token response has no \"%1\".").arg(QString::fromLatin1(name)));
        return QByteArray();
    }
    if (!json[name].is_string() || !isVsChars(json[name].get<std::string>()))
        return invalid(Tr::tr("The token response has a malformed \"%1\".").arg(QString::fromLatin1(name)));
    return QByteArray::fromStdString(json[name].get<std::string>());
}

} // namespace

Result<TokenSet> TokenSet::fromTokenResponse(const nlohmann::json &json, const QDateTime &now)
{
    TokenSet tokens;
    auto access = tokenField(json, "access_token", true);
    if (!access)
        return access.error();
    tokens.accessToken = access.value();
    auto refresh = tokenField(json, "refresh_token", false);
    if (!refresh)
        return refresh.error();
    tokens.refreshToken = refresh.value();
    auto id = tokenField(json, "id_token", false);
    if (!id)
        return id.error();
    tokens.idToken = id.value();

    if (!json.contains("token_type") || !json["token_type"].is_string())
        return invalid(Tr::tr("The token response has no \"token_type\"."));
    tokens.tokenType = QString::fromStdString(json["token_type"].get<std::string>());
    // RFC 6749 §7.1: the type is case-insensitive. We only know how to use bearer tokens.
    if (tokens.tokenType.compare(u"Bearer", Qt::CaseInsensitive) != 0)
        return invalid(
            Tr::tr("The token response has an unsupported token_type \"%1\".").arg(tokens.tokenType));

    if (json.contains("expires_in")) {
        const auto &expiresIn = json["expires_in"];
        // Some servers send the number as a string; accept digits only.
        qint64 seconds = -1;
        if (expiresIn.is_number_integer())
            seconds = expiresIn.get<qint64>();
        else if (expiresIn.is_string()) {
            bool ok = false;
            seconds = QString::fromStdString(expiresIn.get<std::string>()).toLongLong(&ok);
            if (!ok)
                seconds = -1;
        }
        if (seconds <= 0 || seconds > 10LL * 365 * 24 * 3600)
            return invalid(Tr::tr("The token response has an invalid \"expires_in\"."));
        tokens.accessTokenExpiresAt = now.addSecs(seconds);
    }
    if (json.contains("scope")) {
        if (!json["scope"].is_string())
            return invalid(Tr::tr("The token response has a \"scope\" that is not a string."));
        tokens.scopes =
            QString::fromStdString(json["scope"].get<std::string>()).split(u' ', Qt::SkipEmptyParts);
    }
    if (json.contains("authorization_details")) {
        if (!json["authorization_details"].is_array())
            return invalid(Tr::tr("The token response has \"authorization_details\" that are not a list."));
        tokens.authorizationDetails = json["authorization_details"];
    }
    return tokens;
}

TokenSet TokenSet::mergedWithRefresh(const TokenSet &refreshed) const
{
    TokenSet merged = refreshed;
    if (merged.refreshToken.isEmpty())
        merged.refreshToken = refreshToken;
    // Keep the ID token validated at sign-in: one from a refresh is not validated, so it must not
    // replace it (nothing reads it today, and nothing should without validating it first).
    merged.idToken = idToken;
    if (merged.scopes.isEmpty())
        merged.scopes = scopes;
    return merged;
}

bool TokenSet::accessTokenExpiresWithin(std::chrono::seconds margin, const QDateTime &now) const
{
    if (!accessTokenExpiresAt.isValid())
        return false;
    return now.addSecs(margin.count()) >= accessTokenExpiresAt;
}

nlohmann::json TokenSet::toJson() const
{
    nlohmann::json json{{"access_token", accessToken.toStdString()},
                        {"token_type", tokenType.toStdString()},
                        {"scope", scopes.join(u' ').toStdString()}};
    if (!refreshToken.isEmpty())
        json["refresh_token"] = refreshToken.toStdString();
    if (!idToken.isEmpty())
        json["id_token"] = idToken.toStdString();
    if (authorizationDetails.is_array())
        json["authorization_details"] = authorizationDetails;
    if (accessTokenExpiresAt.isValid())
        json["expires_at"] = accessTokenExpiresAt.toSecsSinceEpoch();
    return json;
}

Result<TokenSet> TokenSet::fromJson(const nlohmann::json &json)
{
    auto tokens = fromTokenResponse(json, QDateTime::currentDateTimeUtc());
    if (!tokens)
        return tokens.error();
    TokenSet result = tokens.value();
    result.accessTokenExpiresAt =
        json.contains("expires_at") && json["expires_at"].is_number_integer()
            ? QDateTime::fromSecsSinceEpoch(json["expires_at"].get<qint64>(), Qt::UTC)
            : QDateTime();
    return result;
}

} // namespace countersign::oauth
