#pragma once

#include "common/Result.h"
#include "oauth/ApiParameter.h"
#include "oauth/TokenPoll.h"
#include "oauth/TokenSet.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <nlohmann/json.hpp>

#include <chrono>

namespace countersign::net {
class HttpClient;
}

namespace countersign::device {

// What a device asks for (RFC 8628 §3.1, with RFC 8707 resource and RFC 9396 details).
struct DeviceAuthorizationRequest
{
    QStringList scopes;
    QStringList resources;               // optional APIs, sent as the client's ApiParameter says
    nlohmann::json authorizationDetails; // a JSON array, or null for none
};

// The provider's answer (RFC 8628 §3.2): what the person types where, and what the device polls with.
struct DeviceAuthorization
{
    QByteArray deviceCode; // a credential of the device: never shown, never logged
    QString userCode;
    QUrl verificationUri;
    QUrl verificationUriComplete; // optional: the URI with the code in it
    QDateTime expiresAt;
    std::chrono::seconds interval{5}; // §3.2: 5 s when the provider names none

    // Parses a device authorization response; errors carry "device_response_invalid".
    static Result<DeviceAuthorization> fromJson(const nlohmann::json &json, const QDateTime &receivedAt);
};

// An RFC 8628 client for a public client (no secret, like a TV app or a command-line tool):
// starts the device authorization and asks the token endpoint about it.
class DeviceAuthorizationClient : public QObject
{
    Q_OBJECT
public:
    DeviceAuthorizationClient(net::HttpClient *http, QUrl deviceAuthorizationEndpoint, QUrl tokenEndpoint,
                              QString clientId, QObject *parent = nullptr);

    // POST to the device authorization endpoint. Errors carry the provider's code
    // (e.g. "invalid_scope", "invalid_target", "invalid_authorization_details").
    void authorize(const DeviceAuthorizationRequest &request, Callback<DeviceAuthorization> done);
    // One token request (grant urn:ietf:params:oauth:grant-type:device_code). Undecided codes
    // fail with "authorization_pending" or "slow_down".
    void requestToken(const QByteArray &deviceCode, Callback<oauth::TokenSet> done);

    const QString &clientId() const { return m_clientId; }
    // How the provider is told the API (RFC 8707 `resource` unless set to Auth0's `audience`).
    void setApiParameter(oauth::ApiParameter parameter) { m_apiParameter = parameter; }

private:
    oauth::ApiParameter m_apiParameter = oauth::ApiParameter::Resource;
    net::HttpClient *m_http;
    QUrl m_deviceAuthorizationEndpoint;
    QUrl m_tokenEndpoint;
    QString m_clientId;
};

// Waits until the person approves or denies the code (see oauth::TokenPoll). Cancellable.
class DevicePoll : public oauth::TokenPoll
{
    Q_OBJECT
public:
    DevicePoll(DeviceAuthorizationClient *client, const DeviceAuthorization &authorization,
               QObject *parent = nullptr);
};

} // namespace countersign::device
