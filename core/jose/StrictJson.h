#pragma once

#include <QByteArrayView>

#include <nlohmann/json.hpp>

#include <optional>

namespace countersign::jose {

// Parses a JSON object, refusing duplicate member names at any depth. RFC 7515 §5.2 allows
// "last one wins", but two parsers disagreeing on which "alg" or "aud" counts is exactly the
// kind of ambiguity an attacker looks for, so JOSE input with duplicates is simply invalid. So is
// input nested deeper than kMaxJsonDepth (common/JsonInput.h).
std::optional<nlohmann::json> parseStrictJsonObject(QByteArrayView text);

} // namespace countersign::jose
