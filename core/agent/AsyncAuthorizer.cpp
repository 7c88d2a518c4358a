#include "AsyncAuthorizer.h"

#include "agent/AgentErrors.h"
#include "common/Json.h"
#include "common/JsonFields.h"
#include "oauth/OAuthErrors.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>

namespace countersign::agent {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(AsyncAuthorizer)
};

} // namespace

AsyncAuthorizer::AsyncAuthorizer(ciba::CibaClient *client, Options options, QObject *parent)
    : QObject(parent), m_client(client), m_options(std::move(options))
{}

AsyncAuthorizer::~AsyncAuthorizer()
{
    for (const auto &poll : std::as_const(m_polls))
        poll->cancel();
}

void AsyncAuthorizer::authorize(const QString &callId, const nlohmann::json &arguments,
                                AuthorizationReport report)
{
    if (!m_client) {
        report.failed({errors::noClient, Tr::tr("Approvals are not available right now.")});
        return;
    }
    ciba::AuthenticationRequest request;
    request.scopes = m_options.scopes;
    request.resource = m_options.resource;
    request.loginHint = m_options.loginHint ? m_options.loginHint() : QString();
    request.bindingMessage = m_options.bindingMessage ? m_options.bindingMessage(arguments) : QString();
    request.authorizationDetails =
        m_options.authorizationDetails ? m_options.authorizationDetails(arguments) : nlohmann::json();
    request.requestedExpirySeconds = m_options.requestedExpirySeconds;
    const QString bindingMessage = request.bindingMessage;
    m_client->authorize(request, [this, self = QPointer(this), callId, bindingMessage,
                                  report](Result<ciba::Ticket> ticket) {
        if (!self)
            return;
        if (!ticket) {
            report.failed({ticket.error().code,
                           Tr::tr("The approval request could not be sent: %1").arg(ticket.error().message)});
            return;
        }
        if (m_options.mode == Mode::Interrupt) {
            // Handles to resume with after a restart; the auth_req_id is no token (it takes this
            // agent's client credentials to redeem).
            const nlohmann::json interrupt{{"type", "async_authorization"},
                                           {"auth_req_id", ticket->authReqId.toStdString()},
                                           {"expires_at", isoTime(ticket->expiresAt)},
                                           {"interval", ticket->interval.count()},
                                           {"binding_message", bindingMessage.toStdString()}};
            const QString where =
                m_options.approvedWhere.isEmpty() ? Tr::tr("in your inbox") : m_options.approvedWhere;
            report.interrupted(
                Tr::tr("Waiting for your approval of \"%1\" (%2; until %3).")
                    .arg(bindingMessage, where,
                         QLocale().toString(ticket->expiresAt.toLocalTime().time(), QLocale::ShortFormat)),
                interrupt);
        }
        wait(callId, ticket.value(), report);
    });
}

void AsyncAuthorizer::resume(const QString &callId, const nlohmann::json &interrupt,
                             AuthorizationReport report)
{
    const JsonFields fields(interrupt, [](const QString &field) {
        return Error{errors::interruptInvalid,
                     Tr::tr("The saved approval request is damaged (\"%1\"); ask again.").arg(field)};
    });
    auto id = fields.string("auth_req_id", true);
    auto expires = fields.time("expires_at", true);
    if (!id || !expires) {
        report.failed(!id ? id.error() : expires.error());
        return;
    }
    // What the provider asked for, as saved; CIBA's default when the file holds anything else.
    ciba::Ticket ticket{
        id.value(), expires.value(),
        std::chrono::seconds(std::clamp<qint64>(jsonInteger(interrupt, "interval").value_or(5), 1, 3600))};
    wait(callId, ticket, report);
}

void AsyncAuthorizer::wait(const QString &callId, const ciba::Ticket &ticket, AuthorizationReport report)
{
    auto poll = std::make_shared<ciba::CibaPoll>(m_client, ticket);
    m_polls.insert(callId, poll);
    poll->start([this, self = QPointer(this), callId, report](const ciba::Outcome &outcome) {
        if (!self)
            return;
        m_polls.remove(callId);
        switch (outcome.kind) {
        case ciba::Outcome::Kind::Approved:
            report.granted(outcome.tokens.accessToken, outcome.tokens.authorizationDetails);
            return;
        case ciba::Outcome::Kind::Denied:
            report.failed(
                {oauth::errors::accessDenied,
                 outcome.error.message.isEmpty() || outcome.error.message == oauth::errors::accessDenied
                     ? Tr::tr("You denied this.")
                     : Tr::tr("You denied this: %1").arg(outcome.error.message)});
            return;
        case ciba::Outcome::Kind::Expired:
            report.failed({oauth::errors::expiredToken, Tr::tr("Nobody approved this in time.")});
            return;
        case ciba::Outcome::Kind::Failed:
            report.failed(outcome.error);
            return;
        }
    });
}

void AsyncAuthorizer::cancel(const QString &callId)
{
    if (auto poll = m_polls.take(callId))
        poll->cancel();
}

void AsyncAuthorizer::pollNow()
{
    for (const auto &poll : std::as_const(m_polls))
        poll->pollNow();
}

} // namespace countersign::agent
