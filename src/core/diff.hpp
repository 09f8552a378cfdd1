#pragma once
// What changed between two frameworks, node by node (matched by id).

#include <string>
#include <vector>

#include "core/catalog.hpp"

namespace cyberframe::core {

struct NodeDiff {
  enum class Kind { k_added, k_removed, k_changed };
  Kind kind = Kind::k_changed;
  std::string id;
  std::vector<std::string> fields;  // changed fields: level, title, description, parent
  std::vector<Reference> references_added;
  std::vector<Reference> references_removed;
  std::vector<const ReferenceChange*> explained;  // when B is derived from A: why
};
std::string_view to_string(NodeDiff::Kind kind);

struct FrameworkDiff {
  const Framework* a = nullptr;
  const Framework* b = nullptr;
  std::vector<NodeDiff> nodes;  // in B's order, removed ones after
  std::size_t unchanged = 0;
  bool b_derived_from_a = false;
};

FrameworkDiff diff_frameworks(const Catalog& catalog, const Framework& a, const Framework& b);

}  // namespace cyberframe::core
