// ID tokens (jose::IdTokenValidator, over jose::verifyCompactJws): compact JWS parsing, strict
// base64url, the protected header's checks and every claims check. The first byte picks how:
//   even: the rest is a compact token, validated as it is: parsing, header, a signature check that
//         fails (the fuzzer cannot sign), so the claims are never reached;
//   odd:  the rest is "<header JSON>\n<claims JSON>"; the target signs them with its own Ed25519
//         key, the one in the key set, so the validator gets past the signature to the header's
//         "typ"/"cty" and every claim (iss, aud, azp, exp, iat, nbf, nonce, sub, auth_time, ...).
// The expected issuer, client and nonce, and the clock, are fixed (below), as the seeds assume.
//   build-fuzz/fuzz/fuzz_jws fuzz/corpus/jws
#include "FuzzSupport.h"

#include "jose/Base64Url.h"
#include "jose/IdTokenValidator.h"

#include <openssl/evp.h>

#include <cstdlib>

using namespace countersign;

namespace {

EVP_PKEY *signingKey = nullptr;
jose::JwkSet *keySet = nullptr;

QByteArray signedToken(const QByteArray &header, const QByteArray &claims)
{
    const QByteArray input = jose::base64UrlEncode(header) + '.' + jose::base64UrlEncode(claims);
    EVP_MD_CTX *context = EVP_MD_CTX_new();
    QByteArray signature(64, '\0');
    std::size_t length = signature.size();
    if (EVP_DigestSignInit(context, nullptr, nullptr, nullptr, signingKey) != 1 ||
        EVP_DigestSign(context, reinterpret_cast<unsigned char *>(signature.data()), &length,
                       reinterpret_cast<const unsigned char *>(input.constData()), input.size()) != 1)
        std::abort();
    EVP_MD_CTX_free(context);
    return input + '.' + jose::base64UrlEncode(signature);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::silenceQtMessages();
    signingKey = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519");
    QByteArray publicKey(32, '\0');
    std::size_t length = publicKey.size();
    if (!signingKey || EVP_PKEY_get_raw_public_key(
                           signingKey, reinterpret_cast<unsigned char *>(publicKey.data()), &length) != 1)
        std::abort();
    const QByteArray jwks = R"({"keys":[{"kty":"OKP","crv":"Ed25519","use":"sig","alg":"EdDSA","kid":"fuzz",)"
                            R"("x":")" +
                            jose::base64UrlEncode(publicKey) + R"("}]})";
    auto keys = jose::JwkSet::parse(jwks);
    if (!keys)
        std::abort();
    keySet = new jose::JwkSet(std::move(keys).value());
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    const QByteArray rest = fuzz::bytes(data + 1, size - 1);
    QByteArray token = rest;
    if (data[0] % 2 == 1) {
        const qsizetype newline = rest.indexOf('\n');
        if (newline < 0)
            return 0;
        token = signedToken(rest.left(newline), rest.mid(newline + 1));
    }
    jose::IdTokenValidator::Expectations expected;
    expected.issuer = QStringLiteral("http://127.0.0.1:8443/");
    expected.clientId = QStringLiteral("countersign-desktop");
    expected.nonce = "n-0S6_WzA2Mj";
    expected.allowedAlgorithms.append(QStringLiteral("ES384"));
    expected.now = QDateTime::fromSecsSinceEpoch(1765000000, Qt::UTC);
    (void)jose::IdTokenValidator::validate(token, *keySet, expected);
    return 0;
}
