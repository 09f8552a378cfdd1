// Risk management's rules (core/risk.hpp): criteria that a matrix can be read from (each fault
// named with its place), the level of a cell, what a new version of criteria scores differently,
// the material state a decision is bound to, the changes between two versions of the Statement of
// Applicability, and the checks of assets, risks, decisions, own controls and SoA rows.

#include <gtest/gtest.h>

#include "core/risk.hpp"

namespace cyberframe::core {
namespace {

// A small valid set: 3 likelihoods × 3 consequences, levels low, medium, high.
RiskCriteria criteria_3x3() {
  RiskCriteria c;
  c.id = "acme-3x3";
  c.name = "ACME 3×3";
  c.version = 2;
  c.likelihood = {{1, "Unlikely", ""}, {2, "Possible", ""}, {3, "Likely", ""}};
  c.consequence_types = {
      {"financial", "Financial", {{1, "Minor", ""}, {2, "Moderate", ""}, {3, "Severe", ""}}},
      {"safety", "Safety", {{1, "No injury", ""}, {2, "Injury", ""}, {3, "Death", ""}}},
  };
  c.levels = {{"low", "Low", "#2e7d32", Acceptance::k_accept, 24},
              {"medium", "Medium", "#f9a825", Acceptance::k_owner_approval, 12},
              {"high", "High", "#c62828", Acceptance::k_treat, 3}};
  c.matrix = {{"low", "low", "medium"}, {"low", "medium", "high"}, {"medium", "high", "high"}};
  return c;
}

std::string refusal(const RiskCriteria& c) {
  auto r = validate(c);
  EXPECT_FALSE(r) << "accepted criteria " << c.id;
  return r ? std::string() : r.error().message;
}

TEST(RiskCriteria, AValidSetIsAccepted) {
  auto c = criteria_3x3();
  EXPECT_TRUE(validate(c));
  EXPECT_TRUE(criteria_problems(c).empty());
  EXPECT_EQ(c.likelihoods(), 3);
  EXPECT_EQ(c.consequences(), 3);
}

TEST(RiskCriteria, AMatrixThatFallsAsLikelihoodRisesIsRefusedAtItsCell) {
  auto c = criteria_3x3();
  c.matrix[2][1] = "low";  // row 3, column 2 below row 2's "medium"
  auto problems = criteria_problems(c);
  ASSERT_FALSE(problems.empty());
  EXPECT_EQ(problems.front().part, CriteriaProblem::Part::k_matrix);
  EXPECT_EQ(problems.front().index, 2);
  EXPECT_EQ(problems.front().index2, 1);
  EXPECT_EQ(refusal(c),
            "risk criteria acme-3x3: matrix row 3, column 2: level 'low' is below 'medium' of "
            "matrix row 2, column 2: a level never falls as likelihood rises");
  EXPECT_EQ(validate(c).error().field, "matrix");
}

TEST(RiskCriteria, AMatrixThatFallsAsConsequenceRisesIsRefused) {
  auto c = criteria_3x3();
  c.matrix[0] = {"medium", "low", "medium"};
  EXPECT_EQ(refusal(c),
            "risk criteria acme-3x3: matrix row 1, column 2: level 'low' is below 'medium' of "
            "matrix row 1, column 1: a level never falls as consequence rises");
}

TEST(RiskCriteria, ARowWithTheWrongNumberOfColumnsIsRefused) {
  auto c = criteria_3x3();
  c.matrix[1].pop_back();
  EXPECT_EQ(refusal(c),
            "risk criteria acme-3x3: matrix row 2 has 2 columns; the consequence scale has 3 "
            "points (one column each, consequence 1 first)");
  c = criteria_3x3();
  c.matrix.pop_back();
  EXPECT_EQ(refusal(c),
            "risk criteria acme-3x3: the matrix has 2 rows; the likelihood scale has 3 points "
            "(one row each, likelihood 1 first)");
}

TEST(RiskCriteria, AConsequenceTypeWithAnotherScaleIsRefused) {
  auto c = criteria_3x3();
  c.consequence_types[1].points.pop_back();
  EXPECT_EQ(refusal(c),
            "risk criteria acme-3x3: consequence type 'safety' has 2 points; 'financial' has 3 "
            "(every type words the same consequence scale, one point per matrix column)");
}

TEST(RiskCriteria, ABadColourIsRefusedNamingTheLevel) {
  auto c = criteria_3x3();
  c.levels[1].colour = "yellow";
  EXPECT_EQ(refusal(c),
            "risk criteria acme-3x3: level 'medium': colour 'yellow' is not \"#RRGGBB\" (for "
            "example \"#2e7d32\")");
  EXPECT_EQ(validate(c).error().field, "levels");
  c.levels[1].colour = "#12345G";
  EXPECT_FALSE(validate(c));
}

TEST(RiskCriteria, DuplicateLevelIdsAreRefused) {
  auto c = criteria_3x3();
  c.levels[2].id = "medium";
  auto problems = criteria_problems(c);
  ASSERT_FALSE(problems.empty());
  EXPECT_EQ(problems.front().message,
            "risk criteria acme-3x3: level 'medium' is listed twice (levels 2 and 3)");
  EXPECT_EQ(problems.front().index, 2);
}

TEST(RiskCriteria, UnknownLevelsInTheMatrixAreNamed) {
  auto c = criteria_3x3();
  c.matrix[0][2] = "severe";
  EXPECT_EQ(refusal(c),
            "risk criteria acme-3x3: matrix row 1, column 3: unknown level 'severe' (the levels "
            "are low, medium, high)");
}

TEST(RiskCriteria, ScalesAreConsecutiveFromOneWithTwoToTenPoints) {
  auto c = criteria_3x3();
  c.likelihood[1].value = 3;
  EXPECT_EQ(refusal(c),
            "risk criteria acme-3x3: likelihood point 2 has the value 3; points are numbered 1, "
            "2, ... lowest first");
  c = criteria_3x3();
  c.likelihood.resize(1);
  c.matrix.resize(1);
  EXPECT_EQ(refusal(c), "risk criteria acme-3x3: likelihood has 1 point; a scale has 2 to 10");
  c = criteria_3x3();
  c.consequence_types.clear();
  EXPECT_NE(refusal(c).find("no consequence type"), std::string::npos);
}

TEST(RiskCriteria, IdsArePlain) {
  auto c = criteria_3x3();
  c.id = "ACME 3x3";
  EXPECT_NE(refusal(c).find("id 'ACME 3x3' is not a plain id"), std::string::npos);
  c = criteria_3x3();
  c.consequence_types[1].id = "financial";
  EXPECT_EQ(refusal(c),
            "risk criteria acme-3x3: consequence type 'financial' is listed twice (types 1 and 2)");
}

TEST(RiskCriteria, LevelLookup) {
  auto c = criteria_3x3();
  ASSERT_NE(c.level(1, 1), nullptr);
  EXPECT_EQ(c.level(1, 1)->id, "low");
  EXPECT_EQ(c.level(2, 3)->id, "high");
  EXPECT_EQ(c.level(3, 1)->id, "medium");
  EXPECT_EQ(c.level(0, 1), nullptr);
  EXPECT_EQ(c.level(4, 1), nullptr);
  EXPECT_EQ(c.level(1, 4), nullptr);
  EXPECT_EQ(c.find_level("high")->acceptance, Acceptance::k_treat);
  EXPECT_EQ(c.find_level("severe"), nullptr);
  EXPECT_EQ(c.rank("low"), 0);
  EXPECT_EQ(c.rank("high"), 2);
  EXPECT_EQ(c.rank("severe"), -1);
}

TEST(RiskCriteria, MatrixChangesNameEveryCellThatScoresDifferently) {
  auto before = criteria_3x3();
  auto after = before;
  after.version = 3;
  EXPECT_TRUE(matrix_changes(before, after).empty());
  after.matrix[1][1] = "high";
  after.matrix[0][2] = "low";
  auto changes = matrix_changes(before, after);
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[0].likelihood, 1);
  EXPECT_EQ(changes[0].consequence, 3);
  EXPECT_EQ(changes[0].before, "medium");
  EXPECT_EQ(changes[0].after, "low");
  EXPECT_EQ(changes[1].likelihood, 2);
  EXPECT_EQ(changes[1].consequence, 2);
  EXPECT_EQ(changes[1].before, "medium");
  EXPECT_EQ(changes[1].after, "high");
}

TEST(RiskCriteria, AGrownMatrixShowsItsNewCellsAsChanges) {
  auto before = criteria_3x3();
  auto after = before;
  after.likelihood.push_back({4, "Almost certain", ""});
  after.matrix.push_back({"high", "high", "high"});
  auto changes = matrix_changes(before, after);
  ASSERT_EQ(changes.size(), 3u);
  for (const auto& c : changes) {
    EXPECT_EQ(c.likelihood, 4);
    EXPECT_EQ(c.before, "");
    EXPECT_EQ(c.after, "high");
  }
}

TEST(RiskEnums, EverySpellingRoundTrips) {
  for (auto s : {"accept", "owner-approval", "treat"})
    EXPECT_EQ(to_string(*parse_acceptance(s)), s);
  for (auto s : {"information", "process", "service", "hardware", "software", "network", "people",
                 "site", "supplier"})
    EXPECT_EQ(to_string(*parse_asset_kind(s)), s);
  for (auto s : {"none", "modify", "retain", "avoid", "share"})
    EXPECT_EQ(to_string(*parse_treatment(s)), s);
  for (auto s : {"identified", "assessed", "treating", "treated", "accepted", "closed"})
    EXPECT_EQ(to_string(*parse_risk_status(s)), s);
  for (auto s : {"annex-a", "own", "outcome"}) EXPECT_EQ(to_string(*parse_control_kind(s)), s);
  for (auto s : {"plan-approval", "acceptance", "exception"})
    EXPECT_EQ(to_string(*parse_decision_kind(s)), s);
  for (auto s :
       {"risk-treatment", "legal-regulatory", "contractual", "business", "interested-party"})
    EXPECT_EQ(to_string(*parse_soa_reason(s)), s);
  for (auto s : {"not-assessed", "not-implemented", "planned", "partial", "implemented"})
    EXPECT_EQ(to_string(*parse_implementation(s)), s);
  for (auto s : {"draft", "approved"}) EXPECT_EQ(to_string(*parse_soa_status(s)), s);
  for (auto s : {"excluded-control-in-treatment", "untreated-above-appetite",
                 "unapproved-plan-above-appetite", "acceptance-expired", "decision-stale",
                 "implemented-below-target", "applicable-without-reason"})
    EXPECT_EQ(to_string(*parse_finding_kind(s)), s);
  EXPECT_FALSE(parse_treatment("mitigate"));
  EXPECT_FALSE(parse_acceptance("Accept"));
  EXPECT_TRUE(is_primary(AssetKind::k_service));
  EXPECT_FALSE(is_primary(AssetKind::k_supplier));
}

TEST(ControlLinks, TheShapeOfTheTextGivesTheKind) {
  EXPECT_EQ(parse_control_link("A.8.8"), (ControlLink{ControlKind::k_annex_a, "A.8.8"}));
  EXPECT_EQ(parse_control_link(" a.5.1 "), (ControlLink{ControlKind::k_annex_a, "A.5.1"}));
  EXPECT_EQ(parse_control_link("nist-csf-2.0:PR.AA-01"),
            (ControlLink{ControlKind::k_outcome, "nist-csf-2.0:PR.AA-01"}));
  EXPECT_EQ(parse_control_link("OC-01"), (ControlLink{ControlKind::k_own, "OC-01"}));
  EXPECT_EQ(parse_control_link("A.Backup").kind, ControlKind::k_own);
  EXPECT_EQ(parse_control_link("A.").kind, ControlKind::k_own);
  for (auto text : {"A.8.8", "nist-csf-2.0:PR.AA-01", "OC-01"})
    EXPECT_EQ(to_string(parse_control_link(text)), text);
}

Risk a_risk() {
  Risk r;
  r.ref = "R-004";
  r.title = "Ransomware encrypts the file server";
  r.description = "Phishing leads to ransomware on the file server.";
  r.owner = "Head of IT";
  r.criteria = "acme-3x3";
  r.criteria_version = 2;
  r.inherent = {3, 3};
  r.current = {2, 3};
  r.residual = {1, 2};
  r.consequence_types = {"financial"};
  r.treatment = Treatment::k_modify;
  r.controls = {parse_control_link("A.8.13"), parse_control_link("A.8.7"),
                parse_control_link("OC-01")};
  r.actions = {12, 7};
  return r;
}

TEST(MaterialState, IsCanonicalText) {
  EXPECT_EQ(material_state(a_risk()),
            "cyberframe-risk-material 1\n"
            "criteria: acme-3x3@2\n"
            "inherent: 3x3\n"
            "current: 2x3\n"
            "residual: 1x2\n"
            "treatment: modify\n"
            "control: annex-a A.8.13\n"
            "control: annex-a A.8.7\n"
            "control: own OC-01\n"
            "action: 7\n"
            "action: 12\n"
            "owner: Head of IT\n");
}

TEST(MaterialState, ChangesWithEveryMaterialFieldAndOnlyThose) {
  const auto base = material_state(a_risk());
  auto same = a_risk();
  same.description = "Another wording of the scenario.";
  same.status = RiskStatus::k_treating;
  same.review_date = "2027-01-31";
  same.title = "Ransomware";
  std::reverse(same.controls.begin(), same.controls.end());
  std::reverse(same.actions.begin(), same.actions.end());
  EXPECT_EQ(material_state(same), base)
      << "description, status, review date and order are not material";

  std::vector<std::pair<std::string, Risk>> changed;
  auto r = a_risk();
  r.residual = {2, 2};
  changed.emplace_back("residual", r);
  r = a_risk();
  r.inherent = {3, 2};
  changed.emplace_back("inherent", r);
  r = a_risk();
  r.current = {3, 3};
  changed.emplace_back("current", r);
  r = a_risk();
  r.treatment = Treatment::k_retain;
  changed.emplace_back("treatment", r);
  r = a_risk();
  r.controls.pop_back();
  changed.emplace_back("controls", r);
  r = a_risk();
  r.actions.push_back(99);
  changed.emplace_back("actions", r);
  r = a_risk();
  r.owner = "CISO";
  changed.emplace_back("owner", r);
  r = a_risk();
  r.criteria_version = 3;
  changed.emplace_back("criteria version", r);
  for (const auto& [what, risk] : changed) EXPECT_NE(material_state(risk), base) << what;
}

TEST(RiskValidation, AScoreOffTheMatrixIsRefusedNamingRiskScoreAndCriteria) {
  auto r = a_risk();
  r.residual = {7, 1};
  auto v = validate(r, criteria_3x3());
  ASSERT_FALSE(v);
  EXPECT_EQ(v.error().message,
            "risk R-004: residual likelihood 7 is off the 3×3 matrix of criteria acme-3x3");
  EXPECT_EQ(v.error().field, "residual");
  r = a_risk();
  r.current = {2, 0};
  v = validate(r, criteria_3x3());
  ASSERT_FALSE(v);
  EXPECT_EQ(v.error().message,
            "risk R-004: current consequence 0 is off the 3×3 matrix of criteria acme-3x3");
}

TEST(RiskValidation, ChecksItsFields) {
  const auto c = criteria_3x3();
  EXPECT_TRUE(validate(a_risk(), c));
  auto unscored = a_risk();
  unscored.inherent = unscored.current = unscored.residual = {};
  EXPECT_TRUE(validate(unscored, c)) << "a risk may be recorded before it is scored";

  auto r = a_risk();
  r.owner = "";
  EXPECT_EQ(validate(r, c).error().message, "risk R-004 owner is empty");
  r = a_risk();
  r.owner = "Jane\nDoe";
  EXPECT_FALSE(validate(r, c));
  r = a_risk();
  r.consequence_types = {"reputation"};
  EXPECT_EQ(validate(r, c).error().message,
            "risk R-004: consequence type 'reputation' is not one of criteria acme-3x3 "
            "(financial, safety)");
  r = a_risk();
  r.review_date = "2026-02-30";
  EXPECT_EQ(validate(r, c).error().field, "review_date");
  r = a_risk();
  r.criteria = "other";
  EXPECT_EQ(validate(r, c).error().field, "criteria");
  r = a_risk();
  r.ref = "";
  EXPECT_EQ(validate(r, c).error().field, "ref");
}

TEST(AssetValidation, ChecksNeedsRecoveryObjectivesAndSelfLinks) {
  Asset a;
  a.id = 5;
  a.ref = "AS-001";
  a.name = "Customer database";
  a.owner = "Head of Sales";
  a.confidentiality = 4;
  a.rto_hours = 4;
  EXPECT_TRUE(validate(a));
  auto b = a;
  b.integrity = 5;
  EXPECT_EQ(validate(b).error().message, "asset AS-001: integrity need 5 is not 0 to 4");
  b = a;
  b.rpo_hours = -1;
  EXPECT_EQ(validate(b).error().field, "rpo_hours");
  b = a;
  b.parent = 5;
  EXPECT_EQ(validate(b).error().message, "asset AS-001 cannot be its own parent");
  b = a;
  b.depends_on = {3, 5};
  EXPECT_EQ(validate(b).error().message, "asset AS-001 cannot depend on itself");
  b = a;
  b.ref = "12";
  EXPECT_FALSE(validate(b)) << "a ref of digits reads as an id";
  b = a;
  b.owner = " ";
  EXPECT_EQ(validate(b).error().field, "owner");
}

Decision a_decision(DecisionKind kind) {
  Decision d;
  d.kind = kind;
  d.decided_by = "Head of IT";
  d.decided_at = "2026-12-07T10:00:00Z";
  d.justification = "Backups are tested monthly; the residual risk is within appetite.";
  d.expires = "2027-06-30";
  return d;
}

TEST(DecisionValidation, AnAcceptanceWithoutExpiryIsRefused) {
  auto d = a_decision(DecisionKind::k_acceptance);
  EXPECT_TRUE(validate(d));
  d.expires = "";
  auto v = validate(d);
  ASSERT_FALSE(v);
  EXPECT_EQ(v.error().field, "expires");
  EXPECT_NE(v.error().message.find("an acceptance needs an expiry date"), std::string::npos);
  auto e = a_decision(DecisionKind::k_exception);
  e.expires = "";
  EXPECT_FALSE(validate(e));
  auto p = a_decision(DecisionKind::k_plan_approval);
  p.expires = "";
  p.justification = "";
  EXPECT_TRUE(validate(p)) << "a plan approval needs neither";
}

TEST(DecisionValidation, ChecksDatesJustificationAndHash) {
  auto d = a_decision(DecisionKind::k_acceptance);
  d.justification = " ";
  EXPECT_EQ(validate(d).error().field, "justification");
  d = a_decision(DecisionKind::k_acceptance);
  d.expires = "2026-12-07";
  EXPECT_EQ(validate(d).error().message,
            "the acceptance expires on 2026-12-07, not after the day it is decided (2026-12-07)");
  d = a_decision(DecisionKind::k_acceptance);
  d.expires = "2027-02-29";
  EXPECT_EQ(validate(d).error().field, "expires");
  d = a_decision(DecisionKind::k_acceptance);
  d.state_hash = "abc";
  EXPECT_EQ(validate(d).error().field, "state_hash");
  d.state_hash = std::string(64, 'a');
  EXPECT_TRUE(validate(d));
  d.revoked = true;
  EXPECT_EQ(validate(d).error().field, "revoked_by");
  d.revoked_by = "CISO";
  d.revoked_at = "2027-01-01T08:00:00Z";
  EXPECT_TRUE(validate(d));
}

TEST(ControlValidation, AnOwnControlsRefIsNeitherAnnexANorAnOutcome) {
  Control c;
  c.ref = "OC-01";
  c.title = "Quarterly restore test";
  c.outcomes = {"nist-csf-2.0:PR.DS-11"};
  EXPECT_TRUE(validate(c));
  auto b = c;
  b.ref = "A.8.13";
  EXPECT_EQ(validate(b).error().field, "ref");
  b.ref = "csf:PR";
  EXPECT_EQ(validate(b).error().field, "ref");
  b = c;
  b.outcomes = {"PR.DS-11"};
  EXPECT_EQ(validate(b).error().field, "outcomes");
}

TEST(SoaRows, AnExclusionNeedsAJustification) {
  SoaRow row;
  row.control = "A.7.4";
  row.applicable = false;
  auto v = validate(row);
  ASSERT_FALSE(v);
  EXPECT_EQ(v.error().field, "justification");
  EXPECT_NE(v.error().message.find("control A.7.4 is excluded without a justification"),
            std::string::npos);
  row.justification = "No premises of our own: offices are serviced by the landlord.";
  EXPECT_TRUE(validate(row));
  SoaRow included;
  included.control = "A.5.1";
  EXPECT_TRUE(validate(included)) << "an inclusion's justification is optional";
}

SoaRow row(std::string control, bool applicable, std::set<SoaReason> reasons,
           std::string justification = "", std::string owner = "", std::string notes = "") {
  SoaRow r;
  r.control = std::move(control);
  r.applicable = applicable;
  r.reasons = std::move(reasons);
  r.justification = std::move(justification);
  r.owner = std::move(owner);
  r.notes = std::move(notes);
  return r;
}

TEST(SoaDiff, NamesAddedRemovedAndChangedRowsInAnnexAOrder) {
  std::vector<SoaRow> before{
      row("A.5.10", true, {SoaReason::k_business}),
      row("A.5.9", true, {SoaReason::k_risk_treatment}, "", "IT"),
      row("A.8.1", true, {SoaReason::k_business}),
      row("A.7.4", false, {}, "No premises"),
      row("A.5.2", true, {SoaReason::k_legal}, "", "", "note"),
  };
  std::vector<SoaRow> after{
      row("A.5.2", true, {SoaReason::k_legal}, "", "", "note"),  // unchanged
      row("A.5.9", true, {SoaReason::k_risk_treatment, SoaReason::k_legal}, "", "CISO"),
      row("A.5.10", false, {}, "Out of scope"),
      row("A.7.4", false, {}, "No premises"),  // unchanged
      row("OC-01", true, {SoaReason::k_risk_treatment}),
      row("A.8.10", true, {SoaReason::k_legal}),
  };
  auto changes = diff(before, after);
  ASSERT_EQ(changes.size(), 5u);
  EXPECT_EQ(changes[0].control, "A.5.9");
  EXPECT_EQ(changes[0].change, "changed");
  EXPECT_EQ(changes[0].fields, (std::vector<std::string>{"reasons", "owner"}));
  EXPECT_EQ(changes[1].control, "A.5.10");
  EXPECT_EQ(changes[1].fields,
            (std::vector<std::string>{"applicable", "reasons", "justification"}));
  ASSERT_TRUE(changes[1].before && changes[1].after);
  EXPECT_TRUE(changes[1].before->applicable);
  EXPECT_FALSE(changes[1].after->applicable);
  EXPECT_EQ(changes[2].control, "A.8.1");
  EXPECT_EQ(changes[2].change, "removed");
  EXPECT_FALSE(changes[2].after);
  EXPECT_EQ(changes[3].control, "A.8.10");
  EXPECT_EQ(changes[3].change, "added");
  EXPECT_FALSE(changes[3].before);
  EXPECT_EQ(changes[4].control, "OC-01");
  EXPECT_EQ(changes[4].change, "added");
  EXPECT_TRUE(diff(after, after).empty());
}

}  // namespace
}  // namespace cyberframe::core
