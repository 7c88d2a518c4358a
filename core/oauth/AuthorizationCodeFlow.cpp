#include "AuthorizationCodeFlow.h"

#include "net/HttpClient.h"
#include "oauth/JwksCache.h"
#include "oauth/OAuthErrors.h"
#include "oauth/TokenClient.h"

namespace countersign::oauth {

AuthorizationCodeFlow::AuthorizationCodeFlow(TokenClient *tokens, JwksCache *keys,
                                             config::ProviderConfig provider, QObject *parent)
    : QObject(parent), m_tokens(tokens), m_keys(keys), m_provider(std::move(provider))
{}

QUrl AuthorizationCodeFlow::buildAuthorizationUrl() const
{
    QUrl url = m_tokens->metadata().authorizationEndpoint;
    QUrlQuery query(url);
    query.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    query.addQueryItem(QStringLiteral("client_id"), m_provider.clientId);
    query.addQueryItem(QStringLiteral("redirect_uri"), m_listener.redirectUri().toString());
    query.addQueryItem(QStringLiteral("scope"), m_provider.scopes.join(u' '));
    query.addQueryItem(QStringLiteral("state"), QString::fromLatin1(m_state));
    query.addQueryItem(QStringLiteral("nonce"), QString::fromLatin1(m_nonce));
    query.addQueryItem(QStringLiteral("code_challenge"), QString::fromLatin1(m_pkce.challenge));
    query.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
    for (const auto &[name, value] : m_extra)
        query.addQueryItem(name, value);
    url.setQuery(QString::fromLatin1(net::formEncode(query)), QUrl::StrictMode);
    return url;
}

void AuthorizationCodeFlow::start(Callback<SignInResult> done)
{
    m_done = std::move(done);
    if (Status listening = m_listener.listen(); !listening) {
        finish(listening.error());
        return;
    }
    m_pkce = Pkce::generate();
    m_state = randomUrlSafeToken();
    m_nonce = randomUrlSafeToken();
    m_authorizationUrl = buildAuthorizationUrl();

    m_listener.waitForRedirect(m_state, m_timeout,
                               [this](Result<QUrlQuery> redirect) { onRedirect(redirect); });
    Q_EMIT authorizationUrlReady(m_authorizationUrl);
    if (m_openBrowser && !m_openBrowser(m_authorizationUrl))
        finish(Error{errors::browserFailed,
                     tr("Could not open a web browser. Open this address yourself to sign in: %1")
                         .arg(m_authorizationUrl.toString())});
}

void AuthorizationCodeFlow::cancel()
{
    // Works at every step: while waiting for the browser and during the code exchange alike
    // (late answers from the provider are then ignored).
    finish(Error{errors::cancelled, tr("Sign-in was cancelled.")});
}

void AuthorizationCodeFlow::onRedirect(Result<QUrlQuery> redirect)
{
    if (!redirect) {
        finish(redirect.error());
        return;
    }
    const QUrlQuery &query = redirect.value();
    // RFC 9207: when the provider names itself in the response, it must be the one we asked.
    const QString iss = query.queryItemValue(QStringLiteral("iss"), QUrl::FullyDecoded);
    if (!iss.isEmpty() && iss != m_tokens->metadata().issuer.toString()) {
        finish(Error{errors::issMismatch,
                     tr("The sign-in response came from %1, not from the provider you chose.").arg(iss)});
        return;
    }
    const QString error = query.queryItemValue(QStringLiteral("error"), QUrl::FullyDecoded);
    if (!error.isEmpty()) {
        QString description = query.queryItemValue(QStringLiteral("error_description"), QUrl::FullyDecoded);
        if (error == u"access_denied")
            description = description.isEmpty()
                              ? tr("Sign-in was declined at the provider.")
                              : tr("Sign-in was declined at the provider: %1").arg(description);
        else if (description.isEmpty())
            description = tr("The provider refused the sign-in (%1).").arg(error);
        finish(Error{error, description});
        return;
    }
    const QByteArray code = query.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded).toUtf8();
    if (code.isEmpty()) {
        finish(Error{errors::invalidResponse, tr("The sign-in response carried no authorization code.")});
        return;
    }
    m_tokens->exchangeCode(code, m_listener.redirectUri(), m_pkce.verifier,
                           [self = QPointer(this)](Result<TokenSet> tokens) {
                               if (self && self->m_done)
                                   self->onTokens(std::move(tokens));
                           });
}

void AuthorizationCodeFlow::onTokens(Result<TokenSet> tokens)
{
    if (!tokens) {
        finish(tokens.error());
        return;
    }
    identifySignIn(this, m_tokens, m_keys, m_provider, m_nonce, std::move(tokens).value(),
                   [this](Result<SignInResult> result) {
                       if (m_done) // not cancelled meanwhile
                           finish(std::move(result));
                   });
}

void AuthorizationCodeFlow::finish(Result<SignInResult> result)
{
    if (!m_done)
        return;
    auto done = std::exchange(m_done, nullptr);
    if (result.ok()) {
        m_listener.stopListening(); // the browser waits for answerBrowser()
    } else {
        m_listener.respond(false, result.error().message);
        m_listener.cancel(); // stop listening and waiting, whatever ended the flow
    }
    done(std::move(result));
}

void AuthorizationCodeFlow::answerBrowser(const Result<Identity> &kept)
{
    m_listener.respond(
        kept.ok(), kept.ok()
                       ? tr("You are signed in as %1.").arg(kept->name.isEmpty() ? kept->subject : kept->name)
                       : kept.error().message);
    m_listener.cancel();
}

} // namespace countersign::oauth
