#include "workspace/risks.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "codec/risk_json.hpp"
#include "core/input_rules.hpp"
#include "core/lookup.hpp"
#include "exchange/risk_table.hpp"
#include "report/soa.hpp"
#include "store/store.hpp"
#include "util/clock.hpp"
#include "util/digest.hpp"
#include "util/text.hpp"
#include "workspace/gaps.hpp"
#include "workspace/workspace.hpp"

namespace cyberframe::workspace {

using util::ErrorCode;
using util::fail;

std::string_view to_string(DecisionState s) {
  switch (s) {
    case DecisionState::k_none:
      return "none";
    case DecisionState::k_valid:
      return "valid";
    case DecisionState::k_stale:
      return "stale";
    case DecisionState::k_expired:
      return "expired";
  }
  return "none";
}

namespace {

store::RiskStore& repo(Workspace& ws, const std::string& actor = "") {
  if (!actor.empty()) ws.storage().set_actor(actor);
  return ws.storage().risks();
}

std::string today_utc() {
  return util::now_utc().substr(0, 10);
}

}  // namespace

// --- criteria ----------------------------------------------------------------------------------

Result<core::RiskCriteria> find_criteria(Workspace& ws, const core::Catalog& catalog,
                                         const std::string& id, std::int64_t version) {
  if (const auto* built_in = catalog.risk_criteria(id)) {
    if (version != 0 && version != built_in->version)
      return fail(ErrorCode::k_not_found,
                  "built-in risk criteria '" + id + "' have no version " + std::to_string(version));
    return *built_in;
  }
  auto text = repo(ws).criteria_definition(id, version);
  if (!text) {
    if (text.error().code == ErrorCode::k_not_found)
      return fail(ErrorCode::k_not_found,
                  "no risk criteria '" + id + "'" +
                      (version ? " at version " + std::to_string(version) : std::string()) +
                      " (see 'cyberframe risk criteria list')");
    return std::unexpected(text.error());
  }
  auto json = nlohmann::json::parse(*text, nullptr, false);
  if (json.is_discarded())
    return fail(ErrorCode::k_io, "the stored risk criteria '" + id + "' are not JSON");
  auto criteria = codec::risk_criteria_from_json(json);
  if (!criteria)
    return fail(ErrorCode::k_io, "the stored risk criteria '" + id +
                                     "' cannot be read: " + criteria.error().message);
  criteria->version = json.value("version", std::int64_t{1});
  criteria->organization = json.value("organization", std::int64_t{0});
  criteria->updated_at = json.value("updated_at", "");
  criteria->updated_by = json.value("updated_by", "");
  return criteria;
}

Result<std::vector<core::RiskCriteria>> list_criteria(Workspace& ws, const core::Catalog& catalog,
                                                      std::int64_t organization) {
  std::vector<core::RiskCriteria> out;
  for (const auto* c : catalog.risk_criteria_list()) out.push_back(*c);
  auto own = repo(ws).criteria_list(organization);
  if (!own) return std::unexpected(own.error());
  for (const auto& c : *own) {
    auto full = find_criteria(ws, catalog, c.id);
    if (!full) return std::unexpected(full.error());
    out.push_back(std::move(*full));
  }
  return out;
}

Result<core::RiskCriteria> save_criteria(Workspace& ws, const std::string& actor,
                                         const core::Catalog& catalog, std::int64_t organization,
                                         core::RiskCriteria criteria,
                                         std::int64_t expected_version) {
  if (catalog.risk_criteria(criteria.id))
    return fail(ErrorCode::k_conflict, "'" + criteria.id +
                                           "' are built-in risk criteria: copy them under an id "
                                           "of your own to change them");
  criteria.organization = organization;
  criteria.source.clear();
  criteria.version = expected_version + 1;
  criteria.updated_by = actor;
  criteria.updated_at = util::now_utc();
  if (auto v = core::validate(criteria); !v) return std::unexpected(v.error());
  if (expected_version != 0) {
    auto stored = find_criteria(ws, catalog, criteria.id);
    if (!stored) return std::unexpected(stored.error());
    if (stored->organization != organization)
      return fail(ErrorCode::k_not_found,
                  "no risk criteria '" + criteria.id + "' of the organization");
    // The same criteria again store nothing: a version is a change.
    auto content = [](core::RiskCriteria c) {
      c.version = 0;
      c.updated_at.clear();
      c.updated_by.clear();
      return codec::to_json(c).dump();
    };
    if (stored->version == expected_version && content(*stored) == content(criteria))
      return *stored;
  }
  auto saved =
      repo(ws, actor).save_criteria(criteria, codec::to_json(criteria).dump(), expected_version);
  if (!saved) return std::unexpected(saved.error());
  criteria.version = saved->version;
  return criteria;
}

// --- assets ------------------------------------------------------------------------------------

Result<core::Asset> create_asset(Workspace& ws, const std::string& actor, std::int64_t organization,
                                 core::Asset asset) {
  asset.organization = organization;
  asset.id = 0;
  return repo(ws, actor).create_asset(asset);
}

Result<core::Asset> update_asset(Workspace& ws, const std::string& actor, std::int64_t organization,
                                 core::Asset asset) {
  asset.organization = organization;
  return repo(ws, actor).update_asset(asset);
}

Result<core::Asset> find_asset(Workspace& ws, std::int64_t organization, const std::string& ref) {
  return repo(ws).asset(organization, ref);
}

Result<util::Paged<core::Asset>> list_assets(Workspace& ws, std::int64_t organization,
                                             const core::AssetQuery& query) {
  return repo(ws).assets(organization, query);
}

// --- own controls ------------------------------------------------------------------------------

namespace {

Result<void> check_outcomes(const core::Catalog& catalog, const std::vector<std::string>& outcomes,
                            const std::string& who, const std::string& field = "outcomes") {
  for (const auto& o : outcomes) {
    auto colon = o.find(':');
    if (colon == std::string::npos || !catalog.node(o.substr(0, colon), o.substr(colon + 1)))
      return util::fail_field(ErrorCode::k_invalid_input,
                              who + " names outcome '" + o +
                                  "', which is not FRAMEWORK:NODE of a framework in the catalog",
                              field);
  }
  return {};
}

// The criteria a risk of the organization names: a built-in set or the organization's own (never
// another organization's); anything else is refused at the risk's field "criteria".
Result<core::RiskCriteria> criteria_for(Workspace& ws, const core::Catalog& catalog,
                                        std::int64_t organization, const std::string& id,
                                        std::int64_t version = 0) {
  auto c = find_criteria(ws, catalog, id, version);
  if (!c && c.error().code != ErrorCode::k_not_found) return c;
  if (!c || (c->organization != 0 && c->organization != organization))
    return util::fail_field(ErrorCode::k_invalid_input,
                            "no risk criteria '" + id +
                                "' that the organization can use (see 'cyberframe risk "
                                "criteria list')",
                            "criteria");
  return c;
}

}  // namespace

Result<core::Control> create_control(Workspace& ws, const std::string& actor,
                                     const core::Catalog& catalog, std::int64_t organization,
                                     core::Control control) {
  control.organization = organization;
  if (auto c = check_outcomes(catalog, control.outcomes, "control " + control.ref); !c)
    return std::unexpected(c.error());
  return repo(ws, actor).create_control(control);
}

Result<core::Control> update_control(Workspace& ws, const std::string& actor,
                                     const core::Catalog& catalog, std::int64_t organization,
                                     core::Control control) {
  control.organization = organization;
  if (auto c = check_outcomes(catalog, control.outcomes, "control " + control.ref); !c)
    return std::unexpected(c.error());
  return repo(ws, actor).update_control(control);
}

Result<std::vector<core::Control>> list_controls(Workspace& ws, std::int64_t organization) {
  return repo(ws).controls(organization);
}

// --- risks -------------------------------------------------------------------------------------

namespace {

// Criteria by (id, version), read once per use case.
class CriteriaCache {
 public:
  CriteriaCache(Workspace& ws, const core::Catalog& catalog) : m_ws(ws), m_catalog(catalog) {}
  Result<const core::RiskCriteria*> get(const std::string& id, std::int64_t version) {
    auto key = std::pair{id, version};
    if (auto it = m_cache.find(key); it != m_cache.end()) return &it->second;
    auto c = find_criteria(m_ws, m_catalog, id, version);
    if (!c) return std::unexpected(c.error());
    return &m_cache.emplace(key, std::move(*c)).first->second;
  }

