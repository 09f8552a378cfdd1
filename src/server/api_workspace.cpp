// The workspace over HTTP: organizations, and the routes of every workspace record (profiles,
// the roadmap, reports and the dashboard, the audit trail, each in a file of its own). Each
// handler checks the caller's role in the organization the record belongs to.
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

// The target profile to compare `current` with (workspace::target_for, the rule the CLI follows
// too): `requested` (an id) when given, else the organization's first target profile on the same
// framework; nullopt when it has none.
Answer<std::optional<core::Profile>> target_for(Call& call, const core::Profile& current,
                                                const std::string& requested) {
  if (!requested.empty() && !whole_number(requested))
    return std::unexpected(
        problem(400, "Bad query parameter", "target is a profile id (a whole number)"));
  auto t = workspace::target_for(call.ctx.workspace, current, requested);
  if (!t) return std::unexpected(problem_from(t.error()));
  return *t;
}

// A file name safe inside a quoted Content-Disposition parameter.
std::string attachment(const std::string& name) {
  std::string safe;
  for (unsigned char c : name)
    safe += (c < 0x20 || c == '"' || c == '\\' || c >= 0x7f) ? '_' : static_cast<char>(c);
  return "attachment; filename=\"" + safe + "\"";
}

json snapshot_json(const core::Catalog& cat, const core::Profile& p, const core::Snapshot& s) {
  return codec::to_json(cat, p, s);
}

std::string file_stem(const std::string& name) {
  std::string out;
  for (char c : name) out += std::isalnum(static_cast<unsigned char>(c)) ? c : '-';
  return out.empty() ? "profile" : out;
}

namespace {

// --- organizations ---

Response list_organizations(Call& call) {
  Page page;
  if (auto bad = read_page(call.req, page)) return *bad;
  const auto& user = call.principal->user;
  // An administrator sees every organization; anyone else those of their roles.
  core::OrganizationQuery query{std::nullopt, slice_of(page)};
  if (!user.administrator) {
    query.only.emplace();
    for (const auto& [org, role] : user.roles) query.only->push_back(org);
  }
  auto visible = call.ctx.workspace.organizations(query);
  if (!visible) return problem_from(visible.error());
  return ok(paged_json(*visible, page, [&](const core::Organization& o) {
    auto j = to_json(o);
    auto it = user.roles.find(o.id);
    j["role"] = user.administrator || it == user.roles.end()
                    ? "admin"
                    : std::string(core::to_string(it->second));
    return j;
  }));
}

Response create_organization(Call& call) {
  if (!is_administrator(call))
    return problem(403, "Not allowed", "creating organizations needs an administrator");
  json body;
  if (auto bad = read_body(
          call,
          {{"name", FieldType::k_string, true, 200}, {"scope", FieldType::k_string, false, 4000}},
          body))
    return *bad;
  auto o = call.ctx.workspace.create_organization(actor(call), body["name"].get<std::string>(),
                                                  body.value("scope", std::string()));
  if (!o) return problem_from(o.error());
  return ok(to_json(*o), 201);
}

Response get_organization(Call& call) {
  auto org = organization_for(call, Need::k_read);
  if (!org) return org.error();
  return ok(to_json(*org));
}

}  // namespace

void add_profile_routes(Routes& routes);
void add_roadmap_routes(Routes& routes);
void add_risk_routes(Routes& routes);
void add_readiness_routes(Routes& routes);
void add_isms_routes(Routes& routes);
void add_review_routes(Routes& routes);
void add_measurement_routes(Routes& routes);
void add_document_routes(Routes& routes);
void add_report_routes(Routes& routes);
void add_audit_routes(Routes& routes);
void add_mywork_routes(Routes& routes);

void add_workspace_routes(Routes& routes) {
  auto user = Access::k_user;
  routes.add("GET", "/api/v1/organizations", user, list_organizations);
  routes.add("POST", "/api/v1/organizations", user, create_organization);
  routes.add("GET", "/api/v1/organizations/{org}", user, get_organization);
  add_profile_routes(routes);
  add_roadmap_routes(routes);
  add_risk_routes(routes);
  add_readiness_routes(routes);  // before the registers' {register}
  add_isms_routes(routes);
  add_review_routes(routes);
  add_measurement_routes(routes);
  add_document_routes(routes);
  add_report_routes(routes);
  add_audit_routes(routes);
  add_mywork_routes(routes);
}

}  // namespace cyberframe::server
