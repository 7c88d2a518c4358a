#pragma once

#include "common/Result.h"

#include <qt6keychain/keychain.h>

namespace countersign::storage {

// Turns a failed QtKeychain job into an Error with a stable code (see StorageErrors.h) and a
// translated sentence saying what the person can do about it. `detail` is the job's
// errorString(); when not empty it is appended so support can see what the keychain said.
//
// Every value maps to an Error, including NoError and EntryNotFound, because whether those are
// failures depends on the operation: SecretStore decides that, this function only words it.
Error keychainError(QKeychain::Error error, const QString &detail);

} // namespace countersign::storage
