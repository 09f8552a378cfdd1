#include "oscal/mapping_exchange.hpp"

#include <cctype>
#include <cstdlib>
#include <map>
#include <regex>

#include "oscal/catalog_exchange.hpp"
#include "util/text.hpp"

namespace cyberframe::oscal {

namespace {

using Kind = core::CatalogItemRef::Kind;

std::string item_key(const core::CatalogItemRef& ref) {
  return std::string(ref.kind == Kind::k_framework ? "framework:" : "standard:") + ref.id;
}

std::string string_at(const Json& object, std::string_view key) {
  if (!object.is_object()) return {};
  auto it = object.find(std::string(key));
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

const Json& array_or_one(const Json& object, std::string_view key, Json& holder) {
  static const Json empty = Json::array();
  auto it = object.find(std::string(key));
  if (it == object.end()) return empty;
  if (it->is_array()) return *it;
  holder = Json::array({*it});
  return holder;
}

std::string title_of(const core::Catalog& catalog, const core::CatalogItemRef& ref) {
  if (ref.kind == Kind::k_framework) {
    if (const auto* f = catalog.framework(ref.id)) return f->title;
  } else if (const auto* s = catalog.standard(ref.id)) {
    return s->designation + (s->title.empty() ? "" : ", " + s->title);
  }
  return ref.id;
}

std::string member_id(const core::CatalogItemRef& ref, const std::string& id) {
  return ref.kind == Kind::k_framework ? node_id_to_token(id) : id;
}

}  // namespace

std::string_view to_oscal_relationship(core::Relationship relationship) {
  switch (relationship) {
    case core::Relationship::k_equal:
      return "equal-to";
    case core::Relationship::k_equivalent:
      return "equivalent-to";
    case core::Relationship::k_subset_of:
      return "subset-of";
    case core::Relationship::k_superset_of:
      return "superset-of";
    case core::Relationship::k_intersects_with:
      return "intersects-with";
    case core::Relationship::k_no_relationship:
      return "no-relationship";
  }
  return "no-relationship";
}

std::optional<core::Relationship> from_oscal_relationship(std::string_view token) {
  if (token == "equal-to") return core::Relationship::k_equal;
  if (token == "equivalent-to") return core::Relationship::k_equivalent;
  return core::parse_relationship(token);
}

Json export_mapping_collection(const core::Catalog& catalog, const core::MappingSet& set,
                               const MappingExportOptions& options) {
  const std::string base = "mapping-set:" + set.id;
  Json metadata = Json::object();
  metadata["title"] = one_line(set.title);
  metadata["last-modified"] =
      options.last_modified.empty() ? export_timestamp() : options.last_modified;
  metadata["version"] = set.provenance.edition.empty() ? std::string("unversioned")
                                                       : one_line(set.provenance.edition);
  metadata["oscal-version"] = std::string(k_export_oscal_version);
  Json props = Json::array();
  auto add = [&](Json& into, std::string_view name, std::string_view value) {
    if (auto p = cyberframe_prop(name, value)) into.push_back(std::move(*p));
  };
  add(props, "mapping-set-id", set.id);
  add(props, "purpose", set.purpose == core::Purpose::k_edition ? "edition" : "crosswalk");
  add(props, "provenance-source", set.provenance.source);
  add(props, "provenance-edition", set.provenance.edition);
  add(props, "provenance-tables", set.provenance.tables);
  add(props, "provenance-licence", set.provenance.licence);
  add(props, "provenance-method", core::to_string(set.provenance.method));
  if (!set.provenance.notes.empty())
    props.back()["remarks"] = text_to_markdown(set.provenance.notes);
  metadata["props"] = std::move(props);

  const std::string source_uuid = name_uuid(base + ":source:" + item_key(set.source));
  const std::string target_uuid = name_uuid(base + ":target:" + item_key(set.target));
  auto resource = [&](const std::string& uuid, const core::CatalogItemRef& ref) {
    Json r{{"uuid", uuid}, {"title", one_line(title_of(catalog, ref))}};
    Json rp = Json::array();
    add(rp, "catalog-item", item_key(ref));
    r["props"] = std::move(rp);
    // Where cyberframe writes the catalog of a framework (oscal export catalog ID).
    if (ref.kind == Kind::k_framework)
      r["rlinks"] = Json::array(
          {Json{{"href", ref.id + ".json"}, {"media-type", "application/oscal.catalog+json"}}});
    return r;
  };

  Json maps = Json::array();
  Json unmapped = Json::array();
  Json mapping_props = Json::array();
  for (std::size_t i = 0; i < set.mappings.size(); ++i) {
    const auto& m = set.mappings[i];
    if (m.relationship == core::Relationship::k_no_relationship || m.targets.empty()) {
      unmapped.push_back(member_id(set.source, m.source));
      if (!m.rationale.empty()) {
        if (auto p = cyberframe_prop("no-relationship", m.source)) {
          (*p)["remarks"] = text_to_markdown(m.rationale);
          mapping_props.push_back(std::move(*p));
        }
      }
      continue;
    }
    Json targets = Json::array();
    for (const auto& t : m.targets)
      targets.push_back(Json{{"type", "control"}, {"id-ref", member_id(set.target, t)}});
    Json map{
        {"uuid", name_uuid(base + ":map:" + std::to_string(i) + ":" + m.source)},
        {"relationship", std::string(to_oscal_relationship(m.relationship))},
        {"sources",
         Json::array({Json{{"type", "control"}, {"id-ref", member_id(set.source, m.source)}}})},
        {"targets", std::move(targets)}};
    if (!m.rationale.empty()) map["remarks"] = text_to_markdown(m.rationale);
    maps.push_back(std::move(map));
  }
  Json mapping{{"uuid", name_uuid(base + ":mapping")},
               {"source-resource", Json{{"type", "catalog"}, {"href", "#" + source_uuid}}},
               {"target-resource", Json{{"type", "catalog"}, {"href", "#" + target_uuid}}}};
  if (!mapping_props.empty()) mapping["props"] = std::move(mapping_props);
  if (maps.empty()) {
    // A map is required; a set of only unmapped sources says so with one no-relationship map
    // between the two catalogs as wholes.
    maps.push_back(Json{{"uuid", name_uuid(base + ":map:none")},
                        {"relationship", "no-relationship"},
                        {"sources", Json::array({Json{{"type", "control"}, {"id-ref", "*"}}})},
                        {"targets", Json::array({Json{{"type", "control"}, {"id-ref", "*"}}})},
                        {"remarks", "No source maps to the target."}});
  }
  mapping["maps"] = std::move(maps);
  if (!unmapped.empty()) {
    mapping["source-gap-summary"] =
        Json{{"uuid", name_uuid(base + ":source-gaps")},
             {"unmapped-controls", Json::array({Json{{"with-ids", std::move(unmapped)}}})}};
  }

  std::string description = set.title + ".";
  if (!set.provenance.source.empty())
    description += " " + std::string(core::to_string(set.provenance.method)) + " from " +
                   set.provenance.source +
                   (set.provenance.tables.empty() ? "" : ", " + set.provenance.tables) + ".";
  Json provenance{
      {"method", set.provenance.method == core::Method::k_derived ? "automation" : "human"},
      {"matching-rationale", "semantic"},
      {"status", "complete"},
      {"mapping-description", description}};

  Json collection{
      {"uuid", name_uuid(base)},
      {"metadata", std::move(metadata)},
      {"provenance", std::move(provenance)},
      {"mappings", Json::array({std::move(mapping)})},
      {"back-matter", Json{{"resources", Json::array({resource(source_uuid, set.source),
                                                      resource(target_uuid, set.target)})}}}};
  return Json{{"mapping-collection", std::move(collection)}};
}

namespace {

class MappingReader {
 public:
  MappingReader(const Document& document, const core::Catalog& known,
                const MappingImportOptions& options)
      : m_document(document), m_known(known), m_options(options) {}

