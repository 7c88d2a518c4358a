#pragma once

#include "storage/AccountKey.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

#include <optional>

namespace countersign::storage {

// Keychain entry names used by TokenStore, and the index of them that TokenStore keeps in the
// keychain so that signing out can delete every entry of an account, whatever names were in use
// when each entry was written.

// The keychain entry holding the index itself.
QString indexEntryName();

// The keychain entry TokenStore writes before it trusts a read or a delete (see TokenStore.h).
QString unlockCheckEntryName();

// A slot is the part of an account's secrets one caller owns ("tokens", "agent-credentials"):
// 1 to 64 characters of [a-z0-9._-], starting with a letter or digit.
bool isValidSlot(const QString &slot);

// "account/<sha256 of issuer and subject, hex>/<slot>". Stable across releases (existing entries
// must stay findable) and reveals neither issuer nor subject.
QString accountEntryName(const AccountKey &account, const QString &slot);

// Which keychain entries each account has. Serialised as
//   {"version": 1, "accounts": [{"issuer": "...", "subject": "...", "entries": ["account/.../tokens"]}]}
class TokenIndex
{
public:
    // std::nullopt when `json` is not an index this version understands.
    static std::optional<TokenIndex> fromJson(const QByteArray &json);
    QByteArray toJson() const;

    bool isEmpty() const { return m_accounts.isEmpty(); }
    QList<AccountKey> accounts() const;
    QStringList entriesOf(const AccountKey &account) const;
    QStringList allEntries() const;

    // Both return whether the index changed.
    bool add(const AccountKey &account, const QString &entryName);
    bool removeAccount(const AccountKey &account);

private:
    struct Account
    {
        AccountKey key;
        QStringList entries;
    };
    QList<Account> m_accounts;
};

} // namespace countersign::storage
