#pragma once

#include "common/Result.h"
#include "jose/IdTokenValidator.h"
#include "jose/JwkSet.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QObject>
#include <QUrl>

#include <chrono>
#include <optional>
#include <vector>

namespace countersign::net {
class HttpClient;
struct CacheableJson;
} // namespace countersign::net

namespace countersign::oauth {

// Holds a provider's signing keys (JWKS) and validates ID tokens against them. Keys are fetched
// on first use and trusted for as long as the provider's HTTP cache headers allow (Cache-Control
// max-age or Expires), never longer than a day, 10 minutes when the headers say nothing; after
// that the next validation fetches them again, so a key the provider withdrew stops being trusted.
// Expired keys are never used, even when fetching them again fails.
// A token signed with a key we do not know (key rotation) triggers a refetch, at most once a
// minute: a provider cannot make us fetch in a loop. Validations waiting at the same time share
// one fetch.
class JwksCache : public QObject
{
    Q_OBJECT
public:
    static constexpr std::chrono::seconds kDefaultLifetime{10 * 60};
    static constexpr std::chrono::seconds kMaxLifetime{24 * 60 * 60};
    static constexpr std::chrono::seconds kUnknownKeyRefetchGap{60};

    JwksCache(net::HttpClient *http, QUrl jwksUri, QObject *parent = nullptr);

    void validateIdToken(const QByteArray &idToken, const jose::IdTokenValidator::Expectations &expectations,
                         Callback<jose::IdTokenClaims> done);

    int fetchCount() const { return m_fetchCount; }
    // How much longer the keys held now are trusted without asking the provider (0 if none).
    std::chrono::milliseconds remainingLifetime() const;

private:
    bool haveFreshKeys() const;
    void fetch(Callback<Done> done);
    void onFetched(Result<net::CacheableJson> answer);

    net::HttpClient *m_http;
    QUrl m_jwksUri;
    std::optional<jose::JwkSet> m_keys;
    QDeadlineTimer m_keysExpire{0};        // monotonic: a clock change cannot extend the keys' life
    QElapsedTimer m_sinceUnknownKeyFetch;  // invalid until the first refetch for an unknown key
    std::vector<Callback<Done>> m_waiting; // validations waiting for the fetch in flight
    int m_fetchCount = 0;
};

} // namespace countersign::oauth