  util::Result<MappingImport> run() {
    if (m_document.model != "mapping-collection") {
      return fail("is " + article(m_document.model) + " " + m_document.model +
                  ", not a mapping-collection (oscal import mapping takes an OSCAL mapping "
                  "collection)");
    }
    const Json& body = m_document.body();
    if (!body.is_object()) return fail("/mapping-collection is not an object");
    auto meta = body.find("metadata");
    if (meta == body.end() || !meta->is_object())
      return fail("/mapping-collection/metadata is missing");
    std::string title = one_line(string_at(*meta, "title"));
    if (title.empty()) return fail("/mapping-collection/metadata/title is missing or empty");
    std::string version = string_at(*meta, "oscal-version");
    {
      std::string v = version;
      if (!v.empty() && (v[0] == 'v' || v[0] == 'V')) v.erase(0, 1);
      auto parts = util::split(v, '.');
      int major = parts.size() >= 2 ? std::atoi(parts[0].c_str()) : 0;
      int minor = parts.size() >= 2 ? std::atoi(parts[1].c_str()) : 0;
      if (major != 1 || minor < 2) {
        return fail("/mapping-collection/metadata/oscal-version '" + version +
                    "' is not OSCAL 1.2 or a later 1.x (mapping collections came with 1.2)");
      }
    }
    auto bm = body.find("back-matter");
    if (bm != body.end() && bm->is_object()) {
      for (const auto& r : array_at(*bm, "resources")) {
        std::string uuid = string_at(r, "uuid");
        if (!uuid.empty()) m_resources.emplace(uuid, &r);
      }
    }
    core::Provenance provenance;
    std::string purpose;
    std::string recorded_id;
    for (const auto& p : array_at(*meta, "props")) {
      if (string_at(p, "ns") != k_cyberframe_ns) continue;
      std::string name = string_at(p, "name"), value = string_at(p, "value");
      if (name == "mapping-set-id") recorded_id = value;
      if (name == "purpose") purpose = value;
      if (name == "provenance-source") provenance.source = value;
      if (name == "provenance-edition") provenance.edition = value;
      if (name == "provenance-tables") provenance.tables = value;
      if (name == "provenance-licence") provenance.licence = value;
      if (name == "provenance-method") {
        provenance.method = core::parse_method(value).value_or(core::Method::k_transcribed);
        provenance.notes = markdown_to_text(string_at(p, "remarks"));
      }
    }
    if (provenance.source.empty()) {
      provenance.source = title;
      provenance.edition = string_at(*meta, "version");
      auto prov = body.find("provenance");
      provenance.method = prov != body.end() && string_at(*prov, "method") == "automation"
                              ? core::Method::k_derived
                              : core::Method::k_transcribed;
      provenance.notes = "imported from OSCAL (mapping collection " + m_document.source +
                         ", oscal-version " + version + ")";
      if (prov != body.end()) {
        std::string description = string_at(*prov, "mapping-description");
        if (!description.empty()) provenance.notes += ". " + one_line(description);
      }
    }
    std::string id = !m_options.id.empty()  ? m_options.id
                     : !recorded_id.empty() ? recorded_id
                                            : slug(title);
    static const std::regex id_re("^[a-z0-9][a-z0-9.-]*$");
    if (!std::regex_match(id, id_re)) {
      return fail("mapping set id '" + id +
                  "' is not valid: use lowercase letters, digits, '-' and '.' (give --id)");
    }

    Json holder;
    const Json& mappings = array_or_one(body, "mappings", holder);
    if (mappings.empty()) return fail("/mapping-collection/mappings is missing or empty");
    MappingImport result;
    for (std::size_t i = 0; i < mappings.size(); ++i) {
      std::string where = "/mapping-collection/mappings/" + std::to_string(i);
      core::MappingSet set;
      set.id = i == 0 ? id : id + "-" + std::to_string(i + 1);
      set.title = i == 0 ? title : title + " (" + std::to_string(i + 1) + ")";
      set.purpose = purpose == "edition" ? core::Purpose::k_edition : core::Purpose::k_crosswalk;
      set.provenance = provenance;
      auto source = resource_item(mappings[i], "source-resource", m_options.source, where);
      if (!source) return std::unexpected(source.error());
      auto target = resource_item(mappings[i], "target-resource", m_options.target, where);
      if (!target) return std::unexpected(target.error());
      set.source = *source;
      set.target = *target;
      if (set.purpose == core::Purpose::k_edition &&
          (set.source.kind != Kind::k_standard || set.target.kind != Kind::k_standard))
        set.purpose = core::Purpose::k_crosswalk;
      auto read = read_maps(mappings[i], where, set, result.warnings);
      if (!read) return std::unexpected(read.error());
      result.sets.push_back(std::move(set));
    }
    return result;
  }

