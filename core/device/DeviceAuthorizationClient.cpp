#include "DeviceAuthorizationClient.h"

#include "common/Json.h"
#include "device/DeviceErrors.h"
#include "logging/Logging.h"
#include "net/HttpClient.h"
#include "oauth/OAuthErrors.h"

#include <QCoreApplication>
#include <QUrlQuery>

namespace countersign::device {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(DeviceAuthorizationClient)
};

const QString kDeviceCodeGrant = QStringLiteral("urn:ietf:params:oauth:grant-type:device_code");
// Longer than any provider's code life (Auth0: 900 s, RFC 8628 examples: 1800 s) by far.
constexpr qint64 kMaxExpiresIn = 24 * 60 * 60;

Error invalidResponse(const QString &message)
{
    return {errors::deviceResponseInvalid, message};
}

// An http(s) URL, or nothing.
QUrl webUrl(const nlohmann::json &json, const char *name)
{
    const QUrl url(jsonString(json, name), QUrl::StrictMode);
    return url.isValid() && (url.scheme() == u"https" || url.scheme() == u"http") && !url.host().isEmpty()
               ? url
               : QUrl();
}

} // namespace

Result<DeviceAuthorization> DeviceAuthorization::fromJson(const nlohmann::json &json,
                                                          const QDateTime &receivedAt)
{
    DeviceAuthorization authorization;
    authorization.deviceCode = jsonString(json, "device_code").toUtf8();
    if (authorization.deviceCode.isEmpty())
        return invalidResponse(Tr::tr("The provider's answer has no \"device_code\"."));
    authorization.userCode = jsonString(json, "user_code");
    if (authorization.userCode.isEmpty())
        return invalidResponse(Tr::tr("The provider's answer has no \"user_code\"."));
    authorization.verificationUri = webUrl(json, "verification_uri");
    if (authorization.verificationUri.isEmpty())
        return invalidResponse(Tr::tr("The provider's answer has no valid \"verification_uri\"."));
    authorization.verificationUriComplete = webUrl(json, "verification_uri_complete");
    // RFC 8628 §3.2: 5 s when the provider names no interval.
    const auto timing = oauth::PollTiming::fromJson(json, receivedAt, kMaxExpiresIn, std::chrono::seconds(5),
                                                    errors::deviceResponseInvalid);
    if (!timing)
        return timing.error();
    authorization.expiresAt = timing->expiresAt;
    authorization.interval = timing->interval;
    return authorization;
}

DeviceAuthorizationClient::DeviceAuthorizationClient(net::HttpClient *http, QUrl deviceAuthorizationEndpoint,
                                                     QUrl tokenEndpoint, QString clientId, QObject *parent)
    : QObject(parent), m_http(http), m_deviceAuthorizationEndpoint(std::move(deviceAuthorizationEndpoint)),
      m_tokenEndpoint(std::move(tokenEndpoint)), m_clientId(std::move(clientId))
{}

void DeviceAuthorizationClient::authorize(const DeviceAuthorizationRequest &request,
                                          Callback<DeviceAuthorization> done)
{
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("client_id"), m_clientId);
    if (!request.scopes.isEmpty())
        form.addQueryItem(QStringLiteral("scope"), request.scopes.join(u' '));
    oauth::addApiParameters(form, m_apiParameter, request.resources);
    if (request.authorizationDetails.is_array())
        form.addQueryItem(QStringLiteral("authorization_details"),
                          QString::fromStdString(request.authorizationDetails.dump(
                              -1, ' ', false, nlohmann::json::error_handler_t::replace)));
    qCDebug(lcOAuth) << "device authorization as" << m_clientId;
    m_http->postForm(
        m_deviceAuthorizationEndpoint, form, this, [done = std::move(done)](Result<nlohmann::json> json) {
            if (!json)
                done(json.error());
            else
                done(DeviceAuthorization::fromJson(json.value(), QDateTime::currentDateTimeUtc()));
        });
}

void DeviceAuthorizationClient::requestToken(const QByteArray &deviceCode, Callback<oauth::TokenSet> done)
{
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), kDeviceCodeGrant);
    form.addQueryItem(QStringLiteral("device_code"), QString::fromUtf8(deviceCode));
    form.addQueryItem(QStringLiteral("client_id"), m_clientId);
    m_http->postForm(m_tokenEndpoint, form, this, [done = std::move(done)](Result<nlohmann::json> json) {
        if (!json)
            done(json.error());
        else
            done(oauth::TokenSet::fromTokenResponse(json.value(), QDateTime::currentDateTimeUtc()));
    });
}

DevicePoll::DevicePoll(DeviceAuthorizationClient *client, const DeviceAuthorization &authorization,
                       QObject *parent)
    : oauth::TokenPoll(
          [client = QPointer(client), deviceCode = authorization.deviceCode](Callback<oauth::TokenSet> done) {
              if (!client) {
                  done(Error{oauth::errors::cancelled, Tr::tr("Stopped waiting for the code.")});
                  return;
              }
              client->requestToken(deviceCode, std::move(done));
          },
          authorization.expiresAt, authorization.interval, parent)
{}

} // namespace countersign::device
