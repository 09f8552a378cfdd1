#include "catalog/loader.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <variant>

#include "core/derive.hpp"
#include "util/text.hpp"
#include "util/yaml.hpp"

namespace cyberframe::catalog {

using core::Location;

std::string Diagnostic::to_string() const {
  std::ostringstream out;
  out << location.file;
  if (location.line > 0) out << ':' << location.line << ':' << location.column;
  out << (severity == Severity::k_error ? ": error: " : ": warning: ") << message;
  return out.str();
}

bool LoadResult::ok() const {
  return std::none_of(diagnostics.begin(), diagnostics.end(),
                      [](const Diagnostic& d) { return d.severity == Severity::k_error; });
}

namespace {

// Upper bound on framework nodes in one file (aliases, which could multiply a subtree, are refused
// while parsing).
constexpr std::size_t k_max_nodes_per_file = 500000;

const std::regex& item_id_pattern() {
  static const std::regex re("^[a-z0-9][a-z0-9.-]*$");
  return re;
}
const std::regex& node_id_pattern() {
  static const std::regex re("^[A-Za-z0-9][A-Za-z0-9._()-]*$");
  return re;
}
const std::regex& property_name_pattern() {
  static const std::regex re("^[a-z][a-z0-9]*(-[a-z0-9]+)*$");
  return re;
}
const std::regex& clause_id_pattern() {
  static const std::regex re("^[A-Za-z0-9][A-Za-z0-9._()-]*$");
  return re;
}

std::string type_name(const util::YamlNode& n) {
  switch (n.kind()) {
    case util::YamlNode::Kind::k_null:
    case util::YamlNode::Kind::k_undefined:
      return "nothing";
    case util::YamlNode::Kind::k_scalar:
      return "text";
    case util::YamlNode::Kind::k_sequence:
      return "a list";
    case util::YamlNode::Kind::k_map:
      return "a mapping";
  }
  return "?";
}

using Item = std::variant<core::Framework, core::Standard, core::MappingSet,
                          core::CatalogRiskCriteria, core::CatalogThreatCatalogue>;

struct ParsedItem {
  std::string path;
  Item item;
  bool overriding = false;
};

const std::string& item_id(const Item& item) {
  return std::visit([](const auto& v) -> const std::string& { return v.id; }, item);
}
const Location& item_location(const Item& item) {
  return std::visit([](const auto& v) -> const Location& { return v.location; }, item);
}

// Most errors reported for one file: past this the rest is noise.
constexpr std::size_t k_max_errors_per_file = 50;

// Thrown inside FileParser to stop parsing a file; the diagnostic is already recorded.
struct StopParsing {};

// Parses one YAML document into one catalog item, collecting every error.
class FileParser {
 public:
  FileParser(std::string path, std::vector<Diagnostic>& diagnostics)
      : m_path(std::move(path)), m_diagnostics(diagnostics) {}

  bool failed() const { return m_failed; }

  std::optional<Item> parse(const util::YamlNode& root) {
    if (!root.is_map()) {
      error(root,
            "expected a mapping with 'kind' at the top of the file, found " + type_name(root));
      return std::nullopt;
    }
    auto kind = text(root, "kind", true, "the file");
    if (!kind) return std::nullopt;
    if (*kind == "framework") return parse_framework(root);
    if (*kind == "standard") return parse_standard(root);
    if (*kind == "mapping-set") return parse_mapping_set(root);
    if (*kind == "risk-criteria") return parse_risk_criteria(root);
    if (*kind == "threat-catalogue") return parse_threat_catalogue(root);
    error(root["kind"], "unknown kind '" + *kind +
                            "' (expected framework, standard, mapping-set, risk-criteria or "
                            "threat-catalogue)");
    return std::nullopt;
  }

 private:
  Location loc(const util::YamlNode& n) const {
    auto at = n.position();
    return Location{m_path, at.line, at.column};
  }

  void error(const util::YamlNode& at, std::string message) {
    error_at(loc(at), std::move(message));
  }
  void error_at(Location where, std::string message) {
    m_failed = true;
    if (++m_error_count > k_max_errors_per_file) {
      m_diagnostics.push_back(Diagnostic{
          Severity::k_error, DiagnosticKind::k_content, std::move(where),
          "too many errors (more than " + std::to_string(k_max_errors_per_file) + "); stopping"});
      throw StopParsing{};
    }
    m_diagnostics.push_back(Diagnostic{Severity::k_error, DiagnosticKind::k_content,
                                       std::move(where), std::move(message)});
  }
  void warning(const util::YamlNode& at, std::string message) {
    m_diagnostics.push_back(
        Diagnostic{Severity::k_warning, DiagnosticKind::k_content, loc(at), std::move(message)});
  }

  // Reports unknown and duplicate keys of `map`. REQUIRES: map.is_map().
  void check_keys(const util::YamlNode& map, std::initializer_list<std::string_view> allowed,
                  std::string_view what) {
    std::set<std::string> seen;
    for (const auto& [key_node, value] : map.entries()) {
      if (!key_node.is_scalar()) {
        error(key_node,
              "a key in " + std::string(what) + " must be text, found " + type_name(key_node));
        continue;
      }
      const auto& key = key_node.scalar();
      if (!seen.insert(key).second) {
        error(key_node, "duplicate key '" + key + "' in " + std::string(what));
        continue;
      }
      if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
        std::vector<std::string> names(allowed.begin(), allowed.end());
        error(key_node, "unknown key '" + key + "' in " + std::string(what) +
                            " (expected one of: " + util::join(names, ", ") + ")");
      }
    }
  }

  // The text value of map[key]; nullopt (with an error when required) when missing or not text.
  std::optional<std::string> text(const util::YamlNode& map, const char* key, bool required,
                                  std::string_view what) {
    const auto& value = map[key];
    if (!value.is_defined() || value.is_null()) {
      if (required) {
        if (value.is_defined())
          error(value, "'" + std::string(key) + "' of " + std::string(what) + " must not be empty");
        else
          error(map, "missing required key '" + std::string(key) + "' in " + std::string(what));
      }
      return std::nullopt;
    }
    if (!value.is_scalar()) {
      error(value, "'" + std::string(key) + "' of " + std::string(what) + " must be text, found " +
                       type_name(value));
      return std::nullopt;
    }
    auto s = util::trim(value.scalar());
    if (s.empty() && required) {
      error(value, "'" + std::string(key) + "' of " + std::string(what) + " must not be empty");
      return std::nullopt;
    }
    return s;
  }

  std::string optional_text(const util::YamlNode& map, const char* key, std::string_view what) {
    return text(map, key, false, what).value_or("");
  }

  bool boolean(const util::YamlNode& map, const char* key, std::string_view what) {
    const auto& value = map[key];
    if (!value.is_defined() || value.is_null()) return false;
    if (value.is_scalar()) {
      const auto& s = value.scalar();
      if (s == "true") return true;
      if (s == "false") return false;
    }
    error(value, "'" + std::string(key) + "' of " + std::string(what) + " must be true or false");
    return false;
  }

  std::vector<std::string> text_list(const util::YamlNode& map, const char* key,
                                     std::string_view what) {
    std::vector<std::string> out;
    const auto& value = map[key];
    if (!value.is_defined() || value.is_null()) return out;
    if (!value.is_sequence()) {
      error(value, "'" + std::string(key) + "' of " + std::string(what) +
                       " must be a list of text, found " + type_name(value));
      return out;
    }
    for (const auto& item : value) {
      if (!item.is_scalar() || util::trim(item.scalar()).empty()) {
        error(item, "each entry of '" + std::string(key) + "' of " + std::string(what) +
                        " must be non-empty text, found " + type_name(item));
        continue;
      }
      out.push_back(util::trim(item.scalar()));
    }
    return out;
  }

