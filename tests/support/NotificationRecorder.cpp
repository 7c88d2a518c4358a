#include "NotificationRecorder.h"

#include <QDBusMessage>

namespace countersign::test {

namespace {

const QString kService = QStringLiteral("org.freedesktop.Notifications");
const QString kPath = QStringLiteral("/org/freedesktop/Notifications");

} // namespace

NotificationRecorder::NotificationRecorder()
    : m_bus(
          QDBusConnection::connectToBus(QDBusConnection::SessionBus, QStringLiteral("notification-recorder")))
{}

NotificationRecorder::~NotificationRecorder()
{
    m_bus.unregisterObject(kPath);
    m_bus.unregisterService(kService);
    QDBusConnection::disconnectFromBus(QStringLiteral("notification-recorder"));
}

bool NotificationRecorder::start()
{
    return m_bus.isConnected() && m_bus.registerObject(kPath, this, QDBusConnection::ExportAllSlots) &&
           m_bus.registerService(kService);
}

const NotificationRecorder::Shown *NotificationRecorder::find(const QString &text) const
{
    for (auto it = m_shown.crbegin(); it != m_shown.crend(); ++it) {
        if (it->body.contains(text))
            return &*it;
    }
    return nullptr;
}

void NotificationRecorder::invoke(uint id, const QString &action)
{
    QDBusMessage signal = QDBusMessage::createSignal(kPath, QStringLiteral("org.freedesktop.Notifications"),
                                                     QStringLiteral("ActionInvoked"));
    signal << id << action;
    m_bus.send(signal);
}

QStringList NotificationRecorder::GetCapabilities()
{
    ++m_capabilityQueries;
    if (m_broken) {
        sendErrorReply(QDBusError::Failed, QStringLiteral("broken on purpose"));
        return {};
    }
    return {QStringLiteral("actions"), QStringLiteral("body"), QStringLiteral("body-markup")};
}

uint NotificationRecorder::Notify(const QString &appName, uint replacesId, const QString &icon,
                                  const QString &summary, const QString &body, const QStringList &actions,
                                  const QVariantMap &hints, int)
{
    if (m_broken) {
        sendErrorReply(QDBusError::Failed, QStringLiteral("broken on purpose"));
        return 0;
    }
    const uint id = replacesId != 0 ? replacesId : m_nextId++;
    m_shown << Shown{id, replacesId, appName, icon, summary, body, actions, hints, false};
    return id;
}

void NotificationRecorder::CloseNotification(uint id)
{
    m_closed << id;
    for (Shown &shown : m_shown) {
        if (shown.id == id)
            shown.closed = true;
    }
    QDBusMessage signal = QDBusMessage::createSignal(kPath, QStringLiteral("org.freedesktop.Notifications"),
                                                     QStringLiteral("NotificationClosed"));
    signal << id << uint(3); // closed by a call to CloseNotification
    m_bus.send(signal);
}

QString NotificationRecorder::GetServerInformation(QString &vendor, QString &version, QString &specVersion)
{
    vendor = QStringLiteral("Countersign tests");
    version = QStringLiteral("1");
    specVersion = QStringLiteral("1.2");
    return QStringLiteral("notification-recorder");
}

} // namespace countersign::test
