// desktop::SingleInstance in one process, over its real socket: the first claim listens, a later
// one (in another thread, as it blocks) hands over and is acknowledged; a peer that sends garbage,
// too much, a link that is not a device's, or nothing at all is dropped without holding the
// running one up; a socket left by a killed app is taken over; the socket is the user's alone.
#include "desktop/DesktopErrors.h"
#include "desktop/SingleInstance.h"

#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <atomic>
#include <thread>

using namespace countersign;
using Role = desktop::SingleInstance::Role;

namespace {

constexpr auto kLink = "https://127.0.0.1:9/activate?user_code=WDJB-MJHT";

// A later launch's claim, in a thread of its own (it blocks until the running one answers, and
// that one answers from this thread's event loop).
class LaterLaunch
{
public:
    LaterLaunch(QString path, QString link)
        : m_thread([this, path = std::move(path), link = std::move(link)] {
              desktop::SingleInstance instance(path);
              const auto role = instance.claim(link);
              m_outcome = !role                       ? QStringLiteral("error ") + role.error().code
                          : *role == Role::HandedOver ? QStringLiteral("handed over")
                                                      : QStringLiteral("first");
              m_done = true;
          })
    {}
    ~LaterLaunch() { m_thread.join(); }

    // Waits (running the event loop) until the claim is decided.
    QString outcome()
    {
        return QTest::qWaitFor([this] { return m_done.load(); }, 15000) ? m_outcome
                                                                        : QStringLiteral("still waiting");
    }

private:
    std::atomic<bool> m_done = false;
    QString m_outcome;
    std::thread m_thread;
};

} // namespace

class SingleInstanceTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString socketPath(const char *name) const
    {
        return m_dir.filePath(QStringLiteral("sub/") + QLatin1String(name) + QStringLiteral(".socket"));
    }

    // Connects a raw peer, sends `bytes`, and says whether the running one answered before it
    // hung up (it answers a launch's message only).
    static bool answered(const QString &path, const QByteArray &bytes)
    {
        QLocalSocket peer;
        peer.connectToServer(path);
        if (!peer.waitForConnected(1000))
            return false;
        peer.write(bytes);
        QByteArray answer;
        (void)QTest::qWaitFor(
            [&] {
                answer += peer.readAll();
                return answer.endsWith('\n') || peer.state() == QLocalSocket::UnconnectedState;
            },
            5000);
        return answer == "{\"ok\":true}\n";
    }

