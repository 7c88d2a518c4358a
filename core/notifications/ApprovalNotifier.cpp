#include "ApprovalNotifier.h"

#include "NotificationService.h"

#include "approvals/ApprovalChannel.h"
#include "approvals/ApprovalInbox.h"
#include "logging/Logging.h"
#include "rar/PlainText.h"
#include "rar/Presentation.h"

#include <algorithm>

namespace countersign::notifications {

namespace {

// Notification text is short by nature; the window shows everything.
constexpr int kLineChars = 120;
constexpr int kAppMessageChars = 300;

// The key of the notification that says a Deny from a notification failed: this, then the request id.
QString errorKeyPrefix()
{
    return ApprovalNotifier::ownKeyPrefix + QStringLiteral("error:");
}

} // namespace

ApprovalNotifier::ApprovalNotifier(approvals::ApprovalChannel *channel, NotificationService *service,
                                   QObject *parent)
    : QObject(parent), m_channel(channel), m_service(service)
{
    m_pauseEnd.setSingleShot(true);
    connect(&m_pauseEnd, &QTimer::timeout, this, &ApprovalNotifier::resume);
    m_expiry.setSingleShot(true);
    connect(&m_expiry, &QTimer::timeout, this, &ApprovalNotifier::withdrawDecided);
    connect(m_service, &NotificationService::actionInvoked, this, &ApprovalNotifier::onAction);
    connect(m_channel, &approvals::ApprovalChannel::inboxChanged, this,
            [this] { follow(m_channel->inbox()); });
    follow(m_channel->inbox());
}

void ApprovalNotifier::follow(approvals::ApprovalInbox *inbox)
{
    if (m_inbox == inbox)
        return;
    if (m_inbox)
        disconnect(m_inbox, nullptr, this, nullptr);
    // Another session (or none): what was shown belonged to the old one.
    for (const QString &key : m_service->shownKeys())
        m_service->withdraw(key);
    m_seen.clear();
    m_inbox = inbox;
    if (!m_inbox)
        return;
    connect(m_inbox, &approvals::ApprovalInbox::reset, this, &ApprovalNotifier::onReset);
    connect(m_inbox, &approvals::ApprovalInbox::changed, this, [this](int row, bool) { onChanged(row); });
    onReset();
}

void ApprovalNotifier::onReset()
{
    QList<const approvals::Approval *> fresh;
    for (const approvals::Approval &approval : m_inbox->approvals()) {
        if (approval.isPending() && !m_seen.contains(approval.id))
            fresh << &approval;
    }
    withdrawDecided();
    announceNew(fresh);
}

void ApprovalNotifier::onChanged(int row)
{
    const auto &all = m_inbox->approvals();
    if (row < 0 || row >= all.size())
        return;
    const approvals::Approval &approval = all.at(row);
    if (approval.isPending()) {
        if (!m_seen.contains(approval.id))
            announceNew({&approval});
    } else {
        m_service->withdraw(approval.id);
        scheduleExpiry();
    }
}

void ApprovalNotifier::announceNew(const QList<const approvals::Approval *> &approvals)
{
    if (approvals.isEmpty())
        return;
    for (const approvals::Approval *approval : approvals)
        m_seen.insert(approval->id);
    if (isPaused())
        return;
    const QString review = tr("Review");
    if (approvals.size() > maxSingleNotifications) {
        m_service->show(summaryKey, {tr("%1 requests wait for your decision").arg(approvals.size()),
                                     tr("Open Countersign to review them."),
                                     {{QStringLiteral("default"), review}, {reviewAction, review}}});
        scheduleExpiry();
        return;
    }
    for (const approvals::Approval *approval : approvals) {
        const QString client = rar::displayText(
            approval->clientName.isEmpty() ? approval->clientId : approval->clientName, kLineChars);
        QStringList body;
        if (!approval->bindingMessage.isEmpty())
            body << rar::displayText(approval->bindingMessage, kLineChars);
        const QString details = rar::summarize(approval->authorizationDetails);
        if (!details.isEmpty())
            body << details;
        m_service->show(
            approval->id,
            {tr("%1 asks for your approval").arg(client),
             body.join(u'\n'),
             {{QStringLiteral("default"), review}, {reviewAction, review}, {denyAction, tr("Deny")}}});
    }
    scheduleExpiry();
}

// Withdraws what no longer waits: decided or expired requests (by the server's word or the clock),
// ones the inbox no longer has, and the summary once nothing it counted is pending.
void ApprovalNotifier::withdrawDecided()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    bool anyPending = false;
    for (const QString &key : m_service->shownKeys()) {
        if (key.startsWith(ownKeyPrefix))
            continue;
        const approvals::Approval *approval = m_inbox ? m_inbox->find(key) : nullptr;
        const bool waiting = approval && approval->isPending() &&
                             (!approval->expiresAt.isValid() || approval->expiresAt > now);
        if (waiting)
            anyPending = true;
        else
            m_service->withdraw(key);
    }
    if (m_service->isShown(summaryKey) && m_inbox) {
        anyPending = anyPending || std::any_of(m_inbox->approvals().cbegin(), m_inbox->approvals().cend(),
                                               [&now](const approvals::Approval &a) {
                                                   return a.isPending() && a.expiresAt > now;
                                               });
        if (!anyPending)
            m_service->withdraw(summaryKey);
    }
    scheduleExpiry();
}