  // A node's `properties`: a mapping of names to a list of one-line texts (or one text). Property
  // values are one line because they travel as OSCAL props, whose values are.
  std::map<std::string, std::vector<std::string>> properties(const util::YamlNode& value,
                                                             const std::string& what) {
    std::map<std::string, std::vector<std::string>> out;
    if (!value.is_defined() || value.is_null()) return out;
    if (!value.is_map()) {
      error(value, "'properties' of " + what +
                       " must be a mapping of property names to lists of text, found " +
                       type_name(value));
      return out;
    }
    for (const auto& [key, list] : value.entries()) {
      if (!key.is_scalar()) {
        error(key, "a property name of " + what + " must be text, found " + type_name(key));
        continue;
      }
      const std::string name = key.scalar();
      const std::string pwhat = "property '" + name + "' of " + what;
      if (!std::regex_match(name, property_name_pattern())) {
        error(key, "property name '" + name + "' of " + what +
                       " is not valid: use lowercase letters and digits in words joined by '-', "
                       "starting with a letter (e.g. documented-information)");
        continue;
      }
      if (out.contains(name)) {
        error(key, "duplicate property '" + name + "' in " + what);
        continue;
      }
      std::vector<const util::YamlNode*> items;
      if (list.is_scalar()) {
        items.push_back(&list);
      } else if (list.is_sequence()) {
        if (list.size() == 0) error(list, pwhat + " is an empty list: omit the property");
        for (const auto& item : list) items.push_back(&item);
      } else {
        error(list.is_defined() ? list : key,
              pwhat + " must be a list of text, found " + type_name(list));
        continue;
      }
      std::vector<std::string> values;
      for (const auto* item : items) {
        auto text = item->is_scalar() ? util::trim(item->scalar()) : std::string();
        if (!item->is_scalar() || text.empty()) {
          error(*item, "each value of " + pwhat + " must be non-empty text, found " +
                           (item->is_scalar() ? std::string("empty text") : type_name(*item)));
          continue;
        }
        if (text.find_first_of("\r\n") != std::string::npos) {
          error(*item, "a value of " + pwhat + " must be one line: it has a line break");
          continue;
        }
        values.push_back(std::move(text));
      }
      if (!values.empty()) out.emplace(name, std::move(values));
    }
    return out;
  }

  bool check_item_id(const util::YamlNode& root, const std::string& id) {
    if (!std::regex_match(id, item_id_pattern())) {
      error(root["id"],
            "id '" + id +
                "' is not valid: use lowercase letters, digits, '-' and '.', starting with a "
                "letter or digit");
      return false;
    }
    return true;
  }

  // A whole number of map[key] within [min, max]; nullopt (with an error when required or not a
  // number) otherwise.
  std::optional<long long> integer(const util::YamlNode& map, const char* key, bool required,
                                   std::string_view what, long long min, long long max) {
    auto t = text(map, key, required, what);
    if (!t) return std::nullopt;
    long long value = 0;
    auto [end, ec] = std::from_chars(t->data(), t->data() + t->size(), value);
    if (ec != std::errc() || end != t->data() + t->size() || value < min || value > max) {
      error(map[key], "'" + std::string(key) + "' of " + std::string(what) + " must be a whole " +
                          "number from " + std::to_string(min) + " to " + std::to_string(max) +
                          ", found '" + *t + "'");
      return std::nullopt;
    }
    return value;
  }

  core::Provenance parse_provenance(const util::YamlNode& root, std::string_view what,
                                    bool may_be_authored = false) {
    core::Provenance p;
    const auto& node = root["provenance"];
    if (!node.is_defined() || node.is_null()) {
      error(root, "missing required key 'provenance' in " + std::string(what) +
                      " (source document, edition, tables and method)");
      return p;
    }
    if (!node.is_map()) {
      error(node, "'provenance' must be a mapping, found " + type_name(node));
      return p;
    }
    check_keys(node, {"source", "edition", "tables", "licence", "method", "notes"}, "provenance");
    p.source = text(node, "source", true, "provenance").value_or("");
    p.edition = optional_text(node, "edition", "provenance");
    p.tables = optional_text(node, "tables", "provenance");
    p.licence = optional_text(node, "licence", "provenance");
    p.notes = optional_text(node, "notes", "provenance");
    if (auto method = text(node, "method", true, "provenance")) {
      auto m = core::parse_method(*method);
      if (m && (*m != core::Method::k_authored || may_be_authored))
        p.method = *m;
      else if (m)
        error(node["method"], "method 'authored' is for the product's own risk criteria; " +
                                  std::string(what) + " is transcribed, derived or user-authored");
      else
        error(node["method"],
              "unknown method '" + *method + "' (expected transcribed, derived" +
                  (may_be_authored ? ", user-authored or authored)" : " or user-authored)"));
    }
    return p;
  }

  std::optional<core::Framework> parse_framework(const util::YamlNode& root) {
    check_keys(root,
               {"kind", "id", "title", "short_title", "version", "publisher", "description",
                "conformance", "assess", "provenance", "nodes", "derive", "select"},
               "a framework");
    core::Framework fw;
    fw.location = loc(root);
    fw.id = text(root, "id", true, "the framework").value_or("");
    if (!fw.id.empty()) check_item_id(root, fw.id);
    fw.title = text(root, "title", true, "the framework").value_or("");
    fw.short_title = optional_text(root, "short_title", "the framework");
    fw.version = optional_text(root, "version", "the framework");
    fw.publisher = optional_text(root, "publisher", "the framework");
    fw.description = optional_text(root, "description", "the framework");
    if (auto c = text(root, "conformance", false, "the framework")) {
      if (*c == "ts-27110")
        fw.conformance = core::Conformance::k_ts_27110;
      else if (*c == "none")
        fw.conformance = core::Conformance::k_none;
      else
        error(root["conformance"], "unknown conformance '" + *c + "' (expected ts-27110 or none)");
    }
    if (auto a = text(root, "assess", false, "the framework")) {
      if (auto parsed = core::parse_assess(*a))
        fw.assess = *parsed;
      else
        error(root["assess"], "unknown assess '" + *a + "' (expected outcomes or requirements)");
    }
    fw.provenance = parse_provenance(root, "the framework");

    const auto& derive = root["derive"];
    const auto& select = root["select"];
    const auto& nodes = root["nodes"];
    bool has_derive = derive.is_defined() && !derive.is_null();
    bool has_select = select.is_defined() && !select.is_null();
    bool has_nodes = nodes.is_defined() && !nodes.is_null();
    if (int(has_derive) + int(has_select) + int(has_nodes) > 1) {
      error(has_derive ? derive : select,
            "a framework has one of 'nodes', 'derive' or 'select', not several");
    } else if (has_select) {
      if (!select.is_map()) {
        error(select,
              "'select' must be a mapping with 'from' and 'nodes', found " + type_name(select));
      } else {
        check_keys(select, {"from", "nodes"}, "'select'");
        core::Selection sel;
        sel.location = loc(select);
        sel.from = text(select, "from", true, "'select'").value_or("");
        auto chosen = text_list(select, "nodes", "'select'");
        if (chosen.empty())
          error(select,
                "'select' needs 'nodes': the ids of the chosen nodes of '" + sel.from + "'");
        for (auto& id : chosen) {
          if (!sel.nodes.insert(id).second)
            error(select["nodes"], "node '" + id + "' is chosen twice in 'select'");
        }
        fw.selection = std::move(sel);
      }
    } else if (has_derive) {
      if (!derive.is_map()) {
        error(derive,
              "'derive' must be a mapping with 'from' and 'through', found " + type_name(derive));
      } else {
        check_keys(derive, {"from", "through"}, "'derive'");
        core::Derivation d;
        d.location = loc(derive);
        d.from = text(derive, "from", true, "'derive'").value_or("");
        d.through = text_list(derive, "through", "'derive'");
        if (d.through.empty() && derive["through"].is_defined() == false)
          error(derive, "missing required key 'through' in 'derive' (the edition mapping sets)");
        fw.derivation = std::move(d);
      }
    } else if (!has_nodes) {
      error(root, "missing required key 'nodes' in the framework (its functions)");
    } else if (!nodes.is_sequence()) {
      error(nodes, "'nodes' must be a list of function nodes, found " + type_name(nodes));
    } else {
      if (nodes.size() == 0)
        error(nodes, "'nodes' is empty: a framework needs at least one function");
      std::map<std::string, Location> seen;
      for (const auto& n : nodes) {
        if (auto node = parse_node(n, core::Level::k_function, "", seen))
          fw.nodes.push_back(std::move(*node));
      }
    }
    if (m_failed) return std::nullopt;
    return fw;
  }

