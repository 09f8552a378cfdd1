#include "workspace/risk_json.hpp"

#include <nlohmann/json.hpp>

#include "codec/risk_json.hpp"
#include "report/soa.hpp"

namespace cyberframe::workspace {

using nlohmann::json;

json to_json(const RiskView& view) {
  json j = codec::to_json(view.risk);
  j["inherent_level"] = view.inherent_level;
  j["current_level"] = view.current_level;
  j["residual_level"] = view.residual_level;
  j["above_appetite"] = view.above_appetite;
  j["asset_refs"] = view.asset_refs;
  j["plan"] = std::string(to_string(view.plan));
  j["acceptance"] = std::string(to_string(view.acceptance));
  j["state_hash"] = view.hash;
  return j;
}

json to_json(const DecisionView& view) {
  json j = codec::to_json(view.decision);
  j["risk_ref"] = view.risk_ref;
  j["stale"] = view.stale;
  j["expired"] = view.expired;
  return j;
}

json to_json(const HeatMapView& view) {
  const auto& c = view.criteria;
  json levels = json::array();
  for (const auto& l : c.levels)
    levels.push_back({{"id", l.id},
                      {"name", l.name},
                      {"colour", l.colour},
                      {"acceptance", std::string(core::to_string(l.acceptance))}});
  json likelihood = json::array(), consequence = json::array();
  for (const auto& p : c.likelihood) likelihood.push_back({{"value", p.value}, {"name", p.name}});
  if (!c.consequence_types.empty())
    for (const auto& p : c.consequence_types.front().points)
      consequence.push_back({{"value", p.value}, {"name", p.name}});
  auto cells = [&](const std::map<std::pair<int, int>, std::size_t>& counts) {
    json out = json::array();
    for (int l = 1; l <= c.likelihoods(); ++l)
      for (int k = 1; k <= c.consequences(); ++k) {
        const auto* level = c.level(l, k);
        auto it = counts.find({l, k});
        out.push_back({{"likelihood", l},
                       {"consequence", k},
                       {"level", level ? level->id : ""},
                       {"colour", level ? level->colour : ""},
                       {"count", it == counts.end() ? 0 : it->second}});
      }
    return out;
  };
  return {{"criteria",
           {{"id", c.id},
            {"name", c.name},
            {"version", c.version},
            {"likelihood", likelihood},
            {"consequence", consequence},
            {"levels", levels}}},
          {"inherent", cells(view.counts.inherent)},
          {"current", cells(view.counts.current)},
          {"residual", cells(view.counts.residual)},
          {"unscored", view.counts.unscored}};
}

json soa_summary(const std::vector<core::SoaLine>& lines) {
  // The report's counts (report/soa.hpp): the same figures on every page, file and screen.
  auto c = report::soa_counts(lines);
  return {{"controls", c.controls},
          {"applicable", c.applicable},
          {"excluded", c.excluded},
          {"implementation",
           {{"implemented", c.implemented},
            {"partial", c.partial},
            {"planned", c.planned},
            {"not-implemented", c.not_implemented},
            {"not-assessed", c.not_assessed}}}};
}

json to_json(const SoaView& view, const std::string& organization) {
  json versions = json::array();
  for (const auto& v : view.versions) versions.push_back(codec::to_json(v));
  json lines = json::array();
  for (const auto& l : view.lines) lines.push_back(codec::to_json(l));
  return {{"organization", organization},
          {"version", view.version.number ? codec::to_json(view.version) : json()},
          {"versions", versions},
          {"summary", soa_summary(view.lines)},
          {"lines", lines}};
}

json to_json(const RiskSummary& s) {
  return {{"open", s.open},
          {"above_appetite", s.above_appetite},
          {"by_level", s.by_level},
          {"unscored", s.unscored},
          {"reviews_overdue", s.reviews_overdue},
          {"decisions",
           {{"stale", s.decisions_stale},
            {"expired", s.decisions_expired},
            {"expiring", s.decisions_expiring}}},
          {"plans_unapproved", s.plans_unapproved},
          {"findings", s.findings},
          {"soa",
           {{"version", s.soa.number},
            {"status", s.soa.number ? std::string(core::to_string(s.soa.status)) : ""},
            {"approved_at", s.soa.approved_at}}}};
}

json to_json(const core::TraceFinding& f) {
  return {{"kind", std::string(core::to_string(f.kind))},
          {"risk", f.risk},
          {"control", f.control},
          {"message", f.message}};
}

}  // namespace cyberframe::workspace
