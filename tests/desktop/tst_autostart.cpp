// desktop::Autostart against a real folder: the entry it writes is valid (desktop-file-validate
// when installed), starts this program with --hidden, quoted as the specification wants; it goes
// away when switched off; Hidden=true reads as off; a folder that cannot be written says so.
#include "desktop/Autostart.h"
#include "desktop/DesktopErrors.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace countersign;

class AutostartTest : public QObject
{
    Q_OBJECT

    static QByteArray read(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    // desktop-file-validate's verdict on `path`: empty when clean (or the tool is missing).
    static QString validatorComplaints(const QString &path)
    {
        const QString validator = QStandardPaths::findExecutable(QStringLiteral("desktop-file-validate"));
        if (validator.isEmpty()) {
            qWarning("desktop-file-validate is not installed (package desktop-file-utils): not validated");
            return {};
        }
        QProcess process;
        process.start(validator, {path});
        process.waitForFinished();
        const QString output = QString::fromUtf8(process.readAll());
        if (process.exitCode() != 0 || output.contains(QStringLiteral("error")))
            return output.isEmpty() ? QStringLiteral("exit status %1").arg(process.exitCode()) : output;
        return {};
    }

private Q_SLOTS:
    void theEntryLivesInTheConfigHomesAutostartFolder()
    {
        // tests/support/isolate.sh gives every test its own XDG_CONFIG_HOME.
        QCOMPARE(desktop::Autostart().entryPath(),
                 qEnvironmentVariable("XDG_CONFIG_HOME") +
                     QStringLiteral("/autostart/dev.countersign.countersign.desktop"));
    }

    void enablingWritesAValidEntryThatStartsThisProgramHidden_data()
    {
        QTest::addColumn<QString>("program");
        QTest::addColumn<QString>("exec");
        QTest::addRow("plain") << "/usr/bin/countersign"
                               << "/usr/bin/countersign --hidden";
        QTest::addRow("a space") << "/opt/Counter Sign/countersign"
                                 << "\"/opt/Counter Sign/countersign\" --hidden";
        // In quotes, $ and \ get a backslash; then the string value escapes each backslash again;
        // a percent sign is doubled (it would start a field code).
        QTest::addRow("reserved characters") << "/home/a$b/x\\y/100%/countersign"
                                             << "\"/home/a\\\\$b/x\\\\\\\\y/100%%/countersign\" --hidden";
    }

    void enablingWritesAValidEntryThatStartsThisProgramHidden()
    {
        QFETCH(QString, program);
        QFETCH(QString, exec);
        QTemporaryDir home;
        const desktop::Autostart autostart(home.path());
        QVERIFY(!autostart.isEnabled());

        const Status done = autostart.enable(program);
        QVERIFY2(done, qPrintable(done ? QString() : done.error().message));
        QVERIFY(autostart.isEnabled());
        const QByteArray entry = read(autostart.entryPath());
        QVERIFY2(entry.startsWith("[Desktop Entry]\n"), entry.constData());
        const QList<QByteArray> lines = entry.split('\n');
        QVERIFY2(lines.contains("Exec=" + exec.toUtf8()), entry.constData());
        for (const QByteArray line : {"Type=Application", "Name=Countersign",
                                      "Icon=dev.countersign.countersign", "X-GNOME-Autostart-enabled=true"})
            QVERIFY2(lines.contains(line), line.constData());
        QVERIFY(entry.contains("\nComment="));
        const QString complaints = validatorComplaints(autostart.entryPath());
        QVERIFY2(complaints.isEmpty(), qPrintable(complaints));
        // Written in one step (QSaveFile): nothing is left beside it.
        QCOMPARE(QDir(home.filePath(QStringLiteral("autostart"))).entryList(QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("dev.countersign.countersign.desktop")});
    }

    void disablingRemovesTheEntry()
    {
        QTemporaryDir home;
        const desktop::Autostart autostart(home.path());
        QVERIFY(autostart.enable(QStringLiteral("/usr/bin/countersign")));
        QVERIFY(autostart.disable());
        QVERIFY(!QFile::exists(autostart.entryPath()));
        QVERIFY(!autostart.isEnabled());
        QVERIFY(autostart.disable()); // nothing to remove is fine
    }

    void anEntryHiddenElsewhereReadsAsOffUntilSwitchedOnAgain_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addRow("Hidden") << QByteArray("Hidden=true");
        QTest::addRow("GNOME") << QByteArray("X-GNOME-Autostart-enabled=false");
    }

    void anEntryHiddenElsewhereReadsAsOffUntilSwitchedOnAgain()
    {
        QFETCH(QByteArray, line);
        QTemporaryDir home;
        const desktop::Autostart autostart(home.path());
        QVERIFY(autostart.enable(QStringLiteral("/usr/bin/countersign")));
        QByteArray entry = read(autostart.entryPath());
        entry.replace("X-GNOME-Autostart-enabled=true\n", line + '\n');
        QFile file(autostart.entryPath());
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(entry);
        file.close();
        QVERIFY(!autostart.isEnabled());

        QVERIFY(autostart.enable(QStringLiteral("/usr/bin/countersign")));
        QVERIFY(autostart.isEnabled());
        QVERIFY(!read(autostart.entryPath()).contains(line));
    }

    void aFolderThatCannotBeWrittenGivesANamedError()
    {
        // A file where the autostart folder should be: unwritable even for root.
        QTemporaryDir home;
        QFile blocker(home.filePath(QStringLiteral("autostart")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const desktop::Autostart autostart(home.path());
        const Status done = autostart.enable(QStringLiteral("/usr/bin/countersign"));
        QVERIFY(!done);
        QCOMPARE(done.error().code, desktop::errors::autostartNotWritten);
        QVERIFY2(done.error().message.contains(autostart.entryPath()), qPrintable(done.error().message));
        QVERIFY(!autostart.isEnabled());
    }

    void anEntryThatCannotBeRemovedGivesANamedError()
    {
        // A folder in the entry's place cannot be removed as a file.
        QTemporaryDir home;
        const desktop::Autostart autostart(home.path());
        QVERIFY(QDir().mkpath(autostart.entryPath() + QStringLiteral("/inside")));
        const Status done = autostart.disable();
        QVERIFY(!done);
        QCOMPARE(done.error().code, desktop::errors::autostartNotRemoved);
    }

    void aProgramPathWithAControlCharacterIsRefused()
    {
        QTemporaryDir home;
        const desktop::Autostart autostart(home.path());
        const Status done = autostart.enable(QStringLiteral("/opt/evil\x1b[31m/countersign"));
        QVERIFY(!done);
        QCOMPARE(done.error().code, desktop::errors::autostartBadProgramPath);
        QVERIFY(!QFile::exists(autostart.entryPath()));
    }
};

QTEST_GUILESS_MAIN(AutostartTest)
#include "tst_autostart.moc"
