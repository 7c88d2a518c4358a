#include "FederatedTokenAuthorizer.h"

#include "agent/AgentErrors.h"
#include <QCoreApplication>
#include <QPointer>

namespace countersign::agent {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(FederatedTokenAuthorizer)
};

constexpr std::chrono::seconds kReuseMargin{60};

} // namespace

FederatedTokenAuthorizer::FederatedTokenAuthorizer(Exchange exchange, Options options, QObject *parent)
    : QObject(parent), m_exchange(std::move(exchange)), m_options(std::move(options))
{}

void FederatedTokenAuthorizer::authorize(const QString &callId, const nlohmann::json &arguments,
                                         AuthorizationReport report)
{
    Q_UNUSED(arguments)
    tryExchange(callId, std::move(report));
}

void FederatedTokenAuthorizer::resume(const QString &callId, const nlohmann::json &interrupt,
                                      AuthorizationReport report)
{
    Q_UNUSED(interrupt)
    tryExchange(callId, std::move(report));
}

void FederatedTokenAuthorizer::cancel(const QString &callId)
{
    m_open.remove(callId);
}

void FederatedTokenAuthorizer::tryExchange(const QString &callId, AuthorizationReport report)
{
    if (!m_granted.accessToken.isEmpty() &&
        !m_granted.accessTokenExpiresWithin(kReuseMargin, QDateTime::currentDateTimeUtc())) {
        report.granted(m_granted.accessToken, nlohmann::json::array());
        return;
    }
    m_open.insert(callId);
    m_exchange(
        m_options.connection, [this, self = QPointer(this), callId, report](Result<oauth::TokenSet> tokens) {
            if (!self || !m_open.remove(callId))
                return;
            if (tokens) {
                m_granted = tokens.value();
                report.granted(tokens->accessToken, nlohmann::json::array());
                return;
            }
            const Error error = tokens.error();
            if (error.code != errors::federatedConnectionNotFound) {
                report.failed({error.code, Tr::tr("Your %1 account could not be reached: %2")
                                               .arg(m_options.accountName, error.message)});
                return;
            }
            nlohmann::json interrupt{{"type", "connect_account"},
                                     {"connection", m_options.connection.toStdString()}};
            if (!m_options.connectUri.isEmpty())
                interrupt["connect_uri"] = m_options.connectUri.toString().toStdString();
            report.interrupted(Tr::tr("Connect your %1 account, then try again.").arg(m_options.accountName),
                               interrupt);
        });
}

} // namespace countersign::agent
