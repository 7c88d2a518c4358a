#pragma once

#include <QLatin1String>

// Stable Error::code values of countersign::approvals (the person's side: the approval channel,
// its inbox and the device-code approver). Compare against these, never against Error::message
// (translated, for people).
namespace countersign::approvals::errors {

// A request or code that does not exist, or is not this person's to decide (HTTP 404).
inline constexpr QLatin1String notFound{"not_found"};
// Already decided the other way (HTTP 409).
inline constexpr QLatin1String conflict{"conflict"};
// Expired: it can no longer be decided (HTTP 410).
inline constexpr QLatin1String expired{"expired"};
// Too many wrong codes: the provider stopped listening for a while (HTTP 429).
inline constexpr QLatin1String rateLimited{"rate_limited"};
// An approval in the channel's answer that the app cannot show (missing or wrong fields).
inline constexpr QLatin1String approvalInvalid{"approval_invalid"};
// The provider has no approval channel: requests reach the person another way.
inline constexpr QLatin1String noApprovalChannel{"no_approval_channel"};
// The provider is Auth0: requests go to the Auth0 Guardian app.
inline constexpr QLatin1String guardian{"guardian"};

} // namespace countersign::approvals::errors
