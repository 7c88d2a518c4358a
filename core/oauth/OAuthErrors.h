#pragma once

#include <QLatin1String>

// Stable Error::code values of countersign::oauth. Compare against these, never against
// Error::message (translated, for people).
namespace countersign::oauth::errors {

// Error codes a provider answers with (the token endpoint passes them on as Error::code):
// RFC 6749 §5.2, RFC 6750 §3.1, RFC 8707 §2, RFC 8628 §3.5 and CIBA Core §11.
inline constexpr QLatin1String invalidGrant{"invalid_grant"}; // the refresh token or code is spent or revoked
inline constexpr QLatin1String invalidScope{"invalid_scope"}; // a scope the grant does not include
inline constexpr QLatin1String invalidTarget{
    "invalid_target"};                                        // an API (resource) the grant does not include
inline constexpr QLatin1String invalidToken{"invalid_token"}; // an API refused the access token
inline constexpr QLatin1String accessDenied{"access_denied"}; // the person said no
inline constexpr QLatin1String expiredToken{"expired_token"}; // the device code or auth_req_id expired
inline constexpr QLatin1String authorizationPending{"authorization_pending"}; // not decided yet
inline constexpr QLatin1String slowDown{"slow_down"}; // polled too soon: the interval grows by 5 s

// Countersign's own, during sign-in.
inline constexpr QLatin1String cancelled{"cancelled"};                // the person or the app stopped it
inline constexpr QLatin1String browserFailed{"browser_failed"};       // the system browser did not open
inline constexpr QLatin1String timeout{"timeout"};                    // no redirect came back in time
inline constexpr QLatin1String issuerInvalid{"issuer_invalid"};       // not an absolute URL
inline constexpr QLatin1String issuerNotSecure{"issuer_not_secure"};  // http, and not loopback
inline constexpr QLatin1String discoveryInvalid{"discovery_invalid"}; // a discovery document we cannot use
inline constexpr QLatin1String issMismatch{"iss_mismatch"};           // RFC 9207 `iss` of the redirect
inline constexpr QLatin1String invalidResponse{"invalid_response"};   // a redirect without code or state
inline constexpr QLatin1String tokenResponseInvalid{"token_response_invalid"}; // a token answer we cannot use
inline constexpr QLatin1String noUserinfo{"no_userinfo"};             // the provider has no userinfo endpoint
inline constexpr QLatin1String userinfoMismatch{"userinfo_mismatch"}; // userinfo `sub` is someone else

} // namespace countersign::oauth::errors
