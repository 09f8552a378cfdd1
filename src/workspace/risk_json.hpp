#pragma once
// The JSON of risk management's views (workspace/risks.hpp), for the API and the CLI's
// --format json|yaml alike: the record's own JSON (codec/risk_json.hpp) with what is derived.

#include <nlohmann/json_fwd.hpp>

#include "workspace/risks.hpp"

namespace cyberframe::workspace {

// The risk (codec) with inherent_level, current_level, residual_level, above_appetite,
// asset_refs, plan ("none", "valid", "stale", "expired"), acceptance, state_hash.
nlohmann::json to_json(const RiskView& view);
// The decision (codec) with risk_ref, stale, expired.
nlohmann::json to_json(const DecisionView& view);
// {criteria: {id, version, likelihoods, consequences, levels}, inherent|current|residual:
// [{likelihood, consequence, level, colour, count}] for every cell, unscored}.
nlohmann::json to_json(const HeatMapView& view);
// {organization, version (null before anything is stored), versions, summary, lines}.
nlohmann::json to_json(const SoaView& view, const std::string& organization);
// Counts of a SoA's lines: controls, applicable, excluded, and per implementation status.
nlohmann::json soa_summary(const std::vector<core::SoaLine>& lines);
// {open, above_appetite, by_level, unscored, reviews_overdue, decisions: {stale, expired,
// expiring}, plans_unapproved, findings, soa: {version, status, approved_at} (version 0: none)}.
nlohmann::json to_json(const RiskSummary& summary);
// {kind, risk, control, message}.
nlohmann::json to_json(const core::TraceFinding& finding);

}  // namespace cyberframe::workspace
