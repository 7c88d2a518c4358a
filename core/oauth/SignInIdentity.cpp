#include "SignInIdentity.h"

#include "common/Json.h"
#include "logging/Logging.h"
#include "oauth/JwksCache.h"
#include "oauth/OAuthErrors.h"
#include "oauth/TokenClient.h"

#include <QCoreApplication>
#include <QPointer>

namespace countersign::oauth {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SignInIdentity)
};

// Many providers keep profile claims out of the ID token; ask userinfo, and only believe it about
// the same subject (OIDC Core §5.3.2).
void completeProfile(QPointer<QObject> context, TokenClient *tokens, TokenSet set, Identity identity,
                     Callback<SignInResult> done)
{
    if (tokens->metadata().userinfoEndpoint.isEmpty() ||
        (!identity.name.isEmpty() && !identity.email.isEmpty())) {
        done(SignInResult{std::move(set), std::move(identity)});
        return;
    }
    tokens->userinfo(set.accessToken, [context, set, identity, done](Result<nlohmann::json> info) mutable {
        if (!context)
            return;
        if (!info) {
            qCWarning(lcOAuth) << "userinfo failed:" << info.error().message;
        } else if (jsonString(info.value(), "sub") != identity.subject) {
            done(
                Error{errors::userinfoMismatch,
                      Tr::tr("The provider's user information is about a different user than the sign-in.")});
            return;
        } else {
            if (identity.name.isEmpty())
                identity.name = jsonString(info.value(), "name");
            if (identity.email.isEmpty())
                identity.email = jsonString(info.value(), "email");
        }
        done(SignInResult{std::move(set), std::move(identity)});
    });
}

} // namespace

void identifySignIn(QObject *context, TokenClient *tokens, JwksCache *keys,
                    const config::ProviderConfig &provider, const QByteArray &nonce, TokenSet set,
                    Callback<SignInResult> done)
{
    if (set.idToken.isEmpty()) {
        done(Error{errors::tokenResponseInvalid, Tr::tr("The provider returned no ID token.")});
        return;
    }
    jose::IdTokenValidator::Expectations expect;
    expect.issuer = tokens->metadata().issuer.toString();
    expect.clientId = provider.clientId;
    expect.nonce = nonce;
    expect.allowedAlgorithms = provider.idTokenAlgorithms;
    const QByteArray idToken = set.idToken;
    keys->validateIdToken(idToken, expect,
                          [context = QPointer(context), tokens, set = std::move(set),
                           done = std::move(done)](Result<jose::IdTokenClaims> claims) {
                              if (!context)
                                  return;
                              if (!claims) {
                                  done(claims.error());
                                  return;
                              }
                              Identity identity{tokens->metadata().issuer.toString(), claims->subject,
                                                claims->name, claims->email};
                              completeProfile(context, tokens, set, std::move(identity), done);
                          });
}

} // namespace countersign::oauth
