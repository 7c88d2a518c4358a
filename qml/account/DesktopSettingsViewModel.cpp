#include "DesktopSettingsViewModel.h"

#include "config/Settings.h"

#include <QJSEngine>

namespace countersign::gui {

DesktopSettingsViewModel::DesktopSettingsViewModel(QString program, desktop::Autostart autostart,
                                                   QObject *parent)
    : QObject(parent), m_program(std::move(program)), m_autostart(std::move(autostart)),
      m_startAtLogin(m_autostart.isEnabled()), m_keepRunningInTray(config::Settings().keepRunningInTray())
{}

void DesktopSettingsViewModel::setInstance(DesktopSettingsViewModel *instance)
{
    s_instance = instance;
}

DesktopSettingsViewModel *DesktopSettingsViewModel::create(QQmlEngine *, QJSEngine *)
{
    if (!s_instance)
        qFatal("DesktopSettingsViewModel::setInstance() must be called before QML uses the DesktopSettings "
               "singleton");
    QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
    return s_instance;
}

void DesktopSettingsViewModel::setStartAtLogin(bool on)
{
    const Status done = on ? m_autostart.enable(m_program) : m_autostart.disable();
    update(m_autostart.isEnabled(), m_keepRunningInTray, done ? QString() : done.error().message);
}

void DesktopSettingsViewModel::setKeepRunningInTray(bool on)
{
    config::Settings().setKeepRunningInTray(on);
    update(m_startAtLogin, on, QString());
}

void DesktopSettingsViewModel::refresh()
{
    update(m_autostart.isEnabled(), config::Settings().keepRunningInTray(), m_errorMessage);
}

void DesktopSettingsViewModel::update(bool startAtLogin, bool keepRunningInTray, const QString &errorMessage)
{
    if (startAtLogin == m_startAtLogin && keepRunningInTray == m_keepRunningInTray &&
        errorMessage == m_errorMessage)
        return;
    m_startAtLogin = startAtLogin;
    m_keepRunningInTray = keepRunningInTray;
    m_errorMessage = errorMessage;
    Q_EMIT changed();
}

} // namespace countersign::gui
