// The rules of the registers of clauses 8 to 10 (core/isms.hpp) and across their records
// (workspace/isms.hpp): a nonconformity is closed only with a root cause, a corrective action
// that exists and is done, and an effective review; an auditor does not audit a process they
// own; who writes the findings; the checklist drawn from a framework and the audit report.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "catalog/loader.hpp"
#include "store/store.hpp"
#include "workspace/isms.hpp"
#include "workspace/workspace.hpp"

namespace cyberframe {
namespace {

using core::IsmsRecord;
namespace fs = std::filesystem;

const core::RegisterSpec& spec(const char* key) {
  const auto* s = core::find_register(key);
  EXPECT_NE(s, nullptr) << key;
  return *s;
}

IsmsRecord with(const char* reg, std::initializer_list<std::pair<const char*, const char*>> fields,
                const std::string& status = "") {
  IsmsRecord r;
  r.register_key = reg;
  r.title = "t";
  r.status = status;
  for (const auto& [k, v] : fields) EXPECT_TRUE(core::set_field(spec(reg), r, k, v)) << k;
  return r;
}

// The field of validate()'s first problem ("" when the record holds).
std::string refused_field(const IsmsRecord& r) {
  auto v = core::validate(spec(r.register_key.c_str()), r);
  return v ? "" : v.error().field;
}

TEST(IsmsOperationRules, ANonconformityIsClosedOnlyWithRootCauseActionAndAnEffectiveReview) {
  auto nc = with("nonconformities",
                 {{"source", "audit"}, {"description", "d"}, {"raised", "2026-09-01"}}, "open");
  EXPECT_EQ(refused_field(nc), "");
  nc.status = "closed";
  // Each missing piece is named in turn, in the order of clause 10.2.
  EXPECT_EQ(refused_field(nc), "root_cause");
  ASSERT_TRUE(core::set_field(spec("nonconformities"), nc, "root_cause", "no schedule"));
  EXPECT_EQ(refused_field(nc), "actions");
  ASSERT_TRUE(core::set_field(spec("nonconformities"), nc, "actions", "ACT-001"));
  EXPECT_EQ(refused_field(nc), "effectiveness");
  ASSERT_TRUE(core::set_field(spec("nonconformities"), nc, "effectiveness", "retested"));
  EXPECT_EQ(refused_field(nc), "effective");
  ASSERT_TRUE(core::set_field(spec("nonconformities"), nc, "effective", "no"));
  auto v = core::validate(spec("nonconformities"), nc);
  ASSERT_FALSE(v);
  EXPECT_EQ(v.error().field, "effective");
  EXPECT_NE(v.error().message.find("stays open"), std::string::npos);
  ASSERT_TRUE(core::set_field(spec("nonconformities"), nc, "effective", "yes"));
  EXPECT_EQ(refused_field(nc), "reviewed");
  ASSERT_TRUE(core::set_field(spec("nonconformities"), nc, "reviewed", "2026-11-01"));
  EXPECT_EQ(refused_field(nc), "");
  // The corrective actions are action refs.
  ASSERT_TRUE(core::set_field(spec("nonconformities"), nc, "actions", "fix it"));
  EXPECT_EQ(refused_field(nc), "actions");
}

TEST(IsmsOperationRules, ANonconformityInActionHasItsRootCause) {
  auto nc =
      with("nonconformities",
           {{"source", "incident"}, {"description", "d"}, {"raised", "2026-09-01"}}, "action");
  EXPECT_EQ(refused_field(nc), "root_cause");
  nc.status = "analysis";
  EXPECT_EQ(refused_field(nc), "");
}

TEST(IsmsOperationRules, ACompletedReassessmentHasItsDateAndResults) {
  auto ra =
      with("reassessments", {{"trigger", "planned-interval"}, {"due", "2026-10-01"}}, "completed");
  EXPECT_EQ(refused_field(ra), "performed");
  ASSERT_TRUE(core::set_field(spec("reassessments"), ra, "performed", "2026-10-02"));
  EXPECT_EQ(refused_field(ra), "results");
  ASSERT_TRUE(core::set_field(spec("reassessments"), ra, "results", "two risks re-rated"));
  EXPECT_EQ(refused_field(ra), "");
  ASSERT_TRUE(core::set_field(spec("reassessments"), ra, "trigger", "significant-change"));
  EXPECT_EQ(refused_field(ra), "change");
}

TEST(IsmsOperationRules, AnAuditNamesProcessesAndChecklistItemsAndAReportedOneItsConclusion) {
  auto audit = with("audits",
                    {{"programme", "AP-001"},
                     {"criteria", "27001"},
                     {"planned", "2026-09-01"},
                     {"processes", "PROC-001; backups"}},
                    "planned");
  EXPECT_EQ(refused_field(audit), "processes");
  ASSERT_TRUE(core::set_field(spec("audits"), audit, "processes", "PROC-001; PROC-002"));
  ASSERT_TRUE(core::set_field(spec("audits"), audit, "checklist",
                              "iso-iec-27001-2022-isms:9.2.1; "
                              "clause 7"));
  EXPECT_EQ(refused_field(audit), "checklist");
  ASSERT_TRUE(core::set_field(spec("audits"), audit, "checklist", "iso-iec-27001-2022-isms:9.2.1"));
  EXPECT_EQ(refused_field(audit), "");
  audit.status = "reported";
  EXPECT_EQ(refused_field(audit), "performed");
  ASSERT_TRUE(core::set_field(spec("audits"), audit, "performed", "2026-09-02"));
  EXPECT_EQ(refused_field(audit), "conclusion");
  ASSERT_TRUE(core::set_field(spec("audits"), audit, "conclusion", "effective"));
  EXPECT_EQ(refused_field(audit), "");
  ASSERT_TRUE(core::set_field(spec("audits"), audit, "reported", "2026-09-01"));
  EXPECT_EQ(refused_field(audit), "reported");  // before it was performed
}

TEST(IsmsOperationRules, AFindingsRequirementIsAFrameworkNode) {
  auto f = with("findings", {{"audit", "AUD-001"},
                             {"grade", "minor-nc"},
                             {"requirement", "backups"},
                             {"statement", "s"}});
  EXPECT_EQ(refused_field(f), "requirement");
  ASSERT_TRUE(
      core::set_field(spec("findings"), f, "requirement", "iso-iec-27001-2022-annex-a:A.8.13"));
  EXPECT_EQ(refused_field(f), "");
}

TEST(IsmsOperationRules, IncidentsHaveDatedTimelinesAndNotificationsAndClosedOnesTheirLessons) {
  auto inc = with("incidents", {{"detected", "2026-11-01 02:10"},
                                {"severity", "high"},
                                {"description", "d"},
                                {"timeline", "2026-11-01 02:10 alert; isolated later"}});
  EXPECT_EQ(refused_field(inc), "timeline");
  ASSERT_TRUE(core::set_field(spec("incidents"), inc, "timeline",
                              "2026-11-01 02:10 alert; 2026-11-01 02:35 isolated; 2026-11-02 "
                              "rebuilt"));
  EXPECT_EQ(refused_field(inc), "");
  ASSERT_TRUE(core::set_field(spec("incidents"), inc, "notifications", "regulator 2026-11-02"));
  EXPECT_EQ(refused_field(inc), "notifications");
  ASSERT_TRUE(core::set_field(spec("incidents"), inc, "notifications", "regulator=2026-11-31"));
  EXPECT_EQ(refused_field(inc), "notifications");
  ASSERT_TRUE(core::set_field(spec("incidents"), inc, "notifications",
                              "regulator=2026-11-02; customers=2026-11-03"));
  EXPECT_EQ(refused_field(inc), "");
  ASSERT_TRUE(core::set_field(spec("incidents"), inc, "detected", "yesterday"));
  EXPECT_EQ(refused_field(inc), "detected");
  ASSERT_TRUE(core::set_field(spec("incidents"), inc, "detected", "2026-11-01"));
  inc.status = "closed";
  EXPECT_EQ(refused_field(inc), "closed");
  ASSERT_TRUE(core::set_field(spec("incidents"), inc, "closed", "2026-11-05"));
  EXPECT_EQ(refused_field(inc), "lessons");
}

TEST(IsmsOperationRules, ADoneActionHasItsDateAndAnExternalProcessItsProvider) {
  auto act = with("actions", {{"type", "corrective"}, {"due", "2026-12-01"}}, "done");
  EXPECT_EQ(refused_field(act), "done");
  auto proc =
      with("processes", {{"kind", "process"}, {"purpose", "p"}, {"externally_provided", "yes"}});
  EXPECT_EQ(refused_field(proc), "provider");
  auto ap =
      with("audit-programmes",
           {{"period_start", "2026-01-01"}, {"period_end", "2025-12-31"}, {"frequency", "yearly"}});
  EXPECT_EQ(refused_field(ap), "period_end");
}

TEST(IsmsOperationRules, AuditorsWriteTheFindingsAndNoOtherRegister) {
  for (const auto& s : core::isms_registers()) {
    EXPECT_TRUE(core::role_writes(s, core::Role::k_admin)) << s.key;
    EXPECT_TRUE(core::role_writes(s, core::Role::k_editor)) << s.key;
    EXPECT_FALSE(core::role_writes(s, core::Role::k_viewer)) << s.key;
    EXPECT_EQ(core::role_writes(s, core::Role::k_auditor), s.key == "findings") << s.key;
  }
}

// --- across records -------------------------------------------------------------------------

const core::Catalog& cat() {
  static const catalog::LoadResult result = catalog::load_builtin();
  return result.catalog;
}

class IsmsOperationWorkspace : public ::testing::Test {
 protected:
  void SetUp() override {
    path = fs::temp_directory_path() / ("cyberframe-isms-ops-" + std::to_string(::getpid()) + "-" +
                                        std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    fs::remove_all(path);
    fs::create_directories(path);
    auto s = store::open_sqlite(path / "w.db");
    ASSERT_TRUE(s) << s.error().message;
    ws = std::make_unique<workspace::Workspace>(std::move(*s));
    auto o = ws->storage().create_organization("ACME", "");
    ASSERT_TRUE(o);
    org = o->id;
  }
  void TearDown() override {
    ws.reset();
    fs::remove_all(path);
  }
  util::Result<IsmsRecord> add(const char* reg, const std::string& ref, const std::string& owner,
                               std::initializer_list<std::pair<const char*, const char*>> fields,
                               const std::string& status = "") {
    auto r = with(reg, fields, status);
    r.ref = ref;
    r.owner = owner;
    return workspace::create_record(*ws, "tester", cat(), org, reg, r);
  }
  util::Result<IsmsRecord> edit(const char* reg, const std::string& ref,
                                std::initializer_list<std::pair<const char*, const char*>> fields,
                                const std::optional<std::string>& status = std::nullopt,
                                const std::optional<std::string>& owner = std::nullopt) {
    auto r = workspace::find_record(*ws, org, reg, ref);
    if (!r) return r;
    for (const auto& [k, v] : fields)
      if (auto s = core::set_field(spec(reg), *r, k, v); !s) return std::unexpected(s.error());
    if (status) r->status = *status;
    if (owner) r->owner = *owner;
    return workspace::update_record(*ws, "tester", cat(), org, reg, *r);
  }
  void processes_and_programme() {
    ASSERT_TRUE(add("processes", "PROC-001", "Sam Patel", {{"kind", "process"}, {"purpose", "p"}}));
    ASSERT_TRUE(add("processes", "PROC-002", "CIO", {{"kind", "process"}, {"purpose", "p"}}));
    ASSERT_TRUE(add(
        "audit-programmes", "AP-001", "CISO",
        {{"period_start", "2026-01-01"}, {"period_end", "2026-12-31"}, {"frequency", "yearly"}}));
  }
  fs::path path;
  std::unique_ptr<workspace::Workspace> ws;
  std::int64_t org = 0;
};

TEST_F(IsmsOperationWorkspace, AnAuditorCannotBeAssignedAnAuditOfAProcessTheyOwn) {
  processes_and_programme();
  auto refused = add("audits", "AUD-001", "",
                     {{"programme", "AP-001"},
                      {"criteria", "c"},
                      {"planned", "2026-12-20"},
                      {"processes", "PROC-001; PROC-002"},
                      {"auditors", "Mark Evans;  sam PATEL "}},
                     "planned");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().field, "auditors");
  EXPECT_NE(refused.error().message.find("sam PATEL owns process PROC-001"), std::string::npos)
      << refused.error().message;
  // The lead too.
  auto lead = add("audits", "AUD-001", "",
                  {{"programme", "AP-001"},
                   {"criteria", "c"},
                   {"planned", "2026-12-20"},
                   {"processes", "PROC-002"},
                   {"auditors", "Mark Evans"},
                   {"lead", "cio"}},
                  "planned");
  ASSERT_FALSE(lead);
  EXPECT_EQ(lead.error().field, "lead");
  // A process that is not in the register.
  auto unknown = add("audits", "AUD-001", "",
                     {{"programme", "AP-001"},
                      {"criteria", "c"},
                      {"planned", "2026-12-20"},
                      {"processes", "PROC-009"}},
                     "planned");
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().field, "processes");
  ASSERT_TRUE(add("audits", "AUD-001", "",
                  {{"programme", "AP-001"},
                   {"criteria", "c"},
                   {"planned", "2026-12-20"},
                   {"processes", "PROC-001; PROC-002"},
                   {"auditors", "Mark Evans"}},
                  "planned"));
  // A process's owner becoming one of the auditors of its open audit is refused too ...
  auto owner = edit("processes", "PROC-002", {}, std::nullopt, std::string("MARK EVANS"));
  ASSERT_FALSE(owner);
  EXPECT_EQ(owner.error().field, "owner");
  EXPECT_NE(owner.error().message.find("AUD-001"), std::string::npos);
  // ... but not once the audit is reported.
  ASSERT_TRUE(edit("audits", "AUD-001", {{"performed", "2026-12-20"}, {"conclusion", "ok"}},
                   std::string("reported")));
  EXPECT_TRUE(edit("processes", "PROC-002", {}, std::nullopt, std::string("Mark Evans")));
}

TEST_F(IsmsOperationWorkspace, ANonconformitysCorrectiveActionsExistAndAreDoneWhenItCloses) {
  ASSERT_TRUE(add("nonconformities", "NC-001", "CIO",
                  {{"source", "audit"}, {"description", "d"}, {"raised", "2026-09-01"}}, "open"));
  auto closing = [&] {
    return edit("nonconformities", "NC-001",
                {{"root_cause", "r"},
                 {"actions", "ACT-001"},
                 {"effectiveness", "e"},
                 {"effective", "yes"},
                 {"reviewed", "2026-11-01"}},
                std::string("closed"));
  };
  auto missing = closing();
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().field, "actions");
  EXPECT_NE(missing.error().message.find("no live action 'ACT-001'"), std::string::npos);
  ASSERT_TRUE(
      add("actions", "ACT-001", "CIO", {{"type", "corrective"}, {"due", "2026-10-01"}}, "open"));
  auto open = closing();
  ASSERT_FALSE(open);
  EXPECT_NE(open.error().message.find("ACT-001 is open"), std::string::npos);
  ASSERT_TRUE(edit("actions", "ACT-001", {{"done", "2026-10-01"}}, std::string("done")));
  auto closed = closing();
  ASSERT_TRUE(closed) << closed.error().message;
  EXPECT_EQ(closed->status, "closed");
}

