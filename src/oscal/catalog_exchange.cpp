#include "oscal/catalog_exchange.hpp"

#include <openssl/evp.h>

#include <array>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <map>
#include <regex>
#include <set>
#include <unordered_map>

#include "util/text.hpp"

namespace cyberframe::oscal {

namespace {

constexpr std::string_view k_level_classes[] = {"function", "category", "subcategory", "statement"};

std::string hex(const unsigned char* bytes, std::size_t n) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < n; ++i) {
    out += digits[bytes[i] >> 4];
    out += digits[bytes[i] & 15];
  }
  return out;
}

// Characters a URI fragment may hold as they are (RFC 3986 unreserved and sub-delims, ':', '@').
bool fragment_safe(unsigned char c) {
  return std::isalnum(c) || std::string_view("-._~!$&'()*+,;=:@/?").find(static_cast<char>(c)) !=
                                std::string_view::npos;
}

std::string percent_encode(std::string_view text) {
  std::string out;
  static const char* digits = "0123456789ABCDEF";
  for (unsigned char c : text) {
    if (fragment_safe(c) && c != '%') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += digits[c >> 4];
      out += digits[c & 15];
    }
  }
  return out;
}

std::string percent_decode(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() &&
        std::isxdigit(static_cast<unsigned char>(text[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
      out += static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::string level_class(core::Level level) {
  return std::string(k_level_classes[static_cast<int>(level)]);
}

// --- export ---------------------------------------------------------------------------------

struct ResourceKey {
  std::string standard;
  bool all_parts = false;
  std::string printed;
  std::string note;
  auto operator<=>(const ResourceKey&) const = default;
};

class CatalogWriter {
 public:
  CatalogWriter(const core::Catalog& catalog, const core::Framework& framework)
      : m_catalog(catalog), m_framework(framework) {}

  Json run(const CatalogExportOptions& options) {
    const auto& fw = m_framework;
    Json catalog = Json::object();
    catalog["uuid"] = name_uuid("framework:" + fw.id);
    catalog["metadata"] = metadata(options);
    Json groups = Json::array();
    for (const auto& function : fw.nodes) groups.push_back(control(function));
    if (!groups.empty()) catalog["groups"] = std::move(groups);
    if (!m_resources.empty()) {
      Json resources = Json::array();
      for (const auto& [key, uuid] : m_resources) resources.push_back(resource(key, uuid));
      catalog["back-matter"] = Json{{"resources", std::move(resources)}};
    }
    return Json{{"catalog", std::move(catalog)}};
  }

 private:
  Json metadata(const CatalogExportOptions& options) {
    const auto& fw = m_framework;
    Json m = Json::object();
    m["title"] = one_line(fw.title);
    m["last-modified"] = options.last_modified.empty() ? export_timestamp() : options.last_modified;
    m["version"] = fw.version.empty() ? std::string("unversioned") : one_line(fw.version);
    m["oscal-version"] = std::string(k_export_oscal_version);
    Json props = Json::array();
    auto add = [&](std::string_view name, std::string_view value) {
      if (auto p = cyberframe_prop(name, value)) props.push_back(std::move(*p));
    };
    add("framework-id", fw.id);
    add("framework-version", fw.version);
    add("short-title", fw.short_title);
    add("publisher", fw.publisher);
    add("conformance", fw.conformance == core::Conformance::k_ts_27110 ? "ts-27110" : "none");
    add("assess", core::to_string(fw.assess));
    add("provenance-source", fw.provenance.source);
    add("provenance-edition", fw.provenance.edition);
    add("provenance-tables", fw.provenance.tables);
    add("provenance-licence", fw.provenance.licence);
    add("provenance-method", core::to_string(fw.provenance.method));
    if (!fw.provenance.notes.empty()) {
      // Notes may run over several lines: they are the remarks of the method's prop.
      props.back()["remarks"] = text_to_markdown(fw.provenance.notes);
    }
    if (fw.derivation) {
      add("derived-from", fw.derivation->from);
      for (const auto& through : fw.derivation->through) add("derived-through", through);
    }
    m["props"] = std::move(props);
    if (!fw.description.empty()) m["remarks"] = text_to_markdown(fw.description);
    return m;
  }

  Json common(const core::Node& node, Json object) {
    object["id"] = node_id_to_token(node.id);
    object["class"] = level_class(node.level);
    bool titled = !node.title.empty();
    // OSCAL requires a title; a node without one (a subcategory stated by its description) is
    // titled by its id, as NIST's CSF 2.0 catalog does, and import drops such a title again.
    object["title"] = titled ? one_line(node.title) : node.id;
    Json props = Json::array();
    // An id that is no OSCAL token (AC-2(1)) is kept as the label users know it by.
    if (token_to_node_id(node_id_to_token(node.id)) != node.id)
      props.push_back(Json{{"name", "label"}, {"value", node.id}});
    if (auto p = cyberframe_prop("source", node.source)) props.push_back(std::move(*p));
    if (titled && one_line(node.title) != node.title) {
      if (auto p = cyberframe_prop("title", "multi-line")) {
        (*p)["remarks"] = text_to_markdown(node.title);
        props.push_back(std::move(*p));
      }
    }
    // A node property is one prop per value, told from our other props by its class.
    for (const auto& [name, values] : node.properties) {
      for (const auto& value : values) {
        if (auto p = cyberframe_prop(name, value)) {
          (*p)["class"] = std::string(k_node_property_class);
          props.push_back(std::move(*p));
        }
      }
    }
    if (!props.empty()) object["props"] = std::move(props);
    Json links = Json::array();
    for (const auto& ref : node.references) links.push_back(link(ref));
    if (!links.empty()) object["links"] = std::move(links);
    Json parts = Json::array();
    if (!node.description.empty()) {
      bool is_group = node.level == core::Level::k_function;
      std::string name = is_group ? "overview" : "statement";
      parts.push_back(Json{{"id", node_id_to_token(node.id) + "_" + (is_group ? "ovw" : "smt")},
                           {"name", name},
                           {"prose", text_to_markdown(node.description)}});
    }
    auto list_part = [&](std::string_view name, const std::vector<std::string>& items) {
      if (items.empty()) return;
      Json sub = Json::array();
      for (const auto& item : items)
        sub.push_back(
            Json{{"name", "item"}, {"ns", k_cyberframe_ns}, {"prose", text_to_markdown(item)}});
      parts.push_back(Json{{"name", name}, {"ns", k_cyberframe_ns}, {"parts", std::move(sub)}});
    };
    list_part("activities", node.activities);
    list_part("inputs", node.inputs);
    list_part("outputs", node.outputs);
    if (!node.notes.empty())
      parts.push_back(Json{
          {"name", "notes"}, {"ns", k_cyberframe_ns}, {"prose", text_to_markdown(node.notes)}});
    if (!parts.empty()) object["parts"] = std::move(parts);
    return object;
  }

  // A node with its children as controls: a function gives a group, any other node a control
  // (the two have the same fields here).
  Json control(const core::Node& node) {
    Json c = common(node, Json::object());
    Json controls = Json::array();
    for (const auto& child : node.children) controls.push_back(control(child));
    if (!controls.empty()) c["controls"] = std::move(controls);
    return c;
  }

  Json link(const core::Reference& ref) {
    ResourceKey key{ref.standard, ref.all_parts, ref.printed, ref.note};
    auto it = m_resources.find(key);
    if (it == m_resources.end()) {
      std::string name = "framework:" + m_framework.id + ":standard:" + ref.standard;
      if (ref.all_parts) name += ":all-parts";
      if (!ref.printed.empty()) name += ":printed:" + ref.printed;
      if (!ref.note.empty()) name += ":note:" + ref.note;
      it = m_resources.emplace(key, name_uuid(name)).first;
    }
    Json l{{"href", "#" + it->second}, {"rel", "reference"}};
    if (!ref.clause.empty()) l["resource-fragment"] = percent_encode(ref.clause);
    std::string text = designation(ref);
    if (ref.all_parts) text += " (all parts)";
    if (!ref.clause.empty()) {
      text += " " + ref.clause;
      const auto* s = m_catalog.standard(ref.standard);
      const auto* c = s != nullptr ? s->find_clause(ref.clause) : nullptr;
      if (c != nullptr && !c->title.empty()) text += " " + c->title;
    }
    l["text"] = one_line(text);
    return l;
  }

  std::string designation(const core::Reference& ref) const {
    if (!ref.printed.empty()) return ref.printed;
    const auto* s = m_catalog.standard(ref.standard);
    return s != nullptr ? s->designation : ref.standard;
  }

  Json resource(const ResourceKey& key, const std::string& uuid) const {
    const auto* s = m_catalog.standard(key.standard);
    std::string designation = s != nullptr ? s->designation : key.standard;
    Json r{{"uuid", uuid}, {"title", one_line(designation)}};
    Json props = Json::array();
    auto add = [&](std::string_view name, std::string_view value) {
      if (auto p = cyberframe_prop(name, value)) props.push_back(std::move(*p));
    };
    add("standard-id", key.standard);
    if (key.all_parts) add("all-parts", "true");
    add("printed", key.printed);
    add("note", key.note);
    if (s != nullptr) {
      add("publisher", s->publisher);
      add("edition", s->edition);
    }
    r["props"] = std::move(props);
    if (s != nullptr && !s->title.empty())
      r["citation"] = Json{{"text", one_line(s->designation + ", " + s->title)}};
    return r;
  }

  const core::Catalog& m_catalog;
  const core::Framework& m_framework;
  std::map<ResourceKey, std::string> m_resources;
};

// --- import ---------------------------------------------------------------------------------

bool is_ns(const Json& object, std::string_view ns) {
  auto it = object.find("ns");
  if (ns.empty()) return it == object.end() || *it == "http://csrc.nist.gov/ns/oscal";
  return it != object.end() && it->is_string() && *it == ns;
}

std::string string_at(const Json& object, std::string_view key) {
  auto it = object.find(std::string(key));
  if (it == object.end()) return {};
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number() || it->is_boolean()) return it->dump();
  return {};
}

class CatalogReader {
 public:
  CatalogReader(const Document& document, const core::Catalog& known,
                const CatalogImportOptions& options)
      : m_document(document), m_known(known), m_options(options) {}

  util::Result<CatalogImport> run() {
    if (m_document.model != "catalog") {
      return fail("is " + article(m_document.model) + " " + m_document.model +
                  ", not a catalog (oscal import catalog takes an OSCAL catalog)");
    }
    const Json& catalog = m_document.body();
    if (!catalog.is_object()) return fail("/catalog is not an object");
    auto meta = catalog.find("metadata");
    if (meta == catalog.end() || !meta->is_object()) return fail("/catalog/metadata is missing");
    std::string title = one_line(string_at(*meta, "title"));
    if (title.empty()) return fail("/catalog/metadata/title is missing or empty");
    m_result.oscal_version = string_at(*meta, "oscal-version");
    if (m_result.oscal_version.empty()) return fail("/catalog/metadata/oscal-version is missing");
    {
      std::string v = m_result.oscal_version;
      if (!v.empty() && (v[0] == 'v' || v[0] == 'V')) v.erase(0, 1);
      if (v.rfind("1.", 0) != 0) {
        return fail("/catalog/metadata/oscal-version '" + m_result.oscal_version +
                    "' is not an OSCAL 1.x version this program reads");
      }
    }
    index_resources(catalog);
    index_params(catalog);

    auto& fw = m_result.framework;
    fw.title = title;
    auto own = [&](std::string_view name) {
      return find_prop(*meta, name, k_cyberframe_ns).value_or("");
    };
    fw.id = m_options.id;
    if (fw.id.empty()) fw.id = own("framework-id");
    if (fw.id.empty()) {
      // The file's name says what it is more briefly than the title: NIST_SP-800-53_rev5_catalog.
      std::string file = m_options.source.empty() ? m_document.source : m_options.source;
      auto slash = file.find_last_of("/\\");
      std::string stem = slash == std::string::npos ? file : file.substr(slash + 1);
      if (auto dot = stem.rfind('.'); dot != std::string::npos && dot > 0) stem.resize(dot);
      fw.id = slug(stem);
      if (fw.id.empty() || fw.id == "-") fw.id = slug(title);
    }
    static const std::regex id_re("^[a-z0-9][a-z0-9.-]*$");
    if (!std::regex_match(fw.id, id_re)) {
      return fail("framework id '" + fw.id +
                  "' is not valid: use lowercase letters, digits, '-' and '.' (give --id)");
    }
    m_own_export = !own("framework-id").empty();
    fw.version = m_own_export ? own("framework-version") : string_at(*meta, "version");
    fw.short_title = own("short-title");
    fw.publisher = own("publisher");
    fw.description = markdown_to_text(string_at(*meta, "remarks"));
    std::string method = own("provenance-method");
    if (!method.empty()) {
      // Our own export: the provenance it recorded.
      fw.provenance.source = own("provenance-source");
      fw.provenance.edition = own("provenance-edition");
      fw.provenance.tables = own("provenance-tables");
      fw.provenance.licence = own("provenance-licence");
      fw.provenance.method = core::parse_method(method).value_or(core::Method::k_transcribed);
      for (const auto& p : array_at(*meta, "props")) {
        if (string_at(p, "name") == "provenance-method" && is_ns(p, k_cyberframe_ns))
          fw.provenance.notes = markdown_to_text(string_at(p, "remarks"));
      }
    } else {
      fw.provenance.source = title;
      fw.provenance.edition = string_at(*meta, "version");
      fw.provenance.method = core::Method::k_transcribed;
      std::string file = m_options.source.empty() ? m_document.source : m_options.source;
      fw.provenance.notes = "imported from OSCAL (catalog " + file + ", oscal-version " +
                            m_result.oscal_version + ", version " + string_at(*meta, "version") +
                            ", last-modified " + string_at(*meta, "last-modified") + ")";
    }

    m_own_export_levels = m_own_export;
    std::string assess = own("assess");
    if (auto a = core::parse_assess(assess)) {
      fw.assess = *a;
    } else {
      // NIST's CSF catalogs class their controls as categories and subcategories (outcomes);
      // SP 800-53 and SP 800-171 controls are requirements, each assessed.
      fw.assess =
          outcome_classes(catalog) ? core::Assess::k_outcomes : core::Assess::k_requirements;
    }

    // The tree: groups and controls nest by depth.
    auto children = read_children(catalog, "/catalog", 0);
    if (!children) return std::unexpected(children.error());
    fw.nodes = std::move(*children);
    if (fw.nodes.empty()) {
      return fail("has no groups or controls to import" +
                  std::string(m_result.withdrawn > 0 ? " (every control is withdrawn)" : ""));
    }

    std::string conformance = own("conformance");
    if (conformance == "ts-27110" || conformance == "none") {
      fw.conformance =
          conformance == "ts-27110" ? core::Conformance::k_ts_27110 : core::Conformance::k_none;
    } else {
      fw.conformance =
          five_concepts(fw) ? core::Conformance::k_ts_27110 : core::Conformance::k_none;
    }
    return std::move(m_result);
  }

 private:
  std::unexpected<util::Error> fail(const std::string& what) const {
    return util::fail(util::ErrorCode::k_invalid_input, m_document.source + ": " + what);
  }

  static bool five_concepts(const core::Framework& fw) {
    static const std::map<std::string, std::string> concepts{{"ID", "identify"},
                                                             {"PR", "protect"},
                                                             {"DE", "detect"},
                                                             {"RS", "respond"},
                                                             {"RC", "recover"}};
    std::set<std::string> seen;
    for (const auto& f : fw.nodes) {
      bool matched = false;
      for (const auto& [id, title] : concepts) {
        if (f.id == id || util::to_lower(util::trim(f.title)) == title) {
          seen.insert(id);
          matched = true;
        }
      }
      if (!matched) return false;
    }
    return seen.size() == concepts.size();
  }

  // True when some control is classed as a category or subcategory (NIST's CSF catalogs).
  static bool outcome_classes(const Json& object) {
    for (const auto& c : array_at(object, "controls")) {
      std::string cls = string_at(c, "class");
      if (cls == "category" || cls == "subcategory") return true;
      if (outcome_classes(c)) return true;
    }
    for (const auto& g : array_at(object, "groups")) {
      if (outcome_classes(g)) return true;
    }
    return false;
  }

  // A control that only carries its parent's statement: titled by nothing but its own label or id
  // (SP 800-171 rev3's SR-03.09.01 under 03.09.01). Its statement is the parent's.
  static bool statement_holder(const Json& control) {
    std::string title = util::trim(string_at(control, "title"));
    if (title.empty()) return false;
    std::string label = find_prop(control, "label", "").value_or("");
    return title == label || title == string_at(control, "id");
  }

  // The groups and then the controls of `item`, each list in the order of its sort-id props
  // when every member has one (SP 800-171 rev3 lists 03.09 before 03.01), else as written.
  util::Result<std::vector<core::Node>> read_children(const Json& item, const std::string& where,
                                                      int depth, const Json* skip = nullptr) {
    std::vector<core::Node> out;
    for (bool groups : {true, false}) {
      const Json& list = array_at(item, groups ? "groups" : "controls");
      std::vector<std::size_t> order(list.size());
      for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
      bool sortable = true;
      for (const auto& c : list) sortable = sortable && find_prop(c, "sort-id", "").has_value();
      if (sortable) {
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
          return *find_prop(list[a], "sort-id", "") < *find_prop(list[b], "sort-id", "");
        });
      }
      for (std::size_t i : order) {
        if (&list[i] == skip) continue;
        auto child =
            read_item(list[i], where + (groups ? "/groups/" : "/controls/") + std::to_string(i),
                      depth, groups);
        if (!child) return std::unexpected(child.error());
        if (*child) out.push_back(std::move(**child));
      }
    }
    return out;
  }

  // The node id of a group or control: its label as users know it when the label is an id
  // ("AC-2(1)", "GV.OC-01") or ends with one in brackets ("Personnel Screening (03.09.01)");
  // for a group without a label whose controls' labels all start with its id in capitals
  // ("ac" of "AC-1"), that spelling; else its OSCAL id.
  static std::string label_id(const Json& item, bool is_group) {
    static const std::regex plain("^[A-Za-z0-9][A-Za-z0-9._()-]*$");
    static const std::regex trailing("^.*\\(([A-Za-z0-9][A-Za-z0-9._()-]*)\\)$");
    std::string label = util::trim(find_prop(item, "label", "").value_or(""));
    std::smatch m;
    if (!label.empty() && std::regex_match(label, plain)) return label;
    if (!label.empty() && std::regex_match(label, m, trailing)) return m[1].str();
    std::string token = string_at(item, "id");
    if (is_group && label.empty() && !token.empty()) {
      std::string upper;
      for (unsigned char c : token) upper += static_cast<char>(std::toupper(c));
      const Json& controls = array_at(item, "controls");
      bool all = !controls.empty() && upper != token;
      for (const auto& c : controls)
        all = all && find_prop(c, "label", "").value_or("").rfind(upper + "-", 0) == 0;
      if (all) return upper;
    }
    return "";
  }

  // Statement items (parts named "item") as statement nodes under `parent`: ids are the
  // parent's id and the item's label ("AC-1.a", "AC-1.a.1", "AC-2(3)(a)", "03.09.01.a").
  void read_items(const Json& part, core::Node& parent) {
    std::size_t n = 0;
    for (const auto& sub : array_at(part, "parts")) {
      if (string_at(sub, "name") != "item") continue;
      ++n;
      std::string label = util::trim(find_prop(sub, "label", "").value_or(""));
      while (!label.empty() && label.back() == '.') label.pop_back();
      if (label.empty()) label = std::to_string(n);
      if (label.front() != '(') {
        // "SR-03.09.01.a" names the item in full: its last component is its own label.
        if (auto dot = label.rfind('.'); dot != std::string::npos) label = label.substr(dot + 1);
      }
      core::Node item;
      item.level = core::Level::k_statement;
      item.id = node_id(parent.id + (label.front() == '(' ? "" : ".") + label,
                        "item " + string_at(sub, "id"));
      item.description = util::trim(markdown_to_text(render_text(string_at(sub, "prose"))));
      item.source = parent.source.empty() ? "" : parent.source + ", item " + label;
      read_items(sub, item);
      if (item.description.empty()) item.description = item.id;
      parent.children.push_back(std::move(item));
    }
  }

  void index_resources(const Json& catalog) {
    auto bm = catalog.find("back-matter");
    if (bm == catalog.end() || !bm->is_object()) return;
    for (const auto& r : array_at(*bm, "resources")) {
      std::string uuid = string_at(r, "uuid");
      if (!uuid.empty()) m_resources.emplace(uuid, &r);
    }
  }

  void index_params(const Json& object) {
    if (!object.is_object()) return;
    for (const auto& p : array_at(object, "params")) {
      std::string id = string_at(p, "id");
      if (!id.empty()) m_params.emplace(id, &p);
    }
    for (const auto& g : array_at(object, "groups")) index_params(g);
    for (const auto& c : array_at(object, "controls")) index_params(c);
  }

  // Parameters as NIST renders them: the value when set, else [Selection: ...] / [Assignment: ...].
  std::string render_param(const std::string& id, int depth) {
    auto it = m_params.find(id);
    if (it == m_params.end() || depth > 8) return "[Assignment: " + id + "]";
    const Json& p = *it->second;
    std::vector<std::string> values;
    for (const auto& v : array_at(p, "values")) {
      if (v.is_string()) values.push_back(v.get<std::string>());
    }
    if (!values.empty()) return util::join(values, ", ");
    auto sel = p.find("select");
    if (sel != p.end() && sel->is_object()) {
      std::vector<std::string> choices;
      for (const auto& c : array_at(*sel, "choice")) {
        // NIST writes a choice holding a parameter with spaces round it (" {{ insert ... }} ").
        if (c.is_string())
          choices.push_back(util::trim(render_text(c.get<std::string>(), depth + 1)));
      }
      std::string how = string_at(*sel, "how-many") == "one-or-more" ? " (one or more)" : "";
      return "[Selection" + how + ": " + util::join(choices, "; ") + "]";
    }
    std::string label = string_at(p, "label");
    return "[Assignment: " + (label.empty() ? id : render_text(label, depth + 1)) + "]";
  }

  // Markdown prose as plain text: parameter insertions rendered, other insertions left as ids.
  std::string render_text(const std::string& prose, int depth = 0) {
    std::string out;
    std::size_t pos = 0;
    while (true) {
      auto open = prose.find("{{", pos);
      if (open == std::string::npos) break;
      auto close = prose.find("}}", open + 2);
      if (close == std::string::npos) break;
      out += prose.substr(pos, open - pos);
      std::string inside = util::trim(prose.substr(open + 2, close - open - 2));
      // "insert: param, ac-1_prm_1"
      std::string rendered = prose.substr(open, close + 2 - open);
      if (inside.rfind("insert:", 0) == 0) {
        auto parts = util::split(inside.substr(7), ',');
        if (parts.size() == 2) {
          std::string type = util::trim(parts[0]);
          std::string id = util::trim(parts[1]);
          if (type == "param") {
            rendered = render_param(id, depth);
            ++m_result.parameters;
          } else {
            rendered = id;
          }
        }
      }
      out += rendered;
      pos = close + 2;
    }
    out += prose.substr(pos);
    return out;
  }

  // A part and its sub-parts as lines: "a. text" with the label prop in front.
  void part_lines(const Json& part, std::vector<std::string>& lines, int indent) {
    std::string label = find_prop(part, "label", "").value_or("");
    std::string prose = util::trim(markdown_to_text(render_text(string_at(part, "prose"))));
    std::string title = string_at(part, "title");
    std::string line = label;
    if (!title.empty()) line += (line.empty() ? "" : " ") + title + (prose.empty() ? "" : ":");
    if (!prose.empty()) line += (line.empty() ? "" : " ") + prose;
    if (!line.empty())
      lines.push_back(std::string(static_cast<std::size_t>(indent) * 2, ' ') + line);
    for (const auto& sub : array_at(part, "parts"))
      part_lines(sub, lines, line.empty() ? indent : indent + 1);
  }

  std::string part_text(const Json& part) {
    std::vector<std::string> lines;
    part_lines(part, lines, 0);
    return util::join(lines, "\n");
  }

  static bool withdrawn(const Json& item) {
    for (const auto& p : array_at(item, "props")) {
      if (string_at(p, "name") == "status" && util::to_lower(string_at(p, "value")) == "withdrawn")
        return true;
    }
    return false;
  }

  std::string node_id(const std::string& token, const std::string& where) {
    std::string id = token_to_node_id(token);
    std::string fixed;
    for (unsigned char c : id) {
      fixed +=
          (std::isalnum(c) || c == '.' || c == '-' || c == '_' || c == '(' || c == ')') && c < 128
              ? static_cast<char>(c)
              : '_';
    }
    while (!fixed.empty() && !std::isalnum(static_cast<unsigned char>(fixed[0]))) fixed.erase(0, 1);
    if (fixed.empty()) fixed = "node";
    std::string unique = fixed;
    for (int n = 2; m_ids.contains(unique); ++n) unique = fixed + "-" + std::to_string(n);
    m_ids.insert(unique);
    if (unique != id) {
      m_result.warnings.push_back(where + ": id '" + token + "' imported as node id '" + unique +
                                  "'");
    }
    return unique;
  }

  std::optional<core::Reference> reference(const Json& link) {
    std::string href = string_at(link, "href");
    if (href.size() < 2 || href[0] != '#') return std::nullopt;
    auto it = m_resources.find(href.substr(1));
    if (it == m_resources.end()) return std::nullopt;
    const Json& r = *it->second;
    auto standard = find_prop(r, "standard-id", k_cyberframe_ns);
    if (!standard) return std::nullopt;
    core::Reference ref;
    ref.standard = *standard;
    ref.clause = percent_decode(string_at(link, "resource-fragment"));
    ref.all_parts = find_prop(r, "all-parts", k_cyberframe_ns).value_or("") == "true";
    ref.printed = find_prop(r, "printed", k_cyberframe_ns).value_or("");
    ref.note = find_prop(r, "note", k_cyberframe_ns).value_or("");
    if (m_known.standard(ref.standard) == nullptr && !m_new_standards.contains(ref.standard)) {
      core::Standard s;
      s.id = ref.standard;
      s.designation = string_at(r, "title").empty() ? ref.standard : string_at(r, "title");
      auto citation = r.find("citation");
      s.title = citation != r.end() && citation->is_object() ? string_at(*citation, "text")
                                                             : s.designation;
      s.publisher = find_prop(r, "publisher", k_cyberframe_ns).value_or("");
      s.edition = find_prop(r, "edition", k_cyberframe_ns).value_or("");
      s.multipart = ref.all_parts;
      s.provenance.source = m_document.source;
      s.provenance.method = core::Method::k_transcribed;
      s.provenance.notes = "imported from the back-matter of an OSCAL catalog";
      m_new_standards.insert(s.id);
      m_result.new_standards.push_back(std::move(s));
    }
    return ref;
  }

  // One group or control and everything under it; nullopt (no error) for a withdrawn control.
  util::Result<std::optional<core::Node>> read_item(const Json& item, const std::string& where,
                                                    int depth, bool is_group) {
    if (!item.is_object()) return fail(where + " is not an object");
    if (is_group)
      ++m_result.groups;
    else
      ++m_result.controls;
    if (!is_group && withdrawn(item)) {
      ++m_result.withdrawn;
      // Its enhancements are withdrawn with it (NIST marks them too); count them.
      std::function<void(const Json&)> count = [&](const Json& c) {
        for (const auto& sub : array_at(c, "controls")) {
          ++m_result.controls;
          ++m_result.withdrawn;
          count(sub);
        }
      };
      count(item);
      return std::optional<core::Node>{};
    }
    std::string token = string_at(item, "id");
    std::string title = util::trim(string_at(item, "title"));
    if (token.empty()) {
      if (!is_group) return fail(where + " (a control) has no id");
      token = slug(title);
      if (token.empty()) return fail(where + " (a group) has neither id nor title");
    }
    if (title.empty()) return fail(where + " ('" + token + "') has no title");
    core::Node node;
    std::string known_as = label_id(item, is_group);
    node.id = node_id(known_as.empty() ? token : known_as, where);
    node.level = static_cast<core::Level>(std::min(depth, 3));
    if (m_own_export_levels) {
      // Our own export says each node's level in its class (statements under categories too).
      std::string cls = string_at(item, "class");
      for (int l = 0; l < 4; ++l) {
        if (cls == k_level_classes[l]) node.level = static_cast<core::Level>(l);
      }
    }
    if (depth > 3 && !m_deep_warned) {
      m_result.warnings.push_back(where + ": nested " + std::to_string(depth + 1) +
                                  " levels deep; levels below the fourth are statements");
      m_deep_warned = true;
    }

    const bool own = m_own_export;
    if (own) title = string_at(item, "title");
    for (const auto& p : array_at(item, "props")) {
      if (!is_ns(p, k_cyberframe_ns)) continue;
      std::string name = string_at(p, "name");
      if (string_at(p, "class") == k_node_property_class) {
        node.properties[name].push_back(string_at(p, "value"));
        continue;
      }
      if (name == "source") node.source = string_at(p, "value");
      if (name == "title") title = markdown_to_text(string_at(p, "remarks"));
    }
    bool titled_level =
        node.level == core::Level::k_function || node.level == core::Level::k_category;
    // A title that only repeats the id (NIST's CSF 2.0 subcategories, our untitled nodes).
    if (!titled_level && (title == token || title == node.id))
      node.title.clear();
    else
      node.title = own ? title : render_text(title);
    if (!own) {
      auto label = find_prop(item, "label", "");
      node.source = "OSCAL " + std::string(is_group ? "group " : "control ") + token;
      if (label && *label != token) node.source += " (" + *label + ")";
    }

    // A control whose statement is empty and that holds one nested control carrying it
    // (SP 800-171 rev3): that control's statement and links are this one's, and it is no node
    // of its own, since it would only repeat its parent.
    const Json* holder = nullptr;
    if (!is_group && !own) {
      bool stated = false;
      for (const auto& part : array_at(item, "parts")) {
        if (string_at(part, "name") == "statement" &&
            (!util::trim(string_at(part, "prose")).empty() || !array_at(part, "parts").empty()))
          stated = true;
      }
      const Json& nested = array_at(item, "controls");
      if (!stated && nested.size() == 1 && statement_holder(nested[0])) holder = &nested[0];
    }
    std::vector<const Json*> part_lists{&array_at(item, "parts")};
    if (holder != nullptr) part_lists.push_back(&array_at(*holder, "parts"));

    std::vector<std::string> guidance;
    for (const Json* parts : part_lists)
      for (const auto& part : *parts) {
        std::string name = string_at(part, "name");
        if (is_ns(part, k_cyberframe_ns)) {
          if (name == "notes") node.notes = markdown_to_text(string_at(part, "prose"));
          auto* list = name == "activities" ? &node.activities
                       : name == "inputs"   ? &node.inputs
                       : name == "outputs"  ? &node.outputs
                                            : nullptr;
          if (list != nullptr) {
            for (const auto& sub : array_at(part, "parts"))
              list->push_back(markdown_to_text(string_at(sub, "prose")));
          }
          continue;
        }
        if (name == "statement" && !own) {
          // The statement's own prose; its items (a, b, ...) become statement nodes.
          std::string text = util::trim(markdown_to_text(render_text(string_at(part, "prose"))));
          if (!text.empty()) node.description += (node.description.empty() ? "" : "\n") + text;
          read_items(part, node);
        } else if (name == "statement" || name == "overview" || name == "description") {
          std::string text = own ? markdown_to_text(string_at(part, "prose")) : part_text(part);
          if (!text.empty()) node.description += (node.description.empty() ? "" : "\n") + text;
        } else if (name == "guidance" || name == "discussion") {
          std::string text = part_text(part);
          if (!text.empty()) guidance.push_back(text);
        }
      }
    if (!guidance.empty())
      node.notes += (node.notes.empty() ? "" : "\n") + util::join(guidance, "\n");
    bool has_items = false;
    for (const auto& c : node.children)
      has_items = has_items || c.level == core::Level::k_statement;
    for (const auto& c : array_at(item, "controls"))  // our own export: items are nested controls
      has_items = has_items || (own && string_at(c, "class") == "statement");
    // A subcategory states its outcome; a control without a statement is known by its title (one
    // whose statement is only its items is stated by them). Our own export keeps a titled node
    // without a description as it was (ISO/IEC 27001 clauses).
    if (!titled_level && node.description.empty() && !has_items && !(own && !node.title.empty())) {
      node.description = node.title.empty() ? node.id : node.title;
    }

    for (const Json* owner : {&item, holder}) {
      if (owner == nullptr) continue;
      for (const auto& l : array_at(*owner, "links")) {
        if (auto ref = reference(l)) {
          node.references.push_back(std::move(*ref));
        } else {
          ++m_result.links_not_imported;
        }
      }
    }
    if (holder != nullptr) ++m_result.controls;

    auto children = read_children(item, where, depth + 1, holder);
    if (!children) return std::unexpected(children.error());
    for (auto& c : *children) node.children.push_back(std::move(c));
    return std::optional<core::Node>{std::move(node)};
  }

  const Document& m_document;
  const core::Catalog& m_known;
  const CatalogImportOptions& m_options;
  CatalogImport m_result;
  std::unordered_map<std::string, const Json*> m_resources;
  std::unordered_map<std::string, const Json*> m_params;
  std::set<std::string> m_ids;
  std::set<std::string> m_new_standards;
  bool m_deep_warned = false;
  bool m_own_export = false;         // a catalog cyberframe exported: text is taken as it is
  bool m_own_export_levels = false;  // ... and levels are read from the classes
};

}  // namespace

