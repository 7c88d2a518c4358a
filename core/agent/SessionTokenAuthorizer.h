#pragma once

#include "agent/Authorizer.h"

#include <functional>

namespace countersign::agent {

// The authorizer of tools that act with the signed-in person's own token for one API (the data
// and documents APIs): each call gets the session's current token for that API, renewed when due,
// and nothing to approve. `credential` fetches it (SessionManager::apiAccessToken in practice).
class SessionTokenAuthorizer : public Authorizer
{
public:
    using Credential = std::function<void(Callback<QByteArray>)>;
    explicit SessionTokenAuthorizer(Credential credential);

    void authorize(const QString &callId, const nlohmann::json &arguments,
                   AuthorizationReport report) override;
    // Nothing was interrupted: the same as authorize().
    void resume(const QString &callId, const nlohmann::json &interrupt, AuthorizationReport report) override;

private:
    Credential m_credential;
};

} // namespace countersign::agent
