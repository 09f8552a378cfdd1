#pragma once
// Risk management's use cases (docs/risk.md), for the API and the command line alike: risk
// criteria, assets, own controls, the risk register, the risk owner's decisions, the Statement of
// Applicability and the traceability checks.
//
// Rules (here once):
// - criteria are the catalog's built-in sets (catalog/risk/) or an organization's own, every
//   change a new version; a risk is scored under the version it names and keeps it until it is
//   re-scored explicitly (rescore_risk), which shows the levels that move;
// - a risk's scores lie on its criteria's matrix; its treatment's controls exist: an Annex A
//   control of ISO/IEC 27001:2022, an own control of the organization, or an outcome of a
//   framework in the catalog; its assets and actions are the organization's;
// - a decision is bound to the SHA-256 of the risk's material state (core::material_state) and is
//   stale once that changes; acceptances and exceptions expire; nothing is approved by default;
// - the SoA has a row for each of Annex A's 93 controls and each own control; an excluded row
//   needs a justification; a change after approval starts the next version as a draft; the
//   implementation status is derived, never typed: from the organization's current profile on
//   Annex A when it assesses the control, else from the outcomes of its current profiles that
//   cite the control (core/lookup.hpp), against their targets, and the open actions on them.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/catalog.hpp"
#include "core/profile.hpp"
#include "core/risk.hpp"
#include "util/page.hpp"
#include "util/result.hpp"

