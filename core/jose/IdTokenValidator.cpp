#include "jose/IdTokenValidator.h"

#include "jose/JwsVerifier.h"
#include "jose/StrictJson.h"
#include "logging/Logging.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace countersign::jose {

namespace {

using json = nlohmann::json;

constexpr qint64 kLatestNumericDate = 253402300799; // 9999-12-31T23:59:59Z

// lupdate files Tr::tr() strings under "IdTokenValidator" (a free Tr::tr() would land in the namespace).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(IdTokenValidator)
};

Error failure(const char *code, const QString &message)
{
    return Error{QString::fromLatin1(code), message};
}

Error missingClaim(const char *name)
{
    return failure("id_token_missing_claim",
                   Tr::tr("The sign-in token has no \"%1\" claim.").arg(QLatin1String(name)));
}

Error invalidClaim(const char *name)
{
    return failure("id_token_invalid_claim",
                   Tr::tr("The sign-in token's \"%1\" claim has an invalid value.").arg(QLatin1String(name)));
}

// JWS failures keep their meaning; only the prefix changes, so callers see one family of codes.
Error fromJws(const Error &error)
{
    Q_ASSERT(error.code.startsWith(QLatin1String("jws_")));
    return Error{QStringLiteral("id_token_") + error.code.sliced(qsizetype(sizeof("jws_") - 1)),
                 error.message};
}

// Configured durations are bounded so that time arithmetic cannot overflow.
qint64 boundedSeconds(std::chrono::seconds duration)
{
    return std::clamp<qint64>(duration.count(), 0, kLatestNumericDate);
}

Status checkType(const json &header)
{
    // A nested token ("cty": "JWT") or other content type is never an ID token.
    if (header.contains("cty"))
        return failure("id_token_wrong_type",
                       Tr::tr("The sign-in token wraps other content, which an ID token never does."));
    const auto typ = header.find("typ");
    if (typ == header.end())
        return Done{};
    const QString type = typ->is_string() ? QString::fromStdString(typ->get<std::string>()) : QString();
    const bool jwt = type.compare(QLatin1String("JWT"), Qt::CaseInsensitive) == 0 ||
                     type.compare(QLatin1String("application/jwt"), Qt::CaseInsensitive) == 0;
    // e.g. "at+jwt": an access token (RFC 9068) must not be accepted as proof of sign-in.
    if (!jwt)
        return failure(
            "id_token_wrong_type",
            Tr::tr("The token is another kind of token (such as an access token), not an ID token."));
    return Done{};
}

// A NumericDate claim (RFC 7519 §2): a JSON number of seconds since the epoch, fractions allowed.
Result<std::optional<qint64>> numericDate(const json &claims, const char *name, bool required)
{
    const auto it = claims.find(name);
    if (it == claims.end()) {
        if (required)
            return missingClaim(name);
        return std::optional<qint64>();
    }
    if (!it->is_number())
        return invalidClaim(name);
    const double seconds = it->get<double>();
    if (!std::isfinite(seconds) || seconds < 0 || seconds > double(kLatestNumericDate))
        return invalidClaim(name);
    return std::optional<qint64>(static_cast<qint64>(std::floor(seconds)));
}

Status checkIssuer(const json &claims, const QString &issuer)
{
    const auto iss = claims.find("iss");
    if (iss == claims.end())
        return missingClaim("iss");
    if (!iss->is_string())
        return invalidClaim("iss");
    // Exact comparison (OIDC Core §3.1.3.7 step 2): "https://a/" and "https://a" are different issuers.
    if (QString::fromStdString(iss->get<std::string>()) != issuer)
        return failure("id_token_wrong_issuer",
                       Tr::tr("The sign-in token was issued by a different identity provider."));
    return Done{};
}

Result<QStringList> checkAudience(const json &claims, const QString &clientId)
{
    const auto aud = claims.find("aud");
    if (aud == claims.end())
        return missingClaim("aud");
    QStringList audience;
    if (aud->is_string()) {
        audience.append(QString::fromStdString(aud->get<std::string>()));
    } else if (aud->is_array()) {
        for (const auto &value : *aud) {
            if (!value.is_string())
                return invalidClaim("aud");
            audience.append(QString::fromStdString(value.get<std::string>()));
        }
    } else {
        return invalidClaim("aud");
    }
    if (!audience.contains(clientId))
        return failure("id_token_wrong_audience",
                       Tr::tr("The sign-in token was issued for a different application."));

    const auto azp = claims.find("azp");
    if (azp == claims.end()) {
        if (audience.size() > 1)
            return failure(
                "id_token_missing_authorized_party",
                Tr::tr("The sign-in token is meant for several applications but does not say which one "
                       "requested it."));
        return audience;
    }
    if (!azp->is_string())
        return invalidClaim("azp");
    if (QString::fromStdString(azp->get<std::string>()) != clientId)
        return failure("id_token_wrong_authorized_party",
                       Tr::tr("The sign-in token was requested by a different application."));
    return audience;
}

