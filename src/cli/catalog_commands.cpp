// `cyberframe catalog ...`: list, show, export, refs, check, diff, validate.

#include <CLI/CLI.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <memory>
#include <ostream>
#include <sstream>

#include "catalog/conformance.hpp"
#include "catalog/loader.hpp"
#include "catalog/writer.hpp"
#include "cli/cli.hpp"
#include "cli/output.hpp"
#include "core/diff.hpp"
#include "core/lookup.hpp"
#include "util/text.hpp"

namespace cyberframe::cli {

namespace {

using nlohmann::json;

struct Context {
  const CatalogOptions& options;
  std::ostream& out;
  std::ostream& err;
};

// Loads the catalog the options name; prints the diagnostics and returns nullopt when it is broken.
std::optional<catalog::LoadResult> load_catalog(const Context& ctx) {
  auto result = catalog::load(ctx.options.directory, ctx.options.files());
  if (!result.ok()) {
    for (const auto& d : result.diagnostics) ctx.err << d.to_string() << '\n';
    ctx.err << "cyberframe: error: the catalog"
            << (ctx.options.directory.empty() ? " built into this binary"
                                              : " in " + ctx.options.directory)
            << " has errors (" << result.rejected_files.size() << " file(s) rejected)\n";
    return std::nullopt;
  }
  return result;
}

int bad_input(const Context& ctx, const std::string& message) {
  ctx.err << "cyberframe: error: " << message << '\n';
  return k_exit_bad_input;
}

struct Counts {
  std::size_t function = 0, category = 0, subcategory = 0, statement = 0;
};

Counts count_nodes(const core::Catalog& cat, const std::string& framework_id) {
  Counts c;
  for (const auto* n : cat.nodes_in_order(framework_id)) {
    switch (n->level) {
      case core::Level::k_function:
        ++c.function;
        break;
      case core::Level::k_category:
        ++c.category;
        break;
      case core::Level::k_subcategory:
        ++c.subcategory;
        break;
      case core::Level::k_statement:
        ++c.statement;
        break;
    }
  }
  return c;
}

std::string provenance_line(const core::Provenance& p) {
  std::string s = std::string(core::to_string(p.method)) + " from " + p.source;
  if (!p.edition.empty() && p.source.find(p.edition) == std::string::npos)
    s += " (" + p.edition + ")";
  if (!p.tables.empty()) s += "; " + p.tables;
  if (!p.licence.empty()) s += "; licence: " + p.licence;
  return s;
}

std::string item_ref_label(const core::CatalogItemRef& r) {
  return r.id;
}

std::string node_text(const core::Node& n) {
  if (!n.title.empty() && !n.description.empty() && n.level != core::Level::k_function &&
      n.level != core::Level::k_category)
    return n.title + ": " + n.description;
  return n.title.empty() ? n.description : n.title;
}

std::string clause_title(const core::Catalog& cat, const core::Reference& r) {
  if (r.clause.empty()) return "";
  const auto* s = cat.standard(r.standard);
  if (s == nullptr) return "";
  const auto* c = s->find_clause(r.clause);
  return c ? c->title : "";
}

// --- list -----------------------------------------------------------------------------------

int cmd_list(const Context& ctx, Format format, const std::string& kind) {
  auto loaded = load_catalog(ctx);
  if (!loaded) return k_exit_bad_input;
  const auto& cat = loaded->catalog;
  bool want_fw = kind.empty() || kind == "framework";
  bool want_std = kind.empty() || kind == "standard";
  bool want_map = kind.empty() || kind == "mapping-set";
  bool want_criteria = kind.empty() || kind == "risk-criteria";
  bool want_threats = kind.empty() || kind == "threat-catalogue";

  Table frameworks(
      {"ID", "FUNCTIONS", "CATEGORIES", "SUBCATEGORIES", "STATEMENTS", "METHOD", "TITLE"});
  json jf = json::array();
  for (const auto& [id, fw] : cat.frameworks()) {
    auto c = count_nodes(cat, id);
    frameworks.add({id, std::to_string(c.function), std::to_string(c.category),
                    std::to_string(c.subcategory), std::to_string(c.statement),
                    std::string(core::to_string(fw.provenance.method)), fw.title});
    jf.push_back(json{{"id", id},
                      {"title", fw.title},
                      {"functions", c.function},
                      {"categories", c.category},
                      {"subcategories", c.subcategory},
                      {"statements", c.statement},
                      {"method", std::string(core::to_string(fw.provenance.method))},
                      {"derived_from", fw.derivation ? json(fw.derivation->from) : json(nullptr)}});
  }
  Table standards({"ID", "DESIGNATION", "CLAUSES", "TITLE"});
  json js = json::array();
  for (const auto& [id, s] : cat.standards()) {
    auto clauses = s.has_clause_list ? std::to_string(s.clauses.size()) : std::string("open");
    standards.add({id, s.designation, clauses, s.title});
    js.push_back(
        json{{"id", id},
             {"designation", s.designation},
             {"title", s.title},
             {"clauses", s.has_clause_list ? json(s.clauses.size()) : json(nullptr)},
             {"superseded_by", s.superseded_by.empty() ? json(nullptr) : json(s.superseded_by)}});
  }
  Table mappings({"ID", "SOURCE", "TARGET", "PURPOSE", "MAPPINGS", "TITLE"});
  json jm = json::array();
  for (const auto& [id, m] : cat.mapping_sets()) {
    auto purpose = m.purpose == core::Purpose::k_edition ? "edition" : "crosswalk";
    mappings.add({id, item_ref_label(m.source), item_ref_label(m.target), purpose,
                  std::to_string(m.mappings.size()), m.title});
    jm.push_back(json{{"id", id},
                      {"title", m.title},
                      {"source", m.source.id},
                      {"target", m.target.id},
                      {"purpose", purpose},
                      {"mappings", m.mappings.size()}});
  }
  Table criteria({"ID", "VERSION", "MATRIX", "LEVELS", "CONSEQUENCE TYPES", "NAME"});
  json jc = json::array();
  for (const auto& [id, entry] : cat.criteria_sets()) {
    const auto& c = entry.criteria;
    std::vector<std::string> levels;
    for (const auto& l : c.levels) levels.push_back(l.id);
    auto matrix = std::to_string(c.likelihoods()) + "x" + std::to_string(c.consequences());
    criteria.add({id, std::to_string(c.version), matrix, util::join(levels, ", "),
                  std::to_string(c.consequence_types.size()), c.name});
    jc.push_back(json{{"id", id},
                      {"name", c.name},
                      {"version", c.version},
                      {"likelihoods", c.likelihoods()},
                      {"consequences", c.consequences()},
                      {"levels", levels},
                      {"consequence_types", c.consequence_types.size()},
                      {"method", std::string(core::to_string(entry.provenance.method))}});
  }
  Table threats({"ID", "CATEGORIES", "THREATS", "METHOD", "TITLE"});
  json jt = json::array();
  for (const auto& [id, tc] : cat.threat_catalogues()) {
    threats.add({id, std::to_string(tc.categories.size()),
                 std::to_string(tc.catalogue.threats.size()),
                 std::string(core::to_string(tc.provenance.method)), tc.catalogue.title});
    jt.push_back(json{{"id", id},
                      {"title", tc.catalogue.title},
                      {"categories", tc.categories.size()},
                      {"threats", tc.catalogue.threats.size()},
                      {"method", std::string(core::to_string(tc.provenance.method))}});
  }
  switch (format) {
    case Format::k_text: {
      bool first = true;
      auto section = [&](bool wanted, const char* title, const Table& table) {
        if (!wanted) return;
        if (!first) ctx.out << '\n';
        first = false;
        ctx.out << title << " (" << table.size() << ")\n";
        table.print(ctx.out, "  ");
      };
      section(want_fw, "Frameworks", frameworks);
      section(want_std, "Standards", standards);
      section(want_map, "Mapping sets", mappings);
      section(want_criteria, "Risk criteria", criteria);
      section(want_threats, "Threat catalogues", threats);
      break;
    }
    case Format::k_csv:
      if (kind.empty())
        return bad_input(ctx,
                         "--format csv needs --kind framework, standard, mapping-set, "
                         "risk-criteria or threat-catalogue");
      if (want_fw) frameworks.print_csv(ctx.out);
      if (want_std) standards.print_csv(ctx.out);
      if (want_map) mappings.print_csv(ctx.out);
      if (want_criteria) criteria.print_csv(ctx.out);
      if (want_threats) threats.print_csv(ctx.out);
      break;
    default: {
      json doc = json::object();
      if (want_fw) doc["frameworks"] = jf;
      if (want_std) doc["standards"] = js;
      if (want_map) doc["mapping_sets"] = jm;
      if (want_criteria) doc["risk_criteria"] = jc;
      if (want_threats) doc["threat_catalogues"] = jt;
      print_structured(ctx.out, format, doc);
    }
  }
  return k_exit_ok;
}

// --- show -----------------------------------------------------------------------------------

// Relationships of a node in every mapping set that names its framework.
json node_mappings(const core::Catalog& cat, const std::string& framework_id,
                   const std::string& node_id) {
  json out = json::array();
  for (const auto& [id, set] : cat.mapping_sets()) {
    bool as_source =
        set.source.kind == core::CatalogItemRef::Kind::k_framework && set.source.id == framework_id;
    bool as_target =
        set.target.kind == core::CatalogItemRef::Kind::k_framework && set.target.id == framework_id;
    for (const auto& m : set.mappings) {
      if (as_source && m.source == node_id) {
        json targets = m.targets;
        out.push_back(json{{"mapping_set", id},
                           {"direction", "to"},
                           {"framework", set.target.id},
                           {"nodes", targets},
                           {"relationship", std::string(core::to_string(m.relationship))},
                           {"rationale", m.rationale}});
      }
      if (as_target && std::find(m.targets.begin(), m.targets.end(), node_id) != m.targets.end()) {
        out.push_back(json{{"mapping_set", id},
                           {"direction", "from"},
                           {"framework", set.source.id},
                           {"nodes", json::array({m.source})},
                           {"relationship", std::string(core::to_string(m.relationship))},
                           {"rationale", m.rationale}});
      }
    }
  }
  return out;
}

json node_alignments(const core::Catalog& cat, const std::string& framework_id,
                     const std::string& node_id) {
  json out = json::array();
  for (const auto& [id, fw] : cat.frameworks()) {
    if (!fw.derivation || fw.derivation->from != framework_id) continue;
    const auto* n = cat.node(id, node_id);
    if (n == nullptr) continue;
    json refs = json::array();
    for (const auto& r : n->references) refs.push_back(catalog::reference_to_json(cat, r));
    json changes = json::array();
    for (const auto& c : fw.derivation->changes) {
      if (c.node == node_id) changes.push_back(catalog::change_to_json(cat, c));
    }
    out.push_back(
        json{{"framework", id}, {"title", fw.title}, {"references", refs}, {"changes", changes}});
  }
  return out;
}

void print_references(const Context& ctx, const core::Catalog& cat,
                      const std::vector<core::Reference>& refs, std::string_view indent) {
  Table t({"STANDARD", "CLAUSE", "TITLE"});
  for (const auto& r : refs) {
    auto whole = r;
    whole.clause.clear();  // the clause has a column of its own
    auto label = catalog::reference_label(cat, whole);
    auto title = clause_title(cat, r);
    if (!r.note.empty()) title += (title.empty() ? "" : "; ") + std::string("note: ") + r.note;
    t.add({label, r.clause.empty() ? "-" : r.clause, title});
  }
  t.print(ctx.out, indent);
}

int show_node(const Context& ctx, const core::Catalog& cat, const core::Framework& fw,
              const std::string& node_id, Format format) {
  const auto* node = cat.node(fw.id, node_id);
  if (node == nullptr) {
    return bad_input(ctx, "framework " + fw.id + " has no node '" + node_id +
                              "' (see 'cyberframe catalog show " + fw.id + "')");
  }
  const auto* parent = cat.parent(fw.id, node_id);
  auto mappings = node_mappings(cat, fw.id, node_id);
  auto alignments = node_alignments(cat, fw.id, node_id);
  if (format == Format::k_json || format == Format::k_yaml) {
    auto doc = catalog::node_to_json(cat, *node, false);
    doc["framework"] = fw.id;
    doc["parent"] = parent ? json(parent->id) : json(nullptr);
    json children = json::array();
    for (const auto& c : node->children) children.push_back(c.id);
    doc["children"] = children;
    doc["mappings"] = mappings;
    doc["alignments"] = alignments;
    print_structured(ctx.out, format, doc);
    return k_exit_ok;
  }
  if (format == Format::k_csv) {
    Table t({"STANDARD", "CLAUSE", "STANDARD ID"});
    for (const auto& r : node->references)
      t.add({catalog::reference_label(cat, r), r.clause, r.standard});
    t.print_csv(ctx.out);
    return k_exit_ok;
  }
  ctx.out << node->id << "  " << core::to_string(node->level) << " of " << fw.id;
  if (parent) ctx.out << ", under " << parent->id << " " << parent->title;
  ctx.out << '\n';
  if (!node->title.empty()) ctx.out << "Title:       " << node->title << '\n';
  if (!node->description.empty()) ctx.out << "Description: " << node->description << '\n';
  if (!node->source.empty()) ctx.out << "Source:      " << node->source << '\n';
  if (!node->notes.empty()) ctx.out << "Notes:       " << node->notes << '\n';
  for (const auto& [label, list] :
       {std::pair{"Activities", &node->activities}, std::pair{"Inputs", &node->inputs},
        std::pair{"Outputs", &node->outputs}}) {
    if (list->empty()) continue;
    ctx.out << label << ":\n";
    for (const auto& item : *list) ctx.out << "  - " << item << '\n';
  }
  if (!node->properties.empty()) {
    ctx.out << "Properties:\n";
    for (const auto& [name, values] : node->properties) {
      ctx.out << "  " << name << ":\n";
      for (const auto& v : values) ctx.out << "    - " << v << '\n';
    }
  }
  if (!node->children.empty()) {
    ctx.out << "Children:\n";
    for (const auto& c : node->children) {
      ctx.out << "  " << c.id << "  " << node_text(c) << '\n';
      // A child's properties too: a clause group's documented information is its clauses'.
      for (const auto& [name, values] : c.properties)
        ctx.out << "    " << name << ": " << util::join(values, "; ") << '\n';
    }
  }
  ctx.out << "References (" << node->references.size() << "):\n";
  if (!node->references.empty()) print_references(ctx, cat, node->references, "  ");
  for (const auto& a : alignments) {
    ctx.out << "Aligned in " << a["framework"].get<std::string>() << ":\n";
    if (a["changes"].empty()) ctx.out << "  no reference changed\n";
    for (const auto& c : a["changes"]) {
      std::vector<std::string> after;
      for (const auto& r : c["after"]) {
        after.push_back(r["standard"].get<std::string>() +
                        (r["clause"].is_null() ? "" : " " + r["clause"].get<std::string>()));
      }
      const auto& b = c["before"];
      ctx.out << "  " << b["standard"].get<std::string>()
              << (b["clause"].is_null() ? "" : " " + b["clause"].get<std::string>()) << " -> "
              << (after.empty() ? "(kept)" : util::join(after, ", ")) << "  ["
              << c["kind"].get<std::string>() << "]";
      auto expl = c["explanation"].get<std::string>();
      if (!expl.empty()) ctx.out << "  " << expl;
      ctx.out << '\n';
    }
  }
  if (!mappings.empty()) {
    ctx.out << "Mappings:\n";
    Table t({"MAPPING SET", "RELATIONSHIP", "NODE", "RATIONALE"});
    for (const auto& m : mappings) {
      std::vector<std::string> nodes = m["nodes"].get<std::vector<std::string>>();
      auto rel = m["relationship"].get<std::string>();
      if (m["direction"] == "from") rel = "(from) " + rel;
      t.add({m["mapping_set"].get<std::string>(), rel,
             m["framework"].get<std::string>() + " " + util::join(nodes, ", "),
             m["rationale"].get<std::string>()});
    }
    t.print(ctx.out, "  ");
  }
  return k_exit_ok;
}

// Indents every line of `text` by `indent` (a block of prose under a heading).
std::string indented(const std::string& text, std::string_view indent) {
  std::string out;
  for (const auto& line : util::split(util::trim(text), '\n'))
    out += std::string(indent) + line + "\n";
  return out;
}

int show_criteria(const Context& ctx, const core::CatalogRiskCriteria& entry, Format format) {
  const auto& c = entry.criteria;
  if (format == Format::k_json || format == Format::k_yaml) {
    auto doc = catalog::risk_criteria_to_json(c);
    doc["provenance"] = catalog::provenance_json(entry.provenance);
    print_structured(ctx.out, format, doc);
    return k_exit_ok;
  }
  const auto& first_type = c.consequence_types.front();
  if (format == Format::k_csv) {  // the matrix: one row per likelihood, highest first
    std::vector<std::string> headers{"LIKELIHOOD"};
    for (const auto& p : first_type.points)
      headers.push_back(std::to_string(p.value) + " " + p.name);
    Table t(headers);
    for (int l = c.likelihoods(); l >= 1; --l) {
      std::vector<std::string> row{std::to_string(l) + " " + c.likelihood[l - 1].name};
      for (int k = 1; k <= c.consequences(); ++k) row.push_back(c.level(l, k)->id);
      t.add(row);
    }
    t.print_csv(ctx.out);
    return k_exit_ok;
  }
  ctx.out << c.id << "  " << c.name << " (version " << c.version << ")\n";
  ctx.out << "Provenance: " << provenance_line(entry.provenance) << '\n';
  if (!c.description.empty()) ctx.out << c.description << '\n';

  ctx.out << "\nMatrix (likelihood down, consequence across):\n";
  std::vector<std::string> headers{"LIKELIHOOD"};
  for (const auto& p : first_type.points) headers.push_back(std::to_string(p.value) + " " + p.name);
  Table matrix(headers);
  for (int l = c.likelihoods(); l >= 1; --l) {
    std::vector<std::string> row{std::to_string(l) + " " + c.likelihood[l - 1].name};
    for (int k = 1; k <= c.consequences(); ++k) row.push_back(c.level(l, k)->id);
    matrix.add(row);
  }
  matrix.print(ctx.out, "  ");

  ctx.out << "\nLevels (lowest first):\n";
  Table levels({"ID", "NAME", "COLOUR", "ACCEPTANCE", "REVIEW"});
  for (const auto& l : c.levels)
    levels.add({l.id, l.name, l.colour, std::string(core::to_string(l.acceptance)),
                "every " + std::to_string(l.review_months) + " months"});
  levels.print(ctx.out, "  ");

  ctx.out << "\nLikelihood:\n";
  Table likelihood({"VALUE", "NAME", "MEANING"});
  for (const auto& p : c.likelihood) likelihood.add({std::to_string(p.value), p.name, p.meaning});
  likelihood.print(ctx.out, "  ");

  ctx.out << "\nConsequence types (" << c.consequence_types.size() << "):\n";
  for (const auto& t : c.consequence_types) {
    ctx.out << "  " << t.id << "  " << t.name << '\n';
    for (const auto& p : t.points)
      ctx.out << "    " << p.value << " " << p.name << (p.meaning.empty() ? "" : ": " + p.meaning)
              << '\n';
  }
  if (!c.assessment_criteria.empty())
    ctx.out << "\nAssessment criteria:\n" << indented(c.assessment_criteria, "  ");
  return k_exit_ok;
}

int show_threats(const Context& ctx, const core::CatalogThreatCatalogue& tc,
                 const std::string& threat_id, Format format) {
  if (!threat_id.empty()) {
    auto it = std::find_if(tc.catalogue.threats.begin(), tc.catalogue.threats.end(),
                           [&](const core::Threat& t) { return t.id == threat_id; });
    if (it == tc.catalogue.threats.end())
      return bad_input(ctx, "threat catalogue " + tc.id + " has no threat '" + threat_id +
                                "' (see 'cyberframe catalog show " + tc.id + "')");
    if (format == Format::k_text) {
      ctx.out << it->id << "  " << it->name << '\n';
      ctx.out << "Category:    " << it->category << '\n';
      if (!it->description.empty()) ctx.out << "Description: " << it->description << '\n';
      ctx.out << "Source:      " << it->source << '\n';
    } else {
      print_structured(ctx.out, format,
                       json{{"catalogue", tc.id},
                            {"id", it->id},
                            {"name", it->name},
                            {"category", it->category},
                            {"description", it->description},
                            {"source", it->source}});
    }
    return k_exit_ok;
  }
  if (format == Format::k_json || format == Format::k_yaml) {
    print_structured(ctx.out, format, catalog::threat_catalogue_to_json(tc));
    return k_exit_ok;
  }
  Table t({"ID", "CATEGORY", "NAME"});
  for (const auto& g : tc.groups)
    for (const auto& id : g.threats)
      if (const auto* threat = [&]() -> const core::Threat* {
            for (const auto& x : tc.catalogue.threats)
              if (x.id == id) return &x;
            return nullptr;
          }())
        t.add({threat->id, threat->category, threat->name});
  if (format == Format::k_csv) {
    t.print_csv(ctx.out);
    return k_exit_ok;
  }
  ctx.out << tc.id << "  " << tc.catalogue.title << '\n';
  ctx.out << "Provenance: " << provenance_line(tc.provenance) << '\n';
  ctx.out << tc.catalogue.threats.size() << " threats in " << tc.categories.size()
          << " categories:\n";
  for (const auto& c : tc.categories) {
    auto n = std::count_if(tc.catalogue.threats.begin(), tc.catalogue.threats.end(),
                           [&c](const core::Threat& x) { return x.category == c.id; });
    ctx.out << "  " << c.id << " (" << n << ")" << (c.description.empty() ? "" : ": ")
            << c.description << '\n';
  }
  for (const auto& g : tc.groups) {
    ctx.out << '\n' << g.title << " (" << g.threats.size() << "):\n";
    Table rows({"ID", "CATEGORY", "NAME"});
    for (const auto& id : g.threats)
      for (const auto& x : tc.catalogue.threats)
        if (x.id == id) rows.add({x.id, x.category, x.name});
    rows.print(ctx.out, "  ");
  }
  return k_exit_ok;
}

int cmd_show(const Context& ctx, const std::string& id, const std::string& node_id, Format format) {
  auto loaded = load_catalog(ctx);
  if (!loaded) return k_exit_bad_input;
  const auto& cat = loaded->catalog;
  if (const auto* fw = cat.framework(id)) {
    if (!node_id.empty()) return show_node(ctx, cat, *fw, node_id, format);
    if (format == Format::k_json || format == Format::k_yaml) {
      print_structured(ctx.out, format, catalog::framework_to_json(cat, *fw));
      return k_exit_ok;
    }
    if (format == Format::k_csv) {
      ctx.out << catalog::framework_to_csv(cat, *fw);
      return k_exit_ok;
    }
    auto c = count_nodes(cat, fw->id);
    ctx.out << fw->id << "  " << fw->title << '\n';
    ctx.out << "Provenance: " << provenance_line(fw->provenance) << '\n';
    if (fw->derivation) {
      ctx.out << "Derived from " << fw->derivation->from << " through "
              << util::join(fw->derivation->through, ", ") << " (" << fw->derivation->changes.size()
              << " reference changes: cyberframe catalog diff " << fw->derivation->from << ' '
              << fw->id << ")\n";
    }
    ctx.out << c.function << " functions, " << c.category << " categories, " << c.subcategory
            << " subcategories";
    if (c.statement) ctx.out << ", " << c.statement << " statements";
    ctx.out << '\n';
    if (fw->selection) {
      ctx.out << "Selects " << fw->selection->nodes.size() << " controls of " << fw->selection->from
              << " (with their items; ancestors not chosen are kept as structure)\n";
    }
    if (fw->assess == core::Assess::k_requirements) {
      std::size_t assessed = 0;
      for (const auto* n : cat.nodes_in_order(fw->id)) assessed += core::assessed_directly(*fw, *n);
      ctx.out << "A profile assesses " << assessed
              << " requirements: every control and enhancement, or its items where it has them\n";
    }
    ctx.out << '\n';
    std::map<std::string, std::size_t> depths;  // by nesting: items sit one below their control
    for (const auto* n : cat.nodes_in_order(fw->id)) {
      const auto* parent = cat.parent(fw->id, n->id);
      std::size_t depth = parent == nullptr ? 0 : depths[parent->id] + 1;
      depths[n->id] = depth;
      ctx.out << std::string(depth * 2, ' ') << n->id << "  " << node_text(*n);
      if (!n->references.empty()) ctx.out << "  [" << n->references.size() << " refs]";
      ctx.out << '\n';
    }
    return k_exit_ok;
  }
  if (const auto* tc = cat.threat_catalogue(id)) return show_threats(ctx, *tc, node_id, format);
  if (auto it = cat.criteria_sets().find(id); it != cat.criteria_sets().end()) {
    if (!node_id.empty())
      return bad_input(ctx, "risk criteria " + id + " have no part '" + node_id +
                                "' (show them whole: 'cyberframe catalog show " + id + "')");
    return show_criteria(ctx, it->second, format);
  }
  if (!node_id.empty() && cat.find_standard(id) == nullptr && cat.mapping_set(id) == nullptr) {
    return bad_input(ctx, "unknown framework '" + id + "' (see 'cyberframe catalog list')");
  }
  if (const auto* s = cat.find_standard(id)) {
    if (!node_id.empty()) {
      const auto* clause = s->find_clause(node_id);
      if (clause == nullptr)
        return bad_input(ctx, s->designation + " has no clause '" + node_id + "'");
      if (format == Format::k_text) {
        ctx.out << s->designation << ' ' << clause->id << "  " << clause->title << "  ("
                << clause->type << ")\n";
        ctx.out << "Who cites it: cyberframe catalog refs \"" << s->designation << "\" "
                << clause->id << '\n';
      } else {
        print_structured(ctx.out, format,
                         json{{"standard", s->id},
                              {"id", clause->id},
                              {"title", clause->title},
                              {"type", clause->type}});
      }
      return k_exit_ok;
    }
    if (format == Format::k_json || format == Format::k_yaml) {
      print_structured(ctx.out, format, catalog::standard_to_json(*s));
      return k_exit_ok;
    }
    Table t({"CLAUSE", "TYPE", "TITLE"});
    for (const auto& c : s->clauses) t.add({c.id, c.type, c.title});
    if (format == Format::k_csv) {
      t.print_csv(ctx.out);
      return k_exit_ok;
    }
    ctx.out << s->designation << "  " << s->title << '\n';
    ctx.out << "Id: " << s->id;
    if (!s->publisher.empty()) ctx.out << "; publisher: " << s->publisher;
    if (!s->edition.empty()) ctx.out << "; edition: " << s->edition;
    if (s->multipart) ctx.out << "; multi-part";
    ctx.out << '\n';
    if (!s->superseded_by.empty()) ctx.out << "Superseded by: " << s->superseded_by << '\n';
    ctx.out << "Provenance: " << provenance_line(s->provenance) << '\n';
    if (!s->has_clause_list) {
      ctx.out << "Clauses: not listed (any clause may be cited)\n";
    } else {
      ctx.out << "Clauses (" << s->clauses.size() << "):\n";
      t.print(ctx.out, "  ");
    }
    return k_exit_ok;
  }
  if (const auto* m = cat.mapping_set(id)) {
    if (format == Format::k_json || format == Format::k_yaml) {
      print_structured(ctx.out, format, catalog::mapping_set_to_json(*m));
      return k_exit_ok;
    }
    if (format == Format::k_csv) {
      ctx.out << catalog::mapping_set_to_csv(*m);
      return k_exit_ok;
    }
    ctx.out << m->id << "  " << m->title << '\n';
    ctx.out << m->source.id << " -> " << m->target.id << " ("
            << (m->purpose == core::Purpose::k_edition ? "edition mapping" : "crosswalk") << ")\n";
    ctx.out << "Provenance: " << provenance_line(m->provenance) << '\n';
    std::map<std::string, int> by_rel;
    for (const auto& x : m->mappings) ++by_rel[std::string(core::to_string(x.relationship))];
    ctx.out << m->mappings.size() << " mappings:";
    for (const auto& [rel, n] : by_rel) ctx.out << ' ' << rel << ' ' << n << ';';
    ctx.out << "\n\n";
    Table t({"SOURCE", "RELATIONSHIP", "TARGET", "RATIONALE"});
    for (const auto& x : m->mappings)
      t.add({x.source, std::string(core::to_string(x.relationship)), util::join(x.targets, ", "),
             x.rationale});
    t.print(ctx.out, "  ");
    return k_exit_ok;
  }
  return bad_input(ctx, "unknown catalog id '" + id + "' (see 'cyberframe catalog list')");
}

// --- export ---------------------------------------------------------------------------------

int cmd_export(const Context& ctx, const std::string& id, Format format,
               const std::string& output) {
  auto loaded = load_catalog(ctx);
  if (!loaded) return k_exit_bad_input;
  const auto& cat = loaded->catalog;
  std::string text;
  if (const auto* fw = cat.framework(id)) {
    if (format == Format::k_json || format == Format::k_text)
      text = catalog::framework_to_json(cat, *fw).dump(2) + "\n";
    else if (format == Format::k_yaml)
      text = catalog::framework_to_yaml(*fw);
    else
      text = catalog::framework_to_csv(cat, *fw);
  } else if (const auto* s = cat.find_standard(id)) {
    if (format == Format::k_csv) {
      std::ostringstream o;
      Table t({"ID", "TYPE", "TITLE"});
      for (const auto& c : s->clauses) t.add({c.id, c.type, c.title});
      t.print_csv(o);
      text = o.str();
    } else if (format == Format::k_yaml) {
      text = catalog::standard_to_yaml(*s);
    } else {
      text = catalog::standard_to_json(*s).dump(2) + "\n";
    }
  } else if (const auto* m = cat.mapping_set(id)) {
    if (format == Format::k_csv)
      text = catalog::mapping_set_to_csv(*m);
    else if (format == Format::k_yaml)
      text = catalog::mapping_set_to_yaml(*m);
    else
      text = catalog::mapping_set_to_json(*m).dump(2) + "\n";
  } else {
    return bad_input(ctx, "unknown catalog id '" + id + "' (see 'cyberframe catalog list')");
  }
  if (output.empty() || output == "-") {
    ctx.out << text;
    return k_exit_ok;
  }
  std::ofstream file(output, std::ios::binary | std::ios::trunc);
  if (!file || !(file << text) || !file.flush()) {
    ctx.err << "cyberframe: error: cannot write " << output << '\n';
    return k_exit_environment;
  }
  return k_exit_ok;
}

// --- refs -----------------------------------------------------------------------------------

int cmd_refs(const Context& ctx, const std::string& standard_arg, const std::string& clause,
             Format format, bool direct_only) {
  auto loaded = load_catalog(ctx);
  if (!loaded) return k_exit_bad_input;
  const auto& cat = loaded->catalog;
  const auto* s = cat.find_standard(standard_arg);
  if (s == nullptr) {
    return bad_input(ctx,
                     "unknown standard '" + standard_arg +
                         "' (give its designation, e.g. \"ISO/IEC 27002:2022\", or its id; see "
                         "'cyberframe catalog list --kind standard')");
  }
  const core::Clause* c = nullptr;
  if (!clause.empty()) {
    c = s->find_clause(clause);
    if (s->has_clause_list && c == nullptr)
      return bad_input(ctx, s->designation + " has no clause '" + clause +
                                "' (see 'cyberframe catalog show " + s->id + "')");
  }
  auto citations = core::find_citations(cat, *s, clause);
  if (direct_only) {
    std::erase_if(citations, [](const core::Citation& x) { return !x.via.empty(); });
  }
  json jc = json::array();
  Table t({"FRAMEWORK", "NODE", "LEVEL", "CITES", "MATCH", "VIA", "OUTCOME"});
  for (const auto& x : citations) {
    json via = x.via;
    jc.push_back(json{{"framework", x.framework->id},
                      {"node", x.node->id},
                      {"level", std::string(core::to_string(x.node->level))},
                      {"text", node_text(*x.node)},
                      {"cites", catalog::reference_to_json(cat, x.reference)},
                      {"match", std::string(core::to_string(x.match))},
                      {"via", via}});
    t.add({x.framework->id, x.node->id, std::string(core::to_string(x.node->level)),
           catalog::reference_label(cat, x.reference), std::string(core::to_string(x.match)),
           x.via.empty() ? "direct" : util::join(x.via, " | "), node_text(*x.node)});
  }
  if (format == Format::k_json || format == Format::k_yaml) {
    print_structured(ctx.out, format,
                     json{{"standard", s->designation},
                          {"standard_id", s->id},
                          {"clause", clause.empty() ? json(nullptr) : json(clause)},
                          {"title", c ? json(c->title) : json(nullptr)},
                          {"citations", jc}});
    return k_exit_ok;
  }
  if (format == Format::k_csv) {
    t.print_csv(ctx.out);
    return k_exit_ok;
  }
  ctx.out << s->designation;
  if (!clause.empty()) ctx.out << ' ' << clause;
  if (c) ctx.out << "  " << c->title;
  ctx.out << '\n';
  std::size_t direct = 0;
  for (const auto& x : citations) direct += x.via.empty() ? 1 : 0;
  ctx.out << citations.size() << " citation(s): " << direct << " direct, "
          << citations.size() - direct << " through edition mappings or annex mirrors\n";
  if (citations.empty()) return k_exit_ok;
  ctx.out << '\n';
  Table direct_table({"FRAMEWORK", "NODE", "CITES", "MATCH", "OUTCOME"});
  Table via_table({"FRAMEWORK", "NODE", "CITES", "VIA", "OUTCOME"});
  for (const auto& x : citations) {
    if (x.via.empty())
      direct_table.add({x.framework->id, x.node->id, catalog::reference_label(cat, x.reference),
                        std::string(core::to_string(x.match)), node_text(*x.node)});
    else
      via_table.add({x.framework->id, x.node->id, catalog::reference_label(cat, x.reference),
                     util::join(x.via, " | "), node_text(*x.node)});
  }
  if (direct_table.size()) {
    ctx.out << "Cited directly:\n";
    direct_table.print(ctx.out, "  ");
  }
  if (via_table.size()) {
    if (direct_table.size()) ctx.out << '\n';
    ctx.out << "Cited through edition mappings or annex mirrors:\n";
    via_table.print(ctx.out, "  ");
  }
  return k_exit_ok;
}

// --- check ----------------------------------------------------------------------------------

int cmd_check(const Context& ctx, const std::vector<std::string>& files, Format format) {
  std::vector<std::filesystem::path> paths(files.begin(), files.end());
  auto result = catalog::load(ctx.options.directory, ctx.options.files(paths));

  int status = k_exit_ok;
  json report = json::array();
  for (const auto& f : files) {
    auto checked = catalog::check_file(result, f);
    const auto& diags = checked.diagnostics;
    bool unreadable = checked.unreadable;
    bool rejected = !checked.loaded;
    json entry{{"file", f}, {"loaded", !rejected}};
    const auto& conf = checked.conformance;
    if (!checked.framework.empty()) entry["framework"] = checked.framework;
    if (!checked.item.empty()) entry["item"] = checked.item;
    std::size_t errors = checked.errors, warnings = checked.warnings;
    json jd = json::array();
    for (const auto& d : diags) jd.push_back(catalog::diagnostic_to_json(d));
    entry["diagnostics"] = jd;
    int file_status = unreadable                 ? k_exit_bad_input
                      : (errors > 0 || rejected) ? k_exit_problems
                                                 : k_exit_ok;
    if (conf) {
      entry["ts_27110"] = catalog::conformance_to_json(*conf, !rejected);
    }
    entry["errors"] = errors;
    entry["warnings"] = warnings;
    report.push_back(entry);
    status = std::max(status, file_status);

    if (format == Format::k_text) {
      for (const auto& d : diags) ctx.out << d.to_string() << '\n';
      ctx.out << f << ": ";
      if (unreadable) {
        ctx.out << "cannot be checked (" << errors << " error" << (errors == 1 ? "" : "s") << ")\n";
      } else if (rejected) {
        ctx.out << "does not load: " << errors << " error" << (errors == 1 ? "" : "s") << ", "
                << warnings << " warning" << (warnings == 1 ? "" : "s") << "\n";
      } else if (conf) {
        ctx.out << "framework " << entry["framework"].get<std::string>() << ": " << conf->functions
                << " functions, " << conf->categories << " categories, " << conf->subcategories
                << " subcategories, " << conf->statements << " statements\n";
        if (!conf->applicable) {
          ctx.out << f
                  << ": loads cleanly; declares conformance: none, so the TS 27110 checks do not "
                     "apply\n";
        } else {
          ctx.out << f << ": TS 27110 " << (conf->conformant() ? "conformant" : "NOT conformant")
                  << " (" << errors << " error" << (errors == 1 ? "" : "s") << ", " << warnings
                  << " warning" << (warnings == 1 ? "" : "s") << ")";
          if (!conf->concepts_missing.empty())
            ctx.out << "; missing concepts: " << util::join(conf->concepts_missing, ", ");
          ctx.out << '\n';
        }
      } else {
        ctx.out << "loads cleanly (" << warnings << " warning" << (warnings == 1 ? "" : "s")
                << ")\n";
      }
    }
  }
  if (format != Format::k_text)
    print_structured(ctx.out, format, json{{"files", report}, {"exit_status", status}});
  return status;
}

// --- diff -----------------------------------------------------------------------------------

int cmd_diff(const Context& ctx, const std::string& a_id, const std::string& b_id, Format format) {
  auto loaded = load_catalog(ctx);
  if (!loaded) return k_exit_bad_input;
  const auto& cat = loaded->catalog;
  const auto* a = cat.framework(a_id);
  const auto* b = cat.framework(b_id);
  if (a == nullptr)
    return bad_input(ctx, "unknown framework '" + a_id + "' (see 'cyberframe catalog list')");
  if (b == nullptr)
    return bad_input(ctx, "unknown framework '" + b_id + "' (see 'cyberframe catalog list')");
  auto d = core::diff_frameworks(cat, *a, *b);
  std::map<std::string, int> kinds;
  if (d.b_derived_from_a) {
    for (const auto& c : b->derivation->changes) ++kinds[std::string(core::to_string(c.kind))];
  }
  std::size_t added = 0, removed = 0, changed = 0;
  for (const auto& n : d.nodes) {
    (n.kind == core::NodeDiff::Kind::k_added     ? added
     : n.kind == core::NodeDiff::Kind::k_removed ? removed
                                                 : changed)++;
  }
  if (format == Format::k_json || format == Format::k_yaml) {
    json nodes = json::array();
    for (const auto& n : d.nodes) {
      json ra = json::array(), rr = json::array(), ex = json::array();
      for (const auto& r : n.references_added) ra.push_back(catalog::reference_to_json(cat, r));
      for (const auto& r : n.references_removed) rr.push_back(catalog::reference_to_json(cat, r));
      for (const auto* c : n.explained) ex.push_back(catalog::change_to_json(cat, *c));
      nodes.push_back(json{{"id", n.id},
                           {"change", std::string(core::to_string(n.kind))},
                           {"fields", n.fields},
                           {"references_added", ra},
                           {"references_removed", rr},
                           {"explanation", ex}});
    }
    print_structured(ctx.out, format,
                     json{{"from", a->id},
                          {"to", b->id},
                          {"derived", d.b_derived_from_a},
                          {"summary",
                           {{"added", added},
                            {"removed", removed},
                            {"changed", changed},
                            {"unchanged", d.unchanged}}},
                          {"reference_changes", kinds},
                          {"nodes", nodes}});
    return k_exit_ok;
  }
  if (format == Format::k_csv) {
    Table t({"NODE", "CHANGE", "FIELDS", "REMOVED", "ADDED", "WHY"});
    for (const auto& n : d.nodes) {
      std::vector<std::string> ra, rr, why;
      for (const auto& r : n.references_added) ra.push_back(catalog::reference_label(cat, r));
      for (const auto& r : n.references_removed) rr.push_back(catalog::reference_label(cat, r));
      for (const auto* c : n.explained)
        why.push_back(catalog::reference_label(cat, c->before) + ": " +
                      std::string(core::to_string(c->kind)));
      t.add({n.id, std::string(core::to_string(n.kind)), util::join(n.fields, " "),
             util::join(rr, "; "), util::join(ra, "; "), util::join(why, "; ")});
    }
    t.print_csv(ctx.out);
    return k_exit_ok;
  }
  ctx.out << a->id << " -> " << b->id;
  if (d.b_derived_from_a)
    ctx.out << " (derived through " << util::join(b->derivation->through, ", ") << ")";
  ctx.out << '\n';
  ctx.out << "Nodes: " << changed << " changed, " << added << " added, " << removed << " removed, "
          << d.unchanged << " unchanged\n";
  if (!kinds.empty()) {
    ctx.out << "Reference changes:";
    for (const auto& [k, n] : kinds) ctx.out << ' ' << k << ' ' << n << ';';
    ctx.out << '\n';
  }
  for (const auto& n : d.nodes) {
    ctx.out << '\n' << n.id << "  " << core::to_string(n.kind);
    if (!n.fields.empty()) ctx.out << " (" << util::join(n.fields, ", ") << ")";
    ctx.out << '\n';
    if (!n.explained.empty()) {
      for (const auto* c : n.explained) {
        std::vector<std::string> after;
        for (const auto& r : c->after) after.push_back(catalog::reference_label(cat, r));
        ctx.out << "  " << catalog::reference_label(cat, c->before) << " -> "
                << (after.empty() ? std::string("(kept)") : util::join(after, ", ")) << "  ["
                << core::to_string(c->kind) << "]";
        if (!c->explanation.empty()) ctx.out << "  " << c->explanation;
        ctx.out << '\n';
      }
    } else {
      for (const auto& r : n.references_removed)
        ctx.out << "  - " << catalog::reference_label(cat, r) << '\n';
      for (const auto& r : n.references_added)
        ctx.out << "  + " << catalog::reference_label(cat, r) << '\n';
    }
  }
  return k_exit_ok;
}

// --- validate -------------------------------------------------------------------------------

int cmd_validate(const Context& ctx, Format format) {
  auto result = catalog::load(ctx.options.directory, ctx.options.files());
  std::size_t errors = 0, warnings = 0;
  for (const auto& d : result.diagnostics)
    (d.severity == catalog::Severity::k_error ? errors : warnings)++;
  if (format == Format::k_text) {
    for (const auto& d : result.diagnostics) ctx.out << d.to_string() << '\n';
    ctx.out << "catalog"
            << (ctx.options.directory.empty() ? " (built in)" : " " + ctx.options.directory)
            << (ctx.options.added.empty()
                    ? std::string()
                    : " + " + std::to_string(ctx.options.files().size()) + " added file(s)")
            << ": " << result.catalog.frameworks().size() << " frameworks, "
            << result.catalog.standards().size() << " standards, "
            << result.catalog.mapping_sets().size() << " mapping sets, "
            << result.catalog.criteria_sets().size() << " risk criteria, "
            << result.catalog.threat_catalogues().size() << " threat catalogue"
            << (result.catalog.threat_catalogues().size() == 1 ? "" : "s") << "; " << errors
            << " error" << (errors == 1 ? "" : "s") << ", " << warnings << " warning"
            << (warnings == 1 ? "" : "s") << '\n';
  } else {
    json jd = json::array();
    for (const auto& d : result.diagnostics) jd.push_back(d.to_string());
    print_structured(ctx.out, format,
                     json{{"frameworks", result.catalog.frameworks().size()},
                          {"standards", result.catalog.standards().size()},
                          {"mapping_sets", result.catalog.mapping_sets().size()},
                          {"risk_criteria", result.catalog.criteria_sets().size()},
                          {"threat_catalogues", result.catalog.threat_catalogues().size()},
                          {"errors", errors},
                          {"warnings", warnings},
                          {"diagnostics", jd}});
  }
  return errors > 0 ? k_exit_problems : k_exit_ok;
}

CLI::Option* add_format(CLI::App* cmd, std::string& format, std::vector<std::string> allowed) {
  std::string help = "Output format: " + util::join(allowed, ", ");
  return cmd->add_option("--format,-f", format, help)
      ->check(CLI::IsMember(allowed))
      ->default_val(allowed.front());
}

}  // namespace

void add_catalog_commands(CLI::App& app, const CatalogOptions& options, std::ostream& out,
                          std::ostream& err, int& status) {
  auto* catalog_cmd =
      app.add_subcommand("catalog", "Frameworks, standards and mapping sets of the catalog");
  catalog_cmd->require_subcommand(1);
  auto ctx = std::make_shared<Context>(Context{options, out, err});
  auto fmt = [](const std::string& s) { return parse_format(s).value_or(Format::k_text); };

  {
    auto* cmd = catalog_cmd->add_subcommand(
        "list",
        "List the frameworks, standards, mapping sets, risk criteria and threat catalogues with "
        "counts");
    auto format = std::make_shared<std::string>();
    auto kind = std::make_shared<std::string>();
    add_format(cmd, *format, {"text", "json", "yaml", "csv"});
    cmd->add_option("--kind", *kind,
                    "Only this kind: framework, standard, mapping-set, risk-criteria or "
                    "threat-catalogue")
        ->check(CLI::IsMember(
            {"framework", "standard", "mapping-set", "risk-criteria", "threat-catalogue"}));
    cmd->callback([=, &status] { status = cmd_list(*ctx, fmt(*format), *kind); });
  }
  {
    auto* cmd =
        catalog_cmd->add_subcommand("show",
                                    "Show a framework (its tree), one node (references, 2022 "
                                    "alignment, mappings), a standard, a mapping set, risk "
                                    "criteria (the matrix) or a threat catalogue (or one threat)");
    auto format = std::make_shared<std::string>();
    auto id = std::make_shared<std::string>();
    auto node = std::make_shared<std::string>();
    cmd->add_option("ID", *id,
                    "Framework, standard (id or designation), mapping set, risk criteria or "
                    "threat catalogue id")
        ->required();
    cmd->add_option("NODE", *node,
                    "A node of the framework (e.g. ID.RA-1), a clause of the standard, or a "
                    "threat of the catalogue (e.g. sp800-30:E2-01)");
    add_format(cmd, *format, {"text", "json", "yaml", "csv"});
    cmd->callback([=, &status] { status = cmd_show(*ctx, *id, *node, fmt(*format)); });
  }
  {
    auto* cmd = catalog_cmd->add_subcommand("export",
                                            "Export a framework as a JSON tree (or YAML in the "
                                            "catalog format, or CSV), a standard or a mapping set");
    auto format = std::make_shared<std::string>();
    auto id = std::make_shared<std::string>();
    auto output = std::make_shared<std::string>();
    cmd->add_option("ID", *id, "Framework, standard or mapping set id")->required();
    add_format(cmd, *format, {"json", "yaml", "csv"});
    cmd->add_option("-o,--output", *output, "Write to this file instead of standard output");
    cmd->callback([=, &status] { status = cmd_export(*ctx, *id, fmt(*format), *output); });
  }
  {
    auto* cmd =
        catalog_cmd->add_subcommand("refs",
                                    "Reverse look-up: which framework nodes a standard clause "
                                    "supports, directly or through edition mappings");
    auto format = std::make_shared<std::string>();
    auto standard = std::make_shared<std::string>();
    auto clause = std::make_shared<std::string>();
    auto direct = std::make_shared<bool>(false);
    cmd->add_option("STANDARD", *standard,
                    "Designation (\"ISO/IEC 27002:2022\") or id (iso-iec-27002-2022)")
        ->required();
    cmd->add_option("CLAUSE", *clause, "Clause or control id, e.g. 8.8 or A.12.6.1");
    cmd->add_flag("--direct", *direct,
                  "Only direct citations, not those through edition mappings or annexes");
    add_format(cmd, *format, {"text", "json", "yaml", "csv"});
    cmd->callback(
        [=, &status] { status = cmd_refs(*ctx, *standard, *clause, fmt(*format), *direct); });
  }
  {
    auto* cmd =
        catalog_cmd->add_subcommand("check",
                                    "Validate user-authored catalog files and report TS 27110 "
                                    "conformance (exit 1: not conformant, 2: unreadable)");
    auto format = std::make_shared<std::string>();
    auto files = std::make_shared<std::vector<std::string>>();
    cmd->add_option("FILE", *files, "Catalog file(s) to check, against the built-in catalog")
        ->required();
    add_format(cmd, *format, {"text", "json", "yaml"});
    cmd->callback([=, &status] { status = cmd_check(*ctx, *files, fmt(*format)); });
  }
  {
    auto* cmd = catalog_cmd->add_subcommand(
        "diff", "What changed between two frameworks, node by node, with reasons for derived ones");
    auto format = std::make_shared<std::string>();
    auto a = std::make_shared<std::string>();
    auto b = std::make_shared<std::string>();
    cmd->add_option("A", *a, "The older framework")->required();
    cmd->add_option("B", *b, "The newer framework")->required();
    add_format(cmd, *format, {"text", "json", "yaml", "csv"});
    cmd->callback([=, &status] { status = cmd_diff(*ctx, *a, *b, fmt(*format)); });
  }
  {
    auto* cmd = catalog_cmd->add_subcommand(
        "validate", "Load and validate the whole catalog (built in, or --catalog DIR)");
    auto format = std::make_shared<std::string>();
    add_format(cmd, *format, {"text", "json", "yaml"});
    cmd->callback([=, &status] { status = cmd_validate(*ctx, fmt(*format)); });
  }
}

}  // namespace cyberframe::cli
