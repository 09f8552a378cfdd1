// The ISMS registers' rules (core/isms.hpp): descriptors, field validation naming the field, refs,
// the approval and revision rule, links, the RACI matrix and its warnings.
#include <gtest/gtest.h>

#include "codec/isms_json.hpp"
#include "core/isms.hpp"

#include <nlohmann/json.hpp>

namespace cyberframe::core {
namespace {

const RegisterSpec& spec(const char* key) {
  const auto* s = find_register(key);
  EXPECT_NE(s, nullptr) << key;
  return *s;
}

IsmsRecord record(const char* reg, const std::string& title) {
  IsmsRecord r;
  r.register_key = reg;
  r.title = title;
  return r;
}

TEST(IsmsRegisters, EveryRegisterOfTheIssueIsDescribedWithItsClauseAndPrefix) {
  for (const char* key : {"context", "interested-parties", "requirements", "obligations", "scope",
                          "policies", "roles", "objectives", "changes", "measurements", "resources",
                          "competence", "awareness", "communication"}) {
    const auto* s = find_register(key);
    ASSERT_NE(s, nullptr) << key;
    EXPECT_FALSE(s->clause.empty());
    EXPECT_EQ(s->prefix.back(), '-');
    EXPECT_FALSE(s->statuses.empty()) << key;
  }
  EXPECT_EQ(find_register("documents"), nullptr);  // its own aggregate
  EXPECT_TRUE(spec("scope").approvable);
  EXPECT_TRUE(spec("policies").approvable);
  EXPECT_FALSE(spec("context").approvable);
  EXPECT_EQ(spec("requirements").field("party")->target, "interested-parties");
}

TEST(IsmsRegisters, FieldsAreCheckedByKindAndTheErrorNamesTheField) {
  const auto& s = spec("obligations");
  auto r = record("obligations", "GDPR");
  auto bad_enum = set_field(s, r, "type", "treaty");
  ASSERT_FALSE(bad_enum);
  EXPECT_EQ(bad_enum.error().field, "type");
  EXPECT_NE(bad_enum.error().message.find("law, regulation, contract, standard, other"),
            std::string::npos);
  auto bad_date = set_field(s, r, "next_review", "2026-02-30");
  ASSERT_FALSE(bad_date);
  EXPECT_EQ(bad_date.error().field, "next_review");
  auto unknown = set_field(s, r, "colour", "red");
  ASSERT_FALSE(unknown);
  EXPECT_NE(unknown.error().message.find("has no field 'colour'"), std::string::npos);
  ASSERT_TRUE(set_field(s, r, "type", "LAW"));
  EXPECT_EQ(r.text("type"), "law");
  ASSERT_TRUE(set_field(s, r, "next_review", "2027-01-31"));
  EXPECT_TRUE(validate(s, r));
  ASSERT_TRUE(set_field(s, r, "type", ""));  // clears
  auto missing = validate(s, r);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().field, "type");
}

TEST(IsmsRegisters, NumbersAndWholeNumbersAreCanonical) {
  const auto& m = spec("measurements");
  auto r = record("measurements", "Click rate");
  ASSERT_TRUE(set_field(m, r, "target", "5.0"));
  EXPECT_EQ(r.text("target"), "5");
  ASSERT_TRUE(set_field(m, r, "threshold", "7.5"));
  EXPECT_EQ(r.text("threshold"), "7.5");
  EXPECT_FALSE(set_field(m, r, "target", "five"));
  const auto& a = spec("awareness");
  auto p = record("awareness", "Training");
  EXPECT_FALSE(set_field(a, p, "targeted", "-3"));
  EXPECT_FALSE(set_field(a, p, "targeted", "2.5"));
  ASSERT_TRUE(set_field(a, p, "audience", "All staff"));
  ASSERT_TRUE(set_field(a, p, "targeted", "10"));
  ASSERT_TRUE(set_field(a, p, "completed", "12"));
  auto over = validate(a, p);
  ASSERT_FALSE(over);
  EXPECT_EQ(over.error().field, "completed");
  ASSERT_TRUE(set_field(a, p, "completed", "4"));
  EXPECT_EQ(completion_percent(p), 40);
  ASSERT_TRUE(set_field(a, p, "start", "2026-05-01"));
  ASSERT_TRUE(set_field(a, p, "due", "2026-04-01"));
  auto early = validate(a, p);
  ASSERT_FALSE(early);
  EXPECT_EQ(early.error().field, "due");
}

TEST(IsmsRegisters, TheClimateChangeDeterminationNeedsRelevanceAndRationale) {
  const auto& c = spec("context");
  auto r = record("context", "Climate change");
  ASSERT_TRUE(set_field(c, r, "type", "climate-change"));
  ASSERT_TRUE(set_field(c, r, "category", "external"));
  auto e = validate(c, r);
  ASSERT_FALSE(e);
  EXPECT_EQ(e.error().field, "relevant");
  ASSERT_TRUE(set_field(c, r, "relevant", "no"));
  e = validate(c, r);
  ASSERT_FALSE(e);
  EXPECT_EQ(e.error().field, "rationale");
  ASSERT_TRUE(set_field(c, r, "rationale", "Offices only, no physical exposure."));
  EXPECT_TRUE(validate(c, r));
}

TEST(IsmsRegisters, TopicSpecificPoliciesHaveAParentAndTheTopLevelOneNone) {
  const auto& p = spec("policies");
  auto r = record("policies", "Backup policy");
  ASSERT_TRUE(set_field(p, r, "level", "topic-specific"));
  auto e = validate(p, r);
  ASSERT_FALSE(e);
  EXPECT_EQ(e.error().field, "parent");
  ASSERT_TRUE(set_field(p, r, "parent", "POL-001"));
  EXPECT_TRUE(validate(p, r));
  ASSERT_TRUE(set_field(p, r, "level", "top-level"));
  EXPECT_FALSE(validate(p, r));
  ASSERT_TRUE(set_field(p, r, "parent", ""));
  ASSERT_TRUE(set_field(p, r, "document", "POLICY-1"));
  e = validate(p, r);
  ASSERT_FALSE(e);
  EXPECT_EQ(e.error().field, "document");
}

TEST(IsmsRegisters, RefsAreAssignedAfterTheHighestNumberOfThePrefix) {
  EXPECT_EQ(next_ref("CTX-", {}), "CTX-001");
  EXPECT_EQ(next_ref("CTX-", {"CTX-001", "ctx-009", "CTX-A", "OBJ-020"}), "CTX-010");
  EXPECT_EQ(next_ref("CTX-", {"CTX-999"}), "CTX-1000");
  EXPECT_TRUE(check_ref("CTX-001"));
  EXPECT_FALSE(check_ref("12"));
  EXPECT_FALSE(check_ref("CTX 1"));
  EXPECT_FALSE(check_ref(std::string(41, 'A')));
}

TEST(IsmsRegisters, LinksAreKindAndTarget) {
  auto n = parse_link("node:nist-csf-2.0:GV.PO-01");
  ASSERT_TRUE(n);
  EXPECT_EQ(n->kind, "node");
  EXPECT_EQ(n->target, "nist-csf-2.0:GV.PO-01");
  EXPECT_FALSE(parse_link("node:GV.PO-01"));
  EXPECT_FALSE(parse_link("asset:AS-001"));
  EXPECT_FALSE(parse_link("record:nowhere/X-1"));
  EXPECT_TRUE(parse_link("record:policies/POL-001"));
  EXPECT_FALSE(parse_link("document:POLICY"));
  EXPECT_EQ(parse_link("document:doc-001")->target, "DOC-001");
  EXPECT_FALSE(parse_link("no colon"));
}

TEST(IsmsRegisters, ANewRecordIsNeitherApprovedNorDeletedAndAnApprovableOneStartsAsADraft) {
  // Whatever the caller brings (an API body, an import row), a new record starts afresh.
  auto r = record("scope", "Scope");
  r.id = 42;
  r.revision = 7;
  r.approved_revision = 7;
  r.approved_by = "mallory";
  r.deleted = true;
  auto made = apply_create(spec("scope"), r);
  ASSERT_TRUE(made);
  EXPECT_EQ(made->id, 0);
  EXPECT_EQ(made->revision, 1);
  EXPECT_EQ(made->approved_revision, 0);
  EXPECT_EQ(made->approved_by, "");
  EXPECT_FALSE(made->deleted);
  EXPECT_EQ(made->status, "draft");
  // "approved" is the approval's to set, not the creator's.
  r.status = "approved";
  auto refused = apply_create(spec("scope"), r);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().field, "status");
  // A register that is not approved keeps the status given, or none.
  auto issue = record("context", "Supply chain");
  EXPECT_EQ(apply_create(spec("context"), issue)->status, "");
}

