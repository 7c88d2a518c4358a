#include "SessionRetirement.h"

#include "common/Json.h"
#include "common/JsonInput.h"

#include "logging/Logging.h"
#include "oauth/TokenClient.h"
#include "storage/TokenStore.h"

#include <nlohmann/json.hpp>

namespace countersign::session {

SessionRetirement::SessionRetirement(storage::TokenStore *store, oauth::TokenClient *tokens, QString issuer,
                                     QObject *parent)
    : QObject(parent), m_store(store), m_tokens(tokens), m_issuer(std::move(issuer))
{}

QByteArray SessionRetirement::refreshTokenOf(const QByteArray &storedSession)
{
    const auto json = parseJsonOrDiscard(storedSession, kMaxStoredJsonDepth);
    return json.is_object() && json.contains("tokens") ? jsonString(json["tokens"], "refresh_token").toUtf8()
                                                       : QByteArray();
}

void SessionRetirement::run(const storage::AccountKey &keep, const QByteArray &keepRefreshToken,
                            const QByteArray &replacedRefreshToken, Callback<Done> done)
{
    m_keepRefreshToken = keepRefreshToken;
    revokeQuietly(replacedRefreshToken, [this, self = QPointer(this), keep, done] {
        if (!self)
            return;
        m_store->accounts([this, self, keep, done](Result<QList<storage::AccountKey>> accounts) {
            if (!self)
                return;
            if (!accounts) {
                done(accounts.error());
                return;
            }
            QList<storage::AccountKey> others;
            for (const auto &account : accounts.value())
                if (!(account == keep))
                    others.append(account);
            retireEach(others, done);
        });
    });
}

void SessionRetirement::revokeQuietly(const QByteArray &refreshToken, std::function<void()> next)
{
    if (refreshToken.isEmpty() || refreshToken == m_keepRefreshToken || !m_tokens) {
        next();
        return;
    }
    m_tokens->revoke(refreshToken, QStringLiteral("refresh_token"), [next](Status revoked) {
        if (!revoked)
            qCWarning(lcOAuth) << "Could not revoke an earlier session:" << revoked.error().message;
        next();
    });
}

void SessionRetirement::retireEach(QList<storage::AccountKey> accounts, Callback<Done> done)
{
    if (accounts.isEmpty()) {
        done(Done{});
        return;
    }
    const storage::AccountKey account = accounts.takeFirst();
    m_store->load(account, [this, self = QPointer(this), account, accounts,
                            done](Result<std::optional<QByteArray>> blob) {
        if (!self)
            return;
        const bool sameProvider = account.issuer == m_issuer;
        const QByteArray refreshToken =
            blob && blob.value() && sameProvider ? refreshTokenOf(**blob) : QByteArray();
        revokeQuietly(refreshToken, [this, self, account, accounts, done] {
            if (!self)
                return;
            m_store->wipe(account, [this, self, accounts, done](Status wiped) {
                if (!self)
                    return;
                if (!wiped)
                    qCWarning(lcStorage) << "Could not delete an earlier session:" << wiped.error().message;
                retireEach(accounts, done);
            });
        });
    });
}

} // namespace countersign::session
