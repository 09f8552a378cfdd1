// The ISMS registers over HTTP (core/isms.hpp): descriptors, counts, records with their
// comments, history, approval, soft delete and restore, CSV/XLSX import and export, the RACI. The
// rules are workspace/isms.hpp's; handlers parse, check roles, call and render.
#include "codec/isms_json.hpp"
#include "server/api.hpp"
#include "server/api_workspace.hpp"
#include "util/date.hpp"
#include "util/text.hpp"
#include "workspace/isms.hpp"

namespace cyberframe::server {

namespace {

std::string param(const Call& call, const std::string& name) {
  auto it = call.req.query.find(name);
  return it == call.req.query.end() ? "" : it->second;
}

// The register of the route's {register}: 404 naming the registers when it is none.
Answer<const core::RegisterSpec*> register_for(const Call& call) {
  auto spec = workspace::isms_register(call.req.params.at("register"));
  if (!spec) return std::unexpected(problem(404, "Not found", spec.error().message));
  return *spec;
}

// Who writes the register's records (core::role_writes): admins and editors; auditors too where
// the register says so (its findings), which is the need "admin, editor or auditor".
Need write_need(const core::RegisterSpec& spec) {
  return spec.auditors_write ? Need::k_comment : Need::k_write;
}

// The organization of the route when the principal writes the register of the route.
Answer<core::Organization> writer_for(Call& call, const core::RegisterSpec& spec) {
  return organization_for(call, write_need(spec));
}

// A 422 naming the field for a body the register refuses.
Response refused(const util::Error& e) {
  return problem_from(e);
}

std::optional<Response> read_record_body(const Call& call, json& body) {
  return read_body(call,
                   {{"ref", FieldType::k_string, false, 40},
                    {"title", FieldType::k_string, false, 500},
                    {"status", FieldType::k_string, false, 40},
                    {"owner", FieldType::k_string, false, 200},
                    {"fields", FieldType::k_object},
                    {"links", FieldType::k_array}},
                   body);
}

Response list_registers(Call& call) {
  if (auto bad = only_parameters(call.req, {})) return *bad;
  json items = json::array();
  for (const auto& s : core::isms_registers()) items.push_back(codec::to_json(s));
  json processes = core::isms_processes();
  return ok(json{{"items", items}, {"total", items.size()}, {"raci_processes", processes}});
}

Response counts(Call& call) {
  auto org = organization_for(call, Need::k_read);
  if (!org) return org.error();
  if (auto bad = only_parameters(call.req, {})) return *bad;
  auto c = workspace::isms_counts(call.ctx.workspace, org->id);
  if (!c) return problem_from(c.error());
  json out = json::object();
  for (const auto& [k, n] : *c) out[k] = n;
  return ok(out);
}

Response list_records(Call& call) {
  auto org = organization_for(call, Need::k_read);
  if (!org) return org.error();
  auto spec = register_for(call);
  if (!spec) return spec.error();
  if (auto bad =
          only_parameters(call.req, {"q", "status", "owner", "link", "deleted", "offset", "limit"}))
    return *bad;
  Page page;
  if (auto bad = read_page(call.req, page)) return *bad;
  core::IsmsQuery q;
  q.text = param(call, "q");
  q.status = util::to_lower(util::trim(param(call, "status")));
  q.owner = param(call, "owner");
  if (!q.status.empty() && std::find((*spec)->statuses.begin(), (*spec)->statuses.end(),
                                     q.status) == (*spec)->statuses.end())
    return bad_parameter("status", "status of register " + (*spec)->key + " is one of " +
                                       util::join((*spec)->statuses, ", "));
  if (auto l = param(call, "link"); !l.empty()) {
    auto link = core::parse_link(l, "link");
    if (!link) return bad_parameter("link", link.error().message);
    q.link = *link;
  }
  auto deleted = param(call, "deleted");
  if (!deleted.empty() && deleted != "true" && deleted != "false")
    return bad_parameter("deleted", "deleted is true or false");
  q.deleted = deleted == "true";
  if (q.deleted)
    if (auto denied = require(call, org->id, Need::k_manage)) return *denied;
  q.slice = slice_of(page);
  auto list = workspace::list_records(call.ctx.workspace, org->id, (*spec)->key, q);
  if (!list) return problem_from(list.error());
  return ok(paged_json(*list, page, [](const auto& r) { return codec::to_json(r); }));
}

Response create_record(Call& call) {
  auto spec = register_for(call);
  if (!spec) return spec.error();
  auto org = writer_for(call, **spec);
  if (!org) return org.error();
  json body;
  if (auto bad = read_record_body(call, body)) return *bad;
  if (!body.contains("title"))
    return problem(
        400, "Invalid request body", "title is required",
        json{{"errors", json::array({{{"field", "title"}, {"message", "is required"}}})}});
  core::IsmsRecord r;
  r.register_key = (*spec)->key;
  if (auto a = codec::apply_json(**spec, body, r, false); !a) return refused(a.error());
  auto stored = workspace::create_record(call.ctx.workspace, actor(call), call.ctx.catalog(),
                                         org->id, (*spec)->key, r);
  if (!stored) return problem_from(stored.error());
  return with_etag(ok(codec::to_json(*stored), 201), stored->version);
}

Response get_record(Call& call) {
  auto org = organization_for(call, Need::k_read);
  if (!org) return org.error();
  auto spec = register_for(call);
  if (!spec) return spec.error();
  if (auto bad = only_parameters(call.req, {})) return *bad;
  auto r = workspace::find_record(call.ctx.workspace, org->id, (*spec)->key,
                                  call.req.params.at("ref"), true);
  if (!r) return problem_from(r.error());
  if (r->deleted && require(call, org->id, Need::k_manage))
    return problem(404, "Not found", (*spec)->key + " " + r->ref + " is deleted");
  return with_etag(ok(codec::to_json(*r)), r->version);
}

// The current record for a 412.
std::optional<Current> now_of(Call& call, std::int64_t org, const std::string& reg,
                              const std::string& ref) {
  auto now = workspace::find_record(call.ctx.workspace, org, reg, ref, true);
  if (!now) return std::nullopt;
  return Current{codec::to_json(*now), now->version};
}

Response update_record(Call& call) {
  auto spec = register_for(call);
  if (!spec) return spec.error();
  auto org = writer_for(call, **spec);
  if (!org) return org.error();
  auto match = required_if_match(call);
  if (!match) return match.error();
  json body;
  if (auto bad = read_record_body(call, body)) return *bad;
  const auto& ref = call.req.params.at("ref");
  auto r = workspace::find_record(call.ctx.workspace, org->id, (*spec)->key, ref);
  if (!r) return problem_from(r.error());
  auto read = r->version;
  auto edited = *r;
  if (auto a = codec::apply_json(**spec, body, edited, true); !a) return refused(a.error());
  edited.version = *match;
  auto saved = versioned_write(
      *match, read, (*spec)->key + " record",
      [&] {
        return workspace::update_record(call.ctx.workspace, actor(call), call.ctx.catalog(),
                                        org->id, (*spec)->key, edited);
      },
      [&] { return now_of(call, org->id, (*spec)->key, r->ref); });
  if (!saved) return saved.error();
  return with_etag(ok(codec::to_json(*saved)), saved->version);
}

// DELETE (If-Match required), restore and approve (If-Match checked when given).
Response change_state(Call& call, const std::string& what) {
  auto spec = register_for(call);
  if (!spec) return spec.error();
  auto org = organization_for(call, what == "restore" ? Need::k_manage : write_need(**spec));
  if (!org) return org.error();
  if (auto bad = only_parameters(call.req, {})) return *bad;
  std::int64_t expected = 0;
  if (what == "delete") {
    auto match = required_if_match(call);
    if (!match) return match.error();
    expected = *match;
  } else {
    bool present = false;
    auto v = if_match(call.req, present);
    if (present && !v)
      return problem(400, "Bad If-Match", "If-Match is the ETag of the version you read");
    if (v) expected = *v;
  }
  const auto& ref = call.req.params.at("ref");
  auto r =
      workspace::find_record(call.ctx.workspace, org->id, (*spec)->key, ref, what == "restore");
  if (!r) return problem_from(r.error());
  auto done = versioned_write(
      expected == 0 ? r->version : expected, r->version, (*spec)->key + " record",
      [&] {
        if (what == "delete")
          return workspace::delete_record(call.ctx.workspace, actor(call), org->id, (*spec)->key,
                                          r->ref, r->version);
        if (what == "restore")
          return workspace::restore_record(call.ctx.workspace, actor(call), org->id, (*spec)->key,
                                           r->ref, r->version);
        return workspace::approve_record(call.ctx.workspace, actor(call), org->id, (*spec)->key,
                                         r->ref, r->version);
      },
      [&] { return now_of(call, org->id, (*spec)->key, r->ref); },
      [](const util::Error& e) {
        // "already approved" is a conflict of the record's state, not a stale read.
        if (e.code == util::ErrorCode::k_conflict) return problem(409, "Conflict", e.message);
        return problem_from(e);
      });
  if (!done) return done.error();
  return with_etag(ok(codec::to_json(*done)), done->version);
}

Response list_comments(Call& call) {
  auto org = organization_for(call, Need::k_read);
  if (!org) return org.error();
  auto spec = register_for(call);
  if (!spec) return spec.error();
  if (auto bad = only_parameters(call.req, {})) return *bad;
  auto list = workspace::record_comments(call.ctx.workspace, org->id, (*spec)->key,
                                         call.req.params.at("ref"));
  if (!list) return problem_from(list.error());
  json items = json::array();
  for (const auto& c : *list) items.push_back(codec::to_json(c));
  return ok(json{{"items", items}, {"total", list->size()}});
}

Response add_comment(Call& call) {
  auto org = organization_for(call, Need::k_comment);
  if (!org) return org.error();
  auto spec = register_for(call);
  if (!spec) return spec.error();
  json body;
  if (auto bad = read_body(call, {{"text", FieldType::k_string, true, 10000}}, body)) return *bad;
  auto c = workspace::comment_record(call.ctx.workspace, actor(call), org->id, (*spec)->key,
                                     call.req.params.at("ref"), body["text"].get<std::string>());
  if (!c) return problem_from(c.error());
  return ok(codec::to_json(*c), 201);
}

Response history(Call& call) {
  auto org = organization_for(call, Need::k_read);
  if (!org) return org.error();
  auto spec = register_for(call);
  if (!spec) return spec.error();
  if (auto bad = only_parameters(call.req, {})) return *bad;
  auto list = workspace::record_history(call.ctx.workspace, org->id, (*spec)->key,
                                        call.req.params.at("ref"));
  if (!list) return problem_from(list.error());
  json items = json::array();
  for (const auto& v : *list) items.push_back(codec::to_json(v));
  return ok(json{{"items", items}, {"total", list->size()}});
}

Response export_register(Call& call) {
  auto org = organization_for(call, Need::k_read);
  if (!org) return org.error();
  auto spec = register_for(call);
  if (!spec) return spec.error();
  if (auto bad = only_parameters(call.req, {"format"})) return *bad;
  auto format = param(call, "format");
  if (format.empty()) format = "csv";
  if (format != "csv" && format != "xlsx")
    return bad_parameter("format", "format must be csv or xlsx");
  auto bytes = workspace::export_records(call.ctx.workspace, org->id, (*spec)->key, format);
  if (!bytes) return problem_from(bytes.error());
  std::string type = format == "csv" ? "text/csv; charset=utf-8"
                                     : "application/vnd.openxmlformats-officedocument."
                                       "spreadsheetml.sheet";
  Response out{200, type, std::move(*bytes), {}};
  out.headers.emplace_back("Content-Disposition",
                           attachment(file_stem(org->name) + "-" + (*spec)->key + "." + format));
  return out;
}

Response import_register(Call& call) {
  auto spec = register_for(call);
  if (!spec) return spec.error();
  auto org = writer_for(call, **spec);
  if (!org) return org.error();
  if (auto bad = only_parameters(call.req, {"format"})) return *bad;
  auto format = param(call, "format");
  if (format != "csv" && format != "xlsx")
    return bad_parameter("format", "format must be csv or xlsx");
  if (call.req.body.empty()) return problem(400, "Empty file", "the request body is empty");
  auto result = workspace::import_records(call.ctx.workspace, actor(call), call.ctx.catalog(),
                                          org->id, (*spec)->key, call.req.body, format);
  if (!result) return problem_from(result.error());
  if (!result->errors.empty()) {
    json errors = json::array();
    for (const auto& e : result->errors)
      errors.push_back(json{{"row", e.row}, {"column", e.column}, {"message", e.message}});
    return problem(422, "Nothing imported",
                   std::to_string(result->errors.size()) +
                       " problem(s); first: " + result->errors.front().to_string(),
                   json{{"errors", errors}});
  }
  return ok(json{{"created", result->created}, {"updated", result->updated}});
}

Response due(Call& call) {
  auto org = organization_for(call, Need::k_read);
  if (!org) return org.error();
  if (auto bad = only_parameters(call.req, {"today"})) return *bad;
  auto today = param(call, "today");
  if (today.empty()) today = util::today_utc();
  if (!util::day_number(today))
    return problem(400, "Bad request",
                   "today: '" + today.substr(0, 40) + "' is not a date (YYYY-MM-DD)");
  auto items = workspace::isms_due(call.ctx.workspace, org->id, today);
  if (!items) return problem_from(items.error());
  return ok(codec::due_to_json(*items, today));
}

Response raci(Call& call) {
  auto org = organization_for(call, Need::k_read);
  if (!org) return org.error();
  if (auto bad = only_parameters(call.req, {})) return *bad;
  auto m = workspace::isms_raci(call.ctx.workspace, org->id);
  if (!m) return problem_from(m.error());
  return ok(codec::raci_to_json(*m));
}

// POST .../isms/audits/{ref}/checklist {framework, under?}: the audit's checklist drawn from a
// framework (workspace::draw_checklist). Written by those who write audits; If-Match checked
// when given.
Response draw_checklist(Call& call) {
  const auto* spec = core::find_register("audits");
  auto org = writer_for(call, *spec);
  if (!org) return org.error();
  if (auto bad = only_parameters(call.req, {})) return *bad;
  json body;
  if (auto bad = read_body(call,
                           {{"framework", FieldType::k_string, true, 200},
                            {"under", FieldType::k_string, false, 200}},
                           body))
    return *bad;
  bool present = false;
  auto v = if_match(call.req, present);
  if (present && !v)
    return problem(400, "Bad If-Match", "If-Match is the ETag of the version you read");
  const auto& ref = call.req.params.at("ref");
  auto r = workspace::find_record(call.ctx.workspace, org->id, "audits", ref);
  if (!r) return problem_from(r.error());
  auto expected = v ? *v : r->version;
  auto under = body.contains("under") ? body["under"].get<std::string>() : std::string();
  auto saved = versioned_write(
      expected, r->version, "audits record",
      [&] {
        return workspace::draw_checklist(call.ctx.workspace, actor(call), call.ctx.catalog(),
                                         org->id, r->ref, body["framework"].get<std::string>(),
                                         under, r->version);
      },
      [&] { return now_of(call, org->id, "audits", r->ref); });
  if (!saved) return saved.error();
  return with_etag(ok(codec::to_json(*saved)), saved->version);
}

// GET .../isms/audits/{ref}/report: the audit report as HTML.
Response audit_report(Call& call) {
  auto org = organization_for(call, Need::k_read);
  if (!org) return org.error();
  if (auto bad = only_parameters(call.req, {})) return *bad;
  auto html = workspace::audit_report(call.ctx.workspace, call.ctx.catalog(), org->id, org->name,
                                      call.req.params.at("ref"));
  if (!html) return problem_from(html.error());
  Response out{200, "text/html; charset=utf-8", std::move(*html), {}};
  out.headers.emplace_back("Content-Disposition",
                           attachment(file_stem(org->name) + "-audit-report-" +
                                      file_stem(call.req.params.at("ref")) + ".html"));
  return out;
}

}  // namespace

void add_isms_routes(Routes& routes) {
  auto user = Access::k_user;
  const std::string o = "/api/v1/organizations/{org}";
  const std::string r = o + "/isms/{register}";
  routes.add("GET", "/api/v1/isms/registers", user, list_registers);
  routes.add("GET", o + "/isms", user, counts);
  routes.add("GET", o + "/isms-raci", user, raci);
  routes.add("GET", o + "/isms/due", user, due);  // before {register}: "due" names no register
  routes.add("POST", o + "/isms/audits/{ref}/checklist", user, draw_checklist);
  routes.add("GET", o + "/isms/audits/{ref}/report", user, audit_report);
  routes.add("GET", r, user, list_records);
  routes.add("POST", r, user, create_record);
  routes.add("GET", r + "/export", user, export_register);
  routes.add("POST", r + "/import", user, import_register).upload().gated();
  routes.add("GET", r + "/{ref}", user, get_record);
  routes.add("PUT", r + "/{ref}", user, update_record);
  routes.add("DELETE", r + "/{ref}", user, [](Call& c) { return change_state(c, "delete"); });
  routes.add("POST", r + "/{ref}/restore", user,
             [](Call& c) { return change_state(c, "restore"); });
  routes.add("POST", r + "/{ref}/approve", user,
             [](Call& c) { return change_state(c, "approve"); });
  routes.add("GET", r + "/{ref}/comments", user, list_comments);
  routes.add("POST", r + "/{ref}/comments", user, add_comment);
  routes.add("GET", r + "/{ref}/history", user, history);
}

}  // namespace cyberframe::server
