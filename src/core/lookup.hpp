#pragma once
// Reverse reference look-up: which nodes of which frameworks a standard clause supports, directly
// or through edition mappings and annex mirrors.

#include <set>
#include <string>
#include <vector>

#include "core/catalog.hpp"

namespace cyberframe::core {

enum class CitationMatch {
  k_exact,           // the node cites this clause
  k_within,          // the node cites a clause inside the queried one
  k_enclosing,       // the node cites a section that contains the queried clause
  k_whole_standard,  // the node cites the whole standard
};
std::string_view to_string(CitationMatch match);

struct Citation {
  const Framework* framework = nullptr;
  const Node* node = nullptr;
  Reference reference;  // as the node cites it
  CitationMatch match = CitationMatch::k_exact;
  std::vector<std::string> via;  // empty: direct; else each hop
                                 // ("iso-iec-27002-2013-to-2022: 12.6.1 -> 8.8 (subset-of)")
};

// Every citation of `standard` (and `clause`, when not empty) in the catalog, direct ones first.
// Through edition mappings (both directions) and annex mirrors, up to three hops; citations of the
// whole standard count only for direct look-ups. `frameworks`, when given, limits the look-up to
// the nodes of those frameworks: their citations are the same as without it, found without
// scanning the catalog's other frameworks.
std::vector<Citation> find_citations(const Catalog& catalog, const Standard& standard,
                                     std::string_view clause,
                                     const std::set<std::string>* frameworks = nullptr);

}  // namespace cyberframe::core
