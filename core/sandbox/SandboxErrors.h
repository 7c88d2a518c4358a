#pragma once

#include <QLatin1String>

// Stable Error::code values of countersign::sandbox (starting the local sandbox provider).
// Compare against these, never against Error::message (translated, for people).
namespace countersign::sandbox::errors {

// The sandbox is not installed: no server.mjs, or its npm packages are missing.
inline constexpr QLatin1String sandboxMissing{"sandbox_missing"};
// Node.js, which runs the sandbox, could not be started.
inline constexpr QLatin1String nodeMissing{"node_missing"};
// The sandbox stopped before it was ready, or printed something other than its ready line.
inline constexpr QLatin1String sandboxFailed{"sandbox_failed"};
// The sandbox did not say it was ready within 30 seconds.
inline constexpr QLatin1String sandboxTimeout{"sandbox_timeout"};

} // namespace countersign::sandbox::errors
