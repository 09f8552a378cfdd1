#pragma once
// Use case: compare a current profile with a target profile (docs/profiles.md, "Gap analysis").
// One rule for every front end: `cyberframe gap`, GET /api/v1/profiles/{id}/gaps, the dashboard,
// the reports and the OSCAL assessment results choose the target and compute the gaps here.

#include <optional>
#include <string>

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

}  // namespace cyberframe::workspace
