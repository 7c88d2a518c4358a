#include "Services.h"

#include "agent/AgentService.h"
#include "approvals/ApprovalChannel.h"
#include "logging/Logging.h"
#include "session/ProviderResolver.h"
#include "session/SessionManager.h"
#include "storage/TokenStore.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QStandardPaths>
#include <QTimer>

namespace countersign::services {

namespace {

constexpr auto kRenewalGrace = std::chrono::seconds(10);

} // namespace

Services::Services(const Options &options, QObject *parent)
    : QObject(parent), m_network(std::make_unique<QNetworkAccessManager>()),
      m_store(std::make_unique<storage::TokenStore>()),
      m_session(std::make_unique<session::SessionManager>(m_network.get(), m_store.get())),
      m_resolver(std::make_unique<session::ProviderResolver>()),
      m_approvals(std::make_unique<approvals::ApprovalChannel>(m_session.get(), m_network.get())),
      m_agent(std::make_unique<agent::AgentService>(m_session.get(), m_approvals.get(), m_network.get()))
{
    m_agent->setStorageDirectory(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                                 QLatin1Char('/') + options.agentFolder);
}

Services::~Services() = default;

void Services::finishRenewalThen(std::function<void()> done)
{
    m_session->whenIdle(std::move(done));
}

void Services::finishRenewal()
{
    QEventLoop loop;
    auto idle = std::make_shared<bool>(false);
    m_session->whenIdle([idle, loop = QPointer(&loop)] {
        *idle = true;
        if (loop)
            loop->quit();
    });
    if (*idle)
        return;
    qCInfo(lcApp) << "Waiting for a token renewal to finish before quitting";
    QTimer::singleShot(kRenewalGrace, &loop, &QEventLoop::quit);
    loop.exec();
}

} // namespace countersign::services
