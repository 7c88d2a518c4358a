#pragma once

#include <QStringView>

namespace countersign::jose {

enum class SignatureScheme
{
    RsaPkcs1, // RSASSA-PKCS1-v1_5
    RsaPss,   // RSASSA-PSS, MGF1 with the same hash, salt length = hash length
    Ecdsa,    // raw R||S, each integer left-padded to the curve size (RFC 7518 §3.4)
    EdDsa,    // Ed25519 (RFC 8037)
};

// A JWS signature algorithm we verify (RFC 7518 §3, RFC 8037). "none" and the HMAC family are
// deliberately absent: an ID token must be signed by the provider's private key.
struct JwsAlgorithm
{
    const char *name; // JOSE "alg"
    SignatureScheme scheme;
    const char *digest;  // OpenSSL digest name; nullptr for EdDSA
    const char *keyType; // required JWK "kty"
    const char *curve;   // required JWK "crv"; nullptr for RSA
    int signatureBytes;  // exact signature length for ECDSA/EdDSA; 0 = the RSA modulus size

    // The algorithm called `name` (case-sensitive, as RFC 7515 requires), or nullptr.
    static const JwsAlgorithm *find(QStringView name);
};

} // namespace countersign::jose
