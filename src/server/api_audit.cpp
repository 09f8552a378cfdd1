// The audit trail over HTTP: reading it and verifying it.
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

// --- audit ---

Response audit_log(Call& call) {
  if (!is_administrator(call))
    return problem(403, "Not allowed",
                   "the whole audit trail is for administrators; a record's "
                   "history is on the record");
  const auto& q = call.req.query;
  auto param = [&](const char* name) { return q.contains(name) ? q.at(name) : std::string(); };
  std::size_t limit = 100;
  if (auto l = param("limit"); !l.empty()) {
    auto n = whole_number(l);
    if (!n || *n < 1 || *n > 1000)
      return problem(400, "Bad query parameter", "limit must be 1-1000");
    limit = static_cast<std::size_t>(*n);
  }
  std::int64_t before = 0;
  if (auto b = param("before"); !b.empty()) {
    auto n = whole_number(b);
    if (!n) return problem(400, "Bad query parameter", "before must be an audit row id");
    before = *n;
  }
  auto log = call.ctx.workspace.audit_log(param("entity"), param("entity_id"), limit, before);
  if (!log) return problem_from(log.error());
  json items = json::array();
  for (auto it = log->rbegin(); it != log->rend(); ++it) items.push_back(audit_json(*it));
  json body{{"items", items}, {"limit", limit}};
  body["next_before"] =
      log->size() == limit && !log->empty() ? json(log->front().id) : json(nullptr);
  return ok(body);
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
}

}  // namespace cyberframe::server
