#pragma once

#include <QMenu>
#include <QObject>
#include <QSystemTrayIcon>

namespace countersign::gui {

class TrayMenu;

// The tray icon as the desktop draws it: a QSystemTrayIcon (a StatusNotifierItem over D-Bus, or
// the classic XEmbed system tray) with TrayMenu's icon, tooltip and actions. A click opens the
// window; the menu opens on a right click.
class SystemTray : public QObject
{
    Q_OBJECT
public:
    explicit SystemTray(TrayMenu *menu, QObject *parent = nullptr);

    // Puts the icon into the tray (not for --screenshot runs: they are tools, not a session).
    void show();

private:
    void update();

    TrayMenu *m_menu;
    QMenu m_widget;
    QSystemTrayIcon m_icon;
};

} // namespace countersign::gui