 private:
  Workspace& m_ws;
  const core::Catalog& m_catalog;
  std::map<std::pair<std::string, std::int64_t>, core::RiskCriteria> m_cache;
};

std::string level_of(const core::RiskCriteria& c, const core::RiskScore& s) {
  if (!s.scored()) return "";
  const auto* level = c.level(s.likelihood, s.consequence);
  return level ? level->id : "";
}

DecisionState state_of(const std::vector<core::Decision>& decisions, core::DecisionKind kind,
                       const std::string& hash, const std::string& today) {
  for (const auto& d : decisions) {  // newest first
    if (d.kind != kind || d.revoked) continue;
    if (!d.expires.empty() && d.expires < today) return DecisionState::k_expired;
    if (d.state_hash != hash) return DecisionState::k_stale;
    return DecisionState::k_valid;
  }
  return DecisionState::k_none;
}

Result<RiskView> view_of(Workspace& ws, CriteriaCache& criteria, const core::Risk& risk,
                         const std::vector<core::Decision>* decisions,
                         std::map<std::int64_t, std::string>& asset_refs) {
  RiskView v;
  v.risk = risk;
  auto c = criteria.get(risk.criteria, risk.criteria_version);
  if (!c) return std::unexpected(c.error());
  v.inherent_level = level_of(**c, risk.inherent);
  v.current_level = level_of(**c, risk.current);
  v.residual_level = level_of(**c, risk.residual);
  const std::string& effective = !v.residual_level.empty()  ? v.residual_level
                                 : !v.current_level.empty() ? v.current_level
                                                            : v.inherent_level;
  if (const auto* level = (*c)->find_level(effective))
    v.above_appetite = level->acceptance == core::Acceptance::k_treat;
  for (auto id : risk.assets) {
    auto it = asset_refs.find(id);
    if (it == asset_refs.end()) {
      auto a = repo(ws).asset(id);
      if (!a) return std::unexpected(a.error());
      it = asset_refs.emplace(id, a->ref).first;
    }
    v.asset_refs.push_back(it->second);
  }
  v.hash = util::sha256_hex(core::material_state(risk));
  std::vector<core::Decision> own;
  if (!decisions) {
    auto d = repo(ws).decisions(risk.id);
    if (!d) return std::unexpected(d.error());
    own = std::move(*d);
    decisions = &own;
  }
  auto today = today_utc();
  v.plan = state_of(*decisions, core::DecisionKind::k_plan_approval, v.hash, today);
  v.acceptance = state_of(*decisions, core::DecisionKind::k_acceptance, v.hash, today);
  return v;
}

// The rules of a risk that need the catalog and the store: its criteria, its scores on them, its
// controls exist.
Result<void> check_risk(Workspace& ws, const core::Catalog& catalog, std::int64_t organization,
                        const core::Risk& risk, const core::RiskCriteria& criteria) {
  if (auto v = core::validate(risk, criteria); !v) return v;
  for (const auto& c : risk.controls) {
    switch (c.kind) {
      case core::ControlKind::k_annex_a:
        if (!catalog.node(k_annex_a, c.ref))
          return util::fail_field(ErrorCode::k_invalid_input,
                                  "risk " + risk.ref + ": " + c.ref +
                                      " is not a control of ISO/IEC 27001:2022 Annex A (A.5.1 "
                                      "... A.8.34)",
                                  "controls");
        break;
      case core::ControlKind::k_outcome:
        if (auto o = check_outcomes(catalog, {c.ref}, "risk " + risk.ref, "controls"); !o) return o;
        break;
      case core::ControlKind::k_own: {
        auto own = repo(ws).control(organization, c.ref);
        if (!own) {
          if (own.error().code == ErrorCode::k_not_found)
            return util::fail_field(
                ErrorCode::k_invalid_input,
                "risk " + risk.ref + " names control '" + c.ref +
                    "', which is neither an Annex A control (A.5.1 ... A.8.34), an "
                    "outcome (FRAMEWORK:NODE) nor one of the organization's controls",
                "controls");
          return std::unexpected(own.error());
        }
        break;
      }
    }
  }
  return {};
}

}  // namespace

Result<RiskView> create_risk(Workspace& ws, const std::string& actor, const core::Catalog& catalog,
                             std::int64_t organization, core::Risk risk) {
  risk.organization = organization;
  risk.id = 0;
  if (risk.criteria.empty()) risk.criteria = k_default_criteria;
  auto criteria = criteria_for(ws, catalog, organization, risk.criteria);
  if (!criteria) return std::unexpected(criteria.error());
  risk.criteria_version = criteria->version;
  if (auto c = check_risk(ws, catalog, organization, risk, *criteria); !c)
    return std::unexpected(c.error());
  auto stored = repo(ws, actor).create_risk(risk);
  if (!stored) return std::unexpected(stored.error());
  CriteriaCache cache(ws, catalog);
  std::map<std::int64_t, std::string> refs;
  std::vector<core::Decision> none;
  return view_of(ws, cache, *stored, &none, refs);
}

Result<RiskView> update_risk(Workspace& ws, const std::string& actor, const core::Catalog& catalog,
                             std::int64_t organization, core::Risk risk) {
  risk.organization = organization;
  auto stored = repo(ws).risk(risk.id);
  if (!stored) return std::unexpected(stored.error());
  if (stored->organization != organization)
    return fail(ErrorCode::k_not_found, "no risk " + std::to_string(risk.id));
  if (risk.criteria.empty()) risk.criteria = stored->criteria;
  if (risk.criteria != stored->criteria) {
    // Another set of criteria: scored under its newest version.
    auto newest = criteria_for(ws, catalog, organization, risk.criteria);
    if (!newest) return std::unexpected(newest.error());
    risk.criteria_version = newest->version;
  } else {
    risk.criteria_version = stored->criteria_version;
  }
  auto criteria = find_criteria(ws, catalog, risk.criteria, risk.criteria_version);
  if (!criteria) return std::unexpected(criteria.error());
  if (auto c = check_risk(ws, catalog, organization, risk, *criteria); !c)
    return std::unexpected(c.error());
  auto updated = repo(ws, actor).update_risk(risk);
  if (!updated) return std::unexpected(updated.error());
  CriteriaCache cache(ws, catalog);
  std::map<std::int64_t, std::string> refs;
  return view_of(ws, cache, *updated, nullptr, refs);
}

Result<Rescore> rescore_risk(Workspace& ws, const std::string& actor, const core::Catalog& catalog,
                             std::int64_t organization, const std::string& ref,
                             std::int64_t expected_version, bool apply) {
  auto stored = repo(ws).risk(organization, ref);
  if (!stored) return std::unexpected(stored.error());
  CriteriaCache cache(ws, catalog);
  std::map<std::int64_t, std::string> refs;
  Rescore out;
  auto before = view_of(ws, cache, *stored, nullptr, refs);
  if (!before) return std::unexpected(before.error());
  out.before = *before;
  auto newest = find_criteria(ws, catalog, stored->criteria);
  if (!newest) return std::unexpected(newest.error());
  core::Risk moved = *stored;
  moved.criteria_version = newest->version;
  if (auto v = core::validate(moved, *newest); !v) return std::unexpected(v.error());
  auto after = view_of(ws, cache, moved, nullptr, refs);
  if (!after) return std::unexpected(after.error());
  out.after = *after;
  out.changed = moved.criteria_version != stored->criteria_version;
  if (apply && out.changed) {
    if (expected_version != 0) moved.version = expected_version;
    auto updated = repo(ws, actor).update_risk(moved);
    if (!updated) return std::unexpected(updated.error());
    auto view = view_of(ws, cache, *updated, nullptr, refs);
    if (!view) return std::unexpected(view.error());
    out.after = *view;
  }
  return out;
}

Result<RiskView> find_risk(Workspace& ws, const core::Catalog& catalog, std::int64_t organization,
                           const std::string& ref) {
  auto risk = repo(ws).risk(organization, ref);
  if (!risk) return std::unexpected(risk.error());
  CriteriaCache cache(ws, catalog);
  std::map<std::int64_t, std::string> refs;
  return view_of(ws, cache, *risk, nullptr, refs);
}

Result<util::Paged<RiskView>> list_risks(Workspace& ws, const core::Catalog& catalog,
                                         std::int64_t organization, const core::RiskQuery& query) {
  auto page = repo(ws).risks(organization, query);
  if (!page) return std::unexpected(page.error());
  // The page's decisions and its assets' refs, one query each (not the organization's, nor one
  // query per asset).
  std::vector<std::int64_t> risk_ids, asset_ids;
  for (const auto& r : page->items) {
    risk_ids.push_back(r.id);
    asset_ids.insert(asset_ids.end(), r.assets.begin(), r.assets.end());
  }
  auto decisions = repo(ws).decisions_of(risk_ids);
  if (!decisions) return std::unexpected(decisions.error());
  std::map<std::int64_t, std::vector<core::Decision>> by_risk;
  for (auto& d : *decisions) by_risk[d.risk].push_back(std::move(d));
  CriteriaCache cache(ws, catalog);
  std::ranges::sort(asset_ids);
  asset_ids.erase(std::unique(asset_ids.begin(), asset_ids.end()), asset_ids.end());
  auto asset_refs = repo(ws).asset_refs(asset_ids);
  if (!asset_refs) return std::unexpected(asset_refs.error());
  std::map<std::int64_t, std::string> refs = std::move(*asset_refs);
  util::Paged<RiskView> out;
  out.total = page->total;
  static const std::vector<core::Decision> k_none;
  for (const auto& r : page->items) {
    auto it = by_risk.find(r.id);
    auto v = view_of(ws, cache, r, it == by_risk.end() ? &k_none : &it->second, refs);
    if (!v) return std::unexpected(v.error());
    out.items.push_back(std::move(*v));
  }
  return out;
}

Result<HeatMapView> heat_map(Workspace& ws, const core::Catalog& catalog, std::int64_t organization,
                             const std::string& criteria) {
  auto c =
      criteria_for(ws, catalog, organization, criteria.empty() ? k_default_criteria : criteria);
  if (!c) return std::unexpected(c.error());
  auto counts = repo(ws).heat_map(organization, c->id);
  if (!counts) return std::unexpected(counts.error());
  return HeatMapView{std::move(*c), std::move(*counts)};
}

// --- decisions ---------------------------------------------------------------------------------

namespace {

DecisionView decision_view(const core::Decision& d, const core::Risk& risk,
                           const std::string& today) {
  DecisionView v;
  v.decision = d;
  v.risk_ref = risk.ref;
  v.stale = !d.revoked && d.state_hash != util::sha256_hex(core::material_state(risk));
  v.expired = !d.revoked && !d.expires.empty() && d.expires < today;
  return v;
}

}  // namespace

Result<DecisionView> decide(Workspace& ws, const std::string& actor, const core::Catalog& catalog,
                            std::int64_t organization, const std::string& risk_ref,
                            core::Decision decision) {
  (void)catalog;
  auto risk = repo(ws).risk(organization, risk_ref);
  if (!risk) return std::unexpected(risk.error());
  decision.risk = risk->id;
  decision.decided_at.clear();  // now
  decision.revoked = false;
  decision.state_hash = util::sha256_hex(core::material_state(*risk));
  if (decision.decided_by.empty()) decision.decided_by = actor;
  if (!decision.expires.empty() && decision.expires < today_utc())
    return util::fail_field(ErrorCode::k_invalid_input,
                            "the decision would expire on " + decision.expires + ", which is past",
                            "expires");
  auto stored = repo(ws, actor).add_decision(decision);
  if (!stored) return std::unexpected(stored.error());
  return decision_view(*stored, *risk, today_utc());
}

Result<DecisionView> revoke_decision(Workspace& ws, const std::string& actor,
                                     std::int64_t organization, std::int64_t id) {
  auto all = repo(ws).organization_decisions(organization);
  if (!all) return std::unexpected(all.error());
  auto it = std::ranges::find_if(*all, [&](const auto& d) { return d.id == id; });
  if (it == all->end())
    return fail(ErrorCode::k_not_found,
                "no decision " + std::to_string(id) + " in the organization");
  auto risk = repo(ws).risk(it->risk);
  if (!risk) return std::unexpected(risk.error());
  auto revoked = repo(ws, actor).revoke_decision(id);
  if (!revoked) return std::unexpected(revoked.error());
  return decision_view(*revoked, *risk, today_utc());
}

Result<std::vector<DecisionView>> list_decisions(Workspace& ws, const core::Catalog& catalog,
                                                 std::int64_t organization,
                                                 const std::string& risk_ref) {
  (void)catalog;
  std::vector<core::Decision> decisions;
  if (!risk_ref.empty()) {
    auto risk = repo(ws).risk(organization, risk_ref);
    if (!risk) return std::unexpected(risk.error());
    auto d = repo(ws).decisions(risk->id);
    if (!d) return std::unexpected(d.error());
    decisions = std::move(*d);
  } else {
    auto d = repo(ws).organization_decisions(organization);
    if (!d) return std::unexpected(d.error());
    decisions = std::move(*d);
  }
  std::map<std::int64_t, core::Risk> risks;
  std::vector<DecisionView> out;
  auto today = today_utc();
  for (const auto& d : decisions) {
    auto it = risks.find(d.risk);
    if (it == risks.end()) {
      auto r = repo(ws).risk(d.risk);
      if (!r) return std::unexpected(r.error());
      it = risks.emplace(d.risk, std::move(*r)).first;
    }
    out.push_back(decision_view(d, it->second, today));
  }
  return out;
}

// --- the Statement of Applicability ------------------------------------------------------------

namespace {

// What the organization's assessments say of each control (the implementation rule of the
// header): computed once per SoA.
struct ImplementationSources {
  struct Assessed {
    std::map<std::string, core::NodeAssessment> current;
    std::map<std::string, core::NodeAssessment> target;
    core::Scale scale;
    std::string profile;
  };
  std::map<std::string, Assessed> by_framework;  // the first current profile of each framework
  std::set<std::string> open_action_nodes;       // nodes of planned or in-progress actions
};

Result<ImplementationSources> implementation_sources(Workspace& ws, std::int64_t organization) {
  ImplementationSources out;
  auto profiles = ws.profiles(organization);
  if (!profiles) return std::unexpected(profiles.error());
  for (const auto& p : *profiles) {
    if (p.kind != core::ProfileKind::k_current || out.by_framework.contains(p.framework)) continue;
    ImplementationSources::Assessed a;
    auto nodes = ws.node_assessments(p.id);
    if (!nodes) return std::unexpected(nodes.error());
    a.current = std::move(*nodes);
    auto scale = ws.scale_of(p);
    if (!scale) return std::unexpected(scale.error());
    a.scale = std::move(*scale);
    auto target = target_for(ws, p, "");
    if (!target) return std::unexpected(target.error());
    if (*target) {
      auto t = ws.node_assessments((*target)->id);
      if (!t) return std::unexpected(t.error());
      a.target = std::move(*t);
    }
    a.profile = p.name;
    out.by_framework.emplace(p.framework, std::move(a));
  }
  auto actions = ws.actions(organization);
  if (!actions) return std::unexpected(actions.error());
  for (const auto& a : *actions)
    if (a.status == core::ActionStatus::k_planned || a.status == core::ActionStatus::k_in_progress)
      for (const auto& n : a.nodes) out.open_action_nodes.insert(n);
  return out;
}

// How far the nodes `nodes` of one profile are implemented, with the words of the basis.
std::pair<core::Implementation, std::string> judge(const ImplementationSources::Assessed& a,
                                                   const std::vector<std::string>& nodes,
                                                   const std::set<std::string>& open_actions,
                                                   const std::string& what) {
  int assessed = 0, at_target = 0, above_min = 0;
  bool planned = false;
  for (const auto& n : nodes) {
    if (open_actions.contains(n)) planned = true;
    auto it = a.current.find(n);
    if (it == a.current.end() || !it->second.level) continue;
    ++assessed;
    int level = *it->second.level;
    int target = a.scale.max();
    if (auto t = a.target.find(n); t != a.target.end() && t->second.level)
      target = *t->second.level;
    if (level >= target) ++at_target;
    if (level > a.scale.min()) ++above_min;
  }
  if (assessed == 0)
    return {planned ? core::Implementation::k_planned : core::Implementation::k_not_assessed,
            what + ": not assessed in " + a.profile};
  std::string basis = what + " in " + a.profile + ": " + std::to_string(at_target) + " of " +
                      std::to_string(assessed) + " at target";
  if (at_target == assessed) return {core::Implementation::k_implemented, basis};
  if (above_min > 0) return {core::Implementation::k_partial, basis};
  return {planned ? core::Implementation::k_planned : core::Implementation::k_not_implemented,
          basis};
}

// The outcomes of the frameworks the organization assesses that cite ISO/IEC 27002:2022's
// control of an Annex A control (A.8.8 -> 8.8), by framework.
std::map<std::string, std::vector<std::string>> citing_outcomes(
    const core::Catalog& catalog, const ImplementationSources& sources,
    const std::string& control) {
  std::map<std::string, std::vector<std::string>> out;
  const auto* standard = catalog.standard("iso-iec-27002-2022");
  if (!standard || !control.starts_with("A.")) return out;
  // Only the frameworks assessed are looked through (the catalog holds thousands of nodes).
  std::set<std::string> assessed;
  for (const auto& [framework, a] : sources.by_framework)
    if (framework != k_annex_a) assessed.insert(framework);
  if (assessed.empty()) return out;
  for (const auto& c : core::find_citations(catalog, *standard, control.substr(2), &assessed)) {
    if (!c.framework || !c.node || c.framework->id == k_annex_a) continue;
    if (c.match != core::CitationMatch::k_exact && c.match != core::CitationMatch::k_within)
      continue;
    auto& nodes = out[c.framework->id];
    if (std::ranges::find(nodes, c.node->id) == nodes.end()) nodes.push_back(c.node->id);
  }
  return out;
}

struct SoaContext {
  ImplementationSources sources;
  std::vector<core::Control> own;
  std::map<std::string, std::vector<std::string>> risks_by_control;  // control text -> risk refs
};

Result<SoaContext> soa_context(Workspace& ws, std::int64_t organization) {
  SoaContext ctx;
  auto sources = implementation_sources(ws, organization);
  if (!sources) return std::unexpected(sources.error());
  ctx.sources = std::move(*sources);
  auto own = repo(ws).controls(organization);
  if (!own) return std::unexpected(own.error());
  ctx.own = std::move(*own);
  // The open risks' treatment controls, without reading the risks themselves.
  auto links = repo(ws).treatment_controls(organization);
  if (!links) return std::unexpected(links.error());
  for (auto& [control, refs] : *links) {
    auto& into = ctx.risks_by_control[core::to_string(core::parse_control_link(control))];
    if (into.empty())
      into = std::move(refs);
    else  // another text of the same control
      into.insert(into.end(), refs.begin(), refs.end());
  }
  return ctx;
}

core::SoaLine line_for(const core::Catalog& catalog, const SoaContext& ctx, const core::SoaRow& row,
                       const std::string& title, const std::string& theme, bool own,
                       const std::vector<std::string>& own_outcomes) {
  core::SoaLine line;
  line.row = row;
  line.title = title;
  line.theme = theme;
  line.own = own;
  if (auto it = ctx.risks_by_control.find(row.control); it != ctx.risks_by_control.end())
    line.risks = it->second;
  line.risk_reason = !line.risks.empty();
  // Implementation: the Annex A profile first, then the outcomes that cite the control.
  const auto& by = ctx.sources.by_framework;
  if (!own) {
    if (auto a = by.find(k_annex_a); a != by.end()) {
      auto it = a->second.current.find(row.control);
      if (it != a->second.current.end() && it->second.level) {
        auto [impl, basis] =
            judge(a->second, {row.control}, ctx.sources.open_action_nodes, "Annex A control");
        line.implementation = impl;
        line.implementation_basis = basis;
        return line;
      }
    }
    auto citing = citing_outcomes(catalog, ctx.sources, row.control);
    for (const auto& [framework, nodes] : citing) {
      auto [impl, basis] = judge(by.at(framework), nodes, ctx.sources.open_action_nodes,
                                 std::to_string(nodes.size()) + " outcome" +
                                     (nodes.size() == 1 ? "" : "s") + " of " + framework);
      if (impl == core::Implementation::k_not_assessed) continue;
      line.implementation = impl;
      line.implementation_basis = basis;
      return line;
    }
    line.implementation_basis = "no assessment of the control or of an outcome that cites it";
    return line;
  }
  std::map<std::string, std::vector<std::string>> nodes;
  for (const auto& o : own_outcomes) {
    auto colon = o.find(':');
    if (colon != std::string::npos) nodes[o.substr(0, colon)].push_back(o.substr(colon + 1));
  }
  for (const auto& [framework, list] : nodes) {
    auto a = by.find(framework);
    if (a == by.end()) continue;
    auto [impl, basis] = judge(a->second, list, ctx.sources.open_action_nodes,
                               std::to_string(list.size()) + " outcome" +
                                   (list.size() == 1 ? "" : "s") + " of " + framework);
    if (impl == core::Implementation::k_not_assessed) continue;
    line.implementation = impl;
    line.implementation_basis = basis;
    return line;
  }
  line.implementation_basis = own_outcomes.empty()
                                  ? "the control names no outcome to derive its status from"
                                  : "its outcomes are not assessed";
  return line;
}

// The lines of a version: every Annex A control and own control, stored rows or the defaults.
std::vector<core::SoaLine> lines_of(const core::Catalog& catalog, const SoaContext& ctx,
                                    const std::vector<core::SoaRow>& stored, bool frozen) {
  std::map<std::string, const core::SoaRow*> rows;
  for (const auto& r : stored) rows[r.control] = &r;
  std::vector<core::SoaLine> out;
  std::string theme;
  for (const auto* n : catalog.nodes_in_order(k_annex_a)) {
    if (n->level == core::Level::k_function) {
      theme = n->title;
      continue;
    }
    auto it = rows.find(n->id);
    if (frozen && it == rows.end()) continue;
    core::SoaRow row;
    row.control = n->id;
    if (it != rows.end()) row = *it->second;
    out.push_back(line_for(catalog, ctx, row, n->title, theme, false, {}));
    rows.erase(n->id);
  }
  for (const auto& c : ctx.own) {
    auto it = rows.find(c.ref);
    if (it == rows.end() && (frozen || c.retired)) continue;
    core::SoaRow row;
    row.control = c.ref;
    row.owner = c.owner;
    if (it != rows.end()) row = *it->second;
    out.push_back(line_for(catalog, ctx, row, c.title, "Own controls", true, c.outcomes));
    rows.erase(c.ref);
  }
  // Rows of controls no longer known (a retired own control kept by an approved version).
  for (const auto& [control, row] : rows)
    out.push_back(line_for(catalog, ctx, *row, "", "Own controls", true, {}));
  return out;
}

}  // namespace

Result<SoaView> soa(Workspace& ws, const core::Catalog& catalog, std::int64_t organization,
                    int number) {
  SoaView out;
  auto versions = repo(ws).soa_versions(organization);
  if (!versions) return std::unexpected(versions.error());
  out.versions = std::move(*versions);
  std::vector<core::SoaRow> stored;
  if (!out.versions.empty() || number != 0) {
    auto state = repo(ws).soa(organization, number);
    if (!state) return std::unexpected(state.error());
    out.version = state->version;
    stored = std::move(state->rows);
  }
  auto ctx = soa_context(ws, organization);
  if (!ctx) return std::unexpected(ctx.error());
  out.lines = lines_of(catalog, *ctx, stored,
                       out.version.status == core::SoaStatus::k_approved && out.version.number > 0);
  return out;
}

Result<core::SoaLine> set_soa_row(Workspace& ws, const std::string& actor,
                                  const core::Catalog& catalog, std::int64_t organization,
                                  core::SoaRow row, std::int64_t expected_version) {
  row.control = util::trim(row.control);
  bool annex = catalog.node(k_annex_a, row.control) != nullptr &&
               catalog.node(k_annex_a, row.control)->level != core::Level::k_function;
  if (!annex) {
    auto own = repo(ws).control(organization, row.control);
    if (!own) {
      if (own.error().code == ErrorCode::k_not_found)
        return fail(ErrorCode::k_invalid_input,
                    "'" + row.control +
                        "' is neither an Annex A control (A.5.1 ... A.8.34) nor one of the "
                        "organization's controls");
      return std::unexpected(own.error());
    }
    row.control = own->ref;
  }
  // A justification is for the row's decision: when a row goes from included to excluded (or
  // back) with the words of the other decision, they are dropped, and an exclusion must say why.
  {
    core::SoaRow before;  // as a row never stored reads
    auto current = repo(ws).soa(organization, 0);
    if (!current && current.error().code != ErrorCode::k_not_found)
      return std::unexpected(current.error());
    if (current)
      for (const auto& r : current->rows)
        if (r.control == row.control) before = r;
    if (before.applicable != row.applicable && before.justification == row.justification)
      row.justification.clear();
  }
  if (auto v = core::validate(row); !v) return std::unexpected(v.error());
  auto stored = repo(ws, actor).put_soa_row(organization, row, expected_version);
  if (!stored) return std::unexpected(stored.error());
  // The one line written, derived as the SoA derives it (not the whole SoA again).
  auto ctx = soa_context(ws, organization);
  if (!ctx) return std::unexpected(ctx.error());
  if (annex) {
    const auto* node = catalog.node(k_annex_a, row.control);
    // A control's theme is its first two parts: A.8.8 is under A.8.
    const auto* theme = catalog.node(k_annex_a, row.control.substr(0, row.control.find('.', 2)));
    return line_for(catalog, *ctx, stored->first, node->title, theme ? theme->title : "", false,
                    {});
  }
  for (const auto& c : ctx->own)
    if (c.ref == row.control)
      return line_for(catalog, *ctx, stored->first, c.title, "Own controls", true, c.outcomes);
  return fail(ErrorCode::k_io, "the row of " + row.control + " was stored but cannot be read");
}

Result<core::SoaVersion> approve_soa(Workspace& ws, const std::string& actor,
                                     const core::Catalog& catalog, std::int64_t organization,
                                     int number, const std::string& note) {
  auto current = soa(ws, catalog, organization, 0);
  if (!current) return std::unexpected(current.error());
  if (number == 0) number = current->version.number == 0 ? 1 : current->version.number;
  // Every line must hold before it is frozen: an excluded row has its justification.
  std::vector<core::SoaRow> seed;
  std::vector<std::string> without_reason;
  for (const auto& l : current->lines) {
    if (auto v = core::validate(l.row); !v)
      return fail(ErrorCode::k_invalid_input, "version " + std::to_string(number) +
                                                  " cannot be approved: " + v.error().message);
    if (l.row.applicable && l.row.reasons.empty() && !l.risk_reason)
      without_reason.push_back(l.row.control);
    seed.push_back(l.row);
  }
  // ISO/IEC 27001 6.1.3 d): every included control with the justification of its inclusion.
  if (!without_reason.empty()) {
    std::string list;
    for (std::size_t i = 0; i < without_reason.size() && i < 10; ++i)
      list += (i ? ", " : "") + without_reason[i];
    if (without_reason.size() > 10)
      list += " and " + std::to_string(without_reason.size() - 10) + " more";
    return fail(
        ErrorCode::k_invalid_input,
        "version " + std::to_string(number) + " cannot be approved: " +
            std::to_string(without_reason.size()) + " applicable control" +
            (without_reason.size() == 1 ? " has" : "s have") + " no reason for inclusion (" + list +
            "); give each a reason (soa include --reason) or link it to a risk's treatment");
  }
  return repo(ws, actor).approve_soa(organization, number, note, seed);
}

Result<std::vector<core::SoaRowChange>> soa_diff(Workspace& ws, const core::Catalog& catalog,
                                                 std::int64_t organization, int from, int to) {
  auto a = soa(ws, catalog, organization, from);
  if (!a) return std::unexpected(a.error());
  auto b = soa(ws, catalog, organization, to);
  if (!b) return std::unexpected(b.error());
  std::vector<core::SoaRow> before, after;
  for (const auto& l : a->lines) before.push_back(l.row);
  for (const auto& l : b->lines) after.push_back(l.row);
  return core::diff(before, after);
}

// --- traceability ------------------------------------------------------------------------------

Result<std::vector<core::TraceFinding>> check_risks(Workspace& ws, const core::Catalog& catalog,
                                                    std::int64_t organization,
                                                    const std::string& today_in) {
  auto today = today_in.empty() ? today_utc() : today_in;
  std::vector<core::TraceFinding> out;
  auto view = soa(ws, catalog, organization, 0);
  if (!view) return std::unexpected(view.error());
  std::map<std::string, const core::SoaLine*> lines;
  for (const auto& l : view->lines) lines[l.row.control] = &l;
  core::RiskQuery q;
  q.slice = util::Slice::all();
  auto risks = list_risks(ws, catalog, organization, q);
  if (!risks) return std::unexpected(risks.error());
  auto decisions = list_decisions(ws, catalog, organization);
  if (!decisions) return std::unexpected(decisions.error());
  std::string version = view->version.number
                            ? "version " + std::to_string(view->version.number) + " of the SoA"
                            : "the SoA";
  for (const auto& v : risks->items) {
    const auto& r = v.risk;
    for (const auto& c : r.controls) {
      auto it = lines.find(core::to_string(c));
      if (it != lines.end() && !it->second->row.applicable)
        out.push_back({core::FindingKind::k_excluded_control_in_treatment, r.ref, it->first,
                       it->first + " is excluded in " + version + " (\"" +
                           it->second->row.justification + "\") but risk " + r.ref +
                           "'s treatment relies on it"});
    }
    // Above appetite: treated under an approved plan, or retained under a valid acceptance or
    // exception of the owner; avoiding it ends the risk.
    bool excepted = v.acceptance == DecisionState::k_valid;
    if (!excepted)
      for (const auto& d : *decisions)
        if (d.risk_ref == r.ref && d.decision.kind == core::DecisionKind::k_exception &&
            !d.decision.revoked && !d.stale && !d.expired)
          excepted = true;
    if (v.above_appetite && r.treatment != core::Treatment::k_avoid && !excepted) {
      if (r.controls.empty() && r.actions.empty())
        out.push_back({core::FindingKind::k_untreated_above_appetite, r.ref, "",
                       "risk " + r.ref + " is above the risk appetite (" +
                           (v.residual_level.empty() ? v.current_level : v.residual_level) +
                           ") with no control or action in its treatment plan"});
      else if (v.plan != DecisionState::k_valid)
        out.push_back({core::FindingKind::k_unapproved_plan_above_appetite, r.ref, "",
                       "risk " + r.ref + " is above the risk appetite and its treatment plan " +
                           (v.plan == DecisionState::k_stale ? "changed after the owner approved it"
                                                             : "is not approved by its owner")});
    }
  }
  // Decisions: the newest of each kind per risk that is still in force.
  std::set<std::pair<std::string, core::DecisionKind>> seen;
  for (const auto& d : *decisions) {
    if (d.decision.revoked) continue;
    if (!seen.insert({d.risk_ref, d.decision.kind}).second) continue;
    auto kind = std::string(core::to_string(d.decision.kind));
    if (d.expired)
      out.push_back({core::FindingKind::k_acceptance_expired, d.risk_ref, "",
                     "the " + kind + " of risk " + d.risk_ref + " by " + d.decision.decided_by +
                         " expired on " + d.decision.expires});
    else if (d.stale)
      out.push_back({core::FindingKind::k_decision_stale, d.risk_ref, "",
                     "the " + kind + " of risk " + d.risk_ref + " by " + d.decision.decided_by +
                         " on " + d.decision.decided_at.substr(0, 10) +
                         " is stale: the risk changed materially since"});
  }
  // Controls: implemented by the Annex A profile while the outcomes citing them are below target.
  auto sources = implementation_sources(ws, organization);
  if (!sources) return std::unexpected(sources.error());
  for (const auto& l : view->lines) {
    if (l.own) continue;
    if (l.row.version > 0 && l.row.applicable && l.row.reasons.empty() && !l.risk_reason)
      out.push_back({core::FindingKind::k_applicable_without_reason, "", l.row.control,
                     l.row.control + " is applicable with no reason for its inclusion"});
    if (l.implementation != core::Implementation::k_implemented ||
        !l.implementation_basis.starts_with("Annex A control"))
      continue;
    for (const auto& [framework, nodes] : citing_outcomes(catalog, *sources, l.row.control)) {
      auto [impl, basis] =
          judge(sources->by_framework.at(framework), nodes, {}, "its outcomes of " + framework);
      if (impl == core::Implementation::k_partial ||
          impl == core::Implementation::k_not_implemented)
        out.push_back({core::FindingKind::k_implemented_below_target, "", l.row.control,
                       l.row.control + " is implemented by the Annex A assessment but " + basis});
    }
  }
  return out;
}

}  // namespace cyberframe::workspace

