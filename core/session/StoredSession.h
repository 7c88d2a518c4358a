#pragma once

#include "common/Result.h"
#include "config/ProviderConfig.h"
#include "oauth/Identity.h"
#include "oauth/TokenSet.h"
#include "storage/AccountKey.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <optional>

namespace countersign::config {
class Settings;
}
namespace countersign::storage {
class TokenStore;
}

namespace countersign::session {

// The session as it is kept in the keychain (TokenStore's "tokens" slot), the one copy every
// Countersign process of the user shares:
//   {"version":1, "client_id", "identity":{...}, "tokens":{...}, "api_tokens":{RESOURCE:{...}}}
// `api_tokens` (access tokens for single APIs, RFC 8707) is optional: sessions stored before it
// existed read as having none.
struct StoredSession
{
    QString clientId;
    oauth::Identity identity;
    oauth::TokenSet tokens;
    QHash<QString, oauth::TokenSet> apiTokens; // resource indicator → its access token

    QByteArray serialize() const;
    // Error "stored_session_invalid" when the blob is not a session this version can use.
    static Result<StoredSession> parse(const QByteArray &blob);
};

// Where the session of `subject` at `provider` is kept in the keychain.
storage::AccountKey sessionKey(const config::ProviderConfig &provider, const QString &subject);

// The session this computer last signed in with at a provider: which account it was (in the
// non-secret settings, config::Settings) and where its StoredSession is (in the keychain).
struct LastSession
{
    config::ProviderConfig provider;
    storage::AccountKey key;

    // The account last signed in at `provider` (same issuer and client ID), or nothing. The same
    // provider given again without its optional parts (audience, CA file) keeps last time's.
    static std::optional<LastSession> find(const config::Settings &settings,
                                           const config::ProviderConfig &provider);
    // Reads its StoredSession from the keychain: nothing when the keychain has none; errors of
    // the keychain, or "stored_session_invalid". Needs no network.
    void load(storage::TokenStore *store, Callback<std::optional<StoredSession>> done) const;
};

} // namespace countersign::session
