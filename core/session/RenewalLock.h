#pragma once

#include "common/Result.h"

#include <QObject>
#include <QTimer>

#include <chrono>

namespace countersign::session {

// An exclusive lock shared by every Countersign process of the user (the app, any number of
// countersign-cli, the agent), one per account: a file in the runtime directory locked with
// flock(2). The kernel drops the lock when the holder's file is closed, which includes a crash or
// SIGKILL, so a dead holder never blocks anyone. Two RenewalLocks on the same file exclude each
// other even inside one process (each opens the file itself).
//
// acquire() never blocks the event loop: it tries, then tries again every few milliseconds until
// it holds the lock or `timeout` passes (error "session_busy": a live holder that does not finish,
// such as a stopped process).
class RenewalLock : public QObject
{
    Q_OBJECT
public:
    // `path` empty: no runtime directory; the lock then only orders this process's own work.
    explicit RenewalLock(QString path, QObject *parent = nullptr);
    ~RenewalLock() override;

    void acquire(std::chrono::milliseconds timeout, Callback<Done> done);
    void release();
    bool isHeld() const { return m_fd >= 0 || (m_path.isEmpty() && m_heldWithoutFile); }

private:
    bool tryLock(QString *error);
    void retry();

    QString m_path;
    int m_fd = -1;
    bool m_heldWithoutFile = false;
    QTimer m_retry;
    std::chrono::steady_clock::time_point m_deadline;
    Callback<Done> m_waiting;
};

} // namespace countersign::session