std::string one_line(std::string_view text) {
  std::string s(text);
  for (auto& c : s) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return util::trim(s);
}

std::string article(std::string_view word) {
  return !word.empty() && std::string_view("aeiou").find(word[0]) != std::string_view::npos ? "an"
                                                                                            : "a";
}

std::string slug(std::string_view text) {
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c)) {
      out += static_cast<char>(std::tolower(c));
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  if (out.size() > 80) out.resize(80);
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

const Json& array_at(const Json& object, std::string_view key) {
  static const Json empty = Json::array();
  if (!object.is_object()) return empty;
  auto it = object.find(std::string(key));
  if (it == object.end() || !it->is_array()) return empty;
  return *it;
}

std::string name_uuid(std::string_view name) {
  // RFC 4122 NameSpace_URL 6ba7b811-9dad-11d1-80b4-00c04fd430c8.
  static const unsigned char k_url_namespace[16] = {0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1,
                                                    0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8};
  std::string input(reinterpret_cast<const char*>(k_url_namespace), 16);
  input += "urn:cyberframe:";
  input += name;
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(input.data(), input.size(), digest, &length, EVP_sha1(), nullptr);
  digest[6] = static_cast<unsigned char>((digest[6] & 0x0f) | 0x50);
  digest[8] = static_cast<unsigned char>((digest[8] & 0x3f) | 0x80);
  std::string h = hex(digest, 16);
  return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) +
         "-" + h.substr(20, 12);
}

