// OpenID Provider discovery documents (oauth::ProviderMetadata::fromJson), read as DiscoveryClient
// reads the answer of <issuer>/.well-known/openid-configuration. The document is checked against
// a fixed issuer and against the issuer it names itself, so that the fuzzer gets past the issuer
// check to the endpoint and capability checks.
//   build-fuzz/fuzz/fuzz_discovery fuzz/corpus/discovery
#include "FuzzSupport.h"

#include "common/Json.h"
#include "net/HttpClient.h"
#include "oauth/ProviderMetadata.h"

using namespace countersign;
using oauth::ProviderMetadata;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::silenceQtMessages();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const auto json = net::parseJsonObject(fuzz::bytes(data, size), QStringLiteral("discovery document"),
                                           QStringLiteral("fuzz"));
    if (!json)
        return 0;
    const QUrl named(jsonString(json.value(), "issuer"));
    for (const QUrl &issuer : {QUrl(QStringLiteral("http://127.0.0.1:8443/")), named}) {
        const auto metadata = ProviderMetadata::fromJson(json.value(), issuer);
        if (!metadata)
            continue;
        (void)ProviderMetadata::discoveryUrl(metadata->issuer);
        (void)metadata->hasApprovalChannel();
        (void)metadata->hasDeviceApprover();
        (void)metadata->isCountersignSandbox();
    }
    return 0;
}
