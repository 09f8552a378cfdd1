#pragma once
// The names of an enumeration's values as one table, read both ways: the value a name stands for
// (a name read from a request, a file or the store) and the name of a value. One constexpr table
// per enumeration, e.g.
//   constexpr Names<Classification, 2> k_classes{{{Classification::k_public, "public"}, ...}};
// Plain functions, no I/O.

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

namespace cyberframe::core {

template <typename Enum, std::size_t N>
using Names = std::array<std::pair<Enum, std::string_view>, N>;

// The value named `text` (exactly), or nullopt.
template <typename Enum, std::size_t N>
std::optional<Enum> parse_from(const Names<Enum, N>& table, std::string_view text) {
  for (const auto& [value, name] : table)
    if (name == text) return value;
  return std::nullopt;
}

// The name of `value`; "?" when the table leaves it out.
template <typename Enum, std::size_t N>
std::string_view name_of(const Names<Enum, N>& table, Enum value) {
  for (const auto& [v, name] : table)
    if (v == value) return name;
  return "?";
}

}  // namespace cyberframe::core
