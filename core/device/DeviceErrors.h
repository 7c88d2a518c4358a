#pragma once

#include <QLatin1String>

// Stable Error::code values of countersign::device (the device's side of RFC 8628). Compare
// against these, never against Error::message (translated, for people).
namespace countersign::device::errors {

// The provider's device authorization answer is not one we can use (a field missing or wrong).
inline constexpr QLatin1String deviceResponseInvalid{"device_response_invalid"};
// What the person typed or pasted is not a device code, or not a valid web address.
inline constexpr QLatin1String invalidCode{"invalid_code"};
// A pasted verification link without a user_code in it.
inline constexpr QLatin1String noCodeInLink{"no_code_in_link"};

} // namespace countersign::device::errors
