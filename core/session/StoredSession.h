#pragma once

#include "common/Result.h"
#include "oauth/Identity.h"
#include "oauth/TokenSet.h"

#include <QByteArray>
#include <QHash>
#include <QString>

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

} // namespace countersign::session
