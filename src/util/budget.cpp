#include "util/budget.hpp"

#include <utility>

namespace cyberframe::util {

namespace {

std::size_t limit_of(const ParseLimits& limits, Limit limit) {
  switch (limit) {
    case Limit::k_bytes:
      return limits.bytes;
    case Limit::k_nodes:
      return limits.nodes;
    case Limit::k_depth:
      return limits.depth;
    case Limit::k_strings:
      return limits.strings;
    case Limit::k_string_bytes:
      return limits.string_bytes;
    case Limit::k_rows:
      return limits.rows;
    case Limit::k_cells:
      return limits.cells;
    case Limit::k_fields_per_row:
      return limits.fields_per_row;
    case Limit::k_item_bytes:
      return limits.item_bytes;
  }
  return 0;
}

}  // namespace

std::string_view to_string(Limit limit) {
  switch (limit) {
    case Limit::k_bytes:
      return "bytes";
    case Limit::k_nodes:
      return "nodes";
    case Limit::k_depth:
      return "levels of nesting";
    case Limit::k_strings:
      return "shared strings";
    case Limit::k_string_bytes:
      return "bytes of shared strings";
    case Limit::k_rows:
      return "rows";
    case Limit::k_cells:
      return "cells";
    case Limit::k_fields_per_row:
      return "cells in one row";
    case Limit::k_item_bytes:
      return "bytes in one value";
  }
  return "units";
}

std::string with_separators(std::size_t value) {
  auto digits = std::to_string(value);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

Budget::Budget(ParseLimits limits, std::string input)
    : m_limits(limits), m_input(std::move(input)) {}

Error Budget::exceeded(Limit limit, std::string_view where) const {
  auto value = limit_of(m_limits, limit);
  std::string message(where);
  if (!message.empty()) message += ": ";
  auto what = std::string(to_string(limit));
  message += "too many " + what + ": " + m_input + " may hold at most " + with_separators(value) +
             " " + what;
  return Error{ErrorCode::k_invalid_input, std::move(message)};
}

Result<void> Budget::charge(Limit limit, std::size_t amount, std::string_view where) {
  auto index = static_cast<std::size_t>(limit);
  auto value = limit_of(m_limits, limit);
  m_used[index] += amount;
  if (value != 0 && m_used[index] > value) return std::unexpected(exceeded(limit, where));
  return {};
}

Result<void> Budget::check(Limit limit, std::size_t value, std::string_view where) const {
  auto max = limit_of(m_limits, limit);
  if (max != 0 && value > max) return std::unexpected(exceeded(limit, where));
  return {};
}

std::size_t Budget::used(Limit limit) const {
  return m_used[static_cast<std::size_t>(limit)];
}

}  // namespace cyberframe::util
