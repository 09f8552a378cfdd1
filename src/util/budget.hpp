#pragma once
// What one parse of untrusted input may consume, checked while parsing.
//
// Every reader of untrusted input (catalog and profile YAML, OSCAL JSON/XML/YAML, XLSX, CSV,
// request bodies) is given a ParseLimits and charges a Budget as it goes: bytes as they are read
// or inflated, each node or value as the parser reports it, the depth on every nesting, each
// string or cell as it is kept. The first charge past a limit ends the parse with an error that
// names the limit, where the parser was (line:column, a byte offset or an archive part) and the
// limit's value, so a small input never costs more than a fixed multiple of its limits (each
// parser's header says which multiple).
//
// Threading: a Budget belongs to one parse; ParseLimits are plain values.

#include <cstddef>
#include <string>
#include <string_view>

#include "util/result.hpp"

namespace cyberframe::util {

// The limits of one parse. A running total (bytes, nodes, strings, string_bytes, rows, cells) is
// the sum over the whole input; a per-item limit (depth, fields_per_row, item_bytes) is checked
// for each item. Zero means the parser does not count that measure.
struct ParseLimits {
  std::size_t bytes = 0;         // input bytes, or uncompressed bytes over all parts of an archive
  std::size_t nodes = 0;         // YAML nodes, JSON values, XML elements and text runs
  std::size_t depth = 0;         // nesting of collections or elements
  std::size_t strings = 0;       // strings kept for later (the shared strings of a workbook)
  std::size_t string_bytes = 0;  // bytes of the strings kept
  std::size_t rows = 0;          // table rows
  std::size_t cells = 0;         // table cells
  std::size_t fields_per_row = 0;  // cells in one row
  std::size_t item_bytes = 0;      // bytes of one scalar, string or cell
};

enum class Limit {
  k_bytes,
  k_nodes,
  k_depth,
  k_strings,
  k_string_bytes,
  k_rows,
  k_cells,
  k_fields_per_row,
  k_item_bytes,
};

// What a limit counts, for messages: "bytes", "nodes", "levels of nesting", ...
std::string_view to_string(Limit limit);

class Budget {
 public:
  // `input` names what is parsed, for messages: "a profile file", "an XLSX workbook".
  Budget(ParseLimits limits, std::string input);

  // Adds `amount` to the running total of `limit`. Past the limit: an error "WHERE: too many
  // nodes: INPUT may hold at most 500,000 nodes"; `where` says where the parser is ("line 3,
  // column 7", "byte 812", "part xl/sharedStrings.xml"), empty for nowhere in particular. Once
  // exceeded, every later charge fails the same way.
  Result<void> charge(Limit limit, std::size_t amount, std::string_view where);
  // Checks one item's measure (a depth, a row's cells, a scalar's bytes) against its limit.
  Result<void> check(Limit limit, std::size_t value, std::string_view where) const;

  std::size_t used(Limit limit) const;
  const ParseLimits& limits() const { return m_limits; }
  const std::string& input() const { return m_input; }

  // The error for `limit` at `where`, as charge() and check() give it.
  Error exceeded(Limit limit, std::string_view where) const;

 private:
  ParseLimits m_limits;
  std::string m_input;
  std::size_t m_used[9] = {};
};

// A count with thousands separators: 1048576 -> "1,048,576".
std::string with_separators(std::size_t value);

}  // namespace cyberframe::util
