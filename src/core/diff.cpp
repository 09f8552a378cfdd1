#include "core/diff.hpp"

#include <algorithm>

namespace cyberframe::core {

std::string_view to_string(NodeDiff::Kind kind) {
  switch (kind) {
    case NodeDiff::Kind::k_added:
      return "added";
    case NodeDiff::Kind::k_removed:
      return "removed";
    case NodeDiff::Kind::k_changed:
      return "changed";
  }
  return "?";
}

FrameworkDiff diff_frameworks(const Catalog& catalog, const Framework& a, const Framework& b) {
  FrameworkDiff out;
  out.a = &a;
  out.b = &b;
  out.b_derived_from_a = b.derivation && b.derivation->from == a.id;
  for (const auto* nb : catalog.nodes_in_order(b.id)) {
    const auto* na = catalog.node(a.id, nb->id);
    if (na == nullptr) {
      NodeDiff d;
      d.kind = NodeDiff::Kind::k_added;
      d.id = nb->id;
      d.references_added = nb->references;
      out.nodes.push_back(std::move(d));
      continue;
    }
    NodeDiff d;
    d.id = nb->id;
    if (na->level != nb->level) d.fields.push_back("level");
    if (na->title != nb->title) d.fields.push_back("title");
    if (na->description != nb->description) d.fields.push_back("description");
    const auto* pa = catalog.parent(a.id, na->id);
    const auto* pb = catalog.parent(b.id, nb->id);
    if ((pa ? pa->id : "") != (pb ? pb->id : "")) d.fields.push_back("parent");
    for (const auto& r : nb->references) {
      if (std::find(na->references.begin(), na->references.end(), r) == na->references.end())
        d.references_added.push_back(r);
    }
    for (const auto& r : na->references) {
      if (std::find(nb->references.begin(), nb->references.end(), r) == nb->references.end())
        d.references_removed.push_back(r);
    }
    if (out.b_derived_from_a) {
      for (const auto& c : b.derivation->changes) {
        if (c.node == nb->id) d.explained.push_back(&c);
      }
    }
    if (d.fields.empty() && d.references_added.empty() && d.references_removed.empty()) {
      ++out.unchanged;
      continue;
    }
    out.nodes.push_back(std::move(d));
  }
  for (const auto* na : catalog.nodes_in_order(a.id)) {
    if (catalog.node(b.id, na->id) != nullptr) continue;
    NodeDiff d;
    d.kind = NodeDiff::Kind::k_removed;
    d.id = na->id;
    d.references_removed = na->references;
    out.nodes.push_back(std::move(d));
  }
  return out;
}

}  // namespace cyberframe::core
