#include "codec/json.hpp"

#include <cmath>
#include <map>
#include <nlohmann/json.hpp>

namespace cyberframe::codec {

json score_json(std::optional<double> value) {
  if (!value) return nullptr;
  return core::api_score(*value);  // hundredths, half away from zero (core/figures.hpp)
}

json to_json(const core::Figures& f) {
  auto percent = [](std::optional<int> p) { return p ? json(*p) : json(nullptr); };
  const auto& c = f.coverage;
  json out{{"coverage",
            {{"total", c.total},
             {"not_applicable", c.not_applicable},
             {"applicable", c.applicable()},
             {"assessed", c.assessed},
             {"percent", percent(core::percent(c.assessed, c.applicable()))}}},
           {"current", score_json(f.current)},
           {"target", nullptr},
           {"with_target", nullptr},
           {"at_target", nullptr},
           {"at_target_percent", nullptr},
           {"open_gaps", nullptr},
           {"mean_gap", nullptr}};
  if (f.has_target) {
    out["target"] = score_json(f.target);
    out["with_target"] = f.with_target;
    out["at_target"] = f.at_target;
    out["at_target_percent"] = percent(core::percent(f.at_target, f.with_target));
    out["open_gaps"] = f.open_gaps;
    out["mean_gap"] = score_json(f.mean_gap);
  }
  return out;
}

json to_json(const core::CatalogItemRef& ref) {
  return json{
      {"kind", ref.kind == core::CatalogItemRef::Kind::k_framework ? "framework" : "standard"},
      {"id", ref.id}};
}

json to_json(const core::Organization& org) {
  return json{{"id", org.id},
              {"name", org.name},
              {"scope", org.scope},
              {"version", org.version},
              {"created_at", org.created_at}};
}

json to_json(const core::Profile& p) {
  return json{{"id", p.id},
              {"organization", p.organization},
              {"name", p.name},
              {"framework", p.framework},
              {"kind", std::string(core::to_string(p.kind))},
              {"scale", p.scale},
              {"version", p.version},
              {"created_at", p.created_at},
              {"updated_at", p.updated_at}};
}

json to_json(const core::Evidence& e) {
  return json{
      {"id", e.id},         {"kind", e.kind}, {"name", e.name},         {"url", e.url},
      {"sha256", e.sha256}, {"size", e.size}, {"added_at", e.added_at}, {"added_by", e.added_by}};
}

json to_json(const core::NodeAssessment& a) {
  json evidence = json::array();
  for (const auto& e : a.evidence) evidence.push_back(to_json(e));
  return json{{"node", a.node},
              {"level", a.level ? json(*a.level) : json(nullptr)},
              {"not_applicable", a.not_applicable},
              {"justification", a.justification},
              {"owner", a.owner},
              {"priority", a.priority},
              {"notes", a.notes},
              {"version", a.version},
              {"updated_at", a.updated_at},
              {"updated_by", a.updated_by},
              {"evidence", evidence}};
}

json to_json(const core::Action& a) {
  return json{{"id", a.id},
              {"organization", a.organization},
              {"title", a.title},
              {"owner", a.owner},
              {"due", a.due},
              {"status", std::string(core::to_string(a.status))},
              {"effort_days", a.effort_days},
              {"target_level", a.target_level},
              {"nodes", a.nodes},
              {"version", a.version}};
}

json to_json(const core::Scale& s) {
  json levels = json::array();
  for (const auto& l : s.levels)
    levels.push_back(json{{"value", l.value}, {"name", l.name}, {"meaning", l.meaning}});
  return json{{"id", s.id}, {"name", s.name}, {"levels", levels}};
}

json to_json(const core::Catalog& cat, const core::Profile& p, const core::Snapshot& s) {
  auto scores = core::roll_up(cat, p.framework, s.assessments);
  json functions = json::array();
  std::optional<double> overall;
  if (const auto* fw = cat.framework(p.framework)) {
    for (const auto& f : fw->nodes)
      functions.push_back(
          json{{"id", f.id}, {"title", f.title}, {"score", score_json(scores[f.id].value)}});
    overall = core::overall_score(*fw, scores);
  }
  return json{{"id", s.id},
              {"name", s.name},
              {"taken_at", s.taken_at},
              {"assessor", s.assessor},
              {"signed_off_by", s.signed_off_by},
              {"overall", score_json(overall)},
              {"functions", functions}};
}

json gap_json(const core::Catalog& cat, const std::string& framework, const core::Gap& g,
              std::size_t rank) {
  const auto* n = cat.node(framework, g.node);
  return json{{"rank", rank},
              {"node", g.node},
              {"title", n ? (n->title.empty() ? n->description : n->title) : ""},
              {"current", score_json(g.current)},
              {"target", score_json(g.target)},
              {"gap", score_json(g.gap)},
              {"priority", g.priority},
              {"score", score_json(g.score)},
              {"owner", g.owner}};
}

json to_json(const core::Catalog& cat, const core::GapReport& r, std::size_t offset,
             std::size_t limit) {
  const auto& framework = r.current.framework;
  json functions = json::array();
  if (const auto* fw = cat.framework(framework)) {
    for (const auto& fn : fw->nodes) {
      auto it = r.gaps.rollup.find(fn.id);
      core::Gap g = it == r.gaps.rollup.end() ? core::Gap{} : it->second;
      functions.push_back(json{{"id", fn.id},
                               {"title", fn.title},
                               {"current", score_json(g.current)},
                               {"target", score_json(g.target)},
                               {"gap", score_json(g.gap)}});
    }
  }
  json items = json::array();
  for (std::size_t i = offset; i < r.gaps.subcategories.size() && items.size() < limit; ++i)
    items.push_back(gap_json(cat, framework, r.gaps.subcategories[i],
                             r.gaps.subcategories[i].rank ? r.gaps.subcategories[i].rank : i + 1));
  return json{{"current", to_json(r.current)},
              {"target", to_json(r.target)},
              {"scale", to_json(r.scale)},
              {"open_gaps", r.gaps.open_gaps},
              {"mean_gap", score_json(r.gaps.mean_gap)},
              {"figures", to_json(r.figures)},
              {"functions", functions},
              {"gaps", items},
              {"total", r.gaps.subcategories.size()},
              {"ranked", r.ranked},
              {"owners", r.owners},
              {"offset", offset},
              {"limit", limit}};
}

json to_json(const core::Catalog& cat, const core::WhatIf& w) {
  const auto& framework = w.before.current.framework;
  auto state = [](const core::GapReport& r) {
    return json{{"open_gaps", r.gaps.open_gaps},
                {"mean_gap", score_json(r.gaps.mean_gap)},
                {"figures", to_json(r.figures)}};
  };
  auto rolled = [](const core::GapReport& r, const std::string& id) {
    auto it = r.gaps.rollup.find(id);
    return it == r.gaps.rollup.end() ? core::Gap{} : it->second;
  };
  json functions = json::array();
  if (const auto* fw = cat.framework(framework)) {
    for (const auto& fn : fw->nodes) {
      auto b = rolled(w.before, fn.id);
      auto a = rolled(w.after, fn.id);
      functions.push_back(json{{"id", fn.id},
                               {"title", fn.title},
                               {"current", score_json(b.current)},
                               {"with_actions", score_json(a.current)},
                               {"target", score_json(b.target)},
                               {"gap", score_json(b.gap)},
                               {"gap_with_actions", score_json(a.gap)}});
    }
  }
  // The outcomes whose level the actions change, in document order (the gap lists are ranked).
  std::map<std::string, const core::Gap*> before_by_node, after_by_node;
  for (const auto& g : w.before.gaps.subcategories) before_by_node[g.node] = &g;
  for (const auto& g : w.after.gaps.subcategories) after_by_node[g.node] = &g;
  json outcomes = json::array();
  for (const auto* n : cat.nodes_in_order(framework)) {
    auto b = before_by_node.find(n->id);
    auto a = after_by_node.find(n->id);
    if (b == before_by_node.end() || a == after_by_node.end()) continue;
    if (b->second->current == a->second->current) continue;
    outcomes.push_back(json{{"node", n->id},
                            {"title", n->title.empty() ? n->description : n->title},
                            {"current", score_json(b->second->current)},
                            {"with_actions", score_json(a->second->current)},
                            {"target", score_json(b->second->target)},
                            {"gap", score_json(b->second->gap)},
                            {"gap_with_actions", score_json(a->second->gap)}});
  }
  json actions = json::array();
  for (const auto& a : w.actions) actions.push_back(to_json(a));
  return json{{"current", to_json(w.before.current)},
              {"target", to_json(w.before.target)},
              {"scale", to_json(w.before.scale)},
              {"actions", actions},
              {"before", state(w.before)},
              {"after", state(w.after)},
              {"functions", functions},
              {"outcomes", outcomes}};
}

json to_json(const core::WorkspaceFramework& f) {
  return json{{"framework", f.framework},       {"title", f.title},
              {"organization", f.organization}, {"origin", std::string(core::to_string(f.origin))},
              {"version", f.version},           {"nodes", f.nodes},
              {"created_at", f.created_at},     {"created_by", f.created_by},
              {"updated_at", f.updated_at},     {"updated_by", f.updated_by}};
}

json to_json(const core::FrameworkVersion& v) {
  return json{{"version", v.version},
              {"sha256", v.sha256},
              {"nodes", v.nodes},
              {"created_at", v.created_at},
              {"created_by", v.created_by}};
}

}  // namespace cyberframe::codec
