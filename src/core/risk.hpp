#pragma once
// Information security risk management (ISO/IEC 27001:2022 6.1.2, 6.1.3, 8.2, 8.3; ISO/IEC
// 27005:2022): risk criteria, assets, threats, the risk register, treatment, the risk owner's
// decisions, the Statement of Applicability and the traceability checks between them
// (docs/risk.md). Plain values and pure functions, no I/O.
//
// Words: a risk's *likelihood* and *consequence* are positions on the criteria's scales (1..N,
// 1..M); the criteria's matrix turns a pair into a *level* (low, medium, ...). A risk is scored
// three times: *inherent* (no controls), *current* (the controls in place) and *residual* (the
// target once its treatment is done). A *decision* is the risk owner's approval of the treatment
// plan, the acceptance of the residual risk, or an exception; it is bound to a hash of the
// risk's material state and goes *stale* when that changes.

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "util/page.hpp"
#include "util/result.hpp"

namespace cyberframe::core {

// --- risk criteria (6.1.2 a) -------------------------------------------------------------------

struct ScalePoint {
  int value = 0;  // 1..N, consecutive
  std::string name;
  std::string meaning;
};

// One consequence type (confidentiality, financial, safety, ...) with its own wording of the
// consequence scale; every type has as many points as the matrix has columns.
struct ConsequenceType {
  std::string id;  // plain id: "confidentiality", "financial"
  std::string name;
  std::vector<ScalePoint> points;
};

// What the organization does with a risk of a level (its appetite): accept it as it is, accept it
// only with the risk owner's recorded acceptance, or treat it.
enum class Acceptance { k_accept, k_owner_approval, k_treat };
std::string_view to_string(Acceptance a);
std::optional<Acceptance> parse_acceptance(std::string_view text);

struct RiskLevel {
  std::string id;  // plain id: "low", "very-high"
  std::string name;
  std::string colour;  // "#RRGGBB"
  Acceptance acceptance = Acceptance::k_treat;
  int review_months = 12;  // how often a risk of this level is reviewed (criteria for assessing)
};

// A set of risk criteria as one version of it. Built-in sets live in the catalog
// (catalog/risk/*.yaml); an organization copies one and edits its own, every change a new version.
struct RiskCriteria {
  std::string id;  // plain id, unique in the workspace with the built-in ones
  std::string name;
  std::int64_t version = 1;
  std::string description;
  std::vector<ScalePoint> likelihood;              // rows of the matrix, 1..N
  std::vector<ConsequenceType> consequence_types;  // at least one; each with M points
  std::vector<RiskLevel> levels;                   // lowest first
  // matrix[l - 1][c - 1] is the id of the level of likelihood l and consequence c.
  std::vector<std::vector<std::string>> matrix;
  std::string assessment_criteria;  // when and how risk assessments are performed (6.1.2 b)
  std::string source;               // provenance of a built-in set; "" for an organization's
  std::int64_t organization = 0;    // 0: built in
  std::string updated_at;
  std::string updated_by;

