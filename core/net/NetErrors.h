#pragma once

#include <QLatin1String>
#include <QString>

// Stable Error::code values produced by countersign::net. Compare against these, never against
// Error::message (translated, for people).
namespace countersign::net::errors {

// The server could not be reached, or the transfer broke off or timed out. Worth retrying later.
inline constexpr QLatin1String network{"network"};
// The server answered with something that is not the JSON (object) expected.
inline constexpr QLatin1String badJson{"bad_json"};
// The server's JSON nests deeper than kMaxJsonDepth (common/JsonInput.h).
inline constexpr QLatin1String jsonTooDeep{"json_too_deep"};
// An event stream (SSE) the server broke: an error status, a wrong content type, an oversized event.
inline constexpr QLatin1String badStream{"bad_stream"};
// The server closed an event stream that should have stayed open.
inline constexpr QLatin1String streamEnded{"stream_ended"};
// A CA file given with --ca-file (or in the sign-in form) could not be read or holds no certificate.
inline constexpr QLatin1String caFile{"ca_file"};

// An answer with HTTP status `status` that has no error of its own: "http_<status>", e.g. "http_404".
inline QString httpStatus(int status)
{
    return QStringLiteral("http_%1").arg(status);
}

} // namespace countersign::net::errors
