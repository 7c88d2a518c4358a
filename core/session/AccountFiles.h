#pragma once

#include "storage/AccountKey.h"

#include <QString>

namespace countersign::session {

// Where the Countersign processes of one user meet: a private directory in the user's runtime
// directory ($XDG_RUNTIME_DIR/countersign, mode 0700), with small files per account named by a
// hash of issuer and subject (the directory listing shows neither). Nothing secret is kept there.
// Empty when no such directory can be made.
QString accountFilesDirectory();
// accountFilesDirectory()/<hash of the account>.<suffix>, or empty.
QString accountFile(const storage::AccountKey &account, const QString &suffix);

} // namespace countersign::session
