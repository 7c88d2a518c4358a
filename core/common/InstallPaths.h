#pragma once

#include <QString>

namespace countersign {

// Where an installed Countersign keeps its read-only data (`cmake --install`, the .deb):
// <prefix>/share/countersign, found from the program's own place, <prefix>/bin. Empty when the
// program runs from a build tree (nothing is installed next to it). Needs a QCoreApplication.
//   <prefix>/share/countersign/sandbox/       the local demo provider (server.mjs, node_modules)
//   <prefix>/share/countersign/translations/  countersign_<lang>.qm
QString installedDataDirectory();

} // namespace countersign
