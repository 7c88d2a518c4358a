#include "SingleInstance.h"

#include "desktop/DesktopErrors.h"
#include "device/UserCode.h"
#include "logging/Logging.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalSocket>
#include <QLockFile>
#include <QStandardPaths>
#include <QTimer>

#include <optional>

namespace countersign::desktop {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SingleInstance)
};

// Peers served at once; more are turned away (each is cut off after kPeerTimeoutMs anyway).
constexpr int kMaxPeers = 8;
// How long a launch waits for another one that is deciding who runs.
constexpr int kLockTimeoutMs = 20000;
constexpr QByteArrayView kAnswer = "{\"ok\":true}\n";

// What a later launch asked for: the device link to open (empty for none), or nothing when the
// message is not exactly what a launch sends.
std::optional<QString> readMessage(const QByteArray &line)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(line, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    const QJsonObject message = document.object();
    if (message.value(QLatin1String("raise")) != QJsonValue(true))
        return std::nullopt;
    const QJsonValue link = message.value(QLatin1String("link"));
    if (link.isUndefined())
        return QString();
    if (!link.isString())
        return std::nullopt;
    const auto code = device::UserCode::parse(link.toString());
    if (!code || code->link.isEmpty())
        return std::nullopt;
    return link.toString();
}

void drop(QLocalSocket *peer)
{
    peer->abort();
    peer->deleteLater();
}

} // namespace

SingleInstance::SingleInstance(QString socketPath, QObject *parent)
    : QObject(parent), m_path(socketPath.isEmpty() ? defaultSocketPath() : std::move(socketPath))
{
    // Only this user may connect (the folder is the user's alone, too).
    m_server.setSocketOptions(QLocalServer::UserAccessOption);
    m_server.setMaxPendingConnections(kMaxPeers);
    connect(&m_server, &QLocalServer::newConnection, this, &SingleInstance::onNewConnection);
}

QString SingleInstance::defaultSocketPath()
{
    const QString runtime = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (runtime.isEmpty())
        return {};
    const QString settings = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
    const QByteArray hash =
        QCryptographicHash::hash(QFileInfo(settings).absoluteFilePath().toUtf8(), QCryptographicHash::Sha256)
            .toHex()
            .left(16);
    return runtime + QStringLiteral("/countersign/app-") + QString::fromLatin1(hash) +
           QStringLiteral(".socket");
}

Result<SingleInstance::Role> SingleInstance::claim(const QString &deviceLink)
{
    if (m_path.isEmpty()) {
        qCWarning(lcApp) << "No runtime directory: other launches will not find this one";
        return Role::First;
    }
    const QString folder = QFileInfo(m_path).absolutePath();
    QDir().mkpath(folder);
    QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    auto unavailable = [this](const QString &why) {
        return Error{
            errors::instanceUnavailable,
            Tr::tr("Countersign could not check whether it is already running (%1): %2").arg(m_path, why)};
    };

    // One launch at a time decides: two at once would both find no one, and both listen.
    // A lock left by a killed process is stale (its process is gone) and taken over.
    QLockFile lock(m_path + QStringLiteral(".lock"));
    if (!lock.tryLock(kLockTimeoutMs))
        return unavailable(Tr::tr("another launch holds its lock file"));

    // Ask first, listen second: listening with socket options replaces an existing socket file
    // without a word, which would orphan the running app.
    for (int attempt = 0; attempt < 2; ++attempt) {
        switch (handOver(deviceLink)) {
        case HandOver::Taken:
            return Role::HandedOver;
        case HandOver::NoAnswer:
            return Error{errors::instanceNotAnswering,
                         Tr::tr("Countersign is already running but does not answer. If it hangs, end it "
                                "and start Countersign again.")};
        case HandOver::NobodyThere:
            break;
        }
        QLocalServer::removeServer(m_path); // a socket left by an app that was killed
        if (m_server.listen(m_path))
            return Role::First;
        if (m_server.serverError() != QAbstractSocket::AddressInUseError)
            break;
    }
    return unavailable(m_server.errorString());
}

SingleInstance::HandOver SingleInstance::handOver(const QString &deviceLink) const
{
    QLocalSocket socket;
    socket.connectToServer(m_path);
    if (!socket.waitForConnected(1000))
        return HandOver::NobodyThere;
    QJsonObject message{{QStringLiteral("raise"), true}};
    if (!deviceLink.isEmpty())
        message.insert(QStringLiteral("link"), deviceLink);
    socket.write(QJsonDocument(message).toJson(QJsonDocument::Compact) + '\n');
    // Blocking is right here: no window exists yet, and the answer decides whether one will.
    QByteArray answer;
    QElapsedTimer clock;
    clock.start();
    while (!answer.endsWith('\n') && answer.size() <= kAnswer.size()) {
        const qint64 left = kAnswerTimeoutMs - clock.elapsed();
        if (left <= 0 || (!socket.bytesAvailable() && !socket.waitForReadyRead(int(left))))
            break;
        answer += socket.read(kAnswer.size() + 1 - answer.size());
    }
    // Connected but no answer: the app hangs, or is stopped. Its socket is not ours to take.
    return answer == kAnswer ? HandOver::Taken : HandOver::NoAnswer;
}

void SingleInstance::onNewConnection()
{
    while (QLocalSocket *peer = m_server.nextPendingConnection()) {
        if (m_server.findChildren<QLocalSocket *>(Qt::FindDirectChildrenOnly).size() > kMaxPeers) {
            qCWarning(lcApp) << "Too many connections to the single-instance socket; one turned away";
            drop(peer);
            continue;
        }
        // A peer that never writes, or writes too much, is cut off: it cannot hold the app up.
        peer->setReadBufferSize(kMaxMessageBytes);
        connect(peer, &QLocalSocket::readyRead, this, [this, peer] { read(peer); });
        connect(peer, &QLocalSocket::disconnected, peer, &QObject::deleteLater);
        QTimer::singleShot(kPeerTimeoutMs, peer, [peer] {
            qCWarning(lcApp) << "A peer of the single-instance socket sent no message in time";
            drop(peer);
        });
        if (peer->bytesAvailable())
            read(peer);
    }
}

void SingleInstance::read(QLocalSocket *peer)
{
    if (!peer->canReadLine()) {
        if (peer->bytesAvailable() >= kMaxMessageBytes) {
            qCWarning(lcApp) << "Dropped an over-long message on the single-instance socket";
            drop(peer);
        }
        return;
    }
    const std::optional<QString> link = readMessage(peer->readLine(kMaxMessageBytes + 1).trimmed());
    if (!link) {
        qCWarning(lcApp) << "Dropped a message on the single-instance socket that is not a launch's";
        drop(peer);
        return;
    }
    disconnect(peer, &QLocalSocket::readyRead, this, nullptr); // one message per connection
    peer->write(kAnswer.data(), kAnswer.size());
    peer->disconnectFromServer(); // after the answer is written; then it deletes itself
    Q_EMIT activationRequested(*link);
}

} // namespace countersign::desktop
