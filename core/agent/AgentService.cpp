#include "AgentService.h"

#include "agent/ApiTools.h"
#include "agent/ApprovedActionTools.h"
#include "agent/AsyncAuthorizer.h"
#include "agent/DemoBackend.h"
#include "agent/DeviceAuthorizer.h"
#include "agent/FederatedTokenAuthorizer.h"
#include "agent/FgaAuthorizer.h"
#include "agent/SessionTokenAuthorizer.h"
#include "approvals/ApprovalChannel.h"
#include "ciba/CibaClient.h"
#include "config/SandboxFixtures.h"
#include "device/DeviceAuthorizationClient.h"
#include "fga/FgaClient.h"
#include "net/HttpClient.h"
#include "session/SessionErrors.h"
#include "session/SessionManager.h"

#include <QCryptographicHash>
#include <QDir>

namespace countersign::agent {

AgentConfig AgentConfig::forSandbox(const oauth::ProviderMetadata &metadata)
{
    AgentConfig config;
    // DEMO ONLY: the sandbox's published fixtures (config/SandboxFixtures.h).
    config.cibaClientId = config::sandbox::agentClientId();
    config.cibaClientSecret = config::sandbox::agentClientSecret();
    config.deviceClientId = config::sandbox::deviceClientId();
    config.stockApi = net::withPathSegment(metadata.demoApisUrl, QStringLiteral("stock"));
    config.paymentsApi = net::withPathSegment(metadata.demoApisUrl, QStringLiteral("payments"));
    config.dataApi = net::withPathSegment(metadata.demoApisUrl, QStringLiteral("data"));
    config.calendarApi = net::withPathSegment(metadata.demoApisUrl, QStringLiteral("calendar"));
    config.docsApi = net::withPathSegment(metadata.demoApisUrl, QStringLiteral("docs"));
    config.stockResource = config::sandbox::apiResource(QStringLiteral("stock"));
    config.paymentsResource = config::sandbox::apiResource(QStringLiteral("payments"));
    config.dataResource = config::sandbox::apiResource(QStringLiteral("data"));
    config.docsResource = config::sandbox::docsResource();
    config.calendarConnection = QStringLiteral("google-oauth2");
    config.connectEndpoint = metadata.connectEndpoint;
    config.fgaApiUrl = metadata.fgaApiUrl;
    config.fgaStoreId = metadata.fgaStoreId;
    config.fgaApiToken = config::sandbox::fgaApiKey();
    return config;
}

// What one agent is made of, for as long as the session lasts.
struct AgentService::Parts
{
    std::unique_ptr<Backend> backend;
    std::unique_ptr<ciba::CibaClient> ciba;
    std::unique_ptr<device::DeviceAuthorizationClient> device;
    std::unique_ptr<fga::FgaClient> fga;
    QList<std::shared_ptr<AsyncAuthorizer>> asyncAuthorizers;
    std::shared_ptr<DeviceAuthorizer> deviceAuthorizer;
};

AgentService::AgentService(session::SessionManager *session, approvals::ApprovalChannel *channel,
                           QNetworkAccessManager *network, QObject *parent)
    : QObject(parent), m_session(session), m_channel(channel),
      m_http(std::make_unique<net::HttpClient>(network)),
      m_backendFactory([](QObject *owner) { return new DemoBackend(owner); })
{
    m_unavailableReason = tr("Sign in to chat with the agent.");
}

AgentService::~AgentService()
{
    m_agent.reset();
    m_parts.reset();
}

void AgentService::followSession()
{
    connect(m_session, &session::SessionManager::stateChanged, this, &AgentService::onSessionState);
    if (m_channel) {
        // A decision seen in the inbox or on the code page: ask about waiting calls at once.
        connect(m_channel, &approvals::ApprovalChannel::inboxChanged, this, [this] {
            if (!m_channel || !m_channel->inbox())
                return;
            connect(m_channel->inbox(), &approvals::ApprovalInbox::changed, this, [this](int, bool isNew) {
                if (!isNew && m_parts)
                    for (const auto &authorizer : std::as_const(m_parts->asyncAuthorizers))
                        authorizer->pollNow();
            });
        });
    }
    onSessionState();
}

void AgentService::rebuild()
{
    drop(m_unavailableReason);
    onSessionState();
}

void AgentService::onSessionState()
{
    if (m_session->state() != session::SessionManager::State::SignedIn) {
        drop(tr("Sign in to chat with the agent."));
        return;
    }
    if (m_agent)
        return;
    m_session->metadata([this, generation = ++m_generation](Result<oauth::ProviderMetadata> metadata) {
        if (generation != m_generation || m_session->state() != session::SessionManager::State::SignedIn)
            return;
        if (!metadata) {
            drop(tr("The agent is not available: %1").arg(metadata.error().message));
            return;
        }
        build(metadata.value());
    });
}

void AgentService::drop(const QString &reason)
{
    ++m_generation;
    m_unavailableReason = reason;
    if (!m_agent && !m_parts)
        return;
    m_agent.reset();
    m_parts.reset();
    Q_EMIT sessionChanged();
}

void AgentService::build(const oauth::ProviderMetadata &metadata)
{
    const auto &identity = m_session->identity();
    const bool sandbox = metadata.isCountersignSandbox();
    const AgentConfig config = sandbox ? AgentConfig::forSandbox(metadata) : AgentConfig{};

    auto parts = std::make_unique<Parts>();
    parts->backend.reset(m_backendFactory(nullptr));
    auto agent = std::make_unique<AgentSession>(parts->backend.get());
    agent->setUser(identity.subject, identity.name.isEmpty() ? identity.email : identity.name);

    AgentProfile profile;
    profile.userName = identity.name.isEmpty() ? identity.email : identity.name;
    const QString subject = identity.subject;
    const session::ProviderDialect dialect = m_session->dialect();
    const QString loginHint = dialect.loginHint(metadata.issuer.toString(), subject);
    const auto apiParameter = dialect.apiParameter();
    const bool inGuardian = dialect.approvalPlace() == session::ProviderDialect::ApprovalPlace::Guardian;
    const QString approvedWhere = inGuardian ? tr("in Auth0 Guardian") : tr("in your inbox");
    // Named in a waiting call's text only when it is not this app's inbox.
    const QString approvedElsewhere = inGuardian ? approvedWhere : QString();

    if (!config.cibaClientId.isEmpty() && !metadata.backchannelAuthenticationEndpoint.isEmpty()) {
        parts->ciba = std::make_unique<ciba::CibaClient>(
            m_http.get(), metadata.backchannelAuthenticationEndpoint, metadata.tokenEndpoint,
            ciba::ClientCredentials{config.cibaClientId, config.cibaClientSecret,
                                    dialect.clientAuthentication()});
        parts->ciba->setApiParameter(apiParameter);
        for (const auto action : {StockOrderTool::Action::Buy, StockOrderTool::Action::Sell}) {
            AsyncAuthorizer::Options options;
            options.scopes = {QStringLiteral("openid"), QStringLiteral("stock:trade")};
            options.resource = config.stockResource;
            options.loginHint = [loginHint] { return loginHint; };
            options.approvedWhere = approvedElsewhere;
            options.bindingMessage = [action](const nlohmann::json &arguments) {
                return StockOrderTool::bindingMessage(action, arguments);
            };
            options.authorizationDetails = [action](const nlohmann::json &arguments) {
                return StockOrderTool::authorizationDetails(action, arguments);
            };
            auto authorizer = std::make_shared<AsyncAuthorizer>(parts->ciba.get(), options);
            parts->asyncAuthorizers << authorizer;
            agent->addTool(
                std::make_shared<StockOrderTool>(
                    action, m_http.get(), net::withPathSegment(config.stockApi, QStringLiteral("orders"))),
                authorizer);
        }
        profile.allowed << tr("buy and sell stock (you approve each trade %1)").arg(approvedWhere);

        AsyncAuthorizer::Options payment;
        payment.scopes = {QStringLiteral("openid"), QStringLiteral("payments:initiate")};
        payment.resource = config.paymentsResource;
        payment.loginHint = [loginHint] { return loginHint; };
        payment.approvedWhere = approvedElsewhere;
        payment.bindingMessage = &PaymentTool::bindingMessage;
        payment.authorizationDetails = &PaymentTool::authorizationDetails;
        auto paymentAuthorizer = std::make_shared<AsyncAuthorizer>(parts->ciba.get(), payment);
        parts->asyncAuthorizers << paymentAuthorizer;
        agent->addTool(std::make_shared<PaymentTool>(m_http.get(), config.paymentsApi), paymentAuthorizer);
        profile.allowed << tr("make payments (you approve each payment %1)").arg(approvedWhere);
    } else {
        profile.forbidden << tr("trade stock: this provider has no demo stock API for the agent");
    }

    if (!config.deviceClientId.isEmpty() && !metadata.deviceAuthorizationEndpoint.isEmpty()) {
        parts->device = std::make_unique<device::DeviceAuthorizationClient>(
            m_http.get(), metadata.deviceAuthorizationEndpoint, metadata.tokenEndpoint,
            config.deviceClientId);
        parts->device->setApiParameter(apiParameter);
        parts->deviceAuthorizer = std::make_shared<DeviceAuthorizer>(
            parts->device.get(), DeviceAuthorizer::Options{{QStringLiteral("data:read")},
                                                           config.dataResource,
                                                           tr("let the agent read your data records")});
        agent->addTool(std::make_shared<DataRecordTool>(m_http.get(), config.dataApi),
                       parts->deviceAuthorizer);
        profile.allowed << tr("read your data records (you approve once with a device code)");
    } else {
        profile.forbidden << tr("read your data records: this provider has no demo data API for the agent");
    }

    if (!config.calendarConnection.isEmpty()) {
        const QString connection = config.calendarConnection;
        QUrl connectUri;
        if (!config.connectEndpoint.isEmpty())
            connectUri = net::withPathSegment(config.connectEndpoint,
                                              QString::fromLatin1(QUrl::toPercentEncoding(connection)));
        auto authorizer = std::make_shared<FederatedTokenAuthorizer>(
            [session = QPointer(m_session)](const QString &name, Callback<oauth::TokenSet> done) {
                if (session)
                    session->exchangeForConnection(name, std::move(done));
            },
            FederatedTokenAuthorizer::Options{connection, QStringLiteral("Google"), connectUri});
        agent->addTool(
            std::make_shared<CalendarTool>(
                m_http.get(), net::withPathSegment(config.calendarApi, QStringLiteral("freebusy"))),
            authorizer);
        profile.allowed << tr("check your Google calendar (through your connected account)");
    }

    if (!config.docsApi.isEmpty() && !config.fgaApiUrl.isEmpty()) {
        parts->fga = std::make_unique<fga::FgaClient>(
            m_http.get(), fga::FgaConfig{config.fgaApiUrl, config.fgaStoreId, {}, config.fgaApiToken});
        auto docsToken = [session = QPointer(m_session),
                          resource = config.docsResource](Callback<QByteArray> done) {
            if (session)
                session->accessTokenFor(resource, false, std::move(done));
            else
                done(session::errors::notSignedIn());
        };
        agent->addTool(std::make_shared<DocumentSearchTool>(
                           m_http.get(), net::withPathSegment(config.docsApi, QStringLiteral("search")),
                           FgaFilter(parts->fga.get(), QStringLiteral("viewer"))),
                       std::make_shared<SessionTokenAuthorizer>(docsToken));
        agent->addTool(
            std::make_shared<DocumentReadTool>(m_http.get(), config.docsApi),
            std::make_shared<FgaAuthorizer>(
                parts->fga.get(),
                FgaAuthorizer::Options{[subject] { return QStringLiteral("user:") + subject; },
                                       QStringLiteral("viewer"), &DocumentReadTool::objectFor, docsToken}));
        const QString documents = tr("search and read the shared documents you may view");
        profile.allowed << documents;
        // Whether the sign-in granted the documents API shows when a token for it is asked for.
        docsToken(
            [this, self = QPointer(this), generation = m_generation, documents](Result<QByteArray> token) {
                if (!self || generation != m_generation || !m_agent || token)
                    return;
                AgentProfile profile = m_agent->profile();
                profile.allowed.removeAll(documents);
                profile.forbidden << tr("search documents: %1").arg(token.error().message);
                m_agent->setProfile(profile);
            });
    }
    if (!sandbox)
        profile.forbidden << tr("use the demo tools: they exist only at the sandbox");
    agent->setProfile(profile);

    m_storageFile.clear();
    if (!m_storageDirectory.isEmpty()) {
        const QByteArray account = (metadata.issuer.toString() + u'\n' + identity.subject).toUtf8();
        m_storageFile =
            QDir(m_storageDirectory)
                .filePath(
                    QString::fromLatin1(
                        QCryptographicHash::hash(account, QCryptographicHash::Sha256).toHex().left(32)) +
                    QStringLiteral(".json"));
        agent->setStorageFile(m_storageFile);
    }
    m_parts = std::move(parts);
    m_agent = std::move(agent);
    m_unavailableReason.clear();
    if (const Status loaded = m_agent->load(); !loaded)
        m_unavailableReason = loaded.error().message; // shown as the agent's problem; the chat starts empty
    Q_EMIT sessionChanged();
}

} // namespace countersign::agent
