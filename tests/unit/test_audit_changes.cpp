// What an auditor reads of an audit row: the fields that changed, with their values before and
// after (core::field_changes), and the bounds of a date filter (core::audit_time_bound).

#include <gtest/gtest.h>

#include "core/audit_changes.hpp"

namespace cyberframe::core {
namespace {

using Changes = std::vector<FieldChange>;
using std::nullopt;

FieldChange change(std::string field, std::optional<std::string> before,
                   std::optional<std::string> after) {
  return FieldChange{std::move(field), std::move(before), std::move(after)};
}

TEST(FieldChanges, OnlyTheChangedFieldsOfAnUpdate) {
  auto before = R"({"node":"ID.AM-1","current":{"level":1,"na":false},"notes":"","owner":"bob"})";
  auto after =
      R"({"node":"ID.AM-1","current":{"level":2,"na":false},"notes":"reviewed","owner":"bob"})";
  EXPECT_EQ(field_changes(before, after), (Changes{change("/current/level", "1", "2"),
                                                   change("/notes", R"("")", R"("reviewed")")}));
}

TEST(FieldChanges, AddedAndRemovedMembersSayWhichSideLacksThem) {
  EXPECT_EQ(field_changes(R"({"a":1,"gone":true})", R"({"a":1,"new":"x"})"),
            (Changes{change("/new", nullopt, R"("x")"), change("/gone", "true", nullopt)}));
  // A member that became null is a change to null, not a removal.
  EXPECT_EQ(field_changes(R"({"due":"2026-06-30"})", R"({"due":null})"),
            (Changes{change("/due", R"("2026-06-30")", "null")}));
}

TEST(FieldChanges, ACreationListsEveryFieldAndARemovalEveryFieldItHad) {
  EXPECT_EQ(field_changes("null", R"({"name":"ACME","scope":{"sites":2}})"),
            (Changes{change("/name", nullopt, R"("ACME")"), change("/scope/sites", nullopt, "2")}));
  EXPECT_EQ(field_changes(R"({"name":"ACME"})", "null"),
            (Changes{change("/name", R"("ACME")", nullopt)}));
  EXPECT_EQ(field_changes("", R"({"name":"ACME"})"),
            (Changes{change("/name", nullopt, R"("ACME")")}));
}

TEST(FieldChanges, NothingChangedIsNoChange) {
  EXPECT_TRUE(
      field_changes(R"({"a":[1,2],"b":{"c":null}})", R"({"b":{"c":null},"a":[1,2]})").empty());
  EXPECT_TRUE(field_changes("null", "null").empty());
  EXPECT_TRUE(field_changes("", "").empty());
}

TEST(FieldChanges, AnArrayOfScalarsIsOneValue) {
  EXPECT_EQ(field_changes(R"({"nodes":["ID.AM-1"]})", R"({"nodes":["ID.AM-1","PR.AC-1"]})"),
            (Changes{change("/nodes", R"(["ID.AM-1"])", R"(["ID.AM-1","PR.AC-1"])")}));
}

TEST(FieldChanges, AnArrayOfObjectsIsComparedByPosition) {
  auto before = R"({"mappings":[{"source":"A","rel":"equal"},{"source":"B","rel":"subset"}]})";
  auto after =
      R"({"mappings":[{"source":"A","rel":"superset"},{"source":"B","rel":"subset"},{"source":"C","rel":"equal"}]})";
  EXPECT_EQ(field_changes(before, after),
            (Changes{change("/mappings/0/rel", R"("equal")", R"("superset")"),
                     change("/mappings/2/source", nullopt, R"("C")"),
                     change("/mappings/2/rel", nullopt, R"("equal")")}));
}

TEST(FieldChanges, ATypeChangeIsOneChangeAtItsPath) {
  EXPECT_EQ(field_changes(R"({"owner":{"name":"bob"}})", R"({"owner":"bob"})"),
            (Changes{change("/owner", R"({"name":"bob"})", R"("bob")")}));
  EXPECT_EQ(field_changes(R"({"x":{}})", R"({"x":{"y":1}})"),
            (Changes{change("/x/y", nullopt, "1")}));
}

TEST(FieldChanges, KeysAreEscapedAsJsonPointers) {
  EXPECT_EQ(field_changes(R"({"a/b":1,"m~n":1})", R"({"a/b":2,"m~n":2})"),
            (Changes{change("/a~1b", "1", "2"), change("/m~0n", "1", "2")}));
}

TEST(FieldChanges, TextThatIsNotJsonIsAString) {
  EXPECT_EQ(field_changes("old text", "new text"),
            (Changes{change("", R"("old text")", R"("new text")")}));
}

TEST(FieldChanges, ValuesReadAsAPersonReadsThem) {
  EXPECT_EQ(change_text(std::string(R"("reviewed")")), "reviewed");
  EXPECT_EQ(change_text(std::string(R"("a \"quote\"")")), R"(a "quote")");
  EXPECT_EQ(change_text(std::string("2")), "2");
  EXPECT_EQ(change_text(std::string(R"(["x","y"])")), R"(["x","y"])");
  EXPECT_EQ(change_text(nullopt), "");
}

TEST(AuditTimeBound, ADateIsTheWholeDay) {
  EXPECT_EQ(*audit_time_bound("from", "2026-03-31", false), "2026-03-31T00:00:00Z");
  EXPECT_EQ(*audit_time_bound("to", "2026-03-31", true), "2026-03-31T23:59:59Z");
}

TEST(AuditTimeBound, Rfc3339TimestampsAreTurnedToUtc) {
  EXPECT_EQ(*audit_time_bound("from", "2026-03-31T14:05:09Z", false), "2026-03-31T14:05:09Z");
  EXPECT_EQ(*audit_time_bound("from", "2026-03-31t14:05:09z", false), "2026-03-31T14:05:09Z");
  EXPECT_EQ(*audit_time_bound("from", "2026-03-31T01:30:00+02:00", false), "2026-03-30T23:30:00Z");
  EXPECT_EQ(*audit_time_bound("to", "2026-12-31T23:30:00-01:00", true), "2027-01-01T00:30:00Z");
  // Fractions: a lower bound starts at the next whole second, an upper bound ends at its own.
  EXPECT_EQ(*audit_time_bound("from", "2026-03-31T14:05:09.250Z", false), "2026-03-31T14:05:10Z");
  EXPECT_EQ(*audit_time_bound("to", "2026-03-31T14:05:09.250Z", true), "2026-03-31T14:05:09Z");
  EXPECT_EQ(*audit_time_bound("from", "2026-03-31T14:05:09.000Z", false), "2026-03-31T14:05:09Z");
  EXPECT_EQ(*audit_time_bound("from", "2024-02-29T23:59:59.5Z", false), "2024-03-01T00:00:00Z");
}

TEST(AuditTimeBound, AnythingElseIsRefusedNamingTheParameter) {
  for (auto bad : {"yesterday", "2026-3-31", "2026-03-31 14:05:09Z", "2026-03-31T14:05:09",
                   "2026-03-31T14:05Z", "2026-03-31T14:05:09+0200", "2026-03-31T14:05:09.Z",
                   "31/03/2026", ""}) {
    auto r = audit_time_bound("from", bad, false);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().code, util::ErrorCode::k_invalid_input);
    EXPECT_TRUE(r.error().message.starts_with("from")) << r.error().message;
  }
  auto r = audit_time_bound("to", "2026-02-30", true);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("to '2026-02-30' is not a date on the calendar"),
            std::string::npos)
      << r.error().message;
  EXPECT_FALSE(audit_time_bound("to", "2026-03-31T24:00:00Z", true));
  EXPECT_FALSE(audit_time_bound("to", "2026-03-31T12:00:00+24:00", true));
}

TEST(AuditPeriod, FromAfterToIsRefused) {
  AuditQuery q;
  EXPECT_TRUE(set_audit_period(q, "2026-03-01", "2026-03-31"));
  EXPECT_EQ(q.from, "2026-03-01T00:00:00Z");
  EXPECT_EQ(q.to, "2026-03-31T23:59:59Z");
  AuditQuery same_day;
  EXPECT_TRUE(set_audit_period(same_day, "2026-03-31", "2026-03-31"));
  AuditQuery backwards;
  auto r = set_audit_period(backwards, "2026-04-01", "2026-03-31");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("later than to"), std::string::npos) << r.error().message;
  AuditQuery open;
  EXPECT_TRUE(set_audit_period(open, "", ""));
  EXPECT_TRUE(open.from.empty() && open.to.empty());
}

}  // namespace
}  // namespace cyberframe::core
