#pragma once
// Crosswalks ("assess once, comply many"): relationships between the nodes or clauses of two
// catalogs, composed across chains of mapping sets with a relationship algebra that never claims
// more than the chain supports (docs/crosswalks.md has the table and one line of reasoning per
// cell), and the projection of an assessed profile onto another framework.
//
// The engine composes three kinds of mapping sets, each usable in both directions (the inverse of
// subset-of is superset-of and back; the others are symmetric):
// - the catalog's mapping sets (typed crosswalks and edition mappings);
// - the organization's workspace mapping sets (given by the caller, already validated);
// - sets derived inside the engine, never added to the Catalog: every framework's node references
//   (node intersects-with the cited clause: a reference says the clause supports the outcome, not
//   that it covers it) and every standard's annex mirror (ISO/IEC 27001 A.x equivalent to
//   ISO/IEC 27002 x). References to a whole standard (no clause) are not edges.
//
// No I/O. Threading: a CrosswalkEngine may be shared by threads; crosswalk() computes a pair once
// (under a lock) and hands out the cached, immutable result afterwards.

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/catalog.hpp"
#include "core/profile.hpp"
#include "util/result.hpp"

namespace cyberframe::core {

// subset-of <-> superset-of; the others are their own inverse.
Relationship inverse(Relationship relationship);

// What a R1 b and b R2 c say about a and c: the relationship, or nullopt when the chain supports
// no claim. The full 6x6 table is in docs/crosswalks.md.
std::optional<Relationship> compose(Relationship first, Relationship second);

// Rank of a claim when several paths justify one pair: equal 6, equivalent 5, subset-of and
// superset-of 4, intersects-with 3, no-relationship 1.
int strength(Relationship relationship);

// Two claims proven about the same pair by different paths, taken together: subset-of and
// superset-of prove equivalent; otherwise the stronger one (both are true; the stronger says more).
// no-relationship with any positive claim is a contradiction: the positive claim is returned, and
// the caller flags the conflict.
Relationship combine(Relationship a, Relationship b);

// Where the mapping set of a hop comes from.
enum class SetOrigin {
  k_catalog,     // a mapping set of the catalog
  k_workspace,   // a mapping set of the organization's workspace
  k_references,  // derived from a framework's node references
  k_annex,       // derived from a standard's annex mirror
};
std::string_view to_string(SetOrigin origin);

// One step of a path: `from_node` of `from_catalog` has `relationship` (read in the direction of
// travel) to `to_node` of `to_catalog`, by `mapping_set`, read backwards when `inverse`.
struct Hop {
  std::string mapping_set;
  SetOrigin origin = SetOrigin::k_catalog;
  bool inverse = false;
  std::string from_catalog;
  std::string from_node;
  std::string to_catalog;
  std::string to_node;  // empty for a stated no-relationship (no counterpart)
  Relationship relationship = Relationship::k_equal;
  std::string rationale;
};

struct Claim {
  Relationship relationship = Relationship::k_equal;
  std::vector<Hop> path;
};

// One node-to-node relationship between the two catalogs.
struct CrosswalkEntry {
  std::string source;  // node or clause of `from`
  std::string target;  // node or clause of `to`; empty: the source is stated to have no counterpart
  Relationship relationship = Relationship::k_equal;
  std::vector<Hop> path;      // the path that justifies the claim (the shortest of the strongest)
  std::vector<Claim> others;  // the other paths' claims, strongest first (at most max_alternatives)
  std::size_t paths = 1;      // how many paths reached this pair in all
  bool conflict = false;      // a path says no-relationship and another a positive relationship
};

struct Crosswalk {
  CatalogItemRef from;
  CatalogItemRef to;
  // Sorted by the source's document order, then the target's.
  std::vector<CrosswalkEntry> entries;
  std::size_t chains = 0;  // chains of catalogs explored (for the docs' cost figures)

  // The entries of one source node (a contiguous range of `entries`).
  std::vector<const CrosswalkEntry*> of(std::string_view source) const;
};

// Whether `node` names a node of the framework, or a clause of the standard (any clause of a
// standard without a clause list), that `item` refers to: what a crosswalk's node filter accepts.
bool has_node(const Catalog& catalog, const CatalogItemRef& item, std::string_view node);

struct CrosswalkOptions {
  int max_hops = 6;                  // longest chain of mapping sets followed
  std::size_t max_alternatives = 5;  // other paths kept per entry
};

class CrosswalkEngine {
 public:
  // REQUIRES: `catalog` outlives the engine; `workspace_sets` were checked with
  // validate_mapping_set (their ids must not clash with the catalog's).
  CrosswalkEngine(const Catalog& catalog, std::vector<MappingSet> workspace_sets,
                  CrosswalkOptions options = {});
  ~CrosswalkEngine();
  CrosswalkEngine(const CrosswalkEngine&) = delete;
  CrosswalkEngine& operator=(const CrosswalkEngine&) = delete;

