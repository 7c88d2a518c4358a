#include "storage/TokenIndex.h"

#include "common/JsonInput.h"

#include <QCryptographicHash>
#include <QRegularExpression>

#include <nlohmann/json.hpp>

#include <algorithm>

namespace countersign::storage {

namespace {

constexpr int kIndexVersion = 1;

std::string utf8(const QString &text)
{
    return text.toStdString();
}
QString fromUtf8(const nlohmann::json &value)
{
    return QString::fromStdString(value.get<std::string>());
}

// Length-prefixed so that no two (issuer, subject) pairs encode alike; versioned so a future scheme
// cannot collide with this one.
QByteArray accountIdentity(const AccountKey &account)
{
    const QByteArray issuer = account.issuer.toUtf8();
    const QByteArray subject = account.subject.toUtf8();
    return "countersign-account-v1:" + QByteArray::number(issuer.size()) + ':' + issuer +
           QByteArray::number(subject.size()) + ':' + subject;
}

bool isStringArray(const nlohmann::json &value)
{
    return value.is_array() &&
           std::all_of(value.begin(), value.end(), [](const auto &v) { return v.is_string(); });
}

} // namespace

QString indexEntryName()
{
    return QStringLiteral("index");
}

QString unlockCheckEntryName()
{
    return QStringLiteral("unlock-check");
}

bool isValidSlot(const QString &slot)
{
    static const QRegularExpression pattern(
        QRegularExpression::anchoredPattern(QStringLiteral("[a-z0-9][a-z0-9._-]{0,63}")));
    return pattern.match(slot).hasMatch();
}

QString accountEntryName(const AccountKey &account, const QString &slot)
{
    const QByteArray hash = QCryptographicHash::hash(accountIdentity(account), QCryptographicHash::Sha256);
    return QStringLiteral("account/%1/%2").arg(QString::fromLatin1(hash.toHex()), slot);
}

std::optional<TokenIndex> TokenIndex::fromJson(const QByteArray &json)
{
    const auto root = parseJsonOrDiscard(json, kMaxStoredJsonDepth);
    if (!root.is_object() || !root.contains("version") || root["version"] != kIndexVersion ||
        !root.contains("accounts") || !root["accounts"].is_array())
        return std::nullopt;

    TokenIndex index;
    for (const auto &item : root["accounts"]) {
        if (!item.is_object() || !item.contains("issuer") || !item["issuer"].is_string() ||
            !item.contains("subject") || !item["subject"].is_string() || !item.contains("entries") ||
            !isStringArray(item["entries"]))
            return std::nullopt;
        const AccountKey key{fromUtf8(item["issuer"]), fromUtf8(item["subject"])};
        for (const auto &entry : item["entries"])
            index.add(key, fromUtf8(entry));
    }
    return index;
}

QByteArray TokenIndex::toJson() const
{
    auto accounts = nlohmann::json::array();
    for (const Account &account : m_accounts) {
        auto entries = nlohmann::json::array();
        for (const QString &entry : account.entries)
            entries.push_back(utf8(entry));
        accounts.push_back({{"issuer", utf8(account.key.issuer)},
                            {"subject", utf8(account.key.subject)},
                            {"entries", entries}});
    }
    const nlohmann::json root = {{"version", kIndexVersion}, {"accounts", accounts}};
    return QByteArray::fromStdString(root.dump());
}

QList<AccountKey> TokenIndex::accounts() const
{
    QList<AccountKey> keys;
    for (const Account &account : m_accounts)
        keys.append(account.key);
    return keys;
}

QStringList TokenIndex::entriesOf(const AccountKey &account) const
{
    for (const Account &known : m_accounts) {
        if (known.key == account)
            return known.entries;
    }
    return {};
}

QStringList TokenIndex::allEntries() const
{
    QStringList entries;
    for (const Account &account : m_accounts)
        entries += account.entries;
    return entries;
}

bool TokenIndex::add(const AccountKey &account, const QString &entryName)
{
    for (Account &known : m_accounts) {
        if (known.key != account)
            continue;
        if (known.entries.contains(entryName))
            return false;
        known.entries.append(entryName);
        return true;
    }
    m_accounts.append(Account{account, {entryName}});
    return true;
}

bool TokenIndex::removeAccount(const AccountKey &account)
{
    return m_accounts.removeIf([&](const Account &known) { return known.key == account; }) > 0;
}

} // namespace countersign::storage
