// The roadmap over HTTP: actions that close gaps, versioned (ETag / If-Match).
#include <algorithm>
#include <set>

#include "core/input_rules.hpp"
#include "exchange/profile_table.hpp"
#include "report/report.hpp"
#include "server/api.hpp"
#include "server/api_workspace.hpp"
#include "util/clock.hpp"
#include "util/text.hpp"
#include "workspace/gaps.hpp"
#include "workspace/reporting.hpp"

namespace cyberframe::server {

namespace {

// --- roadmap ---

std::optional<Response> read_action(const Call& call, json& body, bool create) {
  return read_body(call,
                   {{"title", FieldType::k_string, create, 500},
                    {"owner", FieldType::k_string, false, 200},
                    {"due", FieldType::k_string, false, 10},
                    {"status", FieldType::k_string, false, 20},
                    {"effort_days", FieldType::k_integer},
                    {"target_level", FieldType::k_integer},
                    {"nodes", FieldType::k_string_list, false, 100}},
                   body);
}

std::optional<Response> apply_action(const json& body, core::Action& a) {
  if (body.contains("title")) a.title = util::trim(body["title"].get<std::string>());
  if (body.contains("owner")) a.owner = util::trim(body["owner"].get<std::string>());
  if (body.contains("due")) a.due = body["due"].get<std::string>();
  if (body.contains("status")) {
    auto s = core::parse_action_status(body["status"].get<std::string>());
    if (!s)
      return problem(422, "Not accepted", "status must be planned, in-progress, done or cancelled");
    a.status = *s;
  }
  if (body.contains("effort_days")) a.effort_days = body["effort_days"].get<int>();
  if (body.contains("target_level")) a.target_level = body["target_level"].get<int>();
  if (body.contains("nodes")) a.nodes = body["nodes"].get<std::vector<std::string>>();
  if (!a.due.empty()) {
    if (auto due = core::check_date("due", a.due); !due)
      return problem(422, "Not accepted", due.error().message);
  }
  if (a.title.empty()) return problem(422, "Not accepted", "an action needs a title");
  if (a.effort_days < 0 || a.effort_days > 10000)
    return problem(422, "Not accepted", "effort_days must be from 0 to 10000");
  if (!core::default_scale().contains(a.target_level))
    return problem(422, "Not accepted", "target_level must be on the scale 0-5");
  return std::nullopt;
}

// The nodes an action closes must be nodes of a framework the organization has a profile on.
std::optional<Response> check_action_nodes(Call& call, const core::Action& a) {
  if (a.nodes.empty()) return std::nullopt;
  std::set<std::string> frameworks;
  if (auto all = call.ctx.workspace.profiles(a.organization)) {
    for (const auto& p : *all) frameworks.insert(p.framework);
  }
  for (const auto& node : a.nodes) {
    bool known = std::any_of(frameworks.begin(), frameworks.end(), [&](const std::string& fw) {
      return call.ctx.catalog().node(fw, node) != nullptr;
    });
    if (!known)
      return problem(422, "Not accepted",
                     "node '" + node + "' is in no framework this organization has a profile on");
  }
  return std::nullopt;
}

Response list_actions(Call& call) {
  auto org = organization_for(call, Need::k_read);
  if (!org) return org.error();
  Page page;
  if (auto bad = read_page(call.req, page, 100, 1000)) return *bad;
  std::optional<core::ActionStatus> status;
  if (auto it = call.req.query.find("status"); it != call.req.query.end()) {
    status = core::parse_action_status(it->second);
    if (!status)
      return problem(400, "Bad query parameter",
                     "status must be planned, in-progress, done or cancelled");
  }
  auto list = call.ctx.workspace.actions(org->id, core::ActionQuery{status, slice_of(page)});
  if (!list) return problem_from(list.error());
  return ok(paged_json(*list, page, [](const core::Action& a) { return to_json(a); }));
}

Response create_action(Call& call) {
  auto org = organization_for(call, Need::k_write);
  if (!org) return org.error();
  json body;
  if (auto bad = read_action(call, body, true)) return *bad;
  core::Action a;
  a.organization = org->id;
  a.target_level = 3;
  if (auto bad = apply_action(body, a)) return *bad;
  if (auto bad = check_action_nodes(call, a)) return *bad;
  auto created = call.ctx.workspace.create_action(actor(call), a);
  if (!created) return problem_from(created.error());
  return with_etag(ok(to_json(*created), 201), created->version);
}

Response update_action(Call& call) {
  auto id = whole_number(call.req.params.at("action"));
  if (!id) return problem(400, "Bad action id", "an action id is a whole number");
  auto a = call.ctx.workspace.action(*id);
  if (!a)
    return problem(404, "Not found",
                   "no action " + call.req.params.at("action") + " that you can see");
  if (auto denied = require(call, a->organization, Need::k_write)) {
    if (denied->status == 404)
      return problem(404, "Not found",
                     "no action " + call.req.params.at("action") + " that you can see");
    return *denied;
  }
  auto expected = required_if_match(call);
  if (!expected) return expected.error();
  json body;
  if (auto bad = read_action(call, body, false)) return *bad;
  auto read = a->version;
  if (read == *expected) {
    if (auto bad = apply_action(body, *a)) return *bad;
    if (auto bad = check_action_nodes(call, *a)) return *bad;
  }
  auto updated = versioned_write(
      *expected, read, "action", [&] { return call.ctx.workspace.update_action(actor(call), *a); },
      [&]() -> std::optional<Current> {
        auto now = call.ctx.workspace.action(*id);
        if (!now) return std::nullopt;
        return Current{to_json(*now), now->version};
      });
  if (!updated) return updated.error();
  return with_etag(ok(to_json(*updated)), updated->version);
}

// What-if: GET /api/v1/profiles/{id}/what-if?actions=1,2,3[&target=ID] (workspace::what_if).
Response what_if(Call& call) {
  auto p = profile_for(call, Need::k_read);
  if (!p) return p.error();
  const auto& q = call.req.query;
  std::string requested = q.contains("target") ? q.at("target") : "";
  if (!requested.empty() && !whole_number(requested))
    return problem(400, "Bad query parameter", "target is a profile id (a whole number)");
  std::vector<std::int64_t> ids;
  if (auto it = q.find("actions"); it != q.end()) {
    std::vector<std::string> bad;
    for (const auto& part : util::split(it->second, ',')) {
      auto text = util::trim(part);
      if (text.empty()) continue;
      if (auto id = whole_number(text))
        ids.push_back(*id);
      else
        bad.push_back("'" + text.substr(0, 40) + "'");
    }
    if (!bad.empty())
      return problem(400, "Bad query parameter",
                     "actions are action ids (whole numbers, comma separated): " +
                         util::join(bad, ", ") + (bad.size() == 1 ? " is not one" : " are not"));
    if (ids.size() > 1000)
      return problem(400, "Bad query parameter", "at most 1000 actions at a time");
  }
  auto w = workspace::what_if(call.ctx.workspace, call.ctx.catalog(), *p, requested, ids);
  if (!w) {
    if (w.error().code == util::ErrorCode::k_not_found)
      return problem(404, requested.empty() ? "No target profile" : "Not found", w.error().message);
    return problem_from(w.error());
  }
  return ok(codec::to_json(call.ctx.catalog(), *w));
}

}  // namespace

void add_roadmap_routes(Routes& routes) {
  auto user = Access::k_user;
  routes.add("GET", "/api/v1/organizations/{org}/actions", user, list_actions);
  routes.add("POST", "/api/v1/organizations/{org}/actions", user, create_action);
  routes.add("PUT", "/api/v1/actions/{action}", user, update_action);
  routes.add("GET", "/api/v1/profiles/{id}/what-if", user, what_if);
}

}  // namespace cyberframe::server
