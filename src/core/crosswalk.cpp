// The crosswalk engine: mapping sets as a graph of catalogs, composed node by node along chains
// of catalogs with the relationship algebra of docs/crosswalks.md.
#include "core/crosswalk.hpp"

#include <algorithm>
#include <mutex>
#include <regex>
#include <unordered_map>

#include "util/text.hpp"

namespace cyberframe::core {

using R = Relationship;

Relationship inverse(Relationship relationship) {
  switch (relationship) {
    case R::k_subset_of:
      return R::k_superset_of;
    case R::k_superset_of:
      return R::k_subset_of;
    default:
      return relationship;
  }
}

std::optional<Relationship> compose(Relationship first, Relationship second) {
  // a `first` b, b `second` c. Rows: first; columns: second (docs/crosswalks.md).
  if (first == R::k_equal) return second;
  if (second == R::k_equal) return first;
  if (first == R::k_equivalent) return second;
  if (second == R::k_equivalent) return first;
  switch (first) {
    case R::k_subset_of:
      // a ⊆ b ⊆ c: a ⊆ c. a ⊆ b ⊇ c, or b meets c: a may lie outside c.
      if (second == R::k_subset_of) return R::k_subset_of;
      return std::nullopt;
    case R::k_superset_of:
      // a ⊇ b ⊇ c: a ⊇ c. a ⊇ b ⊆ c: b lies in both. a ⊇ b, b meets c: so does a.
      if (second == R::k_superset_of) return R::k_superset_of;
      if (second == R::k_subset_of || second == R::k_intersects_with) return R::k_intersects_with;
      return std::nullopt;
    case R::k_intersects_with:
      // a meets b ⊆ c: a meets c. a meets b ⊇ c, or b meets c: the common part may miss c.
      if (second == R::k_subset_of) return R::k_intersects_with;
      return std::nullopt;
    default:
      // no-relationship survives only equal and equivalent (handled above).
      return std::nullopt;
  }
}

int strength(Relationship relationship) {
  switch (relationship) {
    case R::k_equal:
      return 6;
    case R::k_equivalent:
      return 5;
    case R::k_subset_of:
    case R::k_superset_of:
      return 4;
    case R::k_intersects_with:
      return 3;
    case R::k_no_relationship:
      return 1;
  }
  return 0;
}

Relationship combine(Relationship a, Relationship b) {
  if ((a == R::k_subset_of && b == R::k_superset_of) ||
      (a == R::k_superset_of && b == R::k_subset_of))
    return R::k_equivalent;
  if (a == R::k_no_relationship) return b;
  if (b == R::k_no_relationship) return a;
  return strength(b) > strength(a) ? b : a;
}

std::string_view to_string(SetOrigin origin) {
  switch (origin) {
    case SetOrigin::k_catalog:
      return "catalog";
    case SetOrigin::k_workspace:
      return "workspace";
    case SetOrigin::k_references:
      return "references";
    case SetOrigin::k_annex:
      return "annex";
  }
  return "?";
}

std::string_view to_string(ProjectionOutcome outcome) {
  switch (outcome) {
    case ProjectionOutcome::k_projected:
      return "projected";
    case ProjectionOutcome::k_partial:
      return "partial";
    case ProjectionOutcome::k_not_applicable:
      return "not-applicable";
    case ProjectionOutcome::k_no_claim:
      return "no-claim";
    case ProjectionOutcome::k_kept_direct:
      return "kept-direct";
  }
  return "?";
}

std::vector<const CrosswalkEntry*> Crosswalk::of(std::string_view source) const {
  std::vector<const CrosswalkEntry*> out;
  for (const auto& e : entries)
    if (e.source == source) out.push_back(&e);
  return out;
}

std::string path_to_string(const std::vector<Hop>& path) {
  if (path.empty()) return "";
  std::string out = path.front().from_catalog + " " + path.front().from_node;
  for (const auto& h : path) {
    out += " -[" + std::string(to_string(h.relationship)) + "]-> ";
    if (h.to_node.empty())
      out += h.to_catalog + " (no counterpart)";
    else
      out += h.to_catalog + " " + h.to_node;
  }
  return out;
}

namespace {

struct Edge {
  std::string to;
  Relationship relationship;
  const std::string* rationale;
};

// One mapping set, indexed in both directions.
struct IndexedSet {
  const MappingSet* set = nullptr;
  SetOrigin origin = SetOrigin::k_catalog;
  std::unordered_map<std::string, std::vector<Edge>> forward;
  std::unordered_map<std::string, std::vector<Edge>> backward;
  std::vector<const Mapping*> stated_none;  // no-relationship mappings (no target)
};

// A catalog-level edge: travel set `index` forward (source to target) or backward.
struct Link {
  std::size_t index;
  bool forward;
  std::string other;
};

// A partial path from an origin node: where it stands, what the chain says so far, and how.
struct Walk {
  std::string node;
  Relationship relationship;
  std::vector<Hop> path;
};

std::string relationship_rationale(const std::string* r) {
  return r ? *r : std::string();
}

}  // namespace

struct CrosswalkEngine::Impl {
  const Catalog& catalog;
  CrosswalkOptions options;
  std::vector<MappingSet> workspace;
  std::vector<MappingSet> derived;  // references and annex sets (stable storage: reserved)
  std::vector<IndexedSet> sets;
  std::map<std::string, std::vector<Link>> links;  // catalog id -> links
  mutable std::mutex mutex;
  mutable std::map<std::pair<std::string, std::string>, std::shared_ptr<const Crosswalk>> cache;

