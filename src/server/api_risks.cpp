// Risk management over HTTP (docs/risk.md): criteria, assets, own controls, the risk register,
// decisions, the Statement of Applicability and the traceability checks. The rules are
// workspace/risks.hpp's; handlers parse, call and render.
#include <set>

#include "codec/risk_json.hpp"
#include "server/api.hpp"
#include "server/api_workspace.hpp"
#include "util/text.hpp"
#include "workspace/risk_json.hpp"
#include "workspace/risks.hpp"

namespace cyberframe::server {

namespace {

using workspace::to_json;

std::string param(const Call& call, const std::string& name) {
  auto it = call.req.query.find(name);
  return it == call.req.query.end() ? "" : it->second;
}

// A score read_body() checked (FieldType::k_score): null is "not scored".
void score_from(const json& body, const char* name, core::RiskScore& into) {
  if (!body.contains(name)) return;
  const auto& s = body[name];
  if (s.is_null())
    into = {};
  else
    into = {static_cast<int>(s["likelihood"].get<std::int64_t>()),
            static_cast<int>(s["consequence"].get<std::int64_t>())};
}

// --- criteria ----------------------------------------------------------------------------------

Response list_criteria(Call& call) {
  auto org = organization_for(call, Need::k_read);
  if (!org) return org.error();
  if (auto bad = only_parameters(call.req, {})) return *bad;
  auto list = workspace::list_criteria(call.ctx.workspace, call.ctx.catalog(), org->id);
  if (!list) return problem_from(list.error());
  json items = json::array();
  for (const auto& c : *list) items.push_back(codec::to_json(c));
  return ok(json{{"items", items}, {"total", list->size()}});
}

Response get_criteria(Call& call) {
  auto org = organization_for(call, Need::k_read);
  if (!org) return org.error();
  if (auto bad = only_parameters(call.req, {"version"})) return *bad;
  std::int64_t version = 0;
  if (auto v = param(call, "version"); !v.empty()) {
    auto n = whole_number(v);
    if (!n) return bad_parameter("version", "version is a whole number");
    version = *n;
  }
  auto c = workspace::find_criteria(call.ctx.workspace, call.ctx.catalog(),
                                    call.req.params.at("criteria"), version);
  if (!c || (c->organization != 0 && c->organization != org->id))
    return problem(404, "Not found",
                   "no risk criteria '" + call.req.params.at("criteria") + "' that you can see");
  return with_etag(ok(codec::to_json(*c)), c->version);
}

Response save_criteria(Call& call, bool create) {
  auto org = organization_for(call, Need::k_manage);
  if (!org) return org.error();
  if (call.req.body.size() > codec::criteria_limits().bytes)
    return problem(413, "Too large", "risk criteria are at most 1 MiB of JSON");
  auto criteria = codec::risk_criteria_from_text(call.req.body);
  if (!criteria)
    return problem(422, "Not accepted", criteria.error().message,
                   json{{"errors", json::array({{{"field", criteria.error().field},
                                                 {"message", criteria.error().message}}})}});
  std::int64_t expected = 0;
  if (!create) {
    criteria->id = call.req.params.at("criteria");
    auto match = required_if_match(call);
    if (!match) return match.error();
    expected = *match;
    auto stored = workspace::find_criteria(call.ctx.workspace, call.ctx.catalog(), criteria->id);
    if (!stored || stored->organization != org->id)
      return problem(404, "Not found",
                     "no risk criteria '" + criteria->id + "' of the organization");
    auto saved = versioned_write(
        expected, stored->version, "risk criteria",
        [&] {
          return workspace::save_criteria(call.ctx.workspace, actor(call), call.ctx.catalog(),
                                          org->id, *criteria, expected);
        },
        [&]() -> std::optional<Current> {
          auto now = workspace::find_criteria(call.ctx.workspace, call.ctx.catalog(), criteria->id);
          if (!now) return std::nullopt;
          return Current{codec::to_json(*now), now->version};
        });
    if (!saved) return saved.error();
    return with_etag(ok(codec::to_json(*saved)), saved->version);
  }
  auto saved = workspace::save_criteria(call.ctx.workspace, actor(call), call.ctx.catalog(),
                                        org->id, *criteria, 0);
  if (!saved) return problem_from(saved.error());
  return with_etag(ok(codec::to_json(*saved), 201), saved->version);
}

// --- assets ------------------------------------------------------------------------------------

std::optional<Response> read_asset(const Call& call, json& body, bool create) {
  return read_body(call,
                   {{"ref", FieldType::k_string, create, 100},
                    {"name", FieldType::k_string, create, 500},
                    {"kind", FieldType::k_string, create, 20},
                    {"description", FieldType::k_string, false, 10000},
                    {"owner", FieldType::k_string, false, 200},
                    {"parent", FieldType::k_integer_or_null},
                    {"depends_on", FieldType::k_integer_list},
                    {"confidentiality", FieldType::k_integer},
                    {"integrity", FieldType::k_integer},
                    {"availability", FieldType::k_integer},
                    {"rto_hours", FieldType::k_integer_or_null},
                    {"rpo_hours", FieldType::k_integer_or_null},
                    {"retired", FieldType::k_boolean}},
                   body);
}

std::optional<Response> apply_asset(const json& body, core::Asset& a) {
  if (body.contains("ref")) a.ref = body["ref"].get<std::string>();
  if (body.contains("name")) a.name = body["name"].get<std::string>();
  if (body.contains("kind")) {
    auto k = core::parse_asset_kind(body["kind"].get<std::string>());
    if (!k)
      return problem(
          422, "Not accepted",
          "kind must be information, process, service, hardware, software, network, "
          "people, site or supplier",
          json{{"errors", json::array({{{"field", "kind"}, {"message", "unknown kind"}}})}});
    a.kind = *k;
  }
  if (body.contains("description")) a.description = body["description"].get<std::string>();
  if (body.contains("owner")) a.owner = body["owner"].get<std::string>();
  if (body.contains("parent")) {
    if (body["parent"].is_null())
      a.parent.reset();
    else
      a.parent = body["parent"].get<std::int64_t>();
  }
  if (body.contains("depends_on"))
    a.depends_on = body["depends_on"].get<std::vector<std::int64_t>>();
  for (auto [name, into] :
       {std::pair{"confidentiality", &a.confidentiality}, std::pair{"integrity", &a.integrity},
        std::pair{"availability", &a.availability}}) {
    if (!body.contains(name)) continue;
    auto v = body[name].get<std::int64_t>();
    if (v < 0 || v > 4)
      return problem(422, "Not accepted", std::string(name) + " must be from 0 to 4",
                     json{{"errors", json::array({{{"field", name}, {"message", "0 to 4"}}})}});
    *into = static_cast<int>(v);
  }
  for (auto [name, into] :
       {std::pair{"rto_hours", &a.rto_hours}, std::pair{"rpo_hours", &a.rpo_hours}}) {
    if (!body.contains(name)) continue;
    if (body[name].is_null()) {
      into->reset();
      continue;
    }
    auto v = body[name].get<std::int64_t>();
    if (v < 0 || v > 1000000)
      return problem(422, "Not accepted", std::string(name) + " must be from 0 to 1,000,000 hours");
    *into = static_cast<int>(v);
  }
  if (body.contains("retired")) a.retired = body["retired"].get<bool>();
  return std::nullopt;
}

Response list_assets(Call& call) {
  auto org = organization_for(call, Need::k_read);
  if (!org) return org.error();
  if (auto bad =
          only_parameters(call.req, {"q", "kind", "owner", "include_retired", "limit", "offset"}))
    return *bad;
  Page page;
  if (auto bad = read_page(call.req, page, 50, 1000)) return *bad;
  core::AssetQuery q;
  q.text = param(call, "q");
  q.owner = param(call, "owner");
  if (auto k = param(call, "kind"); !k.empty()) {
    q.kind = core::parse_asset_kind(k);
    if (!q.kind)
      return bad_parameter("kind", "kind '" + k.substr(0, 40) + "' is not an asset kind");
  }
  q.include_retired = param(call, "include_retired") == "true";
  q.slice = slice_of(page);
  auto list = workspace::list_assets(call.ctx.workspace, org->id, q);
  if (!list) return problem_from(list.error());
  return ok(paged_json(*list, page, [](const core::Asset& a) { return codec::to_json(a); }));
}

Response create_asset(Call& call) {
  auto org = organization_for(call, Need::k_write);
  if (!org) return org.error();
  json body;
  if (auto bad = read_asset(call, body, true)) return *bad;
  core::Asset a;
  if (auto bad = apply_asset(body, a)) return *bad;
  auto created = workspace::create_asset(call.ctx.workspace, actor(call), org->id, a);
  if (!created) return problem_from(created.error());
  return with_etag(ok(codec::to_json(*created), 201), created->version);
}

Response get_asset(Call& call) {
  auto org = organization_for(call, Need::k_read);
  if (!org) return org.error();
  auto a = workspace::find_asset(call.ctx.workspace, org->id, call.req.params.at("asset"));
  if (!a) return problem_from(a.error());
  return with_etag(ok(codec::to_json(*a)), a->version);
}

Response update_asset(Call& call) {
  auto org = organization_for(call, Need::k_write);
  if (!org) return org.error();
  auto a = workspace::find_asset(call.ctx.workspace, org->id, call.req.params.at("asset"));
  if (!a) return problem_from(a.error());
  auto expected = required_if_match(call);
  if (!expected) return expected.error();
  json body;
  if (auto bad = read_asset(call, body, false)) return *bad;
  auto read = a->version;
  if (auto bad = apply_asset(body, *a)) return *bad;
  auto id = a->id;
  auto updated = versioned_write(
      *expected, read, "asset",
      [&] { return workspace::update_asset(call.ctx.workspace, actor(call), org->id, *a); },
      [&]() -> std::optional<Current> {
        auto now = workspace::find_asset(call.ctx.workspace, org->id, std::to_string(id));
        if (!now) return std::nullopt;
        return Current{codec::to_json(*now), now->version};
      });
  if (!updated) return updated.error();
  return with_etag(ok(codec::to_json(*updated)), updated->version);
}

// --- own controls ------------------------------------------------------------------------------

std::optional<Response> read_control(const Call& call, json& body, bool create) {
  return read_body(call,
                   {{"ref", FieldType::k_string, create, 100},
                    {"title", FieldType::k_string, create, 500},
                    {"description", FieldType::k_string, false, 10000},
                    {"owner", FieldType::k_string, false, 200},
                    {"outcomes", FieldType::k_string_list, false, 300},
                    {"retired", FieldType::k_boolean}},
                   body);
}

void apply_control(const json& body, core::Control& c) {
  if (body.contains("ref")) c.ref = body["ref"].get<std::string>();
  if (body.contains("title")) c.title = body["title"].get<std::string>();
  if (body.contains("description")) c.description = body["description"].get<std::string>();
  if (body.contains("owner")) c.owner = body["owner"].get<std::string>();
  if (body.contains("outcomes")) c.outcomes = body["outcomes"].get<std::vector<std::string>>();
  if (body.contains("retired")) c.retired = body["retired"].get<bool>();
}

Response list_controls(Call& call) {
  auto org = organization_for(call, Need::k_read);
  if (!org) return org.error();
  if (auto bad = only_parameters(call.req, {})) return *bad;
  auto list = workspace::list_controls(call.ctx.workspace, org->id);
  if (!list) return problem_from(list.error());
  json items = json::array();
  for (const auto& c : *list) items.push_back(codec::to_json(c));
  return ok(json{{"items", items}, {"total", list->size()}});
}

Response create_control(Call& call) {
  auto org = organization_for(call, Need::k_write);
  if (!org) return org.error();
  json body;
  if (auto bad = read_control(call, body, true)) return *bad;
  core::Control c;
  apply_control(body, c);
  auto created =
      workspace::create_control(call.ctx.workspace, actor(call), call.ctx.catalog(), org->id, c);
  if (!created) return problem_from(created.error());
  return with_etag(ok(codec::to_json(*created), 201), created->version);
}

Response update_control(Call& call) {
  auto org = organization_for(call, Need::k_write);
  if (!org) return org.error();
  auto list = workspace::list_controls(call.ctx.workspace, org->id);
  if (!list) return problem_from(list.error());
  const auto& ref = call.req.params.at("control");
  auto it = std::ranges::find_if(
      *list, [&](const auto& c) { return util::caseless_key(c.ref) == util::caseless_key(ref); });
  if (it == list->end())
    return problem(404, "Not found", "no control '" + ref + "' of the organization");
  auto expected = required_if_match(call);
  if (!expected) return expected.error();
  json body;
  if (auto bad = read_control(call, body, false)) return *bad;
  core::Control c = *it;
  apply_control(body, c);
  auto updated = versioned_write(
      *expected, it->version, "control",
      [&] {
        return workspace::update_control(call.ctx.workspace, actor(call), call.ctx.catalog(),
                                         org->id, c);
      },
      [&]() -> std::optional<Current> {
        auto now = workspace::list_controls(call.ctx.workspace, org->id);
        if (!now) return std::nullopt;
        for (const auto& x : *now)
          if (x.id == c.id) return Current{codec::to_json(x), x.version};
        return std::nullopt;
      });
  if (!updated) return updated.error();
  return with_etag(ok(codec::to_json(*updated)), updated->version);
}

// --- risks -------------------------------------------------------------------------------------

std::optional<Response> read_risk(const Call& call, json& body, bool create) {
  return read_body(call,
                   {{"ref", FieldType::k_string, create, 100},
                    {"title", FieldType::k_string, create, 500},
                    {"description", FieldType::k_string, false, 10000},
                    {"assets", FieldType::k_integer_list},
                    {"threat", FieldType::k_string, false, 500},
                    {"vulnerability", FieldType::k_string, false, 2000},
                    {"consequence_types", FieldType::k_string_list, false, 100},
                    {"criteria", FieldType::k_string, false, 100},
                    {"inherent", FieldType::k_score},
                    {"current", FieldType::k_score},
                    {"residual", FieldType::k_score},
                    {"owner", FieldType::k_string, false, 200},
                    {"treatment", FieldType::k_string, false, 20},
                    {"status", FieldType::k_string, false, 20},
                    {"review_date", FieldType::k_string, false, 10},
                    {"controls", FieldType::k_string_list, false, 300},
                    {"actions", FieldType::k_integer_list},
                    {"closed", FieldType::k_boolean}},
                   body);
}

std::optional<Response> apply_risk(const json& body, core::Risk& r) {
  auto text = [&](const char* name, std::string& into) {
    if (body.contains(name)) into = body[name].get<std::string>();
  };
  text("ref", r.ref);
  text("title", r.title);
  text("description", r.description);
  text("threat", r.threat);
  text("vulnerability", r.vulnerability);
  text("criteria", r.criteria);
  text("owner", r.owner);
  text("review_date", r.review_date);
  if (body.contains("consequence_types"))
    r.consequence_types = body["consequence_types"].get<std::vector<std::string>>();
  for (auto [name, into] : {std::pair{"inherent", &r.inherent}, std::pair{"current", &r.current},
                            std::pair{"residual", &r.residual}})
    score_from(body, name, *into);
  if (body.contains("treatment")) {
    auto t = core::parse_treatment(body["treatment"].get<std::string>());
    if (!t)
      return problem(
          422, "Not accepted", "treatment must be none, modify, retain, avoid or share",
          json{{"errors", json::array({{{"field", "treatment"}, {"message", "unknown"}}})}});
    r.treatment = *t;
  }
  if (body.contains("status")) {
    auto s = core::parse_risk_status(body["status"].get<std::string>());
    if (!s)
      return problem(
          422, "Not accepted",
          "status must be identified, assessed, treating, treated, accepted or closed",
          json{{"errors", json::array({{{"field", "status"}, {"message", "unknown"}}})}});
    r.status = *s;
  }
  if (body.contains("controls")) {
    r.controls.clear();
    for (const auto& c : body["controls"])
      r.controls.push_back(core::parse_control_link(c.get<std::string>()));
  }
  if (body.contains("assets")) r.assets = body["assets"].get<std::vector<std::int64_t>>();
  if (body.contains("actions")) r.actions = body["actions"].get<std::vector<std::int64_t>>();
  if (body.contains("closed")) r.closed = body["closed"].get<bool>();
  return std::nullopt;
}

Response list_risks(Call& call) {
  auto org = organization_for(call, Need::k_read);
  if (!org) return org.error();
  if (auto bad = only_parameters(call.req, {"q", "owner", "status", "treatment", "asset", "control",
                                            "include_closed", "limit", "offset"}))
    return *bad;
  Page page;
  if (auto bad = read_page(call.req, page, 50, 1000)) return *bad;
  core::RiskQuery q;
  q.text = param(call, "q");
  q.owner = param(call, "owner");
  q.control = param(call, "control");
  if (auto s = param(call, "status"); !s.empty()) {
    q.status = core::parse_risk_status(s);
    if (!q.status) return bad_parameter("status", "status '" + s.substr(0, 40) + "' is not one");
  }
  if (auto t = param(call, "treatment"); !t.empty()) {
    q.treatment = core::parse_treatment(t);
    if (!q.treatment)
      return bad_parameter("treatment", "treatment '" + t.substr(0, 40) + "' is not one");
  }
  if (auto a = param(call, "asset"); !a.empty()) {
    auto id = whole_number(a);
    if (!id) return bad_parameter("asset", "asset is an asset id (a whole number)");
    q.asset = *id;
  }
  q.include_closed = param(call, "include_closed") == "true";
  q.slice = slice_of(page);
  auto list = workspace::list_risks(call.ctx.workspace, call.ctx.catalog(), org->id, q);
  if (!list) return problem_from(list.error());
  return ok(paged_json(*list, page, [](const workspace::RiskView& v) { return to_json(v); }));
}

Response create_risk(Call& call) {
  auto org = organization_for(call, Need::k_write);
  if (!org) return org.error();
  json body;
  if (auto bad = read_risk(call, body, true)) return *bad;
  core::Risk r;
  if (auto bad = apply_risk(body, r)) return *bad;
  auto created =
      workspace::create_risk(call.ctx.workspace, actor(call), call.ctx.catalog(), org->id, r);
  if (!created) return problem_from(created.error());
  return with_etag(ok(to_json(*created), 201), created->risk.version);
}

Response get_risk(Call& call) {
  auto org = organization_for(call, Need::k_read);
  if (!org) return org.error();
  auto v = workspace::find_risk(call.ctx.workspace, call.ctx.catalog(), org->id,
                                call.req.params.at("risk"));
  if (!v) return problem_from(v.error());
  return with_etag(ok(to_json(*v)), v->risk.version);
}

Response update_risk(Call& call) {
  auto org = organization_for(call, Need::k_write);
  if (!org) return org.error();
  auto v = workspace::find_risk(call.ctx.workspace, call.ctx.catalog(), org->id,
                                call.req.params.at("risk"));
  if (!v) return problem_from(v.error());
  auto expected = required_if_match(call);
  if (!expected) return expected.error();
  json body;
  if (auto bad = read_risk(call, body, false)) return *bad;
  core::Risk r = v->risk;
  if (auto bad = apply_risk(body, r)) return *bad;
  auto id = std::to_string(r.id);
  auto updated = versioned_write(
      *expected, v->risk.version, "risk",
      [&] {
        return workspace::update_risk(call.ctx.workspace, actor(call), call.ctx.catalog(), org->id,
                                      r);
      },
      [&]() -> std::optional<Current> {
        auto now = workspace::find_risk(call.ctx.workspace, call.ctx.catalog(), org->id, id);
        if (!now) return std::nullopt;
        return Current{to_json(*now), now->risk.version};
      });
  if (!updated) return updated.error();
  return with_etag(ok(to_json(*updated)), updated->risk.version);
}

Response rescore_risk(Call& call) {
  bool apply = param(call, "apply") == "true";
  auto org = organization_for(call, apply ? Need::k_write : Need::k_read);
  if (!org) return org.error();
  std::int64_t expected = 0;
  if (apply) {
    auto match = required_if_match(call);
    if (!match) return match.error();
    expected = *match;
  }
  auto r = workspace::rescore_risk(call.ctx.workspace, actor(call), call.ctx.catalog(), org->id,
                                   call.req.params.at("risk"), expected, apply);
  if (!r) return problem_from(r.error());
  return ok(json{{"changed", r->changed},
                 {"applied", apply && r->changed},
                 {"before", to_json(r->before)},
                 {"after", to_json(r->after)}});
}

Response risk_heat_map(Call& call) {
  auto org = organization_for(call, Need::k_read);
  if (!org) return org.error();
  if (auto bad = only_parameters(call.req, {"criteria"})) return *bad;
  auto map =
      workspace::heat_map(call.ctx.workspace, call.ctx.catalog(), org->id, param(call, "criteria"));
  if (!map && map.error().field == "criteria")  // a query parameter: 400 naming it
    return bad_parameter("criteria", map.error().message);
  if (!map) return problem_from(map.error());
  return ok(to_json(*map));
}

Response risk_summary(Call& call) {
  auto org = organization_for(call, Need::k_read);
  if (!org) return org.error();
  if (auto bad = only_parameters(call.req, {})) return *bad;
  auto s = workspace::risk_summary(call.ctx.workspace, call.ctx.catalog(), org->id);
  if (!s) return problem_from(s.error());
  return ok(to_json(*s));
}

Response risk_check(Call& call) {
  auto org = organization_for(call, Need::k_read);
  if (!org) return org.error();
  if (auto bad = only_parameters(call.req, {})) return *bad;
  auto findings = workspace::check_risks(call.ctx.workspace, call.ctx.catalog(), org->id);
  if (!findings) return problem_from(findings.error());
  json items = json::array();
  for (const auto& f : *findings) items.push_back(to_json(f));
  return ok(json{{"ok", findings->empty()}, {"findings", items}});
}

// --- decisions ---------------------------------------------------------------------------------

Response list_decisions(Call& call) {
  auto org = organization_for(call, Need::k_read);
  if (!org) return org.error();
  if (auto bad = only_parameters(call.req, {"risk"})) return *bad;
  auto list = workspace::list_decisions(call.ctx.workspace, call.ctx.catalog(), org->id,
                                        param(call, "risk"));
  if (!list) return problem_from(list.error());
  json items = json::array();
  for (const auto& d : *list) items.push_back(to_json(d));
  return ok(json{{"items", items}, {"total", list->size()}});
}

Response add_decision(Call& call) {
  auto org = organization_for(call, Need::k_write);
  if (!org) return org.error();
  json body;
  if (auto bad = read_body(call,
                           {{"kind", FieldType::k_string, true, 20},
                            {"justification", FieldType::k_string, true, 5000},
                            {"expires", FieldType::k_string, false, 10},
                            {"decided_by", FieldType::k_string, false, 200}},
                           body))
    return *bad;
  core::Decision d;
  auto kind = core::parse_decision_kind(body["kind"].get<std::string>());
  if (!kind)
    return problem(422, "Not accepted", "kind must be plan-approval, acceptance or exception",
                   json{{"errors", json::array({{{"field", "kind"}, {"message", "unknown"}}})}});
  d.kind = *kind;
  d.justification = body["justification"].get<std::string>();
  if (body.contains("expires")) d.expires = body["expires"].get<std::string>();
  if (body.contains("decided_by")) d.decided_by = body["decided_by"].get<std::string>();
  auto v = workspace::decide(call.ctx.workspace, actor(call), call.ctx.catalog(), org->id,
                             call.req.params.at("risk"), d);
  if (!v) return problem_from(v.error());
  return ok(to_json(*v), 201);
}

Response revoke_decision(Call& call) {
  auto org = organization_for(call, Need::k_write);
  if (!org) return org.error();
  auto id = whole_number(call.req.params.at("decision"));
  if (!id) return problem(400, "Bad decision id", "a decision id is a whole number");
  auto v = workspace::revoke_decision(call.ctx.workspace, actor(call), org->id, *id);
  if (!v) return problem_from(v.error());
  return ok(to_json(*v));
}

// --- the Statement of Applicability ------------------------------------------------------------

std::optional<Response> version_param(const Call& call, int& into) {
  auto v = param(call, "version");
  if (v.empty()) return std::nullopt;
  auto n = whole_number(v);
  if (!n || *n > 1000000) return bad_parameter("version", "version is a whole number");
  into = static_cast<int>(*n);
  return std::nullopt;
}

Response get_soa(Call& call) {
  auto org = organization_for(call, Need::k_read);
  if (!org) return org.error();
  if (auto bad = only_parameters(call.req, {"version"})) return *bad;
  int number = 0;
  if (auto bad = version_param(call, number)) return *bad;
  auto view = workspace::soa(call.ctx.workspace, call.ctx.catalog(), org->id, number);
  if (!view) return problem_from(view.error());
  return ok(to_json(*view, org->name));
}

Response put_soa_row(Call& call) {
  auto org = organization_for(call, Need::k_write);
  if (!org) return org.error();
  auto expected = required_if_match(call, "(\"0\" for a row never stored)");
  if (!expected) return expected.error();
  json body;
  if (auto bad = read_body(call,
                           {{"applicable", FieldType::k_boolean},
                            {"reasons", FieldType::k_string_list, false, 30},
                            {"justification", FieldType::k_string, false, 5000},
                            {"owner", FieldType::k_string, false, 200},
                            {"notes", FieldType::k_string, false, 5000}},
                           body))
    return *bad;
  const auto& control = call.req.params.at("control");
  auto view = workspace::soa(call.ctx.workspace, call.ctx.catalog(), org->id, 0);
  if (!view) return problem_from(view.error());
  const core::SoaLine* line = nullptr;
  for (const auto& l : view->lines)
    if (util::caseless_key(l.row.control) == util::caseless_key(control)) line = &l;
  core::SoaRow row;
  row.control = control;
  if (line) row = line->row;
  std::int64_t read = row.version;
  if (body.contains("applicable")) row.applicable = body["applicable"].get<bool>();
  if (body.contains("justification")) row.justification = body["justification"].get<std::string>();
  if (body.contains("owner")) row.owner = body["owner"].get<std::string>();
  if (body.contains("notes")) row.notes = body["notes"].get<std::string>();
  if (body.contains("reasons")) {
    row.reasons.clear();
    for (const auto& r : body["reasons"]) {
      auto reason = core::parse_soa_reason(r.get<std::string>());
      if (!reason)
        return problem(
            422, "Not accepted",
            "reasons are risk-treatment, legal-regulatory, contractual, business or "
            "interested-party",
            json{{"errors", json::array({{{"field", "reasons"}, {"message", "unknown"}}})}});
      row.reasons.insert(*reason);
    }
  }
  if (!row.applicable && body.contains("applicable") && !body.contains("reasons"))
    row.reasons.clear();
  auto updated = versioned_write(
      *expected, read, "row of the Statement of Applicability",
      [&] {
        return workspace::set_soa_row(call.ctx.workspace, actor(call), call.ctx.catalog(), org->id,
                                      row, *expected);
      },
      [&]() -> std::optional<Current> {
        auto now = workspace::soa(call.ctx.workspace, call.ctx.catalog(), org->id, 0);
        if (!now) return std::nullopt;
        for (const auto& l : now->lines)
          if (l.row.control == row.control) return Current{codec::to_json(l), l.row.version};
        return std::nullopt;
      });
  if (!updated) return updated.error();
  return with_etag(ok(codec::to_json(*updated)), updated->row.version);
}

Response approve_soa(Call& call) {
  auto org = organization_for(call, Need::k_manage);
  if (!org) return org.error();
  json body;
  if (auto bad = read_body(
          call,
          {{"version", FieldType::k_integer, true}, {"note", FieldType::k_string, false, 2000}},
          body))
    return *bad;
  auto number = body["version"].get<std::int64_t>();
  if (number < 1 || number > 1000000)
    return problem(422, "Not accepted", "version is the number of the draft to approve");
  auto v = workspace::approve_soa(call.ctx.workspace, actor(call), call.ctx.catalog(), org->id,
                                  static_cast<int>(number), body.value("note", ""));
  if (!v) return problem_from(v.error());
  return ok(codec::to_json(*v));
}

Response soa_diff(Call& call) {
  auto org = organization_for(call, Need::k_read);
  if (!org) return org.error();
  if (auto bad = only_parameters(call.req, {"from", "to"})) return *bad;
  auto from = whole_number(param(call, "from")), to = whole_number(param(call, "to"));
  if (!from || !to || *from < 1 || *to < 1 || *from > 1000000 || *to > 1000000)
    return bad_parameter(!from || *from < 1 ? "from" : "to",
                         "from and to are version numbers (whole numbers from 1)");
  auto changes = workspace::soa_diff(call.ctx.workspace, call.ctx.catalog(), org->id,
                                     static_cast<int>(*from), static_cast<int>(*to));
  if (!changes) return problem_from(changes.error());
  json items = json::array();
  for (const auto& c : *changes) items.push_back(codec::to_json(c));
  return ok(json{{"from", *from}, {"to", *to}, {"changes", items}});
}

Response export_soa(Call& call) {
  auto org = organization_for(call, Need::k_read);
  if (!org) return org.error();
  if (auto bad = only_parameters(call.req, {"format", "version"})) return *bad;
  int number = 0;
  if (auto bad = version_param(call, number)) return *bad;
  auto format = param(call, "format");
  if (format != "html" && format != "csv" && format != "xlsx")
    return bad_parameter("format", "format must be html, csv or xlsx");
  auto bytes = workspace::export_soa(call.ctx.workspace, call.ctx.catalog(), *org, number, format);
  if (!bytes) return problem_from(bytes.error());
  std::string type = format == "html"  ? "text/html; charset=utf-8"
                     : format == "csv" ? "text/csv; charset=utf-8"
                                       : "application/vnd.openxmlformats-officedocument."
                                         "spreadsheetml.sheet";
  Response out{200, type, std::move(*bytes), {}};
  out.headers.emplace_back(
      "Content-Disposition",
      attachment(file_stem(org->name) + "-statement-of-applicability." + format));
  return out;
}

Response export_register(Call& call, bool risks) {
  auto org = organization_for(call, Need::k_read);
  if (!org) return org.error();
  if (auto bad = only_parameters(call.req, {"format", "include_closed"})) return *bad;
  auto format = param(call, "format");
  if (format != "csv" && format != "xlsx")
    return bad_parameter("format", "format must be csv or xlsx");
  bool all = param(call, "include_closed") == "true";
  auto bytes =
      risks ? workspace::export_risks(call.ctx.workspace, call.ctx.catalog(), org->id, format, all)
            : workspace::export_assets(call.ctx.workspace, org->id, format, all);
  if (!bytes) return problem_from(bytes.error());
  std::string type = format == "csv" ? "text/csv; charset=utf-8"
                                     : "application/vnd.openxmlformats-officedocument."
                                       "spreadsheetml.sheet";
  Response out{200, type, std::move(*bytes), {}};
  out.headers.emplace_back(
      "Content-Disposition",
      attachment(file_stem(org->name) + (risks ? "-risks." : "-assets.") + format));
  return out;
}

// POST .../register/import?kind=assets|risks&format=csv|xlsx: all rows or none.
Response import_register(Call& call) {
  auto org = organization_for(call, Need::k_write);
  if (!org) return org.error();
  if (auto bad = only_parameters(call.req, {"kind", "format"})) return *bad;
  auto kind = param(call, "kind");
  auto format = param(call, "format");
  if (kind != "assets" && kind != "risks")
    return bad_parameter("kind", "kind must be assets or risks");
  if (format != "csv" && format != "xlsx")
    return bad_parameter("format", "format must be csv or xlsx");
  if (call.req.body.empty()) return problem(400, "Empty file", "the request body is empty");
  std::string_view bytes = call.req.body;
  bool assets = kind == "assets";
  auto result = workspace::import_register(call.ctx.workspace, actor(call), call.ctx.catalog(),
                                           org->id, assets ? bytes : "", format, "assets",
                                           assets ? "" : bytes, format, "risks");
  if (!result) return problem_from(result.error());
  if (!result->errors.empty()) {
    json errors = json::array();
    for (const auto& e : result->errors) errors.push_back(json{{"message", e}});
    return problem(
        422, "Nothing imported",
        std::to_string(result->errors.size()) + " problem(s); first: " + result->errors.front(),
        json{{"errors", errors}});
  }
  return ok(json{{"assets", result->assets}, {"risks", result->risks}});
}

// --- baselines ---------------------------------------------------------------------------------

json baseline_json(const workspace::RiskBaseline& b) {
  return {{"id", b.id}, {"name", b.name}, {"taken_at", b.taken_at}, {"taken_by", b.taken_by}};
}

Response list_baselines(Call& call) {
  auto org = organization_for(call, Need::k_read);
  if (!org) return org.error();
  auto list = workspace::list_baselines(call.ctx.workspace, org->id);
  if (!list) return problem_from(list.error());
  json items = json::array();
  for (const auto& b : *list) items.push_back(baseline_json(b));
  return ok(json{{"items", items}, {"total", list->size()}});
}

Response take_baseline(Call& call) {
  auto org = organization_for(call, Need::k_write);
  if (!org) return org.error();
  json body;
  if (auto bad = read_body(call, {{"name", FieldType::k_string, true, 200}}, body)) return *bad;
  auto b = workspace::take_baseline(call.ctx.workspace, actor(call), call.ctx.catalog(), org->id,
                                    body["name"].get<std::string>());
  if (!b) return problem_from(b.error());
  return ok(baseline_json(*b), 201);
}

Response compare_baseline(Call& call) {
  auto org = organization_for(call, Need::k_read);
  if (!org) return org.error();
  auto c = workspace::compare_baseline(call.ctx.workspace, call.ctx.catalog(), org->id,
                                       call.req.params.at("baseline"));
  if (!c) return problem_from(c.error());
  auto list = [](const std::vector<workspace::RiskChange>& changes) {
    json out = json::array();
    for (const auto& r : changes)
      out.push_back({{"ref", r.ref}, {"title", r.title}, {"fields", r.fields}});
    return out;
  };
  json soa = json::array();
  for (const auto& s : c->soa) soa.push_back(codec::to_json(s));
  return ok(json{{"baseline", baseline_json(c->baseline)},
                 {"new", list(c->added)},
                 {"changed", list(c->changed)},
                 {"closed", list(c->closed)},
                 {"soa", soa}});
}

}  // namespace

void add_risk_routes(Routes& routes) {
  auto user = Access::k_user;
  const std::string o = "/api/v1/organizations/{org}";
  routes.add("GET", o + "/risk-criteria", user, list_criteria);
  routes.add("POST", o + "/risk-criteria", user, [](Call& c) { return save_criteria(c, true); });
  routes.add("GET", o + "/risk-criteria/{criteria}", user, get_criteria);
  routes.add("PUT", o + "/risk-criteria/{criteria}", user,
             [](Call& c) { return save_criteria(c, false); });
  routes.add("GET", o + "/assets", user, list_assets);
  routes.add("POST", o + "/assets", user, create_asset);
  routes.add("GET", o + "/assets/export", user, [](Call& c) { return export_register(c, false); });
  routes.add("GET", o + "/assets/{asset}", user, get_asset);
  routes.add("PUT", o + "/assets/{asset}", user, update_asset);
  routes.add("GET", o + "/controls", user, list_controls);
  routes.add("POST", o + "/controls", user, create_control);
  routes.add("PUT", o + "/controls/{control}", user, update_control);
  routes.add("GET", o + "/risks", user, list_risks);
  routes.add("POST", o + "/risks", user, create_risk);
  routes.add("GET", o + "/risks/export", user, [](Call& c) { return export_register(c, true); });
  routes.add("GET", o + "/risks/{risk}", user, get_risk);
  routes.add("PUT", o + "/risks/{risk}", user, update_risk);
  routes.add("POST", o + "/risks/{risk}/rescore", user, rescore_risk);
  routes.add("POST", o + "/risks/{risk}/decisions", user, add_decision);
  routes.add("GET", o + "/risk-heatmap", user, risk_heat_map);
  routes.add("GET", o + "/risk-check", user, risk_check);
  routes.add("GET", o + "/risk-summary", user, risk_summary);
  routes.add("GET", o + "/decisions", user, list_decisions);
  routes.add("POST", o + "/decisions/{decision}/revoke", user, revoke_decision);
  routes.add("POST", o + "/register/import", user, import_register).upload().gated();
  routes.add("GET", o + "/soa", user, get_soa);
  routes.add("GET", o + "/soa/diff", user, soa_diff);
  routes.add("GET", o + "/soa/export", user, export_soa);
  routes.add("PUT", o + "/soa/rows/{control}", user, put_soa_row);
  routes.add("POST", o + "/soa/approve", user, approve_soa);
  routes.add("GET", o + "/risk-baselines", user, list_baselines);
  routes.add("POST", o + "/risk-baselines", user, take_baseline);
  routes.add("GET", o + "/risk-baselines/{baseline}/compare", user, compare_baseline);
}

}  // namespace cyberframe::server
