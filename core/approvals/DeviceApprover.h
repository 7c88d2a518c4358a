#pragma once

#include "approvals/ApprovalsClient.h"
#include "approvals/DeviceRequest.h"
#include "common/Result.h"

#include <QObject>
#include <QUrl>

namespace countersign::net {
class HttpClient;
}

namespace countersign::approvals {

// The approver side of device flow, through the provider's device approver API
// (docs/approval-channel.md, "Device codes"): look a code up, then approve or deny it as the
// signed-in person. Uses the approval channel's access token; an invalid_token answer is retried
// once with a renewed one.
class DeviceApprover : public QObject
{
    Q_OBJECT
public:
    DeviceApprover(net::HttpClient *http, QUrl endpoint, TokenSource tokens, QObject *parent = nullptr);

    // GET <endpoint>/<code>; `code` as device::UserCode::parse() normalised it. Errors: "not_found",
    // "expired", "rate_limited", "network", ... each with a sentence a person can act on.
    void lookup(const QString &code, Callback<DeviceRequest> done);
    // POST <endpoint>/<code>. Errors as lookup(), plus "conflict" (decided the other way).
    void decide(const QString &code, Decision decision, Callback<DeviceRequest> done);

    QUrl endpoint() const { return m_endpoint; }

private:
    QUrl urlFor(const QString &code) const;

    net::HttpClient *m_http;
    QUrl m_endpoint;
    TokenSource m_tokens;
};

} // namespace countersign::approvals
