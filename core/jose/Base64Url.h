#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace countersign::jose {

// base64url without padding (RFC 7515 §2, RFC 4648 §5), the encoding of every JOSE segment.
QByteArray base64UrlEncode(QByteArrayView data);

// Strict decoding: only [A-Za-z0-9_-], no padding, no whitespace, and the unused low bits of
// the last character must be zero. Anything else is std::nullopt. Being strict means one value
// has exactly one encoding, so a token cannot be altered without changing its signed bytes.
std::optional<QByteArray> base64UrlDecode(QByteArrayView text);

} // namespace countersign::jose
