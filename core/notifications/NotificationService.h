#pragma once

#include <QDBusConnection>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>

#include <functional>
#include <optional>
#include <utility>

class QDBusServiceWatcher;

namespace countersign::notifications {

// One desktop notification as the app means it. Every text is plain text: the service may read
// markup in the body (capability "body-markup"), so NotificationService escapes it there.
struct Notification
{
    QString summary;
    QString body;
    // (key, label) pairs shown as buttons where the service has them (capability "actions");
    // the key "default" is the click on the notification itself.
    QList<std::pair<QString, QString>> actions;
};

// The freedesktop notification service (org.freedesktop.Notifications, Desktop Notifications
// Specification 1.2) on a D-Bus session: shows, replaces and withdraws notifications by a key of
// the caller's (a request id), and reports the actions people take on them. Nothing here blocks:
// every call is asynchronous. Without a service (no desktop, a bare session bus) it does nothing
// and says nothing; a service that appears later (a login that starts it after the app) is used
// from then on.
class NotificationService : public QObject
{
    Q_OBJECT
public:
    explicit NotificationService(const QDBusConnection &bus = QDBusConnection::sessionBus(),
                                 QObject *parent = nullptr);
    ~NotificationService() override;

    // Whether a notification service answered (false until it does, and without one).
    bool isAvailable() const { return m_capabilities.has_value(); }

    // Shows the notification for `key`, replacing the one already shown for it.
    void show(const QString &key, const Notification &notification);
    // Takes the notification for `key` off the screen (CloseNotification), if one is shown.
    void withdraw(const QString &key);
    bool isShown(const QString &key) const { return m_ids.contains(key); }
    QStringList shownKeys() const { return m_ids.keys(); }

Q_SIGNALS:
    void availabilityChanged();
    // A person chose `action` (a key given in Notification::actions) on the notification for `key`.
    void actionInvoked(const QString &key, const QString &action);

private Q_SLOTS:
    void onActionInvoked(uint id, const QString &action);
    void onClosed(uint id, uint reason);

private:
    void probe();
    void send(const QString &key, const Notification &notification);
    void close(uint id);
    void forget(const QString &key);

    QDBusConnection m_bus;
    QDBusServiceWatcher *m_watcher;
    std::optional<QSet<QString>> m_capabilities; // set once the service answered
    bool m_probing = false;
    // When the last probe failed: asking again starts the bus's activation of a service that may
    // fail each time (a daemon installed but unable to run), so not before a while has passed,
    // unless the service appears on the bus.
    QElapsedTimer m_sinceFailedProbe;
    QList<std::function<void()>> m_waiting; // calls made before the service answered
    QHash<QString, uint> m_ids;             // key -> the service's id; 0 while Notify is on its way
    QHash<uint, QString> m_keys;
    QSet<QString> m_withdrawnEarly; // withdrawn while their Notify was on its way
};

} // namespace countersign::notifications
