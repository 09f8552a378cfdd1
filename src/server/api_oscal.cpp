// OSCAL over HTTP (docs/api.md, "OSCAL"): frameworks as OSCAL catalogs, mapping sets (the
// catalog's and an organization's) as OSCAL mapping collections, a profile's assessment as OSCAL
// assessment results and the roadmap as a POA&M, in JSON, XML or YAML; and the validation and
// conversion of a document sent in the body.
//
// Every route here only reads: the workspace is never written, whatever the request. Nothing is
// fetched from the network or read from files on the request's word (profile resolution, whose
// imports name files, is not offered over HTTP).
#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <regex>
#include <set>

#include "oscal/assessment_exchange.hpp"
#include "oscal/catalog_exchange.hpp"
#include "oscal/document.hpp"
#include "oscal/mapping_exchange.hpp"
#include "server/api.hpp"
#include "util/text.hpp"
#include "workspace/frameworks.hpp"
#include "workspace/oscal_inputs.hpp"

namespace cyberframe::server {

namespace {

std::string_view extension(oscal::Format format) {
  switch (format) {
    case oscal::Format::k_json:
      return "json";
    case oscal::Format::k_xml:
      return "xml";
    case oscal::Format::k_yaml:
      return "yaml";
  }
  return "json";
}

// The media type NIST registered for the model (application/oscal.catalog+json, ...; the short
// names ssp, ap, ar and poam for the longer models), else the generic application/oscal+FORMAT.
std::string media_type(const std::string& model, oscal::Format format) {
  static const std::map<std::string, std::string, std::less<>> k_short{
      {"catalog", "catalog"},
      {"profile", "profile"},
      {"component-definition", "component-definition"},
      {"system-security-plan", "ssp"},
      {"assessment-plan", "ap"},
      {"assessment-results", "ar"},
      {"plan-of-action-and-milestones", "poam"}};
  auto it = k_short.find(model);
  std::string base = it == k_short.end() ? "application/oscal" : "application/oscal." + it->second;
  return base + "+" + std::string(extension(format));
}

// The format a query parameter names; `fallback` when absent (nullopt: the parameter is required).
Answer<oscal::Format> format_parameter(const Request& req, const std::string& name,
                                       std::optional<oscal::Format> fallback) {
  auto it = req.query.find(name);
  if (it == req.query.end()) {
    if (fallback) return *fallback;
    return std::unexpected(bad_parameter(name, name + " is required: json, xml or yaml"));
  }
  auto f = oscal::parse_format(it->second);
  if (!f)
    return std::unexpected(bad_parameter(
        name, name + " must be json, xml or yaml, not '" + it->second.substr(0, 40) + "'"));
  return *f;
}

// A file name safe inside a quoted Content-Disposition parameter.
std::string file_name(const std::string& stem, oscal::Format format) {
  std::string safe;
  for (unsigned char c : stem)
    safe += std::isalnum(c) || c == '.' || c == '-' || c == '_' ? static_cast<char>(c) : '-';
  if (safe.empty()) safe = "document";
  return safe + ".oscal." + std::string(extension(format));
}

// Whether If-None-Match names `tag` (or is "*"); weak tags compare by their value.
bool none_match(const Request& req, const std::string& tag) {
  const auto& header = req.header("if-none-match");
  if (header.empty()) return false;
  for (auto part : util::split(header, ',')) {
    auto v = util::trim(part);
    if (v == "*") return true;
    if (v.starts_with("W/")) v = v.substr(2);
    if (v == tag) return true;
  }
  return false;
}

// A document as the answer. `stable`: the text depends only on what it exports (no clock), so it
// gets an ETag (its SHA-256) and If-None-Match is answered 304.
Response document_response(const Request& req, std::string text, const std::string& model,
                           oscal::Format format, const std::string& stem, bool stable) {
  std::string tag;
  if (stable) tag = "\"" + secret_hash(text).substr(0, 32) + "\"";
  if (stable && none_match(req, tag)) {
    Response r{304, "", "", {}};
    r.headers.emplace_back("ETag", tag);
    r.headers.emplace_back("Cache-Control", "private, no-cache");
    return r;
  }
  Response r{200, media_type(model, format), std::move(text), {}};
  r.headers.emplace_back("Content-Disposition",
                         "attachment; filename=\"" + file_name(stem, format) + "\"");
  if (stable) {
    // Kept by the browser, but asked again each time (If-None-Match answers 304 cheaply).
    r.headers.emplace_back("ETag", tag);
    r.headers.emplace_back("Cache-Control", "private, no-cache");
  }
  return r;
}

std::string write(oscal::Json root, const std::string& model, oscal::Format format) {
  oscal::Document d;
  d.model = model;
  d.root = std::move(root);
  d.format = format;
  return oscal::write(d, format);
}

// Exports of the read-only catalog, made once per server: the same request always gives the same
// bytes (last-modified is the time of the first export), so they carry an ETag.
class CatalogExports {
 public:
  // The text of `key` in `format`, making the document with `make` the first time.
  std::shared_ptr<const std::string> text(const core::Catalog& catalog, const std::string& key,
                                          const std::string& model, oscal::Format format,
                                          const std::function<oscal::Json(std::string)>& make) {
    std::lock_guard lock(m_mutex);
    if (m_catalog != &catalog) {
      m_catalog = &catalog;
      m_documents.clear();
      m_texts.clear();
      m_made_at = oscal::export_timestamp();
    }
    auto& t = m_texts[{key, format}];
    if (t) return t;
    auto& d = m_documents[key];
    if (!d) d = std::make_shared<const oscal::Json>(make(m_made_at));
    t = std::make_shared<const std::string>(write(*d, model, format));
    return t;
  }

