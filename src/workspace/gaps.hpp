#pragma once
// Use case: compare a current profile with a target profile (docs/profiles.md, "Gap analysis").
// One rule for every front end: `cyberframe gap`, GET /api/v1/profiles/{id}/gaps, the dashboard,
// the reports and the OSCAL assessment results choose the target and compute the gaps here.

#include <cstdint>
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

}  // namespace cyberframe::workspace
