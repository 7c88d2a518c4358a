#include "SandboxWithAlice.h"

#include "Wait.h"

#include "oauth/DiscoveryClient.h"

namespace countersign::test {

SandboxWithAlice::SandboxWithAlice(QNetworkAccessManager *network, QStringList sandboxArguments)
    : m_network(network), m_sandbox(std::move(sandboxArguments)), m_http(network)
{}

SandboxWithAlice::~SandboxWithAlice() = default;

QString SandboxWithAlice::start()
{
    if (!m_sandbox.start())
        return m_sandbox.error();
    oauth::DiscoveryClient discovery(&m_http);
    auto metadata =
        wait<oauth::ProviderMetadata>([&](auto done) { discovery.discover(m_sandbox.issuer(), done); });
    if (!metadata)
        return metadata.error().message;
    m_metadata = metadata.value();
    m_alice = std::make_unique<SignedInSession>(m_network);
    if (QString error =
            m_alice->signIn(m_sandbox.issuer(), QStringLiteral("alice"), QStringLiteral("alice-demo"));
        !error.isEmpty())
        return error;
    m_channel = std::make_unique<approvals::ApprovalChannel>(&m_alice->manager(), m_network);
    auto connected =
        wait<approvals::ApprovalsClient *>([&](auto done) { m_channel->connectToProvider(done); });
    return connected ? QString() : connected.error().message;
}

} // namespace countersign::test
