#pragma once
// Comments on the nodes of a profile. Plain values, no I/O.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cyberframe::core {

// A comment on a node of a profile (auditors' notes and questions).
struct Comment {
  std::int64_t id = 0;
  std::int64_t profile = 0;
  std::string node;
  std::string author;
  std::string at;
  std::string text;
};

}  // namespace cyberframe::core
