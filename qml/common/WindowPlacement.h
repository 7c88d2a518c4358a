#pragma once

#include <QObject>
#include <QPointer>
#include <QRect>

class QWindow;

namespace countersign::gui {

// The main window comes back where the person left it, at the size they gave it, maximized if it
// was (config::Settings "window/*"). A saved place is used only while it still lies on a screen
// (a monitor may have gone): otherwise the window keeps its default place. The size it had when
// last not maximized is what is kept, so un-maximizing after a restart still gives it back.
class WindowPlacement : public QObject
{
    Q_OBJECT
public:
    // Follows `window` from now on; call restore() before it is first shown where possible.
    explicit WindowPlacement(QWindow *window, QObject *parent = nullptr);

    // Moves and sizes the window as saved, if that still fits a screen. True when it did.
    bool restore();
    // Keeps the window's place for the next start.
    void save();

private:
    void remember();

    QPointer<QWindow> m_window;
    QRect m_normalGeometry; // the last geometry while neither maximized nor full screen
    bool m_shown = false;   // a window never shown (started hidden) has no place of its own to keep
};

} // namespace countersign::gui
