#include "WindowPlacement.h"

#include "config/Settings.h"

#include <QGuiApplication>
#include <QScreen>
#include <QWindow>

namespace countersign::gui {

namespace {

// At least this much of the window's title area must be on a screen for the place to count.
constexpr int kVisibleEdge = 80;

bool onSomeScreen(const QRect &geometry)
{
    const QRect titleArea(geometry.topLeft(), QSize(geometry.width(), kVisibleEdge));
    const auto screens = QGuiApplication::screens();
    return std::any_of(screens.begin(), screens.end(), [&](const QScreen *screen) {
        const QRect overlap = screen->availableGeometry().intersected(titleArea);
        return overlap.width() >= kVisibleEdge && overlap.height() >= kVisibleEdge / 4;
    });
}

} // namespace

WindowPlacement::WindowPlacement(QWindow *window, QObject *parent)
    : QObject(parent), m_window(window), m_normalGeometry(window->geometry()), m_shown(window->isVisible())
{
    connect(window, &QWindow::visibleChanged, this, [this](bool visible) { m_shown = m_shown || visible; });
    for (auto changed :
         {&QWindow::xChanged, &QWindow::yChanged, &QWindow::widthChanged, &QWindow::heightChanged})
        connect(window, changed, this, &WindowPlacement::remember);
}

void WindowPlacement::remember()
{
    if (m_window && !(m_window->windowStates() & (Qt::WindowMaximized | Qt::WindowFullScreen)))
        m_normalGeometry = m_window->geometry();
}

bool WindowPlacement::restore()
{
    const config::Settings settings;
    const std::optional<QRect> saved = settings.windowGeometry();
    if (!m_window || !saved || !onSomeScreen(*saved))
        return false;
    const QSize size = saved->size().expandedTo(m_window->minimumSize());
    m_window->setGeometry(QRect(saved->topLeft(), size));
    m_normalGeometry = m_window->geometry();
    if (settings.windowMaximized())
        m_window->setWindowStates(Qt::WindowMaximized);
    return true;
}

void WindowPlacement::save()
{
    if (!m_window || !m_shown)
        return;
    remember(); // the window system may not have told us of the last move yet
    if (!m_normalGeometry.isValid())
        return;
    config::Settings settings;
    settings.setWindowPlacement(m_normalGeometry, (m_window->windowStates() & Qt::WindowMaximized) != 0);
}

} // namespace countersign::gui