  std::optional<core::Node> parse_node(const util::YamlNode& n, core::Level expected,
                                       const std::string& parent_id,
                                       std::map<std::string, Location>& seen) {
    if (++m_node_count > k_max_nodes_per_file) {
      error(n, "more than " + std::to_string(k_max_nodes_per_file) +
                   " nodes in one file (are YAML aliases repeating a subtree?); stopping");
      throw StopParsing{};
    }
    const std::string where =
        parent_id.empty() ? std::string("a function node") : "a child of node " + parent_id;
    if (!n.is_map()) {
      error(n, where + " must be a mapping with id, level and title, found " + type_name(n));
      return std::nullopt;
    }
    core::Node node;
    node.location = loc(n);
    node.id = text(n, "id", true, where).value_or("");
    const std::string what = node.id.empty() ? where : "node " + node.id;
    check_keys(n,
               {"id", "level", "title", "description", "source", "notes", "references",
                "activities", "inputs", "outputs", "properties", "children"},
               what);
    if (!node.id.empty()) {
      if (!std::regex_match(node.id, node_id_pattern())) {
        error(n["id"],
              "node id '" + node.id +
                  "' is not valid: use letters, digits, '.', '-', '_' and brackets (AC-2(1)), "
                  "starting with a letter or digit");
      }
      auto [it, inserted] = seen.emplace(node.id, node.location);
      if (!inserted) {
        error(n["id"], "duplicate node id '" + node.id + "' (first defined at line " +
                           std::to_string(it->second.line) + ")");
      }
    }
    if (auto level = text(n, "level", true, what)) {
      if (auto l = core::parse_level(*level)) {
        node.level = *l;
        // A statement is part of its parent's text: a category's too (a control's items).
        bool part = *l == core::Level::k_statement && expected == core::Level::k_subcategory;
        if (*l != expected && !part) {
          error(n["level"],
                "node " + node.id + " is a " + *level + " but " +
                    (parent_id.empty() ? std::string("top-level nodes must be functions")
                                       : "children of " + parent_id + " must be " +
                                             std::string(core::to_string(expected)) + " nodes"));
        }
      } else {
        error(n["level"], "unknown level '" + *level +
                              "' (expected function, category, subcategory or statement)");
      }
    }
    bool needs_title =
        node.level == core::Level::k_function || node.level == core::Level::k_category;
    node.title = text(n, "title", needs_title, what).value_or("");
    node.description = optional_text(n, "description", what);
    if (!needs_title && node.title.empty() && node.description.empty() &&
        n["description"].is_defined() == false) {
      error(n, "missing required key 'description' in " + what + " (the outcome it states)");
    }
    node.source = optional_text(n, "source", what);
    node.notes = optional_text(n, "notes", what);
    node.activities = text_list(n, "activities", what);
    node.inputs = text_list(n, "inputs", what);
    node.outputs = text_list(n, "outputs", what);
    node.properties = properties(n["properties"], what);
    const auto& refs = n["references"];
    if (refs.is_defined() && !refs.is_null()) {
      if (!refs.is_sequence()) {
        error(refs, "'references' of " + what + " must be a list, found " + type_name(refs));
      } else {
        for (const auto& r : refs) parse_reference(r, what, node.references);
      }
    }
    const auto& children = n["children"];
    if (children.is_defined() && !children.is_null()) {
      if (!children.is_sequence()) {
        error(children,
              "'children' of " + what + " must be a list of nodes, found " + type_name(children));
      } else {
        for (const auto& c : children) {
          if (auto child = parse_node(c, core::child_level(node.level), node.id, seen))
            node.children.push_back(std::move(*child));
        }
      }
    }
    return node;
  }

  void parse_reference(const util::YamlNode& r, const std::string& what,
                       std::vector<core::Reference>& out) {
    const std::string rwhat = "a reference of " + what;
    if (!r.is_map()) {
      error(r, rwhat + " must be a mapping with 'standard' (and 'clause'), found " + type_name(r));
      return;
    }
    check_keys(r, {"standard", "clause", "clauses", "all_parts", "printed", "note"}, rwhat);
    core::Reference base;
    base.location = loc(r);
    base.standard = text(r, "standard", true, rwhat).value_or("");
    base.all_parts = boolean(r, "all_parts", rwhat);
    base.printed = optional_text(r, "printed", rwhat);
    base.note = optional_text(r, "note", rwhat);
    bool has_clause = r["clause"].is_defined() && !r["clause"].is_null();
    bool has_clauses = r["clauses"].is_defined() && !r["clauses"].is_null();
    if (has_clause && has_clauses) {
      error(r, rwhat + " has both 'clause' and 'clauses': use one");
      return;
    }
    std::vector<std::pair<std::string, const util::YamlNode*>> clauses;
    if (has_clause) {
      if (auto c = text(r, "clause", false, rwhat)) clauses.emplace_back(*c, &r["clause"]);
    } else if (has_clauses) {
      const auto& list = r["clauses"];
      if (!list.is_sequence()) {
        error(list, "'clauses' of " + rwhat + " must be a list, found " + type_name(list));
        return;
      }
      if (list.size() == 0)
        error(list, "'clauses' of " + rwhat + " is empty: omit it to cite the whole standard");
      for (const auto& c : list) {
        if (!c.is_scalar()) {
          error(c, "each clause of " + rwhat + " must be text, found " + type_name(c));
          continue;
        }
        clauses.emplace_back(util::trim(c.scalar()), &c);
      }
    }
    for (const auto& [clause, at] : clauses) {
      if (!std::regex_match(clause, clause_id_pattern())) {
        error(*at, "clause '" + clause +
                       "' is not a clause id (write 'Clause 4' as \"4\", '4.1.' as \"4.1\")");
        continue;
      }
    }
    if (clauses.empty()) {
      out.push_back(base);
      return;
    }
    for (const auto& [clause, at] : clauses) {
      auto ref = base;
      ref.clause = clause;
      ref.location = loc(*at);
      out.push_back(std::move(ref));
    }
  }

  std::optional<core::Standard> parse_standard(const util::YamlNode& root) {
    check_keys(root,
               {"kind", "id", "designation", "title", "publisher", "edition", "multipart",
                "superseded_by", "provenance", "clauses", "annex"},
               "a standard");
    core::Standard s;
    s.location = loc(root);
    s.id = text(root, "id", true, "the standard").value_or("");
    if (!s.id.empty()) check_item_id(root, s.id);
    s.designation = text(root, "designation", true, "the standard").value_or("");
    s.title = text(root, "title", true, "the standard").value_or("");
    s.publisher = optional_text(root, "publisher", "the standard");
    s.edition = optional_text(root, "edition", "the standard");
    s.multipart = boolean(root, "multipart", "the standard");
    s.superseded_by = optional_text(root, "superseded_by", "the standard");
    s.provenance = parse_provenance(root, "the standard");
    const auto& clauses = root["clauses"];
    if (clauses.is_defined() && !clauses.is_null()) {
      s.has_clause_list = true;
      if (!clauses.is_sequence()) {
        error(clauses, "'clauses' must be a list, found " + type_name(clauses));
      } else {
        std::map<std::string, int> seen;
        for (const auto& c : clauses) {
          if (!c.is_map()) {
            error(c, "a clause must be a mapping with id and title, found " + type_name(c));
            continue;
          }
          check_keys(c, {"id", "title", "type"}, "a clause");
          core::Clause clause;
          clause.id = text(c, "id", true, "a clause").value_or("");
          clause.title = text(c, "title", true, "clause " + clause.id).value_or("");
          clause.type = text(c, "type", false, "clause " + clause.id).value_or("clause");
          static const std::set<std::string> k_types{"clause", "section", "objective", "control",
                                                     "annex"};
          if (!k_types.contains(clause.type))
            error(c["type"], "unknown clause type '" + clause.type +
                                 "' (expected clause, section, objective, control or annex)");
          if (clause.id.empty()) continue;
          if (!std::regex_match(clause.id, clause_id_pattern())) {
            error(c["id"], "clause id '" + clause.id + "' is not valid");
            continue;
          }
          auto [it, inserted] = seen.emplace(clause.id, loc(c).line);
          if (!inserted) {
            error(c["id"], "duplicate clause id '" + clause.id + "' (first at line " +
                               std::to_string(it->second) + ")");
            continue;
          }
          auto parent = core::parent_clause(clause.id);
          if (!parent.empty() && !seen.contains(parent)) {
            error(c["id"], "clause '" + clause.id + "' comes before (or without) its parent '" +
                               parent + "'");
          }
          s.clauses.push_back(std::move(clause));
        }
      }
    }
    const auto& annex = root["annex"];
    if (annex.is_defined() && !annex.is_null()) {
      if (!annex.is_map()) {
        error(annex,
              "'annex' must be a mapping with 'prefix' and 'mirrors', found " + type_name(annex));
      } else {
        check_keys(annex, {"prefix", "mirrors", "titles"}, "'annex'");
        core::Annex a;
        a.location = loc(annex);
        a.prefix = text(annex, "prefix", true, "'annex'").value_or("");
        a.mirrors = text(annex, "mirrors", true, "'annex'").value_or("");
        const auto& titles = annex["titles"];
        if (titles.is_defined() && !titles.is_null()) {
          if (!titles.is_map()) {
            error(titles, "'annex.titles' must be a mapping of annex clause ids to titles, found " +
                              type_name(titles));
          } else {
            for (const auto& [key_node, value] : titles.entries()) {
              auto id = util::trim(key_node.scalar());
              if (!value.is_scalar() || util::trim(value.scalar()).empty()) {
                error(value, "'annex.titles' of '" + id + "' must be a title");
              } else if (!id.starts_with(a.prefix)) {
                error(key_node, "'annex.titles': '" + id + "' does not start with the prefix '" +
                                    a.prefix + "'");
              } else {
                a.titles[id] = util::trim(value.scalar());
              }
            }
          }
        }
        s.annex = std::move(a);
        s.has_clause_list = true;
      }
    }
    if (m_failed) return std::nullopt;
    return s;
  }

