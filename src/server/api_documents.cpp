// Documented information over HTTP (ISO/IEC 27001 7.5; docs/api.md "Documents"): the register,
// the versions and their files, the workflow, acknowledgements, the register's import and export
// and the organization's settings. The rules are core/document.hpp's and
// workspace/documents.hpp's; handlers parse, check the role, call and render.
#include "codec/document_json.hpp"
#include "server/api.hpp"
#include "server/api_workspace.hpp"
#include "util/date.hpp"
#include "util/text.hpp"
#include "workspace/documents.hpp"

namespace cyberframe::server {

namespace {

std::string param(const Call& call, const std::string& name) {
  auto it = call.req.query.find(name);
  return it == call.req.query.end() ? "" : it->second;
}

const std::string& ref_of(const Call& call) {
  return call.req.params.at("ref");
}

json document_json(const core::Document& d) {
  auto j = codec::to_json(d);
  j["overdue"] = core::overdue_for_review(d, util::today_utc());
  return j;
}

Response document_answer(const core::Document& d, int status = 200) {
  return with_etag(ok(document_json(d), status), d.version);
}

// A refusal of the workflow or the metadata: 422 naming the field.
Response refused(const util::Error& e) {
  if (e.code == util::ErrorCode::k_invalid_input)
    return problem(422, "Not accepted", e.message,
                   json{{"errors", json::array({{{"field", e.field.empty() ? "document" : e.field},
                                                 {"message", e.message}}})}});
  return problem_from(e);
}

// --- the register ------------------------------------------------------------------------------

Response list_documents(Call& call) {
  auto org = organization_for(call, Need::k_read);
  if (!org) return org.error();
  if (auto bad = only_parameters(
          call.req, {"q", "type", "state", "owner", "overdue", "deleted", "limit", "offset"}))
    return *bad;
  Page page;
  if (auto bad = read_page(call.req, page, 50, 1000)) return *bad;
  core::DocumentQuery q;
  q.text = param(call, "q");
  q.owner = param(call, "owner");
  if (auto t = param(call, "type"); !t.empty()) {
    q.type = core::parse_document_type(t);
    if (!q.type) return bad_parameter("type", "type '" + t.substr(0, 40) + "' is not one");
  }
  if (auto s = param(call, "state"); !s.empty()) {
    q.state = core::parse_version_state(s);
    if (!q.state) return bad_parameter("state", "state '" + s.substr(0, 40) + "' is not one");
  }
  for (const char* flag : {"overdue", "deleted"}) {
    auto v = param(call, flag);
    if (!v.empty() && v != "true" && v != "false")
      return bad_parameter(flag, std::string(flag) + " is true or false");
  }
  q.overdue = param(call, "overdue") == "true";
  q.deleted = param(call, "deleted") == "true";
  if (q.deleted)
    if (auto denied = require(call, org->id, Need::k_manage)) return *denied;
  q.slice = slice_of(page);
  auto list = workspace::list_documents(call.ctx.workspace, org->id, q);
  if (!list) return problem_from(list.error());
  return ok(paged_json(*list, page, [](const core::Document& d) {
    auto j = document_json(d);
    j.erase("versions");
    return j;
  }));
}

std::optional<Response> read_document_body(const Call& call, json& body, bool create) {
  return read_body(call,
                   {{"ref", FieldType::k_string, false, 100},
                    {"title", FieldType::k_string, create, 500},
                    {"type", FieldType::k_string, false, 40},
                    {"owner", FieldType::k_string, false, 200},
                    {"classification", FieldType::k_string, false, 40},
                    {"review_months", FieldType::k_integer},
                    {"next_review", FieldType::k_string, false, 10},
                    {"retention", FieldType::k_string, false, 500},
                    {"distribution", FieldType::k_string_list, false, 200},
                    {"links", FieldType::k_string_list, false, 300},
                    {"change_note", FieldType::k_string, false, 2000}},
                   body);
}

std::optional<Response> apply_document(const json& body, core::Document& d) {
  auto bad = [](const std::string& field, const std::string& message) {
    return problem(422, "Not accepted", message,
                   json{{"errors", json::array({{{"field", field}, {"message", message}}})}});
  };
  if (body.contains("ref")) d.ref = body["ref"].get<std::string>();
  if (body.contains("title")) d.title = body["title"].get<std::string>();
  if (body.contains("type")) {
    auto t = core::parse_document_type(body["type"].get<std::string>());
    if (!t)
      return bad("type",
                 "type must be policy, topic-specific-policy, procedure, standard, plan, record, "
                 "report or other");
    d.type = *t;
  }
  if (body.contains("owner")) d.owner = body["owner"].get<std::string>();
  if (body.contains("classification")) {
    auto c = core::parse_classification(body["classification"].get<std::string>());
    if (!c)
      return bad("classification",
                 "classification must be public, internal, confidential or restricted");
    d.classification = *c;
  }
  if (body.contains("review_months")) {
    auto m = body["review_months"].get<std::int64_t>();
    if (m < 1 || m > 120) return bad("review_months", "review_months is 1 to 120");
    d.review_months = static_cast<int>(m);
  }
  if (body.contains("next_review")) d.next_review = body["next_review"].get<std::string>();
  if (body.contains("retention")) d.retention = body["retention"].get<std::string>();
  if (body.contains("distribution"))
    d.distribution = body["distribution"].get<std::vector<std::string>>();
  if (body.contains("links")) {
    d.links.clear();
    for (const auto& text : body["links"]) {
      auto l = core::parse_document_link(text.get<std::string>());
      if (!l) return bad("links", l.error().message);
      d.links.push_back(*l);
    }
  }
  return std::nullopt;
}

Response create_document(Call& call) {
  auto org = organization_for(call, Need::k_write);
  if (!org) return org.error();
  json body;
  if (auto bad = read_document_body(call, body, true)) return *bad;
  core::Document d;
  if (auto bad = apply_document(body, d)) return *bad;
  auto created =
      workspace::create_document(call.ctx.workspace, actor(call), call.ctx.catalog(), org->id, d,
                                 std::nullopt, body.value("change_note", std::string()));
  if (!created) return refused(created.error());
  return document_answer(*created, 201);
}

Response get_document(Call& call) {
  auto org = organization_for(call, Need::k_read);
  if (!org) return org.error();
  if (auto bad = only_parameters(call.req, {"deleted"})) return *bad;
  bool deleted = param(call, "deleted") == "true";
  if (deleted)
    if (auto denied = require(call, org->id, Need::k_manage)) return *denied;
  auto d = workspace::find_document(call.ctx.workspace, org->id, ref_of(call), deleted);
  if (!d) return problem_from(d.error());
  return document_answer(*d);
}

std::optional<Current> current_document(Call& call, std::int64_t org, bool deleted = false) {
  auto now = workspace::find_document(call.ctx.workspace, org, ref_of(call), deleted);
  if (!now) return std::nullopt;
  return Current{document_json(*now), now->version};
}

// The one flow of a change: the document as read, If-Match, the write, 412 with it as it is.
template <typename Write>
Response change(Call& call, Need need, Write&& write, bool deleted = false, int status = 200) {
  auto org = organization_for(call, need);
  if (!org) return org.error();
  auto stored = workspace::find_document(call.ctx.workspace, org->id, ref_of(call), deleted);
  if (!stored) return problem_from(stored.error());
  auto expected = required_if_match(call);
  if (!expected) return expected.error();
  auto written = versioned_write(
      *expected, stored->version, "document", [&] { return write(*org, *stored, *expected); },
      [&] { return current_document(call, org->id, deleted); }, &refused);
  if (!written) return written.error();
  return document_answer(*written, status);
}

Response update_document(Call& call) {
  json body;
  if (auto bad = read_document_body(call, body, false)) return *bad;
  core::Document probe;
  if (auto bad = apply_document(body, probe)) return *bad;
  return change(
      call, Need::k_write,
      [&](const core::Organization& org, const core::Document& stored, std::int64_t expected) {
        core::Document d = stored;
        d.version = expected;
        apply_document(body, d);
        return workspace::update_document(call.ctx.workspace, actor(call), call.ctx.catalog(),
                                          org.id, stored.ref, d);
      });
}

Response delete_document(Call& call) {
  return change(
      call, Need::k_manage,
      [&](const core::Organization& org, const core::Document& stored, std::int64_t expected) {
        return workspace::delete_document(call.ctx.workspace, actor(call), org.id, stored.ref,
                                          expected);
      });
}

Response restore_document(Call& call) {
  return change(
      call, Need::k_manage,
      [&](const core::Organization& org, const core::Document& stored, std::int64_t expected) {
        return workspace::restore_document(call.ctx.workspace, actor(call), org.id, stored.ref,
                                           expected);
      },
      true);
}

// --- versions and files ------------------------------------------------------------------------

Response list_versions(Call& call) {
  auto org = organization_for(call, Need::k_read);
  if (!org) return org.error();
  auto d = workspace::find_document(call.ctx.workspace, org->id, ref_of(call));
  if (!d) return problem_from(d.error());
  json items = json::array();
  for (const auto& v : d->versions) items.push_back(codec::to_json(v));
  return with_etag(ok(json{{"items", items}, {"total", items.size()}}), d->version);
}

std::optional<int> version_number(const Call& call) {
  auto n = whole_number(call.req.params.at("number"));
  if (!n || *n < 1 || *n > 100000) return std::nullopt;
  return static_cast<int>(*n);
}

Response download_file(Call& call) {
  auto org = organization_for(call, Need::k_read);
  if (!org) return org.error();
  auto n = version_number(call);
  if (!n) return bad_parameter("number", "a version number is a whole number from 1");
  auto f = workspace::version_file(call.ctx.workspace, org->id, ref_of(call), *n);
  if (!f) return problem_from(f.error());
  Response out{200, f->version.media_type, std::move(f->bytes), {}};
  out.headers.emplace_back("Content-Disposition", attachment(f->version.file_name));
  out.headers.emplace_back("ETag", "\"" + f->version.sha256 + "\"");
  out.headers.emplace_back("Content-Security-Policy", "sandbox");
  return out;
}

// PUT .../versions/{number}/file?name=FILE with the file's bytes as the body (any Content-Type;
// the media type is the name's): the HTTP layer refuses a body over the upload budget (413)
// before it is read.
Response upload_file(Call& call) {
  if (auto bad = only_parameters(call.req, {"name"})) return *bad;
  auto n = version_number(call);
  if (!n) return bad_parameter("number", "a version number is a whole number from 1");
  auto name = param(call, "name");
  if (name.empty())
    return bad_parameter("name",
                         "give the file's name: PUT .../file?name=policy.pdf with the file as the "
                         "body");
  if (call.req.body.empty()) return problem(400, "Empty file", "the request body is empty");
  if (call.req.body.size() > core::k_document_file_max_bytes)
    return problem(413, "File too large", "a document's file may have at most 8 MiB");
  return change(
      call, Need::k_write,
      [&](const core::Organization& org, const core::Document& stored, std::int64_t expected) {
        return workspace::upload_version_file(call.ctx.workspace, actor(call), org.id, stored.ref,
                                              *n, expected,
                                              workspace::DocumentFile{name, call.req.body});
      });
}

// --- the workflow ------------------------------------------------------------------------------

// The optional JSON body of a step: {} or none at all.
std::optional<Response> step_body(const Call& call, const std::vector<Field>& fields, json& body) {
  if (call.req.body.empty()) {
    body = json::object();
    return std::nullopt;
  }
  return read_body(call, fields, body);
}

Response submit(Call& call) {
  json body;
  if (auto bad = step_body(call, {{"reviewer", FieldType::k_string, false, 200}}, body))
    return *bad;
  return change(
      call, Need::k_write,
      [&](const core::Organization& org, const core::Document& stored, std::int64_t expected) {
        return workspace::submit_document(call.ctx.workspace, actor(call), org.id, stored.ref,
                                          expected, body.value("reviewer", std::string()));
      });
}

Response approve(Call& call) {
  json body;
  if (auto bad = step_body(
          call, {{"hold", FieldType::k_boolean}, {"next_review", FieldType::k_string, false, 10}},
          body))
    return *bad;
  return change(
      call, Need::k_write,
      [&](const core::Organization& org, const core::Document& stored, std::int64_t expected) {
        return workspace::approve_document(call.ctx.workspace, actor(call), org.id, stored.ref,
                                           expected, body.value("hold", false),
                                           body.value("next_review", std::string()));
      });
}

Response publish(Call& call) {
  json body;
  if (auto bad = step_body(call, {{"next_review", FieldType::k_string, false, 10}}, body))
    return *bad;
  return change(
      call, Need::k_write,
      [&](const core::Organization& org, const core::Document& stored, std::int64_t expected) {
        return workspace::publish_document(call.ctx.workspace, actor(call), org.id, stored.ref,
                                           expected, body.value("next_review", std::string()));
      });
}

Response revise(Call& call) {
  json body;
  if (auto bad = step_body(call, {{"change_note", FieldType::k_string, false, 2000}}, body))
    return *bad;
  return change(
      call, Need::k_write,
      [&](const core::Organization& org, const core::Document& stored, std::int64_t expected) {
        return workspace::revise_document(call.ctx.workspace, actor(call), org.id, stored.ref,
                                          expected, std::nullopt,
                                          body.value("change_note", std::string()));
      });
}

Response retire(Call& call) {
  return change(
      call, Need::k_write,
      [&](const core::Organization& org, const core::Document& stored, std::int64_t expected) {
        return workspace::retire_document(call.ctx.workspace, actor(call), org.id, stored.ref,
                                          expected);
      });
}

// --- acknowledgements --------------------------------------------------------------------------

// Any role may acknowledge: it records the acting person's own reading, not a change of the
// document (the persons a policy is addressed to are mostly viewers).
Response acknowledge(Call& call) {
  auto org = organization_for(call, Need::k_read);
  if (!org) return org.error();
  auto a = workspace::acknowledge_document(call.ctx.workspace, actor(call), org->id, ref_of(call));
  if (!a) return refused(a.error());
  return ok(codec::to_json(*a), 201);
}

Response acks(Call& call) {
  auto org = organization_for(call, Need::k_read);
  if (!org) return org.error();
  auto v = workspace::document_acks(call.ctx.workspace, org->id, ref_of(call));
  if (!v) return problem_from(v.error());
  json lines = json::array();
  for (const auto& l : v->lines)
    lines.push_back(json{
        {"person", l.person},
        {"acknowledged_at", l.acknowledged_at.empty() ? json(nullptr) : json(l.acknowledged_at)}});
  return ok(json{{"ref", v->ref},
                 {"version", v->version == 0 ? json(nullptr) : json(v->version)},
                 {"acknowledged", v->acknowledged},
                 {"pending", v->pending},
                 {"lines", lines}});
}

// --- import and export -------------------------------------------------------------------------

Response export_documents(Call& call) {
  auto org = organization_for(call, Need::k_read);
  if (!org) return org.error();
  if (auto bad = only_parameters(call.req, {"format"})) return *bad;
  auto format = param(call, "format");
  if (format != "csv" && format != "xlsx")
    return bad_parameter("format", "format must be csv or xlsx");
  auto bytes = workspace::export_documents(call.ctx.workspace, org->id, format);
  if (!bytes) return problem_from(bytes.error());
  std::string type = format == "csv" ? "text/csv; charset=utf-8"
                                     : "application/vnd.openxmlformats-officedocument."
                                       "spreadsheetml.sheet";
  Response out{200, type, std::move(*bytes), {}};
  out.headers.emplace_back("Content-Disposition",
                           attachment(file_stem(org->name) + "-documents." + format));
  return out;
}

Response import_documents(Call& call) {
  auto org = organization_for(call, Need::k_write);
  if (!org) return org.error();
  if (auto bad = only_parameters(call.req, {"format"})) return *bad;
  auto format = param(call, "format");
  if (format != "csv" && format != "xlsx")
    return bad_parameter("format", "format must be csv or xlsx");
  if (call.req.body.empty()) return problem(400, "Empty file", "the request body is empty");
  auto r = workspace::import_documents(call.ctx.workspace, actor(call), call.ctx.catalog(), org->id,
                                       call.req.body, format);
  if (!r) return problem_from(r.error());
  if (!r->errors.empty()) {
    json errors = json::array();
    for (const auto& e : r->errors)
      errors.push_back(json{{"row", e.row}, {"column", e.column}, {"message", e.message}});
    return problem(
        422, "Nothing imported",
        std::to_string(r->errors.size()) + " problem(s); first: " + r->errors.front().to_string(),
        json{{"errors", errors}});
  }
  return ok(json{{"created", r->created}, {"updated", r->updated}});
}

// --- the organization's settings ---------------------------------------------------------------

Response get_settings(Call& call) {
  auto org = organization_for(call, Need::k_read);
  if (!org) return org.error();
  auto s = workspace::organization_settings(call.ctx.workspace, org->id);
  if (!s) return problem_from(s.error());
  return ok(json(*s));
}

Response put_settings(Call& call) {
  auto org = organization_for(call, Need::k_manage);
  if (!org) return org.error();
  json body;
  if (auto bad = read_body(call, {{"self-approval", FieldType::k_string, false, 20}}, body))
    return *bad;
  std::map<std::string, std::string> values;
  for (const auto& [k, v] : body.items()) values[k] = v.get<std::string>();
  auto s = workspace::set_organization_settings(call.ctx.workspace, actor(call), org->id, values);
  if (!s) return refused(s.error());
  return ok(json(*s));
}

}  // namespace

void add_document_routes(Routes& routes) {
  auto user = Access::k_user;
  const std::string o = "/api/v1/organizations/{org}";
  const std::string d = o + "/documents/{ref}";
  routes.add("GET", o + "/documents", user, list_documents);
  routes.add("POST", o + "/documents", user, create_document);
  routes.add("GET", o + "/documents/export", user, export_documents);
  routes.add("POST", o + "/documents/import", user, import_documents).upload().gated();
  routes.add("GET", d, user, get_document);
  routes.add("PUT", d, user, update_document);
  routes.add("DELETE", d, user, delete_document);
  routes.add("POST", d + "/restore", user, restore_document);
  routes.add("GET", d + "/versions", user, list_versions);
  routes.add("GET", d + "/versions/{number}/file", user, download_file);
  routes.add("PUT", d + "/versions/{number}/file", user, upload_file).upload();
  routes.add("POST", d + "/submit", user, submit);
  routes.add("POST", d + "/approve", user, approve);
  routes.add("POST", d + "/publish", user, publish);
  routes.add("POST", d + "/revise", user, revise);
  routes.add("POST", d + "/retire", user, retire);
  routes.add("POST", d + "/acknowledge", user, acknowledge);
  routes.add("GET", d + "/acks", user, acks);
  routes.add("GET", o + "/settings", user, get_settings);
  routes.add("PUT", o + "/settings", user, put_settings);
}

}  // namespace cyberframe::server
