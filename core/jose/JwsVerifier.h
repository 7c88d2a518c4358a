#pragma once

#include "common/Result.h"
#include "jose/JwkSet.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

namespace countersign::jose {

// A compact JWS whose signature has been verified. Only verified content is ever handed out:
// there is deliberately no way to read a token's header or payload without its signature.
struct VerifiedJws
{
    nlohmann::json header; // the protected header (a JSON object without duplicate members)
    QByteArray payload;    // the signed bytes, still to be interpreted by the caller
    QString algorithm;     // "alg" that was verified
    QString keyId;         // "kid" of the key that verified it (may be empty)
};

// Largest compact JWS we look at; ID tokens are a few kilobytes.
inline constexpr qsizetype kMaxCompactJwsBytes = 64 * 1024;

// Verifies a JWS in compact serialization (RFC 7515 §7.1) against `keys`.
//
// `allowedAlgorithms` names the "alg" values the caller accepts; "none" and HS* are refused even if
// listed, and names we do not implement are ignored. The key is the JWKS key whose "kid" matches the
// header's; without a "kid", the one key that fits the algorithm. Keys embedded in or referenced by
// the header (jwk, jku, x5c, x5u) are never used: their presence is an error.
//
// Error codes:
//   jws_too_large             longer than kMaxCompactJwsBytes
//   jws_malformed             not three base64url parts, header not a JSON object, "alg"/"kid" not strings
//   jws_forbidden_algorithm   "alg" is "none" or an HMAC algorithm
//   jws_algorithm_not_allowed "alg" is not in allowedAlgorithms, or not one we implement
//   jws_embedded_key          the header carries or points to a key
//   jws_unsupported_critical  the header has "crit" (we implement no extensions)
//   jws_unknown_key           no key with the token's "kid" (or, without "kid", none fitting the algorithm):
//                             the key set may be outdated, fetch it again
//   jws_ambiguous_key         no "kid", and several keys fit the algorithm
//   jws_key_mismatch          the key named by "kid" is of another type, curve or algorithm
//   jws_bad_signature         the signature does not verify
Result<VerifiedJws> verifyCompactJws(const QByteArray &compact, const JwkSet &keys,
                                     const QStringList &allowedAlgorithms);

} // namespace countersign::jose
