#pragma once

#include <QLatin1String>

// Stable Error::code values produced by countersign::storage. Compare against these, never against
// Error::message (which is translated and meant for people).
namespace countersign::storage::errors {

// No secret service could be reached, or it failed for a reason it did not name more precisely
// (QKeychain NoBackendAvailable, OtherError). The message carries the keychain's own explanation.
inline constexpr QLatin1String keychainUnavailable{"keychain_unavailable"};
// The keychain refused access: typically it is locked and was not unlocked (QKeychain AccessDenied).
inline constexpr QLatin1String keychainAccessDenied{"keychain_access_denied"};
// The person declined the keychain's access prompt (QKeychain AccessDeniedByUser).
inline constexpr QLatin1String keychainAccessDeniedByUser{"keychain_access_denied_by_user"};
// An existing entry could not be deleted (QKeychain CouldNotDeleteEntry).
inline constexpr QLatin1String keychainDeleteFailed{"keychain_delete_failed"};
// The keychain reported a missing entry where one must exist (QKeychain EntryNotFound on a write).
// A missing entry on read or remove is not an error.
inline constexpr QLatin1String keychainEntryNotFound{"keychain_entry_not_found"};
// The keychain backend does not implement the operation (QKeychain NotImplemented).
inline constexpr QLatin1String keychainNotSupported{"keychain_not_supported"};

// TokenStore: the index of stored entries is not JSON we understand.
inline constexpr QLatin1String indexCorrupt{"storage_index_corrupt"};
// TokenStore: an empty issuer/subject or a slot name outside [a-z0-9._-]{1,64}.
inline constexpr QLatin1String invalidArgument{"storage_invalid_argument"};

} // namespace countersign::storage::errors
