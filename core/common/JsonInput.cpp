#include "common/JsonInput.h"

#include <set>
#include <string>
#include <vector>

namespace countersign {

namespace {

using Event = nlohmann::json::parse_event_t;

// Watches the parser's events. nlohmann::json calls it with the number of containers around the
// event: 0 for the start and end of the outermost one, 1 for a key of a top-level object.
// Returning false from a container's start means it is never built (nor anything inside it).
class Watcher
{
public:
    explicit Watcher(const JsonInputRules &rules) : m_rules(rules) {}

    bool operator()(int depth, Event event, nlohmann::json &parsed)
    {
        switch (event) {
        case Event::key:
            return onKey(depth, parsed);
        case Event::object_start:
        case Event::array_start:
            return onStart(depth, event == Event::object_start);
        case Event::object_end:
        case Event::array_end:
            onEnd(depth, event == Event::object_end, parsed);
            return true;
        case Event::value:
            return true;
        }
        return true;
    }

    bool tooDeep() const { return m_tooDeep; }
    bool duplicateKey() const { return m_duplicateKey; }

private:
    bool onKey(int depth, const nlohmann::json &key)
    {
        if (depth > m_rules.maxDepth)
            return true; // inside a container that is not built
        const std::string &name = key.get_ref<const std::string &>();
        if (depth == 1)
            m_listKey = !m_rules.listMember.empty() && name == m_rules.listMember;
        if (m_rules.refuseDuplicateKeys && !m_keysPerOpenObject.empty() &&
            !m_keysPerOpenObject.back().insert(name).second)
            m_duplicateKey = true;
        return true;
    }

    bool onStart(int depth, bool object)
    {
        if (depth == 1 && !object && m_listKey)
            m_inList = true;
        if (depth == 2 && m_inList)
            m_itemTooDeep = false; // a new item of the list
        if (depth >= m_rules.maxDepth) {
            (m_inList && depth > 2 ? m_itemTooDeep : m_tooDeep) = true;
            return false;
        }
        if (object && m_rules.refuseDuplicateKeys)
            m_keysPerOpenObject.emplace_back();
        return true;
    }

    // Only called for containers that were built.
    void onEnd(int depth, bool object, nlohmann::json &parsed)
    {
        if (object && m_rules.refuseDuplicateKeys)
            m_keysPerOpenObject.pop_back();
        if (depth == 2 && m_inList && m_itemTooDeep) {
            parsed = nullptr; // what is left of it would be misleading: deeper parts are missing
            m_itemTooDeep = false;
        }
        if (depth == 1 && m_inList) {
            m_inList = false;
            m_listKey = false;
        }
    }

    const JsonInputRules &m_rules;
    std::vector<std::set<std::string>> m_keysPerOpenObject;
    bool m_tooDeep = false;
    bool m_duplicateKey = false;
    bool m_listKey = false;     // the last key of the top-level object was rules.listMember
    bool m_inList = false;      // inside that member's array
    bool m_itemTooDeep = false; // the current item of the list holds a container too deep
};

} // namespace

JsonInput parseJsonInput(QByteArrayView text, const JsonInputRules &rules)
{
    JsonInput input;
    Watcher watcher(rules);
    nlohmann::json value;
    try {
        value = nlohmann::json::parse(text.begin(), text.end(),
                                      [&watcher](int depth, Event event, nlohmann::json &parsed) {
                                          return watcher(depth, event, parsed);
                                      });
    } catch (const nlohmann::json::parse_error &e) {
        input.problem = JsonInput::Problem::NotJson;
        input.errorByte = e.byte;
        return input;
    } catch (const nlohmann::json::exception &) {
        input.problem = JsonInput::Problem::NotJson;
        return input;
    }
    if (watcher.tooDeep())
        input.problem = JsonInput::Problem::TooDeep;
    else if (watcher.duplicateKey())
        input.problem = JsonInput::Problem::DuplicateKey;
    else
        input.value = std::move(value);
    return input;
}

nlohmann::json parseJsonOrDiscard(QByteArrayView text, int maxDepth)
{
    JsonInputRules rules;
    rules.maxDepth = maxDepth;
    return std::move(parseJsonInput(text, rules).value);
}

} // namespace countersign
