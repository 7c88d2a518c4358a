// JWK Set documents (jose::JwkSet::parse), the provider's signing keys: each key read and checked
// with OpenSSL (RSA modulus size, EC points on the curve, private material refused). Read both as
// raw bytes and the way JwksCache reads an answer (HttpClient's JSON, then the document again).
//   build-fuzz/fuzz/fuzz_jwks fuzz/corpus/jwks
#include "FuzzSupport.h"

#include "jose/JwkSet.h"
#include "jose/JwsAlgorithm.h"
#include "net/HttpClient.h"

using namespace countersign;

namespace {

void use(const jose::JwkSet &keys)
{
    static const char *const names[] = {"RS256", "RS384", "RS512", "PS256", "PS384",
                                        "PS512", "ES256", "ES384", "ES512", "EdDSA"};
    for (const jose::Jwk &key : keys.keys())
        for (const char *name : names)
            if (const jose::JwsAlgorithm *algorithm = jose::JwsAlgorithm::find(QString::fromLatin1(name)))
                (void)key.canVerify(*algorithm);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::silenceQtMessages();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray body = fuzz::bytes(data, size);
    if (const auto keys = jose::JwkSet::parse(body))
        use(*keys);
    const auto json = net::parseJsonObject(body, QStringLiteral("key set"), QStringLiteral("fuzz"));
    if (json)
        if (const auto keys = jose::JwkSet::parse(QByteArray::fromStdString(json.value().dump())))
            use(*keys);
    return 0;
}
