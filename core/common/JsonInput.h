#pragma once

#include <QByteArrayView>

#include <nlohmann/json.hpp>

#include <string_view>

namespace countersign {

// How deep JSON from outside may nest: objects and arrays, the outermost one being level 1.
// nlohmann::json parses and destroys any depth without recursion, but copying a value and dump()
// recurse once per level, and ~100,000 levels (200 KB of '[') overflow the stack. No genuine
// answer comes close: an RFC 9396 detail in the approval list sits at level 4, its members below.
inline constexpr int kMaxJsonDepth = 64;
// Countersign's own files and keychain entries wrap JSON that came from servers (and was held to
// kMaxJsonDepth then) in a few levels of their own: a saved conversation keeps a tool's result at
// level 4, a stored session its authorization details at level 3.
inline constexpr int kMaxStoredJsonDepth = kMaxJsonDepth + 8;

// How to read one JSON text from outside.
struct JsonInputRules
{
    int maxDepth = kMaxJsonDepth;
    // The array member of a top-level object that lists independent items (GET /approvals'
    // "approvals"): an item nested too deep reads as null, which its reader counts as one
    // unreadable item, and the rest of the list is kept. Empty: anything too deep refuses the text.
    std::string_view listMember;
    // RFC 7515 §5.2 lets the last of two equal member names win; JOSE input refuses them instead.
    bool refuseDuplicateKeys = false;
};

// One JSON text from outside, parsed.
struct JsonInput
{
    enum class Problem
    {
        None,
        NotJson,      // errorByte says where the parser stopped
        TooDeep,      // nested deeper than the rules' maxDepth (outside a list item)
        DuplicateKey, // refuseDuplicateKeys, and an object had a member name twice
    };

    nlohmann::json value = nlohmann::json(nlohmann::json::value_t::discarded); // unless problem is None
    Problem problem = Problem::None;
    // Only the position, never the text around it: the text may hold a token.
    std::size_t errorByte = 0;

    bool ok() const { return problem == Problem::None; }
};

// The one way JSON from outside (servers, the model server, files read back) is parsed: containers
// nested deeper than the limit are never built, so no later copy or dump() can recurse without end.
JsonInput parseJsonInput(QByteArrayView text, const JsonInputRules &rules = {});

// The parsed value, or a discarded one (is_discarded()) when the text is not JSON or nests deeper
// than `maxDepth`: for input where every problem simply means "ignore it".
nlohmann::json parseJsonOrDiscard(QByteArrayView text, int maxDepth = kMaxJsonDepth);

} // namespace countersign