namespace cyberframe::workspace {

class Workspace;
using util::Result;

inline constexpr const char* k_default_criteria = "cyberframe-5x5";
inline constexpr const char* k_annex_a = "iso-iec-27001-2022-annex-a";

// --- criteria ---
// Built-in (the catalog's) or the workspace's; version 0: the newest.
Result<core::RiskCriteria> find_criteria(Workspace& ws, const core::Catalog& catalog,
                                         const std::string& id, std::int64_t version = 0);
// The built-in sets and the organization's, by id.
Result<std::vector<core::RiskCriteria>> list_criteria(Workspace& ws, const core::Catalog& catalog,
                                                      std::int64_t organization);
// Stores the organization's criteria: a new set (expected_version 0; its id must not be a
// built-in set's or another's) or a new version of its own.
Result<core::RiskCriteria> save_criteria(Workspace& ws, const std::string& actor,
                                         const core::Catalog& catalog, std::int64_t organization,
                                         core::RiskCriteria criteria,
                                         std::int64_t expected_version);

// --- assets ---
Result<core::Asset> create_asset(Workspace& ws, const std::string& actor, std::int64_t organization,
                                 core::Asset asset);
// `asset.version` is the version read.
Result<core::Asset> update_asset(Workspace& ws, const std::string& actor, std::int64_t organization,
                                 core::Asset asset);
Result<core::Asset> find_asset(Workspace& ws, std::int64_t organization, const std::string& ref);
Result<util::Paged<core::Asset>> list_assets(Workspace& ws, std::int64_t organization,
                                             const core::AssetQuery& query);

// --- own controls ---
Result<core::Control> create_control(Workspace& ws, const std::string& actor,
                                     const core::Catalog& catalog, std::int64_t organization,
                                     core::Control control);
Result<core::Control> update_control(Workspace& ws, const std::string& actor,
                                     const core::Catalog& catalog, std::int64_t organization,
                                     core::Control control);
Result<std::vector<core::Control>> list_controls(Workspace& ws, std::int64_t organization);

// --- risks ---
// The state of a risk's decisions, as a reader needs it.
enum class DecisionState { k_none, k_valid, k_stale, k_expired };
std::string_view to_string(DecisionState s);

struct RiskView {
  core::Risk risk;
  std::string inherent_level, current_level, residual_level;  // level ids ("" unscored)
  bool above_appetite = false;  // the residual (else current, else inherent) level is "treat"
  std::vector<std::string> asset_refs;
  DecisionState plan = DecisionState::k_none;        // the newest plan approval
  DecisionState acceptance = DecisionState::k_none;  // the newest acceptance
  std::string hash;                                  // SHA-256 of material_state
};

// Checks and stores a new risk: criteria (default k_default_criteria) at its newest version.
Result<RiskView> create_risk(Workspace& ws, const std::string& actor, const core::Catalog& catalog,
                             std::int64_t organization, core::Risk risk);
// `risk.version` is the version read; the criteria version stays the one stored.
Result<RiskView> update_risk(Workspace& ws, const std::string& actor, const core::Catalog& catalog,
                             std::int64_t organization, core::Risk risk);
// What re-scoring a risk under the newest version of its criteria changes (the levels before and
// after); `apply` stores it (expected_version is the version read).
struct Rescore {
  RiskView before;
  RiskView after;
  bool changed = false;
};
Result<Rescore> rescore_risk(Workspace& ws, const std::string& actor, const core::Catalog& catalog,
                             std::int64_t organization, const std::string& ref,
                             std::int64_t expected_version, bool apply);
Result<RiskView> find_risk(Workspace& ws, const core::Catalog& catalog, std::int64_t organization,
                           const std::string& ref);
Result<util::Paged<RiskView>> list_risks(Workspace& ws, const core::Catalog& catalog,
                                         std::int64_t organization, const core::RiskQuery& query);
struct HeatMapView {
  core::RiskCriteria criteria;
  core::HeatMap counts;
};
Result<HeatMapView> heat_map(Workspace& ws, const core::Catalog& catalog, std::int64_t organization,
                             const std::string& criteria);

// --- decisions ---
struct DecisionView {
  core::Decision decision;
  std::string risk_ref;
  bool stale = false;
  bool expired = false;
};
Result<DecisionView> decide(Workspace& ws, const std::string& actor, const core::Catalog& catalog,
                            std::int64_t organization, const std::string& risk_ref,
                            core::Decision decision);
Result<DecisionView> revoke_decision(Workspace& ws, const std::string& actor,
                                     std::int64_t organization, std::int64_t id);
// The organization's decisions (or one risk's when `risk_ref` is given), newest first.
Result<std::vector<DecisionView>> list_decisions(Workspace& ws, const core::Catalog& catalog,
                                                 std::int64_t organization,
                                                 const std::string& risk_ref = "");

// --- the Statement of Applicability ---
struct SoaView {
  core::SoaVersion version;  // number 0: nothing stored yet (the draft version 1 would start)
  std::vector<core::SoaLine> lines;  // Annex A in order, then own controls
  std::vector<core::SoaVersion> versions;
};
Result<SoaView> soa(Workspace& ws, const core::Catalog& catalog, std::int64_t organization,
                    int number = 0);
// Changes one row: `row.control` an Annex A control ("A.8.8") or an own control's ref; the
// fields of `row` replace the stored ones; expected_version as read.
Result<core::SoaLine> set_soa_row(Workspace& ws, const std::string& actor,
                                  const core::Catalog& catalog, std::int64_t organization,
                                  core::SoaRow row, std::int64_t expected_version);
Result<core::SoaVersion> approve_soa(Workspace& ws, const std::string& actor,
                                     const core::Catalog& catalog, std::int64_t organization,
                                     int number, const std::string& note);
Result<std::vector<core::SoaRowChange>> soa_diff(Workspace& ws, const core::Catalog& catalog,
                                                 std::int64_t organization, int from, int to);

// --- the figures a board asks for ---
// One computation for the dashboard, `cyberframe risk summary` and the API, so the same figure
// reads the same everywhere.
struct RiskSummary {
  std::size_t open = 0;                         // risks not closed
  std::size_t above_appetite = 0;               // of them
  std::map<std::string, std::size_t> by_level;  // residual (else current, else inherent) level
  std::size_t unscored = 0;
  std::size_t reviews_overdue = 0;     // review date before today
  std::size_t decisions_stale = 0;     // in force, bound to another state of the risk
  std::size_t decisions_expired = 0;   // in force, past their expiry
  std::size_t decisions_expiring = 0;  // in force, expiring within 30 days
  std::size_t plans_unapproved = 0;    // above appetite without a valid approval or acceptance
  core::SoaVersion soa;                // number 0: none stored
  std::size_t findings = 0;            // of check_risks
};
Result<RiskSummary> risk_summary(Workspace& ws, const core::Catalog& catalog,
                                 std::int64_t organization);

// --- baselines per cycle ---
// A dated, frozen copy of the register (every risk, closed ones too, with its levels) and of the
// newest SoA version's rows; the next cycle compares itself with it.
struct RiskBaseline {
  std::int64_t id = 0;
  std::string name;
  std::string taken_at;
  std::string taken_by;
};
Result<RiskBaseline> take_baseline(Workspace& ws, const std::string& actor,
                                   const core::Catalog& catalog, std::int64_t organization,
                                   const std::string& name);
Result<std::vector<RiskBaseline>> list_baselines(Workspace& ws, std::int64_t organization);
// What changed since a baseline: risks new since, closed (or gone) since, and changed (the fields
// that differ: scores, levels, owner, treatment, status, controls), and the SoA rows that changed.
struct RiskChange {
  std::string ref;
  std::string title;
  std::vector<std::string> fields;
};
struct BaselineComparison {
  RiskBaseline baseline;
  std::vector<RiskChange> added, changed, closed;
  std::vector<core::SoaRowChange> soa;
};
Result<BaselineComparison> compare_baseline(Workspace& ws, const core::Catalog& catalog,
                                            std::int64_t organization, const std::string& name);

// --- exchange ---
// The SoA as a document: "html" (print-ready), "csv" or "xlsx" (report/soa.hpp).
Result<std::string> export_soa(Workspace& ws, const core::Catalog& catalog,
                               const core::Organization& organization, int number,
                               const std::string& format);
// The register or the asset inventory as "csv" or "xlsx" (exchange/risk_table.hpp); an export
// imports again unchanged.
Result<std::string> export_risks(Workspace& ws, const core::Catalog& catalog,
                                 std::int64_t organization, const std::string& format,
                                 bool include_closed);
Result<std::string> export_assets(Workspace& ws, std::int64_t organization,
                                  const std::string& format, bool include_retired);

// An import of assets and risks: every bad row named (the file's own rules, then the
// workspace's: refs taken, criteria, scores on the matrix, controls and assets that exist), and
// nothing stored unless every row holds.
struct RegisterImport {
  std::vector<std::string> errors;  // "assets.csv row 4, column kind: ..."
  std::size_t assets = 0;           // stored
  std::size_t risks = 0;
};
// `assets` and `risks` are files' bytes ("" when not given) in `*_format` ("csv" or "xlsx");
// `*_label` names them in errors.
Result<RegisterImport> import_register(Workspace& ws, const std::string& actor,
                                       const core::Catalog& catalog, std::int64_t organization,
                                       std::string_view assets, const std::string& assets_format,
                                       const std::string& assets_label, std::string_view risks,
                                       const std::string& risks_format,
                                       const std::string& risks_label);

// --- traceability ---
// Every finding of the organization's register and SoA (core::FindingKind), `today` as
// YYYY-MM-DD (empty: the clock's).
Result<std::vector<core::TraceFinding>> check_risks(Workspace& ws, const core::Catalog& catalog,
                                                    std::int64_t organization,
                                                    const std::string& today = "");

}  // namespace cyberframe::workspace
