#pragma once

#include "common/Result.h"
#include "oauth/ProviderMetadata.h"

#include <QObject>

namespace countersign::net {
class HttpClient;
}

namespace countersign::oauth {

// Fetches and validates an issuer's OpenID discovery document.
class DiscoveryClient : public QObject
{
    Q_OBJECT
public:
    explicit DiscoveryClient(net::HttpClient *http, QObject *parent = nullptr);

    // Errors: "issuer_not_secure" (http on a non-loopback host), "network", "http_<status>",
    // "bad_json", "discovery_invalid", "discovery_issuer_mismatch".
    void discover(const QUrl &issuer, Callback<ProviderMetadata> done);

private:
    net::HttpClient *m_http;
};

} // namespace countersign::oauth
