#pragma once

#include "common/Result.h"

#include <QString>

namespace countersign::net {

// Trusts the CA certificates in the PEM file `path` for every TLS connection this process makes
// from now on, besides the system's CAs: for a provider with a private or test certificate (the
// sandbox's --tls CA, a company CA). Nothing ever turns certificate checks off. Adding the same
// file again does nothing (the result is false then; true when the file was newly added: a
// QNetworkAccessManager's open connections keep the trust they were made with, so clear its
// connection cache then). Errors: "ca_file" (unreadable, or no certificate in it).
Result<bool> trustCaFile(const QString &path);

} // namespace countersign::net
