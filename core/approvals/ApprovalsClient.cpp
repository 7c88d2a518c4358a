#include "ApprovalsClient.h"

#include "approvals/ApprovalErrors.h"
#include "logging/Logging.h"
#include "net/HttpClient.h"
#include "net/NetErrors.h"
#include "oauth/OAuthErrors.h"

#include <QCoreApplication>
#include <QPointer>

namespace countersign::approvals {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ApprovalsClient)
};

// The channel's error codes, in words that say what happened and what is left to do.
Error explainDecisionError(const Error &error)
{
    if (error.code == errors::notFound || error.code == net::errors::httpStatus(404))
        return {errors::notFound, Tr::tr("This request does not exist, or it is not yours to decide.")};
    if (error.code == errors::conflict || error.code == net::errors::httpStatus(409))
        return {errors::conflict, Tr::tr("This request was already decided the other way.")};
    if (error.code == errors::expired || error.code == net::errors::httpStatus(410))
        return {errors::expired, Tr::tr("This request has expired; it can no longer be decided.")};
    return error;
}

void callWithTokenOnce(QPointer<QObject> context, const TokenSource &tokens, TokenCall call,
                       Callback<nlohmann::json> done, bool renewed)
{
    tokens(renewed, [context, tokens, call, done, renewed](Result<QByteArray> token) {
        if (!context)
            return;
        if (!token) {
            done(token.error());
            return;
        }
        call(token.value(), [context, tokens, call, done, renewed](Result<nlohmann::json> answer) {
            if (!context)
                return;
            if (!answer && answer.error().code == oauth::errors::invalidToken && !renewed) {
                qCDebug(lcNet) << "the server refused the access token; renewing once";
                callWithTokenOnce(context, tokens, call, done, true);
                return;
            }
            done(std::move(answer));
        });
    });
}

} // namespace

void callWithToken(QObject *context, const TokenSource &tokens, TokenCall call, Callback<nlohmann::json> done)
{
    callWithTokenOnce(context, tokens, std::move(call), std::move(done), false);
}

ApprovalsClient::ApprovalsClient(net::HttpClient *http, QUrl endpoint, TokenSource tokens, QObject *parent)
    : QObject(parent), m_http(http), m_endpoint(std::move(endpoint)), m_tokens(std::move(tokens))
{}

QUrl ApprovalsClient::eventsUrl() const
{
    return net::withPathSegment(m_endpoint, QStringLiteral("events"));
}

void ApprovalsClient::list(Callback<ApprovalList> done)
{
    callWithToken(
        this, m_tokens,
        [this](const QByteArray &token, Callback<nlohmann::json> answer) {
            // One approval nested too deep is left out (counted as unreadable), not the whole list.
            m_http->getJsonList(m_endpoint, "approvals", this, std::move(answer), token);
        },
        [done = std::move(done)](Result<nlohmann::json> json) {
            if (!json)
                done(json.error());
            else
                done(ApprovalList::fromJson(json.value()));
        });
}

void ApprovalsClient::decide(const QString &id, Decision decision, const QString &reason,
                             Callback<Approval> done)
{
    nlohmann::json body{{"decision", decision == Decision::Approve ? "approve" : "deny"}};
    if (!reason.isEmpty())
        body["reason"] = reason.toStdString();
    const QUrl url = net::withPathSegment(m_endpoint, QString::fromLatin1(QUrl::toPercentEncoding(id)));
    callWithToken(
        this, m_tokens,
        [this, url, body](const QByteArray &token, Callback<nlohmann::json> answer) {
            m_http->postJson(url, body, this, std::move(answer), token);
        },
        [done = std::move(done)](Result<nlohmann::json> json) {
            if (!json)
                done(explainDecisionError(json.error()));
            else
                done(Approval::fromJson(json.value()));
        });
}

} // namespace countersign::approvals
