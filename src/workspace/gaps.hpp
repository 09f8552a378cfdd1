#pragma once
// Use case: compare a current profile with a target profile (docs/profiles.md, "Gap analysis").
// One rule for every front end: `cyberframe gap`, GET /api/v1/profiles/{id}/gaps, the dashboard,
// the reports and the OSCAL assessment results choose the target and compute the gaps here.

#include <cstdint>
#include <expected>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/figures.hpp"
#include "core/profile.hpp"
#include "util/result.hpp"

namespace cyberframe::workspace {

class Workspace;

// The target profile `current` is compared with. `requested` (a profile name or id) when given:
// it must be a target profile of the same organization on the same framework. Otherwise the
// organization's first target profile by name on the same framework, or nullopt when it has
// none. k_not_found / k_invalid_input errors name the profile.
util::Result<std::optional<core::Profile>> target_for(Workspace& store,
                                                      const core::Profile& current,
                                                      const std::string& requested);

using core::GapReport;

// The gaps of `current` against its target (target_for): k_not_found when the organization has no
// target profile on the framework, k_invalid_input when the profiles use different scales.
util::Result<GapReport> gap_report(Workspace& store, const core::Catalog& catalog,
                                   const core::Profile& current, const std::string& target);

// The figures of one profile on its own (coverage and overall score; no target): what the
// assessment editor shows while it is being filled in. k_not_found when its framework is not in
// the catalog.
util::Result<core::Figures> profile_figures(Workspace& store, const core::Catalog& catalog,
                                            const core::Profile& profile);

using core::WhatIf;

// The roadmap's what-if: the gap report of `current` against its target (as gap_report), and the
// same with the actions `action_ids` done (core::with_actions_done). Every id must be an action
// of the current profile's organization: otherwise k_invalid_input naming each id that is not
// ("no action 99 in this organization", "no actions 7, 99 in this organization"), the same
// answer for an action of another organization as for none. Repeated ids count once; no ids is
// the gap report twice. The one rule behind `cyberframe roadmap what-if` and
// GET /api/v1/profiles/{id}/what-if.
util::Result<WhatIf> what_if(Workspace& store, const core::Catalog& catalog,
                             const core::Profile& current, const std::string& target,
                             const std::vector<std::int64_t>& action_ids);

// Which of the ranked gaps a view, an export or `cyberframe gap` shows (docs/profiles.md,
// "Filtering the gaps"): an outcome is kept when every criterion given holds. The figures, the
// open gaps, the mean gap and the roll-up by function always stay the whole profile's.
struct GapFilter {
  std::string function;           // the outcome lies under this function of the framework
  std::string category;           // ... under this category of the framework
  std::optional<int> priority;    // its priority: 1 high, 2 medium, 3 low
  std::optional<double> min_gap;  // its gap is at least this
  std::string owner;              // its owner is this one, ignoring case
  std::string text;               // in its id, title or description, ignoring case
  bool any() const;
};

// A criterion that cannot be read: the parameter it came from (function, category, priority,
// min_gap, owner, q) and why.
struct GapFilterError {
  std::string parameter;
  std::string message;
};

// Reads a filter from text values keyed by parameter name: function, category (ids of the profile's
// framework, of that level), priority (1-3 or high, medium, low), min_gap (a number from 0 to
// 100 with at most two decimals), owner and q (at most 200 bytes). An empty value is no criterion;
// other names are not looked at.
std::expected<GapFilter, GapFilterError> read_gap_filter(
    const core::Catalog& catalog, const core::Profile& profile,
    const std::map<std::string, std::string>& values);

// Keeps the ranked gaps of `report` that pass `filter`, in rank order, each with its rank in the
// whole ranking; nothing else of the report changes.
void apply(const core::Catalog& catalog, const GapFilter& filter, GapReport& report);

}  // namespace cyberframe::workspace
