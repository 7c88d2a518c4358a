#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <optional>

namespace countersign::storage {

// A thin asynchronous wrapper over the system keychain (QtKeychain: the freedesktop secret service
// on Linux, Keychain on macOS, Credential Manager on Windows). Entries live under one service name,
// "Countersign" unless another is given (tests pass their own so runs never share entries).
//
// Secrets are stored only there: the QtKeychain plaintext fallback is switched off, so when no
// keychain is reachable every operation fails with errors::keychainUnavailable and nothing is
// written anywhere else. Every failure carries one of the codes in StorageErrors.h and a sentence
// the person can act on; secrets and their values never reach the log.
//
// Known limitation (QtKeychain 0.13 over libsecret): while the keyring is locked and the person
// does not unlock it when prompted (or no prompt can be shown), read() reports "no such entry"
// (std::nullopt) and remove() reports success without removing anything; only write() fails, with
// errors::keychainAccessDenied or errors::keychainUnavailable. So a nullopt from read() does not
// prove that nothing is stored. TokenStore works around this by writing before it trusts a read or
// a delete; code using SecretStore directly must do the same where it matters.
class SecretStore : public QObject
{
    Q_OBJECT
public:
    static QString defaultService() { return QStringLiteral("Countersign"); }

    explicit SecretStore(QString service = defaultService(), QObject *parent = nullptr);

    QString service() const { return m_service; }

    // The stored bytes, or std::nullopt when there is no entry `key` (see the limitation above).
    void read(const QString &key, Callback<std::optional<QByteArray>> done);
    // Creates or replaces entry `key`. Any bytes are fine, NULs included.
    void write(const QString &key, const QByteArray &secret, Callback<Done> done);
    // Deletes entry `key`; deleting an entry that does not exist succeeds.
    void remove(const QString &key, Callback<Done> done);

private:
    QString m_service;
};

} // namespace countersign::storage
