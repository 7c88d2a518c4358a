#pragma once

#include <QDBusConnection>
#include <QDBusContext>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QVariantMap>

namespace countersign::test {

// A desktop notification service of the test's own (org.freedesktop.Notifications on the test's
// private D-Bus session, over a connection of its own): records every Notify and
// CloseNotification, and plays the person clicking an action. Capabilities: actions, body-markup
// (so the app must escape the body), body.
class NotificationRecorder : public QObject, protected QDBusContext
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    struct Shown
    {
        uint id = 0;
        uint replaces = 0;
        QString appName;
        QString icon;
        QString summary;
        QString body;
        QStringList actions; // key, label, key, label, …
        QVariantMap hints;
        bool closed = false;
    };

    NotificationRecorder();
    ~NotificationRecorder() override;

    // Takes the service name on the session bus; false when another service has it.
    bool start();
    // A broken service: every call answers with an error (as a bus whose activation of the
    // service fails does).
    void setBroken(bool broken) { m_broken = broken; }
    int capabilityQueries() const { return m_capabilityQueries; }

    const QList<Shown> &shown() const { return m_shown; }
    QList<uint> closedIds() const { return m_closed; }
    // The last notification whose body contains `text` (nullptr if none).
    const Shown *find(const QString &text) const;
    // Plays a click on `action` of notification `id` (the ActionInvoked signal).
    void invoke(uint id, const QString &action);

public Q_SLOTS:
    QStringList GetCapabilities();
    uint Notify(const QString &appName, uint replacesId, const QString &icon, const QString &summary,
                const QString &body, const QStringList &actions, const QVariantMap &hints, int timeout);
    void CloseNotification(uint id);
    QString GetServerInformation(QString &vendor, QString &version, QString &specVersion);

private:
    QDBusConnection m_bus;
    QList<Shown> m_shown;
    QList<uint> m_closed;
    uint m_nextId = 1;
    bool m_broken = false;
    int m_capabilityQueries = 0;
};

} // namespace countersign::test
