#include "TrayMenu.h"

#include "approvals/InboxModel.h"
#include "notifications/ApprovalNotifier.h"
#include "signin/SessionViewModel.h"

#include <QAction>
#include <QEvent>
#include <QFont>
#include <QLocale>
#include <QPainter>
#include <QWindow>

#include <chrono>

namespace countersign::gui {

namespace {

constexpr auto kPause = std::chrono::hours(1);
constexpr int kIconSize = 64;

} // namespace

TrayMenu::TrayMenu(approvals::InboxModel *requests, notifications::ApprovalNotifier *notifier,
                   SessionViewModel *session, QObject *parent)
    : QObject(parent), m_requests(requests), m_notifier(notifier), m_session(session),
      m_open(new QAction(tr("Open Countersign"), this)), m_pause(new QAction(this)),
      m_signOut(new QAction(tr("Sign out"), this)), m_quit(new QAction(tr("Quit"), this))
{
    auto *separator = new QAction(this);
    separator->setSeparator(true);
    auto *separator2 = new QAction(this);
    separator2->setSeparator(true);
    m_actions = {m_open, separator, m_pause, m_signOut, separator2, m_quit};

    connect(m_open, &QAction::triggered, this, &TrayMenu::showWindow);
    connect(m_pause, &QAction::triggered, this, [this] {
        if (m_notifier->isPaused())
            m_notifier->resume();
        else
            m_notifier->pauseUntil(QDateTime::currentDateTimeUtc().addSecs(
                std::chrono::duration_cast<std::chrono::seconds>(kPause).count()));
    });
    connect(m_signOut, &QAction::triggered, m_session, &SessionViewModel::signOut);
    connect(m_quit, &QAction::triggered, this, &TrayMenu::quitRequested);

    connect(m_requests, &approvals::InboxModel::pendingCountChanged, this, &TrayMenu::changed);
    connect(m_notifier, &notifications::ApprovalNotifier::pausedChanged, this, [this] {
        updatePause();
        Q_EMIT changed();
    });
    connect(m_session, &SessionViewModel::stateChanged, this, &TrayMenu::updateSession);
    updatePause();
    updateSession();
}

TrayMenu::~TrayMenu() = default;

void TrayMenu::setWindow(QWindow *window)
{
    if (m_window)
        m_window->removeEventFilter(this);
    m_window = window;
    if (m_window)
        m_window->installEventFilter(this);
}

void TrayMenu::setBaseIcon(const QIcon &icon)
{
    m_baseIcon = icon;
    Q_EMIT changed();
}

void TrayMenu::setIconShown(std::function<bool()> shown)
{
    m_iconShown = std::move(shown);
}

void TrayMenu::updatePause()
{
    if (m_notifier->isPaused()) {
        m_pause->setText(tr("Resume notifications (paused until %1)")
                             .arg(QLocale().toString(m_notifier->pausedUntil().toLocalTime().time(),
                                                     QLocale::ShortFormat)));
    } else {
        m_pause->setText(tr("Pause notifications for 1 hour"));
    }
}

void TrayMenu::updateSession()
{
    m_signOut->setEnabled(m_session->state() == SessionViewModel::State::SignedIn);
}

int TrayMenu::pendingCount() const
{
    return m_requests->pendingCount();
}

QString TrayMenu::toolTip() const
{
    const int waiting = pendingCount();
    QString text = waiting == 0   ? tr("Countersign: no requests waiting")
                   : waiting == 1 ? tr("Countersign: 1 request waiting")
                                  : tr("Countersign: %1 requests waiting").arg(QLocale().toString(waiting));
    if (m_notifier->isPaused())
        text += u'\n' + m_pause->text();
    return text;
}

QIcon TrayMenu::icon() const
{
    const int waiting = pendingCount();
    if (waiting == 0 || m_baseIcon.isNull())
        return m_baseIcon;
    QPixmap pixmap = m_baseIcon.pixmap(kIconSize, kIconSize);
    if (pixmap.isNull())
        return m_baseIcon;
    pixmap.setDevicePixelRatio(1.0);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const QString label = waiting > 99 ? QStringLiteral("99+") : QString::number(waiting);
    const int diameter = kIconSize * 11 / 20;
    const QRect badge(kIconSize - diameter, 0, diameter, diameter);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0xd3, 0x2f, 0x2f)); // Material red 700, like the inbox tab's badge
    painter.drawEllipse(badge);
    QFont font = painter.font();
    font.setBold(true);
    font.setPixelSize(label.size() > 2 ? diameter * 2 / 5 : diameter * 3 / 5);
    painter.setFont(font);
    painter.setPen(Qt::white);
    painter.drawText(badge, Qt::AlignCenter, label);
    painter.end();
    return QIcon(pixmap);
}

bool TrayMenu::keepsRunningWhenClosed() const
{
    return m_settings.keepRunningInTray() && ((m_iconShown && m_iconShown()) || m_notifier->canNotify());
}

void TrayMenu::showWindow()
{
    if (!m_window)
        return;
    m_window->setWindowStates(m_window->windowStates() & ~Qt::WindowMinimized); // maximized stays
    m_window->show();
    m_window->raise();
    m_window->requestActivate();
}

bool TrayMenu::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_window || event->type() != QEvent::Close || !keepsRunningWhenClosed())
        return QObject::eventFilter(watched, event);
    event->ignore(); // not closed: hidden, still connected to the approval channel
    m_window->hide();
    if (!m_settings.trayNoticeShown()) {
        m_settings.setTrayNoticeShown(true);
        m_notifier->announce(tr("Countersign keeps running"),
                             tr("It tells you about new requests while its window is closed. Open it "
                                "again from its tray icon or the app menu; to stop it, choose Quit in the "
                                "tray menu or press Ctrl+Q in its window."));
    }
    return true;
}

} // namespace countersign::gui
