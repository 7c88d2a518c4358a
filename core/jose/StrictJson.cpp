#include "jose/StrictJson.h"

#include <set>
#include <string>
#include <vector>

namespace countersign::jose {

std::optional<nlohmann::json> parseStrictJsonObject(QByteArrayView text)
{
    using Event = nlohmann::json::parse_event_t;
    std::vector<std::set<std::string>> keysPerOpenObject;
    bool duplicate = false;
    const auto rememberKeys = [&](int /*depth*/, Event event, nlohmann::json &parsed) {
        switch (event) {
        case Event::object_start:
            keysPerOpenObject.emplace_back();
            break;
        case Event::object_end:
            keysPerOpenObject.pop_back();
            break;
        case Event::key:
            if (!keysPerOpenObject.back().insert(parsed.get<std::string>()).second)
                duplicate = true;
            break;
        default:
            break;
        }
        return true;
    };
    auto json = nlohmann::json::parse(text.begin(), text.end(), rememberKeys, /*allow_exceptions=*/false);
    if (duplicate || !json.is_object())
        return std::nullopt;
    return json;
}

} // namespace countersign::jose