 private:
  std::unexpected<util::Error> fail(const std::string& what) const {
    return util::fail(util::ErrorCode::k_invalid_input, m_document.source + ": " + what);
  }

  util::Result<core::CatalogItemRef> parse_item(const std::string& text,
                                                const std::string& where) const {
    core::CatalogItemRef ref;
    auto colon = text.find(':');
    std::string kind = colon == std::string::npos ? "" : text.substr(0, colon);
    ref.id = colon == std::string::npos ? text : text.substr(colon + 1);
    if (kind == "framework" || (kind.empty() && m_known.framework(ref.id) != nullptr)) {
      ref.kind = Kind::k_framework;
      if (m_known.framework(ref.id) == nullptr)
        return fail(where + ": no framework '" + ref.id + "' in the catalog");
    } else if (kind == "standard" || (kind.empty() && m_known.standard(ref.id) != nullptr)) {
      ref.kind = Kind::k_standard;
      if (m_known.standard(ref.id) == nullptr)
        return fail(where + ": no standard '" + ref.id + "' in the catalog");
    } else {
      return fail(where + ": '" + text +
                  "' names no framework or standard of the catalog (framework:ID or standard:ID)");
    }
    return ref;
  }

  util::Result<core::CatalogItemRef> resource_item(const Json& mapping, const char* key,
                                                   const std::string& given,
                                                   const std::string& where) const {
    std::string here = where + "/" + key;
    if (!given.empty()) return parse_item(given, "--" + std::string(key).substr(0, 6));
    auto it = mapping.find(key);
    if (it == mapping.end() || !it->is_object()) return fail(here + " is missing");
    std::string href = string_at(*it, "href");
    if (href.size() > 1 && href[0] == '#') {
      auto r = m_resources.find(href.substr(1));
      if (r == m_resources.end())
        return fail(here + "/href '" + href + "' names no back-matter resource");
      for (const auto& p : array_at(*r->second, "props")) {
        if (string_at(p, "ns") == k_cyberframe_ns && string_at(p, "name") == "catalog-item")
          return parse_item(string_at(p, "value"), here);
      }
      for (const auto& l : array_at(*r->second, "rlinks")) href = string_at(l, "href");
    }
    // A file name: "nist-csf-1.1.json" is the framework nist-csf-1.1.
    std::string name =
        href.substr(href.find_last_of('/') == std::string::npos ? 0 : href.find_last_of('/') + 1);
    auto dot = name.rfind('.');
    if (dot != std::string::npos && dot > 0) {
      std::string ext = util::to_lower(name.substr(dot));
      if (ext == ".json" || ext == ".xml" || ext == ".yaml" || ext == ".yml") name.resize(dot);
    }
    if (m_known.framework(name) != nullptr || m_known.standard(name) != nullptr)
      return parse_item(name, here);
    return fail(here + ": cannot tell which framework or standard '" + href + "' is (give --" +
                std::string(key).substr(0, 6) + " framework:ID or standard:ID)");
  }