TEST_F(IsmsOperationWorkspace, AChecklistIsDrawnFromAFrameworkAndTheReportShowsTheAudit) {
  processes_and_programme();
  ASSERT_TRUE(add("audits", "AUD-001", "",
                  {{"programme", "AP-001"},
                   {"criteria", "Clauses <4-10>"},
                   {"planned", "2026-12-20"},
                   {"processes", "PROC-001"},
                   {"checklist", "iso-iec-27001-2022-isms:9.3.1"}},
                  "planned"));
  auto drawn = workspace::draw_checklist(*ws, "tester", cat(), org, "AUD-001",
                                         "iso-iec-27001-2022-isms", "9");
  ASSERT_TRUE(drawn) << drawn.error().message;
  // 9.1, 9.2.1, 9.2.2, 9.3.1 (already there), 9.3.2, 9.3.3.
  auto items = drawn->list("checklist");
  ASSERT_EQ(items.size(), 6u);
  EXPECT_EQ(items[0], "iso-iec-27001-2022-isms:9.3.1");
  EXPECT_EQ(items[1], "iso-iec-27001-2022-isms:9.1");
  auto bad_framework = workspace::draw_checklist(*ws, "tester", cat(), org, "AUD-001", "nist", "");
  ASSERT_FALSE(bad_framework);
  EXPECT_EQ(bad_framework.error().field, "framework");
  auto bad_node = workspace::draw_checklist(*ws, "tester", cat(), org, "AUD-001",
                                            "iso-iec-27001-2022-annex-a", "A.99");
  ASSERT_FALSE(bad_node);
  EXPECT_EQ(bad_node.error().field, "under");
  auto all = workspace::draw_checklist(*ws, "tester", cat(), org, "AUD-001",
                                       "iso-iec-27001-2022-isms", "");
  ASSERT_TRUE(all) << all.error().message;
  EXPECT_EQ(all->list("checklist").size(), 30u);  // the 30 clauses that state requirements
  auto too_many = workspace::draw_checklist(*ws, "tester", cat(), org, "AUD-001",
                                            "iso-iec-27001-2022-annex-a", "");
  ASSERT_FALSE(too_many);  // 30 clauses and 93 controls: more than 100 items
  EXPECT_EQ(too_many.error().field, "checklist");

  ASSERT_TRUE(add("actions", "ACT-001", "CIO",
                  {{"type", "corrective"}, {"due", "2026-10-01"}, {"done", "2026-10-01"}}, "done"));
  ASSERT_TRUE(add("nonconformities", "NC-001", "CIO",
                  {{"source", "audit"},
                   {"description", "d"},
                   {"raised", "2026-09-01"},
                   {"root_cause", "no schedule"},
                   {"actions", "ACT-001"}},
                  "action"));
  ASSERT_TRUE(add("findings", "FND-001", "Mark Evans",
                  {{"audit", "AUD-001"},
                   {"grade", "major-nc"},
                   {"requirement", "iso-iec-27001-2022-isms:9.1"},
                   {"statement", "No <script>measurement</script> results"},
                   {"evidence", "Minutes"},
                   {"nonconformity", "NC-001"}}));
  ASSERT_TRUE(add("findings", "FND-002", "Mark Evans",
                  {{"audit", "AUD-001"},
                   {"grade", "good-practice"},
                   {"requirement", "iso-iec-27001-2022-isms:9.3.1"},
                   {"statement", "Reviews held"}}));
  auto html = workspace::audit_report(*ws, cat(), org, "ACME & Co", "AUD-001", "2026-12-07");
  ASSERT_TRUE(html) << html.error().message;
  for (const char* part :
       {"AUD-001", "ACME &amp; Co", "Clauses &lt;4-10&gt;", "Major nonconformity (1)",
        "Good practice (1)", "&lt;script&gt;measurement&lt;/script&gt;", "NC-001", "ACT-001",
        "no schedule", "Monitoring, measurement, analysis and evaluation", "PROC-001", "Sam Patel"})
    EXPECT_NE(html->find(part), std::string::npos) << part;
  EXPECT_EQ(html->find("<script>"), std::string::npos);
  auto missing = workspace::audit_report(*ws, cat(), org, "ACME", "AUD-404");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, util::ErrorCode::k_not_found);
}

}  // namespace
}  // namespace cyberframe