  std::optional<core::CatalogItemRef> parse_item_ref(const util::YamlNode& root, const char* key) {
    const auto& node = root[key];
    if (!node.is_defined() || node.is_null()) {
      error(root, std::string("missing required key '") + key +
                      "' in the mapping set ({ standard: ID } or { framework: ID })");
      return std::nullopt;
    }
    if (!node.is_map() || node.size() != 1) {
      error(node, std::string("'") + key + "' must be { standard: ID } or { framework: ID }");
      return std::nullopt;
    }
    const auto entry = *node.entries().begin();
    core::CatalogItemRef ref;
    const auto& k = entry.key.scalar();
    if (k == "standard")
      ref.kind = core::CatalogItemRef::Kind::k_standard;
    else if (k == "framework")
      ref.kind = core::CatalogItemRef::Kind::k_framework;
    else {
      error(entry.key,
            std::string("'") + key + "' must name a 'standard' or a 'framework', not '" + k + "'");
      return std::nullopt;
    }
    if (!entry.value.is_scalar()) {
      error(entry.value, std::string("'") + key + "." + k + "' must be an id");
      return std::nullopt;
    }
    ref.id = util::trim(entry.value.scalar());
    return ref;
  }

  std::optional<core::MappingSet> parse_mapping_set(const util::YamlNode& root) {
    check_keys(root,
               {"kind", "id", "title", "source", "target", "purpose", "provenance", "mappings"},
               "a mapping set");
    core::MappingSet set;
    set.location = loc(root);
    set.id = text(root, "id", true, "the mapping set").value_or("");
    if (!set.id.empty()) check_item_id(root, set.id);
    set.title = text(root, "title", true, "the mapping set").value_or("");
    if (auto src = parse_item_ref(root, "source")) set.source = *src;
    if (auto tgt = parse_item_ref(root, "target")) set.target = *tgt;
    if (auto purpose = text(root, "purpose", false, "the mapping set")) {
      if (*purpose == "edition")
        set.purpose = core::Purpose::k_edition;
      else if (*purpose == "crosswalk")
        set.purpose = core::Purpose::k_crosswalk;
      else
        error(root["purpose"],
              "unknown purpose '" + *purpose + "' (expected edition or crosswalk)");
    }
    set.provenance = parse_provenance(root, "the mapping set");
    const auto& mappings = root["mappings"];
    if (!mappings.is_defined() || mappings.is_null()) {
      error(root, "missing required key 'mappings' in the mapping set");
    } else if (!mappings.is_sequence()) {
      error(mappings, "'mappings' must be a list, found " + type_name(mappings));
    } else {
      for (const auto& m : mappings) {
        if (!m.is_map()) {
          error(m, "a mapping must be a mapping with source, target and relationship, found " +
                       type_name(m));
          continue;
        }
        check_keys(m, {"source", "target", "relationship", "rationale"}, "a mapping");
        core::Mapping mapping;
        mapping.location = loc(m);
        mapping.source = text(m, "source", true, "a mapping").value_or("");
        const auto& target = m["target"];
        if (target.is_defined() && !target.is_null()) {
          if (target.is_scalar()) {
            mapping.targets.push_back(util::trim(target.scalar()));
          } else {
            mapping.targets = text_list(m, "target", "mapping of " + mapping.source);
          }
        }
        mapping.rationale = optional_text(m, "rationale", "a mapping");
        if (auto rel = text(m, "relationship", true, "mapping of " + mapping.source)) {
          if (auto r = core::parse_relationship(*rel)) {
            mapping.relationship = *r;
            bool none = *r == core::Relationship::k_no_relationship;
            if (none && !mapping.targets.empty())
              error(m["target"],
                    "mapping of " + mapping.source + " is no-relationship but names a target");
            if (!none && mapping.targets.empty())
              error(m, "mapping of " + mapping.source +
                           " has no target (use relationship: no-relationship)");
          } else {
            error(m["relationship"], "unknown relationship '" + *rel +
                                         "' (expected equal, equivalent, subset-of, superset-of, "
                                         "intersects-with or no-relationship)");
          }
        }
        set.mappings.push_back(std::move(mapping));
      }
    }
    if (m_failed) return std::nullopt;
    return set;
  }

  // --- risk criteria ---------------------------------------------------------------------------

  // Where each part of a criteria file is, to point at the line of a problem core finds.
  struct CriteriaPlaces {
    Location whole, id, name, version, likelihood, types, levels, matrix, assessment;
    std::vector<Location> points;                    // likelihood points
    std::vector<Location> type_at;                   // consequence types
    std::vector<std::vector<Location>> type_points;  // their points
    std::vector<Location> level_at;
    std::vector<Location> row_at;
    std::vector<std::vector<Location>> cell_at;
  };

  Location place_of(const CriteriaPlaces& at, const core::CriteriaProblem& p) const {
    using Part = core::CriteriaProblem::Part;
    auto pick = [](const std::vector<Location>& v, int i, const Location& fallback) {
      return i >= 0 && static_cast<std::size_t>(i) < v.size() ? v[static_cast<std::size_t>(i)]
                                                              : fallback;
    };
    switch (p.part) {
      case Part::k_criteria:
        return at.whole;
      case Part::k_id:
        return at.id;
      case Part::k_name:
        return at.name;
      case Part::k_version:
        return at.version;
      case Part::k_likelihood:
        return pick(at.points, p.index, at.likelihood);
      case Part::k_consequence_type: {
        auto type = pick(at.type_at, p.index, at.types);
        if (p.index < 0 || static_cast<std::size_t>(p.index) >= at.type_points.size()) return type;
        return pick(at.type_points[static_cast<std::size_t>(p.index)], p.index2, type);
      }
      case Part::k_level:
        return pick(at.level_at, p.index, at.levels);
      case Part::k_matrix: {
        auto row = pick(at.row_at, p.index, at.matrix);
        if (p.index < 0 || static_cast<std::size_t>(p.index) >= at.cell_at.size()) return row;
        return pick(at.cell_at[static_cast<std::size_t>(p.index)], p.index2, row);
      }
      case Part::k_assessment_criteria:
        return at.assessment;
    }
    return at.whole;
  }

