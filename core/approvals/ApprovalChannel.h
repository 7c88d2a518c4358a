#pragma once

#include "approvals/ApprovalInbox.h"
#include "approvals/ApprovalsClient.h"
#include "approvals/DeviceApprover.h"
#include "common/Result.h"

#include <QObject>
#include <QPointer>

class QNetworkAccessManager;

namespace countersign::device {
struct UserCode;
}
namespace countersign::session {
class SessionManager;
}

namespace countersign::approvals {

// Connects the signed-in session to its provider's approval channel: finds the channel in the
// provider's discovery document, gets access tokens for it from the session (never anywhere
// else), and owns the client and the live inbox while the session lasts.
class ApprovalChannel : public QObject
{
    Q_OBJECT
public:
    enum class Availability
    {
        Unknown,    // not signed in, or not asked yet
        Available,  // the provider offers the channel; inbox() is live
        Unavailable // the provider has no approval channel (e.g. Auth0: approvals go to Guardian)
    };
    Q_ENUM(Availability)

    ApprovalChannel(session::SessionManager *session, QNetworkAccessManager *network,
                    QObject *parent = nullptr);
    ~ApprovalChannel() override;

    // Follow the session: connect when signed in, drop everything when signed out (the GUI).
    void followSession();
    // Looks up the channel once (the CLI). Errors: "no_approval_channel", discovery errors.
    void connectToProvider(Callback<ApprovalsClient *> done);

    Availability availability() const { return m_availability; }
    // Why the channel is unavailable or the lookup failed.
    const Error &lastError() const { return m_lastError; }
    ApprovalsClient *client() const { return m_client; }
    ApprovalInbox *inbox() const { return m_inbox; }
    // The channel's device code part, when the provider offers it (docs/approval-channel.md,
    // "Device codes"); null otherwise: then codes are entered on the provider's own web page.
    DeviceApprover *deviceApprover() const { return m_deviceApprover; }
    // Where the person enters `code` on the provider's own web page, for a provider without the
    // device approver API: the link the code came from if one was pasted, else the page known
    // without asking the device (Auth0's https://DOMAIN/activate?user_code=CODE); empty otherwise.
    QUrl codeEntryPage(const device::UserCode &code) const;

Q_SIGNALS:
    void availabilityChanged();
    // The inbox object was replaced (new session) or removed.
    void inboxChanged();

private:
    void onSessionState();
    void drop();
    void setAvailability(Availability availability);

    session::SessionManager *m_session;
    QNetworkAccessManager *m_network;
    QPointer<ApprovalsClient> m_client;
    QPointer<ApprovalInbox> m_inbox;
    QPointer<DeviceApprover> m_deviceApprover;
    Availability m_availability = Availability::Unknown;
    Error m_lastError;
    quint64 m_generation = 0;
};

} // namespace countersign::approvals