std::string text_to_markdown(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\r') continue;
    out += c;
    if (c == '\n') out += '\n';
  }
  return out;
}

std::string markdown_to_text(std::string_view markdown) {
  std::string out;
  for (std::size_t i = 0; i < markdown.size(); ++i) {
    out += markdown[i];
    if (markdown[i] == '\n' && i + 1 < markdown.size() && markdown[i + 1] == '\n') ++i;
  }
  return out;
}

std::string node_id_to_token(std::string_view node_id) {
  std::string token;
  if (!node_id.empty() && std::isdigit(static_cast<unsigned char>(node_id[0]))) token = "_";
  for (char c : node_id) {
    if (c == '(')
      token += '.';
    else if (c != ')')
      token += c;
  }
  return token;
}

std::string token_to_node_id(std::string_view token) {
  if (token.size() > 1 && token[0] == '_' && std::isdigit(static_cast<unsigned char>(token[1])))
    return std::string(token.substr(1));
  return std::string(token);
}

std::string export_timestamp() {
  std::time_t t = std::time(nullptr);
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch != nullptr && *epoch != '\0') {
    char* end = nullptr;
    long long v = std::strtoll(epoch, &end, 10);
    if (end != nullptr && *end == '\0' && v >= 0) t = static_cast<std::time_t>(v);
  }
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