  // A list of scale points ({value, name, meaning}); their locations go to `places`.
  std::vector<core::ScalePoint> scale_points(const util::YamlNode& list, const std::string& what,
                                             std::vector<Location>& places) {
    std::vector<core::ScalePoint> out;
    if (!list.is_sequence()) {
      error(list, what + " must be a list of points ({ value, name, meaning }), found " +
                      type_name(list));
      return out;
    }
    for (const auto& item : list) {
      const std::string pwhat = "point " + std::to_string(out.size() + 1) + " of " + what;
      if (!item.is_map()) {
        error(item,
              pwhat + " must be a mapping with value, name and meaning, found " + type_name(item));
        continue;
      }
      check_keys(item, {"value", "name", "meaning"}, pwhat);
      core::ScalePoint p;
      p.value = static_cast<int>(integer(item, "value", true, pwhat, 1, 100).value_or(0));
      p.name = text(item, "name", true, pwhat).value_or("");
      p.meaning = optional_text(item, "meaning", pwhat);
      places.push_back(loc(item));
      out.push_back(std::move(p));
    }
    return out;
  }

  std::optional<core::CatalogRiskCriteria> parse_risk_criteria(const util::YamlNode& root) {
    check_keys(root,
               {"kind", "id", "name", "version", "description", "provenance", "likelihood",
                "consequence_types", "levels", "matrix", "assessment_criteria"},
               "risk criteria");
    const std::string what = "the risk criteria";
    core::CatalogRiskCriteria out;
    CriteriaPlaces at;
    out.location = at.whole = loc(root);
    auto place = [&](const char* key) {
      return root[key].is_defined() ? loc(root[key]) : at.whole;
    };
    at.id = place("id");
    at.name = place("name");
    at.version = place("version");
    at.likelihood = place("likelihood");
    at.types = place("consequence_types");
    at.levels = place("levels");
    at.matrix = place("matrix");
    at.assessment = place("assessment_criteria");
    auto& c = out.criteria;
    out.id = c.id = text(root, "id", true, what).value_or("");
    if (!c.id.empty()) check_item_id(root, c.id);
    c.name = text(root, "name", true, what).value_or("");
    c.version = integer(root, "version", false, what, 1, 1000000).value_or(1);
    c.description = optional_text(root, "description", what);
    c.assessment_criteria = text(root, "assessment_criteria", true, what).value_or("");
    out.provenance = parse_provenance(root, what, true);
    c.source = out.provenance.source;

    if (const auto& n = root["likelihood"]; !n.is_defined() || n.is_null())
      error(root,
            "missing required key 'likelihood' in " + what + " (the rows, likelihood 1 first)");
    else
      c.likelihood = scale_points(n, "'likelihood'", at.points);

    const auto& types = root["consequence_types"];
    if (!types.is_defined() || types.is_null()) {
      error(root, "missing required key 'consequence_types' in " + what);
    } else if (!types.is_sequence()) {
      error(types, "'consequence_types' must be a list of { id, name, points }, found " +
                       type_name(types));
    } else {
      for (const auto& t : types) {
        const std::string twhat =
            "consequence type " + std::to_string(c.consequence_types.size() + 1);
        if (!t.is_map()) {
          error(t, twhat + " must be a mapping with id, name and points, found " + type_name(t));
          continue;
        }
        check_keys(t, {"id", "name", "points"}, twhat);
        core::ConsequenceType type;
        type.id = text(t, "id", true, twhat).value_or("");
        type.name = text(t, "name", true, twhat).value_or("");
        at.type_at.push_back(loc(t));
        at.type_points.emplace_back();
        if (const auto& pts = t["points"]; !pts.is_defined() || pts.is_null())
          error(t, "missing required key 'points' in " + twhat);
        else
          type.points =
              scale_points(pts, "consequence type '" + type.id + "'", at.type_points.back());
        c.consequence_types.push_back(std::move(type));
      }
    }

    const auto& levels = root["levels"];
    if (!levels.is_defined() || levels.is_null()) {
      error(root, "missing required key 'levels' in " + what + " (lowest first)");
    } else if (!levels.is_sequence()) {
      error(levels, "'levels' must be a list of levels, lowest first, found " + type_name(levels));
    } else {
      for (const auto& l : levels) {
        const std::string lwhat = "level " + std::to_string(c.levels.size() + 1);
        if (!l.is_map()) {
          error(l, lwhat + " must be a mapping with id, name, colour, acceptance and " +
                       "review_months, found " + type_name(l));
          continue;
        }
        check_keys(l, {"id", "name", "colour", "acceptance", "review_months"}, lwhat);
        core::RiskLevel level;
        level.id = text(l, "id", true, lwhat).value_or("");
        level.name = text(l, "name", true, lwhat).value_or("");
        level.colour = text(l, "colour", true, lwhat).value_or("");
        if (auto a = text(l, "acceptance", true, lwhat)) {
          if (auto parsed = core::parse_acceptance(*a))
            level.acceptance = *parsed;
          else
            error(l["acceptance"],
                  "unknown acceptance '" + *a + "' (expected accept, owner-approval or treat)");
        }
        level.review_months =
            static_cast<int>(integer(l, "review_months", true, lwhat, 1, 120).value_or(12));
        at.level_at.push_back(loc(l));
        c.levels.push_back(std::move(level));
      }
    }

    const auto& matrix = root["matrix"];
    if (!matrix.is_defined() || matrix.is_null()) {
      error(root, "missing required key 'matrix' in " + what +
                      " (one row of level ids per likelihood, likelihood 1 first)");
    } else if (!matrix.is_sequence()) {
      error(matrix, "'matrix' must be a list of rows, found " + type_name(matrix));
    } else {
      for (const auto& row : matrix) {
        const std::string rwhat = "matrix row " + std::to_string(c.matrix.size() + 1);
        at.row_at.push_back(loc(row));
        at.cell_at.emplace_back();
        c.matrix.emplace_back();
        if (!row.is_sequence()) {
          error(row, rwhat + " must be a list of level ids, one per consequence, found " +
                         type_name(row));
          continue;
        }
        for (const auto& cell : row) {
          if (!cell.is_scalar()) {
            error(cell, rwhat + ": a cell must be a level id, found " + type_name(cell));
            continue;
          }
          at.cell_at.back().push_back(loc(cell));
          c.matrix.back().push_back(util::trim(cell.scalar()));
        }
      }
    }
    if (m_failed) return std::nullopt;
    for (const auto& p : core::criteria_problems(c)) error_at(place_of(at, p), p.message);
    if (m_failed) return std::nullopt;
    return out;
  }

  // --- threat catalogues ------------------------------------------------------------------------

