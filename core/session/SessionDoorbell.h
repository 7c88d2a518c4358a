#pragma once

#include <QFileSystemWatcher>
#include <QObject>
#include <QString>

namespace countersign::session {

// How the Countersign processes of one user tell each other that an account's stored session
// changed (renewed, signed out, ended by the provider): a tiny file per account in the runtime
// directory, rewritten in place on every change and watched with QFileSystemWatcher (inotify),
// so the others hear of it at once. It is only a doorbell: it carries no token and no state, and
// whoever hears it reads the keychain, which stays the one truth.
class SessionDoorbell : public QObject
{
    Q_OBJECT
public:
    // `path` empty: no runtime directory; the doorbell then stays silent both ways.
    explicit SessionDoorbell(QString path, QObject *parent = nullptr);

    // Tells the other processes (not this one) that the stored session changed.
    void ring();

Q_SIGNALS:
    // Another process changed the stored session.
    void rang();

private:
    void onFileChanged();
    void watch();

    QString m_path;
    QFileSystemWatcher m_watcher;
    QByteArray m_lastWritten; // what this process wrote last: hearing our own ring is not news
};

} // namespace countersign::session
