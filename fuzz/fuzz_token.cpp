// Token endpoint answers (oauth::TokenSet::fromTokenResponse): the code exchange, a refresh, a
// token exchange, and a CIBA or device flow grant's final answer; then what the session does with
// tokens read: merge a refresh, save them (toJson) and read them back from the keychain (fromJson).
// The same answer is also read as the first answer of a CIBA or device request (PollTiming).
//   build-fuzz/fuzz/fuzz_token fuzz/corpus/token
#include "FuzzSupport.h"

#include "net/HttpClient.h"
#include "oauth/TokenPoll.h"
#include "oauth/TokenSet.h"

#include <cstdlib>

using namespace countersign;
using oauth::TokenSet;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::silenceQtMessages();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const auto json = net::parseJsonObject(fuzz::bytes(data, size), QStringLiteral("token response"),
                                           QStringLiteral("fuzz"));
    if (!json)
        return 0;
    const QDateTime now = QDateTime::fromSecsSinceEpoch(1765000000, Qt::UTC);

    (void)oauth::PollTiming::fromJson(json.value(), now, 1800, std::chrono::seconds(5),
                                      QStringLiteral("fuzz_invalid"));

    const auto tokens = TokenSet::fromTokenResponse(json.value(), now);
    if (!tokens)
        return 0;
    (void)tokens->accessTokenExpiresWithin(std::chrono::seconds(60), now);
    const TokenSet merged = TokenSet().mergedWithRefresh(*tokens);
    // What is saved must read back (the keychain entry of a session).
    const nlohmann::json saved = merged.toJson();
    const auto readBack = TokenSet::fromJson(nlohmann::json::parse(saved.dump()));
    if (!readBack)
        std::abort();
    return 0;
}
