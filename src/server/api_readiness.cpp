// Certification readiness over HTTP (core/readiness.hpp): GET
// /organizations/{org}/isms/readiness, as JSON or, with ?format=csv|html, as an export. The rules
// are core's and the facts the workspace's; the handler parses, checks the role and renders.
#include "codec/readiness_json.hpp"
#include "server/api.hpp"
#include "server/api_workspace.hpp"
#include "util/date.hpp"
#include "workspace/readiness.hpp"

namespace cyberframe::server {

namespace {

std::string param(const Call& call, const std::string& name) {
  auto it = call.req.query.find(name);
  return it == call.req.query.end() ? "" : it->second;
}

Response readiness(Call& call) {
  auto org = organization_for(call, Need::k_read);
  if (!org) return org.error();
  if (auto bad = only_parameters(call.req, {"format", "today"})) return *bad;
  auto format = param(call, "format");
  if (format.empty()) format = "json";
  if (format != "json" && format != "csv" && format != "html")
    return bad_parameter("format", "format must be json, csv or html");
  auto today = param(call, "today");
  if (!today.empty() && !util::day_number(today))
    return bad_parameter("today",
                         "today: '" + today.substr(0, 40) + "' is not a date (YYYY-MM-DD)");
  auto r = workspace::readiness(call.ctx.workspace, call.ctx.catalog(), org->id, today);
  if (!r) return problem_from(r.error());
  if (format == "json") return ok(codec::readiness_to_json(*r, org->name));
  auto bytes = workspace::export_readiness(*r, org->name, format);
  if (!bytes) return problem_from(bytes.error());
  Response out{200,
               format == "html" ? "text/html; charset=utf-8" : "text/csv; charset=utf-8",
               std::move(*bytes),
               {}};
  out.headers.emplace_back("Content-Disposition",
                           attachment(file_stem(org->name) + "-readiness." + format));
  return out;
}

}  // namespace

// Registered before the ISMS registers' routes: "readiness" names no register.
void add_readiness_routes(Routes& routes) {
  routes.add("GET", "/api/v1/organizations/{org}/isms/readiness", Access::k_user, readiness);
}

}  // namespace cyberframe::server
