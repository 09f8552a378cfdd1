#include "workspace/gaps.hpp"

#include <algorithm>
#include <set>

#include "util/text.hpp"
#include "workspace/workspace.hpp"

namespace cyberframe::workspace {

using util::ErrorCode;

util::Result<std::optional<core::Profile>> target_for(Workspace& store,
                                                      const core::Profile& current,
                                                      const std::string& requested) {
  if (!requested.empty()) {
    auto t = store.profile(requested);
    if (!t) return std::unexpected(t.error());
    if (t->organization != current.organization)
      return util::fail(ErrorCode::k_not_found, "no target profile '" + requested +
                                                    "' in the organization of " + current.name);
    if (t->id == current.id)
      return util::fail(ErrorCode::k_invalid_input,
                        "profile '" + current.name + "' cannot be its own target");
    if (t->framework != current.framework)
      return util::fail(ErrorCode::k_invalid_input, "the profiles are on different frameworks (" +
                                                        current.framework + ", " + t->framework +
                                                        "); project one onto the other first");
    return std::optional<core::Profile>(*t);
  }
  auto all = store.profiles(current.organization);
  if (!all) return std::unexpected(all.error());
  // Store::profiles lists by name: the first match is the first by name.
  for (const auto& p : *all) {
    if (p.kind == core::ProfileKind::k_target && p.framework == current.framework &&
        p.id != current.id)
      return std::optional<core::Profile>(p);
  }
  return std::optional<core::Profile>();
}

namespace {

// The gap report with the current profile's assessments as read (what_if projects them).
struct GapReading {
  GapReport report;
  std::map<std::string, core::NodeAssessment> current;
  std::map<std::string, core::NodeAssessment> target;
};

util::Result<GapReading> read_gaps(Workspace& store, const core::Catalog& catalog,
                                   const core::Profile& current, const std::string& target) {
  auto chosen = target_for(store, current, target);
  if (!chosen) return std::unexpected(chosen.error());
  if (!*chosen)
    return util::fail(ErrorCode::k_not_found, "the organization of " + current.name +
                                                  " has no target profile on " + current.framework +
                                                  "; create one (kind target) to see the gaps");
  const auto& t = **chosen;
  if (t.scale != current.scale)
    return util::fail(ErrorCode::k_invalid_input,
                      "the profiles use different scales (" + current.scale + ", " + t.scale + ")");
  auto scale = store.scale(current.scale);
  if (!scale) return std::unexpected(scale.error());
  auto c = store.node_assessments(current.id);
  if (!c) return std::unexpected(c.error());
  auto tr = store.node_assessments(t.id);
  if (!tr) return std::unexpected(tr.error());
  GapReading out{
      {current, t, *scale, core::analyse_gaps(catalog, current.framework, *scale, *c, *tr), {}},
      std::move(*c),
      std::move(*tr)};
  if (const auto* fw = catalog.framework(current.framework))
    out.report.figures = core::figures(catalog, *fw, *scale, out.current, &out.target);
  return out;
}

}  // namespace

util::Result<GapReport> gap_report(Workspace& store, const core::Catalog& catalog,
                                   const core::Profile& current, const std::string& target) {
  auto read = read_gaps(store, catalog, current, target);
  if (!read) return std::unexpected(read.error());
  return std::move(read->report);
}

util::Result<WhatIf> what_if(Workspace& store, const core::Catalog& catalog,
                             const core::Profile& current, const std::string& target,
                             const std::vector<std::int64_t>& action_ids) {
  auto read = read_gaps(store, catalog, current, target);
  if (!read) return std::unexpected(read.error());
  auto all = store.actions(current.organization);
  if (!all) return std::unexpected(all.error());
  std::vector<core::Action> chosen;
  std::vector<std::string> unknown;
  std::set<std::int64_t> seen;
  for (auto id : action_ids) {
    if (!seen.insert(id).second) continue;
    auto it =
        std::find_if(all->begin(), all->end(), [id](const core::Action& a) { return a.id == id; });
    if (it == all->end())
      unknown.push_back(std::to_string(id));
    else
      chosen.push_back(*it);
  }
  if (!unknown.empty())
    return util::fail(ErrorCode::k_invalid_input,
                      std::string(unknown.size() == 1 ? "no action " : "no actions ") +
                          util::join(unknown, ", ") + " in this organization");
  const auto& scale = read->report.scale;
  auto projected = core::with_actions_done(read->current, chosen, scale);
  GapReport after{current,
                  read->report.target,
                  scale,
                  core::analyse_gaps(catalog, current.framework, scale, projected, read->target),
                  {}};
  if (const auto* fw = catalog.framework(current.framework))
    after.figures = core::figures(catalog, *fw, scale, projected, &read->target);
  return WhatIf{std::move(read->report), std::move(after), std::move(chosen)};
}

util::Result<core::Figures> profile_figures(Workspace& store, const core::Catalog& catalog,
                                            const core::Profile& profile) {
  const auto* fw = catalog.framework(profile.framework);
  if (fw == nullptr)
    return util::fail(ErrorCode::k_not_found, "the framework " + profile.framework + " of " +
                                                  profile.name + " is not in the catalog");
  auto scale = store.scale(profile.scale);
  if (!scale) return std::unexpected(scale.error());
  auto rows = store.node_assessments(profile.id);
  if (!rows) return std::unexpected(rows.error());
  return core::figures(catalog, *fw, *scale, *rows, nullptr);
}

}  // namespace cyberframe::workspace
