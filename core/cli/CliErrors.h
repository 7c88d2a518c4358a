#pragma once

#include "common/Result.h"

#include <QLatin1String>

// Stable Error::code values of countersign-cli's own errors, and the ones several commands build.
// The other errors it prints are the core's, passed on with their codes. Compare against the
// codes, never against Error::message (translated, for people).
namespace countersign::cli::errors {

// The command line is wrong: an unknown command or option, a missing or extra argument, an option
// that does not apply to the command, two options that exclude each other, an empty prompt. The
// message says what to give instead; the CLI exits with status 2.
inline constexpr QLatin1String usage{"usage"};

// A usage error with `message`.
Error usageError(const QString &message);
// session::errors::signedOut, "Not signed in. Run "countersign-cli login".": a command that needs
// the session found none.
Error notSignedIn();

} // namespace countersign::cli::errors