  std::optional<core::CatalogThreatCatalogue> parse_threat_catalogue(const util::YamlNode& root) {
    check_keys(root, {"kind", "id", "title", "provenance", "categories", "groups"},
               "a threat catalogue");
    const std::string what = "the threat catalogue";
    core::CatalogThreatCatalogue out;
    out.location = loc(root);
    out.id = out.catalogue.id = text(root, "id", true, what).value_or("");
    if (!out.id.empty()) check_item_id(root, out.id);
    out.catalogue.title = text(root, "title", true, what).value_or("");
    out.provenance = parse_provenance(root, what);
    out.catalogue.licence = out.provenance.licence;
    out.catalogue.source = out.provenance.source;
    if (!out.provenance.edition.empty() &&
        out.catalogue.source.find(out.provenance.edition) == std::string::npos)
      out.catalogue.source += " (" + out.provenance.edition + ")";
    if (!out.provenance.tables.empty()) out.catalogue.source += "; " + out.provenance.tables;

    static const std::regex threat_id("^[A-Za-z0-9][A-Za-z0-9._:-]*$");
    std::set<std::string> category_ids;
    const auto& categories = root["categories"];
    if (!categories.is_defined() || categories.is_null()) {
      error(root, "missing required key 'categories' in " + what +
                      " (the threat-source types its threats fall in)");
    } else if (!categories.is_sequence()) {
      error(categories, "'categories' must be a list, found " + type_name(categories));
    } else {
      for (const auto& c : categories) {
        const std::string cwhat = "category " + std::to_string(out.categories.size() + 1);
        if (!c.is_map()) {
          error(c,
                cwhat + " must be a mapping with id, name and description, found " + type_name(c));
          continue;
        }
        check_keys(c, {"id", "name", "description"}, cwhat);
        core::ThreatCategory category;
        category.id = text(c, "id", true, cwhat).value_or("");
        category.name = text(c, "name", true, cwhat).value_or("");
        category.description = optional_text(c, "description", cwhat);
        if (!category.id.empty() && !std::regex_match(category.id, item_id_pattern()))
          error(c["id"], "category id '" + category.id + "' is not valid: use lowercase letters, " +
                             "digits, '-' and '.'");
        else if (!category.id.empty() && !category_ids.insert(category.id).second)
          error(c["id"], "duplicate category '" + category.id + "'");
        out.categories.push_back(std::move(category));
      }
    }

    std::map<std::string, int> threat_lines;
    std::set<std::string> group_ids;
    const auto& groups = root["groups"];
    if (!groups.is_defined() || groups.is_null()) {
      error(root, "missing required key 'groups' in " + what + " (each with its threats)");
    } else if (!groups.is_sequence()) {
      error(groups, "'groups' must be a list, found " + type_name(groups));
    } else {
      for (const auto& g : groups) {
        const std::string gwhat = "group " + std::to_string(out.groups.size() + 1);
        if (!g.is_map()) {
          error(g, gwhat + " must be a mapping with id, title and threats, found " + type_name(g));
          continue;
        }
        check_keys(g, {"id", "title", "category", "table", "threats"}, gwhat);
        core::ThreatGroup group;
        group.id = text(g, "id", true, gwhat).value_or("");
        group.title = text(g, "title", true, gwhat).value_or("");
        if (!group.id.empty() && !group_ids.insert(group.id).second)
          error(g["id"], "duplicate group '" + group.id + "'");
        const auto group_category = optional_text(g, "category", gwhat);
        const auto table = optional_text(g, "table", gwhat);
        const auto& threats = g["threats"];
        if (!threats.is_defined() || threats.is_null() || !threats.is_sequence() ||
            threats.size() == 0) {
          error(threats.is_defined() ? threats : g,
                gwhat + " needs 'threats': a non-empty list of { id, name, description }");
        } else {
          for (const auto& t : threats) {
            const std::string twhat = "a threat of group '" + group.id + "'";
            if (!t.is_map()) {
              error(t, twhat + " must be a mapping with id, name and description, found " +
                           type_name(t));
              continue;
            }
            check_keys(t, {"id", "name", "description", "category"}, twhat);
            core::Threat threat;
            threat.id = text(t, "id", true, twhat).value_or("");
            threat.name = text(t, "name", true, "threat " + threat.id).value_or("");
            threat.description = optional_text(t, "description", "threat " + threat.id);
            threat.category =
                text(t, "category", false, "threat " + threat.id).value_or(group_category);
            threat.source = out.provenance.source + (table.empty() ? "" : ", " + table);
            if (!threat.id.empty()) {
              if (!std::regex_match(threat.id, threat_id)) {
                error(t["id"], "threat id '" + threat.id +
                                   "' is not valid: use letters, digits, '.', '-', '_' and ':'");
              } else if (auto [it, inserted] = threat_lines.emplace(threat.id, loc(t).line);
                         !inserted) {
                error(t["id"], "duplicate threat id '" + threat.id + "' (first at line " +
                                   std::to_string(it->second) + ")");
              }
            }
            if (threat.category.empty())
              error(t, "threat " + threat.id +
                           " has no category (give the group or the threat a 'category')");
            else if (!category_ids.contains(threat.category))
              error(t["category"].is_defined() ? t["category"] : g["category"],
                    "threat " + threat.id + ": unknown category '" + threat.category + "'");
            group.threats.push_back(threat.id);
            out.catalogue.threats.push_back(std::move(threat));
          }
        }
        out.groups.push_back(std::move(group));
      }
    }
    if (m_failed) return std::nullopt;
    return out;
  }

  std::string m_path;
  std::vector<Diagnostic>& m_diagnostics;
  bool m_failed = false;
  std::size_t m_node_count = 0;
  std::size_t m_error_count = 0;
};

std::pair<int, int> line_column_at(std::string_view text, std::size_t offset) {
  int line = 1;
  int column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return {line, column};
}

}  // namespace

struct Loader::Impl {
  std::vector<ParsedItem> items;
  std::vector<Diagnostic> diagnostics;
  std::set<std::string> rejected;
  std::set<std::string> failed_ids;  // ids declared by files that failed to parse

  void unreadable(const std::string& path, int line, int column, std::string message) {
    diagnostics.push_back(Diagnostic{Severity::k_error, DiagnosticKind::k_unreadable,
                                     Location{path, line, column}, std::move(message)});
    rejected.insert(path);
  }

  // Cross-file checks for one item against the items still alive. Returns the diagnostics.
  std::vector<Diagnostic> check(const ParsedItem& parsed,
                                const std::map<std::string, const Item*>& alive,
                                const std::set<std::string>& dead) const;
};

Loader::Loader() : m_impl(std::make_unique<Impl>()) {}
Loader::~Loader() = default;

void Loader::add_text(std::string path, std::string_view content, bool overriding,
                      const util::ParseLimits* limits) {
  const auto& budget_limits = limits ? *limits : k_file_limits;  // loader.hpp
  if (content.size() > budget_limits.bytes) {
    m_impl->unreadable(path, 0, 0,
                       "file is " + std::to_string(content.size()) +
                           " bytes; a catalog file may be at most " +
                           std::to_string(budget_limits.bytes) + " bytes (" +
                           std::to_string(budget_limits.bytes >> 20) + " MiB)");
    return;
  }
  if (auto bad = util::find_invalid_utf8(content); bad != std::string_view::npos) {
    auto [line, column] = line_column_at(content, bad);
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X",
                  static_cast<unsigned>(static_cast<unsigned char>(content[bad])));
    m_impl->unreadable(path, line, column,
                       std::string("not a UTF-8 text file (byte ") + hex + " at offset " +
                           std::to_string(bad) + "); catalog files are YAML text");
    return;
  }
  util::Budget budget(budget_limits, "a catalog file");
  auto read = util::read_yaml(content, budget);
  if (!read) {
    const auto& e = read.error();
    std::string message;
    switch (e.kind) {
      case util::YamlError::Kind::k_alias:
        message = "YAML aliases ('*name') are not allowed in catalog files; write the content out";
        break;
      case util::YamlError::Kind::k_syntax:
        message = "YAML syntax error: " + e.message;
        break;
      default:
        message = e.message;
        break;
    }
    m_impl->unreadable(path, e.position.line, e.position.column, std::move(message));
    return;
  }
  const auto& docs = *read;
  if (docs.empty() || (docs.size() == 1 && docs[0].is_null())) {
    m_impl->unreadable(path, 1, 1,
                       "the file is empty; expected a catalog document starting with 'kind:'");
    return;
  }
  if (docs.size() > 1) {
    auto at = docs[1].position();
    m_impl->unreadable(path, at.line, at.column,
                       "the file holds " + std::to_string(docs.size()) +
                           " YAML documents; a catalog file holds exactly one");
    return;
  }
  FileParser parser(path, m_impl->diagnostics);
  std::optional<Item> item;
  try {
    item = parser.parse(docs[0]);
  } catch (const StopParsing&) {
    m_impl->rejected.insert(path);
    if (docs[0].is_map() && docs[0]["id"].is_scalar())
      m_impl->failed_ids.insert(docs[0]["id"].scalar());
    return;
  }
  if (!item || parser.failed()) {
    m_impl->rejected.insert(path);
    if (docs[0].is_map() && docs[0]["id"].is_scalar())
      m_impl->failed_ids.insert(docs[0]["id"].scalar());
    return;
  }
  m_impl->items.push_back(ParsedItem{path, std::move(*item), overriding});
}

void Loader::add_file(const std::filesystem::path& path, bool overriding) {
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) {
    m_impl->unreadable(path.string(), 0, 0, "no such file");
    return;
  }
  if (std::filesystem::is_directory(status)) {
    m_impl->unreadable(path.string(), 0, 0, "is a directory, not a catalog file");
    return;
  }
  auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > k_max_file_bytes) {
    m_impl->unreadable(path.string(), 0, 0,
                       "file is " + std::to_string(size) +
                           " bytes; a catalog file may be at most " +
                           std::to_string(k_max_file_bytes) + " bytes (16 MiB)");
    return;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    m_impl->unreadable(path.string(), 0, 0, "cannot be read (permission denied?)");
    return;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  add_text(path.string(), buffer.str(), overriding);
}

