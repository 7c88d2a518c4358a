#include "DiscoveryClient.h"

#include "config/ProviderConfig.h"
#include "net/HttpClient.h"
#include "net/NetErrors.h"
#include "oauth/OAuthErrors.h"

#include <QCoreApplication>

namespace countersign::oauth {

DiscoveryClient::DiscoveryClient(net::HttpClient *http, QObject *parent) : QObject(parent), m_http(http) {}

void DiscoveryClient::discover(const QUrl &issuer, Callback<ProviderMetadata> done)
{
    if (!issuer.isValid() || issuer.isRelative() || issuer.host().isEmpty() || issuer.hasQuery() ||
        issuer.hasFragment()) {
        done(Error{errors::issuerInvalid,
                   QCoreApplication::translate("DiscoveryClient", "\"%1\" is not a valid issuer URL.")
                       .arg(issuer.toDisplayString())});
        return;
    }
    if (!config::isSecureOrLoopback(issuer)) {
        done(Error{errors::issuerNotSecure,
                   QCoreApplication::translate("DiscoveryClient",
                                               "The issuer %1 does not use https. Only providers on this "
                                               "computer (127.0.0.1) may use plain http.")
                       .arg(issuer.toDisplayString())});
        return;
    }
    m_http->getJson(
        ProviderMetadata::discoveryUrl(issuer), this, [issuer, done](Result<nlohmann::json> json) {
            if (!json) {
                Error error = json.error();
                if (error.code != net::errors::network)
                    error.message =
                        QCoreApplication::translate("DiscoveryClient", "%1 is not an OpenID provider: %2")
                            .arg(issuer.toDisplayString(), error.message);
                done(error);
                return;
            }
            done(ProviderMetadata::fromJson(json.value(), issuer));
        });
}

} // namespace countersign::oauth
