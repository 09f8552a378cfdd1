// What the ISMS has due (core/isms_due.hpp) and the calendar it counts with (util/date.hpp).
#include <gtest/gtest.h>

#include "core/document.hpp"
#include "core/isms_due.hpp"
#include "core/measurement.hpp"
#include "util/date.hpp"

namespace cyberframe::core {
namespace {

IsmsRecord record(const char* reg, const char* ref, const char* status,
                  std::map<std::string, FieldValue> fields) {
  IsmsRecord r;
  r.register_key = reg;
  r.ref = ref;
  r.title = std::string("Title of ") + ref;
  r.status = status;
  r.fields = std::move(fields);
  return r;
}

// A management review held within the year: without one the review itself is due, which these
// tests of other kinds leave out.
IsmsRecord held_review() {
  return record("reviews", "MR-001", "held", {{"date", "2026-06-30"}});
}

TEST(Dates, RealDatesOnlyAndDaysBetweenThem) {
  EXPECT_EQ(util::day_number("1970-01-01"), 0);
  EXPECT_EQ(util::day_number("2024-03-01").value() - util::day_number("2024-02-28").value(), 2);
  EXPECT_EQ(util::day_number("2026-03-01").value() - util::day_number("2026-02-28").value(), 1);
  for (const char* bad : {"2026-02-29", "2026-13-01", "2026-1-01", "26-01-01", "", "2026-01-01T"})
    EXPECT_FALSE(util::day_number(bad).has_value()) << bad;
  EXPECT_EQ(util::date_of_day(util::day_number("2026-12-07").value()), "2026-12-07");
  EXPECT_EQ(util::add_months("2026-01-31", 1), "2026-02-28");
  EXPECT_EQ(util::add_months("2026-11-30", 14), "2028-01-30");
  EXPECT_FALSE(util::add_months("2026-02-30", 1).has_value());
  EXPECT_TRUE(util::day_number(util::today_utc()).has_value());
}

TEST(IsmsDue, ReviewsPastTheirDateAreDueWithTheDaysLate) {
  std::vector<IsmsRecord> records = {
      record("competence", "COMP-001", "competent", {{"next_review", "2026-11-30"}}),
      record("competence", "COMP-002", "competent", {{"next_review", "2026-12-07"}}),
      record("obligations", "OBL-001", "active", {{"next_review", "2026-06-30"}}),
      record("obligations", "OBL-002", "retired", {{"next_review", "2020-01-01"}}),
      held_review(),
  };
  auto due = record_due_items(records, "2026-12-07");
  sort_due_items(due);
  ASSERT_EQ(due.size(), 2u);
  EXPECT_EQ(due[0].ref, "OBL-001");
  EXPECT_EQ(due[0].kind, "obligation-review");
  EXPECT_EQ(due[0].days_overdue, 160);
  EXPECT_EQ(due[1].ref, "COMP-001");
  EXPECT_EQ(due[1].days_overdue, 7);
  EXPECT_EQ(due[1].reason, "its review was due on 2026-11-30, 7 days ago");
}

TEST(IsmsDue, AnAwarenessProgrammeIsDueOnlyWhenLateAndIncomplete) {
  std::vector<IsmsRecord> records = {
      record("awareness", "AWR-001", "running",
             {{"due", "2026-10-31"}, {"targeted", "120"}, {"completed", "30"}}),
      record("awareness", "AWR-002", "running",
             {{"due", "2026-10-31"}, {"targeted", "50"}, {"completed", "50"}}),
      record("awareness", "AWR-003", "cancelled", {{"due", "2026-01-31"}}),
      record("awareness", "AWR-004", "planned", {{"due", "2027-01-31"}, {"targeted", "10"}}),
      held_review(),
  };
  auto due = record_due_items(records, "2026-12-07");
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].ref, "AWR-001");
  EXPECT_EQ(due[0].reason,
            "the programme was due on 2026-10-31, 37 days ago; 30 of 120 completed (25%)");
}

TEST(IsmsDue, ChangesPastTheirDateAndAnUnapprovedScopeAreDueDeletedRecordsNever) {
  auto late = record("changes", "CHG-001", "in-progress", {{"planned", "2026-09-01"}});
  auto done = record("changes", "CHG-002", "done", {{"planned", "2026-09-01"}});
  auto deleted = record("changes", "CHG-003", "planned", {{"planned", "2026-09-01"}});
  deleted.deleted = true;
  auto scope = record("scope", "SCOPE-001", "", {});
  scope.revision = 3;
  scope.approved_revision = 2;
  auto approved = record("scope", "SCOPE-002", "", {});
  approved.revision = 2;
  approved.approved_revision = 2;
  auto due = record_due_items({late, done, deleted, scope, approved, held_review()}, "2026-12-07");
  sort_due_items(due);
  ASSERT_EQ(due.size(), 2u);
  EXPECT_EQ(due[0].ref, "CHG-001");
  EXPECT_EQ(due[0].kind, "change");
  EXPECT_EQ(due[1].kind, "scope-approval");
  EXPECT_EQ(due[1].due, "");
  EXPECT_EQ(due[1].reason, "revision 3 of the scope is not approved");
}

TEST(IsmsDue, ADocumentPastReviewAndAnObjectiveOffTrackCountTheirDaysAsTheRegistersDo) {
  Document doc;
  doc.ref = "DOC-007";
  doc.title = "Access control policy";
  doc.owner = "IT manager";
  doc.next_review = "2026-12-06";
  auto d = document_due_item(doc, "2026-12-07");
  EXPECT_EQ(d.kind, "document-review");
  EXPECT_EQ(d.register_key, "documents");
  EXPECT_EQ(d.days_overdue, 1);
  EXPECT_EQ(d.reason, "its review was due on 2026-12-06, 1 day ago");

  ObjectiveProgress off;
  off.objective = "OBJ-004";
  off.progress = Progress::k_off_track;
  off.reason = "the latest value is past the threshold";
  // Off by its value, its due date still ahead: no date, no days.
  auto ahead = record("objectives", "OBJ-004", "on-track", {{"due", "2027-06-30"}});
  auto o = objective_due_item(off, &ahead, "2026-12-07");
  EXPECT_EQ(o.title, "Title of OBJ-004");
  EXPECT_EQ(o.due, "");
  EXPECT_EQ(o.days_overdue, 0);
  EXPECT_EQ(o.reason, off.reason);
  // Its due date passed: it counts.
  auto passed = record("objectives", "OBJ-004", "on-track", {{"due", "2026-11-30"}});
  o = objective_due_item(off, &passed, "2026-12-07");
  EXPECT_EQ(o.due, "2026-11-30");
  EXPECT_EQ(o.days_overdue, 7);
  // No record found: the ref and the reason still say what is off.
  o = objective_due_item(off, nullptr, "2026-12-07");
  EXPECT_EQ(o.ref, "OBJ-004");
  EXPECT_EQ(o.title, "");
}

}  // namespace
}  // namespace cyberframe::core