  Impl(const Catalog& c, std::vector<MappingSet> ws, CrosswalkOptions o)
      : catalog(c), options(o), workspace(std::move(ws)) {}

  void add(const MappingSet& set, SetOrigin origin) {
    IndexedSet s;
    s.set = &set;
    s.origin = origin;
    for (const auto& m : set.mappings) {
      if (m.relationship == R::k_no_relationship) {
        s.stated_none.push_back(&m);
        continue;
      }
      for (const auto& t : m.targets) {
        s.forward[m.source].push_back(Edge{t, m.relationship, &m.rationale});
        s.backward[t].push_back(Edge{m.source, inverse(m.relationship), &m.rationale});
      }
    }
    auto index = sets.size();
    sets.push_back(std::move(s));
    if (set.source.id == set.target.id) return;
    links[set.source.id].push_back(Link{index, true, set.target.id});
    links[set.target.id].push_back(Link{index, false, set.source.id});
  }

  void build() {
    // Derived sets first into their own storage, so the pointers stay valid.
    for (const auto& [fid, fw] : catalog.frameworks()) {
      std::map<std::string, MappingSet> by_standard;
      for (const auto* n : catalog.nodes_in_order(fid)) {
        for (const auto& ref : n->references) {
          if (ref.clause.empty() || catalog.standard(ref.standard) == nullptr) continue;
          auto& set = by_standard[ref.standard];
          if (set.id.empty()) {
            set.id = fid + "/references/" + ref.standard;
            set.title = "References of " + fid + " to " + ref.standard;
            set.source = CatalogItemRef{CatalogItemRef::Kind::k_framework, fid};
            set.target = CatalogItemRef{CatalogItemRef::Kind::k_standard, ref.standard};
            set.provenance.method = Method::k_derived;
            set.provenance.source = fid;
            set.provenance.notes = "a node's reference: the clause supports the outcome";
          }
          bool seen = false;
          for (auto& m : set.mappings)
            if (m.source == n->id && m.targets.front() == ref.clause) seen = true;
          if (seen) continue;
          Mapping m;
          m.source = n->id;
          m.targets = {ref.clause};
          m.relationship = R::k_intersects_with;
          m.rationale = n->id + " cites " + ref.clause;
          set.mappings.push_back(std::move(m));
        }
      }
      for (auto& [sid, set] : by_standard) derived.push_back(std::move(set));
    }
    for (const auto& [sid, standard] : catalog.standards()) {
      if (!standard.annex || catalog.standard(standard.annex->mirrors) == nullptr) continue;
      MappingSet set;
      set.id = sid + "/annex/" + standard.annex->mirrors;
      set.title = "Annex of " + sid + " mirroring " + standard.annex->mirrors;
      set.source = CatalogItemRef{CatalogItemRef::Kind::k_standard, sid};
      set.target = CatalogItemRef{CatalogItemRef::Kind::k_standard, standard.annex->mirrors};
      set.provenance.method = Method::k_derived;
      const auto& prefix = standard.annex->prefix;
      for (const auto& c : standard.clauses) {
        if (!c.id.starts_with(prefix) || c.id.size() == prefix.size()) continue;
        auto mirrored = c.id.substr(prefix.size());
        if (catalog.standard(standard.annex->mirrors)->find_clause(mirrored) == nullptr) continue;
        Mapping m;
        m.source = c.id;
        m.targets = {mirrored};
        m.relationship = R::k_equivalent;
        m.rationale = "annex control " + c.id + " states control " + mirrored;
        set.mappings.push_back(std::move(m));
      }
      if (!set.mappings.empty()) derived.push_back(std::move(set));
    }
    for (const auto& [id, set] : catalog.mapping_sets()) add(set, SetOrigin::k_catalog);
    for (const auto& set : workspace) add(set, SetOrigin::k_workspace);
    for (const auto& set : derived)
      add(set, set.id.find("/annex/") != std::string::npos ? SetOrigin::k_annex
                                                           : SetOrigin::k_references);
  }

