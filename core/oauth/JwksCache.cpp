#include "JwksCache.h"

#include "logging/Logging.h"
#include "net/HttpClient.h"

namespace countersign::oauth {

JwksCache::JwksCache(net::HttpClient *http, QUrl jwksUri, QObject *parent)
    : QObject(parent), m_http(http), m_jwksUri(std::move(jwksUri))
{}

void JwksCache::fetch(Callback<Done> done)
{
    ++m_fetchCount;
    // The client drops the answer if this cache is destroyed first (a cancelled sign-in).
    m_http->getJson(m_jwksUri, this, [this, done](Result<nlohmann::json> json) {
        if (!json) {
            done(Error{json.error().code,
                       tr("Could not load the provider's signing keys: %1").arg(json.error().message)});
            return;
        }
        auto keys = jose::JwkSet::parse(QByteArray::fromStdString(json->dump()));
        if (!keys) {
            done(keys.error());
            return;
        }
        m_keys = std::move(keys).value();
        done(Done{});
    });
}

void JwksCache::validateIdToken(const QByteArray &idToken,
                                const jose::IdTokenValidator::Expectations &expectations,
                                Callback<jose::IdTokenClaims> done)
{
    auto validateWithRefetch = [this, idToken, expectations, done](bool mayRefetch) {
        auto claims = jose::IdTokenValidator::validate(idToken, *m_keys, expectations);
        if (claims || claims.error().code != u"id_token_unknown_key" || !mayRefetch) {
            done(std::move(claims));
            return;
        }
        qCInfo(lcJose) << "ID token signed with an unknown key; refreshing the JWKS once";
        fetch([this, idToken, expectations, done](Status fetched) {
            if (!fetched) {
                done(fetched.error());
                return;
            }
            done(jose::IdTokenValidator::validate(idToken, *m_keys, expectations));
        });
    };
    if (m_keys) {
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
