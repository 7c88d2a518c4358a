#pragma once

#include "common/Result.h"
#include "config/ProviderConfig.h"
#include "oauth/Identity.h"
#include "oauth/LoopbackRedirectListener.h"
#include "oauth/Pkce.h"
#include "oauth/SignInIdentity.h"
#include "oauth/TokenSet.h"

#include <QObject>
#include <QPointer>

#include <chrono>
#include <functional>

namespace countersign::oauth {

class JwksCache;
class TokenClient;

// One sign-in: authorization code + PKCE (S256) + state + nonce through the system browser and a
// loopback redirect (RFC 8252), code exchange, ID token validation, userinfo. Single use.
class AuthorizationCodeFlow : public QObject
{
    Q_OBJECT
public:
    // Opens the authorization URL in "the system browser". Returns false if it could not.
    using BrowserOpener = std::function<bool(const QUrl &)>;

    AuthorizationCodeFlow(TokenClient *tokens, JwksCache *keys, config::ProviderConfig provider,
                          QObject *parent = nullptr);

    void setBrowserOpener(BrowserOpener opener) { m_openBrowser = std::move(opener); }
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    // Extra authorization request parameters (e.g. prompt, audience).
    void setExtraParameters(QList<QPair<QString, QString>> parameters) { m_extra = std::move(parameters); }

    // Errors: "listen_failed", "browser_failed", "timeout", "cancelled", "access_denied" and other
    // OAuth error codes from the redirect, "iss_mismatch", token endpoint errors, "id_token_*".
    // A failure is shown in the browser at once. On success the browser keeps waiting until the
    // caller says, with answerBrowser(), whether it could keep the session (e.g. in the keychain),
    // so that the page never claims a sign-in that did not last.
    void start(Callback<SignInResult> done);
    void cancel();
    // The browser's page after a successful start(): `kept` an error when the session was lost.
    void answerBrowser(const Result<Identity> &kept);

    QUrl authorizationUrl() const { return m_authorizationUrl; }

Q_SIGNALS:
    // The URL the person must open; emitted before the browser is asked to open it.
    void authorizationUrlReady(const QUrl &url);

private:
    QUrl buildAuthorizationUrl() const;
    void onRedirect(Result<QUrlQuery> redirect);
    void onTokens(Result<TokenSet> tokens);
    void finish(Result<SignInResult> result);

    TokenClient *m_tokens;
    JwksCache *m_keys;
    config::ProviderConfig m_provider;
    LoopbackRedirectListener m_listener;
    BrowserOpener m_openBrowser;
    std::chrono::milliseconds m_timeout{std::chrono::minutes(5)};
    QList<QPair<QString, QString>> m_extra;

    Pkce m_pkce;
    QByteArray m_state;
    QByteArray m_nonce;
    QUrl m_authorizationUrl;
    Callback<SignInResult> m_done;
};

} // namespace countersign::oauth
