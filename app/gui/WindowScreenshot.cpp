#include "WindowScreenshot.h"

#include "approvals/ApprovalChannel.h"
#include "signin/SessionViewModel.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QQuickWindow>
#include <QTextStream>
#include <QTimer>

#include <cstdio>
#include <utility>

namespace countersign::gui {

namespace {

// The messages of the command line: the context of app/gui/main.cpp's.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(GuiCommandLine)
};

constexpr auto kAnimationsSettle = std::chrono::milliseconds(500);
constexpr auto kGiveUpWaiting = std::chrono::seconds(15);

} // namespace

WindowScreenshot::WindowScreenshot(const QString &file, SessionViewModel *session,
                                   approvals::ApprovalChannel *channel, QObject *parent)
    : QObject(parent), m_file(file), m_session(session), m_channel(channel)
{
    connect(session, &SessionViewModel::restoreFinished, this, [this] { m_restored = true; });
}

void WindowScreenshot::takeWhenSettled(QQuickWindow *window, const QElapsedTimer &sinceStart)
{
    m_window = window;
    connect(
        window, &QQuickWindow::frameSwapped, this,
        [&sinceStart] { QTextStream(stdout) << "first-frame-ms " << sinceStart.elapsed() << Qt::endl; },
        Qt::SingleShotConnection);
    connect(m_session, &SessionViewModel::restoreFinished, window, [this] { check(); });
    connect(m_channel, &approvals::ApprovalChannel::inboxChanged, window, [this, window] {
        if (m_channel->inbox())
            connect(m_channel->inbox(), &approvals::ApprovalInbox::connectionChanged, window,
                    [this] { check(); });
        check();
    });
    QTimer::singleShot(kGiveUpWaiting, window, [this] { shoot(); });
    check();
}

void WindowScreenshot::check()
{
    if (!m_restored)
        return;
    using Connection = approvals::ApprovalInbox::Connection;
    const approvals::ApprovalInbox *inbox = m_channel->inbox();
    const bool inboxSettled =
        inbox ? inbox->connection() == Connection::Live || inbox->connection() == Connection::Waiting
              : !m_channel->lastError().code.isEmpty();
    if (m_session->state() != SessionViewModel::State::SignedIn || inboxSettled)
        shoot();
}

void WindowScreenshot::shoot()
{
    if (std::exchange(m_shot, true))
        return;
    // Let the opening animations (the tab bar's underline slides into place) run out, then ask
    // for one more frame so the picture shows the settled state, not the frame before it.
    QQuickWindow *window = m_window;
    QTimer::singleShot(kAnimationsSettle, window, [window, file = m_file] {
        QObject::connect(
            window, &QQuickWindow::frameSwapped, window,
            [window, file] {
                const QImage image = window->grabWindow();
                if (image.isNull() || !image.save(file)) {
                    std::fprintf(stderr, "%s\n",
                                 qPrintable(Tr::tr("Could not save the screenshot to %1").arg(file)));
                    QCoreApplication::exit(1);
                    return;
                }
                QTextStream(stdout) << "screenshot " << file << " " << image.width() << "x" << image.height()
                                    << Qt::endl;
                QCoreApplication::quit();
            },
            static_cast<Qt::ConnectionType>(Qt::QueuedConnection | Qt::SingleShotConnection));
        window->update();
    });
}

} // namespace countersign::gui
