#pragma once

#include "common/Result.h"
#include "jose/IdTokenValidator.h"
#include "jose/JwkSet.h"

#include <QObject>
#include <QUrl>

#include <optional>

namespace countersign::net {
class HttpClient;
}

namespace countersign::oauth {

// Holds a provider's signing keys (JWKS) and validates ID tokens against them. Keys are fetched
// on first use. A token signed with a key we do not know (key rotation) triggers at most one
// refetch per validation; a provider cannot make us fetch in a loop.
class JwksCache : public QObject
{
    Q_OBJECT
public:
    JwksCache(net::HttpClient *http, QUrl jwksUri, QObject *parent = nullptr);

    void validateIdToken(const QByteArray &idToken, const jose::IdTokenValidator::Expectations &expectations,
                         Callback<jose::IdTokenClaims> done);

    int fetchCount() const { return m_fetchCount; }

private:
    void fetch(Callback<Done> done);

    net::HttpClient *m_http;
    QUrl m_jwksUri;
    std::optional<jose::JwkSet> m_keys;
    int m_fetchCount = 0;
};

} // namespace countersign::oauth
