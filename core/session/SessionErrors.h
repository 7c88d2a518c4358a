#pragma once

#include "common/Result.h"

#include <QLatin1String>

// Stable Error::code values of countersign::session, and the one error several folders build.
// Compare against the codes, never against Error::message (translated, for people).
namespace countersign::session::errors {

// Nobody is signed in (any more): the call needs a session.
inline constexpr QLatin1String signedOut{"signed_out"};
// Another Countersign process ended the session (signed out, or its renewal was refused).
inline constexpr QLatin1String sessionEndedElsewhere{"session_ended_elsewhere"};
// Another process holds the renewal lock and has not finished within the timeout.
inline constexpr QLatin1String sessionBusy{"session_busy"};
// The keychain's session blob is not a session this version can use.
inline constexpr QLatin1String storedSessionInvalid{"stored_session_invalid"};
// The session was not granted the API asked for (sign in again to grant it).
inline constexpr QLatin1String resourceNotGranted{"resource_not_granted"};
// The provider gave no refresh token: the session cannot be renewed.
inline constexpr QLatin1String noRefreshToken{"no_refresh_token"};
// Sign-in with a code was asked of a provider without a device authorization endpoint.
inline constexpr QLatin1String noDeviceFlow{"no_device_flow"};

// "signed_out", "You are not signed in.": for any call that found no session.
Error notSignedIn();

} // namespace countersign::session::errors
