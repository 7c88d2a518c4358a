#pragma once

#include <QLatin1String>

// Stable Error::code values of countersign::desktop (living on the desktop: one running app per
// user, starting at login). Compare against these, never against Error::message (translated, for
// people).
namespace countersign::desktop::errors {

// The start-at-login entry could not be written (or its folder made): the message names the file
// and why.
inline constexpr QLatin1String autostartNotWritten{"autostart_not_written"};
// The start-at-login entry exists and could not be removed.
inline constexpr QLatin1String autostartNotRemoved{"autostart_not_removed"};
// The path of the running program cannot be written into a desktop entry (a control character).
inline constexpr QLatin1String autostartBadProgramPath{"autostart_bad_program_path"};
// Another Countersign of this user holds the single-instance socket but did not take the hand-over
// in time (it hangs, or is stopped).
inline constexpr QLatin1String instanceNotAnswering{"instance_not_answering"};
// Neither could this process listen on the single-instance socket nor reach whoever holds it.
inline constexpr QLatin1String instanceUnavailable{"instance_unavailable"};

} // namespace countersign::desktop::errors
