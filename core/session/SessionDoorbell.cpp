#include "SessionDoorbell.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>

namespace countersign::session {

SessionDoorbell::SessionDoorbell(QString path, QObject *parent) : QObject(parent), m_path(std::move(path))
{
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, &SessionDoorbell::onFileChanged);
    watch();
}

void SessionDoorbell::watch()
{
    if (m_path.isEmpty() || m_watcher.files().contains(m_path))
        return;
    QFile file(m_path);
    if (!file.exists() && file.open(QIODevice::WriteOnly)) // created empty, so there is something to watch
        file.close();
    m_watcher.addPath(m_path);
}

void SessionDoorbell::ring()
{
    if (m_path.isEmpty())
        return;
    // Who rang and when: enough for the others to see a change, and for us to recognise our own.
    m_lastWritten = QByteArray::number(QCoreApplication::applicationPid()) + ' ' +
                    QByteArray::number(QDateTime::currentMSecsSinceEpoch()) + '\n';
    QFile file(m_path);
    // In place (no rename), so that every watcher keeps watching the same file.
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        file.write(m_lastWritten);
    watch();
}

void SessionDoorbell::onFileChanged()
{
    // A file that was deleted and made again is no longer watched: watch it again.
    watch();
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return;
    const QByteArray content = file.readAll();
    if (content.isEmpty() || content == m_lastWritten)
        return;
    Q_EMIT rang();
}

} // namespace countersign::session
