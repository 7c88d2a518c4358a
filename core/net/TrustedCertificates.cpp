#include "TrustedCertificates.h"

#include "logging/Logging.h"
#include "net/NetErrors.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QSslCertificate>
#include <QSslConfiguration>

namespace countersign::net {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(TrustedCertificates)
};
} // namespace

Result<bool> trustCaFile(const QString &path)
{
    static QSet<QString> trusted; // canonical paths already added
    const QString canonical = QFileInfo(path).canonicalFilePath();
    if (!canonical.isEmpty() && trusted.contains(canonical))
        return false;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{
            errors::caFile,
            Tr::tr("The CA certificate file %1 could not be read: %2").arg(path, file.errorString())};
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
    if (certificates.isEmpty())
        return Error{errors::caFile,
                     Tr::tr("The file %1 holds no PEM certificate (-----BEGIN CERTIFICATE-----).").arg(path)};
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    // The system's CAs stay trusted: the file adds to them, it does not replace them.
    QList<QSslCertificate> authorities = configuration.caCertificates();
    if (authorities.isEmpty())
        authorities = QSslConfiguration::systemCaCertificates();
    authorities += certificates;
    configuration.setCaCertificates(authorities);
    QSslConfiguration::setDefaultConfiguration(configuration);
    trusted.insert(canonical);
    qCInfo(lcNet) << "Trusting" << certificates.size() << "CA certificate(s) from" << path;
    return true;
}

} // namespace countersign::net