void Loader::add_directory(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    m_impl->unreadable(dir.string(), 0, 0, "catalog directory does not exist");
    return;
  }
  for (const auto& f : catalog_files_below(dir)) add_file(f);
}

std::vector<std::filesystem::path> catalog_files_below(const std::filesystem::path& dir) {
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    auto ext = it->path().extension();
    if (ext == ".yaml" || ext == ".yml") files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

namespace {

Diagnostic content_error(Location where, std::string message) {
  return Diagnostic{Severity::k_error, DiagnosticKind::k_content, std::move(where),
                    std::move(message)};
}

// Clause ids of a standard, including its annex as built from the mirrored standard.
std::set<std::string> clause_ids(const core::Standard& s,
                                 const std::map<std::string, const Item*>& alive) {
  std::set<std::string> ids;
  for (const auto& c : s.clauses) ids.insert(c.id);
  if (s.annex) {
    auto it = alive.find(s.annex->mirrors);
    if (it != alive.end()) {
      if (const auto* m = std::get_if<core::Standard>(it->second)) {
        for (const auto& c : m->clauses) ids.insert(s.annex->prefix + c.id);
      }
    }
  }
  return ids;
}

}  // namespace

std::vector<Diagnostic> Loader::Impl::check(const ParsedItem& parsed,
                                            const std::map<std::string, const Item*>& alive,
                                            const std::set<std::string>& dead) const {
  std::vector<Diagnostic> out;
  auto missing = [&](const std::string& what, const std::string& id) {
    if (dead.contains(id)) return what + " '" + id + "' failed to load (see its errors)";
    return "unknown " + what + " '" + id + "'";
  };
  auto find_standard = [&](const std::string& id) -> const core::Standard* {
    auto it = alive.find(id);
    if (it == alive.end()) return nullptr;
    return std::get_if<core::Standard>(it->second);
  };
  auto find_framework = [&](const std::string& id) -> const core::Framework* {
    auto it = alive.find(id);
    if (it == alive.end()) return nullptr;
    return std::get_if<core::Framework>(it->second);
  };
  std::map<std::string, std::set<std::string>> clause_cache;
  auto clauses_of = [&](const core::Standard& s) -> const std::set<std::string>& {
    auto it = clause_cache.find(s.id);
    if (it == clause_cache.end()) it = clause_cache.emplace(s.id, clause_ids(s, alive)).first;
    return it->second;
  };

  if (const auto* fw = std::get_if<core::Framework>(&parsed.item)) {
    if (fw->selection) {
      const auto* from = find_framework(fw->selection->from);
      if (from == nullptr) {
        out.push_back(content_error(fw->selection->location,
                                    "'select.from': " + missing("framework", fw->selection->from)));
      } else if (from->selection || from->derivation) {
        out.push_back(content_error(fw->selection->location,
                                    "'select.from': framework '" + from->id +
                                        "' is itself selected or derived; select from the "
                                        "framework that has the nodes"));
      }
    }
    if (fw->derivation) {
      const auto& d = *fw->derivation;
      const auto* from = find_framework(d.from);
      if (from == nullptr)
        out.push_back(content_error(d.location, "'derive.from': " + missing("framework", d.from)));
      // A cycle of derivations: follow 'from' until a framework with nodes.
      std::set<std::string> chain{fw->id};
      for (const auto* f = from; f != nullptr && f->derivation;
           f = find_framework(f->derivation->from)) {
        if (!chain.insert(f->id).second || f->derivation->from == fw->id) {
          out.push_back(content_error(
              d.location,
              "derivation cycle: " + fw->id + " is derived, through " + f->id + ", from itself"));
          break;
        }
      }
      for (const auto& through : d.through) {
        auto it = alive.find(through);
        const auto* set = it == alive.end() ? nullptr : std::get_if<core::MappingSet>(it->second);
        if (set == nullptr) {
          out.push_back(
              content_error(d.location, "'derive.through': " + missing("mapping set", through)));
        } else if (set->purpose != core::Purpose::k_edition ||
                   set->source.kind != core::CatalogItemRef::Kind::k_standard) {
          out.push_back(
              content_error(d.location, "'derive.through': mapping set '" + through +
                                            "' is not an edition mapping between standards"));
        }
      }
    }
    auto walk = [&](auto& self, const std::vector<core::Node>& nodes) -> void {
      for (const auto& node : nodes) {
        for (const auto& ref : node.references) {
          const auto* s = find_standard(ref.standard);
          if (s == nullptr) {
            out.push_back(content_error(ref.location, "node " + node.id + " cites " +
                                                          missing("standard", ref.standard) +
                                                          " (add a standard file, or fix the id)"));
            continue;
          }
          if (!ref.clause.empty() && s->has_clause_list && !clauses_of(*s).contains(ref.clause)) {
            out.push_back(content_error(ref.location, "node " + node.id + " cites clause '" +
                                                          ref.clause + "' of " + s->designation +
                                                          ", which has no such clause"));
          }
          if (ref.all_parts && !s->multipart) {
            out.push_back(Diagnostic{Severity::k_warning, DiagnosticKind::k_content, ref.location,
                                     "node " + node.id + " cites all parts of " + s->designation +
                                         ", which is not marked multipart"});
          }
        }
        self(self, node.children);
      }
    };
    walk(walk, fw->nodes);
  } else if (const auto* s = std::get_if<core::Standard>(&parsed.item)) {
    if (!s->superseded_by.empty()) {
      if (find_standard(s->superseded_by) == nullptr) {
        out.push_back(content_error(s->location,
                                    "'superseded_by': " + missing("standard", s->superseded_by)));
      } else {
        std::set<std::string> chain{s->id};
        for (const auto* next = find_standard(s->superseded_by); next != nullptr;
             next = next->superseded_by.empty() ? nullptr : find_standard(next->superseded_by)) {
          if (!chain.insert(next->id).second) {
            out.push_back(
                content_error(s->location, "'superseded_by' forms a cycle: following it from " +
                                               s->id + " comes back to " + next->id));
            break;
          }
        }
      }
    }
    if (s->annex) {
      const auto* m = find_standard(s->annex->mirrors);
      if (m == nullptr) {
        out.push_back(content_error(s->annex->location,
                                    "'annex.mirrors': " + missing("standard", s->annex->mirrors)));
      } else if (m->annex) {
        out.push_back(content_error(s->annex->location,
                                    "'annex.mirrors': standard '" + m->id +
                                        "' has an annex of its own; mirrors do not chain"));
      } else if (m->clauses.empty()) {
        out.push_back(content_error(s->annex->location,
                                    "'annex.mirrors': standard '" + m->id + "' has no clauses"));
      } else {
        for (const auto& [id, title] : s->annex->titles) {
          if (m->find_clause(id.substr(s->annex->prefix.size())) == nullptr) {
            out.push_back(content_error(s->annex->location,
                                        "'annex.titles': '" + id + "' is not a clause the annex " +
                                            "makes (standard '" + m->id + "' has no clause '" +
                                            id.substr(s->annex->prefix.size()) + "')"));
          }
        }
        for (const auto& c : m->clauses) {
          if (s->find_clause(s->annex->prefix + c.id) != nullptr) {
            out.push_back(content_error(
                s->annex->location,
                "clause '" + s->annex->prefix + c.id + "' is both listed and made by the annex"));
            break;
          }
        }
      }
    }
  } else if (const auto* threats = std::get_if<core::CatalogThreatCatalogue>(&parsed.item)) {
    // A threat id names one threat in the whole catalog (a risk records only the id).
    for (const auto& [other_id, other] : alive) {
      const auto* o = std::get_if<core::CatalogThreatCatalogue>(other);
      if (o == nullptr || other_id >= threats->id) continue;  // the later catalogue is at fault
      for (const auto& t : threats->catalogue.threats) {
        auto same = std::find_if(o->catalogue.threats.begin(), o->catalogue.threats.end(),
                                 [&t](const core::Threat& x) { return x.id == t.id; });
        if (same != o->catalogue.threats.end()) {
          out.push_back(content_error(
              threats->location,
              "threat id '" + t.id + "' is also a threat of catalogue '" + o->id + "'"));
          break;
        }
      }
    }
  } else if (const auto* set = std::get_if<core::MappingSet>(&parsed.item)) {
    auto ids_of = [&](const core::CatalogItemRef& ref,
                      const char* side) -> std::optional<std::set<std::string>> {
      auto it = alive.find(ref.id);
      bool want_standard = ref.kind == core::CatalogItemRef::Kind::k_standard;
      const char* what = want_standard ? "standard" : "framework";
      if (it == alive.end() ||
          (want_standard != std::holds_alternative<core::Standard>(*it->second)) ||
          (!want_standard && !std::holds_alternative<core::Framework>(*it->second))) {
        out.push_back(
            content_error(set->location, std::string("'") + side + "': " + missing(what, ref.id)));
        return std::nullopt;
      }
      if (want_standard) {
        const auto& s = std::get<core::Standard>(*it->second);
        if (!s.has_clause_list) return std::set<std::string>{};  // open: any clause
        return clauses_of(s);
      }
      const auto& f = std::get<core::Framework>(*it->second);
      std::set<std::string> ids;
      const auto* base = &f;
      for (int guard = 0; base != nullptr && (base->derivation || base->selection) && guard < 16;
           ++guard)
        base = find_framework(base->derivation ? base->derivation->from : base->selection->from);
      if (base == nullptr) return std::set<std::string>{};
      auto walk = [&ids](auto& self, const std::vector<core::Node>& nodes) -> void {
        for (const auto& n : nodes) {
          ids.insert(n.id);
          self(self, n.children);
        }
      };
      walk(walk, base->nodes);
      return ids;
    };
    auto source_ids = ids_of(set->source, "source");
    auto target_ids = ids_of(set->target, "target");
    if (set->purpose == core::Purpose::k_edition &&
        (set->source.kind != core::CatalogItemRef::Kind::k_standard ||
         set->target.kind != core::CatalogItemRef::Kind::k_standard)) {
      out.push_back(
          content_error(set->location, "an edition mapping set maps a standard to a standard"));
    }
    std::set<std::pair<std::string, std::string>> pairs;
    for (const auto& m : set->mappings) {
      if (source_ids && !source_ids->empty() && !source_ids->contains(m.source)) {
        out.push_back(content_error(
            m.location, "mapping source '" + m.source + "' does not exist in " + set->source.id));
      }
      for (const auto& t : m.targets) {
        if (target_ids && !target_ids->empty() && !target_ids->contains(t)) {
          out.push_back(content_error(m.location, "mapping target '" + t + "' (from '" + m.source +
                                                      "') does not exist in " + set->target.id));
        }
        if (!pairs.emplace(m.source, t).second) {
          out.push_back(content_error(m.location, "duplicate mapping " + m.source + " -> " + t));
        }
      }
    }
  }
  return out;
}

LoadResult Loader::finish() {
  auto& impl = *m_impl;
  LoadResult result;

  // Unique ids across files: a second declaration is an error of the later file.
  std::map<std::string, const ParsedItem*> by_id;
  std::set<std::string> dead_paths = impl.rejected;
  std::set<std::string> overridden;
  for (const auto& p : impl.items) {
    const auto& id = item_id(p.item);
    auto [it, inserted] = by_id.emplace(id, &p);
    if (!inserted && p.overriding && !it->second->overriding) {
      dead_paths.insert(it->second->path);  // replaced, not broken
      overridden.insert(it->second->path);
      it->second = &p;
      continue;
    }
    if (!inserted) {
      const auto& first = item_location(it->second->item);
      impl.diagnostics.push_back(
          content_error(item_location(p.item),
                        "duplicate id '" + id + "': already declared by " + first.file +
                            (first.line > 0 ? ":" + std::to_string(first.line) : std::string())));
      dead_paths.insert(p.path);
    }
  }

  // Cross-file checks to a fixed point: an item that depends on a rejected one is rejected too.
  std::set<std::string> dead_ids = impl.failed_ids;
  std::map<std::string, const Item*> alive;
  for (const auto& p : impl.items) {
    if (!dead_paths.contains(p.path) && by_id[item_id(p.item)] == &p)
      alive.emplace(item_id(p.item), &p.item);
  }
  std::vector<Diagnostic> final_diagnostics;
  for (bool changed = true; changed;) {
    changed = false;
    final_diagnostics.clear();
    for (const auto& p : impl.items) {
      const auto& id = item_id(p.item);
      if (!alive.contains(id) || alive.at(id) != &p.item) continue;
      auto diags = impl.check(p, alive, dead_ids);
      bool has_error = std::any_of(diags.begin(), diags.end(), [](const Diagnostic& d) {
        return d.severity == Severity::k_error;
      });
      if (has_error) {
        impl.diagnostics.insert(impl.diagnostics.end(), diags.begin(), diags.end());
        alive.erase(id);
        dead_ids.insert(id);
        dead_paths.insert(p.path);
        changed = true;
        break;  // restart: others may depend on this one
      }
      final_diagnostics.insert(final_diagnostics.end(), diags.begin(), diags.end());
    }
  }
  impl.diagnostics.insert(impl.diagnostics.end(), final_diagnostics.begin(),
                          final_diagnostics.end());

  // Build the catalog: standards (with annexes), mapping sets, frameworks with nodes.
  std::vector<const core::Framework*> derived;
  for (const auto& p : impl.items) {
    const auto& id = item_id(p.item);
    if (!alive.contains(id) || alive.at(id) != &p.item) continue;
    if (const auto* s = std::get_if<core::Standard>(&p.item)) {
      auto copy = *s;
      if (copy.annex) {
        const auto& mirror = std::get<core::Standard>(*alive.at(copy.annex->mirrors));
        for (const auto& c : mirror.clauses) {
          auto id = copy.annex->prefix + c.id;
          auto own = copy.annex->titles.find(id);
          copy.clauses.push_back(
              core::Clause{id, own != copy.annex->titles.end() ? own->second : c.title, c.type});
        }
      }
      result.catalog.add(std::move(copy));
    } else if (const auto* m = std::get_if<core::MappingSet>(&p.item)) {
      result.catalog.add(*m);
    } else if (const auto* rc = std::get_if<core::CatalogRiskCriteria>(&p.item)) {
      result.catalog.add(*rc);
    } else if (const auto* tc = std::get_if<core::CatalogThreatCatalogue>(&p.item)) {
      result.catalog.add(*tc);
    } else if (const auto* f = std::get_if<core::Framework>(&p.item)) {
      if (f->derivation || f->selection)
        derived.push_back(f);
      else
        result.catalog.add(*f);
    }
  }
  result.catalog.index();

  // Derived frameworks, each once its source exists.
  while (!derived.empty()) {
    bool progress = false;
    for (auto it = derived.begin(); it != derived.end();) {
      const auto* spec = *it;
      const auto& from = spec->derivation ? spec->derivation->from : spec->selection->from;
      if (result.catalog.framework(from) == nullptr) {
        ++it;
        continue;
      }
      auto made = spec->derivation ? core::derive_framework(result.catalog, *spec)
                                   : core::select_framework(result.catalog, *spec);
      if (made) {
        result.catalog.add(std::move(*made));
      } else {
        impl.diagnostics.push_back(
            content_error(spec->derivation ? spec->derivation->location : spec->selection->location,
                          made.error().message));
        dead_paths.insert(spec->location.file);
      }
      result.catalog.index();
      it = derived.erase(it);
      progress = true;
    }
    if (!progress) break;  // cycles were reported by check()
  }

  result.diagnostics = std::move(impl.diagnostics);
  std::stable_sort(result.diagnostics.begin(), result.diagnostics.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     if (a.location.file != b.location.file)
                       return a.location.file < b.location.file;
                     if (a.location.line != b.location.line)
                       return a.location.line < b.location.line;
                     return a.location.column < b.location.column;
                   });
  for (const auto& p : dead_paths) {
    if (!overridden.contains(p)) result.rejected_files.push_back(p);
  }
  return result;
}

}  // namespace cyberframe::catalog
