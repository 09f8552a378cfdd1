// A person's work over HTTP (docs/api.md, "My work, people and the calendar feed"): what is due
// for the signed-in account across the organizations it sees, an account's e-mail address and
// aliases, and the calendar feed reached by a secret URL without a session. The rules are
// workspace/people.hpp's; handlers parse, call and render.
#include "codec/people_json.hpp"
#include "core/input_rules.hpp"
#include "server/api.hpp"
#include "util/date.hpp"
#include "util/text.hpp"
#include "workspace/people.hpp"

namespace cyberframe::server {

namespace {

std::string param(const Call& call, const std::string& name) {
  auto it = call.req.query.find(name);
  return it == call.req.query.end() ? "" : it->second;
}

// The account of the route's {name}, which the caller may see and change: itself, or any
// account for an administrator. Anyone else gets 404, as for an account that does not exist.
Answer<core::Person> person_for(Call& call) {
  const auto& name = call.req.params.at("name");
  auto not_found =
      problem(404, "Not found", "no account '" + name.substr(0, 64) + "' that you can see");
  bool self = util::caseless_key(name) == util::caseless_key(call.principal->user.name);
  if (!self && !is_administrator(call)) return std::unexpected(not_found);
  auto p = workspace::find_person(call.ctx.workspace, name);
  if (!p) {
    if (p.error().code == util::ErrorCode::k_not_found) return std::unexpected(not_found);
    return std::unexpected(problem_from(p.error()));
  }
  return *p;
}

Response my_work(Call& call) {
  if (auto bad = only_parameters(call.req, {"today", "organization"})) return *bad;
  auto today = param(call, "today");
  if (today.empty()) today = util::today_utc();
  if (!util::day_number(today))
    return bad_parameter("today", "'" + today.substr(0, 40) + "' is not a date (YYYY-MM-DD)");
  std::vector<std::int64_t> orgs;
  auto org_text = param(call, "organization");
  if (!org_text.empty()) {
    auto id = whole_number(org_text);
    if (!id || *id == 0)
      return bad_parameter("organization",
                           "'" + org_text.substr(0, 40) + "' is not an organization id");
    if (auto denied = require(call, *id, Need::k_read)) return *denied;
    orgs.push_back(*id);
  } else if (call.principal->token_organization) {
    orgs.push_back(call.principal->token_organization);
  } else {
    auto all = workspace::organizations_of(call.ctx.workspace, call.principal->user);
    if (!all) return problem_from(all.error());
    orgs = *all;
  }
  auto person = workspace::find_person(call.ctx.workspace, call.principal->user.name);
  if (!person) return problem_from(person.error());
  std::vector<core::WorkItem> work;
  if (!orgs.empty()) {
    auto w = workspace::person_work(call.ctx.workspace, *person, orgs, today);
    if (!w) return problem_from(w.error());
    work = std::move(*w);
  }
  return ok(codec::work_to_json(*person, work, today));
}

Response get_person(Call& call) {
  if (auto bad = only_parameters(call.req, {})) return *bad;
  auto p = person_for(call);
  if (!p) return p.error();
  return with_etag(ok(codec::to_json(*p)), p->version);
}

Response put_person(Call& call) {
  auto p = person_for(call);
  if (!p) return p.error();
  json body;
  if (auto bad = read_body(call,
                           {{"email", FieldType::k_string, true, 254},
                            {"aliases", FieldType::k_string_list, true, 200}},
                           body))
    return *bad;
  bool present = false;
  auto expected = if_match(call.req, present);
  if (present && !expected)
    return problem(400, "Bad If-Match", "If-Match is the ETag of the person's version: \"N\"");
  auto stored = workspace::set_person(call.ctx.workspace, actor(call), p->name,
                                      body["email"].get<std::string>(),
                                      body["aliases"].get<std::vector<std::string>>(), expected);
  if (!stored) {
    if (stored.error().code == util::ErrorCode::k_conflict) {
      auto now = workspace::find_person(call.ctx.workspace, p->name);
      return changed_since(stored.error().message, now ? codec::to_json(*now) : json(nullptr),
                           now ? now->version : 0);
    }
    return problem_from(stored.error());
  }
  return with_etag(ok(codec::to_json(*stored)), stored->version);
}

Response rotate_calendar(Call& call) {
  if (auto bad = only_parameters(call.req, {})) return *bad;
  auto p = person_for(call);
  if (!p) return p.error();
  auto secret = workspace::rotate_calendar_token(call.ctx.workspace, actor(call), p->name);
  if (!secret) return problem_from(secret.error());
  auto path = "/api/v1/calendar/" + *secret + ".ics";
  return ok(json{{"person", p->name}, {"token", *secret}, {"path", path}}, 201);
}

Response remove_calendar(Call& call) {
  if (auto bad = only_parameters(call.req, {})) return *bad;
  auto p = person_for(call);
  if (!p) return p.error();
  auto user = call.ctx.workspace.user(p->name);
  if (!user) return problem_from(user.error());
  if (!p->calendar) return problem(404, "Not found", p->name + " has no calendar feed");
  auto removed = workspace::remove_calendar_token(call.ctx.workspace, actor(call), p->name);
  if (!removed) return problem_from(removed.error());
  return no_content();
}

// GET /api/v1/calendar/{file}: "SECRET.ics", without a session. Anything that is not a live
// calendar's secret is the same 404, whatever is wrong with it.
Response calendar_feed(Call& call) {
  const auto& file = call.req.params.at("file");
  auto none = problem(404, "Not found", "no such calendar");
  if (!file.ends_with(".ics") || !call.req.query.empty()) return none;
  auto person = workspace::calendar_person(call.ctx.workspace, file.substr(0, file.size() - 4));
  if (!person) {
    if (person.error().code == util::ErrorCode::k_not_found) return none;
    return problem_from(person.error());
  }
  auto text = workspace::person_calendar(call.ctx.workspace, *person, util::today_utc());
  if (!text) return problem_from(text.error());
  Response r{200, "text/calendar; charset=utf-8", std::move(*text), {}};
  r.headers.emplace_back("Cache-Control", "private, max-age=300");
  r.headers.emplace_back("Referrer-Policy", "no-referrer");
  return r;
}

}  // namespace

void add_mywork_routes(Routes& routes) {
  auto user = Access::k_user;
  routes.add("GET", "/api/v1/me/work", user, my_work);
  routes.add("GET", "/api/v1/users/{name}/person", user, get_person);
  routes.add("PUT", "/api/v1/users/{name}/person", user, put_person);
  routes.add("POST", "/api/v1/users/{name}/calendar-token", user, rotate_calendar);
  routes.add("DELETE", "/api/v1/users/{name}/calendar-token", user, remove_calendar);
  routes.add("GET", "/api/v1/calendar/{file}", Access::k_public, calendar_feed);
}

}  // namespace cyberframe::server
