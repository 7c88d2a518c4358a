#pragma once

#include "agent/AgentSession.h"
#include "common/Result.h"
#include "oauth/ProviderMetadata.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace countersign::approvals {
class ApprovalChannel;
}
namespace countersign::net {
class HttpClient;
}
namespace countersign::session {
class SessionManager;
}

namespace countersign::agent {

// Where the agent's tools and their authorizers live at one provider. The sandbox's are known
// (forSandbox); another provider has no demo APIs, so its agent runs without tools and says why.
struct AgentConfig
{
    // The agent's own OAuth clients: a confidential one for CIBA (client_secret_basic), a public
    // one for device flow.
    QString cibaClientId;
    QByteArray cibaClientSecret;
    QString deviceClientId;
    QUrl stockApi;    // .../api/stock      (resource stockResource, scope stock:trade, via CIBA)
    QUrl paymentsApi; // .../api/payments   (resource paymentsResource, scope payments:initiate, via CIBA)
    QUrl dataApi;     // .../api/data       (resource dataResource, scope data:read, via device flow)
    QUrl calendarApi; // .../api/calendar   (federated connection `calendarConnection`)
    QUrl docsApi;     // .../api/docs       (resource docsResource, scope docs:read, the session's; FGA)
    QString stockResource;
    QString paymentsResource;
    QString dataResource;
    QString docsResource;
    QString calendarConnection;
    QUrl connectEndpoint; // where a federated account is connected (connection appended)
    QUrl fgaApiUrl;
    QString fgaStoreId;
    QByteArray fgaApiToken;

    // The sandbox (its discovery names metadata.demoApisUrl): its demo clients and APIs (DEMO
    // ONLY credentials, the sandbox's own published fixtures).
    static AgentConfig forSandbox(const oauth::ProviderMetadata &metadata);
    bool hasTools() const
    {
        return !cibaClientId.isEmpty() || !deviceClientId.isEmpty() || !docsApi.isEmpty();
    }
};

// The agent of the signed-in person: builds an AgentSession with the tools and authorizers the
// provider supports (stock trades and payments approved through CIBA, data records through
// device flow, the calendar through a federated token, documents filtered by FGA), tells the
// backend who the person is and what the session allows, keeps the conversation in a file of
// that account's own, and tears it all down when the session ends.
class AgentService : public QObject
{
    Q_OBJECT
public:
    using BackendFactory = std::function<Backend *(QObject *parent)>;

    AgentService(session::SessionManager *session, approvals::ApprovalChannel *channel,
                 QNetworkAccessManager *network, QObject *parent = nullptr);
    ~AgentService() override;

    // Which backend answers (default: the rule-based DemoBackend). Takes effect with the next
    // session; call rebuild() to apply it now.
    void setBackendFactory(BackendFactory factory) { m_backendFactory = std::move(factory); }
    // Where conversations are kept (one file per account); empty: not kept.
    void setStorageDirectory(const QString &directory) { m_storageDirectory = directory; }

    // Builds the agent whenever the person is signed in, drops it when they are not.
    void followSession();
    void rebuild();

    // The agent, or null (signed out, or being set up).
    AgentSession *session() const { return m_agent.get(); }
    // Why there is no agent right now, in words.
    QString unavailableReason() const { return m_unavailableReason; }
    // The conversation file of the current account.
    QString storageFile() const { return m_storageFile; }

Q_SIGNALS:
    void sessionChanged();

private:
    struct Parts;
    void onSessionState();
    void build(const oauth::ProviderMetadata &metadata);
    void drop(const QString &reason);

    session::SessionManager *m_session;
    QPointer<approvals::ApprovalChannel> m_channel;
    std::unique_ptr<net::HttpClient> m_http;
    BackendFactory m_backendFactory;
    QString m_storageDirectory;
    QString m_storageFile;
    QString m_unavailableReason;
    std::unique_ptr<Parts> m_parts;
    std::unique_ptr<AgentSession> m_agent;
    quint64 m_generation = 0;
};

} // namespace countersign::agent