  // The crosswalk from one framework or standard (by id) to another. Computed on first use and
  // cached; k_not_found for an unknown id, k_invalid_input when `from` and `to` are the same.
  util::Result<std::shared_ptr<const Crosswalk>> crosswalk(std::string_view from,
                                                           std::string_view to) const;

  // A framework or standard id as a catalog reference, or nullopt.
  std::optional<CatalogItemRef> resolve(std::string_view id) const;

  // The workspace sets the engine was built with.
  const std::vector<MappingSet>& workspace_sets() const;
  // How many mapping sets the engine composes, by origin.
  std::map<SetOrigin, std::size_t> set_counts() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

// "iso-tr-27103-2018 ID.AM-1 -[intersects-with]-> iso-iec-27002-2013 8.1.1 -[subset-of]-> ...".
std::string path_to_string(const std::vector<Hop>& path);

// Checks a mapping set against the catalog: its id (plain id, not a catalog id), title, both ends
// exist and differ, every mapping's source and targets exist in their catalog, no-relationship has
// no target and the others at least one, rationale at most 2,000 characters. The error names the
// mapping (by position and source) and the field.
util::Result<void> validate_mapping_set(const Catalog& catalog, const MappingSet& set);
// One mapping of `set` (whose ends are known to exist).
util::Result<void> validate_mapping(const Catalog& catalog, const MappingSet& set,
                                    const Mapping& mapping);

// --- projection -------------------------------------------------------------------------------

enum class ProjectionOutcome {
  k_projected,       // a source covers the node (equal, equivalent, superset-of): its level
  k_partial,         // only partial sources (subset-of, intersects-with): provisional, at most
                     // the lowest of their levels
  k_not_applicable,  // every covering source is not applicable
  k_no_claim,        // no assessed source has a relationship the algebra supports: unassessed
  k_kept_direct,     // assessed directly in the destination: never overwritten; its own level
};
std::string_view to_string(ProjectionOutcome outcome);

struct ProjectionSource {
  std::string node;
  Relationship relationship = Relationship::k_equal;
  std::optional<int> level;
  bool not_applicable = false;
  std::vector<Hop> path;
};

struct ProjectedNode {
  std::string node;
  ProjectionOutcome outcome = ProjectionOutcome::k_no_claim;
  std::optional<int> level;
  bool not_applicable = false;
  std::vector<ProjectionSource> sources;  // the assessed sources considered, covering ones first
  std::string explanation;                // one paragraph a reviewer can follow
};

struct Projection {
  std::string from_framework;
  std::string to_framework;
  std::vector<ProjectedNode> nodes;  // every leaf node of the destination, document order
  std::map<ProjectionOutcome, std::size_t> counts;
};

// Projects `source` (the assessments of a profile on crosswalk.from) onto the leaf nodes of
// crosswalk.to. `directly_assessed` are destination nodes that hold a level or N/A not written by
// a projection: they come out as k_kept_direct with that level or N/A, whatever the sources say.
// Rules
// (docs/crosswalks.md): covering sources with a level give the lowest of their levels; else
// covering sources all N/A give N/A; else partial sources with a level give the lowest of their
// levels, flagged partial; else no claim.
Projection project(const Catalog& catalog, const Crosswalk& crosswalk,
                   const std::map<std::string, NodeAssessment>& source,
                   const std::map<std::string, NodeAssessment>& directly_assessed);

// The assessments of the destination nodes a profile holds a level or N/A for that no projection
// wrote: what project() must keep. `projected` are the nodes an earlier projection wrote
// (Store::projected_nodes).
std::map<std::string, NodeAssessment> directly_assessed(
    const std::map<std::string, NodeAssessment>& destination,
    const std::set<std::string>& projected);

// The rows a projection writes into the destination profile: every projected, partial or N/A
// node, and every node an earlier projection wrote that now has no claim (cleared), except rows
// that would not change. Each row keeps the stored owner and priority, carries the stored version
// (0 when never stored) for the store's concurrency check, and notes that say where the value
// came from: "Projected from SOURCE_LABEL: EXPLANATION. Path: ...". Partial ones say provisional.
std::vector<NodeAssessment> projection_rows(
    const Projection& projection, const std::map<std::string, NodeAssessment>& destination,
    const std::set<std::string>& projected, const std::string& source_label);

}  // namespace cyberframe::core
