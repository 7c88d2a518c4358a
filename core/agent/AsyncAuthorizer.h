#pragma once

#include "agent/Authorizer.h"
#include "ciba/CibaClient.h"
#include "ciba/CibaPoll.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <optional>

namespace countersign::agent {

// Asynchronous authorization (OpenID CIBA): before the tool runs, the agent asks the provider for
// the person's approval of exactly this call — a binding message and authorization_details
// (RFC 9396) built from the tool's arguments — and the tool gets the access token the approval
// yields. Interrupt mode (the default) records an interrupt while the person decides, so the chat
// shows what it waits for and a restart can pick it up; block mode just waits.
class AsyncAuthorizer : public QObject, public Authorizer
{
    Q_OBJECT
public:
    enum class Mode
    {
        Interrupt,
        Block
    };
    struct Options
    {
        QStringList scopes;
        QString resource; // RFC 8707, optional (the provider may infer it)
        std::function<QString(const nlohmann::json &arguments)> bindingMessage;
        std::function<nlohmann::json(const nlohmann::json &arguments)> authorizationDetails;
        std::function<QString()> loginHint; // whom to ask: the signed-in person
        std::optional<int> requestedExpirySeconds;
        Mode mode = Mode::Interrupt;
        // Where the person decides, for the waiting message ("in Auth0 Guardian"); empty: the inbox.
        QString approvedWhere;
    };

    AsyncAuthorizer(ciba::CibaClient *client, Options options, QObject *parent = nullptr);
    ~AsyncAuthorizer() override;

    void authorize(const QString &callId, const nlohmann::json &arguments,
                   AuthorizationReport report) override;
    void resume(const QString &callId, const nlohmann::json &interrupt, AuthorizationReport report) override;
    void cancel(const QString &callId) override;

    // Asks about every waiting call now (e.g. the inbox just showed a decision).
    void pollNow();

private:
    void wait(const QString &callId, const ciba::Ticket &ticket, AuthorizationReport report);

    QPointer<ciba::CibaClient> m_client;
    Options m_options;
    QHash<QString, std::shared_ptr<ciba::CibaPoll>> m_polls;
};

} // namespace countersign::agent
