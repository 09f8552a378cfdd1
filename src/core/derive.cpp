#include "core/derive.hpp"

#include <algorithm>
#include <set>

#include "util/text.hpp"

namespace cyberframe::core {

namespace {

using util::ErrorCode;

// How one old standard's references move to the new edition.
struct EditionRoute {
  const Standard* from = nullptr;
  const Standard* to = nullptr;
  const MappingSet* mapping = nullptr;  // maps clause ids of `mapping_source` to `mapping_target`
  std::string from_prefix;              // annex prefix on the old side ("A."), empty when direct
  std::string to_prefix;
  const Standard* mapping_source = nullptr;
};

struct Rewrite {
  std::vector<std::string> clauses;  // new clause ids (with prefix)
  ChangeKind kind = ChangeKind::k_same_number;
  std::string explanation;
};

std::string describe(const Mapping& m) {
  std::string s = std::string(to_string(m.relationship));
  if (!m.rationale.empty()) s += "; " + m.rationale;
  return s;
}

Rewrite rewrite_clause(const EditionRoute& route, const std::string& clause) {
  Rewrite out;
  const std::string& p_old = route.from_prefix;
  std::string inner = clause;
  if (!p_old.empty()) {
    if (clause.rfind(p_old, 0) != 0 || clause.size() == p_old.size()) {
      out.kind = ChangeKind::k_no_successor;
      out.explanation = "clause " + clause + " is outside the mirrored annex and has no mapping";
      return out;
    }
    inner = clause.substr(p_old.size());
  }
  std::vector<const Mapping*> direct;
  for (const auto& m : route.mapping->mappings) {
    if (m.source == inner) direct.push_back(&m);
  }
  std::vector<std::string> targets;
  std::vector<std::string> notes;
  auto add_targets = [&](const Mapping& m) {
    for (const auto& t : m.targets) {
      auto full = route.to_prefix + t;
      if (std::find(targets.begin(), targets.end(), full) == targets.end()) targets.push_back(full);
    }
  };
  if (!direct.empty()) {
    for (const auto* m : direct) {
      add_targets(*m);
      notes.push_back(describe(*m));
    }
  } else {
    // A section or objective: follow the controls under it.
    std::vector<std::string> children;
    for (const auto& m : route.mapping->mappings) {
      if (clause_within(m.source, inner)) {
        add_targets(m);
        if (std::find(children.begin(), children.end(), m.source) == children.end())
          children.push_back(p_old + m.source);
      }
    }
    if (!children.empty()) {
      notes.push_back("clause " + clause + " expanded to the " + std::to_string(children.size()) +
                      " controls under it (" + util::join(children, ", ") + ")");
    }
  }
  if (targets.empty()) {
    out.kind = ChangeKind::k_no_successor;
    out.explanation = direct.empty()
                          ? "no mapping for clause " + clause + " in " + route.mapping->id
                          : "mapped as no-relationship in " + route.mapping->id;
    if (!notes.empty() && !direct.empty()) out.explanation += " (" + util::join(notes, "; ") + ")";
    return out;
  }
  std::sort(targets.begin(), targets.end(),
            [](const std::string& a, const std::string& b) { return util::clause_less(a, b); });
  out.clauses = targets;
  if (targets.size() > 1)
    out.kind = ChangeKind::k_split;
  else if (targets[0] == route.to_prefix + inner && route.to_prefix == p_old)
    out.kind = ChangeKind::k_same_number;
  else
    out.kind = ChangeKind::k_renumbered;
  out.explanation = util::join(notes, "; ");
  return out;
}

}  // namespace

util::Result<Framework> derive_framework(const Catalog& catalog, const Framework& spec) {
  if (!spec.derivation)
    return util::fail(ErrorCode::k_internal, "framework " + spec.id + " is not derived");
  const auto& d = *spec.derivation;
  const auto* from = catalog.framework(d.from);
  if (from == nullptr)
    return util::fail(ErrorCode::k_not_found, "unknown framework '" + d.from + "'");

  // Routes: one per old standard that a mapping set (or an annex mirroring its source) covers.
  std::vector<EditionRoute> routes;
  for (const auto& set_id : d.through) {
    const auto* set = catalog.mapping_set(set_id);
    if (set == nullptr)
      return util::fail(ErrorCode::k_not_found, "unknown mapping set '" + set_id + "'");
    const auto* src = catalog.standard(set->source.id);
    const auto* dst = catalog.standard(set->target.id);
    if (src == nullptr || dst == nullptr)
      return util::fail(ErrorCode::k_not_found,
                        "mapping set '" + set_id + "' names an unknown standard");
    routes.push_back(EditionRoute{src, dst, set, "", "", src});
    // Standards whose annex mirrors the source follow it to the successor whose annex mirrors
    // the target (ISO/IEC 27001:2013 Annex A follows ISO/IEC 27002:2013 to 2022).
    for (const auto& [id, s] : catalog.standards()) {
      if (!s.annex || s.annex->mirrors != src->id || s.superseded_by.empty()) continue;
      const auto* next = catalog.standard(s.superseded_by);
      if (next == nullptr || !next->annex || next->annex->mirrors != dst->id) continue;
      routes.push_back(EditionRoute{&s, next, set, s.annex->prefix, next->annex->prefix, src});
    }
  }

  Framework out;
  out.id = spec.id;
  out.title = spec.title;
  out.short_title = spec.short_title;
  out.version = spec.version;
  out.publisher = spec.publisher.empty() ? from->publisher : spec.publisher;
  out.description = spec.description;
  out.conformance = spec.conformance;
  out.provenance = spec.provenance;
  out.location = spec.location;
  out.nodes = from->nodes;
  Derivation derivation = d;
  derivation.changes.clear();

  // For a reference, the routes that could rewrite it: a clause in the annex prefers the annex
  // route, anything else the direct one.
  auto route_for = [&routes](const Reference& ref) -> const EditionRoute* {
    const EditionRoute* direct = nullptr;
    for (const auto& r : routes) {
      if (r.from->id != ref.standard) continue;
      if (!r.from_prefix.empty()) {
        if (!ref.clause.empty() && ref.clause.rfind(r.from_prefix, 0) == 0) return &r;
      } else {
        direct = &r;
      }
    }
    if (direct != nullptr) return direct;
    for (const auto& r : routes) {
      if (r.from->id == ref.standard && ref.clause.empty())
        return &r;  // whole standard via annex route
    }
    return nullptr;
  };

  auto rewrite_node = [&](auto& self, Node& node) -> void {
    std::vector<Reference> rewritten;
    std::vector<std::size_t> change_index_of_new;  // parallel to rewritten: change that produced it
    std::vector<ReferenceChange> changes;
    auto push_unique = [&rewritten](const Reference& r) {
      if (std::find(rewritten.begin(), rewritten.end(), r) == rewritten.end())
        rewritten.push_back(r);
    };
    for (const auto& ref : node.references) {
      const auto* route = route_for(ref);
      if (route == nullptr) {
        push_unique(ref);
        continue;
      }
      ReferenceChange change;
      change.node = node.id;
      change.before = ref;
      change.mapping_set = route->mapping->id;
      if (ref.clause.empty()) {
        Reference r = ref;
        r.standard = route->to->id;
        r.printed.clear();
        r.note.clear();
        change.after.push_back(r);
        change.kind = ChangeKind::k_repointed;
        change.explanation =
            "whole standard: " + route->from->designation + " -> " + route->to->designation;
        push_unique(r);
      } else {
        auto rw = rewrite_clause(*route, ref.clause);
        change.kind = rw.kind;
        change.explanation = rw.explanation;
        if (rw.clauses.empty()) {
          push_unique(ref);  // kept on the old edition
        } else {
          for (const auto& c : rw.clauses) {
            Reference r;
            r.standard = route->to->id;
            r.clause = c;
            r.location = ref.location;
            change.after.push_back(r);
            push_unique(r);
          }
        }
      }
      changes.push_back(std::move(change));
    }
    // Several old clauses of this node landing on one new clause: merged.
    for (auto& c : changes) {
      if (c.after.size() != 1 || c.before.clause.empty()) continue;
      int sources = 0;
      for (const auto& other : changes) {
        if (other.before.clause.empty()) continue;
        if (std::find(other.after.begin(), other.after.end(), c.after[0]) != other.after.end())
          ++sources;
      }
      if (sources > 1 &&
          (c.kind == ChangeKind::k_renumbered || c.kind == ChangeKind::k_same_number)) {
        c.kind = ChangeKind::k_merged;
      }
    }
    node.references = std::move(rewritten);
    for (auto& c : changes) derivation.changes.push_back(std::move(c));
    for (auto& child : node.children) self(self, child);
  };
  for (auto& node : out.nodes) rewrite_node(rewrite_node, node);
  out.derivation = std::move(derivation);
  return out;
}

util::Result<Framework> select_framework(const Catalog& catalog, const Framework& spec) {
  const auto& sel = *spec.selection;
  const Framework* from = catalog.framework(sel.from);
  if (from == nullptr)
    return util::fail(ErrorCode::k_not_found, "'select.from': no framework '" + sel.from + "'");
  std::vector<std::string> missing;
  for (const auto& id : sel.nodes) {
    const Node* n = catalog.node(sel.from, id);
    if (n == nullptr) {
      missing.push_back(id);
    } else if (n->level == Level::k_statement || n->level == Level::k_function) {
      return util::fail(ErrorCode::k_invalid_input,
                        "'select.nodes': " + id + " of " + sel.from + " is a " +
                            std::string(to_string(n->level)) +
                            "; choose controls (a function is kept for what it holds, items "
                            "come with their control)");
    }
  }
  if (!missing.empty()) {
    return util::fail(ErrorCode::k_not_found,
                      "'select.nodes': " + sel.from + " has no node " + util::join(missing, ", "));
  }
  // Keeps chosen nodes with their statements, and every node with a chosen descendant.
  auto prune = [&](auto& self, const Node& node) -> std::optional<Node> {
    Node copy = node;
    copy.children.clear();
    bool chosen = sel.nodes.contains(node.id);
    for (const auto& c : node.children) {
      if (chosen && c.level == Level::k_statement) {
        copy.children.push_back(c);
      } else if (auto kept = self(self, c)) {
        copy.children.push_back(std::move(*kept));
      }
    }
    if (!chosen && copy.children.empty()) return std::nullopt;
    return copy;
  };
  Framework out = spec;
  out.assess = from->assess;
  out.nodes.clear();
  for (const auto& f : from->nodes) {
    if (auto kept = prune(prune, f)) out.nodes.push_back(std::move(*kept));
  }
  return out;
}

}  // namespace cyberframe::core
