#pragma once
// What the tests of the built-in catalog share: the catalog loaded once, a file's text, and the
// number of nodes of each level of a framework.

#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "catalog/loader.hpp"

namespace cyberframe::catalog::testing {

inline const LoadResult& builtin() {
  static const LoadResult result = load_builtin();
  return result;
}

inline const core::Catalog& cat() {
  return builtin().catalog;
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

inline std::map<core::Level, int> level_counts(const std::string& framework) {
  std::map<core::Level, int> counts;
  for (const auto* n : cat().nodes_in_order(framework)) ++counts[n->level];
  return counts;
}

}  // namespace cyberframe::catalog::testing
