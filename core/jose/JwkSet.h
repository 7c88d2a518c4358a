#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>

struct evp_pkey_st; // OpenSSL's EVP_PKEY; kept out of public headers

namespace countersign::jose {

struct JwsAlgorithm;

// One public signature-verification key from a JWK Set (RFC 7517).
struct Jwk
{
    QString kid; // may be empty
    QString kty; // "RSA", "EC" or "OKP"
    QString crv; // "P-256", "P-384", "P-521", "Ed25519"; empty for RSA
    QString alg; // the key's declared "alg"; empty when the JWKS does not restrict it
    std::shared_ptr<evp_pkey_st> publicKey; // never holds private material; never modified

    // Whether this key may verify a signature made with `algorithm` (key type, curve, "alg").
    bool canVerify(const JwsAlgorithm &algorithm) const;
};

// A key from the document that we will not use, and why.
struct SkippedJwk
{
    QString kid;
    Error reason;
};

// The verification keys of a JWKS document, which the caller fetched from the provider's jwks_uri.
//
// Keys we cannot or must not use are skipped, not fatal, so one exotic key does not lock the user
// out; skipped() says why, with these codes:
//   jwk_malformed          not an object, or "kty"/"kid"/"n"/"e"/"x"/"y" missing or not base64url
//   jwk_unsupported_kty    not RSA, EC or OKP (e.g. "oct": a shared secret is never a signing key here)
//   jwk_unsupported_curve  EC other than P-256/P-384/P-521, OKP other than Ed25519
//   jwk_unsupported_alg    an "alg" we do not verify, or one that does not fit the key type
//   jwk_not_for_signing    "use" is not "sig", or "key_ops" lacks "verify"
//   jwk_private_key        the entry carries private key material (d, p, q, ...)
//   jwk_rsa_too_small      RSA modulus under 2048 bits
//   jwk_point_not_on_curve EC coordinates that are not a valid point of the curve
//   jwk_invalid_key        OpenSSL refused the key
//
// parse() itself fails with:
//   jwks_too_large         the document or its key count is beyond any real provider's
//   jwks_malformed         not a JSON object with a "keys" array
//   jwks_no_usable_keys    no key survived the checks above (the message names the first reason)
class JwkSet
{
public:
    JwkSet() = default;

    static Result<JwkSet> parse(const QByteArray &json);

    const QList<Jwk> &keys() const { return m_keys; }
    const QList<SkippedJwk> &skipped() const { return m_skipped; }
    bool isEmpty() const { return m_keys.isEmpty(); }

private:
    QList<Jwk> m_keys;
    QList<SkippedJwk> m_skipped;
};

} // namespace countersign::jose
