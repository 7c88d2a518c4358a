#pragma once

#include "Sandbox.h"
#include "SignedInSession.h"

#include "approvals/ApprovalChannel.h"
#include "net/HttpClient.h"
#include "oauth/ProviderMetadata.h"

#include <memory>

class QNetworkAccessManager;

namespace countersign::test {

// The starting point of the end-to-end tests of device codes and the agent: a sandbox of the
// test's own, its discovery document, alice signed in through the real login form (headless
// Chromium) and her approval channel connected.
class SandboxWithAlice
{
public:
    SandboxWithAlice(QNetworkAccessManager *network, QStringList sandboxArguments = {});
    ~SandboxWithAlice();

    // Returns an empty string when everything is up, else what failed.
    QString start();

    QUrl issuer() const { return m_sandbox.issuer(); }
    const oauth::ProviderMetadata &metadata() const { return m_metadata; }
    net::HttpClient *http() { return &m_http; }
    approvals::ApprovalChannel &channel() { return *m_channel; }
    session::SessionManager &alice() { return m_alice->manager(); }

private:
    QNetworkAccessManager *m_network;
    Sandbox m_sandbox;
    net::HttpClient m_http;
    oauth::ProviderMetadata m_metadata;
    std::unique_ptr<SignedInSession> m_alice;
    std::unique_ptr<approvals::ApprovalChannel> m_channel;
};

} // namespace countersign::test
