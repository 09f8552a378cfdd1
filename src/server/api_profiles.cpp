// Profiles over HTTP: node assessments (with ETag / If-Match), their history, comments and
// evidence, gaps, frozen assessments, import and export. Each handler checks the caller's role in
// the organization the profile belongs to.
#include <algorithm>
#include <set>

#include "codec/json.hpp"
#include "core/input_rules.hpp"
#include "exchange/profile_table.hpp"
#include "report/report.hpp"
#include "server/api.hpp"
#include "server/api_workspace.hpp"
#include "util/clock.hpp"
#include "util/text.hpp"
#include "workspace/gaps.hpp"
#include "workspace/profile_import.hpp"
#include "workspace/reporting.hpp"

namespace cyberframe::server {

namespace {

// --- profiles ---

Response list_profiles(Call& call) {
  auto org = organization_for(call, Need::k_read);
  if (!org) return org.error();
  Page page;
  if (auto bad = read_page(call.req, page)) return *bad;
  auto list = call.ctx.workspace.profiles(org->id, slice_of(page));
  if (!list) return problem_from(list.error());
  auto counts = call.ctx.workspace.assessed_counts(org->id);
  if (!counts) return problem_from(counts.error());
  return ok(paged_json(*list, page, [&](const core::Profile& p) {
    auto j = to_json(p);
    j["assessed"] = (*counts)[p.id];
    return j;
  }));
}

Response create_profile(Call& call) {
  auto org = organization_for(call, Need::k_write);
  if (!org) return org.error();
  json body;
  if (auto bad = read_body(call,
                           {{"name", FieldType::k_string, true, 200},
                            {"framework", FieldType::k_string, true, 200},
                            {"kind", FieldType::k_string, true, 20},
                            {"scale", FieldType::k_string, false, 200}},
                           body))
    return *bad;
  core::Profile p;
  p.organization = org->id;
  p.name = body["name"].get<std::string>();
  p.framework = body["framework"].get<std::string>();
  if (call.ctx.catalog().framework(p.framework) == nullptr)
    return problem(422, "Not accepted",
                   "framework '" + p.framework + "' is not in the catalog; GET /api/v1/frameworks");
  auto kind = core::parse_profile_kind(body["kind"].get<std::string>());
  if (!kind) return problem(422, "Not accepted", "kind must be current or target");
  p.kind = *kind;
  p.scale = body.value("scale", core::default_scale().id);
  if (auto s = call.ctx.workspace.scale(p.scale); !s)
    return problem(422, "Not accepted", "no scale '" + p.scale + "'; GET /api/v1/scales");
  auto created = call.ctx.workspace.create_profile(actor(call), p);
  if (!created) return problem_from(created.error());
  return ok(to_json(*created), 201);
}

Response get_profile(Call& call) {
  auto p = profile_for(call, Need::k_read);
  if (!p) return p.error();
  auto j = to_json(*p);
  if (auto s = call.ctx.workspace.scale(p->scale)) j["scale_levels"] = to_json(*s)["levels"];
  auto counts = call.ctx.workspace.assessed_counts(p->organization);
  j["assessed"] = counts ? (*counts)[p->id] : 0;
  // Coverage and the overall score as the dashboard and the reports give them (core/figures.hpp).
  auto figures = workspace::profile_figures(call.ctx.workspace, call.ctx.catalog(), *p);
  if (!figures && figures.error().code != util::ErrorCode::k_not_found)
    return problem_from(figures.error());
  j["figures"] = figures ? codec::to_json(*figures) : json(nullptr);
  return ok(j);
}

// The function and category a node sits under.
std::pair<std::string, std::string> ancestors(const core::Catalog& cat, const std::string& fw,
                                              const std::string& node) {
  std::string function, category;
  for (const auto* n = cat.parent(fw, node); n != nullptr; n = cat.parent(fw, n->id)) {
    if (n->level == core::Level::k_category) category = n->id;
    if (n->level == core::Level::k_function) function = n->id;
  }
  return {function, category};
}

Response list_nodes(Call& call) {
  auto p = profile_for(call, Need::k_read);
  if (!p) return p.error();
  Page page;
  if (auto bad = read_page(call.req, page, 500, 5000)) return *bad;
  const auto& q = call.req.query;
  auto param = [&](const char* name) { return q.contains(name) ? q.at(name) : std::string(); };
  auto function = param("function"), owner = param("owner"), gap = param("gap"),
       text = util::to_lower(param("q"));
  if (!gap.empty() && gap != "open" && gap != "closed")
    return problem(400, "Bad query parameter", "gap must be open or closed");
  auto rows = call.ctx.workspace.node_assessments(p->id);
  if (!rows) return problem_from(rows.error());
  std::map<std::string, core::NodeAssessment> target_rows;
  auto t = target_for(call, *p, param("target"));
  if (!t) return t.error();
  if (*t) {
    auto tr = call.ctx.workspace.node_assessments((*t)->id);
    if (!tr) return problem_from(tr.error());
    target_rows = std::move(*tr);
  }
  const auto& cat = call.ctx.catalog();
  json items = json::array();
  std::size_t total = 0;
  const auto* fw = cat.framework(p->framework);
  for (const auto* n : cat.nodes_in_order(p->framework)) {
    // The nodes a profile assesses: subcategories, controls, their items (core::assessed_directly).
    if (fw == nullptr || !core::assessed_directly(*fw, *n)) continue;
    auto [fn, category] = ancestors(cat, p->framework, n->id);
    if (n->level == core::Level::k_category) category = n->id;
    if (!function.empty() && fn != function) continue;
    core::NodeAssessment a;
    a.node = n->id;
    if (auto it = rows->find(n->id); it != rows->end()) a = it->second;
    if (!owner.empty() && a.owner != owner) continue;
    std::optional<int> target;
    if (auto it = target_rows.find(n->id); it != target_rows.end()) target = it->second.level;
    if (!gap.empty()) {
      bool open = target && !a.not_applicable && a.level.value_or(-1) < *target;
      if ((gap == "open") != open) continue;
    }
    if (!text.empty() && util::to_lower(n->id).find(text) == std::string::npos &&
        util::to_lower(n->title).find(text) == std::string::npos &&
        util::to_lower(n->description).find(text) == std::string::npos &&
        util::to_lower(a.notes).find(text) == std::string::npos)
      continue;
    ++total;
    if (total <= page.offset || items.size() >= page.limit) continue;
    items.push_back(json{{"node", n->id},
                         {"title", n->title.empty() ? n->description : n->title},
                         {"function", fn},
                         {"category", category},
                         {"target", target ? json(*target) : json(nullptr)},
                         {"assessment", to_json(a)}});
  }
  return ok(page_json(items, total, page));
}

// The node named by the route, checked against the profile's framework.
Answer<const core::Node*> node_for(Call& call, const core::Profile& p) {
  const auto& id = call.req.params.at("node");
  const auto* n = call.ctx.catalog().node(p.framework, id);
  if (n == nullptr)
    return std::unexpected(
        problem(404, "No such node", "framework " + p.framework + " has no node '" + id + "'"));
  return n;
}

Response get_node_assessment(Call& call) {
  auto p = profile_for(call, Need::k_read);
  if (!p) return p.error();
  auto found = node_for(call, *p);
  if (!found) return found.error();
  const auto* n = *found;
  // Version 0 and nothing set for a node never assessed; a read error is an error.
  auto a = call.ctx.workspace.node_assessment(p->id, n->id);
  if (!a) return problem_from(a.error());
  return with_etag(ok(to_json(*a)), a->version);
}

Response put_node_assessment(Call& call) {
  auto p = profile_for(call, Need::k_write);
  if (!p) return p.error();
  auto found = node_for(call, *p);
  if (!found) return found.error();
  const auto* n = *found;
  auto expected = required_if_match(
      call, " (\"0\" for a node never assessed), so that no one's change is overwritten");
  if (!expected) return expected.error();
  json body;
  if (auto bad = read_body(call,
                           {{"level", FieldType::k_integer_or_null},
                            {"not_applicable", FieldType::k_boolean},
                            {"justification", FieldType::k_string, false, 4000},
                            {"owner", FieldType::k_string, false, 200},
                            {"priority", FieldType::k_integer},
                            {"notes", FieldType::k_string, false, 10000}},
                           body))
    return *bad;
  workspace::NodeChange change;
  change.expected_version = *expected;
  if (body.contains("level"))
    change.level =
        body["level"].is_null() ? std::nullopt : std::optional<int>(body["level"].get<int>());
  if (body.contains("not_applicable")) change.not_applicable = body["not_applicable"].get<bool>();
  if (body.contains("justification"))
    change.justification = body["justification"].get<std::string>();
  if (body.contains("owner")) change.owner = body["owner"].get<std::string>();
  if (body.contains("priority")) change.priority = body["priority"].get<int>();
  if (body.contains("notes")) change.notes = body["notes"].get<std::string>();
  // The workspace compares the version with the row it reads (change_node).
  auto stored = versioned_write(
      *expected, *expected, "node",
      [&] {
        return call.ctx.workspace.change_node(actor(call), call.ctx.catalog(), *p, n->id, change);
      },
      [&]() -> std::optional<Current> {
        auto now = call.ctx.workspace.node_assessment(p->id, n->id);
        if (!now) return std::nullopt;
        return Current{to_json(*now), now->version};
      });
  if (!stored) return stored.error();
  return with_etag(ok(to_json(*stored)), stored->version);
}

Response node_history(Call& call) {
  auto p = profile_for(call, Need::k_read);
  if (!p) return p.error();
  auto found = node_for(call, *p);
  if (!found) return found.error();
  const auto* n = *found;
  Page page;
  if (auto bad = read_page(call.req, page, 100, 1000)) return *bad;
  auto id = std::to_string(p->id) + "/" + n->id;
  json items = json::array();
  for (const char* entity : {"node", "evidence", "comment"}) {
    auto log = call.ctx.workspace.audit_log(entity, id, page.limit);
    if (!log) return problem_from(log.error());
    for (const auto& rec : *log) items.push_back(audit_json(rec));
  }
  std::sort(items.begin(), items.end(),
            [](const json& a, const json& b) { return a["id"].get<long>() > b["id"].get<long>(); });
  if (items.size() > page.limit)
    items.erase(items.begin() + static_cast<long>(page.limit), items.end());
  auto total = items.size();
  return ok(page_json(items, total, page));
}

Response list_comments(Call& call) {
  auto p = profile_for(call, Need::k_read);
  if (!p) return p.error();
  auto found = node_for(call, *p);
  if (!found) return found.error();
  const auto* n = *found;
  auto list = call.ctx.workspace.comments(p->id, n->id);
  if (!list) return problem_from(list.error());
  json items = json::array();
  for (const auto& c : *list)
    items.push_back(json{{"id", c.id}, {"author", c.author}, {"at", c.at}, {"text", c.text}});
  return ok(page_json(items, items.size(), Page{items.size(), 0}));
}

Response add_comment(Call& call) {
  auto p = profile_for(call, Need::k_comment);
  if (!p) return p.error();
  auto found = node_for(call, *p);
  if (!found) return found.error();
  const auto* n = *found;
  json body;
  if (auto bad = read_body(call, {{"text", FieldType::k_string, true, 10000}}, body)) return *bad;
  auto c =
      call.ctx.workspace.add_comment(actor(call), p->id, n->id, body["text"].get<std::string>());
  if (!c) return problem_from(c.error());
  return ok(json{{"id", c->id}, {"author", c->author}, {"at", c->at}, {"text", c->text}}, 201);
}

Response add_evidence(Call& call) {
  auto p = profile_for(call, Need::k_write);
  if (!p) return p.error();
  auto found = node_for(call, *p);
  if (!found) return found.error();
  const auto* n = *found;
  std::string name, url, bytes;
  if (util::to_lower(call.req.header("content-type")).starts_with("application/json")) {
    json body;
    if (auto bad = read_body(
            call,
            {{"name", FieldType::k_string, true, 255}, {"url", FieldType::k_string, true, 2000}},
            body))
      return *bad;
    name = body["name"].get<std::string>();
    url = body["url"].get<std::string>();
    if (url.empty()) return problem(400, "Bad evidence", "a link needs a url (https://...)");
  } else {
    auto it = call.req.query.find("name");
    if (it == call.req.query.end() || it->second.empty())
      return problem(400, "Missing query parameter",
                     "give the file's name: POST .../evidence?name=policy.pdf with the file as the "
                     "body");
    name = it->second;
    if (name.size() > 255 || util::find_invalid_utf8(name) != std::string::npos ||
        std::any_of(name.begin(), name.end(), [](unsigned char c) { return c < 0x20; }))
      return problem(400, "Bad file name",
                     "a file name has at most 255 characters and no control characters");
    if (call.req.body.empty()) return problem(400, "Empty file", "the request body is empty");
    if (call.req.body.size() > call.ctx.options.max_upload_bytes)
      return problem(413, "File too large",
                     "an evidence file may have at most " +
                         std::to_string(call.ctx.options.max_upload_bytes >> 20) + " MiB");
    bytes = call.req.body;
  }
  auto e = call.ctx.workspace.add_evidence(actor(call), p->id, n->id, name, url, bytes);
  if (!e) {
    if (e.error().code == util::ErrorCode::k_invalid_input)
      return problem(400, "Bad evidence", e.error().message);
    return problem_from(e.error());
  }
  return ok(to_json(*e), 201);
}

Response get_evidence(Call& call) {
  auto p = profile_for(call, Need::k_read);
  if (!p) return p.error();
  const auto& sha = call.req.params.at("sha256");
  if (sha.size() != 64 || sha.find_first_not_of("0123456789abcdef") != std::string::npos)
    return problem(400, "Bad evidence id",
                   "evidence files are named by their SHA-256 (64 hex digits)");
  auto rows = call.ctx.workspace.node_assessments(p->id);
  if (!rows) return problem_from(rows.error());
  const core::Evidence* found = nullptr;
  for (const auto& [node, a] : *rows)
    for (const auto& e : a.evidence)
      if (e.sha256 == sha) found = &e;
  if (found == nullptr)
    return problem(404, "Not found",
                   "profile " + std::to_string(p->id) + " has no evidence file " + sha);
  auto bytes = call.ctx.workspace.evidence_bytes(sha);
  if (!bytes) return problem_from(bytes.error());
  Response out{200, "application/octet-stream", std::move(*bytes), {}};
  out.headers.emplace_back("Content-Disposition", attachment(found->name));
  return out;
}

Response list_assessments(Call& call) {
  auto p = profile_for(call, Need::k_read);
  if (!p) return p.error();
  auto snaps = call.ctx.workspace.snapshots(p->id);
  if (!snaps) return problem_from(snaps.error());
  json items = json::array();
  for (const auto& s : *snaps) items.push_back(snapshot_json(call.ctx.catalog(), *p, s));
  return ok(page_json(items, items.size(), Page{items.size(), 0}));
}

Response freeze(Call& call) {
  auto p = profile_for(call, Need::k_write);
  if (!p) return p.error();
  json body;
  if (auto bad = read_body(call,
                           {{"name", FieldType::k_string, true, 200},
                            {"signed_off_by", FieldType::k_string, false, 200},
                            {"taken_at", FieldType::k_string, false, 30}},
                           body))
    return *bad;
  // The store checks the date as well; checking here first names the field.
  auto taken = core::parse_timestamp("taken_at", body.value("taken_at", util::now_utc()));
  if (!taken)
    return problem(
        400, "Invalid request body", taken.error().message,
        json{{"errors",
              json::array({json{{"field", "taken_at"}, {"message", taken.error().message}}})}});
  auto s =
      call.ctx.workspace.freeze(actor(call), p->id, body["name"].get<std::string>(), actor(call),
                                body.value("signed_off_by", std::string()), *taken);
  if (!s) return problem_from(s.error());
  return ok(snapshot_json(call.ctx.catalog(), *p, *s), 201);
}

std::optional<exchange::TableFormat> table_format(const Request& req) {
  auto it = req.query.find("format");
  return it == req.query.end() ? exchange::TableFormat::k_csv
                               : exchange::parse_table_format(it->second);
}

const char* content_type(exchange::TableFormat f) {
  switch (f) {
    case exchange::TableFormat::k_csv:
      return "text/csv; charset=utf-8";
    case exchange::TableFormat::k_xlsx:
      return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    case exchange::TableFormat::k_yaml:
      return "application/yaml";
  }
  return "application/octet-stream";
}

// The gap report of the profile the path names, against the target the query names (or the
// organization's first), with the query's filter applied (workspace::read_gap_filter, apply).
Answer<workspace::GapReport> filtered_gaps(Call& call, const core::Profile& p) {
  const auto& q = call.req.query;
  std::string requested = q.contains("target") ? q.at("target") : "";
  if (!requested.empty() && !whole_number(requested))
    return std::unexpected(bad_parameter("target", "target is a profile id (a whole number)"));
  std::map<std::string, std::string> values(q.begin(), q.end());
  auto filter = workspace::read_gap_filter(call.ctx.catalog(), p, values);
  if (!filter)
    return std::unexpected(bad_parameter(filter.error().parameter, filter.error().message));
  auto report = workspace::gap_report(call.ctx.workspace, call.ctx.catalog(), p, requested);
  if (!report) {
    if (report.error().code == util::ErrorCode::k_not_found)
      return std::unexpected(problem(404, requested.empty() ? "No target profile" : "Not found",
                                     report.error().message));
    return std::unexpected(problem_from(report.error()));
  }
  workspace::apply(call.ctx.catalog(), *filter, *report);
  return std::move(*report);
}

const std::set<std::string> k_gap_filters{"target",  "function", "category", "priority",
                                          "min_gap", "owner",    "q"};

Response profile_gaps(Call& call) {
  auto p = profile_for(call, Need::k_read);
  if (!p) return p.error();
  auto known = k_gap_filters;
  known.insert({"limit", "offset"});
  if (auto bad = only_parameters(call.req, known)) return *bad;
  Page page;
  if (auto bad = read_page(call.req, page, 500, 5000)) return *bad;
  auto report = filtered_gaps(call, *p);
  if (!report) return report.error();
  return ok(codec::to_json(call.ctx.catalog(), *report, page.offset, page.limit));
}

// The gaps the same filter keeps, as a CSV or XLSX file.
Response export_gaps(Call& call) {
  auto p = profile_for(call, Need::k_read);
  if (!p) return p.error();
  auto known = k_gap_filters;
  known.insert("format");
  if (auto bad = only_parameters(call.req, known)) return *bad;
  auto f = table_format(call.req);
  if (!f || *f == exchange::TableFormat::k_yaml)
    return bad_parameter("format", "format must be csv or xlsx");
  auto report = filtered_gaps(call, *p);
  if (!report) return report.error();
  auto bytes = exchange::export_gaps(call.ctx.catalog(), report->gaps, *f);
  if (bytes.empty()) return problem(500, "Internal error", "the export could not be written");
  Response out{200, content_type(*f), std::move(bytes), {}};
  out.headers.emplace_back("Content-Disposition",
                           attachment(file_stem(p->name) + "-gaps" +
                                      (*f == exchange::TableFormat::k_csv ? ".csv" : ".xlsx")));
  return out;
}

Response export_profile(Call& call) {
  auto p = profile_for(call, Need::k_read);
  if (!p) return p.error();
  auto f = table_format(call.req);
  if (!f) return problem(400, "Bad query parameter", "format must be csv, xlsx or yaml");
  auto rows = call.ctx.workspace.node_assessments(p->id);
  if (!rows) return problem_from(rows.error());
  auto bytes = exchange::export_profile(call.ctx.catalog(), *p, *rows, *f);
  if (bytes.empty()) return problem(500, "Internal error", "the export could not be written");
  static const char* const k_ext[] = {".csv", ".xlsx", ".yaml"};
  Response out{200, content_type(*f), std::move(bytes), {}};
  out.headers.emplace_back("Content-Disposition",
                           attachment(file_stem(p->name) + k_ext[static_cast<int>(*f)]));
  return out;
}

Response import_profile(Call& call) {
  auto p = profile_for(call, Need::k_write);
  if (!p) return p.error();
  auto f = table_format(call.req);
  if (!f) return problem(400, "Bad query parameter", "format must be csv, xlsx or yaml");
  if (call.req.body.empty()) return problem(400, "Empty file", "the request body is empty");
  if (call.req.body.size() > call.ctx.options.max_upload_bytes)
    return problem(413, "File too large",
                   "an import may have at most " +
                       std::to_string(call.ctx.options.max_upload_bytes >> 20) + " MiB");
  auto result = workspace::import_profile(call.ctx.workspace, actor(call), call.ctx.catalog(), *p,
                                          *f, call.req.body);
  if (!result) return problem_from(result.error());
  if (!result->errors.empty()) {
    json errors = json::array();
    for (const auto& e : result->errors)
      errors.push_back(json{{"row", e.row}, {"column", e.column}, {"message", e.message}});
    return problem(422, "Nothing imported",
                   std::to_string(result->errors.size()) +
                       " problem(s) in the file; first: " + result->errors.front().to_string(),
                   json{{"errors", errors}});
  }
  return ok(
      json{{"rows", result->rows}, {"changed", result->changed}, {"unchanged", result->unchanged}});
}

}  // namespace

void add_profile_routes(Routes& routes) {
  auto user = Access::k_user;
  routes.add("GET", "/api/v1/profiles/{id}", user, get_profile);
  routes.add("GET", "/api/v1/profiles/{id}/nodes", user, list_nodes);
  routes.add("GET", "/api/v1/profiles/{id}/nodes/{node}", user, get_node_assessment);
  routes.add("PUT", "/api/v1/profiles/{id}/nodes/{node}", user, put_node_assessment);
  routes.add("GET", "/api/v1/profiles/{id}/nodes/{node}/history", user, node_history);
  routes.add("GET", "/api/v1/profiles/{id}/nodes/{node}/comments", user, list_comments);
  routes.add("POST", "/api/v1/profiles/{id}/nodes/{node}/comments", user, add_comment);
  routes.add("POST", "/api/v1/profiles/{id}/nodes/{node}/evidence", user, add_evidence).upload();
  routes.add("GET", "/api/v1/profiles/{id}/evidence/{sha256}", user, get_evidence);
  routes.add("GET", "/api/v1/profiles/{id}/gaps", user, profile_gaps);
  routes.add("GET", "/api/v1/profiles/{id}/gaps/export", user, export_gaps);
  routes.add("GET", "/api/v1/profiles/{id}/assessments", user, list_assessments);
  routes.add("POST", "/api/v1/profiles/{id}/assessments", user, freeze);
  routes.add("GET", "/api/v1/profiles/{id}/export", user, export_profile);
  routes.add("POST", "/api/v1/profiles/{id}/import", user, import_profile).upload().gated();
  routes.add("GET", "/api/v1/organizations/{org}/profiles", user, list_profiles);
  routes.add("POST", "/api/v1/organizations/{org}/profiles", user, create_profile);
}

}  // namespace cyberframe::server
