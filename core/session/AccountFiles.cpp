#include "AccountFiles.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QStandardPaths>

namespace countersign::session {

QString accountFilesDirectory()
{
    // XDG_RUNTIME_DIR is per user, on tmpfs, and emptied at logout; Qt falls back to a private
    // directory under /tmp when it is unset.
    const QString runtime = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (runtime.isEmpty())
        return {};
    const QString path = runtime + QStringLiteral("/countersign");
    if (!QDir().mkpath(path))
        return {};
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return path;
}

QString accountFile(const storage::AccountKey &account, const QString &suffix)
{
    const QString directory = accountFilesDirectory();
    if (directory.isEmpty())
        return {};
    const QByteArray identity = account.issuer.toUtf8() + '\n' + account.subject.toUtf8();
    const QByteArray hash = QCryptographicHash::hash(identity, QCryptographicHash::Sha256).toHex().left(32);
    return directory + u'/' + QString::fromLatin1(hash) + u'.' + suffix;
}

} // namespace countersign::session
