#pragma once
// The one JSON form of each type of risk management (core/risk.hpp), for the API, the CLI's
// --format json|yaml and the audit trail; apart from codec/json.hpp so that the widely included
// header stays light. Fields are snake_case; enums are the strings of core::to_string (kind
// "information", treatment "modify", status "treating", implementation "partial", ...); an
// optional number that is not set is null; a timestamp or date not set is "".
//
// Threading: no shared state.

#include <nlohmann/json_fwd.hpp>

#include "core/risk.hpp"
#include "util/budget.hpp"
#include "util/result.hpp"

namespace cyberframe::codec {

using nlohmann::json;

// {likelihood, consequence}, or null when not scored.
json to_json(const core::RiskScore& score);

// Every field of the criteria: id, name, version, description, likelihood [{value, name,
// meaning}], consequence_types [{id, name, points}], levels [{id, name, colour, acceptance,
// review_months}], matrix (rows of level ids, likelihood 1 first), assessment_criteria, source,
// organization, built_in, updated_at, updated_by.
json to_json(const core::RiskCriteria& criteria);

// Criteria as an organization edits them: id, name, description, likelihood, consequence_types,
// levels, matrix and assessment_criteria (required but description and assessment_criteria);
// version, source, organization, built_in, updated_at and updated_by are accepted and ignored (the
// store sets them). Strict: an unknown key, a wrong type or an unknown acceptance is an error
// naming the field's path ("levels[2].acceptance: 'maybe' is not accept, owner-approval or
// treat"); every such error is reported, joined by "; ", with the first path as Error::field.
// The rules of core::validate are not checked here.
util::Result<core::RiskCriteria> risk_criteria_from_json(const json& body);

// The limits of one criteria document read from untrusted text (a file, a request body): 1 MiB,
// 20,000 JSON values, nesting 16, 10,000 bytes in one string. Generous for any real criteria
// (the built-in 5×5 is about 300 values).
util::ParseLimits criteria_limits();
// Reads criteria from JSON text under criteria_limits(), checked while parsing: a syntax error or
// a limit names its line and column; then as risk_criteria_from_json.
util::Result<core::RiskCriteria> risk_criteria_from_text(std::string_view text);

// id, organization, ref, name, kind, primary, description, owner, parent (null), depends_on,
// confidentiality, integrity, availability, rto_hours (null), rpo_hours (null), retired, version,
// updated_at, updated_by.
json to_json(const core::Asset& asset);

// id, name, category, description, source.
json to_json(const core::Threat& threat);

// {kind, ref, text}: text is core::to_string(link) ("A.8.8", "NIST-CSF-2.0:PR.AA-01", "OC-01").
json to_json(const core::ControlLink& link);

// A risk without computed levels: id, organization, ref, title, description, assets,
// threat, vulnerability, consequence_types, criteria, criteria_version, inherent, current,
// residual (each {likelihood, consequence} or null), owner, treatment, status, review_date,
// controls [{kind, ref, text}], actions, closed, version, updated_at, updated_by.
json to_json(const core::Risk& risk);

// id, risk, kind, decided_by, decided_at, justification, expires, state_hash, revoked,
// revoked_by, revoked_at.
json to_json(const core::Decision& decision);

// id, organization, ref, title, description, owner, outcomes, retired, version, updated_at,
// updated_by.
json to_json(const core::Control& control);

// One stored row: control, applicable, reasons (strings, in the order of core::SoaReason),
// justification, owner, notes, version, updated_at, updated_by.
json to_json(const core::SoaRow& row);

// A line as shown: control, title, theme, own, applicable, reasons (as shown: the stated ones plus
// "risk-treatment" when it follows from the risks), stated_reasons (as stored), risk_reason,
// risks (refs), implementation, implementation_basis, justification, owner, notes, version,
// updated_at, updated_by.
json to_json(const core::SoaLine& line);

// id, organization, number, status, created_at, created_by, approved_at, approved_by,
// approval_note.
json to_json(const core::SoaVersion& version);

// control, change ("added", "removed", "changed"), fields, before (a row or null), after.
json to_json(const core::SoaRowChange& change);

// kind, risk, control, message.
json to_json(const core::TraceFinding& finding);

// {inherent, current, residual: [{likelihood, consequence, count}] by likelihood then
// consequence, unscored}.
json to_json(const core::HeatMap& map);

}  // namespace cyberframe::codec