Status checkTimes(const json &claims, const IdTokenValidator::Expectations &expected, IdTokenClaims &out)
{
    const qint64 now = expected.now.value_or(QDateTime::currentDateTimeUtc()).toSecsSinceEpoch();
    const qint64 skew = boundedSeconds(expected.clockSkew);
    const qint64 maxAge = boundedSeconds(expected.maxIatAge);

    const auto exp = numericDate(claims, "exp", true);
    if (!exp)
        return exp.error();
    const auto iat = numericDate(claims, "iat", true);
    if (!iat)
        return iat.error();
    const auto nbf = numericDate(claims, "nbf", false);
    if (!nbf)
        return nbf.error();
    const auto authTime = numericDate(claims, "auth_time", false);
    if (!authTime)
        return authTime.error();

    if (now >= **exp + skew)
        return failure("id_token_expired",
                       Tr::tr("The sign-in token has expired. If this keeps happening, check that "
                              "this computer's clock is correct."));
    if (**iat > now + skew)
        return failure("id_token_issued_in_future",
                       Tr::tr("The sign-in token claims to be issued in the future. Check "
                              "that this computer's clock is correct."));
    if (maxAge > 0 && **iat < now - maxAge - skew)
        return failure("id_token_too_old", Tr::tr("The sign-in token was issued too long ago."));
    if (*nbf && **nbf > now + skew)
        return failure("id_token_not_yet_valid", Tr::tr("The sign-in token is not valid yet. Check that this "
                                                        "computer's clock is correct."));

    out.expiresAt = QDateTime::fromSecsSinceEpoch(**exp, Qt::UTC);
    out.issuedAt = QDateTime::fromSecsSinceEpoch(**iat, Qt::UTC);
    if (*authTime)
        out.authTime = QDateTime::fromSecsSinceEpoch(**authTime, Qt::UTC);
    return Done{};
}

Status checkNonce(const json &claims, const QByteArray &expectedNonce)
{
    // Without an expected nonce (e.g. a refreshed token) a nonce in the token is not checked.
    if (expectedNonce.isEmpty())
        return Done{};
    const auto nonce = claims.find("nonce");
    if (nonce == claims.end())
        return failure("id_token_missing_nonce",
                       Tr::tr("The sign-in token does not carry the sign-in request's nonce."));
    if (!nonce->is_string())
        return invalidClaim("nonce");
    if (QByteArray::fromStdString(nonce->get<std::string>()) != expectedNonce)
        return failure("id_token_wrong_nonce",
                       Tr::tr("The sign-in token belongs to a different sign-in attempt (nonce mismatch)."));
    return Done{};
}

Result<QString> subject(const json &claims)
{
    const auto sub = claims.find("sub");
    if (sub != claims.end() && !sub->is_string())
        return invalidClaim("sub");
    if (sub == claims.end() || sub->get_ref<const std::string &>().empty())
        return failure("id_token_missing_subject",
                       Tr::tr("The sign-in token does not identify the user (\"sub\")."));
    return QString::fromStdString(sub->get<std::string>());
}

QString optionalString(const json &claims, const char *name)
{
    const auto it = claims.find(name);
    return it != claims.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
}

Result<IdTokenClaims> check(const QByteArray &compactJwt, const JwkSet &keys,
                            const IdTokenValidator::Expectations &expected)
{
    if (expected.issuer.isEmpty() || expected.clientId.isEmpty() ||
        (expected.now && !expected.now->isValid()))
        return failure(
            "id_token_misconfigured",
            Tr::tr("The sign-in cannot be checked: the identity provider's issuer or this app's client id "
                   "is not configured."));

    auto jws = verifyCompactJws(compactJwt, keys, expected.allowedAlgorithms);
    if (!jws)
        return fromJws(jws.error());
    if (const Status type = checkType(jws->header); !type)
        return type.error();
    auto payload = parseStrictJsonObject(jws->payload);
    if (!payload)
        return failure("id_token_malformed", Tr::tr("The sign-in token's claims are not a JSON object."));
    const json &claims = *payload;

    IdTokenClaims result;
    if (const Status issuer = checkIssuer(claims, expected.issuer); !issuer)
        return issuer.error();
    auto audience = checkAudience(claims, expected.clientId);
    if (!audience)
        return audience.error();
    if (const Status times = checkTimes(claims, expected, result); !times)
        return times.error();
    if (const Status nonce = checkNonce(claims, expected.nonce); !nonce)
        return nonce.error();
    auto sub = subject(claims);
    if (!sub)
        return sub.error();

    result.subject = std::move(sub).value();
    result.issuer = expected.issuer;
    result.audience = std::move(audience).value();
    result.name = optionalString(claims, "name");
    result.email = optionalString(claims, "email");
    result.emailVerified = claims.value("email_verified", json()) == json(true);
    result.payload = std::move(*payload);
    return result;
}

} // namespace

Result<IdTokenClaims> IdTokenValidator::validate(const QByteArray &compactJwt, const JwkSet &keys,
                                                 const Expectations &expected)
{
    auto claims = check(compactJwt, keys, expected);
    if (!claims)
        qCDebug(lcJose) << "ID token rejected:" << claims.error().code;
    return claims;
}

} // namespace countersign::jose
