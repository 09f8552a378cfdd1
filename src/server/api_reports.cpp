// Reports and the dashboard over HTTP: the figures of an organization's current profile.
#include <algorithm>
#include <set>

#include "core/figures.hpp"
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

// --- reports and the dashboard ---

// The current profile the dashboard and reports show: `?profile=` when given, else the
// organization's first current profile; nullopt when it has none.
Answer<std::optional<core::Profile>> current_profile(Call& call, const core::Organization& org) {
  const auto& q = call.req.query;
  if (auto it = q.find("profile"); it != q.end()) {
    const auto& id = it->second;
    if (!whole_number(id))
      return std::unexpected(
          problem(400, "Bad query parameter", "profile is a profile id (a whole number)"));
    auto p = call.ctx.workspace.profile(id);
    if (!p || p->organization != org.id)
      return std::unexpected(
          problem(404, "Not found", "no profile " + id + " in this organization"));
    if (p->kind != core::ProfileKind::k_current)
      return std::unexpected(problem(422, "Not accepted",
                                     "profile " + id + " is a target profile; give a current one"));
    if (call.ctx.catalog().framework(p->framework) == nullptr)
      return std::unexpected(problem(409, "Framework not loaded",
                                     "profile " + id + " is on framework " + p->framework +
                                         ", which the server's catalog does not hold"));
    return *p;
  }
  auto all = call.ctx.workspace.profiles(org.id);
  if (!all) return std::unexpected(problem_from(all.error()));
  for (const auto& p : *all)
    if (p.kind == core::ProfileKind::k_current && call.ctx.catalog().framework(p.framework))
      return p;
  return std::nullopt;
}

Response get_report(Call& call) {
  auto org = organization_for(call, Need::k_read);
  if (!org) return org.error();
  const auto& audience_text = call.req.params.at("audience");
  auto audience = report::parse_audience(audience_text);
  if (!audience)
    return problem(404, "No such report", "reports are executive, practitioner and management");
  auto current = current_profile(call, *org);
  if (!current) return current.error();
  if (!*current)
    return problem(404, "Nothing to report", "this organization has no current profile yet");
  const auto& cur = *current;
  auto input = workspace::report_input(call.ctx.workspace, call.ctx.catalog(), *cur, "");
  if (!input) return problem_from(input.error());
  auto& in = *input;
  in.generated_at = util::now_utc();
  Response out{200, "text/html; charset=utf-8", report::render_html(in, *audience), {}};
  out.headers.emplace_back("Content-Disposition",
                           attachment(file_stem(org->name) + "-" + audience_text + ".html"));
  return out;
}

Response dashboard(Call& call) {
  auto org = organization_for(call, Need::k_read);
  if (!org) return org.error();
  json out{{"organization", to_json(*org)},
           {"current", nullptr},
           {"target", nullptr},
           {"scale", to_json(core::default_scale())},
           {"functions", json::array()},
           {"categories", json::array()},
           {"trend", json::array()},
           {"top_gaps", json::array()}};
  auto actions = call.ctx.workspace.actions(org->id);
  if (!actions) return problem_from(actions.error());
  auto today = util::now_utc().substr(0, 10);
  std::map<std::string, int> by_status{
      {"planned", 0}, {"in-progress", 0}, {"done", 0}, {"cancelled", 0}};
  int overdue = 0;
  for (const auto& a : *actions) {
    ++by_status[std::string(core::to_string(a.status))];
    bool open =
        a.status == core::ActionStatus::k_planned || a.status == core::ActionStatus::k_in_progress;
    if (open && !a.due.empty() && a.due < today) ++overdue;
  }
  out["roadmap"] = json{{"planned", by_status["planned"]},
                        {"in_progress", by_status["in-progress"]},
                        {"done", by_status["done"]},
                        {"cancelled", by_status["cancelled"]},
                        {"overdue", overdue},
                        {"total", actions->size()}};
  out["coverage"] = json{{"assessed", 0}, {"not_applicable", 0}, {"total", 0}};
  out["figures"] = nullptr;
  auto current = current_profile(call, *org);
  if (!current) return current.error();
  if (!*current) return ok(out);
  const auto& cur = *current;
  const auto& cat = call.ctx.catalog();
  const auto* fw = cat.framework(cur->framework);
  auto scale = call.ctx.workspace.scale(cur->scale);
  if (!scale) return problem_from(scale.error());
  out["scale"] = to_json(*scale);
  out["current"] = to_json(*cur);
  auto c = call.ctx.workspace.node_assessments(cur->id);
  if (!c) return problem_from(c.error());
  std::map<std::string, core::NodeAssessment> t;
  auto target = target_for(call, *cur, "");
  if (!target) return target.error();
  auto tgt = *target;
  if (tgt && tgt->scale != cur->scale) tgt.reset();  // not comparable: shown without a target
  if (tgt) {
    out["target"] = to_json(*tgt);
    auto targeted = call.ctx.workspace.node_assessments(tgt->id);
    if (!targeted) return problem_from(targeted.error());
    t = std::move(*targeted);
  }
  // The figures every view and report shows (core/figures.hpp).
  out["figures"] = codec::to_json(core::figures(cat, *fw, *scale, *c, tgt ? &t : nullptr));
  auto gaps = core::analyse_gaps(cat, cur->framework, *scale, *c, t);
  auto scores = core::roll_up(cat, cur->framework, *c);
  auto entry = [&](const core::Node& n) {
    const auto& g = gaps.rollup[n.id];
    return json{{"id", n.id},
                {"title", n.title},
                {"current", score_json(scores[n.id].value)},
                {"target", tgt ? score_json(g.target) : json(nullptr)},
                {"gap", tgt ? score_json(g.gap) : json(nullptr)}};
  };
  int assessed = 0, not_applicable = 0, total = 0;
  for (const auto& fn : fw->nodes) {
    out["functions"].push_back(entry(fn));
    for (const auto& category : fn.children) {
      if (category.level != core::Level::k_category) continue;
      auto j = entry(category);
      j["function"] = fn.id;
      out["categories"].push_back(j);
    }
    const auto& s = scores[fn.id];
    assessed += s.assessed;
    not_applicable += s.not_applicable;
    total += s.total;
  }
  out["coverage"] =
      json{{"assessed", assessed}, {"not_applicable", not_applicable}, {"total", total}};
  auto snaps = call.ctx.workspace.snapshots(cur->id);
  if (!snaps) return problem_from(snaps.error());
  for (const auto& s : *snaps) out["trend"].push_back(snapshot_json(cat, *cur, s));
  out["overall"] = json{{"current", score_json(core::overall_score(*fw, scores))}};
  if (tgt) {
    int rank = 0;
    for (const auto& g : gaps.subcategories) {
      if (g.gap <= 0 || rank >= 10) break;
      out["top_gaps"].push_back(codec::gap_json(cat, cur->framework, g, ++rank));
    }
    out["open_gaps"] = gaps.open_gaps;
    out["mean_gap"] = score_json(gaps.mean_gap);
  }
  return ok(out);
}

}  // namespace

void add_report_routes(Routes& routes) {
  auto user = Access::k_user;
  routes.add("GET", "/api/v1/organizations/{org}/dashboard", user, dashboard);
  routes.add("GET", "/api/v1/organizations/{org}/reports/{audience}", user, get_report);
}

}  // namespace cyberframe::server
