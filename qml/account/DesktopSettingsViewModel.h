#pragma once

#include "desktop/Autostart.h"

#include <QObject>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

class QJSEngine;
class QQmlEngine;

namespace countersign::gui {

// The `DesktopSettings` singleton behind the Account page's "On this computer" card: whether
// Countersign starts at login, hidden in the tray (desktop::Autostart, a file read each time), and
// whether closing the window keeps it running in the tray (config::Settings).
class DesktopSettingsViewModel : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(DesktopSettings)
    QML_SINGLETON
    // Countersign starts when the person logs in, hidden in the tray.
    Q_PROPERTY(bool startAtLogin READ startAtLogin NOTIFY changed)
    // Closing the window leaves Countersign running in the tray.
    Q_PROPERTY(bool keepRunningInTray READ keepRunningInTray NOTIFY changed)
    // Why the last change failed, in words; empty otherwise.
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY changed)

public:
    // `program`: what the autostart entry starts (the running binary's absolute path).
    explicit DesktopSettingsViewModel(QString program, desktop::Autostart autostart = desktop::Autostart(),
                                      QObject *parent = nullptr);

    static void setInstance(DesktopSettingsViewModel *instance);
    static DesktopSettingsViewModel *create(QQmlEngine *qmlEngine, QJSEngine *jsEngine);

    bool startAtLogin() const { return m_startAtLogin; }
    bool keepRunningInTray() const { return m_keepRunningInTray; }
    QString errorMessage() const { return m_errorMessage; }

    Q_INVOKABLE void setStartAtLogin(bool on);
    Q_INVOKABLE void setKeepRunningInTray(bool on);
    // Reads both again (the autostart entry may have changed outside, e.g. in the desktop's settings).
    Q_INVOKABLE void refresh();

Q_SIGNALS:
    void changed();

private:
    void update(bool startAtLogin, bool keepRunningInTray, const QString &errorMessage);

    QString m_program;
    desktop::Autostart m_autostart;
    bool m_startAtLogin = false;
    bool m_keepRunningInTray = true;
    QString m_errorMessage;
    static inline QPointer<DesktopSettingsViewModel> s_instance;
};

} // namespace countersign::gui
