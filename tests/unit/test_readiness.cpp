// Certification readiness (core/readiness.hpp): each requirement's rule goes from missing to
// partial to met as its evidence is added.
#include <gtest/gtest.h>

#include "builtin_catalog_fixture.hpp"
#include "core/readiness.hpp"

namespace cyberframe::core {
namespace {

constexpr const char* k_today = "2026-12-07";

IsmsRecord rec(const char* reg, const char* ref, const char* status,
               std::map<std::string, FieldValue> fields = {}, const char* owner = "") {
  IsmsRecord r;
  r.register_key = reg;
  r.ref = ref;
  r.title = std::string("Title of ") + ref;
  r.status = status;
  r.owner = owner;
  r.fields = std::move(fields);
  return r;
}
IsmsRecord approved(IsmsRecord r) {
  r.approved_revision = r.revision;
  r.status = "approved";
  r.approved_by = "CEO";
  r.approved_at = "2026-01-10T10:00:00Z";
  return r;
}

struct Facts : ReadinessFacts {
  Facts() { today = k_today; }
  Facts& add(IsmsRecord r) {
    records[r.register_key].push_back(std::move(r));
    return *this;
  }
};

ReadinessStatus status(const char* clause, const ReadinessFacts& f) {
  return assess_requirement(clause, f).status;
}
std::string missing(const char* clause, const ReadinessFacts& f) {
  std::string out;
  for (const auto& m : assess_requirement(clause, f).missing) out += m + "\n";
  return out;
}

const auto k_missing = ReadinessStatus::k_missing;
const auto k_partial = ReadinessStatus::k_partial;
const auto k_met = ReadinessStatus::k_met;

Document published_doc(const char* ref, const char* next_review, DocumentType type) {
  Document d;
  d.ref = ref;
  d.title = std::string("Doc ") + ref;
  d.type = type;
  d.next_review = next_review;
  d.distribution = {"All staff"};
  DocumentVersion v;
  v.number = 1;
  v.state = VersionState::k_published;
  v.approver = "CEO";
  d.versions.push_back(v);
  return d;
}

TEST(Readiness, ThirtyRequirementsOfClausesFourToTenInOrder) {
  Facts f;
  auto r = assess_readiness(f);
  ASSERT_EQ(r.requirements.size(), 30u);
  EXPECT_EQ(r.requirements.front().clause, "4.1");
  EXPECT_EQ(r.requirements.back().clause, "10.2");
  EXPECT_EQ(r.requirements[7].clause, "6.1.1");
  EXPECT_EQ(r.requirements[7].node, "iso-iec-27001-2022-isms:6.1.1");
  // An empty workspace evidences nothing.
  EXPECT_EQ(r.missing, 30u);
  EXPECT_TRUE(r.any_missing());
  for (const auto& q : r.requirements) {
    EXPECT_EQ(q.status, k_missing) << q.clause;
    ASSERT_FALSE(q.missing.empty()) << q.clause;
    EXPECT_EQ(q.missing.front().rfind(q.clause, 0), 0u) << q.missing.front();
  }
}

TEST(Readiness, TheClausesAreTheRequirementNodesOfTheBuiltInFramework) {
  // Every node of iso-iec-27001-2022-isms without children (4.1 ... 10.2) has its rule, and no
  // rule names a node the framework lacks.
  std::vector<std::string> leaves;
  for (const auto* n : catalog::testing::cat().nodes_in_order(k_isms_framework))
    if (n->children.empty()) leaves.push_back(n->id);
  std::vector<std::string> clauses;
  for (const auto& c : readiness_clauses()) clauses.push_back(c.clause);
  EXPECT_EQ(clauses, leaves);
}

TEST(Readiness, MonthsBetween) {
  EXPECT_EQ(months_between("2025-10-07", "2026-12-07"), 14);
  EXPECT_EQ(months_between("2025-10-08", "2026-12-07"), 13);
  EXPECT_EQ(months_between("2026-12-07", "2026-12-07"), 0);
  EXPECT_EQ(months_between("x", "2026-12-07"), 0);
}

TEST(Readiness, Context41NeedsInternalExternalAndClimate) {
  Facts f;
  EXPECT_EQ(status("4.1", f), k_missing);
  f.add(rec("context", "CTX-001", "open", {{"category", "internal"}}));
  EXPECT_EQ(status("4.1", f), k_partial);
  EXPECT_NE(missing("4.1", f).find("no external issue"), std::string::npos);
  f.add(rec("context", "CTX-002", "open", {{"category", "external"}}));
  EXPECT_NE(missing("4.1", f).find("climate change"), std::string::npos);
  f.add(rec("context", "CTX-003", "open",
            {{"type", "climate-change"}, {"category", "external"}, {"relevant", "yes"}}));
  EXPECT_EQ(status("4.1", f), k_met);
}

TEST(Readiness, Parties42NeedRequirementsAddressed) {
  Facts f;
  EXPECT_EQ(status("4.2", f), k_missing);
  f.add(rec("interested-parties", "IP-001", "active"));
  EXPECT_EQ(status("4.2", f), k_missing);
  f.add(rec("requirements", "REQ-001", "active", {{"party", "IP-001"}, {"addressed", "no"}}));
  EXPECT_EQ(status("4.2", f), k_partial);
  f.records["requirements"][0].fields["addressed"] = std::string("yes");
  EXPECT_EQ(status("4.2", f), k_met);
  f.add(rec("obligations", "OBL-001", "active", {{"next_review", "2026-01-01"}}));
  EXPECT_EQ(status("4.2", f), k_partial);
}

TEST(Readiness, Scope43NeedsAnApprovedScope) {
  Facts f;
  EXPECT_EQ(missing("4.3", f), "4.3: no scope statement recorded (register scope)\n");
  f.add(rec("scope", "SCOPE-001", "draft"));
  EXPECT_EQ(status("4.3", f), k_missing);
  EXPECT_NE(missing("4.3", f).find("SCOPE-001 revision 1 draft not approved"), std::string::npos);
  f.records["scope"][0] = approved(f.records["scope"][0]);
  EXPECT_EQ(status("4.3", f), k_met);
  // An edit after approval: revision 2 is a draft.
  f.records["scope"][0].revision = 2;
  f.records["scope"][0].status = "draft";
  EXPECT_EQ(status("4.3", f), k_partial);
}

TEST(Readiness, Isms44NeedsScopeProcessesAndImprovement) {
  Facts f;
  EXPECT_EQ(status("4.4", f), k_missing);
  f.add(approved(rec("scope", "SCOPE-001", "draft")));
  EXPECT_EQ(status("4.4", f), k_partial);
  f.add(rec("processes", "PROC-001", "operating", {{"kind", "process"}}));
  f.add(rec("improvements", "IMP-001", "accepted"));
  EXPECT_EQ(status("4.4", f), k_met);
}

TEST(Readiness, Leadership51) {
  Facts f;
  EXPECT_EQ(status("5.1", f), k_missing);
  f.add(approved(rec("policies", "POL-001", "draft", {{"level", "top-level"}})));
  EXPECT_EQ(status("5.1", f), k_partial);
  f.add(rec("resources", "RES-001", "available", {{"type", "budget"}}));
  f.add(rec("reviews", "MR-001", "held", {{"date", "2026-03-01"}}));
  EXPECT_EQ(status("5.1", f), k_met);
}

TEST(Readiness, Policy52NeedsAnApprovedPublishedTopLevelPolicy) {
  Facts f;
  EXPECT_EQ(status("5.2", f), k_missing);
  f.add(rec("policies", "POL-001", "draft", {{"level", "top-level"}}));
  EXPECT_EQ(status("5.2", f), k_missing);
  f.records["policies"][0] = approved(f.records["policies"][0]);
  EXPECT_EQ(status("5.2", f), k_partial);
  EXPECT_NE(missing("5.2", f).find("not published as a document"), std::string::npos);
  f.records["policies"][0].fields["document"] = std::string("DOC-001");
  f.documents.push_back(published_doc("DOC-001", "2027-06-01", DocumentType::k_policy));
  EXPECT_EQ(status("5.2", f), k_met);
  f.documents[0].next_review = "2026-11-01";
  EXPECT_EQ(status("5.2", f), k_partial);
}

TEST(Readiness, Roles53NeedHoldersAndOneAPerProcess) {
  Facts f;
  EXPECT_EQ(status("5.3", f), k_missing);
  f.add(rec("roles", "ROLE-001", "vacant"));
  EXPECT_EQ(status("5.3", f), k_partial);
  auto& role = f.records["roles"][0];
  role.status = "active";
  role.fields["holders"] = std::vector<std::string>{"Jane Doe"};
  std::vector<std::string> raci;
  for (const auto& p : isms_processes()) raci.push_back(p + "=A");
  role.fields["raci"] = raci;
  EXPECT_EQ(status("5.3", f), k_met) << missing("5.3", f);
  auto second = rec("roles", "ROLE-002", "active", {{"holders", std::vector<std::string>{"Bob"}}});
  second.fields["raci"] = std::vector<std::string>{isms_processes().front() + "=A"};
  f.add(second);
  EXPECT_EQ(status("5.3", f), k_partial);
  EXPECT_NE(missing("5.3", f).find("RACI"), std::string::npos);
}

TEST(Readiness, General611NeedsRisksFromIssues) {
  Facts f;
  EXPECT_EQ(status("6.1.1", f), k_missing);
  f.risk.risks = 4;
  EXPECT_EQ(status("6.1.1", f), k_partial);
  f.add(rec("context", "CTX-001", "open", {{"category", "internal"}}));
  f.add(rec("improvements", "IMP-001", "proposed"));
  EXPECT_EQ(status("6.1.1", f), k_met);
}

TEST(Readiness, Assessment612NeedsCriteriaAndScoredRisks) {
  Facts f;
  EXPECT_EQ(status("6.1.2", f), k_missing);
  f.risk.risks = 4;
  f.risk.unscored = 4;
  f.risk.criteria = "cyberframe-5x5";
  EXPECT_EQ(status("6.1.2", f), k_missing);
  f.risk.unscored = 1;
  EXPECT_EQ(status("6.1.2", f), k_partial);
  f.risk.unscored = 0;
  f.risk.assessment_criteria = true;
  EXPECT_EQ(status("6.1.2", f), k_met);
}

TEST(Readiness, Treatment613NeedsAnApprovedSoaAndPlans) {
  Facts f;
  f.risk.risks = 3;
  EXPECT_EQ(status("6.1.3", f), k_missing);
  f.risk.soa.push_back({1, false, "", ""});
  f.risk.treated = 3;
  EXPECT_EQ(status("6.1.3", f), k_missing);
  EXPECT_NE(missing("6.1.3", f).find("6.1.3 d: SoA v1 draft not approved"), std::string::npos);
  f.risk.soa[0] = {1, true, "2026-02-01T10:00:00Z", "CEO"};
  f.risk.soa.push_back({2, false, "", ""});
  EXPECT_EQ(status("6.1.3", f), k_partial);
  EXPECT_EQ(missing("6.1.3", f), "6.1.3 d: SoA v2 draft not approved\n");
  f.risk.soa[1].approved = true;
  EXPECT_EQ(status("6.1.3", f), k_met);
  f.risk.plans_unapproved = 2;
  EXPECT_EQ(status("6.1.3", f), k_partial);
}

TEST(Readiness, Objectives62NeedMeasuredObjectivesOnTrack) {
  Facts f;
  EXPECT_EQ(status("6.2", f), k_missing);
  f.add(rec("objectives", "OBJ-001", "on-track"));
  EXPECT_EQ(status("6.2", f), k_missing);
  f.records["objectives"][0].fields["measurement"] = std::string("MEAS-001");
  ObjectiveProgress p;
  p.objective = "OBJ-001";
  p.progress = Progress::k_off_track;
  f.objectives.push_back(p);
  EXPECT_EQ(status("6.2", f), k_partial);
  EXPECT_NE(missing("6.2", f).find("1 objective off track (OBJ-001)"), std::string::npos);
  f.objectives[0].progress = Progress::k_on_track;
  EXPECT_EQ(status("6.2", f), k_met);
}

TEST(Readiness, Changes63) {
  Facts f;
  EXPECT_EQ(status("6.3", f), k_missing);
  f.add(rec("changes", "CHG-001", "planned", {{"planned", "2026-10-01"}, {"responsible", "CISO"}}));
  EXPECT_EQ(status("6.3", f), k_partial);
  f.records["changes"][0].status = "done";
  EXPECT_EQ(status("6.3", f), k_met);
}

TEST(Readiness, Resources71) {
  Facts f;
  EXPECT_EQ(status("7.1", f), k_missing);
  f.add(rec("resources", "RES-001", "planned", {{"type", "people"}}));
  EXPECT_EQ(status("7.1", f), k_missing);
  f.add(rec("resources", "RES-002", "available", {{"type", "budget"}}));
  EXPECT_EQ(status("7.1", f), k_partial);
  f.records["resources"][0].status = "available";
  EXPECT_EQ(status("7.1", f), k_met);
}

TEST(Readiness, Competence72NeedsEvidencePerRoleHolder) {
  Facts f;
  f.add(rec("roles", "ROLE-001", "active", {{"holders", std::vector<std::string>{"Ann"}}}));
  f.add(rec("roles", "ROLE-002", "active", {{"holders", std::vector<std::string>{"Bob"}}}));
  f.add(rec("roles", "ROLE-003", "active", {{"holders", std::vector<std::string>{"Cy"}}}));
  EXPECT_EQ(status("7.2", f), k_missing);
  f.add(rec("competence", "COMP-001", "competent", {{"person", "ann"}, {"evidence", "CISSP"}}));
  EXPECT_EQ(status("7.2", f), k_partial);
  EXPECT_EQ(missing("7.2", f), "7.2: 2 roles without competence evidence (ROLE-002, ROLE-003)\n");
  f.add(rec("competence", "COMP-002", "competent", {{"person", "Bob"}, {"evidence", "CISA"}}));
  f.add(rec("competence", "COMP-003", "competent", {{"person", "Cy"}, {"evidence", "ISO LI"}}));
  EXPECT_EQ(status("7.2", f), k_met);
  f.records["competence"][2].fields["next_review"] = std::string("2026-01-01");
  EXPECT_EQ(status("7.2", f), k_partial);
}

TEST(Readiness, Awareness73) {
  Facts f;
  EXPECT_EQ(status("7.3", f), k_missing);
  f.add(rec("awareness", "AWR-001", "running",
            {{"audience", "All"}, {"due", "2026-11-01"}, {"targeted", "10"}, {"completed", "5"}}));
  EXPECT_EQ(status("7.3", f), k_partial);
  f.records["awareness"][0].fields["completed"] = std::string("10");
  EXPECT_EQ(status("7.3", f), k_met);
}

TEST(Readiness, Communication74) {
  Facts f;
  EXPECT_EQ(status("7.4", f), k_missing);
  f.add(rec("communication", "COM-001", "active", {{"what", "Policy"}}));
  EXPECT_EQ(status("7.4", f), k_partial);
  auto& c = f.records["communication"][0];
  c.fields["when"] = std::string("yearly");
  c.fields["with_whom"] = std::string("staff");
  c.fields["communicator"] = std::string("CISO");
  c.fields["channel"] = std::string("intranet");
  EXPECT_EQ(status("7.4", f), k_met);
}

TEST(Readiness, Documents75WithinTheirReviewPeriod) {
  Facts f;
  for (const char* c : {"7.5.1", "7.5.2", "7.5.3"}) EXPECT_EQ(status(c, f), k_missing) << c;
  f.documents.push_back(published_doc("DOC-001", "2026-10-01", DocumentType::k_procedure));
  EXPECT_EQ(status("7.5.1", f), k_partial);  // no policy, no approved scope
  EXPECT_EQ(status("7.5.2", f), k_met);
  EXPECT_EQ(status("7.5.3", f), k_partial);
  EXPECT_EQ(missing("7.5.3", f), "7.5.3: 1 document past its review date (DOC-001)\n");
  f.documents[0].next_review = "2027-10-01";
  f.documents.push_back(published_doc("DOC-002", "2027-10-01", DocumentType::k_policy));
  f.add(approved(rec("scope", "SCOPE-001", "draft")));
  for (const char* c : {"7.5.1", "7.5.2", "7.5.3"}) EXPECT_EQ(status(c, f), k_met) << c;
  Document draft;
  draft.ref = "DOC-003";
  draft.versions.push_back(DocumentVersion{});
  f.documents.push_back(draft);
  EXPECT_EQ(status("7.5.2", f), k_partial);
}

TEST(Readiness, Operation81NeedsOwnersAndCriteria) {
  Facts f;
  EXPECT_EQ(status("8.1", f), k_missing);
  f.add(rec("processes", "PROC-001", "operating",
            {{"kind", "process"}, {"externally_provided", "yes"}}));
  EXPECT_EQ(status("8.1", f), k_partial);
  auto& p = f.records["processes"][0];
  p.owner = "CISO";
  p.fields["criteria"] = std::string("weekly review");
  p.fields["provider"] = std::string("Sentinel");
  EXPECT_EQ(status("8.1", f), k_met);
}

TEST(Readiness, Reassessment82PlannedIntervalWithinTwelveMonthsNoneOverdue) {
  Facts f;
  EXPECT_EQ(status("8.2", f), k_missing);
  f.add(rec("reassessments", "RA-001", "completed",
            {{"trigger", "planned-interval"},
             {"due", "2025-11-01"},
             {"performed", "2025-11-01"},
             {"results", "12 risks reviewed"}}));
  f.add(rec("reassessments", "RA-002", "planned",
            {{"trigger", "planned-interval"}, {"due", "2026-11-01"}}));
  // The demo's state: the last one 13 months ago and the next one overdue.
  EXPECT_EQ(status("8.2", f), k_missing);
  auto m = missing("8.2", f);
  EXPECT_NE(m.find("8.2: last planned-interval risk assessment RA-001 performed 13 months ago"),
            std::string::npos)
      << m;
  EXPECT_NE(m.find("1 risk assessment overdue (RA-002)"), std::string::npos) << m;
  // Performed, but the results not retained yet.
  auto& ra2 = f.records["reassessments"][1];
  ra2.status = "completed";
  ra2.fields["performed"] = std::string("2026-12-01");
  EXPECT_EQ(status("8.2", f), k_partial);
  ra2.fields["results"] = std::string("3 risks raised");
  EXPECT_EQ(status("8.2", f), k_met);
}

TEST(Readiness, Treatment83) {
  Facts f;
  EXPECT_EQ(status("8.3", f), k_missing);
  f.risk.treated = 2;
  EXPECT_EQ(status("8.3", f), k_partial);
  f.add(rec("reassessments", "RA-001", "completed",
            {{"trigger", "planned-interval"}, {"performed", "2026-06-01"}, {"results", "done"}}));
  EXPECT_EQ(status("8.3", f), k_met);
  f.risk.decisions_expired = 1;
  EXPECT_EQ(status("8.3", f), k_partial);
}

TEST(Readiness, Monitoring91NeedsRecentValues) {
  Facts f;
  EXPECT_EQ(status("9.1", f), k_missing);
  f.measurements.push_back({"MEAS-001", "Patch", "monthly", ""});
  EXPECT_EQ(status("9.1", f), k_missing);
  f.measurements.push_back({"MEAS-002", "Phish", "monthly", "2026-11-30"});
  EXPECT_EQ(status("9.1", f), k_partial);
  f.measurements[0].latest = "2026-08-31";  // more than two months old
  EXPECT_EQ(status("9.1", f), k_partial);
  f.measurements[0].latest = "2026-10-31";
  EXPECT_EQ(status("9.1", f), k_met);
}

TEST(Readiness, Audits921And922) {
  Facts f;
  EXPECT_EQ(status("9.2.1", f), k_missing);
  EXPECT_EQ(status("9.2.2", f), k_missing);
  f.add(
      rec("audit-programmes", "AP-001", "draft",
          {{"period_start", "2026-01-01"}, {"period_end", "2026-12-31"}, {"frequency", "yearly"}}));
  EXPECT_EQ(missing("9.2.2", f), "9.2.2: audit programme AP-001 revision 1 not approved\n");
  f.records["audit-programmes"][0] = approved(f.records["audit-programmes"][0]);
  EXPECT_EQ(status("9.2.2", f), k_partial);  // no methods, no audit
  auto& ap = f.records["audit-programmes"][0];
  ap.fields["methods"] = std::string("interviews");
  ap.fields["responsibilities"] = std::string("internal auditor");
  ap.fields["reporting"] = std::string("to the board");
  f.add(rec("audits", "AUD-001", "reported",
            {{"programme", "AP-001"}, {"planned", "2025-09-01"}, {"reported", "2025-10-01"}}));
  EXPECT_EQ(status("9.2.2", f), k_met);
  EXPECT_EQ(status("9.2.1", f), k_missing);  // 14 months ago
  EXPECT_NE(missing("9.2.1", f).find("reported 14 months ago"), std::string::npos);
  f.records["audits"][0].fields["reported"] = std::string("2026-09-01");
  EXPECT_EQ(status("9.2.1", f), k_partial);  // no conclusion
  f.records["audits"][0].fields["conclusion"] = std::string("conforms");
  EXPECT_EQ(status("9.2.1", f), k_met);
  // Without a report date, the date it was performed counts.
  f.records["audits"][0].fields.erase("reported");
  f.records["audits"][0].fields["performed"] = std::string("2026-08-20");
  EXPECT_EQ(status("9.2.1", f), k_met);
  // A programme that has run out: partial, not missing.
  ap.fields["period_end"] = std::string("2026-11-30");
  EXPECT_EQ(status("9.2.2", f), k_partial);
  EXPECT_NE(missing("9.2.2", f)
                .find("no approved audit programme covers 2026-12-07 (AP-001 runs "
                      "2026-01-01 to 2026-11-30)"),
            std::string::npos);
}

TEST(Readiness, Review931HeldWithinTwelveMonths) {
  Facts f;
  EXPECT_EQ(status("9.3.1", f), k_missing);
  f.add(rec("reviews", "MR-001", "held", {{"date", "2025-10-07"}}));
  EXPECT_EQ(missing("9.3.1", f), "9.3.1: last management review MR-001 14 months ago\n");
  f.records["reviews"][0].fields["date"] = std::string("2026-02-07");
  EXPECT_EQ(status("9.3.1", f), k_partial);  // none planned next
  f.add(rec("reviews", "MR-002", "in-preparation", {{"date", "2026-12-21"}}));
  EXPECT_EQ(status("9.3.1", f), k_met);
}

TEST(Readiness, Review932NeedsInputs) {
  Facts f;
  EXPECT_EQ(status("9.3.2", f), k_missing);
  f.add(rec("reviews", "MR-001", "held", {{"date", "2026-02-07"}}));
  EXPECT_EQ(status("9.3.2", f), k_partial);
  EXPECT_NE(missing("9.3.2", f).find("MR-001 retains no inputs (9.3.2 a-g), agenda or minutes"),
            std::string::npos);
  f.records["reviews"][0].fields["agenda"] = std::string("a-g");
  EXPECT_EQ(status("9.3.2", f), k_partial);
  EXPECT_NE(missing("9.3.2", f).find("MR-001 retains no frozen inputs"), std::string::npos);
  f.reviews_with_inputs.insert("MR-001");
  f.add(rec("feedback", "FB-001", "open", {{"party", "IP-001"}}));
  EXPECT_EQ(status("9.3.2", f), k_met);
}

TEST(Readiness, Review933NeedsDecisionsAndActions) {
  Facts f;
  EXPECT_EQ(status("9.3.3", f), k_missing);
  f.add(rec("reviews", "MR-001", "held", {{"date", "2026-02-07"}}));
  EXPECT_EQ(status("9.3.3", f), k_partial);
  f.records["reviews"][0].fields["decisions"] = std::string("budget");
  auto action =
      rec("actions", "ACT-003", "open", {{"type", "review-output"}, {"due", "2026-06-01"}});
  action.links.push_back({"record", "reviews/MR-001"});
  f.add(action);
  EXPECT_EQ(missing("9.3.3", f), "9.3.3: 1 review action overdue (ACT-003)\n");
  f.records["actions"][0].status = "done";
  EXPECT_EQ(status("9.3.3", f), k_met);
}

TEST(Readiness, Improvement101) {
  Facts f;
  EXPECT_EQ(status("10.1", f), k_missing);
  f.add(rec("improvements", "IMP-001", "proposed"));
  EXPECT_EQ(status("10.1", f), k_partial);
  f.records["improvements"][0].status = "implemented";
  EXPECT_EQ(status("10.1", f), k_met);
}

TEST(Readiness, Nonconformity102HandledNoneOverdue) {
  Facts f;
  EXPECT_EQ(status("10.2", f), k_missing);
  f.add(rec("nonconformities", "NC-001", "closed",
            {{"actions", std::vector<std::string>{"ACT-001"}}}));
  f.add(rec("actions", "ACT-001", "open", {{"type", "corrective"}, {"due", "2026-11-01"}}));
  EXPECT_EQ(status("10.2", f), k_partial);
  auto m = missing("10.2", f);
  EXPECT_NE(m.find("1 corrective action past due (ACT-001 of NC-001)"), std::string::npos) << m;
  EXPECT_NE(m.find("without a root cause (NC-001)"), std::string::npos) << m;
  EXPECT_NE(m.find("without an effective review (NC-001)"), std::string::npos) << m;
  auto& nc = f.records["nonconformities"][0];
  nc.fields["root_cause"] = std::string("no patch window");
  nc.fields["effective"] = std::string("yes");
  f.records["actions"][0].status = "done";
  EXPECT_EQ(status("10.2", f), k_met);
}

}  // namespace
}  // namespace cyberframe::core
