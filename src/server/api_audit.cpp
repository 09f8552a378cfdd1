// The audit trail over HTTP: reading it (filtered, with each row's changes field by field),
// exporting it and verifying it.
#include <algorithm>
#include <set>

#include "core/audit_changes.hpp"
#include "core/input_rules.hpp"
#include "exchange/profile_table.hpp"
#include "report/report.hpp"
#include "server/api.hpp"
#include "server/api_workspace.hpp"
#include "util/clock.hpp"
#include "util/text.hpp"
#include "workspace/audit_export.hpp"
#include "workspace/gaps.hpp"
#include "workspace/reporting.hpp"

namespace cyberframe::server {

namespace {

// --- audit ---

// The filters of /audit and /audit/export: actor, entity, entity_id, action, from, to.
Answer<core::AuditQuery> audit_filters(const Call& call) {
  const auto& q = call.req.query;
  auto param = [&](const char* name) { return q.contains(name) ? q.at(name) : std::string(); };
  core::AuditQuery query;
  query.actor = param("actor");
  query.entity = param("entity");
  query.entity_id = param("entity_id");
  query.action = param("action");
  for (const auto* name : {"actor", "entity", "entity_id", "action", "from", "to"})
    if (param(name).size() > 1000)
      return std::unexpected(
          problem(400, "Bad query parameter", std::string(name) + " is longer than 1,000 bytes"));
  if (auto period = core::set_audit_period(query, param("from"), param("to")); !period)
    return std::unexpected(problem(400, "Bad query parameter", period.error().message));
  return query;
}

Response audit_log(Call& call) {
  if (!is_administrator(call))
    return problem(403, "Not allowed",
                   "the whole audit trail is for administrators; a record's "
                   "history is on the record");
  const auto& q = call.req.query;
  auto param = [&](const char* name) { return q.contains(name) ? q.at(name) : std::string(); };
  auto query = audit_filters(call);
  if (!query) return query.error();
  query->limit = 100;
  if (auto l = param("limit"); !l.empty()) {
    auto n = whole_number(l);
    if (!n || *n < 1 || *n > 1000)
      return problem(400, "Bad query parameter", "limit must be 1-1000");
    query->limit = static_cast<std::size_t>(*n);
  }
  if (auto b = param("before"); !b.empty()) {
    auto n = whole_number(b);
    if (!n) return problem(400, "Bad query parameter", "before must be an audit row id");
    query->before = *n;
  }
  auto log = call.ctx.workspace.audit_log(*query);
  if (!log) return problem_from(log.error());
  json items = json::array();
  for (auto it = log->rbegin(); it != log->rend(); ++it) items.push_back(audit_json(*it));
  json body{{"items", items}, {"limit", query->limit}};
  body["next_before"] =
      log->size() == query->limit && !log->empty() ? json(log->front().id) : json(nullptr);
  return ok(body);
}

Response audit_export(Call& call) {
  if (!is_administrator(call))
    return problem(403, "Not allowed", "exporting the audit trail is for administrators");
  auto query = audit_filters(call);
  if (!query) return query.error();
  auto it = call.req.query.find("format");
  auto format = workspace::parse_audit_export_format(
      it == call.req.query.end() ? std::string_view("csv") : std::string_view(it->second));
  if (!format) return problem(400, "Bad query parameter", "format must be csv or xlsx");
  auto bytes = workspace::export_audit(call.ctx.workspace, *query, *format);
  if (!bytes) return problem_from(bytes.error());
  bool csv = *format == workspace::AuditExportFormat::k_csv;
  Response out{200,
               csv ? "text/csv; charset=utf-8"
                   : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
               std::move(*bytes),
               {}};
  out.headers.emplace_back(
      "Content-Disposition",
      attachment("audit-trail-" + util::now_utc().substr(0, 10) + (csv ? ".csv" : ".xlsx")));
  return out;
}

Response audit_verify(Call& call) {
  if (!is_administrator(call))
    return problem(403, "Not allowed", "verifying the audit trail is for administrators");
  auto v = call.ctx.workspace.verify_audit();
  if (!v) return problem_from(v.error());
  return ok(json{{"rows", v->rows},
                 {"intact", v->intact},
                 {"first_bad", v->first_bad == 0 ? json(nullptr) : json(v->first_bad)},
                 {"problem", v->problem},
                 {"keyed_from", v->keyed_from},
                 {"anchor_rows", v->anchor_rows}});
}

}  // namespace

void add_audit_routes(Routes& routes) {
  auto user = Access::k_user;
  routes.add("GET", "/api/v1/audit", user, audit_log);
  routes.add("GET", "/api/v1/audit/verify", user, audit_verify);
  routes.add("GET", "/api/v1/audit/export", user, audit_export);
}

}  // namespace cyberframe::server
