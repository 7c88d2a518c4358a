// The window comes back where it was left: size, place and maximized, across "restarts" (a new
// window and placement reading the same settings), and not onto a screen that is gone.
#include "common/WindowPlacement.h"
#include "config/Settings.h"

#include <QGuiApplication>
#include <QScreen>
#include <QTest>
#include <QWindow>

using countersign::gui::WindowPlacement;

class WindowPlacementTest : public QObject
{
    Q_OBJECT

    static QRect insideTheScreen()
    {
        const QRect screen = QGuiApplication::primaryScreen()->availableGeometry();
        return {screen.x() + 30, screen.y() + 40, screen.width() / 2, screen.height() / 2};
    }

private Q_SLOTS:
    void init() { QSettings(QStringLiteral("Countersign"), QStringLiteral("Countersign")).clear(); }

    void aFirstStartKeepsTheDefaultPlace()
    {
        QWindow window;
        window.setGeometry(10, 10, 300, 200);
        WindowPlacement placement(&window);
        QVERIFY(!placement.restore());
        QCOMPARE(window.geometry(), QRect(10, 10, 300, 200));
    }

    void sizeAndPlaceComeBack()
    {
        const QRect left = insideTheScreen();
        {
            QWindow window;
            window.setGeometry(10, 10, 300, 200);
            WindowPlacement placement(&window);
            window.show();
            window.setGeometry(left);
            QTRY_COMPARE(window.geometry(), left);
            placement.save();
        }
        QWindow again;
        again.setGeometry(10, 10, 300, 200);
        WindowPlacement placement(&again);
        QVERIFY(placement.restore());
        QCOMPARE(again.geometry(), left);
        QVERIFY(!(again.windowStates() & Qt::WindowMaximized));
    }

    void aMaximizedWindowComesBackMaximizedWithItsNormalSize()
    {
        const QRect normal = insideTheScreen();
        {
            QWindow window;
            window.setGeometry(normal);
            WindowPlacement placement(&window);
            window.show();
            window.setWindowStates(Qt::WindowMaximized);
            QTRY_VERIFY(window.windowStates() & Qt::WindowMaximized);
            placement.save();
        }
        const countersign::config::Settings settings;
        QCOMPARE(settings.windowGeometry().value_or(QRect()), normal); // not the maximized size
        QVERIFY(settings.windowMaximized());
        QWindow again;
        WindowPlacement placement(&again);
        QVERIFY(placement.restore());
        QVERIFY(again.windowStates() & Qt::WindowMaximized);
    }

    void aPlaceOnAScreenThatIsGoneIsNotUsed()
    {
        countersign::config::Settings().setWindowPlacement(QRect(20000, 20000, 640, 480), false);
        QWindow window;
        window.setGeometry(10, 10, 300, 200);
        WindowPlacement placement(&window);
        QVERIFY(!placement.restore());
        QCOMPARE(window.geometry(), QRect(10, 10, 300, 200));
    }

    // Started hidden (at login) and quit from the tray without ever opening: the place saved
    // before stays, rather than the default place of a window that was never on screen.
    void aWindowNeverShownKeepsThePlaceSavedBefore()
    {
        const QRect left = insideTheScreen();
        countersign::config::Settings().setWindowPlacement(left, false);
        {
            QWindow window;
            WindowPlacement placement(&window);
            window.setGeometry(0, 0, 300, 200);
            placement.save();
        }
        QCOMPARE(countersign::config::Settings().windowGeometry().value_or(QRect()), left);
    }

    void aSavedSizeBelowTheMinimumGrowsToIt()
    {
        const QRect screen = QGuiApplication::primaryScreen()->availableGeometry();
        countersign::config::Settings().setWindowPlacement(QRect(screen.topLeft(), QSize(100, 90)), false);
        QWindow window;
        window.setMinimumSize(QSize(420, 480));
        WindowPlacement placement(&window);
        QVERIFY(placement.restore());
        QCOMPARE(window.geometry().size(), QSize(420, 480));
    }
};

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    WindowPlacementTest test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_window_placement.moc"
