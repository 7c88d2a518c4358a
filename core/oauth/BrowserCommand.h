#pragma once

#include "oauth/AuthorizationCodeFlow.h"

#include <optional>

namespace countersign::oauth {

// The browser opener named by $COUNTERSIGN_BROWSER: a command line to which the authorization URL
// is appended as the last argument (tests set it to a headless-Chromium driver). nullopt when unset.
std::optional<AuthorizationCodeFlow::BrowserOpener> browserFromEnvironment();

// Opens the URL with the desktop's handler (xdg-open), for programs without a GUI event loop.
bool openWithXdgOpen(const QUrl &url);

} // namespace countersign::oauth