// --- exchange ----------------------------------------------------------------------------------

namespace cyberframe::workspace {

namespace {

Result<exchange::TableFormat> table_format(const std::string& format) {
  if (format == "csv") return exchange::TableFormat::k_csv;
  if (format == "xlsx") return exchange::TableFormat::k_xlsx;
  return fail(ErrorCode::k_invalid_input, "format '" + format + "' is not csv or xlsx");
}

}  // namespace

Result<std::string> export_soa(Workspace& ws, const core::Catalog& catalog,
                               const core::Organization& organization, int number,
                               const std::string& format) {
  auto view = soa(ws, catalog, organization.id, number);
  if (!view) return std::unexpected(view.error());
  report::SoaDocument doc{organization.name, view->version, view->lines, util::now_utc(),
                          organization.scope};
  if (format == "html") return report::soa_html(doc);
  if (format == "csv") return report::soa_csv(doc);
  if (format == "xlsx") {
    auto bytes = report::soa_xlsx(doc);
    if (bytes.empty()) return fail(ErrorCode::k_io, "the XLSX workbook could not be written");
    return bytes;
  }
  return fail(ErrorCode::k_invalid_input, "format '" + format + "' is not html, csv or xlsx");
}

Result<std::string> export_risks(Workspace& ws, const core::Catalog& catalog,
                                 std::int64_t organization, const std::string& format,
                                 bool include_closed) {
  auto f = table_format(format);
  if (!f) return std::unexpected(f.error());
  core::RiskQuery q;
  q.include_closed = include_closed;
  q.slice = util::Slice::all();
  auto page = list_risks(ws, catalog, organization, q);
  if (!page) return std::unexpected(page.error());
  std::vector<exchange::RiskRegisterRow> rows;
  for (const auto& v : page->items)
    rows.push_back({v.risk, v.inherent_level, v.current_level, v.residual_level, v.asset_refs});
  auto bytes = exchange::export_risks(rows, *f);
  if (bytes.empty()) return fail(ErrorCode::k_io, "the register could not be written");
  return bytes;
}

Result<std::string> export_assets(Workspace& ws, std::int64_t organization,
                                  const std::string& format, bool include_retired) {
  auto f = table_format(format);
  if (!f) return std::unexpected(f.error());
  core::AssetQuery q;
  q.include_retired = include_retired;
  q.slice = util::Slice::all();
  auto page = list_assets(ws, organization, q);
  if (!page) return std::unexpected(page.error());
  std::map<std::int64_t, std::string> refs;
  for (const auto& a : page->items) refs[a.id] = a.ref;
  auto ref_of = [&](std::int64_t id) -> Result<std::string> {
    if (auto it = refs.find(id); it != refs.end()) return it->second;
    auto a = repo(ws).asset(id);
    if (!a) return std::unexpected(a.error());
    return refs[id] = a->ref;
  };
  std::vector<exchange::AssetRow> rows;
  for (const auto& a : page->items) {
    exchange::AssetRow row;
    row.asset = a;
    if (a.parent) {
      auto p = ref_of(*a.parent);
      if (!p) return std::unexpected(p.error());
      row.parent_ref = *p;
    }
    for (auto d : a.depends_on) {
      auto r = ref_of(d);
      if (!r) return std::unexpected(r.error());
      row.depends_on_refs.push_back(*r);
    }
    rows.push_back(std::move(row));
  }
  auto bytes = exchange::export_assets(rows, *f);
  if (bytes.empty()) return fail(ErrorCode::k_io, "the asset inventory could not be written");
  return bytes;
}

Result<RegisterImport> import_register(Workspace& ws, const std::string& actor,
                                       const core::Catalog& catalog, std::int64_t organization,
                                       std::string_view assets, const std::string& assets_format,
                                       const std::string& assets_label, std::string_view risks,
                                       const std::string& risks_format,
                                       const std::string& risks_label) {
  RegisterImport out;
  std::vector<exchange::AssetRow> asset_rows;
  std::vector<exchange::RiskRow> risk_rows;
  if (!assets.empty()) {
    auto f = table_format(assets_format);
    if (!f) return std::unexpected(f.error());
    auto parsed = exchange::import_assets(*f, assets);
    for (const auto& e : parsed.errors) out.errors.push_back(assets_label + " " + e.to_string());
    asset_rows = std::move(parsed.rows);
  }
  if (!risks.empty()) {
    auto f = table_format(risks_format);
    if (!f) return std::unexpected(f.error());
    auto parsed = exchange::import_risks(*f, risks);
    for (const auto& e : parsed.errors) out.errors.push_back(risks_label + " " + e.to_string());
    risk_rows = std::move(parsed.rows);
  }
  if (!out.errors.empty()) return out;
  // The workspace's rules, row by row, before anything is written.
  std::set<std::string> file_assets;
  for (const auto& r : asset_rows) {
    auto at = assets_label + " row " + std::to_string(r.line) + ": ";
    if (auto stored = repo(ws).asset(organization, r.asset.ref))
      out.errors.push_back(at + "asset ref '" + r.asset.ref + "' is already used");
    else if (stored.error().code != ErrorCode::k_not_found)
      return std::unexpected(stored.error());
    file_assets.insert(util::caseless_key(util::trim(r.asset.ref)));
  }
  auto known_asset = [&](const std::string& ref) -> Result<bool> {
    if (file_assets.contains(util::caseless_key(util::trim(ref)))) return true;
    auto stored = repo(ws).asset(organization, ref);
    if (stored) return true;
    if (stored.error().code == ErrorCode::k_not_found) return false;
    return std::unexpected(stored.error());
  };
  for (const auto& r : asset_rows) {
    auto at = assets_label + " row " + std::to_string(r.line) + ": ";
    std::vector<std::string> links = r.depends_on_refs;
    if (!r.parent_ref.empty()) links.push_back(r.parent_ref);
    for (const auto& l : links) {
      auto k = known_asset(l);
      if (!k) return std::unexpected(k.error());
      if (!*k) out.errors.push_back(at + "asset '" + l + "' is neither in the file nor stored");
    }
  }
  CriteriaCache cache(ws, catalog);
  for (auto& r : risk_rows) {
    auto at = risks_label + " row " + std::to_string(r.line) + ": ";
    if (auto stored = repo(ws).risk(organization, r.risk.ref))
      out.errors.push_back(at + "risk ref '" + r.risk.ref + "' is already used");
    else if (stored.error().code != ErrorCode::k_not_found)
      return std::unexpected(stored.error());
    if (r.risk.criteria.empty()) r.risk.criteria = k_default_criteria;
    auto c = criteria_for(ws, catalog, organization, r.risk.criteria);
    if (!c) {
      out.errors.push_back(at + c.error().message);
      continue;
    }
    r.risk.criteria_version = c->version;
    r.risk.organization = organization;
    if (auto v = check_risk(ws, catalog, organization, r.risk, *c); !v)
      out.errors.push_back(at + v.error().message);
    for (const auto& ref : r.asset_refs) {
      auto k = known_asset(ref);
      if (!k) return std::unexpected(k.error());
      if (!*k) out.errors.push_back(at + "asset '" + ref + "' is neither in the file nor stored");
    }
  }
  if (!out.errors.empty()) return out;
  std::vector<core::Asset> plain;
  std::vector<std::pair<std::string, std::vector<std::string>>> links;
  for (const auto& r : asset_rows) {
    plain.push_back(r.asset);
    links.emplace_back(r.parent_ref, r.depends_on_refs);
  }
  std::vector<core::Risk> stored_risks;
  std::vector<std::vector<std::string>> risk_assets;
  for (const auto& r : risk_rows) {
    stored_risks.push_back(r.risk);
    risk_assets.push_back(r.asset_refs);
  }
  auto done =
      repo(ws, actor).import_register(organization, plain, links, stored_risks, risk_assets);
  if (!done) {
    // A rule only the store could tell (two rows racing another writer): named, nothing stored.
    if (done.error().code == ErrorCode::k_io) return std::unexpected(done.error());
    out.errors.push_back(done.error().message);
    return out;
  }
  out.assets = done->first;
  out.risks = done->second;
  return out;
}

}  // namespace cyberframe::workspace

