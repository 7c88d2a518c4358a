#include "HttpClient.h"

#include "common/Json.h"
#include "common/JsonInput.h"
#include "logging/Logging.h"
#include "net/NetErrors.h"

#include <QDateTime>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QTimer>

namespace countersign::net {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(HttpClient)
};

QString hostOf(const QUrl &url)
{
    return url.port() > 0 ? url.host() + u':' + QString::number(url.port()) : url.host();
}

Error networkError(QNetworkReply *reply)
{
    const QString host = hostOf(reply->url());
    switch (reply->error()) {
    case QNetworkReply::ConnectionRefusedError:
        return {errors::network, Tr::tr("Could not connect to %1: the connection was refused. "
                                        "Is the server running?")
                                     .arg(host)};
    case QNetworkReply::HostNotFoundError:
        return {errors::network, Tr::tr("Could not find the server %1. Check the address and your "
                                        "network connection.")
                                     .arg(host)};
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:
        return {errors::network, Tr::tr("%1 did not answer in time.").arg(host)};
    case QNetworkReply::SslHandshakeFailedError:
        return {errors::network,
                Tr::tr("The secure connection to %1 failed: %2").arg(host, reply->errorString())};
    default:
        return {errors::network, Tr::tr("Could not reach %1: %2").arg(host, reply->errorString())};
    }
}

// An OAuth 2.0 error body (RFC 6749 §5.2) becomes an Error with the server's own code.
// So is the {code, message} body of gRPC-gateway services such as OpenFGA.
std::optional<Error> oauthError(const QByteArray &body)
{
    const auto json = parseJsonOrDiscard(body);
    QString code = jsonString(json, "error");
    QString description = jsonString(json, "error_description");
    if (code.isEmpty()) {
        code = jsonString(json, "code");
        description = jsonString(json, "message");
    }
    if (code.isEmpty())
        return std::nullopt;
    return Error{code, description.isEmpty() ? code : description};
}

constexpr auto kAbortReason = "countersign.abortReason";
constexpr auto kFormType = "application/x-www-form-urlencoded";
constexpr qint64 kMaxBodyBytes = 1024 * 1024; // discovery, JWKS and token answers are a few KB

} // namespace

QUrl withPathSegment(QUrl url, const QString &segment)
{
    QString path = url.path();
    if (!path.endsWith(u'/'))
        path += u'/';
    url.setPath(path + segment, QUrl::StrictMode);
    return url;
}

QByteArray formEncode(const QUrlQuery &form)
{
    QByteArray body;
    for (const auto &[key, value] : form.queryItems(QUrl::FullyDecoded)) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    return body;
}

Result<nlohmann::json> parseJsonObject(const QByteArray &body, const QString &what, const QString &sender,
                                       const std::string &listMember)
{
    JsonInputRules rules;
    rules.listMember = listMember;
    JsonInput input = parseJsonInput(body, rules);
    switch (input.problem) {
    case JsonInput::Problem::None:
    case JsonInput::Problem::DuplicateKey: // not asked for
        break;
    case JsonInput::Problem::NotJson:
        // Position only: the text around it may be part of a token.
        return Error{errors::badJson,
                     Tr::tr("The %1 is not valid JSON (error at byte %2).").arg(what).arg(input.errorByte)};
    case JsonInput::Problem::TooDeep:
        return Error{errors::jsonTooDeep,
                     Tr::tr("%1 sent JSON nested deeper than %2 levels.").arg(sender).arg(kMaxJsonDepth)};
    }
    if (!input.value.is_object())
        return Error{errors::badJson, Tr::tr("The %1 is not a JSON object.").arg(what)};
    return std::move(input.value);
}

namespace {

// RFC 9111 §1.2.2: delta-seconds, digits only; anything larger than 2^31 counts as 2^31.
std::optional<qint64> deltaSeconds(const QByteArray &text)
{
    constexpr qint64 kLargest = qint64(1) << 31;
    if (text.isEmpty())
        return std::nullopt;
    qint64 value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        value = std::min(kLargest, value * 10 + (c - '0'));
    }
    return value;
}

// An IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT"), the one form senders must use (RFC 9110 §5.6.7).
QDateTime httpDate(const QByteArray &text)
{
    const QDateTime parsed = QLocale::c().toDateTime(QString::fromLatin1(text.trimmed()),
                                                     QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    return parsed.isValid() ? QDateTime(parsed.date(), parsed.time(), Qt::UTC) : QDateTime();
}

} // namespace

