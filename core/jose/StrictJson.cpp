#include "jose/StrictJson.h"

#include "common/JsonInput.h"

namespace countersign::jose {

std::optional<nlohmann::json> parseStrictJsonObject(QByteArrayView text)
{
    JsonInputRules rules;
    rules.refuseDuplicateKeys = true;
    JsonInput input = parseJsonInput(text, rules);
    if (!input.ok() || !input.value.is_object())
        return std::nullopt;
    return std::move(input.value);
}

} // namespace countersign::jose
