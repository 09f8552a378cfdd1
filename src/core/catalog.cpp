#include "core/catalog.hpp"

#include <array>
#include <cctype>
#include <utility>

#include "util/text.hpp"

namespace cyberframe::core {

namespace {

template <typename Enum, std::size_t N>
std::optional<Enum> parse_from(const std::array<std::pair<Enum, std::string_view>, N>& table,
                               std::string_view text) {
  for (const auto& [value, name] : table) {
    if (name == text) return value;
  }
  return std::nullopt;
}

template <typename Enum, std::size_t N>
std::string_view name_of(const std::array<std::pair<Enum, std::string_view>, N>& table,
                         Enum value) {
  for (const auto& [v, name] : table) {
    if (v == value) return name;
  }
  return "?";
}

constexpr std::array<std::pair<Level, std::string_view>, 4> k_levels{{
    {Level::k_function, "function"},
    {Level::k_category, "category"},
    {Level::k_subcategory, "subcategory"},
    {Level::k_statement, "statement"},
}};

constexpr std::array<std::pair<Assess, std::string_view>, 2> k_assess{{
    {Assess::k_outcomes, "outcomes"},
    {Assess::k_requirements, "requirements"},
}};

constexpr std::array<std::pair<Method, std::string_view>, 4> k_methods{{
    {Method::k_transcribed, "transcribed"},
    {Method::k_derived, "derived"},
    {Method::k_user_authored, "user-authored"},
    {Method::k_authored, "authored"},
}};

constexpr std::array<std::pair<Relationship, std::string_view>, 6> k_relationships{{
    {Relationship::k_equal, "equal"},
    {Relationship::k_equivalent, "equivalent"},
    {Relationship::k_subset_of, "subset-of"},
    {Relationship::k_superset_of, "superset-of"},
    {Relationship::k_intersects_with, "intersects-with"},
    {Relationship::k_no_relationship, "no-relationship"},
}};

constexpr std::array<std::pair<ChangeKind, std::string_view>, 6> k_change_kinds{{
    {ChangeKind::k_same_number, "same-number"},
    {ChangeKind::k_renumbered, "renumbered"},
    {ChangeKind::k_merged, "merged"},
    {ChangeKind::k_split, "split"},
    {ChangeKind::k_no_successor, "no-successor"},
    {ChangeKind::k_repointed, "repointed"},
}};

}  // namespace

std::string_view to_string(Level level) {
  return name_of(k_levels, level);
}
std::optional<Level> parse_level(std::string_view text) {
  return parse_from(k_levels, text);
}
Level child_level(Level parent) {
  switch (parent) {
    case Level::k_function:
      return Level::k_category;
    case Level::k_category:
      return Level::k_subcategory;
    case Level::k_subcategory:
    case Level::k_statement:
      return Level::k_statement;
  }
  return Level::k_statement;
}

std::string_view to_string(Assess assess) {
  return name_of(k_assess, assess);
}
std::optional<Assess> parse_assess(std::string_view text) {
  return parse_from(k_assess, text);
}

bool assessed_directly(const Framework& framework, const Node& node) {
  if (node.level == Level::k_function) return false;
  if (framework.assess == Assess::k_outcomes) {
    return node.level == Level::k_subcategory ||
           (node.level == Level::k_category && node.children.empty());
  }
  for (const auto& c : node.children) {
    if (c.level == Level::k_statement) return false;  // its items are assessed instead
  }
  // A selection keeps statements only under chosen nodes; other kept nodes are ancestors.
  if (framework.selection && node.level != Level::k_statement)
    return framework.selection->nodes.contains(node.id);
  return true;
}

std::string_view to_string(Method method) {
  return name_of(k_methods, method);
}
std::optional<Method> parse_method(std::string_view text) {
  return parse_from(k_methods, text);
}
std::string_view to_string(Relationship relationship) {
  return name_of(k_relationships, relationship);
}
std::optional<Relationship> parse_relationship(std::string_view text) {
  return parse_from(k_relationships, text);
}
std::string_view to_string(ChangeKind kind) {
  return name_of(k_change_kinds, kind);
}

const Clause* Standard::find_clause(std::string_view clause_id) const {
  for (const auto& clause : clauses) {
    if (clause.id == clause_id) return &clause;
  }
  return nullptr;
}

void Catalog::add(Framework framework) {
  auto id = framework.id;
  m_frameworks.insert_or_assign(std::move(id), std::move(framework));
}

void Catalog::add(Standard standard) {
  auto id = standard.id;
  m_standards.insert_or_assign(std::move(id), std::move(standard));
}

void Catalog::add(MappingSet mapping_set) {
  auto id = mapping_set.id;
  m_mapping_sets.insert_or_assign(std::move(id), std::move(mapping_set));
}

void Catalog::add(CatalogRiskCriteria criteria) {
  auto id = criteria.id;
  m_criteria.insert_or_assign(std::move(id), std::move(criteria));
}

void Catalog::add(CatalogThreatCatalogue catalogue) {
  auto id = catalogue.id;
  m_threat_catalogues.insert_or_assign(std::move(id), std::move(catalogue));
}

const RiskCriteria* Catalog::risk_criteria(std::string_view id) const {
  auto it = m_criteria.find(std::string(id));
  return it == m_criteria.end() ? nullptr : &it->second.criteria;
}

std::vector<const RiskCriteria*> Catalog::risk_criteria_list() const {
  std::vector<const RiskCriteria*> out;
  for (const auto& [id, c] : m_criteria) out.push_back(&c.criteria);
  return out;
}

const CatalogThreatCatalogue* Catalog::threat_catalogue(std::string_view id) const {
  auto it = m_threat_catalogues.find(std::string(id));
  return it == m_threat_catalogues.end() ? nullptr : &it->second;
}

const Threat* Catalog::threat(std::string_view id) const {
  auto it = m_threats.find(id);
  return it == m_threats.end() ? nullptr : it->second;
}

void Catalog::index() {
  m_nodes.clear();
  m_threats.clear();
  for (const auto& [id, c] : m_threat_catalogues)
    for (const auto& t : c.catalogue.threats) m_threats.emplace(t.id, &t);
  for (const auto& [id, framework] : m_frameworks) {
    auto& entries = m_nodes[id];
    auto walk = [&entries](auto& self, const std::vector<Node>& nodes, const Node* parent) -> void {
      for (const auto& node : nodes) {
        entries.emplace(node.id, NodeEntry{&node, parent});
        self(self, node.children, &node);
      }
    };
    walk(walk, framework.nodes, nullptr);
  }
  m_edition_from.clear();
  m_edition_to.clear();
  for (const auto& [id, set] : m_mapping_sets) {
    if (set.purpose != Purpose::k_edition) continue;
    if (set.source.kind != CatalogItemRef::Kind::k_standard) continue;
    m_edition_from.emplace(set.source.id, &set);
    m_edition_to.emplace(set.target.id, &set);
  }
}

const Framework* Catalog::framework(std::string_view id) const {
  auto it = m_frameworks.find(std::string(id));
  return it == m_frameworks.end() ? nullptr : &it->second;
}

const Standard* Catalog::standard(std::string_view id) const {
  auto it = m_standards.find(std::string(id));
  return it == m_standards.end() ? nullptr : &it->second;
}

const MappingSet* Catalog::mapping_set(std::string_view id) const {
  auto it = m_mapping_sets.find(std::string(id));
  return it == m_mapping_sets.end() ? nullptr : &it->second;
}

const Standard* Catalog::find_standard(std::string_view id_or_designation) const {
  if (const auto* s = standard(id_or_designation)) return s;
  auto key = designation_key(id_or_designation);
  for (const auto& [id, standard] : m_standards) {
    if (designation_key(standard.designation) == key || designation_key(id) == key)
      return &standard;
  }
  return nullptr;
}

const Node* Catalog::node(std::string_view framework_id, std::string_view node_id) const {
  auto fw = m_nodes.find(framework_id);
  if (fw == m_nodes.end()) return nullptr;
  auto it = fw->second.find(node_id);
  return it == fw->second.end() ? nullptr : it->second.node;
}

const Node* Catalog::parent(std::string_view framework_id, std::string_view node_id) const {
  auto fw = m_nodes.find(framework_id);
  if (fw == m_nodes.end()) return nullptr;
  auto it = fw->second.find(node_id);
  return it == fw->second.end() ? nullptr : it->second.parent;
}

std::vector<const Node*> Catalog::nodes_in_order(std::string_view framework_id) const {
  std::vector<const Node*> out;
  const auto* fw = framework(framework_id);
  if (fw == nullptr) return out;
  auto walk = [&out](auto& self, const std::vector<Node>& nodes) -> void {
    for (const auto& node : nodes) {
      out.push_back(&node);
      self(self, node.children);
    }
  };
  walk(walk, fw->nodes);
  return out;
}

const MappingSet* Catalog::edition_mapping_from(std::string_view standard_id) const {
  auto it = m_edition_from.find(standard_id);
  return it == m_edition_from.end() ? nullptr : it->second;
}

const MappingSet* Catalog::edition_mapping_to(std::string_view standard_id) const {
  auto it = m_edition_to.find(standard_id);
  return it == m_edition_to.end() ? nullptr : it->second;
}

std::string designation_key(std::string_view designation) {
  std::string out;
  for (char c : designation) {
    if (std::isspace(static_cast<unsigned char>(c))) continue;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

std::string parent_clause(std::string_view clause_id) {
  auto pos = clause_id.rfind('.');
  if (pos == std::string_view::npos) return {};
  return std::string(clause_id.substr(0, pos));
}

bool clause_within(std::string_view clause, std::string_view ancestor) {
  if (ancestor.empty() || clause.size() <= ancestor.size()) return false;
  return clause.substr(0, ancestor.size()) == ancestor && clause[ancestor.size()] == '.';
}

}  // namespace cyberframe::core
