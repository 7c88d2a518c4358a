#pragma once

#include "ciba/CibaRequest.h"
#include "common/Result.h"
#include "oauth/ApiParameter.h"
#include "oauth/TokenSet.h"

#include <QObject>
#include <QUrl>

namespace countersign::net {
class HttpClient;
}

namespace countersign::ciba {

// An OpenID CIBA Core 1.0 client: starts backchannel requests and asks the token endpoint about
// them. An agent uses it to get the person's approval out of band.
class CibaClient : public QObject
{
    Q_OBJECT
public:
    CibaClient(net::HttpClient *http, QUrl backchannelEndpoint, QUrl tokenEndpoint,
               ClientCredentials credentials, QObject *parent = nullptr);

    // POST to the backchannel authentication endpoint. Errors carry the provider's code
    // (e.g. "invalid_binding_message", "unknown_user_id", "invalid_authorization_details").
    void authorize(const AuthenticationRequest &request, Callback<Ticket> done);
    // One token request for `authReqId` (grant urn:openid:params:grant-type:ciba). Pending
    // requests fail with "authorization_pending" or "slow_down".
    void requestToken(const QString &authReqId, Callback<oauth::TokenSet> done);
    // How the provider is told the API (RFC 8707 `resource` unless set to Auth0's `audience`).
    void setApiParameter(oauth::ApiParameter parameter) { m_apiParameter = parameter; }

private:
    oauth::ApiParameter m_apiParameter = oauth::ApiParameter::Resource;
    QByteArray basicAuthorization() const;
    void addClientAuthentication(QUrlQuery &form) const;

    net::HttpClient *m_http;
    QUrl m_backchannelEndpoint;
    QUrl m_tokenEndpoint;
    ClientCredentials m_credentials;
};

} // namespace countersign::ciba
