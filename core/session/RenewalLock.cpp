#include "RenewalLock.h"

#include "logging/Logging.h"
#include "session/SessionErrors.h"

#include <QCoreApplication>
#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace countersign::session {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SessionManager)
};

constexpr auto kRetryEvery = std::chrono::milliseconds(20);

} // namespace

RenewalLock::RenewalLock(QString path, QObject *parent) : QObject(parent), m_path(std::move(path))
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &RenewalLock::retry);
}

RenewalLock::~RenewalLock()
{
    release();
}

bool RenewalLock::tryLock(QString *error)
{
    if (m_path.isEmpty()) {
        if (m_heldWithoutFile)
            return false;
        m_heldWithoutFile = true;
        return true;
    }
    const QByteArray path = QFile::encodeName(m_path);
    const int fd = ::open(path.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        *error = QString::fromLocal8Bit(std::strerror(errno));
        return false;
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int cause = errno;
        ::close(fd);
        if (cause != EWOULDBLOCK && cause != EINTR)
            *error = QString::fromLocal8Bit(std::strerror(cause));
        return false;
    }
    m_fd = fd;
    return true;
}

void RenewalLock::acquire(std::chrono::milliseconds timeout, Callback<Done> done)
{
    Q_ASSERT(!m_waiting && !isHeld());
    m_deadline = std::chrono::steady_clock::now() + timeout;
    m_waiting = std::move(done);
    retry();
}

void RenewalLock::retry()
{
    QString error;
    if (tryLock(&error)) {
        std::exchange(m_waiting, nullptr)(Done{});
        return;
    }
    if (!error.isEmpty()) {
        // A runtime directory we cannot use is no reason to stop renewing: this process's own
        // work stays ordered, and the keychain re-read still catches most of the rest.
        qCWarning(lcOAuth) << "Cannot use the session lock file" << m_path << ":" << error;
        m_path.clear();
        retry();
        return;
    }
    if (std::chrono::steady_clock::now() >= m_deadline) {
        std::exchange(m_waiting, nullptr)(Error{
            errors::sessionBusy,
            Tr::tr("Another Countersign process is renewing the session and has not finished. Try again.")});
        return;
    }
    m_retry.start(kRetryEvery);
}

void RenewalLock::release()
{
    m_heldWithoutFile = false;
    if (m_fd >= 0) {
        ::flock(m_fd, LOCK_UN);
        ::close(m_fd);
        m_fd = -1;
    }
}

} // namespace countersign::session