// --- baselines ---------------------------------------------------------------------------------

namespace cyberframe::workspace {

namespace {

// The fields of a risk a baseline compares, as text.
std::map<std::string, std::string> compared_fields(const RiskView& v) {
  auto score = [](const core::RiskScore& s) {
    return std::to_string(s.likelihood) + "x" + std::to_string(s.consequence);
  };
  std::string controls;
  for (const auto& c : v.risk.controls) controls += core::to_string(c) + " ";
  return {{"title", v.risk.title},
          {"owner", v.risk.owner},
          {"criteria", v.risk.criteria + "@" + std::to_string(v.risk.criteria_version)},
          {"inherent", score(v.risk.inherent) + " " + v.inherent_level},
          {"current", score(v.risk.current) + " " + v.current_level},
          {"residual", score(v.risk.residual) + " " + v.residual_level},
          {"treatment", std::string(core::to_string(v.risk.treatment))},
          {"status", std::string(core::to_string(v.risk.status))},
          {"controls", controls},
          {"closed", v.risk.closed ? "yes" : "no"}};
}

}  // namespace

Result<RiskBaseline> take_baseline(Workspace& ws, const std::string& actor,
                                   const core::Catalog& catalog, std::int64_t organization,
                                   const std::string& name) {
  core::RiskQuery q;
  q.include_closed = true;
  q.slice = util::Slice::all();
  auto risks = list_risks(ws, catalog, organization, q);
  if (!risks) return std::unexpected(risks.error());
  nlohmann::json register_json = nlohmann::json::array();
  for (const auto& v : risks->items) {
    auto fields = compared_fields(v);
    register_json.push_back({{"ref", v.risk.ref}, {"fields", fields}});
  }
  nlohmann::json soa_rows = nlohmann::json::array();
  int soa_version = 0;
  auto stored = repo(ws).soa(organization, 0);
  if (stored) {
    soa_version = stored->version.number;
    for (const auto& r : stored->rows) soa_rows.push_back(codec::to_json(r));
  } else if (stored.error().code != ErrorCode::k_not_found) {
    return std::unexpected(stored.error());
  }
  store::Baseline b;
  b.organization = organization;
  b.name = name;
  b.content = nlohmann::json{
      {"format", "cyberframe-risk-baseline 1"},
      {"risks", register_json},
      {"soa_version", soa_version},
      {"soa",
       soa_rows}}.dump();
  auto saved = repo(ws, actor).create_baseline(b);
  if (!saved) return std::unexpected(saved.error());
  return RiskBaseline{saved->id, saved->name, saved->taken_at, saved->taken_by};
}

Result<std::vector<RiskBaseline>> list_baselines(Workspace& ws, std::int64_t organization) {
  auto list = repo(ws).baselines(organization);
  if (!list) return std::unexpected(list.error());
  std::vector<RiskBaseline> out;
  for (const auto& b : *list) out.push_back({b.id, b.name, b.taken_at, b.taken_by});
  return out;
}

Result<BaselineComparison> compare_baseline(Workspace& ws, const core::Catalog& catalog,
                                            std::int64_t organization, const std::string& name) {
  auto b = repo(ws).baseline(organization, name);
  if (!b) return std::unexpected(b.error());
  auto content = nlohmann::json::parse(b->content, nullptr, false);
  if (content.is_discarded() || !content.contains("risks"))
    return fail(ErrorCode::k_io, "baseline '" + name + "' cannot be read");
  BaselineComparison out;
  out.baseline = {b->id, b->name, b->taken_at, b->taken_by};
  std::map<std::string, std::map<std::string, std::string>> then;
  for (const auto& r : content["risks"])
    then[r["ref"].get<std::string>()] = r["fields"].get<std::map<std::string, std::string>>();
  core::RiskQuery q;
  q.include_closed = true;
  q.slice = util::Slice::all();
  auto now = list_risks(ws, catalog, organization, q);
  if (!now) return std::unexpected(now.error());
  std::set<std::string> seen;
  for (const auto& v : now->items) {
    auto fields = compared_fields(v);
    seen.insert(v.risk.ref);
    auto it = then.find(v.risk.ref);
    if (it == then.end()) {
      if (!v.risk.closed) out.added.push_back({v.risk.ref, v.risk.title, {}});
      continue;
    }
    if (v.risk.closed && it->second["closed"] == "no") {
      out.closed.push_back({v.risk.ref, v.risk.title, {}});
      continue;
    }
    RiskChange change{v.risk.ref, v.risk.title, {}};
    for (const auto& [field, value] : fields)
      if (field != "closed" && it->second[field] != value) change.fields.push_back(field);
    if (!change.fields.empty()) out.changed.push_back(std::move(change));
  }
  for (auto& [ref, fields] : then)
    if (!seen.contains(ref) && fields["closed"] == "no")
      out.closed.push_back({ref, fields["title"], {}});
  // The SoA: the baseline's rows against the newest version's.
  std::vector<core::SoaRow> before, after;
  for (const auto& r : content.value("soa", nlohmann::json::array())) {
    core::SoaRow row;
    row.control = r.value("control", "");
    row.applicable = r.value("applicable", true);
    for (const auto& x : r.value("reasons", nlohmann::json::array()))
      if (auto reason = core::parse_soa_reason(x.get<std::string>())) row.reasons.insert(*reason);
    row.justification = r.value("justification", "");
    row.owner = r.value("owner", "");
    row.notes = r.value("notes", "");
    before.push_back(std::move(row));
  }
  auto stored = repo(ws).soa(organization, 0);
  if (stored)
    after = stored->rows;
  else if (stored.error().code != ErrorCode::k_not_found)
    return std::unexpected(stored.error());
  out.soa = core::diff(before, after);
  return out;
}

}  // namespace cyberframe::workspace

