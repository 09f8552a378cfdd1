#pragma once
// The reference catalog: frameworks (trees of nodes), standards (with clause lists) and mapping
// sets (typed relationships between two catalogs). Plain values, no I/O: the catalog/ folder reads
// them from files, the store and the server hand them out.
//
// Threading: a Catalog is immutable once built (Catalog::build); any number of threads may read it.

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/risk.hpp"
#include "util/result.hpp"

namespace cyberframe::core {

// Where a value came from in a catalog file; line and column are 1-based, 0 when unknown.
struct Location {
  std::string file;
  int line = 0;
  int column = 0;
};

enum class Level { k_function, k_category, k_subcategory, k_statement };
std::string_view to_string(Level level);
std::optional<Level> parse_level(std::string_view text);
// The level a child of a node at `parent` must have.
Level child_level(Level parent);

// k_authored: written by the product's authors, not taken from a source (the built-in risk
// criteria); only risk criteria files may say so.
enum class Method { k_transcribed, k_derived, k_user_authored, k_authored };
std::string_view to_string(Method method);
std::optional<Method> parse_method(std::string_view text);

struct Provenance {
  std::string source;
  std::string edition;
  std::string tables;
  std::string licence;  // the terms the content is carried under (built-in content must say)
  Method method = Method::k_transcribed;
  std::string notes;
};

// A node's citation of a standard: one clause, or the whole standard when `clause` is empty.
struct Reference {
  std::string standard;  // catalog id of the standard
  std::string clause;    // clause id, empty for the whole standard
  bool all_parts = false;
  std::string printed;  // the designation as the source prints it, when it differs (a misprint)
  std::string note;
  Location location;

  bool operator==(const Reference& other) const {
    return standard == other.standard && clause == other.clause && all_parts == other.all_parts;
  }
};

struct Node {
  std::string id;
  Level level = Level::k_function;
  std::string title;
  std::string description;
  std::string source;
  std::string notes;
  std::vector<Reference> references;
  std::vector<std::string> activities;
  std::vector<std::string> inputs;
  std::vector<std::string> outputs;
  // Named lists of one-line text the framework attaches to a node, for records that use them
  // (ISO/IEC 27001 clauses: "documented-information"). Names are lowercase words joined by '-';
  // each list is non-empty and keeps the file's order.
  std::map<std::string, std::vector<std::string>> properties;
  std::vector<Node> children;
  Location location;
};

enum class Conformance { k_ts_27110, k_none };

// Which nodes of a framework a profile assesses (docs/catalog-format.md, "What is assessed").
// Outcomes (NIST CSF, TR 27103): functions and categories group, subcategories state the outcomes
// (and a category without subcategories is assessed itself); a subcategory's statements are
// detail. Requirements (SP 800-53, SP 800-171): every node below a function states a requirement
// and is assessed itself (a control, an enhancement nested under its control), unless its text
// is split into statements (its items a, b, ...), which are then assessed instead.
enum class Assess { k_outcomes, k_requirements };
std::string_view to_string(Assess assess);
std::optional<Assess> parse_assess(std::string_view text);

// How a derived framework's reference changed from its source framework.
enum class ChangeKind {
  k_same_number,   // same clause id in the new edition
  k_renumbered,    // one new clause with another id
  k_merged,        // several old clauses of the node land on one new clause
  k_split,         // one old clause (or a section) becomes several new clauses
  k_no_successor,  // the mapping gives no successor: the old reference is kept
  k_repointed,     // a whole-standard reference moved to the new edition
};
std::string_view to_string(ChangeKind kind);

struct ReferenceChange {
  std::string node;
  Reference before;
  std::vector<Reference> after;
  ChangeKind kind = ChangeKind::k_same_number;
  std::string mapping_set;  // the mapping set that justified it, empty for none
  std::string explanation;
};

struct Derivation {
  std::string from;
  std::vector<std::string> through;
  std::vector<ReferenceChange> changes;
  Location location;
};

// A framework made of chosen nodes of another (an SP 800-53 baseline): the chosen nodes with
// their statements, and their ancestors as structure only (not assessed).
struct Selection {
  std::string from;
  std::set<std::string, std::less<>> nodes;
  Location location;
};

struct Framework {
  std::string id;
  std::string title;
  std::string short_title;
  std::string version;
  std::string publisher;
  std::string description;
  Conformance conformance = Conformance::k_ts_27110;
  Assess assess = Assess::k_outcomes;
  Provenance provenance;
  std::vector<Node> nodes;
  std::optional<Derivation> derivation;
  std::optional<Selection> selection;
  Location location;
};

struct Clause {
  std::string id;
  std::string title;
  std::string type;  // clause, section, objective, control, annex
};

struct Annex {
  std::string prefix;
  std::string mirrors;  // standard whose clauses, prefixed, form the annex
  // Titles the annex words differently from the mirrored standard, by annex clause id
  // ("A.8.1" -> "User end point devices": 27001's Table A.1 against 27002's clause title).
  std::map<std::string, std::string> titles;
  Location location;
};

struct Standard {
  std::string id;
  std::string designation;
  std::string title;
  std::string publisher;
  std::string edition;
  bool multipart = false;
  std::string superseded_by;
  Provenance provenance;
  bool has_clause_list = false;  // false: open, any clause may be cited
  std::vector<Clause> clauses;   // document order, including those made from `annex`
  std::optional<Annex> annex;
  Location location;

