#pragma once

#include <QByteArray>

namespace countersign::oauth {

// Proof Key for Code Exchange (RFC 7636), S256 only: "plain" gives no protection
// against an intercepted authorization code, so we never offer it.
struct Pkce
{
    QByteArray verifier;  // 43..128 chars of [A-Za-z0-9-._~]; we use 43 (32 random bytes)
    QByteArray challenge; // BASE64URL(SHA256(verifier)), no padding

    static Pkce generate();
    static QByteArray challengeFor(const QByteArray &verifier);
};

// 32 bytes from a cryptographically secure source, base64url without padding (43 chars).
// Used for PKCE verifiers, `state` and `nonce`.
QByteArray randomUrlSafeToken(int bytes = 32);

} // namespace countersign::oauth
