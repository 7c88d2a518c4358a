#include "SessionTokenAuthorizer.h"

namespace countersign::agent {

SessionTokenAuthorizer::SessionTokenAuthorizer(Credential credential) : m_credential(std::move(credential)) {}

void SessionTokenAuthorizer::authorize(const QString &, const nlohmann::json &, AuthorizationReport report)
{
    m_credential([report](Result<QByteArray> token) {
        if (token)
            report.granted(token.value(), nlohmann::json::array());
        else
            report.failed(token.error());
    });
}

void SessionTokenAuthorizer::resume(const QString &callId, const nlohmann::json &, AuthorizationReport report)
{
    authorize(callId, {}, std::move(report));
}

} // namespace countersign::agent