  std::optional<CatalogItemRef> resolve(std::string_view id) const {
    if (catalog.framework(id))
      return CatalogItemRef{CatalogItemRef::Kind::k_framework, std::string(id)};
    if (catalog.standard(id))
      return CatalogItemRef{CatalogItemRef::Kind::k_standard, std::string(id)};
    return std::nullopt;
  }

  // Document order of the nodes or clauses of a catalog item.
  std::map<std::string, std::size_t> order_of(const CatalogItemRef& ref) const {
    std::map<std::string, std::size_t> order;
    if (ref.kind == CatalogItemRef::Kind::k_framework) {
      for (const auto* n : catalog.nodes_in_order(ref.id)) order.emplace(n->id, order.size());
    } else if (const auto* s = catalog.standard(ref.id)) {
      for (const auto& c : s->clauses) order.emplace(c.id, order.size());
    }
    return order;
  }

  // The starting points of a crosswalk: every node, or every clause the sets mention.
  std::vector<std::string> origins(const CatalogItemRef& ref) const {
    std::vector<std::string> out;
    if (ref.kind == CatalogItemRef::Kind::k_framework) {
      for (const auto* n : catalog.nodes_in_order(ref.id)) out.push_back(n->id);
      return out;
    }
    const auto* s = catalog.standard(ref.id);
    if (s && s->has_clause_list) {
      for (const auto& c : s->clauses) out.push_back(c.id);
      return out;
    }
    std::set<std::string> seen;
    for (const auto& link : links.count(ref.id) ? links.at(ref.id) : std::vector<Link>{}) {
      const auto& is = sets[link.index];
      for (const auto& [node, edges] : link.forward ? is.forward : is.backward) {
        (void)edges;
        seen.insert(node);
      }
    }
    out.assign(seen.begin(), seen.end());
    std::sort(out.begin(), out.end(), util::clause_less);
    return out;
  }

  using Frontier = std::map<std::string, std::vector<Walk>>;  // origin -> walks
  using Claims = std::map<std::pair<std::string, std::string>, std::vector<Claim>>;

  void walk(const std::string& at, const std::string& to, std::set<std::string>& visited,
            const Frontier& frontier, int depth, Claims& claims, std::size_t& chains) const {
    if (at == to) {
      ++chains;
      for (const auto& [origin, walks] : frontier)
        for (const auto& w : walks)
          claims[{origin, w.node}].push_back(Claim{w.relationship, w.path});
      return;
    }
    if (depth >= options.max_hops) return;
    auto it = links.find(at);
    if (it == links.end()) return;
    for (const auto& link : it->second) {
      if (visited.contains(link.other)) continue;
      const auto& is = sets[link.index];
      const auto& index = link.forward ? is.forward : is.backward;
      Frontier next;
      for (const auto& [origin, walks] : frontier) {
        std::vector<Walk> out;
        std::set<std::pair<std::string, Relationship>> seen;
        for (const auto& w : walks) {
          auto e = index.find(w.node);
          if (e == index.end()) continue;
          for (const auto& edge : e->second) {
            auto r = compose(w.relationship, edge.relationship);
            if (!r || !seen.insert({edge.to, *r}).second) continue;
            Walk nw{edge.to, *r, w.path};
            nw.path.push_back(Hop{is.set->id, is.origin, !link.forward, at, w.node, link.other,
                                  edge.to, edge.relationship,
                                  relationship_rationale(edge.rationale)});
            out.push_back(std::move(nw));
          }
        }
        if (!out.empty()) next.emplace(origin, std::move(out));
      }
      if (next.empty()) continue;
      visited.insert(link.other);
      walk(link.other, to, visited, next, depth + 1, claims, chains);
      visited.erase(link.other);
    }
  }

