#include "CibaClient.h"

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
// How long past the request's expiry we keep asking (clock skew, a slow answer).
constexpr auto kExpiryGrace = std::chrono::seconds(10);
constexpr auto kSlowDownStep = std::chrono::seconds(5);

Error invalidResponse(const QString &message)
{
    return {QStringLiteral("ciba_response_invalid"), message};
}

Result<Ticket> parseTicket(const nlohmann::json &json)
{
    Ticket ticket;
    ticket.authReqId = jsonString(json, "auth_req_id");
    if (ticket.authReqId.isEmpty())
        return invalidResponse(Tr::tr("The provider's answer has no \"auth_req_id\"."));
    if (!json.contains("expires_in") || !json["expires_in"].is_number_integer() ||
        json["expires_in"].get<qint64>() <= 0)
        return invalidResponse(Tr::tr("The provider's answer has no valid \"expires_in\"."));
    ticket.expiresAt = QDateTime::currentDateTimeUtc().addSecs(json["expires_in"].get<qint64>());
    if (json.contains("interval")) {
        if (!json["interval"].is_number_integer() || json["interval"].get<qint64>() < 0 ||
            json["interval"].get<qint64>() > 3600)
            return invalidResponse(Tr::tr("The provider's answer has an invalid \"interval\"."));
        ticket.interval = std::chrono::seconds(json["interval"].get<qint64>());
    }
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
        form.addQueryItem(QStringLiteral("resource"), request.resource);
    if (!request.clientNotificationToken.isEmpty())
        form.addQueryItem(QStringLiteral("client_notification_token"),
                          QString::fromLatin1(request.clientNotificationToken));
    addClientAuthentication(form);
    qCDebug(lcOAuth) << "CIBA request as" << m_credentials.clientId;
    m_http->postForm(
        m_backchannelEndpoint, form,
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
        m_tokenEndpoint, form,
        [done = std::move(done)](Result<nlohmann::json> json) {
            if (!json)
                done(json.error());
            else
                done(oauth::TokenSet::fromTokenResponse(json.value(), QDateTime::currentDateTimeUtc()));
        },
        basicAuthorization());
}

CibaPoll::CibaPoll(CibaClient *client, Ticket ticket, QObject *parent)
    : QObject(parent), m_client(client), m_ticket(std::move(ticket)), m_interval(m_ticket.interval)
{
    m_timer.setSingleShot(true);
    // Qt's default coarse timers may fire up to 5 % early, and a provider answers a poll that
    // comes even a few milliseconds before the interval is up with slow_down (+5 s).
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &CibaPoll::poll);
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        finish({Outcome::Kind::Expired,
                {},
                {QStringLiteral("expired_token"), Tr::tr("The request expired before anyone decided.")}});
    });
}

void CibaPoll::start(std::function<void(const Outcome &)> done, bool pollPeriodically)
{
    m_done = std::move(done);
    m_periodic = pollPeriodically;
    const qint64 msLeft = QDateTime::currentDateTimeUtc().msecsTo(m_ticket.expiresAt);
    m_deadline.start(std::chrono::milliseconds(std::max<qint64>(0, msLeft)) + kExpiryGrace);
    scheduleNext();
}

void CibaPoll::pollNow()
{
    if (!m_done)
        return;
    if (m_inFlight) {
        m_pollAgain = true;
        return;
    }
    m_timer.stop();
    poll();
}

void CibaPoll::cancel()
{
    m_done = nullptr;
    m_timer.stop();
    m_deadline.stop();
}

void CibaPoll::scheduleNext()
{
    if (m_periodic && m_done)
        m_timer.start(m_interval);
}

void CibaPoll::poll()
{
    if (!m_client || !m_done)
        return;
    m_inFlight = true;
    m_client->requestToken(m_ticket.authReqId, [this, self = QPointer(this)](Result<oauth::TokenSet> answer) {
        if (self)
            onAnswer(std::move(answer));
    });
}

void CibaPoll::onAnswer(Result<oauth::TokenSet> answer)
{
    m_inFlight = false;
    if (!m_done)
        return;
    if (answer) {
        finish({Outcome::Kind::Approved, std::move(answer).value(), {}});
        return;
    }
    const Error &error = answer.error();
    if (error.code == u"access_denied") {
        finish({Outcome::Kind::Denied, {}, error});
    } else if (error.code == u"expired_token") {
        finish({Outcome::Kind::Expired, {}, error});
    } else if (error.code == u"authorization_pending" || error.code == u"slow_down" ||
               error.code == u"network") {
        // A network failure is worth another try while the request lives; the deadline ends it.
        if (error.code == u"slow_down")
            m_interval += kSlowDownStep;
        if (std::exchange(m_pollAgain, false))
            pollNow();
        else
            scheduleNext();
    } else {
        finish({Outcome::Kind::Failed, {}, error});
    }
}

void CibaPoll::finish(Outcome outcome)
{
    auto done = std::exchange(m_done, nullptr);
    m_timer.stop();
    m_deadline.stop();
    if (done)
        done(outcome);
}

} // namespace countersign::ciba
