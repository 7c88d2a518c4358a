#include "DeviceAuthorizer.h"

#include "agent/AgentErrors.h"
#include "common/Json.h"
#include "common/JsonFields.h"
#include "oauth/OAuthErrors.h"

#include <QCoreApplication>

#include <algorithm>

namespace countersign::agent {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(DeviceAuthorizer)
};

// A kept token is used only while it has at least this long to live.
constexpr std::chrono::seconds kReuseMargin{60};

Error unavailable()
{
    return {errors::noClient, Tr::tr("Device authorization is not available right now.")};
}

} // namespace

DeviceAuthorizer::DeviceAuthorizer(device::DeviceAuthorizationClient *client, Options options,
                                   QObject *parent)
    : QObject(parent), m_client(client), m_options(std::move(options))
{}

DeviceAuthorizer::~DeviceAuthorizer()
{
    for (const auto &poll : std::as_const(m_polls))
        poll->cancel();
}

void DeviceAuthorizer::forget()
{
    m_granted = {};
}

void DeviceAuthorizer::authorize(const QString &callId, const nlohmann::json &arguments,
                                 AuthorizationReport report)
{
    Q_UNUSED(arguments)
    if (!m_granted.accessToken.isEmpty() &&
        !m_granted.accessTokenExpiresWithin(kReuseMargin, QDateTime::currentDateTimeUtc())) {
        report.granted(m_granted.accessToken, m_granted.authorizationDetails);
        return;
    }
    if (!m_client) {
        report.failed(unavailable());
        return;
    }
    device::DeviceAuthorizationRequest request;
    request.scopes = m_options.scopes;
    if (!m_options.resource.isEmpty())
        request.resources = {m_options.resource};
    m_client->authorize(request, [this, self = QPointer(this), callId,
                                  report](Result<device::DeviceAuthorization> authorization) {
        if (!self)
            return;
        if (!authorization) {
            report.failed(
                {authorization.error().code,
                 Tr::tr("The agent could not get a code to approve: %1").arg(authorization.error().message)});
            return;
        }
        const auto &code = authorization.value();
        nlohmann::json interrupt{
            {"type", "device_authorization"},
            {"user_code", code.userCode.toStdString()},
            {"verification_uri", code.verificationUri.toString().toStdString()},
            {"expires_at", isoTime(code.expiresAt)},
            {"interval", code.interval.count()},
            // The handle the agent polls with; it never reaches the model (see Conversation.h).
            {"device_code", code.deviceCode.toStdString()}};
        if (!code.verificationUriComplete.isEmpty())
            interrupt["verification_uri_complete"] = code.verificationUriComplete.toString().toStdString();
        report.interrupted(
            m_options.purpose.isEmpty()
                ? Tr::tr("Enter the code %1 on the \"Enter code\" page (or at %2) and approve it.")
                      .arg(code.userCode, code.verificationUri.toString())
                : Tr::tr("To %1, enter the code %2 on the \"Enter code\" page (or at %3) and approve it.")
                      .arg(m_options.purpose, code.userCode, code.verificationUri.toString()),
            interrupt);
        wait(callId, code, report);
    });
}

void DeviceAuthorizer::resume(const QString &callId, const nlohmann::json &interrupt,
                              AuthorizationReport report)
{
    const JsonFields fields(interrupt, [](const QString &field) {
        return Error{errors::interruptInvalid,
                     Tr::tr("The saved device code is damaged (\"%1\"); ask again.").arg(field)};
    });
    auto deviceCode = fields.string("device_code", true);
    auto userCode = fields.string("user_code", true);
    auto expires = fields.time("expires_at", true);
    if (!deviceCode || !userCode || !expires) {
        report.failed(!deviceCode ? deviceCode.error() : !userCode ? userCode.error() : expires.error());
        return;
    }
    if (!m_client) {
        report.failed(unavailable());
        return;
    }
    device::DeviceAuthorization authorization;
    authorization.deviceCode = deviceCode->toUtf8();
    authorization.userCode = userCode.value();
    authorization.expiresAt = expires.value();
    // What the provider asked for, as saved; the RFC 8628 default when the file holds anything else.
    authorization.interval =
        std::chrono::seconds(std::clamp<qint64>(jsonInteger(interrupt, "interval").value_or(5), 1, 3600));
    wait(callId, authorization, report);
}

void DeviceAuthorizer::wait(const QString &callId, const device::DeviceAuthorization &authorization,
                            AuthorizationReport report)
{
    auto poll = std::make_shared<device::DevicePoll>(m_client, authorization);
    m_polls.insert(callId, poll);
    poll->start([this, self = QPointer(this), callId, userCode = authorization.userCode,
                 report](const oauth::PollOutcome &outcome) {
        if (!self)
            return;
        m_polls.remove(callId);
        switch (outcome.kind) {
        case oauth::PollOutcome::Kind::Approved:
            m_granted = outcome.tokens;
            report.granted(outcome.tokens.accessToken, outcome.tokens.authorizationDetails);
            return;
        case oauth::PollOutcome::Kind::Denied:
            report.failed({oauth::errors::accessDenied, Tr::tr("You denied the code %1.").arg(userCode)});
            return;
        case oauth::PollOutcome::Kind::Expired:
            report.failed(
                {oauth::errors::expiredToken, Tr::tr("Nobody entered the code %1 in time.").arg(userCode)});
            return;
        case oauth::PollOutcome::Kind::Failed:
            report.failed(outcome.error);
            return;
        }
    });
}

void DeviceAuthorizer::cancel(const QString &callId)
{
    if (auto poll = m_polls.take(callId))
        poll->cancel();
}

} // namespace countersign::agent