private Q_SLOTS:
    void aLaterLaunchHandsItsLinkToTheFirst()
    {
        desktop::SingleInstance first(socketPath("handover"));
        QSignalSpy asked(&first, &desktop::SingleInstance::activationRequested);
        const auto role = first.claim({});
        QVERIFY(role);
        QCOMPARE(*role, Role::First);

        LaterLaunch later(first.socketPath(), QString::fromLatin1(kLink));
        QCOMPARE(later.outcome(), QStringLiteral("handed over"));
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.first().first().toString(), QString::fromLatin1(kLink));

        LaterLaunch plain(first.socketPath(), {});
        QCOMPARE(plain.outcome(), QStringLiteral("handed over"));
        QCOMPARE(asked.size(), 2);
        QCOMPARE(asked.last().first().toString(), QString());
    }

    void theSocketIsTheUsersAlone()
    {
        desktop::SingleInstance first(socketPath("mode"));
        QVERIFY(first.claim({}));
        struct stat info
        {
        };
        QCOMPARE(::stat(QFile::encodeName(first.socketPath()).constData(), &info), 0);
        QVERIFY(S_ISSOCK(info.st_mode));
        QCOMPARE(info.st_mode & 077, 0u);
        QCOMPARE(::stat(QFile::encodeName(QFileInfo(first.socketPath()).absolutePath()).constData(), &info),
                 0);
        QCOMPARE(info.st_mode & 0777, 0700u);
    }

    void eachSettingsLocationHasItsOwnSocket()
    {
        const QByteArray saved = qgetenv("XDG_CONFIG_HOME");
        const QString mine = desktop::SingleInstance::defaultSocketPath();
        QVERIFY(mine.startsWith(qEnvironmentVariable("XDG_RUNTIME_DIR") + QStringLiteral("/countersign/")));
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("other-config")).toUtf8());
        const QString other = desktop::SingleInstance::defaultSocketPath();
        qputenv("XDG_CONFIG_HOME", saved);
        QVERIFY(mine != other);
        QCOMPARE(desktop::SingleInstance::defaultSocketPath(), mine);
    }

    void whatIsNotALaunchsMessageIsDropped_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addRow("garbage") << QByteArray("\x01\x02hello\xff\n", 10);
        QTest::addRow("not JSON") << QByteArray("raise please\n");
        QTest::addRow("an array") << QByteArray("[true]\n");
        QTest::addRow("no raise") << QByteArray("{\"link\":\"" + QByteArray(kLink) + "\"}\n");
        QTest::addRow("raise as a string") << QByteArray("{\"raise\":\"true\"}\n");
        QTest::addRow("a link that is a file")
            << QByteArray("{\"raise\":true,\"link\":\"file:///etc/passwd\"}\n");
        QTest::addRow("a bare code") << QByteArray("{\"raise\":true,\"link\":\"WDJB-MJHT\"}\n");
        QTest::addRow("a link without a code")
            << QByteArray("{\"raise\":true,\"link\":\"https://example.com/activate\"}\n");
        QTest::addRow("a link as a number") << QByteArray("{\"raise\":true,\"link\":7}\n");
        QTest::addRow("huge, one line")
            << QByteArray("{\"raise\":true,\"x\":\"" + QByteArray(1 << 20, 'a') + "\"}\n");
        QTest::addRow("huge, no line end") << QByteArray(1 << 20, '{');
    }

    void whatIsNotALaunchsMessageIsDropped()
    {
        QFETCH(QByteArray, bytes);
        desktop::SingleInstance first(socketPath("garbage"));
        QSignalSpy asked(&first, &desktop::SingleInstance::activationRequested);
        QVERIFY(first.claim({}));
        QVERIFY(!answered(first.socketPath(), bytes));
        QCOMPARE(asked.size(), 0);
        // … and the next launch is served as ever.
        QVERIFY(answered(first.socketPath(), "{\"raise\":true}\n"));
        QCOMPARE(asked.size(), 1);
    }

    void aSilentPeerIsCutOffAndHoldsNoOneUp()
    {
        desktop::SingleInstance first(socketPath("silent"));
        QSignalSpy asked(&first, &desktop::SingleInstance::activationRequested);
        QVERIFY(first.claim({}));
        QLocalSocket silent;
        silent.connectToServer(first.socketPath());
        QVERIFY(silent.waitForConnected(1000));

        QElapsedTimer clock;
        clock.start();
        LaterLaunch later(first.socketPath(), QString::fromLatin1(kLink));
        QCOMPARE(later.outcome(), QStringLiteral("handed over"));
        QVERIFY2(clock.elapsed() < desktop::SingleInstance::kPeerTimeoutMs,
                 "the launch waited for the silent peer");
        QCOMPARE(asked.size(), 1);

        QTRY_COMPARE_WITH_TIMEOUT(silent.state(), QLocalSocket::UnconnectedState,
                                  desktop::SingleInstance::kPeerTimeoutMs + 2000);
    }

    void aSocketLeftByAKilledAppIsTakenOver()
    {
        // What a SIGKILLed app leaves: a socket file nobody listens on.
        const QString path = socketPath("stale");
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        qstrncpy(address.sun_path, QFile::encodeName(path).constData(), sizeof address.sun_path);
        QCOMPARE(::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address), 0);
        ::close(fd);
        QVERIFY(QFileInfo::exists(path));

        desktop::SingleInstance next(path);
        const auto role = next.claim({});
        QVERIFY2(role, qPrintable(role ? QString() : role.error().message));
        QCOMPARE(*role, Role::First);
        QVERIFY(answered(path, "{\"raise\":true}\n"));
    }

    void anAppThatDoesNotAnswerIsReportedNotReplaced()
    {
        // Someone listens but never reads (a hung or stopped app).
        QLocalServer hung;
        const QString path = socketPath("hung");
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        QVERIFY(hung.listen(path));
        LaterLaunch later(path, {});
        QCOMPARE(later.outcome(), QStringLiteral("error ") + desktop::errors::instanceNotAnswering);
        QVERIFY(hung.isListening());
        QVERIFY(QFileInfo::exists(path));
    }
};

QTEST_GUILESS_MAIN(SingleInstanceTest)
#include "tst_single_instance.moc"
