// The management review over HTTP (ISO/IEC 27001:2022 9.3; workspace/review.hpp): the inputs
// 9.3.2 a-g prepared, a review held (its inputs frozen), its actions and its minutes. Handlers
// parse, check roles, call and render.
#include "codec/isms_json.hpp"
#include "codec/review_json.hpp"
#include "server/api.hpp"
#include "server/api_workspace.hpp"
#include "util/date.hpp"
#include "workspace/review.hpp"

namespace cyberframe::server {

namespace {

std::string param(const Call& call, const std::string& name) {
  auto it = call.req.query.find(name);
  return it == call.req.query.end() ? "" : it->second;
}

std::optional<Response> bad_today(const std::string& today) {
  if (!today.empty() && !util::day_number(today))
    return bad_parameter("today",
                         "today: '" + today.substr(0, 40) + "' is not a date (YYYY-MM-DD)");
  return std::nullopt;
}

Response prepare(Call& call) {
  auto org = organization_for(call, Need::k_read);
  if (!org) return org.error();
  if (auto bad = only_parameters(call.req, {"review", "today"})) return *bad;
  auto today = param(call, "today");
  if (auto bad = bad_today(today)) return *bad;
  auto in = workspace::prepare_review(call.ctx.workspace, call.ctx.catalog(), org->id,
                                      param(call, "review"), today);
  if (!in) return problem_from(in.error());
  return ok(codec::to_json(*in));
}

Response inputs(Call& call) {
  auto org = organization_for(call, Need::k_read);
  if (!org) return org.error();
  if (auto bad = only_parameters(call.req, {"today"})) return *bad;
  auto today = param(call, "today");
  if (auto bad = bad_today(today)) return *bad;
  auto in = workspace::review_inputs(call.ctx.workspace, call.ctx.catalog(), org->id,
                                     call.req.params.at("ref"), today);
  if (!in) return problem_from(in.error());
  return ok(codec::to_json(*in));
}

Response hold(Call& call) {
  auto org = organization_for(call, Need::k_write);
  if (!org) return org.error();
  if (auto bad = only_parameters(call.req, {"today"})) return *bad;
  auto today = param(call, "today");
  if (auto bad = bad_today(today)) return *bad;
  auto held = workspace::hold_review(call.ctx.workspace, actor(call), call.ctx.catalog(), org->id,
                                     call.req.params.at("ref"), today);
  if (!held) return problem_from(held.error());
  return ok(
      json{{"review", codec::to_json(held->review)}, {"inputs", codec::to_json(held->inputs)}});
}

Response list_actions(Call& call) {
  auto org = organization_for(call, Need::k_read);
  if (!org) return org.error();
  if (auto bad = only_parameters(call.req, {})) return *bad;
  auto actions = workspace::review_actions(call.ctx.workspace, org->id, call.req.params.at("ref"));
  if (!actions) return problem_from(actions.error());
  json items = json::array();
  for (const auto& a : *actions) items.push_back(codec::to_json(a));
  return ok(json{{"items", items}, {"total", items.size()}});
}

Response add_action(Call& call) {
  auto org = organization_for(call, Need::k_write);
  if (!org) return org.error();
  json body;
  if (auto bad = read_body(call,
                           {{"title", FieldType::k_string, true, 500},
                            {"owner", FieldType::k_string, false, 200},
                            {"due", FieldType::k_string, true, 10},
                            {"description", FieldType::k_string, false, 20000}},
                           body))
    return *bad;
  auto a = workspace::record_review_action(
      call.ctx.workspace, actor(call), call.ctx.catalog(), org->id, call.req.params.at("ref"),
      body["title"].get<std::string>(), body.value("owner", std::string()),
      body["due"].get<std::string>(), body.value("description", std::string()));
  if (!a) return problem_from(a.error());
  return with_etag(ok(codec::to_json(*a), 201), a->version);
}

Response minutes(Call& call) {
  auto org = organization_for(call, Need::k_read);
  if (!org) return org.error();
  if (auto bad = only_parameters(call.req, {"format"})) return *bad;
  auto format = param(call, "format");
  if (format.empty()) format = "html";
  if (format != "html" && format != "xlsx")
    return bad_parameter("format", "format must be html or xlsx");
  const auto& ref = call.req.params.at("ref");
  auto bytes =
      workspace::review_minutes(call.ctx.workspace, call.ctx.catalog(), org->id, ref, format);
  if (!bytes) return problem_from(bytes.error());
  std::string type = format == "html" ? "text/html; charset=utf-8"
                                      : "application/vnd.openxmlformats-officedocument."
                                        "spreadsheetml.sheet";
  Response out{200, type, std::move(*bytes), {}};
  out.headers.emplace_back(
      "Content-Disposition",
      attachment(file_stem(org->name) + "-" + file_stem(ref) + "-minutes." + format));
  return out;
}

}  // namespace

void add_review_routes(Routes& routes) {
  auto user = Access::k_user;
  const std::string r = "/api/v1/organizations/{org}/reviews";
  routes.add("GET", r + "/prepare", user, prepare);
  routes.add("GET", r + "/{ref}/inputs", user, inputs);
  routes.add("POST", r + "/{ref}/hold", user, hold);
  routes.add("GET", r + "/{ref}/actions", user, list_actions);
  routes.add("POST", r + "/{ref}/actions", user, add_action);
  routes.add("GET", r + "/{ref}/minutes", user, minutes);
}

}  // namespace cyberframe::server
