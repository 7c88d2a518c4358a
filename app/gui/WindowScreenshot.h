#pragma once

#include <QObject>
#include <QString>

class QElapsedTimer;
class QQuickWindow;

namespace countersign::approvals {
class ApprovalChannel;
}

namespace countersign::gui {

class SessionViewModel;

// countersign --screenshot FILE (tests/gui, pictures for the docs): prints "first-frame-ms N" on
// stdout when the window's first frame is drawn; once the window has settled (the saved session
// restored; when signed in, the inbox loaded or known to be unavailable or offline) and that state
// has been drawn, saves the window to FILE and quits (status 1 if the picture could not be
// written). Gives up waiting after 15 s and takes the picture anyway: a picture of a stuck window
// says more than none.
class WindowScreenshot : public QObject
{
    Q_OBJECT
public:
    // Create it before session->restore(): a restore that finishes at once counts as settled.
    WindowScreenshot(const QString &file, SessionViewModel *session, approvals::ApprovalChannel *channel,
                     QObject *parent = nullptr);

    // Watches `window` from its first frame on (`sinceStart`: since the process started).
    void takeWhenSettled(QQuickWindow *window, const QElapsedTimer &sinceStart);

private:
    void check();
    void shoot();

    QString m_file;
    SessionViewModel *m_session;
    approvals::ApprovalChannel *m_channel;
    QQuickWindow *m_window = nullptr;
    bool m_restored = false;
    bool m_shot = false;
};

} // namespace countersign::gui
