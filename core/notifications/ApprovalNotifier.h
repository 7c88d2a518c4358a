#pragma once

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

namespace countersign::approvals {
class ApprovalChannel;
class ApprovalInbox;
struct Approval;
} // namespace countersign::approvals

namespace countersign::notifications {

class NotificationService;

// Tells the person about approval requests while the window is closed or elsewhere: one desktop
// notification per new pending request (its client, binding message and the one line about its
// authorization details, all plain text) with the actions Review and Deny — never Approve: the
// person must see the whole request for that. A request decided or expired anywhere (this app, the
// CLI, another device) withdraws its notification. More than a few new requests at once (the first
// list after starting, a resync, a burst) become one summary instead of a flood.
class ApprovalNotifier : public QObject
{
    Q_OBJECT
public:
    // Notification actions (the keys the service reports back).
    static constexpr QLatin1String reviewAction{"review"};
    static constexpr QLatin1String denyAction{"deny"};
    // Keys of the app's own notifications start with this (request ids never contain a colon);
    // they are not about one request and are never withdrawn because of one.
    static constexpr QLatin1String ownKeyPrefix{"countersign:"};
    static constexpr QLatin1String summaryKey{"countersign:summary"};
    // At most this many requests are announced one by one at a time; more become one summary.
    static constexpr int maxSingleNotifications = 3;

    ApprovalNotifier(approvals::ApprovalChannel *channel, NotificationService *service,
                     QObject *parent = nullptr);

    // While paused, new requests are not announced (later, neither: they were "seen" while paused);
    // withdrawing still happens.
    void pauseUntil(const QDateTime &until);
    void resume();
    bool isPaused() const;
    QDateTime pausedUntil() const { return isPaused() ? m_pausedUntil : QDateTime(); }

    // A one-off message from the app itself (not about a request), e.g. "still running in the tray".
    void announce(const QString &summary, const QString &body);
    // Whether a notification can reach the person at all (a notification service answered).
    bool canNotify() const;

Q_SIGNALS:
    // "Review" on a request's notification (its id), or on the summary (an empty id: the inbox).
    void reviewRequested(const QString &requestId);
    void pausedChanged();

private:
    void follow(approvals::ApprovalInbox *inbox);
    void onReset();
    void onChanged(int row);
    void announceNew(const QList<const approvals::Approval *> &approvals);
    void withdrawDecided();
    void onAction(const QString &key, const QString &action);
    void deny(const QString &requestId);
    void scheduleExpiry();

    approvals::ApprovalChannel *m_channel;
    NotificationService *m_service;
    QPointer<approvals::ApprovalInbox> m_inbox;
    QSet<QString> m_seen; // announced, or arrived while paused: never announced (again)
    QDateTime m_pausedUntil;
    QTimer m_pauseEnd;
    QTimer m_expiry; // withdraws notifications of requests past their expiry, event or not
};

} // namespace countersign::notifications
