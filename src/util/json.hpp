#pragma once
// The one JSON reader for untrusted text: request bodies and OSCAL documents go through it.
//
// It parses with nlohmann's SAX interface and builds the value itself, charging a util::Budget on
// every event before it is kept: Limit::k_nodes for each value and each object key, k_depth for
// nesting, k_item_bytes for the bytes of one string (a zero limit is not checked). Keys are
// checked for duplicates with a hash set, and objects of nlohmann::ordered_json are appended to
// directly, so a large object costs linear time (ordered_json's own parser searches the object
// for every key it inserts: quadratic). Numbers that do not fit are refused rather than rounded
// or turned into an exception: 1e400 (not finite) and integers written without a fraction or an
// exponent that fit neither a 64-bit signed nor unsigned integer
// (123456789012345678901234567890).
//
// Cost: about 16 bytes a value, 48 a key, plus the text of strings longer than 15 bytes, so at
// most about 64 x limits.nodes + the input's size.
//
// Threading: no shared state.

#include <cstddef>
#include <expected>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "util/budget.hpp"

namespace cyberframe::util {

struct JsonError {
  enum class Kind {
    k_syntax,         // not well-formed JSON (nlohmann's message)
    k_number,         // a number out of range
    k_duplicate_key,  // an object names a key twice
    k_limit,          // a limit of the budget (the message names it and its value)
  };
  Kind kind = Kind::k_syntax;
  std::size_t byte = 0;  // 1-based offset of the character at fault (a number's first digit)
  std::string message;   // without the position
};

// Parses `text` as one JSON value. REQUIRES: JsonT is nlohmann::json or nlohmann::ordered_json.
template <typename JsonT>
std::expected<JsonT, JsonError> parse_json(std::string_view text, Budget& budget);

// Line and column (1-based) of a 1-based byte offset, for messages.
std::pair<std::size_t, std::size_t> line_column_of_byte(std::string_view text, std::size_t byte);

}  // namespace cyberframe::util
