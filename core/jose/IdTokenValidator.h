#pragma once

#include "common/Result.h"
#include "jose/JwkSet.h"

#include <QByteArray>
#include <QDateTime>
#include <QLatin1String>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <chrono>
#include <optional>

namespace countersign::jose {

// The claims of an ID token that passed every check of IdTokenValidator.
struct IdTokenClaims
{
    QString subject;                   // "sub"
    QString issuer;                    // "iss"
    QStringList audience;              // "aud", always as a list
    QString name;                      // "name", empty when absent or not a string
    QString email;                     // "email", empty when absent or not a string
    bool emailVerified = false;        // "email_verified"; true only for the JSON value true
    QDateTime expiresAt;               // "exp", UTC
    QDateTime issuedAt;                // "iat", UTC
    std::optional<QDateTime> authTime; // "auth_time", UTC
    nlohmann::json payload;            // the whole verified claims object
};

// Validates an OpenID Connect ID token (OIDC Core §3.1.3.7) against the provider's keys, which the
// caller fetched. Network-free and stateless.
//
// Every rejection is an Error with one of these stable codes (and a sentence that never quotes the token):
//   id_token_misconfigured          Expectations without issuer or client id
//   id_token_too_large, id_token_malformed
//   id_token_forbidden_algorithm    "none" or HS*, whatever the allowlist says
//   id_token_algorithm_not_allowed, id_token_embedded_key, id_token_unsupported_critical
//   id_token_unknown_key            no key with the token's "kid": fetch the JWKS again (once) and retry
//   id_token_ambiguous_key, id_token_key_mismatch, id_token_bad_signature
//   id_token_wrong_type             "typ" other than JWT (e.g. an "at+jwt" access token), or any "cty"
//   id_token_missing_claim          "iss", "aud", "exp" or "iat" absent
//   id_token_invalid_claim          a claim of the wrong JSON type or out of range
//   id_token_wrong_issuer, id_token_wrong_audience
//   id_token_missing_authorized_party "aud" has several values but there is no "azp"
//   id_token_wrong_authorized_party "azp" is not our client id
//   id_token_expired, id_token_not_yet_valid, id_token_issued_in_future, id_token_too_old
//   id_token_missing_nonce, id_token_wrong_nonce, id_token_missing_subject
namespace errors {
// The one code callers act on (the others are reasons to refuse the token): see above.
inline constexpr QLatin1String idTokenUnknownKey{"id_token_unknown_key"};
} // namespace errors

class IdTokenValidator
{
public:
    struct Expectations
    {
        QString issuer;   // exact "iss" (the discovery document's issuer), no normalisation
        QString clientId; // must be in "aud"; must equal "azp" when present
        QByteArray nonce; // the nonce sent in the authorization request; empty: do not check
        QStringList allowedAlgorithms{QStringLiteral("RS256"), QStringLiteral("PS256"),
                                      QStringLiteral("ES256"), QStringLiteral("EdDSA")};
        std::chrono::seconds clockSkew{60}; // tolerance for exp, nbf and iat
        // Reject tokens issued longer ago than this (plus skew): we validate right after the token
        // response, so an old "iat" means a replayed token. Zero disables the check.
        std::chrono::seconds maxIatAge{std::chrono::minutes(10)};
        std::optional<QDateTime> now; // the current time; unset: the system clock
    };

    static Result<IdTokenClaims> validate(const QByteArray &compactJwt, const JwkSet &keys,
                                          const Expectations &expected);
};

} // namespace countersign::jose