TEST(IsmsRegisters, AnEditOfAnApprovedRecordStartsTheNextRevisionAsADraft) {
  const auto& s = spec("scope");
  auto r = record("scope", "Scope");
  r.ref = "SCOPE-001";
  ASSERT_TRUE(set_field(s, r, "statement", "Everything"));
  r.status = "draft";
  // Approving needs an approvable register, and cannot happen twice.
  EXPECT_FALSE(apply_approval(spec("context"), record("context", "x"), "ann", "t"));
  auto approved = apply_approval(s, r, "ann", "2026-12-01T10:00:00Z");
  ASSERT_TRUE(approved);
  EXPECT_TRUE(approved->approved());
  EXPECT_EQ(approved->status, "approved");
  auto again = apply_approval(s, *approved, "ann", "2026-12-01T10:00:00Z");
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, util::ErrorCode::k_conflict);
  auto edit = *approved;
  ASSERT_TRUE(set_field(s, edit, "statement", "Everything and more"));
  auto next = apply_edit(s, *approved, edit);
  ASSERT_TRUE(next);
  EXPECT_EQ(next->revision, 2);
  EXPECT_EQ(next->status, "draft");
  EXPECT_EQ(next->approved_revision, 1);
  EXPECT_FALSE(next->approved());
  // A draft's edit stays in its revision; "approved" is not typed in.
  auto edit2 = *next;
  edit2.status = "approved";
  auto refused = apply_edit(s, *next, edit2);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().field, "status");
  edit2.status = "draft";
  EXPECT_EQ(apply_edit(s, *next, edit2)->revision, 2);
  auto v2 = apply_approval(s, *next, "ann", "2026-12-02T10:00:00Z");
  ASSERT_TRUE(v2);
  EXPECT_EQ(v2->revision, 2);
  EXPECT_TRUE(v2->approved());
}

