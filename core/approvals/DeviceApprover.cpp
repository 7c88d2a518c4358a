#include "DeviceApprover.h"

#include "approvals/ApprovalErrors.h"
#include "net/HttpClient.h"
#include "net/NetErrors.h"

#include <QCoreApplication>

namespace countersign::approvals {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(DeviceApprover)
};

// The API's error codes, in words that say what happened and what is left to do.
Error explain(const Error &error)
{
    if (error.code == approvals::errors::notFound || error.code == net::errors::httpStatus(404))
        return {approvals::errors::notFound,
                Tr::tr("No device is waiting for this code. Check it against the device's screen.")};
    if (error.code == approvals::errors::expired || error.code == net::errors::httpStatus(410))
        return {approvals::errors::expired, Tr::tr("This code has expired. Ask the device for a new one.")};
    if (error.code == approvals::errors::conflict || error.code == net::errors::httpStatus(409))
        return {approvals::errors::conflict, Tr::tr("This code was already decided the other way.")};
    if (error.code == approvals::errors::rateLimited || error.code == net::errors::httpStatus(429))
        return {approvals::errors::rateLimited,
                Tr::tr("Too many unknown codes were tried. Wait a minute, then try again.")};
    return error;
}

Callback<nlohmann::json> readRequest(Callback<DeviceRequest> done)
{
    return [done = std::move(done)](Result<nlohmann::json> json) {
        if (!json)
            done(explain(json.error()));
        else
            done(DeviceRequest::fromJson(json.value()));
    };
}

} // namespace

DeviceApprover::DeviceApprover(net::HttpClient *http, QUrl endpoint, TokenSource tokens, QObject *parent)
    : QObject(parent), m_http(http), m_endpoint(std::move(endpoint)), m_tokens(std::move(tokens))
{}

QUrl DeviceApprover::urlFor(const QString &code) const
{
    return net::withPathSegment(m_endpoint, QString::fromLatin1(QUrl::toPercentEncoding(code)));
}

void DeviceApprover::lookup(const QString &code, Callback<DeviceRequest> done)
{
    callWithToken(
        this, m_tokens,
        [this, url = urlFor(code)](const QByteArray &token, Callback<nlohmann::json> answer) {
            m_http->getJson(url, this, std::move(answer), token);
        },
        readRequest(std::move(done)));
}

void DeviceApprover::decide(const QString &code, Decision decision, Callback<DeviceRequest> done)
{
    const nlohmann::json body{{"decision", decision == Decision::Approve ? "approve" : "deny"}};
    callWithToken(
        this, m_tokens,
        [this, url = urlFor(code), body](const QByteArray &token, Callback<nlohmann::json> answer) {
            m_http->postJson(url, body, this, std::move(answer), token);
        },
        readRequest(std::move(done)));
}

} // namespace countersign::approvals
