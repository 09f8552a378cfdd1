#include "catalog/writer.hpp"

#include <yaml-cpp/yaml.h>

#include <sstream>

#include "util/text.hpp"

namespace cyberframe::catalog {

using nlohmann::json;

namespace {

json text_or_null(const std::string& s) {
  return s.empty() ? json(nullptr) : json(s);
}

json provenance_to_json(const core::Provenance& p) {
  json out{{"source", p.source}, {"method", std::string(core::to_string(p.method))}};
  if (!p.edition.empty()) out["edition"] = p.edition;
  if (!p.tables.empty()) out["tables"] = p.tables;
  if (!p.licence.empty()) out["licence"] = p.licence;
  if (!p.notes.empty()) out["notes"] = p.notes;
  return out;
}

std::string designation_of(const core::Catalog& catalog, const std::string& standard_id) {
  const auto* s = catalog.standard(standard_id);
  return s != nullptr ? s->designation : standard_id;
}

}  // namespace

json provenance_json(const core::Provenance& provenance) {
  return provenance_to_json(provenance);
}

json risk_criteria_to_json(const core::RiskCriteria& c) {
  auto points = [](const std::vector<core::ScalePoint>& ps) {
    json out = json::array();
    for (const auto& p : ps)
      out.push_back(json{{"value", p.value}, {"name", p.name}, {"meaning", p.meaning}});
    return out;
  };
  json types = json::array();
  for (const auto& t : c.consequence_types)
    types.push_back(json{{"id", t.id}, {"name", t.name}, {"points", points(t.points)}});
  json levels = json::array();
  for (const auto& l : c.levels)
    levels.push_back(json{{"id", l.id},
                          {"name", l.name},
                          {"colour", l.colour},
                          {"acceptance", std::string(core::to_string(l.acceptance))},
                          {"review_months", l.review_months}});
  return json{{"id", c.id},
              {"name", c.name},
              {"version", c.version},
              {"description", c.description},
              {"likelihood", points(c.likelihood)},
              {"consequence_types", types},
              {"levels", levels},
              {"matrix", c.matrix},
              {"assessment_criteria", c.assessment_criteria},
              {"source", c.source}};
}

json threat_catalogue_to_json(const core::CatalogThreatCatalogue& tc) {
  json categories = json::array();
  for (const auto& c : tc.categories)
    categories.push_back(json{{"id", c.id}, {"name", c.name}, {"description", c.description}});
  json groups = json::array();
  for (const auto& g : tc.groups)
    groups.push_back(json{{"id", g.id}, {"title", g.title}, {"threats", g.threats}});
  json threats = json::array();
  for (const auto& t : tc.catalogue.threats)
    threats.push_back(json{{"id", t.id},
                           {"name", t.name},
                           {"category", t.category},
                           {"description", t.description},
                           {"source", t.source}});
  return json{{"id", tc.id},
              {"title", tc.catalogue.title},
              {"source", tc.catalogue.source},
              {"licence", tc.catalogue.licence},
              {"provenance", provenance_to_json(tc.provenance)},
              {"categories", categories},
              {"groups", groups},
              {"threats", threats}};
}

std::string reference_label(const core::Catalog& catalog, const core::Reference& ref) {
  std::string out = ref.printed.empty() ? designation_of(catalog, ref.standard) : ref.printed;
  if (ref.all_parts) out += " (all parts)";
  if (!ref.clause.empty()) out += " " + ref.clause;
  return out;
}

json reference_to_json(const core::Catalog& catalog, const core::Reference& ref) {
  json out{{"standard", ref.printed.empty() ? designation_of(catalog, ref.standard) : ref.printed},
           {"clause", text_or_null(ref.clause)},
           {"standard_id", ref.standard}};
  if (ref.all_parts) out["all_parts"] = true;
  if (!ref.printed.empty()) out["intended"] = designation_of(catalog, ref.standard);
  if (!ref.note.empty()) out["note"] = ref.note;
  return out;
}

json node_to_json(const core::Catalog& catalog, const core::Node& node, bool with_children) {
  json refs = json::array();
  for (const auto& r : node.references) refs.push_back(reference_to_json(catalog, r));
  json out{{"id", node.id},
           {"level", std::string(core::to_string(node.level))},
           {"title", text_or_null(node.title)},
           {"description", text_or_null(node.description)},
           {"references", refs}};
  if (!node.source.empty()) out["source"] = node.source;
  if (!node.notes.empty()) out["notes"] = node.notes;
  if (!node.activities.empty()) out["activities"] = node.activities;
  if (!node.inputs.empty()) out["inputs"] = node.inputs;
  if (!node.outputs.empty()) out["outputs"] = node.outputs;
  if (!node.properties.empty()) out["properties"] = node.properties;
  if (with_children) {
    json children = json::array();
    for (const auto& c : node.children) children.push_back(node_to_json(catalog, c, true));
    out["children"] = children;
  }
  return out;
}

json change_to_json(const core::Catalog& catalog, const core::ReferenceChange& change) {
  json after = json::array();
  for (const auto& r : change.after) after.push_back(reference_to_json(catalog, r));
  return json{{"node", change.node},
              {"kind", std::string(core::to_string(change.kind))},
              {"before", reference_to_json(catalog, change.before)},
              {"after", after},
              {"mapping_set", change.mapping_set},
              {"explanation", change.explanation}};
}

json framework_to_json(const core::Catalog& catalog, const core::Framework& fw) {
  json nodes = json::array();
  for (const auto& n : fw.nodes) nodes.push_back(node_to_json(catalog, n, true));
  json out{{"id", fw.id},
           {"kind", "framework"},
           {"title", fw.title},
           {"short_title", text_or_null(fw.short_title)},
           {"version", text_or_null(fw.version)},
           {"publisher", text_or_null(fw.publisher)},
           {"conformance", fw.conformance == core::Conformance::k_ts_27110 ? "ts-27110" : "none"},
           {"assess", std::string(core::to_string(fw.assess))},
           {"provenance", provenance_to_json(fw.provenance)},
           {"nodes", nodes}};
  if (fw.selection) {
    json chosen = json::array();
    for (const auto* n : catalog.nodes_in_order(fw.id)) {
      if (fw.selection->nodes.contains(n->id)) chosen.push_back(n->id);
    }
    out["selected"] = json{{"from", fw.selection->from}, {"nodes", chosen}};
  }
  if (fw.derivation) {
    json changes = json::array();
    for (const auto& c : fw.derivation->changes) changes.push_back(change_to_json(catalog, c));
    out["derived"] = json{
        {"from", fw.derivation->from}, {"through", fw.derivation->through}, {"changes", changes}};
  }
  return out;
}

json standard_to_json(const core::Standard& s) {
  json clauses = json::array();
  for (const auto& c : s.clauses)
    clauses.push_back(json{{"id", c.id}, {"title", c.title}, {"type", c.type}});
  json out{{"id", s.id},
           {"kind", "standard"},
           {"designation", s.designation},
           {"title", s.title},
           {"publisher", text_or_null(s.publisher)},
           {"edition", text_or_null(s.edition)},
           {"multipart", s.multipart},
           {"superseded_by", text_or_null(s.superseded_by)},
           {"provenance", provenance_to_json(s.provenance)},
           {"clauses", s.has_clause_list ? clauses : json(nullptr)}};
  return out;
}

json mapping_set_to_json(const core::MappingSet& set) {
  auto ref = [](const core::CatalogItemRef& r) {
    return json{
        {r.kind == core::CatalogItemRef::Kind::k_standard ? "standard" : "framework", r.id}};
  };
  json mappings = json::array();
  for (const auto& m : set.mappings) {
    json row{{"source", m.source},
             {"target", m.targets},
             {"relationship", std::string(core::to_string(m.relationship))}};
    if (!m.rationale.empty()) row["rationale"] = m.rationale;
    mappings.push_back(row);
  }
  return json{{"id", set.id},
              {"kind", "mapping-set"},
              {"title", set.title},
              {"source", ref(set.source)},
              {"target", ref(set.target)},
              {"purpose", set.purpose == core::Purpose::k_edition ? "edition" : "crosswalk"},
              {"provenance", provenance_to_json(set.provenance)},
              {"mappings", mappings}};
}

namespace {

void emit_provenance(YAML::Emitter& out, const core::Provenance& p) {
  out << YAML::Key << "provenance" << YAML::Value << YAML::BeginMap;
  out << YAML::Key << "source" << YAML::Value << p.source;
  if (!p.edition.empty())
    out << YAML::Key << "edition" << YAML::Value << YAML::DoubleQuoted << p.edition;
  if (!p.tables.empty()) out << YAML::Key << "tables" << YAML::Value << p.tables;
  if (!p.licence.empty()) out << YAML::Key << "licence" << YAML::Value << p.licence;
  out << YAML::Key << "method" << YAML::Value << std::string(core::to_string(p.method));
  if (!p.notes.empty()) out << YAML::Key << "notes" << YAML::Value << p.notes;
  out << YAML::EndMap;
}

void emit_text(YAML::Emitter& out, const char* key, const std::string& value) {
  if (!value.empty()) out << YAML::Key << key << YAML::Value << value;
}

void emit_list(YAML::Emitter& out, const char* key, const std::vector<std::string>& values) {
  if (values.empty()) return;
  out << YAML::Key << key << YAML::Value << YAML::BeginSeq;
  for (const auto& v : values) out << v;
  out << YAML::EndSeq;
}

void emit_node(YAML::Emitter& out, const core::Node& node) {
  out << YAML::BeginMap;
  out << YAML::Key << "id" << YAML::Value << node.id;
  out << YAML::Key << "level" << YAML::Value << std::string(core::to_string(node.level));
  emit_text(out, "title", node.title);
  emit_text(out, "description", node.description);
  emit_text(out, "source", node.source);
  emit_text(out, "notes", node.notes);
  emit_list(out, "activities", node.activities);
  emit_list(out, "inputs", node.inputs);
  emit_list(out, "outputs", node.outputs);
  if (!node.properties.empty()) {
    out << YAML::Key << "properties" << YAML::Value << YAML::BeginMap;
    for (const auto& [name, values] : node.properties) emit_list(out, name.c_str(), values);
    out << YAML::EndMap;
  }
  if (!node.references.empty()) {
    out << YAML::Key << "references" << YAML::Value << YAML::BeginSeq;
    for (const auto& r : node.references) {
      out << YAML::Flow << YAML::BeginMap;
      out << YAML::Key << "standard" << YAML::Value << r.standard;
      if (!r.clause.empty())
        out << YAML::Key << "clause" << YAML::Value << YAML::DoubleQuoted << r.clause;
      if (r.all_parts) out << YAML::Key << "all_parts" << YAML::Value << true;
      emit_text(out, "printed", r.printed);
      emit_text(out, "note", r.note);
      out << YAML::EndMap;
    }
    out << YAML::EndSeq;
  }
  if (!node.children.empty()) {
    out << YAML::Key << "children" << YAML::Value << YAML::BeginSeq;
    for (const auto& c : node.children) emit_node(out, c);
    out << YAML::EndSeq;
  }
  out << YAML::EndMap;
}

}  // namespace

std::string framework_to_yaml(const core::Framework& fw) {
  YAML::Emitter out;
  out.SetIndent(2);
  out << YAML::BeginMap;
  out << YAML::Key << "kind" << YAML::Value << "framework";
  out << YAML::Key << "id" << YAML::Value << fw.id;
  out << YAML::Key << "title" << YAML::Value << fw.title;
  emit_text(out, "short_title", fw.short_title);
  if (!fw.version.empty())
    out << YAML::Key << "version" << YAML::Value << YAML::DoubleQuoted << fw.version;
  emit_text(out, "publisher", fw.publisher);
  emit_text(out, "description", fw.description);
  out << YAML::Key << "conformance" << YAML::Value
      << (fw.conformance == core::Conformance::k_ts_27110 ? "ts-27110" : "none");
  if (fw.assess != core::Assess::k_outcomes)
    out << YAML::Key << "assess" << YAML::Value << std::string(core::to_string(fw.assess));
  emit_provenance(out, fw.provenance);
  if (fw.selection) {
    // A selection is written as what it is: the chosen ids, in document order.
    std::vector<std::string> chosen;
    auto walk = [&](auto& self, const core::Node& n) -> void {
      if (fw.selection->nodes.contains(n.id)) chosen.push_back(n.id);
      for (const auto& c : n.children) self(self, c);
    };
    for (const auto& n : fw.nodes) walk(walk, n);
    out << YAML::Key << "select" << YAML::Value << YAML::BeginMap << YAML::Key << "from"
        << YAML::Value << fw.selection->from << YAML::Key << "nodes" << YAML::Value << YAML::Flow
        << chosen << YAML::EndMap << YAML::EndMap;
    return std::string(out.c_str()) + "\n";
  }
  out << YAML::Key << "nodes" << YAML::Value << YAML::BeginSeq;
  for (const auto& n : fw.nodes) emit_node(out, n);
  out << YAML::EndSeq << YAML::EndMap;
  return std::string(out.c_str()) + "\n";
}

namespace {

json node_document(const core::Node& node) {
  json out{{"id", node.id}, {"level", std::string(core::to_string(node.level))}};
  auto text = [&](const char* key, const std::string& value) {
    if (!value.empty()) out[key] = value;
  };
  auto list = [&](const char* key, const std::vector<std::string>& values) {
    if (!values.empty()) out[key] = values;
  };
  text("title", node.title);
  text("description", node.description);
  text("source", node.source);
  text("notes", node.notes);
  list("activities", node.activities);
  list("inputs", node.inputs);
  list("outputs", node.outputs);
  if (!node.properties.empty()) out["properties"] = node.properties;
  if (!node.references.empty()) {
    json refs = json::array();
    for (const auto& r : node.references) {
      json ref{{"standard", r.standard}};
      if (!r.clause.empty()) ref["clause"] = r.clause;
      if (r.all_parts) ref["all_parts"] = true;
      if (!r.printed.empty()) ref["printed"] = r.printed;
      if (!r.note.empty()) ref["note"] = r.note;
      refs.push_back(std::move(ref));
    }
    out["references"] = std::move(refs);
  }
  if (!node.children.empty()) {
    json children = json::array();
    for (const auto& c : node.children) children.push_back(node_document(c));
    out["children"] = std::move(children);
  }
  return out;
}

}  // namespace

json framework_to_document(const core::Framework& fw) {
  json out{{"kind", "framework"}, {"id", fw.id}, {"title", fw.title}};
  auto text = [&](const char* key, const std::string& value) {
    if (!value.empty()) out[key] = value;
  };
  text("short_title", fw.short_title);
  text("version", fw.version);
  text("publisher", fw.publisher);
  text("description", fw.description);
  out["conformance"] = fw.conformance == core::Conformance::k_ts_27110 ? "ts-27110" : "none";
  out["assess"] = std::string(core::to_string(fw.assess));
  json provenance{{"source", fw.provenance.source},
                  {"method", std::string(core::to_string(fw.provenance.method))}};
  for (auto [key, value] :
       {std::pair{"edition", &fw.provenance.edition}, std::pair{"tables", &fw.provenance.tables},
        std::pair{"licence", &fw.provenance.licence}, std::pair{"notes", &fw.provenance.notes}})
    if (!value->empty()) provenance[key] = *value;
  out["provenance"] = std::move(provenance);
  json nodes = json::array();
  for (const auto& n : fw.nodes) nodes.push_back(node_document(n));
  out["nodes"] = std::move(nodes);
  return out;
}

std::string standard_to_yaml(const core::Standard& s) {
  YAML::Emitter out;
  out << YAML::BeginMap;
  out << YAML::Key << "kind" << YAML::Value << "standard";
  out << YAML::Key << "id" << YAML::Value << s.id;
  out << YAML::Key << "designation" << YAML::Value << s.designation;
  out << YAML::Key << "title" << YAML::Value << s.title;
  emit_text(out, "publisher", s.publisher);
  if (!s.edition.empty())
    out << YAML::Key << "edition" << YAML::Value << YAML::DoubleQuoted << s.edition;
  if (s.multipart) out << YAML::Key << "multipart" << YAML::Value << true;
  emit_text(out, "superseded_by", s.superseded_by);
  emit_provenance(out, s.provenance);
  if (s.annex) {
    out << YAML::Key << "annex" << YAML::Value << YAML::Flow << YAML::BeginMap << YAML::Key
        << "prefix" << YAML::Value << YAML::DoubleQuoted << s.annex->prefix << YAML::Key
        << "mirrors" << YAML::Value << s.annex->mirrors;
    if (!s.annex->titles.empty()) {
      out << YAML::Key << "titles" << YAML::Value << YAML::BeginMap;
      for (const auto& [id, title] : s.annex->titles)
        out << YAML::Key << YAML::DoubleQuoted << id << YAML::Value << title;
      out << YAML::EndMap;
    }
    out << YAML::EndMap;
  }
  if (s.has_clause_list) {
    out << YAML::Key << "clauses" << YAML::Value << YAML::BeginSeq;
    for (const auto& c : s.clauses) {
      if (s.annex && c.id.rfind(s.annex->prefix, 0) == 0) continue;  // made by the annex
      out << YAML::Flow << YAML::BeginMap << YAML::Key << "id" << YAML::Value << YAML::DoubleQuoted
          << c.id << YAML::Key << "title" << YAML::Value << c.title << YAML::Key << "type"
          << YAML::Value << c.type << YAML::EndMap;
    }
    out << YAML::EndSeq;
  }
  out << YAML::EndMap;
  return std::string(out.c_str()) + "\n";
}

std::string mapping_set_to_yaml(const core::MappingSet& set) {
  YAML::Emitter out;
  auto ref = [&out](const char* key, const core::CatalogItemRef& r) {
    out << YAML::Key << key << YAML::Value << YAML::Flow << YAML::BeginMap << YAML::Key
        << (r.kind == core::CatalogItemRef::Kind::k_standard ? "standard" : "framework")
        << YAML::Value << r.id << YAML::EndMap;
  };
  out << YAML::BeginMap;
  out << YAML::Key << "kind" << YAML::Value << "mapping-set";
  out << YAML::Key << "id" << YAML::Value << set.id;
  out << YAML::Key << "title" << YAML::Value << set.title;
  ref("source", set.source);
  ref("target", set.target);
  out << YAML::Key << "purpose" << YAML::Value
      << (set.purpose == core::Purpose::k_edition ? "edition" : "crosswalk");
  emit_provenance(out, set.provenance);
  out << YAML::Key << "mappings" << YAML::Value << YAML::BeginSeq;
  for (const auto& m : set.mappings) {
    out << YAML::Flow << YAML::BeginMap;
    out << YAML::Key << "source" << YAML::Value << YAML::DoubleQuoted << m.source;
    if (m.targets.size() == 1) {
      out << YAML::Key << "target" << YAML::Value << YAML::DoubleQuoted << m.targets[0];
    } else if (!m.targets.empty()) {
      out << YAML::Key << "target" << YAML::Value << YAML::Flow << YAML::BeginSeq;
      for (const auto& t : m.targets) out << YAML::DoubleQuoted << t;
      out << YAML::EndSeq;
    }
    out << YAML::Key << "relationship" << YAML::Value
        << std::string(core::to_string(m.relationship));
    emit_text(out, "rationale", m.rationale);
    out << YAML::EndMap;
  }
  out << YAML::EndSeq << YAML::EndMap;
  return std::string(out.c_str()) + "\n";
}

std::string framework_to_csv(const core::Catalog& catalog, const core::Framework& fw) {
  std::ostringstream out;
  out << "id,level,parent,title,description,references\n";
  for (const auto* node : catalog.nodes_in_order(fw.id)) {
    const auto* parent = catalog.parent(fw.id, node->id);
    std::vector<std::string> refs;
    for (const auto& r : node->references) refs.push_back(reference_label(catalog, r));
    out << util::csv_field(node->id) << ',' << core::to_string(node->level) << ','
        << util::csv_field(parent ? parent->id : "") << ',' << util::csv_field(node->title) << ','
        << util::csv_field(node->description) << ',' << util::csv_field(util::join(refs, "; "))
        << '\n';
  }
  return out.str();
}

std::string mapping_set_to_csv(const core::MappingSet& set) {
  std::ostringstream out;
  out << "source,target,relationship,rationale\n";
  for (const auto& m : set.mappings) {
    auto rel = std::string(core::to_string(m.relationship));
    if (m.targets.empty()) {
      out << util::csv_field(m.source) << ",," << rel << ',' << util::csv_field(m.rationale)
          << '\n';
    }
    for (const auto& t : m.targets) {
      out << util::csv_field(m.source) << ',' << util::csv_field(t) << ',' << rel << ','
          << util::csv_field(m.rationale) << '\n';
    }
  }
  return out.str();
}

namespace {

void emit_json(YAML::Emitter& out, const json& v) {
  switch (v.type()) {
    case json::value_t::object:
      out << YAML::BeginMap;
      for (const auto& [k, item] : v.items()) {
        out << YAML::Key << k << YAML::Value;
        emit_json(out, item);
      }
      out << YAML::EndMap;
      break;
    case json::value_t::array:
      out << YAML::BeginSeq;
      for (const auto& item : v) emit_json(out, item);
      out << YAML::EndSeq;
      break;
    case json::value_t::string: {
      const auto& s = v.get_ref<const std::string&>();
      // Quote text that YAML would read as another type (numbers, booleans, null).
      bool plain_safe = !s.empty() && s.find_first_not_of("0123456789.-+eE") != std::string::npos &&
                        s != "true" && s != "false" && s != "null" && s != "~" && s != "yes" &&
                        s != "no";
      if (plain_safe)
        out << s;
      else
        out << YAML::DoubleQuoted << s;
      break;
    }
    case json::value_t::boolean:
      out << v.get<bool>();
      break;
    case json::value_t::null:
      out << YAML::Null;
      break;
    default:
      out << v.dump();
      break;
  }
}

}  // namespace

std::string json_to_yaml(const json& value) {
  YAML::Emitter out;
  emit_json(out, value);
  return std::string(out.c_str()) + "\n";
}

nlohmann::json diagnostic_to_json(const Diagnostic& d) {
  return nlohmann::json{{"severity", d.severity == Severity::k_error ? "error" : "warning"},
                        {"file", d.location.file},
                        {"line", d.location.line},
                        {"column", d.location.column},
                        {"message", d.message}};
}

nlohmann::json conformance_to_json(const ConformanceReport& r, bool loaded) {
  return nlohmann::json{
      {"applicable", r.applicable},
      {"conformant", r.applicable ? nlohmann::json(r.conformant() && loaded) : nlohmann::json()},
      {"concepts_present", r.concepts_present},
      {"concepts_missing", r.concepts_missing},
      {"functions", r.functions},
      {"categories", r.categories},
      {"subcategories", r.subcategories},
      {"statements", r.statements},
      {"subcategories_without_references", r.subcategories_without_references}};
}

}  // namespace cyberframe::catalog