void ApprovalNotifier::scheduleExpiry()
{
    if (!m_inbox)
        return;
    QDateTime next;
    for (const QString &key : m_service->shownKeys()) {
        const approvals::Approval *approval = m_inbox->find(key);
        if (approval && approval->expiresAt.isValid() && (!next.isValid() || approval->expiresAt < next))
            next = approval->expiresAt;
    }
    if (!next.isValid()) {
        m_expiry.stop();
        return;
    }
    const qint64 ms = std::max<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(next)) + 100;
    m_expiry.start(int(std::min<qint64>(ms, 24 * 3600 * 1000)));
}

void ApprovalNotifier::onAction(const QString &key, const QString &action)
{
    const bool aboutOneRequest = !key.startsWith(ownKeyPrefix);
    if (!aboutOneRequest && key != summaryKey && !key.startsWith(errorKeyPrefix()))
        return; // another notification of the app's (the agent's device codes, a notice)
    if (action == denyAction && aboutOneRequest) {
        deny(key);
        return;
    }
    if (action == reviewAction || action == u"default")
        Q_EMIT reviewRequested(aboutOneRequest                    ? key
                               : key.startsWith(errorKeyPrefix()) ? key.mid(errorKeyPrefix().size())
                                                                  : QString());
}

void ApprovalNotifier::deny(const QString &requestId)
{
    if (!m_inbox || !m_inbox->find(requestId))
        return;
    m_service->withdraw(requestId);
    m_inbox->decide(requestId, approvals::Decision::Deny, QString(),
                    [this, self = QPointer(this), requestId](Result<approvals::Approval> decided) {
                        if (!self || decided)
                            return;
                        qCWarning(lcApp) << "Denying from a notification failed:" << decided.error().code;
                        m_service->show(
                            ownKeyPrefix + QStringLiteral("error:") + requestId,
                            {tr("Countersign could not deny the request"),
                             rar::displayText(decided.error().message, kAppMessageChars),
                             {{QStringLiteral("default"), tr("Review")}, {reviewAction, tr("Review")}}});
                    });
}

void ApprovalNotifier::pauseUntil(const QDateTime &until)
{
    m_pausedUntil = until;
    m_pauseEnd.start(
        int(std::clamp<qint64>(QDateTime::currentDateTimeUtc().msecsTo(until), 0, 24 * 3600 * 1000)));
    Q_EMIT pausedChanged();
}

void ApprovalNotifier::resume()
{
    m_pauseEnd.stop();
    m_pausedUntil = {};
    Q_EMIT pausedChanged();
}

bool ApprovalNotifier::isPaused() const
{
    return m_pausedUntil.isValid() && m_pausedUntil > QDateTime::currentDateTimeUtc();
}

void ApprovalNotifier::announce(const QString &summary, const QString &body)
{
    m_service->show(QStringLiteral("countersign:notice"), {summary, body, {}});
}

bool ApprovalNotifier::canNotify() const
{
    return m_service->isAvailable();
}

} // namespace countersign::notifications
