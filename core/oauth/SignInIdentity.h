#pragma once

#include "common/Result.h"
#include "config/ProviderConfig.h"
#include "oauth/Identity.h"
#include "oauth/TokenSet.h"

#include <QObject>

namespace countersign::oauth {

class JwksCache;
class TokenClient;

// What a finished sign-in yields: the tokens and whom they belong to.
struct SignInResult
{
    TokenSet tokens;
    Identity identity;
};

// Turns the token response of a sign-in (any grant) into a SignInResult: the ID token must be
// there and valid (signature via the JWKS, iss, aud, exp, iat, and the nonce when one was sent),
// then userinfo fills in a missing name or e-mail, believed only about the same subject.
// Nothing is called back once `context` is gone. Errors: "token_response_invalid", "id_token_*",
// "userinfo_mismatch" (a failing userinfo endpoint only costs the profile, not the sign-in).
void identifySignIn(QObject *context, TokenClient *tokens, JwksCache *keys,
                    const config::ProviderConfig &provider, const QByteArray &nonce, TokenSet set,
                    Callback<SignInResult> done);

} // namespace countersign::oauth
