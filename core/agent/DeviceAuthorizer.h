#pragma once

#include "agent/Authorizer.h"
#include "device/DeviceAuthorizationClient.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <memory>

namespace countersign::agent {

// Device authorization (RFC 8628) for a tool: the agent, as its own public client (a device
// without a browser), asks for a code; the chat shows the code, the person enters it on the
// "Enter code" page (or at the provider's verification page) and approves; the tool then runs
// with the token the device receives. The token is kept in memory until shortly before it
// expires, so the person approves once, not for every call.
class DeviceAuthorizer : public QObject, public Authorizer
{
    Q_OBJECT
public:
    struct Options
    {
        QStringList scopes;
        QString resource; // RFC 8707, optional
        QString purpose;  // what the access is for, in words ("read your data records")
    };

    DeviceAuthorizer(device::DeviceAuthorizationClient *client, Options options, QObject *parent = nullptr);
    ~DeviceAuthorizer() override;

    void authorize(const QString &callId, const nlohmann::json &arguments,
                   AuthorizationReport report) override;
    void resume(const QString &callId, const nlohmann::json &interrupt, AuthorizationReport report) override;
    void cancel(const QString &callId) override;

    // Forgets the token kept from the last approval (the person signed out).
    void forget();

private:
    void wait(const QString &callId, const device::DeviceAuthorization &authorization,
              AuthorizationReport report);

    QPointer<device::DeviceAuthorizationClient> m_client;
    Options m_options;
    QHash<QString, std::shared_ptr<device::DevicePoll>> m_polls;
    oauth::TokenSet m_granted; // the last approval's token (memory only)
};

} // namespace countersign::agent