std::optional<std::chrono::seconds> freshnessLifetime(const QList<QPair<QByteArray, QByteArray>> &headers,
                                                      const QDateTime &now)
{
    bool revalidate = false; // no-store, no-cache, or a directive we cannot trust
    std::optional<qint64> maxAge;
    QList<QByteArray> expires;
    QByteArray date;
    qint64 age = 0;
    for (const auto &[name, value] : headers) {
        const QByteArray field = name.toLower();
        if (field == "cache-control") {
            for (const QByteArray &part : value.split(',')) {
                const QByteArray directive = part.trimmed();
                const qsizetype equals = directive.indexOf('=');
                const QByteArray key = (equals < 0 ? directive : directive.left(equals)).trimmed().toLower();
                QByteArray argument = equals < 0 ? QByteArray() : directive.mid(equals + 1).trimmed();
                if (argument.size() >= 2 && argument.startsWith('"') && argument.endsWith('"'))
                    argument = argument.mid(1, argument.size() - 2);
                if (key == "no-store" || key == "no-cache") {
                    revalidate = true;
                } else if (key == "max-age") {
                    // §4.2.1: an unreadable or repeated max-age makes the response stale.
                    const auto seconds = deltaSeconds(argument);
                    if (!seconds || maxAge)
                        revalidate = true;
                    else
                        maxAge = seconds;
                }
            }
        } else if (field == "expires") {
            expires.append(value);
        } else if (field == "date") {
            date = value;
        } else if (field == "age") {
            age = deltaSeconds(value.trimmed()).value_or(0);
        }
    }
    const auto lessAge = [age](qint64 lifetime) {
        return std::chrono::seconds(std::max<qint64>(0, lifetime - age));
    };
    if (revalidate)
        return std::chrono::seconds(0);
    if (maxAge)
        return lessAge(*maxAge);
    if (expires.isEmpty())
        return std::nullopt;
    // §5.3: an invalid date, such as "0", is already expired; so is a repeated Expires.
    const QDateTime expiresAt = expires.size() == 1 ? httpDate(expires.first()) : QDateTime();
    if (!expiresAt.isValid())
        return std::chrono::seconds(0);
    const QDateTime sent = httpDate(date);
    return lessAge((sent.isValid() ? sent : now).secsTo(expiresAt));
}

HttpClient::HttpClient(QNetworkAccessManager *network, QObject *parent) : QObject(parent), m_network(network)
{}

QNetworkRequest buildRequest(const QUrl &url, const QByteArray &authorization,
                             std::chrono::milliseconds idleTimeout, const QByteArray &accept)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      QByteArrayLiteral("Countersign/" COUNTERSIGN_VERSION));
    request.setRawHeader("Accept", accept);
    request.setTransferTimeout(static_cast<int>(idleTimeout.count()));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (!authorization.isEmpty())
        request.setRawHeader("Authorization", authorization);
    return request;
}

Error replyError(QNetworkReply *reply, int status, const QByteArray &body)
{
    if (status == 0)
        return networkError(reply);
    if (auto error = oauthError(body))
        return *error;
    return {errors::httpStatus(status),
            Tr::tr("%1 answered with HTTP status %2.").arg(hostOf(reply->url())).arg(status)};
}

QNetworkReply *HttpClient::send(const QUrl &url, const QByteArray &verb, const QByteArray &body,
                                const QByteArray &contentType, const QByteArray &authorization)
{
    QNetworkRequest request = buildRequest(url, authorization, m_timeout);
    qCDebug(lcNet) << verb << url.toDisplayString(QUrl::RemoveQuery);
    QNetworkReply *reply = nullptr;
    if (verb == "GET") {
        reply = m_network->get(request);
    } else {
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        reply = m_network->post(request, body);
    }
    guard(reply);
    return reply;
}

void HttpClient::guard(QNetworkReply *reply)
{
    // The transfer timeout only fires after a silence; a server trickling a byte at a time, or
    // sending without end, is stopped by a total deadline and a size limit.
    QTimer::singleShot(m_timeout * 2, reply, [reply] {
        reply->setProperty(kAbortReason, QStringLiteral("deadline"));
        reply->abort();
    });
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received) {
        if (received > kMaxBodyBytes) {
            reply->setProperty(kAbortReason, QStringLiteral("too_large"));
            reply->abort();
        }
    });
}

