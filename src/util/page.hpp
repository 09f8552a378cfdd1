#pragma once
// One page of a list, read as a page from storage (never the whole list, paged in memory).

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace cyberframe::util {

// At most `limit` items from `offset` on, in the list's order.
struct Slice {
  std::size_t limit = 50;
  std::size_t offset = 0;
  // Every item (SQL's LIMIT -1).
  static Slice all() { return Slice{static_cast<std::size_t>(-1), 0}; }
  // " LIMIT n OFFSET m" for SQL (numbers only; nothing a caller typed reaches the text).
  std::string sql() const {
    return " LIMIT " + std::to_string(static_cast<std::int64_t>(limit)) + " OFFSET " +
           std::to_string(static_cast<std::int64_t>(offset));
  }
};

// The items of one page and how many the whole list holds.
template <typename T>
struct Paged {
  std::vector<T> items;
  std::size_t total = 0;
};

}  // namespace cyberframe::util
