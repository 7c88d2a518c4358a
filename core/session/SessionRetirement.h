#pragma once

#include "common/Result.h"
#include "storage/AccountKey.h"

#include <QObject>
#include <QPointer>

#include <functional>

namespace countersign::oauth {
class TokenClient;
}
namespace countersign::storage {
class TokenStore;
}

namespace countersign::session {

// Countersign holds one session at a time. After a sign-in, this retires everything else stored:
// the grant a new sign-in of the same account replaced is revoked, and every other stored account
// is revoked (when it belongs to the same provider, the only one we can reach) and deleted.
// Failures are logged and do not stop the rest: nothing here may undo the new sign-in.
class SessionRetirement : public QObject
{
    Q_OBJECT
public:
    SessionRetirement(storage::TokenStore *store, oauth::TokenClient *tokens, QString issuer,
                      QObject *parent = nullptr);

    // `keep` is the new session's account and `keepRefreshToken` its refresh token (never revoked).
    void run(const storage::AccountKey &keep, const QByteArray &keepRefreshToken,
             const QByteArray &replacedRefreshToken, Callback<Done> done);

    // The refresh token in a session blob as SessionManager stores it; empty if none.
    static QByteArray refreshTokenOf(const QByteArray &storedSession);

private:
    void revokeQuietly(const QByteArray &refreshToken, std::function<void()> next);
    void retireEach(QList<storage::AccountKey> accounts, Callback<Done> done);

    storage::TokenStore *m_store;
    QPointer<oauth::TokenClient> m_tokens;
    QString m_issuer;
    QByteArray m_keepRefreshToken;
};

} // namespace countersign::session
