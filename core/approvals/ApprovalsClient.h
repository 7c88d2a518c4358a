#pragma once

#include "approvals/Approval.h"
#include "common/Result.h"

#include <QObject>
#include <QUrl>

#include <functional>

namespace countersign::net {
class HttpClient;
}

namespace countersign::approvals {

enum class Decision
{
    Approve,
    Deny
};

// Supplies access tokens for the approval channel. `renew` asks for a fresh one because the
// server refused the last (expired or revoked early).
using TokenSource = std::function<void(bool renew, Callback<QByteArray> done)>;

// Runs `call` with a token from `tokens`; when the server refuses the token (invalid_token: expired
// or revoked early), renews it and tries once more. Nothing is called back once `context` is gone.
using TokenCall = std::function<void(const QByteArray &token, Callback<nlohmann::json> done)>;
void callWithToken(QObject *context, const TokenSource &tokens, TokenCall call,
                   Callback<nlohmann::json> done);

// The approval channel's request/response calls (docs/approval-channel.md): list and decide.
// A request refused with invalid_token is retried once with a renewed token.
class ApprovalsClient : public QObject
{
    Q_OBJECT
public:
    ApprovalsClient(net::HttpClient *http, QUrl endpoint, TokenSource tokens, QObject *parent = nullptr);

    // GET <endpoint>: pending and recently decided requests, newest first.
    void list(Callback<ApprovalList> done);
    // POST <endpoint>/<id>. Errors: "not_found" (unknown, or not yours), "conflict" (already decided
    // the other way), "expired", "network", ... each with a sentence a person can act on.
    void decide(const QString &id, Decision decision, const QString &reason, Callback<Approval> done);

    QUrl endpoint() const { return m_endpoint; }
    QUrl eventsUrl() const;
    const TokenSource &tokens() const { return m_tokens; }
    net::HttpClient *http() const { return m_http; }

private:
    net::HttpClient *m_http;
    QUrl m_endpoint;
    TokenSource m_tokens;
};

} // namespace countersign::approvals
