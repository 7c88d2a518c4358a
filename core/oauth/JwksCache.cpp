#include "JwksCache.h"

#include "logging/Logging.h"
#include "net/HttpClient.h"

#include <QPointer>

namespace countersign::oauth {

JwksCache::JwksCache(net::HttpClient *http, QUrl jwksUri, QObject *parent)
    : QObject(parent), m_http(http), m_jwksUri(std::move(jwksUri))
{}

std::chrono::milliseconds JwksCache::remainingLifetime() const
{
    if (!m_keys)
        return std::chrono::milliseconds(0);
    return std::chrono::duration_cast<std::chrono::milliseconds>(m_keysExpire.remainingTimeAsDuration());
}

bool JwksCache::haveFreshKeys() const
{
    return m_keys && !m_keysExpire.hasExpired();
}

void JwksCache::fetch(Callback<Done> done)
{
    m_waiting.push_back(std::move(done));
    if (m_waiting.size() > 1)
        return; // joins the fetch in flight
    ++m_fetchCount;
    // The client drops the answer if this cache is destroyed first (a cancelled sign-in).
    m_http->getCacheableJson(m_jwksUri, this,
                             [this](Result<net::CacheableJson> answer) { onFetched(std::move(answer)); });
}

void JwksCache::onFetched(Result<net::CacheableJson> answer)
{
    Status outcome = Done{};
    if (!answer) {
        outcome = Error{answer.error().code,
                        tr("Could not load the provider's signing keys: %1").arg(answer.error().message)};
    } else if (auto keys = jose::JwkSet::parse(QByteArray::fromStdString(answer->body.dump())); !keys) {
        outcome = keys.error();
    } else {
        const auto lifetime = std::min(answer->lifetime.value_or(kDefaultLifetime), kMaxLifetime);
        qCDebug(lcJose) << "JWKS fetched; trusted for" << lifetime.count() << "s";
        m_keys = std::move(keys).value();
        m_keysExpire.setRemainingTime(lifetime);
    }
    // A waiter may end this cache's life (a failed sign-in resets the session's keys).
    QPointer self(this);
    for (auto &done : std::exchange(m_waiting, {})) {
        if (!self)
            return;
        done(outcome);
    }
}

void JwksCache::validateIdToken(const QByteArray &idToken,
                                const jose::IdTokenValidator::Expectations &expectations,
                                Callback<jose::IdTokenClaims> done)
{
    // Runs only while this cache lives: from here, or from onFetched().
    auto validateWithRefetch = [this, idToken, expectations, done](bool mayRefetch) {
        auto claims = jose::IdTokenValidator::validate(idToken, *m_keys, expectations);
        if (claims || claims.error().code != jose::errors::idTokenUnknownKey || !mayRefetch) {
            done(std::move(claims));
            return;
        }
        if (m_sinceUnknownKeyFetch.isValid() &&
            !m_sinceUnknownKeyFetch.hasExpired(std::chrono::milliseconds(kUnknownKeyRefetchGap).count())) {
            qCInfo(lcJose) << "ID token signed with an unknown key; the JWKS was refetched for one less "
                              "than a minute ago, not again";
            done(std::move(claims));
            return;
        }
        qCInfo(lcJose) << "ID token signed with an unknown key; refreshing the JWKS once";
        m_sinceUnknownKeyFetch.start();
        fetch([this, idToken, expectations, done](Status fetched) {
            if (!fetched) {
                done(fetched.error());
                return;
            }
            done(jose::IdTokenValidator::validate(idToken, *m_keys, expectations));
        });
    };
    if (haveFreshKeys()) {
        validateWithRefetch(true);
        return;
    }
    fetch([validateWithRefetch, done](Status fetched) {
        if (!fetched)
            done(fetched.error());
        else
            validateWithRefetch(false); // the keys are fresh already
    });
}

} // namespace countersign::oauth