// --- summary -----------------------------------------------------------------------------------

namespace cyberframe::workspace {

Result<RiskSummary> risk_summary(Workspace& ws, const core::Catalog& catalog,
                                 std::int64_t organization) {
  RiskSummary out;
  core::RiskQuery q;
  q.slice = util::Slice::all();
  auto risks = list_risks(ws, catalog, organization, q);
  if (!risks) return std::unexpected(risks.error());
  auto today = today_utc();
  for (const auto& v : risks->items) {
    ++out.open;
    if (v.above_appetite) ++out.above_appetite;
    const auto& level = !v.residual_level.empty()  ? v.residual_level
                        : !v.current_level.empty() ? v.current_level
                                                   : v.inherent_level;
    if (level.empty())
      ++out.unscored;
    else
      ++out.by_level[level];
    if (!v.risk.review_date.empty() && v.risk.review_date < today) ++out.reviews_overdue;
  }
  auto decisions = list_decisions(ws, catalog, organization);
  if (!decisions) return std::unexpected(decisions.error());
  auto in_30_days = util::utc_after(std::chrono::hours(24 * 30)).substr(0, 10);
  std::set<std::pair<std::string, core::DecisionKind>> seen;
  for (const auto& d : *decisions) {
    if (d.decision.revoked || !seen.insert({d.risk_ref, d.decision.kind}).second) continue;
    if (d.expired)
      ++out.decisions_expired;
    else if (d.stale)
      ++out.decisions_stale;
    else if (!d.decision.expires.empty() && d.decision.expires <= in_30_days)
      ++out.decisions_expiring;
  }
  auto findings = check_risks(ws, catalog, organization, today);
  if (!findings) return std::unexpected(findings.error());
  out.findings = findings->size();
  for (const auto& f : *findings)
    if (f.kind == core::FindingKind::k_unapproved_plan_above_appetite ||
        f.kind == core::FindingKind::k_untreated_above_appetite)
      ++out.plans_unapproved;
  auto versions = repo(ws).soa_versions(organization);
  if (!versions) return std::unexpected(versions.error());
  if (!versions->empty()) out.soa = versions->back();
  return out;
}

}  // namespace cyberframe::workspace
