#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QObject>
#include <QUrl>
#include <QUrlQuery>

#include <nlohmann/json.hpp>

#include <chrono>
#include <optional>
#include <string>

class QDateTime;
class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

namespace countersign::net {

// What a cacheable GET answered: the JSON object and how long the server lets it be reused.
struct CacheableJson
{
    nlohmann::json body;
    // From Cache-Control max-age (minus Age) or Expires (minus Date); 0 for no-store, no-cache or
    // an unreadable value; nullopt when the server said nothing about caching.
    std::optional<std::chrono::seconds> lifetime;
};

// The one place that builds HTTP requests (User-Agent, Accept, transfer timeout) and turns
// replies into Results. Any 2xx is success. Every failure gets its own readable Error:
//   code "network"       the server could not be reached / connection failed / timed out
//   code "http_<status>" non-2xx without an OAuth error body
//   code <error>         non-2xx with an OAuth error body {"error": ..., "error_description": ...}
//   code "bad_json"      2xx whose body is not a JSON object
//   code "json_too_deep" 2xx whose JSON nests deeper than kMaxJsonDepth (common/JsonInput.h)
//
// Every request names a `context`: the object its callback belongs to (usually the caller's
// `this`). `done` runs only while both the context and this client live; if either is destroyed
// first, the answer is dropped and `done` is never called. A request already sent still runs to
// its end at the server (a revocation must still land), so callers need no guard of their own,
// and a lambda may capture the context's `this`.
class HttpClient : public QObject
{
    Q_OBJECT
public:
    explicit HttpClient(QNetworkAccessManager *network, QObject *parent = nullptr);

    // GET `url` and parse a JSON object.
    void getJson(const QUrl &url, QObject *context, Callback<nlohmann::json> done,
                 const QByteArray &bearerToken = {});
    // GET a JSON object whose array member `listMember` lists independent items: an item nested
    // too deep reads as null (its reader counts it as unreadable) instead of refusing the answer.
    void getJsonList(const QUrl &url, const std::string &listMember, QObject *context,
                     Callback<nlohmann::json> done, const QByteArray &bearerToken);
    // GET `url` and parse a JSON object, with the lifetime its HTTP cache headers allow (public
    // documents such as a JWKS).
    void getCacheableJson(const QUrl &url, QObject *context, Callback<CacheableJson> done);
    // POST an application/x-www-form-urlencoded body and parse a JSON object (OAuth token endpoint style).
    void postForm(const QUrl &url, const QUrlQuery &form, QObject *context, Callback<nlohmann::json> done,
                  const QByteArray &basicAuth = {});
    // POST a JSON body with a bearer token and parse a JSON object (REST APIs such as the approval channel).
    void postJson(const QUrl &url, const nlohmann::json &body, QObject *context,
                  Callback<nlohmann::json> done, const QByteArray &bearerToken);
    // POST a form where any 2xx counts and the body is ignored (RFC 7009 revocation).
    void postFormIgnoringBody(const QUrl &url, const QUrlQuery &form, QObject *context, Callback<Done> done);

    QNetworkAccessManager *network() const { return m_network; }

private:
    QNetworkReply *send(const QUrl &url, const QByteArray &verb, const QByteArray &body,
                        const QByteArray &contentType, const QByteArray &authorization);
    void guard(QNetworkReply *reply);
    void finish(QNetworkReply *reply, QObject *context, bool wantJson,
                const std::function<void(Result<nlohmann::json>)> &done, const std::string &listMember = {});

    QNetworkAccessManager *m_network;
    // A transfer that takes longer fails as a network error (docs/sign-in.md: "30 s transfer timeout").
    const std::chrono::milliseconds m_timeout{std::chrono::seconds(30)};
};

// Every request the app sends is built here: User-Agent, Accept, no redirects (credentials must not
// follow one), and a transfer timeout, which Qt applies to silence: it fires when no byte has
// moved for that long.
QNetworkRequest buildRequest(const QUrl &url, const QByteArray &authorization,
                             std::chrono::milliseconds idleTimeout,
                             const QByteArray &accept = QByteArrayLiteral("application/json"));

// The Error for a failed reply: `status` 0 is a network failure; otherwise an OAuth-style error
// body ({"error", "error_description"}) gives the server's own code, else "http_<status>".
Error replyError(QNetworkReply *reply, int status, const QByteArray &body);

// application/x-www-form-urlencoded, encoding every reserved character (QUrlQuery leaves '+'
// alone, which a server would read as a space). For form bodies and authorization URLs alike.
QByteArray formEncode(const QUrlQuery &form);

// Appends one path segment (already percent-encoded) to an endpoint URL.
QUrl withPathSegment(QUrl url, const QString &segment);

// How long a response with these headers may be reused (RFC 9111 §4.2.1), for a private cache:
// max-age wins over Expires; no-store, no-cache, an unreadable max-age or Expires mean 0;
// nullopt when none of them is there. `now` stands in for the time of the answer.
std::optional<std::chrono::seconds> freshnessLifetime(const QList<QPair<QByteArray, QByteArray>> &headers,
                                                      const QDateTime &now);

// Parses `body` as a JSON object (parseJsonInput(), common/JsonInput.h). Errors: "bad_json" naming
// `what` (not JSON, not an object), "json_too_deep" naming `sender` (nested too deep).
Result<nlohmann::json> parseJsonObject(const QByteArray &body, const QString &what, const QString &sender,
                                       const std::string &listMember = {});

} // namespace countersign::net