  const Clause* find_clause(std::string_view clause_id) const;
};

enum class Relationship {
  k_equal,
  k_equivalent,
  k_subset_of,
  k_superset_of,
  k_intersects_with,
  k_no_relationship,
};
std::string_view to_string(Relationship relationship);
std::optional<Relationship> parse_relationship(std::string_view text);

struct CatalogItemRef {
  enum class Kind { k_standard, k_framework };
  Kind kind = Kind::k_standard;
  std::string id;
};

struct Mapping {
  std::string source;
  std::vector<std::string> targets;  // empty for no-relationship
  Relationship relationship = Relationship::k_equivalent;
  std::string rationale;
  Location location;
};

enum class Purpose { k_edition, k_crosswalk };

struct MappingSet {
  std::string id;
  std::string title;
  CatalogItemRef source;
  CatalogItemRef target;
  Purpose purpose = Purpose::k_crosswalk;
  Provenance provenance;
  std::vector<Mapping> mappings;
  Location location;
};

// A set of risk criteria of the catalog (catalog/risk/*.yaml): built in, version 1, read-only; an
// organization copies one to make its own.
struct CatalogRiskCriteria {
  std::string id;
  RiskCriteria criteria;
  Provenance provenance;
  Location location;
};

// A catalogue of threats (catalog/risk/threats-*.yaml): the threats, the categories they fall in
// (the threat-source types: adversarial, accidental, structural, environmental) and the groups
// the source lists them in (an adversary's tactic: reconnaissance, delivery, ...).
struct ThreatCategory {
  std::string id;  // a threat's `category`
  std::string name;
  std::string description;
};
struct ThreatGroup {
  std::string id;
  std::string title;
  std::vector<std::string> threats;  // ids, in the source's order
};
struct CatalogThreatCatalogue {
  std::string id;
  ThreatCatalogue catalogue;
  std::vector<ThreatCategory> categories;
  std::vector<ThreatGroup> groups;
  Provenance provenance;
  Location location;
};

// The whole catalog with look-up indexes. Built once; then read-only.
class Catalog {
 public:
  Catalog() = default;
  Catalog(const Catalog&) = delete;
  Catalog& operator=(const Catalog&) = delete;
  Catalog(Catalog&&) = default;
  Catalog& operator=(Catalog&&) = default;

  // Adds items; call index() after the last add. Ids must be unique (the loader checks).
  void add(Framework framework);
  void add(Standard standard);
  void add(MappingSet mapping_set);
  void add(CatalogRiskCriteria criteria);
  void add(CatalogThreatCatalogue catalogue);
  // Builds the node and clause indexes. REQUIRES: no add() after this.
  void index();

  const std::map<std::string, Framework>& frameworks() const { return m_frameworks; }
  const std::map<std::string, Standard>& standards() const { return m_standards; }
  const std::map<std::string, MappingSet>& mapping_sets() const { return m_mapping_sets; }

  // Risk criteria and threat catalogues, by id.
  const std::map<std::string, CatalogRiskCriteria>& criteria_sets() const { return m_criteria; }
  const std::map<std::string, CatalogThreatCatalogue>& threat_catalogues() const {
    return m_threat_catalogues;
  }
  const RiskCriteria* risk_criteria(std::string_view id) const;
  // Every set of risk criteria, by id.
  std::vector<const RiskCriteria*> risk_criteria_list() const;
  const CatalogThreatCatalogue* threat_catalogue(std::string_view id) const;
  // A threat of any catalogue by its id ("sp800-30:E2-01"), or nullptr.
  const Threat* threat(std::string_view id) const;

  const Framework* framework(std::string_view id) const;
  const Standard* standard(std::string_view id) const;
  const MappingSet* mapping_set(std::string_view id) const;
  // A standard by id or by designation ("ISO/IEC 27002:2022"), case-insensitive, spaces ignored.
  const Standard* find_standard(std::string_view id_or_designation) const;
  const Node* node(std::string_view framework_id, std::string_view node_id) const;
  // The parent of a node, or nullptr for a function.
  const Node* parent(std::string_view framework_id, std::string_view node_id) const;
  // Every node of a framework in document (depth-first) order.
  std::vector<const Node*> nodes_in_order(std::string_view framework_id) const;

  // The edition mapping set from `standard_id` to its successor, or nullptr.
  const MappingSet* edition_mapping_from(std::string_view standard_id) const;
  const MappingSet* edition_mapping_to(std::string_view standard_id) const;

 private:
  std::map<std::string, Framework> m_frameworks;
  std::map<std::string, Standard> m_standards;
  std::map<std::string, MappingSet> m_mapping_sets;
  std::map<std::string, CatalogRiskCriteria> m_criteria;
  std::map<std::string, CatalogThreatCatalogue> m_threat_catalogues;
  std::map<std::string, const Threat*, std::less<>> m_threats;
  struct NodeEntry {
    const Node* node;
    const Node* parent;
  };
  std::map<std::string, std::map<std::string, NodeEntry, std::less<>>, std::less<>> m_nodes;
  std::map<std::string, const MappingSet*, std::less<>> m_edition_from;
  std::map<std::string, const MappingSet*, std::less<>> m_edition_to;
};

// True when a profile assesses `node` itself (a leaf of the roll-up; see Assess): with outcomes,
// a subcategory or a category without children; with requirements, any node below a function
// without statement children that, in a selection, was chosen or is a statement of a chosen node.
// REQUIRES: `node` belongs to `framework`.
bool assessed_directly(const Framework& framework, const Node& node);

// Normalises a designation for comparison: lowercase, without spaces ("ISO/IEC 27001: 2013").
std::string designation_key(std::string_view designation);

// The clause id's parent ("5.1.1" -> "5.1", "A.5" -> "A", "5" -> "").
std::string parent_clause(std::string_view clause_id);
// True when `clause` lies within `ancestor` ("12.6.1" within "12"), excluding equality.
bool clause_within(std::string_view clause, std::string_view ancestor);

}  // namespace cyberframe::core
