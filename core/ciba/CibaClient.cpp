#include "CibaClient.h"

#include "ciba/CibaErrors.h"
#include "common/Json.h"
#include "logging/Logging.h"
#include "net/HttpClient.h"

#include <QCoreApplication>
#include <QUrlQuery>

namespace countersign::ciba {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(CibaClient)
};

const QString kCibaGrant = QStringLiteral("urn:openid:params:grant-type:ciba");
// Far beyond any provider's limit (Auth0: 259200 s) but finite.
constexpr qint64 kMaxExpiresIn = 30 * 24 * 60 * 60;

Error invalidResponse(const QString &message)
{
    return {errors::cibaResponseInvalid, message};
}

Result<Ticket> parseTicket(const nlohmann::json &json)
{
    Ticket ticket;
    ticket.authReqId = jsonString(json, "auth_req_id");
    if (ticket.authReqId.isEmpty())
        return invalidResponse(Tr::tr("The provider's answer has no \"auth_req_id\"."));
    // CIBA Core §7.3: 5 s when the provider names no interval.
    const auto timing = oauth::PollTiming::fromJson(json, QDateTime::currentDateTimeUtc(), kMaxExpiresIn,
                                                    std::chrono::seconds(5), errors::cibaResponseInvalid);
    if (!timing)
        return timing.error();
    ticket.expiresAt = timing->expiresAt;
    ticket.interval = timing->interval;
    return ticket;
}

} // namespace

QString LoginHint::issSub(const QString &issuer, const QString &subject)
{
    const nlohmann::ordered_json hint{
        {"format", "iss_sub"}, {"iss", issuer.toStdString()}, {"sub", subject.toStdString()}};
    return QString::fromStdString(hint.dump());
}

CibaClient::CibaClient(net::HttpClient *http, QUrl backchannelEndpoint, QUrl tokenEndpoint,
                       ClientCredentials credentials, QObject *parent)
    : QObject(parent), m_http(http), m_backchannelEndpoint(std::move(backchannelEndpoint)),
      m_tokenEndpoint(std::move(tokenEndpoint)), m_credentials(std::move(credentials))
{}

QByteArray CibaClient::basicAuthorization() const
{
    if (m_credentials.method != ClientCredentials::Method::ClientSecretBasic)
        return {};
    // RFC 6749 §2.3.1: both parts form-encoded before base64.
    return (QUrl::toPercentEncoding(m_credentials.clientId) + ':' +
            QUrl::toPercentEncoding(QString::fromUtf8(m_credentials.clientSecret)))
        .toBase64();
}

void CibaClient::addClientAuthentication(QUrlQuery &form) const
{
    if (m_credentials.method == ClientCredentials::Method::ClientSecretPost) {
        form.addQueryItem(QStringLiteral("client_id"), m_credentials.clientId);
        form.addQueryItem(QStringLiteral("client_secret"), QString::fromUtf8(m_credentials.clientSecret));
    }
}

void CibaClient::authorize(const AuthenticationRequest &request, Callback<Ticket> done)
{
    QStringList scopes = request.scopes;
    if (!scopes.contains(u"openid"))
        scopes.prepend(QStringLiteral("openid"));
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("scope"), scopes.join(u' '));
    form.addQueryItem(QStringLiteral("login_hint"), request.loginHint);
    if (!request.bindingMessage.isEmpty())
        form.addQueryItem(QStringLiteral("binding_message"), request.bindingMessage);
    if (request.authorizationDetails.is_array())
        form.addQueryItem(QStringLiteral("authorization_details"),
                          QString::fromStdString(request.authorizationDetails.dump(
                              -1, ' ', false, nlohmann::json::error_handler_t::replace)));
    if (request.requestedExpirySeconds)
        form.addQueryItem(QStringLiteral("requested_expiry"),
                          QString::number(*request.requestedExpirySeconds));
    if (!request.resource.isEmpty())
        oauth::addApiParameters(form, m_apiParameter, {request.resource});
    if (!request.clientNotificationToken.isEmpty())
        form.addQueryItem(QStringLiteral("client_notification_token"),
                          QString::fromLatin1(request.clientNotificationToken));
    addClientAuthentication(form);
    qCDebug(lcOAuth) << "CIBA request as" << m_credentials.clientId;
    m_http->postForm(
        m_backchannelEndpoint, form, this,
        [done = std::move(done)](Result<nlohmann::json> json) {
            if (!json)
                done(json.error());
            else
                done(parseTicket(json.value()));
        },
        basicAuthorization());
}

void CibaClient::requestToken(const QString &authReqId, Callback<oauth::TokenSet> done)
{
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), kCibaGrant);
    form.addQueryItem(QStringLiteral("auth_req_id"), authReqId);
    addClientAuthentication(form);
    m_http->postForm(
        m_tokenEndpoint, form, this,
        [done = std::move(done)](Result<nlohmann::json> json) {
            if (!json)
                done(json.error());
            else
                done(oauth::TokenSet::fromTokenResponse(json.value(), QDateTime::currentDateTimeUtc()));
        },
        basicAuthorization());
}

} // namespace countersign::ciba