TEST(IsmsRegisters, TheRaciNamesKnownProcessesAndWarnsOfTwoAccountables) {
  EXPECT_TRUE(parse_raci("risk-assessment=A"));
  EXPECT_EQ(parse_raci("soa=ra")->second, "RA");
  EXPECT_FALSE(parse_raci("payroll=R"));
  EXPECT_FALSE(parse_raci("soa=X"));
  EXPECT_FALSE(parse_raci("soa=AA"));
  EXPECT_FALSE(parse_raci("soa"));
  const auto& s = spec("roles");
  auto ciso = record("roles", "CISO");
  ciso.ref = "ROLE-001";
  ASSERT_TRUE(set_field(s, ciso, "raci", "risk-assessment=A; soa=R"));
  EXPECT_TRUE(validate(s, ciso));
  auto it = record("roles", "IT");
  it.ref = "ROLE-002";
  ASSERT_TRUE(set_field(s, it, "raci", "risk-assessment=AR"));
  auto bad = it;
  ASSERT_TRUE(set_field(s, bad, "raci", "risk-assessment=A;risk-assessment=C"));
  EXPECT_FALSE(validate(s, bad));
  auto m = raci_matrix({ciso, it});
  EXPECT_EQ(m.roles, (std::vector<std::string>{"ROLE-001", "ROLE-002"}));
  EXPECT_EQ(m.cells["risk-assessment"]["ROLE-002"], "RA");
  bool two = false, none_for_soa = false;
  for (const auto& w : m.warnings) {
    if (w.starts_with("risk-assessment: 2 roles are accountable")) two = true;
    if (w == "soa: no role is accountable") none_for_soa = true;
  }
  EXPECT_TRUE(two);
  EXPECT_TRUE(none_for_soa);
}

TEST(IsmsRegisters, TheJsonFormTypesFieldsAndReadsBodiesStrictly) {
  const auto& m = spec("measurements");
  IsmsRecord r;
  r.register_key = "measurements";
  auto body = nlohmann::json::parse(
      R"({"title": "Click rate", "fields": {"what": "Clicks", "direction": "lower-is-better",
          "target": 5, "threshold": 7.5}, "links": [{"kind": "risk", "target": "R-010"},
          "record:objectives/OBJ-001"]})");
  ASSERT_TRUE(codec::apply_json(m, body, r, false));
  auto out = codec::to_json(r);
  EXPECT_EQ(out["fields"]["target"], 5);
  EXPECT_EQ(out["fields"]["threshold"], 7.5);
  EXPECT_EQ(out["links"].size(), 2u);
  auto wrong = nlohmann::json::parse(R"({"fields": {"target": "lots"}})");
  auto e = codec::apply_json(m, wrong, r, true);
  ASSERT_FALSE(e);
  EXPECT_EQ(e.error().field, "target");
  auto unknown = nlohmann::json::parse(R"({"colour": "red"})");
  EXPECT_FALSE(codec::apply_json(m, unknown, r, true));
  IsmsRecord back;
  codec::fields_from_json(codec::fields_to_json(m, r), back);
  EXPECT_EQ(back.text("threshold"), "7.5");
}

}  // namespace
}  // namespace cyberframe::core