  int likelihoods() const { return static_cast<int>(likelihood.size()); }
  int consequences() const;
  // The level of a cell; nullptr when the cell is off the matrix.
  const RiskLevel* level(int likelihood, int consequence) const;
  const RiskLevel* find_level(std::string_view id) const;
  // The rank of a level, 0 for the lowest (-1 when unknown).
  int rank(std::string_view level) const;
};

// Whether criteria can be used: ids plain and unique, scales of 2-10 consecutive points from 1,
// at least one consequence type, every type with as many points as the matrix has columns,
// levels unique with a colour "#RRGGBB", a matrix of N rows of M known levels that never falls
// as likelihood or consequence rises. Errors name the place ("matrix row 3, column 2: ...").
util::Result<void> validate(const RiskCriteria& criteria);

// Every problem validate() would report, each with its place, so that a reader of a criteria file
// can point at the line (the catalog loader) and a form at the field. `message` names the criteria
// and the place ("risk criteria acme-4x4: matrix row 3, column 2: ..."); validate() returns the
// first. Indexes are 0-based positions in the vectors of RiskCriteria; -1 means the whole list.
struct CriteriaProblem {
  enum class Part {
    k_criteria,  // the set as a whole
    k_id,
    k_name,
    k_version,
    k_likelihood,        // index: the point (-1: the scale)
    k_consequence_type,  // index: the type (-1: the list); index2: its point (-1: the type)
    k_level,             // index: the level (-1: the list)
    k_matrix,            // index: the row (-1: the matrix); index2: the column (-1: the row)
    k_assessment_criteria,
  };
  Part part = Part::k_criteria;
  int index = -1;
  int index2 = -1;
  std::string message;
};
std::vector<CriteriaProblem> criteria_problems(const RiskCriteria& criteria);

// How two versions of criteria score differently: every cell whose level changed.
struct CellChange {
  int likelihood = 0;
  int consequence = 0;
  std::string before;
  std::string after;
};
std::vector<CellChange> matrix_changes(const RiskCriteria& before, const RiskCriteria& after);

// --- assets ------------------------------------------------------------------------------------

enum class AssetKind {
  // primary
  k_information,
  k_process,
  k_service,
  // supporting
  k_hardware,
  k_software,
  k_network,
  k_people,
  k_site,
  k_supplier,
};
std::string_view to_string(AssetKind kind);
std::optional<AssetKind> parse_asset_kind(std::string_view text);
bool is_primary(AssetKind kind);

struct Asset {
  std::int64_t id = 0;
  std::int64_t organization = 0;
  std::string ref;  // "AS-001": unique in the organization without regard to case
  std::string name;
  AssetKind kind = AssetKind::k_information;
  std::string description;
  std::string owner;
  std::optional<std::int64_t> parent;    // an asset of the same organization
  std::vector<std::int64_t> depends_on;  // assets of the same organization
  int confidentiality = 0;               // security needs 0-4
  int integrity = 0;
  int availability = 0;
  std::optional<int> rto_hours;
  std::optional<int> rpo_hours;
  bool retired = false;
  std::int64_t version = 0;
  std::string updated_at;
  std::string updated_by;
};

// Checks an asset as it will be stored (ref, name, owner, needs 0-4, RTO/RPO >= 0, not its own
// parent or dependency). Links to other assets are checked by the store.
util::Result<void> validate(const Asset& asset);

struct AssetQuery {
  std::string text;  // part of the ref, name or owner, without regard to case
  std::optional<AssetKind> kind;
  std::string owner;  // exact, "" any
  bool include_retired = false;
  util::Slice slice;
};

// --- threats -----------------------------------------------------------------------------------

// A threat of the catalogue (catalog/risk/threats-*.yaml) or of an organization.
struct Threat {
  std::string id;  // "sp800-30:TE-A-12", or an organization's own "T-ORG-1"
  std::string name;
  std::string category;  // adversarial, accidental, structural, environmental
  std::string description;
  std::string source;  // where it comes from (the catalogue's provenance), "" for an organization's
};

struct ThreatCatalogue {
  std::string id;
  std::string title;
  std::string source;   // document, edition, tables
  std::string licence;  // why it may be carried
  std::vector<Threat> threats;
};

// --- the risk register (6.1.2 c-e, 8.2) --------------------------------------------------------

// A likelihood × consequence pair on a criteria's matrix; 0 when not scored.
struct RiskScore {
  int likelihood = 0;
  int consequence = 0;
  bool scored() const { return likelihood > 0 && consequence > 0; }
  bool operator==(const RiskScore&) const = default;
};

enum class Treatment { k_none, k_modify, k_retain, k_avoid, k_share };
std::string_view to_string(Treatment t);
std::optional<Treatment> parse_treatment(std::string_view text);

enum class RiskStatus { k_identified, k_assessed, k_treating, k_treated, k_accepted, k_closed };
std::string_view to_string(RiskStatus s);
std::optional<RiskStatus> parse_risk_status(std::string_view text);

// What a treatment plan is made of: an ISO/IEC 27001:2022 Annex A control ("A.8.8"), one of the
// organization's own controls (its ref), or an outcome of a framework ("FRAMEWORK:NODE").
enum class ControlKind { k_annex_a, k_own, k_outcome };
std::string_view to_string(ControlKind k);
std::optional<ControlKind> parse_control_kind(std::string_view text);

struct ControlLink {
  ControlKind kind = ControlKind::k_annex_a;
  std::string ref;
  bool operator==(const ControlLink&) const = default;
  auto operator<=>(const ControlLink&) const = default;
};

// "A.8.8" is Annex A, "FRAMEWORK:NODE" an outcome, anything else an own control's ref.
ControlLink parse_control_link(std::string_view text);
std::string to_string(const ControlLink& link);

struct Risk {
  std::int64_t id = 0;
  std::int64_t organization = 0;
  std::string ref;  // "R-001": unique in the organization without regard to case
  std::string title;
  std::string description;           // the scenario
  std::vector<std::int64_t> assets;  // assets of the same organization
  std::string threat;                // a threat id of the catalogue, or free text
  std::string vulnerability;
  std::vector<std::string> consequence_types;  // ids of the criteria's consequence types
  std::string criteria;                        // the criteria's id
  std::int64_t criteria_version = 0;           // the version it was scored under
  RiskScore inherent;
  RiskScore current;
  RiskScore residual;  // target once the treatment is done
  std::string owner;
  Treatment treatment = Treatment::k_none;
  RiskStatus status = RiskStatus::k_identified;
  std::string review_date;            // YYYY-MM-DD, "" none
  std::vector<ControlLink> controls;  // the treatment plan's controls
  std::vector<std::int64_t> actions;  // roadmap actions of the plan
  bool closed = false;
  std::int64_t version = 0;
  std::string updated_at;
  std::string updated_by;
};

// Checks a risk against its criteria: ref, title, owner (one line), scores on the matrix,
// consequence types of the criteria, review date real. Links to assets and actions, and the
// controls, are checked by the workspace against the store and the catalog.
util::Result<void> validate(const Risk& risk, const RiskCriteria& criteria);

// The material state a decision is bound to: what the owner saw when deciding (the scores, the
// treatment option and its controls and actions, the criteria version, the owner). The
// description, status and review date are not material.
//
// The text is canonical: the same material fields give the same bytes whatever the order of the
// controls and actions in the record, so its SHA-256 (Decision::state_hash) changes only when one
// of them does. One "key: value" line each, in this order, every line ending in '\n':
//   cyberframe-risk-material 1
//   criteria: ID@VERSION
//   inherent: LxC        (likelihood x consequence; "0x0" when not scored)
//   current: LxC
//   residual: LxC
//   treatment: none|modify|retain|avoid|share
//   control: KIND REF    (one line per distinct control, sorted by kind then ref; none: no line)
//   action: ID           (one line per distinct action, ascending; none: no line)
//   owner: OWNER
std::string material_state(const Risk& risk);

struct RiskQuery {
  std::string text;   // part of the ref, title, owner, threat or vulnerability, caseless
  std::string owner;  // exact, "" any
  std::optional<RiskStatus> status;
  std::optional<Treatment> treatment;
  std::optional<std::int64_t> asset;  // only risks on this asset
  std::string control;                // only risks whose treatment uses this control (its text)
  bool include_closed = false;
  util::Slice slice;
};

// Counts per cell of the matrix: key (likelihood, consequence).
struct HeatMap {
  std::map<std::pair<int, int>, std::size_t> inherent;
  std::map<std::pair<int, int>, std::size_t> current;
  std::map<std::pair<int, int>, std::size_t> residual;
  std::size_t unscored = 0;
};

// --- decisions (6.1.3 f) -----------------------------------------------------------------------

enum class DecisionKind { k_plan_approval, k_acceptance, k_exception };
std::string_view to_string(DecisionKind k);
std::optional<DecisionKind> parse_decision_kind(std::string_view text);

struct Decision {
  std::int64_t id = 0;
  std::int64_t risk = 0;
  DecisionKind kind = DecisionKind::k_plan_approval;
  std::string decided_by;
  std::string decided_at;  // UTC timestamp
  std::string justification;
  std::string expires;     // YYYY-MM-DD; required for acceptances and exceptions
  std::string state_hash;  // SHA-256 of material_state(risk) when decided
  bool revoked = false;
  std::string revoked_by;
  std::string revoked_at;
};

util::Result<void> validate(const Decision& decision);

// --- the organization's own controls -----------------------------------------------------------

struct Control {
  std::int64_t id = 0;
  std::int64_t organization = 0;
  std::string ref;  // "OC-01": unique in the organization, not "A.*"
  std::string title;
  std::string description;
  std::string owner;
  std::vector<std::string> outcomes;  // "FRAMEWORK:NODE" it implements (derives its status)
  bool retired = false;
  std::int64_t version = 0;
  std::string updated_at;
  std::string updated_by;
};
util::Result<void> validate(const Control& control);

// --- the Statement of Applicability (6.1.3 d) --------------------------------------------------

enum class SoaReason { k_risk_treatment, k_legal, k_contractual, k_business, k_interested_party };
std::string_view to_string(SoaReason r);
std::optional<SoaReason> parse_soa_reason(std::string_view text);

// How far a control is implemented, derived from the assessments and actions linked to it.
enum class Implementation {
  k_not_assessed,
  k_not_implemented,
  k_planned,  // not implemented, with an open roadmap action
  k_partial,
  k_implemented,
};
std::string_view to_string(Implementation i);
std::optional<Implementation> parse_implementation(std::string_view text);

// One stored row of a version of the SoA.
struct SoaRow {
  std::string control;  // "A.5.1" or an own control's ref
  bool applicable = true;
  std::set<SoaReason> reasons;
  std::string justification;  // why included (optional) or excluded (required)
  std::string owner;
  std::string notes;
  std::int64_t version = 0;  // of the row (If-Match)
  std::string updated_at;
  std::string updated_by;
};

enum class SoaStatus { k_draft, k_approved };
std::string_view to_string(SoaStatus s);
std::optional<SoaStatus> parse_soa_status(std::string_view text);

struct SoaVersion {
  std::int64_t id = 0;
  std::int64_t organization = 0;
  int number = 0;
  SoaStatus status = SoaStatus::k_draft;
  std::string created_at;
  std::string created_by;
  std::string approved_at;
  std::string approved_by;
  std::string approval_note;
};

util::Result<void> validate(const SoaRow& row);

// A row as shown and exported: the stored row with what is derived from the rest.
struct SoaLine {
  SoaRow row;
  std::string title;
  std::string theme;               // "Organizational controls", or "Own controls"
  bool own = false;                // one of the organization's controls
  std::vector<std::string> risks;  // refs of the risks whose treatment uses it
  bool risk_reason = false;        // the risk-treatment reason follows from those risks
  Implementation implementation = Implementation::k_not_assessed;
  std::string
      implementation_basis;  // where the status comes from ("Annex A profile: level 3 of 4")
};

// Changes between two versions of the SoA.
struct SoaRowChange {
  std::string control;
  std::string change;               // "added", "removed", "changed"
  std::vector<std::string> fields;  // the fields that changed
  std::optional<SoaRow> before;
  std::optional<SoaRow> after;
};
std::vector<SoaRowChange> diff(const std::vector<SoaRow>& before, const std::vector<SoaRow>& after);

// --- traceability (cyberframe risk check) ------------------------------------------------------

enum class FindingKind {
  k_excluded_control_in_treatment,
  k_untreated_above_appetite,
  k_unapproved_plan_above_appetite,
  k_acceptance_expired,
  k_decision_stale,
  k_implemented_below_target,
  k_applicable_without_reason,
};
std::string_view to_string(FindingKind k);
std::optional<FindingKind> parse_finding_kind(std::string_view text);

struct TraceFinding {
  FindingKind kind;
  std::string risk;     // ref, "" when about a control only
  std::string control;  // "", or the control
  std::string message;  // names both
};

}  // namespace cyberframe::core
