#include "SystemTray.h"

#include "tray/TrayMenu.h"

namespace countersign::gui {

SystemTray::SystemTray(TrayMenu *menu, QObject *parent) : QObject(parent), m_menu(menu)
{
    m_widget.addActions(m_menu->actions());
    m_icon.setContextMenu(&m_widget);
    connect(m_menu, &TrayMenu::changed, this, &SystemTray::update);
    connect(&m_icon, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason why) {
        if (why == QSystemTrayIcon::Trigger || why == QSystemTrayIcon::DoubleClick)
            m_menu->showWindow();
    });
    update();
}

void SystemTray::show()
{
    m_icon.show();
    // Asked at each close: a panel that starts after the app (at login) still counts.
    m_menu->setIconShown([] { return QSystemTrayIcon::isSystemTrayAvailable(); });
}

void SystemTray::update()
{
    m_icon.setIcon(m_menu->icon());
    m_icon.setToolTip(m_menu->toolTip());
}

} // namespace countersign::gui
