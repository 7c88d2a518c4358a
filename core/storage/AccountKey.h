#pragma once

#include <QString>

namespace countersign::storage {

// Identifies one signed-in account: the OpenID Connect issuer and the subject it assigned.
// Both are compared exactly (no URL normalisation): pass the `iss` and `sub` claims as received.
struct AccountKey
{
    QString issuer;
    QString subject;

    friend bool operator==(const AccountKey &, const AccountKey &) = default;
};

} // namespace countersign::storage
