#include "NotificationService.h"

#include "logging/Logging.h"

#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusServiceWatcher>

namespace countersign::notifications {

namespace {

const QString kService = QStringLiteral("org.freedesktop.Notifications");
const QString kPath = QStringLiteral("/org/freedesktop/Notifications");
const QString kInterface = QStringLiteral("org.freedesktop.Notifications");
// The installed desktop entry (resources/), which also names the icon.
const QString kAppId = QStringLiteral("dev.countersign.countersign");
// Calls to the service give up after this long instead of the default 25 s.
constexpr int kCallTimeoutMs = 5000;
// After a failed probe, notifications are dropped without asking again for this long.
constexpr qint64 kReprobeAfterMs = 60'000;

QDBusMessage call(const QString &method)
{
    return QDBusMessage::createMethodCall(kService, kPath, kInterface, method);
}

} // namespace

NotificationService::NotificationService(const QDBusConnection &bus, QObject *parent)
    : QObject(parent), m_bus(bus),
      m_watcher(new QDBusServiceWatcher(kService, bus, QDBusServiceWatcher::WatchForOwnerChange, this))
{
    if (!m_bus.isConnected())
        return; // no session bus at all: nothing to notify through
    m_bus.connect(kService, kPath, kInterface, QStringLiteral("ActionInvoked"), this,
                  SLOT(onActionInvoked(uint, QString)));
    m_bus.connect(kService, kPath, kInterface, QStringLiteral("NotificationClosed"), this,
                  SLOT(onClosed(uint, uint)));
    // A service that starts (or restarts) later: ask again; the ids of the old one mean nothing.
    connect(m_watcher, &QDBusServiceWatcher::serviceOwnerChanged, this,
            [this](const QString &, const QString &, const QString &newOwner) {
                m_ids.clear();
                m_keys.clear();
                m_withdrawnEarly.clear();
                const bool wasAvailable = isAvailable();
                m_capabilities.reset();
                if (wasAvailable)
                    Q_EMIT availabilityChanged();
                if (!newOwner.isEmpty()) {
                    m_sinceFailedProbe.invalidate();
                    probe();
                }
            });
    probe();
}

NotificationService::~NotificationService() = default;

// GetCapabilities tells whether a service is there at all, and whether it reads markup in the body.
void NotificationService::probe()
{
    if (m_probing || !m_bus.isConnected())
        return;
    m_probing = true;
    auto *watcher = new QDBusPendingCallWatcher(
        m_bus.asyncCall(call(QStringLiteral("GetCapabilities")), kCallTimeoutMs), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_probing = false;
        const QDBusPendingReply<QStringList> reply = *watcher;
        if (reply.isError()) {
            // No service: stay silent. Calls made meanwhile are dropped, not kept for later.
            qCDebug(lcApp) << "No desktop notification service:" << reply.error().name();
            m_waiting.clear();
            m_sinceFailedProbe.start();
            return;
        }
        const QStringList capabilities = reply.value();
        m_capabilities = QSet<QString>(capabilities.cbegin(), capabilities.cend());
        Q_EMIT availabilityChanged();
        const auto waiting = std::exchange(m_waiting, {});
        for (const auto &run : waiting)
            run();
    });
}

void NotificationService::show(const QString &key, const Notification &notification)
{
    if (!m_bus.isConnected())
        return;
    if (!m_capabilities) {
        if (m_sinceFailedProbe.isValid() && m_sinceFailedProbe.elapsed() < kReprobeAfterMs)
            return; // no service a moment ago: say nothing
        m_waiting << [this, key, notification] { show(key, notification); };
        probe();
        return;
    }
    m_withdrawnEarly.remove(key);
    send(key, notification);
}

void NotificationService::send(const QString &key, const Notification &notification)
{
    const bool markup = m_capabilities->contains(QStringLiteral("body-markup"));
    QStringList actions;
    if (m_capabilities->contains(QStringLiteral("actions"))) {
        for (const auto &[actionKey, label] : notification.actions)
            actions << actionKey << label;
    }
    QVariantMap hints;
    hints.insert(QStringLiteral("desktop-entry"), kAppId);
    hints.insert(QStringLiteral("urgency"), QVariant::fromValue(uchar(1))); // normal
    QDBusMessage message = call(QStringLiteral("Notify"));
    const uint replaces = m_ids.value(key, 0);
    message << kAppId << replaces << kAppId << notification.summary
            << (markup ? notification.body.toHtmlEscaped() : notification.body) << actions << hints
            << int(-1); // the service's default timeout
    m_ids.insert(key, replaces);
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(message, kCallTimeoutMs), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, key] {
        watcher->deleteLater();
        const QDBusPendingReply<uint> reply = *watcher;
        if (reply.isError()) {
            qCDebug(lcApp) << "The notification service refused a notification:" << reply.error().name();
            if (m_ids.value(key, 1) == 0)
                m_ids.remove(key);
            return;
        }
        const uint id = reply.value();
        if (m_withdrawnEarly.remove(key)) {
            close(id); // withdrawn before the service had answered
            return;
        }
        m_ids.insert(key, id);
        m_keys.insert(id, key);
    });
}

void NotificationService::withdraw(const QString &key)
{
    if (!m_capabilities) {
        if (m_probing)
            m_waiting << [this, key] { withdraw(key); };
        return;
    }
    const auto it = m_ids.constFind(key);
    if (it == m_ids.cend())
        return;
    if (*it == 0) {
        m_withdrawnEarly.insert(key);
        m_ids.remove(key);
        return;
    }
    close(*it);
    forget(key);
}

void NotificationService::close(uint id)
{
    QDBusMessage message = call(QStringLiteral("CloseNotification"));
    message << id;
    m_bus.asyncCall(message, kCallTimeoutMs); // nothing to do with the answer
}

void NotificationService::forget(const QString &key)
{
    m_keys.remove(m_ids.take(key));
}

void NotificationService::onActionInvoked(uint id, const QString &action)
{
    const auto it = m_keys.constFind(id);
    if (it != m_keys.cend()) // another application's notification otherwise
        Q_EMIT actionInvoked(*it, action);
}

void NotificationService::onClosed(uint id, uint)
{
    const auto it = m_keys.constFind(id);
    if (it == m_keys.cend())
        return;
    const QString key = *it;
    m_keys.erase(it);
    if (m_ids.value(key) == id)
        m_ids.remove(key);
}

} // namespace countersign::notifications