void HttpClient::finish(QNetworkReply *reply, QObject *context, bool wantJson,
                        const std::function<void(Result<nlohmann::json>)> &done,
                        const std::string &listMember)
{
    Q_ASSERT_X(context, "HttpClient", "every request needs the object its callback belongs to");
    const QPointer<QObject> receiver(context ? context : this);
    // Deleted once finished, whoever is still listening.
    connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    connect(reply, &QNetworkReply::finished, this, [reply, receiver, wantJson, done, listMember] {
        // A QPointer is cleared as soon as its object's destruction begins: a late answer never
        // reaches a receiver that is gone or half gone.
        if (!receiver) {
            qCDebug(lcNet) << "answer dropped, its receiver is gone:"
                           << reply->url().toDisplayString(QUrl::RemoveQuery);
            return;
        }
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        const QString aborted = reply->property(kAbortReason).toString();
        if (aborted == u"too_large") {
            done(Error{errors::network,
                       Tr::tr("%1 sent an answer too large to be genuine.").arg(hostOf(reply->url()))});
            return;
        }
        if (aborted == u"deadline") {
            done(Error{errors::network, Tr::tr("%1 did not answer in time.").arg(hostOf(reply->url()))});
            return;
        }
        // A 2xx whose transfer broke off is not a success: its body is cut short.
        if (status == 0 || (status >= 200 && status <= 299 && reply->error() != QNetworkReply::NoError)) {
            done(networkError(reply));
            return;
        }
        if (status < 200 || status > 299) {
            done(replyError(reply, status, body));
            return;
        }
        if (!wantJson) {
            done(nlohmann::json::object());
            return;
        }
        done(parseJsonObject(body,
                             Tr::tr("response from %1").arg(reply->url().toDisplayString(QUrl::RemoveQuery)),
                             hostOf(reply->url()), listMember));
    });
}

void HttpClient::getJson(const QUrl &url, QObject *context, Callback<nlohmann::json> done,
                         const QByteArray &bearerToken)
{
    finish(send(url, "GET", {}, {}, bearerToken.isEmpty() ? QByteArray() : "Bearer " + bearerToken), context,
           true, std::move(done));
}

void HttpClient::getJsonList(const QUrl &url, const std::string &listMember, QObject *context,
                             Callback<nlohmann::json> done, const QByteArray &bearerToken)
{
    finish(send(url, "GET", {}, {}, "Bearer " + bearerToken), context, true, std::move(done), listMember);
}

void HttpClient::getCacheableJson(const QUrl &url, QObject *context, Callback<CacheableJson> done)
{
    QNetworkReply *reply = send(url, "GET", {}, {}, {});
    // The reply is deleted later than `finished`: its headers are still there in the callback.
    finish(reply, context, true, [reply, done = std::move(done)](Result<nlohmann::json> json) {
        if (!json) {
            done(json.error());
            return;
        }
        done(CacheableJson{std::move(json).value(),
                           freshnessLifetime(reply->rawHeaderPairs(), QDateTime::currentDateTimeUtc())});
    });
}

void HttpClient::postForm(const QUrl &url, const QUrlQuery &form, QObject *context,
                          Callback<nlohmann::json> done, const QByteArray &basicAuth)
{
    const QByteArray body = formEncode(form);
    finish(send(url, "POST", body, kFormType, basicAuth.isEmpty() ? QByteArray() : "Basic " + basicAuth),
           context, true, std::move(done));
}

void HttpClient::postJson(const QUrl &url, const nlohmann::json &body, QObject *context,
                          Callback<nlohmann::json> done, const QByteArray &bearerToken)
{
    const QByteArray bytes =
        QByteArray::fromStdString(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    finish(send(url, "POST", bytes, QByteArrayLiteral("application/json"), "Bearer " + bearerToken), context,
           true, std::move(done));
}

void HttpClient::postFormIgnoringBody(const QUrl &url, const QUrlQuery &form, QObject *context,
                                      Callback<Done> done)
{
    const QByteArray body = formEncode(form);
    finish(send(url, "POST", body, kFormType, {}), context, false,
           [done = std::move(done)](Result<nlohmann::json> result) {
               if (result)
                   done(Done{});
               else
                   done(result.error());
           });
}

} // namespace countersign::net
