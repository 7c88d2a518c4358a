#pragma once

#include "common/Result.h"

#include <QLocalServer>
#include <QObject>
#include <QString>

class QLocalSocket;

namespace countersign::desktop {

// One Countersign window per user and settings location. The first launch listens on a local
// socket in the user's runtime directory (XDG_RUNTIME_DIR, private to the user); a later launch
// connects, hands over one small message — {"raise":true} and perhaps "link", a device's
// verification link — waits for the acknowledgement and exits. The running one shows its window
// and opens the link. Nothing else can be asked: the message is at most kMaxMessageBytes, must be
// that JSON object, and its link must parse as a device link (device::UserCode), or it is dropped.
//
// Launches at the same moment take turns under a lock file next to the socket, so exactly one
// listens; a socket left behind by a killed instance (nobody answers) is removed and taken over.
class SingleInstance : public QObject
{
    Q_OBJECT
public:
    enum class Role
    {
        First,      // this process listens: it is the app
        HandedOver, // another process is the app and took the request: exit
    };

    // The longest message taken (one line of JSON); longer ones are dropped unread.
    static constexpr qsizetype kMaxMessageBytes = 4096;
    // How long a peer may take to send its message before it is cut off.
    static constexpr int kPeerTimeoutMs = 2000;
    // How long a later launch waits for the running one to take the message.
    static constexpr int kAnswerTimeoutMs = 8000;

    // `socketPath` empty: defaultSocketPath().
    explicit SingleInstance(QString socketPath = {}, QObject *parent = nullptr);

    // $XDG_RUNTIME_DIR/countersign/app-HASH.socket, HASH naming the settings location
    // (XDG_CONFIG_HOME), so that two setups of one user (the tests', say) stay apart. Empty when
    // there is no runtime directory.
    static QString defaultSocketPath();

    // Becomes the running app (listening from now on) or hands `deviceLink` (a checked device
    // link, or empty) to the one running. Blocks for at most a few seconds; call it before any
    // window exists. Without a runtime directory every launch is First.
    // Errors: errors::instanceNotAnswering, errors::instanceUnavailable.
    Result<Role> claim(const QString &deviceLink);

    QString socketPath() const { return m_path; }

Q_SIGNALS:
    // A later launch asked for the window; `deviceLink` is a device link to open, or empty.
    void activationRequested(const QString &deviceLink);

private:
    enum class HandOver
    {
        Taken,
        NobodyThere,
        NoAnswer
    };
    HandOver handOver(const QString &deviceLink) const;
    void onNewConnection();
    void read(QLocalSocket *peer);

    QString m_path;
    QLocalServer m_server;
};

} // namespace countersign::desktop
