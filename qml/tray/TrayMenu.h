#pragma once

#include "config/Settings.h"

#include <QIcon>
#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>

class QAction;
class QWindow;

namespace countersign::approvals {
class InboxModel;
}
namespace countersign::notifications {
class ApprovalNotifier;
}

namespace countersign::gui {

class SessionViewModel;

// What the tray (status notifier) icon offers, without the widget that draws it (app/gui puts
// these actions into a QSystemTrayIcon's menu): the number of requests waiting, as a tooltip and a
// badge on the icon, and the menu Open, Pause notifications for 1 hour (Resume while paused),
// Sign out, Quit. It also decides what closing the window means: with the setting "keep running
// in the tray" on and a tray icon or notifications to reach the person, the window only hides
// (the first time, a notification says so) and the approval channel stays connected.
class TrayMenu : public QObject
{
    Q_OBJECT
public:
    TrayMenu(approvals::InboxModel *requests, notifications::ApprovalNotifier *notifier,
             SessionViewModel *session, QObject *parent = nullptr);
    ~TrayMenu() override;

    // The window Open shows and closing hides.
    void setWindow(QWindow *window);
    // The icon without a badge (the app's icon).
    void setBaseIcon(const QIcon &icon);
    // Whether a tray shows the icon at all (a status notifier host or a system tray is running),
    // asked when the window is closed. None: no icon.
    void setIconShown(std::function<bool()> shown);

    QAction *openAction() const { return m_open; }
    QAction *pauseAction() const { return m_pause; }
    QAction *signOutAction() const { return m_signOut; }
    QAction *quitAction() const { return m_quit; }
    // The menu, in order (a separator between groups).
    QList<QAction *> actions() const { return m_actions; }

    int pendingCount() const;
    QString toolTip() const;
    // The base icon with the number of waiting requests drawn on it (none when 0).
    QIcon icon() const;
    // Whether closing the window now would only hide it.
    bool keepsRunningWhenClosed() const;

    // Shows, raises and activates the window (Open, a notification's Review, a second launch).
    void showWindow();

Q_SIGNALS:
    // The count, tooltip or icon changed.
    void changed();
    void quitRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updatePause();
    void updateSession();

    approvals::InboxModel *m_requests;
    notifications::ApprovalNotifier *m_notifier;
    SessionViewModel *m_session;
    QPointer<QWindow> m_window;
    QIcon m_baseIcon;
    std::function<bool()> m_iconShown;
    config::Settings m_settings;
    QAction *m_open;
    QAction *m_pause;
    QAction *m_signOut;
    QAction *m_quit;
    QList<QAction *> m_actions;
};

} // namespace countersign::gui
