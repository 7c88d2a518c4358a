#pragma once

#include <QByteArray>
#include <QString>

// DEMO ONLY. The sandbox's published fixtures (sandbox/lib/clients.mjs, sandbox/lib/apis/), all in
// one place: the clients and keys the app uses when the provider is the local sandbox (its
// discovery names `countersign_demo_apis_url`). None of these is a secret: each is printed in the
// sandbox's source and README, and the sandbox listens on 127.0.0.1 only. Never use them for a
// real provider.
namespace countersign::config::sandbox {

// The app itself: a public client (PKCE, loopback redirect).
inline QString desktopClientId()
{
    return QStringLiteral("countersign-desktop");
}

// The demo agent's confidential CIBA client, and its published secret.
inline QString agentClientId()
{
    return QStringLiteral("demo-agent");
}
inline QByteArray agentClientSecret()
{
    return QByteArrayLiteral("demo-agent-secret");
}
// The demo agent as a device (RFC 8628): a public client.
inline QString deviceClientId()
{
    return QStringLiteral("demo-device");
}
// The pre-shared key of the sandbox's OpenFGA-compatible API.
inline QByteArray fgaApiKey()
{
    return QByteArrayLiteral("demo-fga-key");
}

// The resource indicator (RFC 8707) of the demo API `name` ("stock", "payments", "data", "docs").
inline QString apiResource(const QString &name)
{
    return QStringLiteral("https://api.sandbox.countersign.dev/") + name;
}
// The documents API, which a sign-in at the sandbox asks access to (the agent's document search).
inline QString docsResource()
{
    return apiResource(QStringLiteral("docs"));
}
inline QString docsScope()
{
    return QStringLiteral("docs:read");
}

} // namespace countersign::config::sandbox
