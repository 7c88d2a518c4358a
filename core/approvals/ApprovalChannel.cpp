#include "ApprovalChannel.h"
#include "approvals/ApprovalErrors.h"
#include "device/UserCode.h"

#include "logging/Logging.h"
#include "net/HttpClient.h"
#include "session/SessionErrors.h"
#include "session/SessionManager.h"

#include <QCoreApplication>
#include <QTimer>

namespace countersign::approvals {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ApprovalChannel)
};

constexpr auto kRetryLookup = std::chrono::seconds(15);

} // namespace

ApprovalChannel::ApprovalChannel(session::SessionManager *session, QNetworkAccessManager *network,
                                 QObject *parent)
    : QObject(parent), m_session(session), m_network(network)
{}

ApprovalChannel::~ApprovalChannel() = default;

void ApprovalChannel::followSession()
{
    connect(m_session, &session::SessionManager::stateChanged, this, &ApprovalChannel::onSessionState);
    onSessionState();
}

void ApprovalChannel::onSessionState()
{
    if (m_session->state() != session::SessionManager::State::SignedIn) {
        drop();
        return;
    }
    if (m_client)
        return;
    connectToProvider([this, generation = m_generation + 1](Result<ApprovalsClient *> client) {
        if (client) {
            m_inbox->start();
        } else if (client.error().code != errors::noApprovalChannel &&
                   client.error().code != errors::guardian) {
            // The provider could not be asked (offline?): ask again in a while.
            QTimer::singleShot(kRetryLookup, this, [this, generation] {
                if (generation == m_generation)
                    onSessionState();
            });
        }
    });
}

void ApprovalChannel::connectToProvider(Callback<ApprovalsClient *> done)
{
    const quint64 generation = ++m_generation;
    m_session->metadata([this, self = QPointer(this), generation,
                         done](Result<oauth::ProviderMetadata> metadata) {
        if (!self || generation != m_generation)
            return;
        if (!metadata) {
            m_lastError = metadata.error();
            done(metadata.error());
            return;
        }
        const session::ProviderDialect dialect = m_session->dialect();
        if (dialect.approvalPlace() == session::ProviderDialect::ApprovalPlace::Guardian) {
            m_lastError = {errors::guardian,
                           Tr::tr("Auth0 sends approval requests to the Auth0 Guardian app on your phone: "
                                  "approve or deny them there.")};
            setAvailability(Availability::Unavailable);
            done(m_lastError);
            return;
        }
        if (!metadata->hasApprovalChannel()) {
            m_lastError = {errors::noApprovalChannel,
                           Tr::tr("%1 has no approval channel: approval requests reach you another way "
                                  "(for Auth0, in the Guardian app).")
                               .arg(metadata->issuer.toString())};
            setAvailability(Availability::Unavailable);
            done(m_lastError);
            return;
        }
        const QString resource = metadata->approvalsResource;
        auto tokens = [session = QPointer(m_session), resource](bool renew, Callback<QByteArray> tokenDone) {
            if (!session) {
                tokenDone(session::errors::notSignedIn());
                return;
            }
            session->accessTokenFor(resource, renew, std::move(tokenDone));
        };
        auto *http = new net::HttpClient(m_network, this);
        m_client = new ApprovalsClient(http, metadata->approvalsEndpoint, tokens, this);
        m_inbox = new ApprovalInbox(m_client, m_network, this);
        if (metadata->hasDeviceApprover())
            m_deviceApprover = new DeviceApprover(http, metadata->deviceApproverEndpoint, tokens, this);
        m_lastError = {};
        qCInfo(lcApp) << "approval channel at" << metadata->approvalsEndpoint.toDisplayString();
        setAvailability(Availability::Available);
        Q_EMIT inboxChanged();
        done(m_client.data());
    });
}

QUrl ApprovalChannel::codeEntryPage(const device::UserCode &code) const
{
    if (!code.link.isEmpty())
        return code.link;
    return m_session->dialect().codeEntryPage(device::UserCode::display(code.code));
}

void ApprovalChannel::drop()
{
    ++m_generation;
    const bool had = m_inbox;
    // Later, not now: this may run inside one of their own callbacks (a refresh that ended the
    // session). Their pending answers are dropped: they check that they still exist.
    if (m_inbox) {
        m_inbox->stop();
        m_inbox->deleteLater();
        m_inbox = nullptr;
    }
    if (m_deviceApprover) {
        m_deviceApprover->deleteLater();
        m_deviceApprover = nullptr;
    }
    if (m_client) {
        m_client->http()->deleteLater();
        m_client->deleteLater();
        m_client = nullptr;
    }
    m_lastError = {};
    setAvailability(Availability::Unknown);
    if (had)
        Q_EMIT inboxChanged();
}

void ApprovalChannel::setAvailability(Availability availability)
{
    if (m_availability == availability)
        return;
    m_availability = availability;
    Q_EMIT availabilityChanged();
}

} // namespace countersign::approvals
