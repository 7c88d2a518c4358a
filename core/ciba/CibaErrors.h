#pragma once

#include <QLatin1String>

// Stable Error::code values of countersign::ciba (the agent's side of CIBA). The provider's own
// codes (access_denied, expired_token, …) are in oauth/OAuthErrors.h. Compare against these,
// never against Error::message (translated, for people).
namespace countersign::ciba::errors {

// The provider's backchannel authentication answer is not one we can use (a field missing or wrong).
inline constexpr QLatin1String cibaResponseInvalid{"ciba_response_invalid"};

} // namespace countersign::ciba::errors