std::optional<Json> cyberframe_prop(std::string_view name, std::string_view value) {
  std::string v = one_line(value);
  if (v.empty()) return std::nullopt;
  return Json{{"name", std::string(name)}, {"ns", std::string(k_cyberframe_ns)}, {"value", v}};
}

std::optional<std::string> find_prop(const Json& object, std::string_view name,
                                     std::string_view ns) {
  if (!object.is_object()) return std::nullopt;
  for (const auto& p : array_at(object, "props")) {
    if (p.is_object() && string_at(p, "name") == name && is_ns(p, ns)) return string_at(p, "value");
  }
  return std::nullopt;
}

Json export_catalog(const core::Catalog& catalog, const core::Framework& framework,
                    const CatalogExportOptions& options) {
  return CatalogWriter(catalog, framework).run(options);
}

util::Result<CatalogImport> import_catalog(const Document& document, const core::Catalog& known,
                                           const CatalogImportOptions& options) {
  return CatalogReader(document, known, options).run();
}

std::vector<core::Standard> standards_needed(const core::Framework& framework,
                                             const core::Catalog& known,
                                             const std::vector<core::Standard>& extra) {
  std::map<std::string, const core::Standard*> found;
  std::vector<std::string> pending;
  std::function<void(const core::Node&)> walk = [&](const core::Node& n) {
    for (const auto& r : n.references) pending.push_back(r.standard);
    for (const auto& c : n.children) walk(c);
  };
  for (const auto& n : framework.nodes) walk(n);
  auto lookup = [&](const std::string& id) -> const core::Standard* {
    if (const auto* s = known.standard(id)) return s;
    for (const auto& s : extra) {
      if (s.id == id) return &s;
    }
    return nullptr;
  };
  while (!pending.empty()) {
    std::string id = pending.back();
    pending.pop_back();
    if (found.contains(id)) continue;
    const auto* s = lookup(id);
    if (s == nullptr) continue;
    found.emplace(id, s);
    if (s->annex) pending.push_back(s->annex->mirrors);
    if (!s->superseded_by.empty()) pending.push_back(s->superseded_by);
  }
  std::vector<core::Standard> out;
  for (const auto& [id, s] : found) out.push_back(*s);
  return out;
}

}  // namespace cyberframe::oscal