  std::shared_ptr<const Crosswalk> compute(const CatalogItemRef& from,
                                           const CatalogItemRef& to) const {
    auto out = std::make_shared<Crosswalk>();
    out->from = from;
    out->to = to;
    Frontier start;
    for (const auto& id : origins(from)) start[id].push_back(Walk{id, R::k_equal, {}});
    std::set<std::string> visited{from.id};
    Claims claims;
    walk(from.id, to.id, visited, start, 0, claims, out->chains);

    for (auto& [pair, list] : claims) {
      std::stable_sort(list.begin(), list.end(), [](const Claim& a, const Claim& b) {
        if (strength(a.relationship) != strength(b.relationship))
          return strength(a.relationship) > strength(b.relationship);
        return a.path.size() < b.path.size();
      });
      CrosswalkEntry e;
      e.source = pair.first;
      e.target = pair.second;
      e.paths = list.size();
      // Take every claim together: subset-of and superset-of prove equivalent.
      std::optional<Relationship> subset, superset;
      std::size_t subset_at = 0, superset_at = 0;
      Relationship all = list.front().relationship;
      bool positive = false, none = false;
      for (std::size_t i = 0; i < list.size(); ++i) {
        auto r = list[i].relationship;
        if (r == R::k_subset_of && !subset) subset = r, subset_at = i;
        if (r == R::k_superset_of && !superset) superset = r, superset_at = i;
        (r == R::k_no_relationship ? none : positive) = true;
        all = combine(all, r);
      }
      e.conflict = none && positive;
      std::size_t primary = 0;
      if (all == R::k_equivalent && strength(list.front().relationship) < strength(all)) {
        primary = std::min(subset_at, superset_at);
      } else {
        while (list[primary].relationship == R::k_no_relationship && positive) ++primary;
      }
      e.relationship = all;
      e.path = list[primary].path;
      for (std::size_t i = 0; i < list.size() && e.others.size() < options.max_alternatives; ++i)
        if (i != primary) e.others.push_back(list[i]);
      out->entries.push_back(std::move(e));
    }
    // Stated no-relationship of a set joining the two directly.
    for (const auto& is : sets) {
      if (is.set->source.id != from.id || is.set->target.id != to.id) continue;
      for (const auto* m : is.stated_none) {
        bool has = std::any_of(out->entries.begin(), out->entries.end(),
                               [&](const CrosswalkEntry& x) { return x.source == m->source; });
        if (has) continue;
        CrosswalkEntry e;
        e.source = m->source;
        e.relationship = R::k_no_relationship;
        e.path.push_back(Hop{is.set->id, is.origin, false, from.id, m->source, to.id, "",
                             R::k_no_relationship, m->rationale});
        out->entries.push_back(std::move(e));
      }
    }
    auto from_order = order_of(from);
    auto to_order = order_of(to);
    auto rank = [](const std::map<std::string, std::size_t>& order, const std::string& id) {
      auto it = order.find(id);
      return it == order.end() ? order.size() : it->second;
    };
    std::stable_sort(out->entries.begin(), out->entries.end(),
                     [&](const CrosswalkEntry& a, const CrosswalkEntry& b) {
                       auto ra = rank(from_order, a.source), rb = rank(from_order, b.source);
                       if (ra != rb) return ra < rb;
                       if (a.source != b.source) return util::clause_less(a.source, b.source);
                       auto ta = rank(to_order, a.target), tb = rank(to_order, b.target);
                       if (ta != tb) return ta < tb;
                       return util::clause_less(a.target, b.target);
                     });
    return out;
  }
};

CrosswalkEngine::CrosswalkEngine(const Catalog& catalog, std::vector<MappingSet> workspace_sets,
                                 CrosswalkOptions options)
    : m_impl(std::make_unique<Impl>(catalog, std::move(workspace_sets), options)) {
  m_impl->build();
}

CrosswalkEngine::~CrosswalkEngine() = default;

std::optional<CatalogItemRef> CrosswalkEngine::resolve(std::string_view id) const {
  return m_impl->resolve(id);
}

const std::vector<MappingSet>& CrosswalkEngine::workspace_sets() const {
  return m_impl->workspace;
}

std::map<SetOrigin, std::size_t> CrosswalkEngine::set_counts() const {
  std::map<SetOrigin, std::size_t> out;
  for (const auto& s : m_impl->sets) ++out[s.origin];
  return out;
}

util::Result<std::shared_ptr<const Crosswalk>> CrosswalkEngine::crosswalk(
    std::string_view from, std::string_view to) const {
  auto f = resolve(from);
  if (!f)
    return util::fail(util::ErrorCode::k_not_found,
                      "'" + std::string(from) +
                          "' is neither a framework nor a standard of the catalog "
                          "(cyberframe catalog list names them)");
  auto t = resolve(to);
  if (!t)
    return util::fail(util::ErrorCode::k_not_found,
                      "'" + std::string(to) +
                          "' is neither a framework nor a standard of the catalog "
                          "(cyberframe catalog list names them)");
  if (f->id == t->id)
    return util::fail(util::ErrorCode::k_invalid_input,
                      "a crosswalk needs two different catalogs, not " + f->id + " twice");
  std::lock_guard lock(m_impl->mutex);
  auto key = std::pair{f->id, t->id};
  if (auto it = m_impl->cache.find(key); it != m_impl->cache.end()) return it->second;
  auto result = m_impl->compute(*f, *t);
  m_impl->cache.emplace(key, result);
  return result;
}

// --- validation -------------------------------------------------------------------------------

namespace {

bool plain_id(const std::string& id) {
  static const std::regex re("^[a-z0-9][a-z0-9.-]*$");
  return id.size() <= 128 && std::regex_match(id, re);
}

bool item_exists(const Catalog& catalog, const CatalogItemRef& ref) {
  return ref.kind == CatalogItemRef::Kind::k_framework ? catalog.framework(ref.id) != nullptr
                                                       : catalog.standard(ref.id) != nullptr;
}

std::string kind_name(const CatalogItemRef& ref) {
  return ref.kind == CatalogItemRef::Kind::k_framework ? "framework" : "standard";
}

// Whether `id` is a node (framework) or clause (standard with a clause list; any for an open one).
bool member_exists(const Catalog& catalog, const CatalogItemRef& ref, const std::string& id) {
  if (ref.kind == CatalogItemRef::Kind::k_framework) return catalog.node(ref.id, id) != nullptr;
  const auto* s = catalog.standard(ref.id);
  return s && (!s->has_clause_list || s->find_clause(id) != nullptr);
}

}  // namespace

inline constexpr std::size_t k_max_rationale = 2000;
inline constexpr std::size_t k_max_title = 300;

util::Result<void> validate_mapping(const Catalog& catalog, const MappingSet& set,
                                    const Mapping& m) {
  auto bad = [](std::string message) {
    return util::fail(util::ErrorCode::k_invalid_input, std::move(message));
  };
  if (util::trim(m.source).empty()) return bad("source: a mapping needs a source node or clause");
  if (!member_exists(catalog, set.source, m.source))
    return bad("source: " + kind_name(set.source) + " " + set.source.id + " has no " +
               (set.source.kind == CatalogItemRef::Kind::k_framework ? "node" : "clause") + " '" +
               m.source + "'");
  bool none = m.relationship == R::k_no_relationship;
  if (none && !m.targets.empty())
    return bad("target: mapping of " + m.source + " is no-relationship but names a target");
  if (!none && m.targets.empty())
    return bad("target: mapping of " + m.source +
               " has no target (use relationship no-relationship)");
  std::set<std::string> seen;
  for (const auto& t : m.targets) {
    if (!member_exists(catalog, set.target, t))
      return bad("target: " + kind_name(set.target) + " " + set.target.id + " has no " +
                 (set.target.kind == CatalogItemRef::Kind::k_framework ? "node" : "clause") + " '" +
                 t + "'");
    if (!seen.insert(t).second)
      return bad("target: mapping of " + m.source + " names '" + t + "' twice");
  }
  if (m.rationale.size() > k_max_rationale)
    return bad("rationale: mapping of " + m.source + " has a rationale of " +
               std::to_string(m.rationale.size()) + " bytes; at most " +
               std::to_string(k_max_rationale));
  if (util::find_invalid_utf8(m.rationale) != std::string_view::npos)
    return bad("rationale: mapping of " + m.source + " is not UTF-8 text");
  return {};
}

util::Result<void> validate_mapping_set(const Catalog& catalog, const MappingSet& set) {
  auto bad = [](std::string message) {
    return util::fail(util::ErrorCode::k_invalid_input, std::move(message));
  };
  if (!plain_id(set.id))
    return bad("id: '" + set.id +
               "' is not valid: use lowercase letters, digits, '-' and '.', starting with a "
               "letter or digit (at most 128)");
  if (catalog.framework(set.id) || catalog.standard(set.id) || catalog.mapping_set(set.id))
    return bad("id: '" + set.id + "' is already an id of the catalog");
  if (util::trim(set.title).empty()) return bad("title: a mapping set needs a title");
  if (set.title.size() > k_max_title)
    return bad("title: at most " + std::to_string(k_max_title) + " bytes");
  if (util::find_invalid_utf8(set.title) != std::string_view::npos)
    return bad("title: not UTF-8 text");
  if (!item_exists(catalog, set.source))
    return bad("source: the catalog has no " + kind_name(set.source) + " '" + set.source.id + "'");
  if (!item_exists(catalog, set.target))
    return bad("target: the catalog has no " + kind_name(set.target) + " '" + set.target.id + "'");
  if (set.source.id == set.target.id)
    return bad("target: a mapping set joins two different catalogs, not " + set.source.id +
               " with itself");
  std::set<std::pair<std::string, std::string>> pairs;
  for (std::size_t i = 0; i < set.mappings.size(); ++i) {
    const auto& m = set.mappings[i];
    if (auto v = validate_mapping(catalog, set, m); !v)
      return bad("mappings[" + std::to_string(i) + "]." + v.error().message);
    for (const auto& t : m.targets)
      if (!pairs.insert({m.source, t}).second)
        return bad("mappings[" + std::to_string(i) + "].target: " + m.source + " to " + t +
                   " is mapped twice");
  }
  return {};
}

// --- projection -------------------------------------------------------------------------------

namespace {

bool covering(Relationship r) {
  return r == R::k_equal || r == R::k_equivalent || r == R::k_superset_of;
}

std::string source_text(const ProjectionSource& s) {
  std::string out = s.node + " " + std::string(to_string(s.relationship)) + " (";
  if (s.not_applicable)
    out += "not applicable";
  else
    out += "level " + std::to_string(*s.level);
  return out + ")";
}

}  // namespace

Projection project(const Catalog& catalog, const Crosswalk& crosswalk,
                   const std::map<std::string, NodeAssessment>& source,
                   const std::map<std::string, NodeAssessment>& directly_assessed) {
  Projection out;
  out.from_framework = crosswalk.from.id;
  out.to_framework = crosswalk.to.id;
  // Contributions by target node.
  std::map<std::string, std::vector<ProjectionSource>> by_target;
  for (const auto& e : crosswalk.entries) {
    if (e.target.empty() || e.relationship == R::k_no_relationship) continue;
    auto it = source.find(e.source);
    if (it == source.end()) continue;
    const auto& a = it->second;
    if (!a.level && !a.not_applicable) continue;
    by_target[e.target].push_back(
        ProjectionSource{e.source, e.relationship, a.level, a.not_applicable, e.path});
  }
  for (const auto* n : catalog.nodes_in_order(crosswalk.to.id)) {
    if (!n->children.empty()) continue;
    ProjectedNode p;
    p.node = n->id;
    auto& sources = by_target[n->id];
    std::stable_sort(sources.begin(), sources.end(),
                     [](const ProjectionSource& a, const ProjectionSource& b) {
                       return strength(a.relationship) > strength(b.relationship);
                     });
    p.sources = sources;
    std::vector<const ProjectionSource*> cover_levels, cover_na, partial_levels;
    for (const auto& s : sources) {
      if (covering(s.relationship))
        (s.not_applicable ? cover_na : cover_levels).push_back(&s);
      else if (!s.not_applicable)
        partial_levels.push_back(&s);
    }
    auto list = [](const std::vector<const ProjectionSource*>& v) {
      std::string text;
      for (const auto* s : v) text += (text.empty() ? "" : ", ") + source_text(*s);
      return text;
    };
    auto lowest = [](const std::vector<const ProjectionSource*>& v) {
      int level = *v.front()->level;
      for (const auto* s : v) level = std::min(level, *s->level);
      return level;
    };
    if (auto kept = directly_assessed.find(n->id); kept != directly_assessed.end()) {
      p.outcome = ProjectionOutcome::k_kept_direct;
      p.level = kept->second.level;
      p.not_applicable = kept->second.not_applicable;
      p.explanation = "assessed directly in the destination profile: kept as it is";
      if (!sources.empty())
        p.explanation += " (sources would say: " + list([&] {
                           std::vector<const ProjectionSource*> all;
                           for (const auto& s : sources) all.push_back(&s);
                           return all;
                         }()) +
                         ")";
    } else if (!cover_levels.empty()) {
      p.outcome = ProjectionOutcome::k_projected;
      p.level = lowest(cover_levels);
      p.explanation = "level " + std::to_string(*p.level) + " from " + list(cover_levels);
      if (cover_levels.size() > 1) p.explanation += ": the lowest of the covering sources";
      if (!partial_levels.empty())
        p.explanation += "; also partly related: " + list(partial_levels);
    } else if (!cover_na.empty()) {
      p.outcome = ProjectionOutcome::k_not_applicable;
      p.not_applicable = true;
      p.explanation =
          "not applicable: every covering source is not applicable (" + list(cover_na) + ")";
    } else if (!partial_levels.empty()) {
      p.outcome = ProjectionOutcome::k_partial;
      p.level = lowest(partial_levels);
      p.explanation = "provisional level " + std::to_string(*p.level) +
                      ": only partial coverage, at most the lowest of " + list(partial_levels) +
                      "; review what the sources do not cover";
    } else {
      p.outcome = ProjectionOutcome::k_no_claim;
      p.explanation = sources.empty()
                          ? "no assessed source node has a relationship the chain supports: left "
                            "unassessed"
                          : "only not-applicable partial sources: left unassessed";
    }
    ++out.counts[p.outcome];
    out.nodes.push_back(std::move(p));
  }
  return out;
}

std::map<std::string, NodeAssessment> directly_assessed(
    const std::map<std::string, NodeAssessment>& destination,
    const std::set<std::string>& projected) {
  std::map<std::string, NodeAssessment> out;
  for (const auto& [node, a] : destination)
    if ((a.level || a.not_applicable) && !projected.contains(node)) out.emplace(node, a);
  return out;
}

std::vector<NodeAssessment> projection_rows(
    const Projection& projection, const std::map<std::string, NodeAssessment>& destination,
    const std::set<std::string>& projected, const std::string& source_label) {
  std::vector<NodeAssessment> rows;
  for (const auto& p : projection.nodes) {
    if (p.outcome == ProjectionOutcome::k_kept_direct) continue;
    auto it = destination.find(p.node);
    bool stored = it != destination.end();
    if (p.outcome == ProjectionOutcome::k_no_claim && !projected.contains(p.node)) continue;
    NodeAssessment a;
    a.node = p.node;
    if (stored) {
      a.owner = it->second.owner;
      a.priority = it->second.priority;
      a.version = it->second.version;
    }
    if (p.outcome == ProjectionOutcome::k_no_claim) {
      a.notes = "Projected from " + source_label +
                " earlier; no source supports it any more: " + p.explanation;
    } else {
      a.level = p.level;
      a.not_applicable = p.not_applicable;
      if (p.not_applicable) a.justification = "projected: " + p.explanation;
      a.notes = std::string(p.outcome == ProjectionOutcome::k_partial ? "Provisional. " : "") +
                "Projected from " + source_label + ": " + p.explanation + ".";
      if (!p.sources.empty()) a.notes += " Path: " + path_to_string(p.sources.front().path);
    }
    // Notes of the person who set up the node survive after a blank line (projection text never
    // holds one).
    if (stored && !it->second.notes.empty()) {
      const auto& old = it->second.notes;
      if (!projected.contains(p.node)) {
        a.notes += "\n\n" + old;
      } else if (auto cut = old.find("\n\n"); cut != std::string::npos) {
        a.notes += old.substr(cut);
      }
    }
    if (stored && it->second.level == a.level && it->second.not_applicable == a.not_applicable &&
        it->second.notes == a.notes && it->second.justification == a.justification)
      continue;
    rows.push_back(std::move(a));
  }
  return rows;
}

bool has_node(const Catalog& catalog, const CatalogItemRef& item, std::string_view node) {
  if (item.kind == CatalogItemRef::Kind::k_framework) return catalog.node(item.id, node) != nullptr;
  const auto* standard = catalog.standard(item.id);
  return standard != nullptr &&
         (!standard->has_clause_list || standard->find_clause(node) != nullptr);
}

}  // namespace cyberframe::core
