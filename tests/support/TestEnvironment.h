#pragma once

#include <QString>

namespace countersign::test {

// Where the test run finds the pieces outside the C++ build (set by tests/CMakeLists.txt).
QString sandboxDir();     // directory holding sandbox/server.mjs
QString browserDriver();  // tests/browser/sign-in.mjs (headless Chromium acting as the system browser)
bool chromiumAvailable(); // /usr/bin/chromium (or $COUNTERSIGN_CHROMIUM) is executable

} // namespace countersign::test
