// Runs the real `countersign` binary offscreen, as a person would start it, and checks that it
// draws a real window: --screenshot must produce a non-trivial PNG.
#include <QElapsedTimer>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

class GuiSmokeTest : public QObject
{
    Q_OBJECT

    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
        qint64 elapsedMs = 0;
    };

    static Run runApp(const QStringList &arguments)
    {
        QProcess app;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
        env.remove(QStringLiteral("COUNTERSIGN_ISSUER"));
        app.setProcessEnvironment(env);
        QElapsedTimer clock;
        clock.start();
        app.start(QStringLiteral(COUNTERSIGN_GUI_BINARY), arguments);
        Run run;
        if (!app.waitForFinished(60000)) {
            app.kill();
            app.waitForFinished();
        }
        run.elapsedMs = clock.elapsed();
        run.exitCode = app.exitStatus() == QProcess::NormalExit ? app.exitCode() : -1;
        run.out = QString::fromUtf8(app.readAllStandardOutput());
        run.err = QString::fromUtf8(app.readAllStandardError());
        return run;
    }

private Q_SLOTS:
    void screenshotShowsARealWindow()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("window.png"));
        const Run run = runApp({QStringLiteral("--screenshot"), file});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));

        const auto firstFrame = QRegularExpression(QStringLiteral(R"(first-frame-ms (\d+))")).match(run.out);
        QVERIFY2(firstFrame.hasMatch(), qPrintable(run.out));
        qInfo("time to first frame: %s ms (whole run, start to exit: %lld ms)",
              qPrintable(firstFrame.captured(1)), run.elapsedMs);

        const QImage image(file);
        QVERIFY2(!image.isNull(), "the screenshot is not a readable PNG");
        QVERIFY2(image.width() >= 400 && image.height() >= 400,
                 qPrintable(QStringLiteral("%1x%2").arg(image.width()).arg(image.height())));
        QVERIFY2(QFileInfo(file).size() > 10 * 1024, "suspiciously small PNG");
        // A drawn page has many colours (text, the card, the header); a blank window has one.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 3)
            for (int x = 0; x < image.width(); x += 3)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 20, qPrintable(QStringLiteral("only %1 colours").arg(colours.size())));
    }

    void rejectsAnIssuerThatIsNotHttps()
    {
        const Run run = runApp({QStringLiteral("--issuer"), QStringLiteral("http://login.example.com"),
                                QStringLiteral("--screenshot"), QStringLiteral("/dev/null")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("https://")), qPrintable(run.err));
    }

    void rejectsWhatIsNotADeviceLink_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::addRow("a bare code") << QStringList{"WDJB-MJHT"} << "Not a device's verification link";
        QTest::addRow("a link without a code")
            << QStringList{"https://auth.example/activate"} << "no code in it";
        QTest::addRow("two links") << QStringList{"https://a.example/activate?user_code=WDJB-MJHT",
                                                  "https://b.example/activate?user_code=WDJB-MJHT"}
                                   << "at most one";
    }

    void rejectsWhatIsNotADeviceLink()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const Run run =
            runApp(arguments + QStringList{QStringLiteral("--screenshot"), QStringLiteral("/dev/null")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
    }

    void failsWhenTheScreenshotCannotBeWritten()
    {
        const Run run = runApp({QStringLiteral("--screenshot"), QStringLiteral("/nonexistent-dir/shot.png")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("/nonexistent-dir/shot.png")), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(GuiSmokeTest)
#include "tst_gui_smoke.moc"
