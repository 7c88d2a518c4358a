#include "jose/JwsAlgorithm.h"

#include <QLatin1String>

#include <array>

namespace countersign::jose {

namespace {

using enum SignatureScheme;

constexpr std::array<JwsAlgorithm, 10> kAlgorithms{{
    {"RS256", RsaPkcs1, "SHA256", "RSA", nullptr, 0},
    {"RS384", RsaPkcs1, "SHA384", "RSA", nullptr, 0},
    {"RS512", RsaPkcs1, "SHA512", "RSA", nullptr, 0},
    {"PS256", RsaPss, "SHA256", "RSA", nullptr, 0},
    {"PS384", RsaPss, "SHA384", "RSA", nullptr, 0},
    {"PS512", RsaPss, "SHA512", "RSA", nullptr, 0},
    {"ES256", Ecdsa, "SHA256", "EC", "P-256", 64},
    {"ES384", Ecdsa, "SHA384", "EC", "P-384", 96},
    {"ES512", Ecdsa, "SHA512", "EC", "P-521", 132},
    {"EdDSA", EdDsa, nullptr, "OKP", "Ed25519", 64},
}};

} // namespace

const JwsAlgorithm *JwsAlgorithm::find(QStringView name)
{
    for (const JwsAlgorithm &algorithm : kAlgorithms) {
        if (name == QLatin1String(algorithm.name))
            return &algorithm;
    }
    return nullptr;
}

} // namespace countersign::jose