  bool member_exists(const core::CatalogItemRef& ref, const std::string& id) const {
    if (ref.kind == Kind::k_framework) return m_known.node(ref.id, id) != nullptr;
    const auto* s = m_known.standard(ref.id);
    return s != nullptr && (!s->has_clause_list || s->find_clause(id) != nullptr);
  }

  util::Result<void> read_maps(const Json& mapping, const std::string& where, core::MappingSet& set,
                               std::vector<std::string>& warnings) const {
    std::map<std::string, std::string> no_relationship_rationale;
    for (const auto& p : array_at(mapping, "props")) {
      if (string_at(p, "ns") == k_cyberframe_ns && string_at(p, "name") == "no-relationship")
        no_relationship_rationale[string_at(p, "value")] =
            markdown_to_text(string_at(p, "remarks"));
    }
    auto member = [&](const Json& item, const core::CatalogItemRef& ref,
                      const std::string& here) -> util::Result<std::string> {
      std::string id = string_at(item, "id-ref");
      if (id.empty()) return fail(here + "/id-ref is missing");
      if (ref.kind == Kind::k_framework) id = token_to_node_id(id);
      if (!member_exists(ref, id))
        return fail(here + "/id-ref '" + id + "' is not a " +
                    (ref.kind == Kind::k_framework ? "node of framework " : "clause of standard ") +
                    ref.id);
      return id;
    };
    auto maps = mapping.find("maps");
    if (maps == mapping.end() || !maps->is_array() || maps->empty())
      return fail(where + "/maps is missing or empty");
    for (std::size_t i = 0; i < maps->size(); ++i) {
      const Json& map = (*maps)[i];
      std::string here = where + "/maps/" + std::to_string(i);
      std::string token = string_at(map, "relationship");
      auto relationship = from_oscal_relationship(token);
      if (!relationship)
        return fail(here + "/relationship '" + token +
                    "' is not one of equal-to, equivalent-to, subset-of, superset-of, "
                    "intersects-with, no-relationship");
      auto sources = map.find("sources");
      auto targets = map.find("targets");
      if (sources == map.end() || !sources->is_array() || sources->empty())
        return fail(here + "/sources is missing or empty");
      if (targets == map.end() || !targets->is_array() || targets->empty())
        return fail(here + "/targets is missing or empty");
      // Our own marker of a set with nothing mapped.
      if (*relationship == core::Relationship::k_no_relationship &&
          string_at((*sources)[0], "id-ref") == "*")
        continue;
      std::vector<std::string> target_ids;
      for (std::size_t t = 0; t < targets->size(); ++t) {
        auto id = member((*targets)[t], set.target, here + "/targets/" + std::to_string(t));
        if (!id) return std::unexpected(id.error());
        target_ids.push_back(*id);
      }
      std::string rationale = markdown_to_text(string_at(map, "remarks"));
      if (map.contains("qualifiers")) {
        warnings.push_back(here + ": qualifiers are kept in the rationale only");
        for (const auto& q : array_at(map, "qualifiers"))
          rationale += (rationale.empty() ? "" : " ") + std::string("[") + string_at(q, "subject") +
                       " " + string_at(q, "predicate") + ": " +
                       one_line(string_at(q, "description")) + "]";
      }
      for (std::size_t s = 0; s < sources->size(); ++s) {
        auto id = member((*sources)[s], set.source, here + "/sources/" + std::to_string(s));
        if (!id) return std::unexpected(id.error());
        core::Mapping m;
        m.source = *id;
        m.relationship = *relationship;
        m.rationale = rationale;
        if (*relationship == core::Relationship::k_no_relationship) {
          std::string names = util::join(target_ids, ", ");
          m.rationale +=
              (m.rationale.empty() ? "" : " ") + std::string("(no relationship to ") + names + ")";
        } else {
          m.targets = target_ids;
        }
        set.mappings.push_back(std::move(m));
      }
    }
    auto gaps = mapping.find("source-gap-summary");
    if (gaps != mapping.end() && gaps->is_object()) {
      for (const auto& selection : array_at(*gaps, "unmapped-controls")) {
        for (const auto& w : array_at(selection, "with-ids")) {
          if (!w.is_string()) continue;
          std::string id = w.get<std::string>();
          if (set.source.kind == Kind::k_framework) id = token_to_node_id(id);
          if (!member_exists(set.source, id))
            return fail(where + "/source-gap-summary: '" + id + "' is not in " + set.source.id);
          core::Mapping m;
          m.source = id;
          m.relationship = core::Relationship::k_no_relationship;
          auto r = no_relationship_rationale.find(w.get<std::string>());
          if (r == no_relationship_rationale.end()) r = no_relationship_rationale.find(id);
          if (r != no_relationship_rationale.end()) m.rationale = r->second;
          set.mappings.push_back(std::move(m));
        }
      }
    }
    return {};
  }

  const Document& m_document;
  const core::Catalog& m_known;
  const MappingImportOptions& m_options;
  std::map<std::string, const Json*> m_resources;
};

}  // namespace

util::Result<MappingImport> import_mapping_collection(const Document& document,
                                                      const core::Catalog& known,
                                                      const MappingImportOptions& options) {
  return MappingReader(document, known, options).run();
}

}  // namespace cyberframe::oscal
