#include "core/lookup.hpp"

#include <deque>
#include <set>

namespace cyberframe::core {

std::string_view to_string(CitationMatch match) {
  switch (match) {
    case CitationMatch::k_exact:
      return "exact";
    case CitationMatch::k_within:
      return "within";
    case CitationMatch::k_enclosing:
      return "enclosing";
    case CitationMatch::k_whole_standard:
      return "whole-standard";
  }
  return "?";
}

namespace {

// Which way a chain of edition mappings runs. A chain never turns round: 8.8 (2022) reaches
// 12.6.1 and 18.2.3 (2013), but not 18.2.2, which only shares 5.36 with 18.2.3.
enum class Direction { k_none, k_forward, k_backward };

struct Equivalent {
  std::string standard;
  std::string clause;
  std::vector<std::string> via;
  Direction direction = Direction::k_none;
};

std::string hop(const MappingSet& set, const std::string& from, const std::string& to,
                const Mapping& m) {
  return set.id + ": " + from + " -> " + to + " (" + std::string(to_string(m.relationship)) + ")";
}

// Clauses of other standards that stand for (standard, clause), with how.
std::vector<Equivalent> equivalents(const Catalog& catalog, const std::string& standard,
                                    const std::string& clause) {
  std::vector<Equivalent> out;
  std::set<std::pair<std::string, std::string>> seen{{standard, clause}};
  std::deque<Equivalent> queue{{standard, clause, {}, Direction::k_none}};
  while (!queue.empty()) {
    auto cur = queue.front();
    queue.pop_front();
    if (!cur.via.empty()) out.push_back(cur);
    if (cur.via.size() >= 3) continue;
    auto push = [&](const std::string& s, const std::string& c, std::string how,
                    Direction direction) {
      if (!seen.emplace(s, c).second) return;
      auto via = cur.via;
      via.push_back(std::move(how));
      queue.push_back(Equivalent{s, c, std::move(via), direction});
    };
    const auto forward = cur.direction == Direction::k_backward
                             ? nullptr
                             : catalog.edition_mapping_from(cur.standard);
    const auto backward =
        cur.direction == Direction::k_forward ? nullptr : catalog.edition_mapping_to(cur.standard);
    // Forward: to the successor edition.
    if (const auto* set = forward) {
      for (const auto& m : set->mappings) {
        if (m.source != cur.clause) continue;
        for (const auto& t : m.targets)
          push(set->target.id, t, hop(*set, m.source, t, m), Direction::k_forward);
      }
    }
    // Backward: from the predecessor edition.
    if (const auto* set = backward) {
      for (const auto& m : set->mappings) {
        for (const auto& t : m.targets) {
          if (t == cur.clause)
            push(set->source.id, m.source, hop(*set, m.source, t, m), Direction::k_backward);
        }
      }
    }
    // Annex mirrors, both ways.
    const auto* s = catalog.standard(cur.standard);
    if (s != nullptr && s->annex && cur.clause.rfind(s->annex->prefix, 0) == 0) {
      push(s->annex->mirrors, cur.clause.substr(s->annex->prefix.size()),
           s->designation + " " + cur.clause + " is the annex copy of " + s->annex->mirrors + " " +
               cur.clause.substr(s->annex->prefix.size()),
           cur.direction);
    }
    for (const auto& [id, other] : catalog.standards()) {
      if (other.annex && other.annex->mirrors == cur.standard) {
        push(id, other.annex->prefix + cur.clause,
             other.designation + " " + other.annex->prefix + cur.clause + " mirrors " +
                 cur.standard + " " + cur.clause,
             cur.direction);
      }
    }
  }
  return out;
}

void collect(const Catalog& catalog, const std::string& standard, const std::string& clause,
             const std::vector<std::string>& via, bool include_whole,
             const std::set<std::string>* frameworks,
             std::set<std::tuple<const Node*, std::string, std::string>>& seen,
             std::vector<Citation>& out) {
  for (const auto& [fid, fw] : catalog.frameworks()) {
    if (frameworks && !frameworks->contains(fid)) continue;
    for (const auto* node : catalog.nodes_in_order(fid)) {
      for (const auto& ref : node->references) {
        if (ref.standard != standard) continue;
        std::optional<CitationMatch> match;
        if (clause.empty()) {
          match = ref.clause.empty() ? CitationMatch::k_whole_standard : CitationMatch::k_exact;
        } else if (ref.clause == clause) {
          match = CitationMatch::k_exact;
        } else if (ref.clause.empty()) {
          if (include_whole) match = CitationMatch::k_whole_standard;
        } else if (clause_within(ref.clause, clause)) {
          match = CitationMatch::k_within;
        } else if (clause_within(clause, ref.clause)) {
          match = CitationMatch::k_enclosing;
        }
        if (!match) continue;
        if (!seen.emplace(node, ref.standard, ref.clause).second) continue;
        out.push_back(Citation{&fw, node, ref, *match, via});
      }
    }
  }
}

}  // namespace

std::vector<Citation> find_citations(const Catalog& catalog, const Standard& standard,
                                     std::string_view clause,
                                     const std::set<std::string>* frameworks) {
  std::vector<Citation> out;
  std::set<std::tuple<const Node*, std::string, std::string>> seen;
  std::string c(clause);
  collect(catalog, standard.id, c, {}, true, frameworks, seen, out);
  if (c.empty()) return out;
  for (const auto& eq : equivalents(catalog, standard.id, c)) {
    collect(catalog, eq.standard, eq.clause, eq.via, false, frameworks, seen, out);
  }
  return out;
}

}  // namespace cyberframe::core
