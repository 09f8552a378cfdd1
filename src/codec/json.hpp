#pragma once
// The one JSON form of each core type, used by the API, the CLI's --format json|yaml and the audit
// trail, so that the same record reads the same everywhere (docs/api.md).

#include <nlohmann/json_fwd.hpp>
#include <optional>

#include "core/catalog.hpp"
#include "core/figures.hpp"
#include "core/profile.hpp"
#include "core/workspace_framework.hpp"

namespace cyberframe::codec {

using nlohmann::json;

// A score or level rounded to two decimals (half away from zero), null when there is none.
json score_json(std::optional<double> value);

json to_json(const core::CatalogItemRef& ref);
json to_json(const core::Organization& org);
// A stored framework without its text: framework, title, organization, origin, version, nodes,
// created_at/by, updated_at/by.
json to_json(const core::WorkspaceFramework& framework);
// One version without its text: version, sha256, nodes, created_at, created_by.
json to_json(const core::FrameworkVersion& version);
json to_json(const core::Profile& profile);
json to_json(const core::Evidence& evidence);
json to_json(const core::NodeAssessment& assessment);
json to_json(const core::Action& action);
json to_json(const core::Scale& scale);

// The figures of a profile (core/figures.hpp): coverage (total, not_applicable, applicable,
// assessed, percent), current and target scores, with_target, at_target, at_target_percent,
// open_gaps, mean_gap (null without a target).
json to_json(const core::Figures& figures);

// A frozen assessment of `profile` with its overall score and, in `functions`, each function's
// score in the framework's order: [{id, title, score}].
json to_json(const core::Catalog& catalog, const core::Profile& profile,
             const core::Snapshot& snapshot);

// One ranked gap with the outcome's text; `rank` counts from 1.
json gap_json(const core::Catalog& catalog, const std::string& framework, const core::Gap& gap,
              std::size_t rank);

// A gap report: the profiles compared, the scale, the figures (open_gaps, mean_gap), the
// per-function roll-up in the framework's order, and the ranked gaps (those a filter kept, each
// with its rank in the whole ranking) from `offset`, at most `limit` of them (total says how many
// there are; ranked how many the whole ranking has, owners their owners).
json to_json(const core::Catalog& catalog, const core::GapReport& report, std::size_t offset,
             std::size_t limit);

// A what-if (core::WhatIf): the profiles compared, the scale, the chosen actions, `before` and
// `after` (open_gaps, mean_gap, figures), the functions (id, title, current, with_actions,
// target, gap, gap_with_actions) and the outcomes the actions change (node, title, current,
// with_actions, target, gap, gap_with_actions), in the framework's order.
json to_json(const core::Catalog& catalog, const core::WhatIf& what_if);

}  // namespace cyberframe::codec