 private:
  std::mutex m_mutex;
  const core::Catalog* m_catalog = nullptr;
  std::string m_made_at;
  std::map<std::string, std::shared_ptr<const oscal::Json>> m_documents;
  std::map<std::pair<std::string, oscal::Format>, std::shared_ptr<const std::string>> m_texts;
};

CatalogExports& catalog_exports() {
  static CatalogExports exports;
  return exports;
}

// --- the catalog ------------------------------------------------------------------------------

Response framework_catalog(Call& call) {
  if (auto bad = only_parameters(call.req, {"format"})) return *bad;
  auto format = format_parameter(call.req, "format", oscal::Format::k_json);
  if (!format) return format.error();
  const auto& cat = call.ctx.catalog();
  const auto& id = call.req.params.at("id");
  const auto* fw = cat.framework(id);
  if (fw == nullptr)
    return problem(404, "No such framework",
                   "there is no framework '" + id + "'; GET /api/v1/frameworks lists them");
  auto text = catalog_exports().text(
      cat, "framework:" + id, "catalog", *format,
      [&](std::string made_at) { return oscal::export_catalog(cat, *fw, {std::move(made_at)}); });
  return document_response(call.req, *text, "catalog", *format, id, true);
}

Response list_catalog_sets(Call& call) {
  if (auto bad = only_parameters(call.req, {"limit", "offset", "source", "target"})) return *bad;
  Page page;
  if (auto bad = read_page(call.req, page, 100, 1000)) return *bad;
  const auto& q = call.req.query;
  auto source = q.contains("source") ? q.at("source") : "";
  auto target = q.contains("target") ? q.at("target") : "";
  std::vector<const core::MappingSet*> sets;
  for (const auto& [id, s] : call.ctx.catalog().mapping_sets()) {
    if (!source.empty() && s.source.id != source) continue;
    if (!target.empty() && s.target.id != target) continue;
    sets.push_back(&s);
  }
  return ok(page_of(sets, page, [](const core::MappingSet* s) {
    return json{{"id", s->id},
                {"title", s->title},
                {"source", to_json(s->source)},
                {"target", to_json(s->target)},
                {"purpose", s->purpose == core::Purpose::k_edition ? "edition" : "crosswalk"},
                {"method", std::string(core::to_string(s->provenance.method))},
                {"count", s->mappings.size()}};
  }));
}

Response catalog_set_collection(Call& call) {
  if (auto bad = only_parameters(call.req, {"format"})) return *bad;
  auto format = format_parameter(call.req, "format", oscal::Format::k_json);
  if (!format) return format.error();
  const auto& cat = call.ctx.catalog();
  const auto& id = call.req.params.at("id");
  const auto* set = cat.mapping_set(id);
  if (set == nullptr)
    return problem(
        404, "No such mapping set",
        "the catalog has no mapping set '" + id + "'; GET /api/v1/catalog/mapping-sets lists them");
  auto text = catalog_exports().text(
      cat, "mapping-set:" + id, "mapping-collection", *format, [&](std::string made_at) {
        return oscal::export_mapping_collection(cat, *set, {std::move(made_at)});
      });
  return document_response(call.req, *text, "mapping-collection", *format, id, true);
}

// --- the workspace ----------------------------------------------------------------------------

Response workspace_set_collection(Call& call) {
  if (auto bad = only_parameters(call.req, {"format"})) return *bad;
  auto format = format_parameter(call.req, "format", oscal::Format::k_json);
  if (!format) return format.error();
  auto s = mapping_set_for(call, Need::k_read);
  if (!s) return s.error();
  // Its last-modified is its own, so the same version always gives the same document.
  oscal::MappingExportOptions options;
  options.last_modified = oscal::oscal_date_time(s->updated_at);
  auto root =
      oscal::export_mapping_collection(call.ctx.catalog(), core::to_mapping_set(*s), options);
  return document_response(call.req, write(std::move(root), "mapping-collection", *format),
                           "mapping-collection", *format, s->name, !options.last_modified.empty());
}

Response assessment_results(Call& call) {
  if (auto bad = only_parameters(call.req, {"format", "assessment", "target"})) return *bad;
  auto format = format_parameter(call.req, "format", oscal::Format::k_json);
  if (!format) return format.error();
  const auto& q = call.req.query;
  std::optional<std::int64_t> assessment, target;
  if (auto it = q.find("assessment"); it != q.end()) {
    assessment = whole_number(it->second);
    if (!assessment)
      return bad_parameter("assessment",
                           "assessment must be the id of a frozen assessment (a "
                           "whole number; GET /api/v1/profiles/{id}/assessments)");
  }
  if (auto it = q.find("target"); it != q.end()) {
    target = whole_number(it->second);
    if (!target) return bad_parameter("target", "target must be a target profile id");
  }
  auto p = profile_for(call, Need::k_read);
  if (!p) return p.error();
  if (p->kind != core::ProfileKind::k_current)
    return problem(422, "Not a current profile",
                   "profile " + std::to_string(p->id) +
                       " is a target profile; assessment results are of a current profile",
                   json{{"parameter", "id"}});
  auto& store = call.ctx.workspace;
  auto input = workspace::assessment_results_input(store, *p);
  if (!input) return problem_from(input.error());
  auto& in = *input;
  std::string stem = "profile-" + std::to_string(p->id) + "-assessment-results";
  if (assessment) {
    auto snapshots = store.snapshots(p->id);
    if (!snapshots) return problem_from(snapshots.error());
    auto found = std::find_if(snapshots->begin(), snapshots->end(),
                              [&](const core::Snapshot& s) { return s.id == *assessment; });
    if (found == snapshots->end())
      return problem(404, "No such assessment",
                     "profile " + std::to_string(p->id) + " has no frozen assessment " +
                         std::to_string(*assessment) +
                         "; GET /api/v1/profiles/{id}/assessments lists them",
                     json{{"parameter", "assessment"}});
    in.assessments = found->assessments;
    in.assessment_name = found->name;
    in.taken_at = found->taken_at;
    in.assessor = found->assessor;
    in.signed_off_by = found->signed_off_by;
    stem = "profile-" + std::to_string(p->id) + "-assessment-" + std::to_string(found->id);
  }
  if (target) {
    auto t = store.profile(std::to_string(*target));
    if (!t || t->id != *target || t->organization != p->organization)
      return problem(404, "No such target profile",
                     "no profile " + std::to_string(*target) + " in this organization",
                     json{{"parameter", "target"}});
    if (t->kind != core::ProfileKind::k_target || t->framework != p->framework)
      return problem(
          422, "Not a target of this profile",
          "profile " + std::to_string(*target) + " is not a target profile on " + p->framework,
          json{{"parameter", "target"}});
    auto rows = store.node_assessments(t->id);
    if (!rows) return problem_from(rows.error());
    in.target_profile = *t;
    in.targets = std::move(*rows);
  }
  auto root = oscal::export_assessment_results(call.ctx.catalog(), in);
  if (!root) return problem_from(root.error());
  return document_response(call.req, write(std::move(*root), "assessment-results", *format),
                           "assessment-results", *format, stem, assessment.has_value());
}

Response poam(Call& call) {
  if (auto bad = only_parameters(call.req, {"format"})) return *bad;
  auto format = format_parameter(call.req, "format", oscal::Format::k_json);
  if (!format) return format.error();
  auto p = profile_for(call, Need::k_read);
  if (!p) return p.error();
  auto in = workspace::poam_input(call.ctx.workspace, *p);
  if (!in) return problem_from(in.error());
  auto root = oscal::export_poam(call.ctx.catalog(), *in);
  if (!root) {
    if (root.error().code == util::ErrorCode::k_invalid_input)
      return problem(422, "No POA&M", root.error().message);
    return problem_from(root.error());
  }
  return document_response(call.req,
                           write(std::move(*root), "plan-of-action-and-milestones", *format),
                           "plan-of-action-and-milestones", *format,
                           "profile-" + std::to_string(p->id) + "-poam", false);
}

// --- documents in the body --------------------------------------------------------------------

// The format of the body by its Content-Type: JSON, XML or YAML, including the +json, +xml and
// +yaml types (application/oscal.catalog+json, ...).
Answer<oscal::Format> body_format(const Call& call) {
  auto type = util::to_lower(util::trim(call.req.header("content-type")));
  if (auto semi = type.find(';'); semi != std::string::npos)
    type = util::trim(type.substr(0, semi));
  if (type == "application/json" || type.ends_with("+json")) return oscal::Format::k_json;
  if (type == "application/xml" || type == "text/xml" || type.ends_with("+xml"))
    return oscal::Format::k_xml;
  if (type == "application/yaml" || type == "application/x-yaml" || type == "text/yaml" ||
      type == "text/x-yaml" || type.ends_with("+yaml"))
    return oscal::Format::k_yaml;
  return std::unexpected(
      problem(415, "Unsupported media type",
              "send the OSCAL document with Content-Type application/json, application/xml (or "
              "text/xml) or application/yaml" +
                  std::string(type.empty() ? "" : ", not " + type.substr(0, 80))));
}

// The document in the body, or the 4xx to answer: too large 413, a read error 422 with where
// (line and column when the message gives them).
Answer<oscal::Document> body_document(const Call& call) {
  auto format = body_format(call);
  if (!format) return std::unexpected(format.error());
  const auto& body = call.req.body;
  if (body.size() > call.ctx.options.max_upload_bytes)
    return std::unexpected(problem(413, "Request too large",
                                   "an OSCAL document may have at most " +
                                       std::to_string(call.ctx.options.max_upload_bytes >> 20) +
                                       " MiB here"));
  // At most a quarter of a million nodes: a document of the upload limit costs tens of MiB at
  // most, XML included (docs/security.md).
  oscal::ReadOptions options;
  options.max_nodes = 250000;
  auto document = oscal::read(body, *format, "body", options);
  if (!document) {
    const auto& message = document.error().message;
    json extra{{"format", std::string(oscal::to_string(*format))}};
    static const std::regex k_where(R"(^body:(\d{1,9}):(\d{1,9}): )");
    static const std::regex k_path(R"(^body: (/[^: ]*): )");
    std::smatch m;
    if (std::regex_search(message, m, k_where)) {
      extra["line"] = std::stol(m[1]);
      extra["column"] = std::stol(m[2]);
    } else if (std::regex_search(message, m, k_path)) {
      extra["path"] = m[1].str();
    }
    return std::unexpected(problem(422, "Not an OSCAL document", message, extra));
  }
  return std::move(*document);
}

Response validate(Call& call) {
  if (auto bad = only_parameters(call.req, {})) return *bad;
  auto document = body_document(call);
  if (!document) return document.error();
  auto problems = oscal::validate(*document);
  json list = json::array();
  for (const auto& p : problems) list.push_back(json{{"path", p.path}, {"message", p.message}});
  const auto& meta = document->body().contains("metadata") ? document->body().at("metadata")
                                                           : oscal::Json::object();
  return ok(json{{"model", document->model},
                 {"format", std::string(oscal::to_string(document->format))},
                 {"oscal_version", meta.is_object() && meta.contains("oscal-version") &&
                                           meta.at("oscal-version").is_string()
                                       ? json(meta.at("oscal-version").get<std::string>())
                                       : json(nullptr)},
                 {"valid", problems.empty()},
                 {"problems", list}});
}

// An OSCAL catalog as a new framework of the organization, stored in the workspace.
Response import_framework(Call& call) {
  auto org = organization_for(call, Need::k_write);
  if (!org) return org.error();
  if (auto bad = only_parameters(call.req, {"id"})) return *bad;
  std::string id;
  if (auto it = call.req.query.find("id"); it != call.req.query.end()) id = it->second;
  if (!call.ctx.catalogs)
    return problem(503, "Frameworks unavailable", "this server does not keep stored frameworks");
  auto document = body_document(call);
  if (!document) return document.error();
  if (document->model != "catalog")
    return problem(422, "Not a catalog",
                   "the body is " + oscal::article(document->model) + " " + document->model +
                       "; a framework is imported from an OSCAL catalog");
  auto saved = workspace::import_oscal_framework(
      call.ctx.workspace, actor(call), call.ctx.catalogs->base(), org->id, *document, "body", id);
  if (!saved) return problem_from(saved.error());
  return framework_saved(call, *saved, 201);
}

Response convert(Call& call) {
  if (auto bad = only_parameters(call.req, {"to"})) return *bad;
  auto to = format_parameter(call.req, "to", std::nullopt);
  if (!to) return to.error();
  auto document = body_document(call);
  if (!document) return document.error();
  Response r{200, media_type(document->model, *to), oscal::write(*document, *to), {}};
  return r;
}

}  // namespace

void add_oscal_routes(Routes& routes) {
  auto user = Access::k_user;
  routes.add("GET", "/api/v1/frameworks/{id}/oscal", user, framework_catalog);
  routes.add("GET", "/api/v1/catalog/mapping-sets", user, list_catalog_sets);
  routes.add("GET", "/api/v1/catalog/mapping-sets/{id}/oscal", user, catalog_set_collection);
  routes.add("GET", "/api/v1/mapping-sets/{set}/oscal", user, workspace_set_collection);
  routes.add("GET", "/api/v1/profiles/{id}/oscal/assessment-results", user, assessment_results);
  routes.add("GET", "/api/v1/profiles/{id}/oscal/poam", user, poam);
  routes.add("POST", "/api/v1/oscal/validate", user, validate).upload().gated().changes_nothing();
  routes.add("POST", "/api/v1/oscal/convert", user, convert).upload().gated().changes_nothing();
  routes.add("POST", "/api/v1/organizations/{org}/frameworks/import", user, import_framework)
      .upload()
      .gated();
}

}  // namespace cyberframe::server
