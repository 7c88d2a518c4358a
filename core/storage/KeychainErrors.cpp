#include "storage/KeychainErrors.h"

#include "storage/StorageErrors.h"

#include <QCoreApplication>

namespace countersign::storage {

namespace {

Error make(QLatin1String code, QString message, const QString &detail)
{
    if (!detail.isEmpty())
        message += u' ' + QCoreApplication::translate("SecretStore", "(The keychain said: %1)").arg(detail);
    return Error{QString(code), message};
}

QString unavailableMessage()
{
    return QCoreApplication::translate(
        "SecretStore", "No secure storage (secret service) is available. Countersign stores sign-in tokens "
                       "only in the system keychain; start a keyring such as GNOME Keyring or KWallet and "
                       "try again.");
}

} // namespace

Error keychainError(QKeychain::Error error, const QString &detail)
{
    switch (error) {
    case QKeychain::NoBackendAvailable:
        return make(errors::keychainUnavailable, unavailableMessage(), detail);
    case QKeychain::AccessDenied:
        return make(errors::keychainAccessDenied,
                    QCoreApplication::translate(
                        "SecretStore",
                        "The system keychain refused access, probably because it is locked. "
                        "Unlock your keyring (for example with Seahorse or KWallet Manager, or "
                        "by logging in again) and try again."),
                    detail);
    case QKeychain::AccessDeniedByUser:
        return make(errors::keychainAccessDeniedByUser,
                    QCoreApplication::translate(
                        "SecretStore",
                        "Access to the system keychain was declined. Countersign keeps sign-in "
                        "tokens only there; try again and allow access when your keyring asks."),
                    detail);
    case QKeychain::CouldNotDeleteEntry:
        return make(errors::keychainDeleteFailed,
                    QCoreApplication::translate(
                        "SecretStore",
                        "Countersign could not delete a saved secret from the system keychain. "
                        "Try again, or remove the entries labelled \"Countersign\" with your "
                        "keyring manager (for example Seahorse or KWallet Manager)."),
                    detail);
    case QKeychain::EntryNotFound:
        return make(errors::keychainEntryNotFound,
                    QCoreApplication::translate("SecretStore",
                                                "The system keychain could not find an entry Countersign "
                                                "was working with. Try again; if this keeps happening, sign "
                                                "out and sign in again."),
                    detail);
    case QKeychain::NotImplemented:
        return make(errors::keychainNotSupported,
                    QCoreApplication::translate(
                        "SecretStore",
                        "The system keychain on this computer does not support what Countersign "
                        "needs, so sign-in tokens cannot be stored securely. Use a keyring such "
                        "as GNOME Keyring or KWallet."),
                    detail);
    case QKeychain::NoError: // only reaches here if a caller asks to word a success; treat it as a bug
    case QKeychain::OtherError:
        break;
    }
    // OtherError is also what QtKeychain reports when no secret service is reachable at all (there is
    // no bus, or nothing provides org.freedesktop.secrets), so it gets the "start a keyring" advice
    // together with whatever the keychain said.
    if (detail.isEmpty())
        return make(errors::keychainUnavailable, unavailableMessage(), {});
    return make(errors::keychainUnavailable,
                QCoreApplication::translate(
                    "SecretStore",
                    "The system keychain could not be used. Countersign stores sign-in tokens "
                    "only in the system keychain; make sure a keyring such as GNOME Keyring or "
                    "KWallet is running and unlocked, then try again."),
                detail);
}

} // namespace countersign::storage
