// The management review's inputs (core/review.hpp): what goes into 9.3.2 a-g, since when, and
// the JSON they are frozen as (codec/review_json.hpp).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "codec/review_json.hpp"
#include "core/review.hpp"

namespace cyberframe::core {
namespace {

IsmsRecord record(const char* reg, const char* ref, const char* status,
                  std::map<std::string, FieldValue> fields, const char* changed = "2026-01-10",
                  std::vector<IsmsLink> links = {}) {
  IsmsRecord r;
  r.register_key = reg;
  r.ref = ref;
  r.title = std::string("Title of ") + ref;
  r.status = status;
  r.fields = std::move(fields);
  r.created_at = std::string(changed) + "T09:00:00Z";
  r.updated_at = r.created_at;
  r.links = std::move(links);
  return r;
}

std::vector<std::string> refs(const ReviewInput& in) {
  std::vector<std::string> out;
  for (const auto& r : in.records) out.push_back(r.ref);
  return out;
}

std::int64_t count(const ReviewInput& in, const std::string& key) {
  for (const auto& [k, v] : in.summary)
    if (k == key) return v;
  ADD_FAILURE() << "no count " << key << " in input " << in.key;
  return -1;
}

TEST(ReviewSince, TheLastHeldReviewBeforeThisOne) {
  std::vector<IsmsRecord> reviews = {
      record("reviews", "MR-001", "held", {{"date", "2025-02-01"}}),
      record("reviews", "MR-002", "closed", {{"date", "2026-02-01"}}),
      record("reviews", "MR-003", "in-preparation", {{"date", "2026-12-20"}}),
      record("reviews", "MR-004", "planned", {{"date", "2027-12-20"}})};
  EXPECT_EQ(review_since(reviews, reviews[2]), "2026-02-01");
  EXPECT_EQ(review_since(reviews, reviews[1]), "2025-02-01");  // not itself
  EXPECT_EQ(review_since(reviews, reviews[0]), "");            // the first
  ASSERT_NE(next_review(reviews), nullptr);
  EXPECT_EQ(next_review(reviews)->ref, "MR-003");
  reviews[1].deleted = true;
  EXPECT_EQ(review_since(reviews, reviews[2]), "2025-02-01");
}

TEST(ReviewInputs, EachInputDrawsOnlyWhatChangedOrStillMatters) {
  ReviewSources s;
  s.review = record("reviews", "MR-002", "in-preparation", {{"date", "2026-12-20"}});
  s.since = "2026-02-01";
  s.today = "2026-12-07";
  auto from = [](const char* ref) { return std::vector<IsmsLink>{{"record", ref}}; };
  s.records["actions"] = {
      record("actions", "ACT-001", "done", {{"type", "review-output"}, {"due", "2026-03-01"}},
             "2026-01-10", from("reviews/MR-001")),
      record("actions", "ACT-002", "open", {{"type", "review-output"}, {"due", "2026-06-30"}},
             "2026-01-10", from("reviews/MR-001")),
      record("actions", "ACT-003", "open", {{"type", "review-output"}, {"due", "2027-01-31"}},
             "2026-12-01", from("reviews/MR-002")),  // this review's own: not a)
      record("actions", "ACT-004", "open", {{"type", "corrective"}, {"due", "2026-11-01"}},
             "2026-05-01", from("nonconformities/NC-001"))};
  s.records["context"] = {
      record("context", "CTX-001", "open", {{"category", "internal"}}),
      record("context", "CTX-002", "open", {{"category", "external"}}, "2026-04-01")};
  s.records["interested-parties"] = {record("interested-parties", "IP-001", "active", {})};
  s.records["requirements"] = {
      record("requirements", "REQ-001", "active", {{"addressed", "partly"}}, "2026-03-03")};
  s.records["nonconformities"] = {
      record("nonconformities", "NC-001", "action", {{"raised", "2026-04-01"}}),
      record("nonconformities", "NC-002", "closed", {{"closed", "2025-12-01"}}),
      record("nonconformities", "NC-003", "closed", {{"closed", "2026-08-01"}})};
  s.records["audits"] = {record("audits", "AUD-001", "reported", {{"reported", "2026-09-01"}}),
                         record("audits", "AUD-000", "closed", {{"reported", "2025-09-01"}})};
  s.records["findings"] = {
      record("findings", "FND-001", "open", {{"audit", "AUD-001"}, {"grade", "major-nc"}}),
      record("findings", "FND-002", "open", {{"audit", "AUD-001"}, {"grade", "observation"}}),
      record("findings", "FND-009", "closed", {{"audit", "AUD-000"}, {"grade", "minor-nc"}})};
  s.records["feedback"] = {record("feedback", "FB-001", "closed", {{"received", "2025-11-01"}}),
                           record("feedback", "FB-002", "open", {{"received", "2026-10-01"}})};
  s.records["reassessments"] = {
      record("reassessments", "RA-001", "completed",
             {{"performed", "2026-03-01"}, {"trigger", "planned-interval"}}),
      record("reassessments", "RA-002", "planned", {{"due", "2026-11-01"}})};
  s.records["improvements"] = {record("improvements", "IMP-001", "proposed", {}),
                               record("improvements", "IMP-002", "rejected", {}),
                               record("improvements", "IMP-003", "implemented", {}, "2025-06-01")};
  s.measurements = {{"MEAS-001", "Patch latency", "breached", "2026-11-30"}};
  s.objectives = {{"OBJ-001", "Patch fast", "on-track", "off-track", "the latest value breached"}};
  s.risks = {{"R-001", "Ransomware", "treating", "high", true, "mitigate", "2025-01-01T00:00:00Z"},
             {"R-002", "Fire", "accepted", "low", false, "accept", "2025-01-01T00:00:00Z"}};
  s.risk_summary = {{"risks_open", 2}, {"above_appetite", 1}};
  s.profiles = {{"Current", "iso-iec-tr-27103-2018", 1.5, "Q1 2026, 2026-03-31", 2.25,
                 "Q3 2026, 2026-09-30"}};
  auto in = assemble_review_inputs(s);
  EXPECT_EQ(in.review, "MR-002");
  EXPECT_EQ(in.since, "2026-02-01");
  std::vector<std::string> keys;
  for (const auto& i : in.inputs) keys.push_back(i.key);
  EXPECT_EQ(keys, (std::vector<std::string>{"a", "b", "c", "d", "e", "f", "g", "profile"}));

  const auto& a = *in.input("a");
  EXPECT_EQ(refs(a), (std::vector<std::string>{"ACT-001", "ACT-002"}));
  EXPECT_EQ(count(a, "overdue"), 1);
  EXPECT_EQ(count(a, "done"), 1);
  EXPECT_NE(a.records[1].why.find("overdue since 2026-06-30"), std::string::npos);

  EXPECT_EQ(refs(*in.input("b")), (std::vector<std::string>{"CTX-002"}));  // changed since
  EXPECT_EQ(count(*in.input("b"), "external"), 1);
  EXPECT_EQ(refs(*in.input("c")), (std::vector<std::string>{"REQ-001"}));
  EXPECT_EQ(count(*in.input("c"), "requirements_not_fully_addressed"), 1);

  const auto& d = *in.input("d");
  EXPECT_EQ(refs(d), (std::vector<std::string>{"NC-001", "NC-003", "ACT-004", "MEAS-001", "OBJ-001",
                                               "AUD-001", "FND-001", "FND-002"}));
  EXPECT_EQ(count(d, "nonconformities_open"), 1);
  EXPECT_EQ(count(d, "nonconformities_closed"), 1);
  EXPECT_EQ(count(d, "corrective_actions_overdue"), 1);
  EXPECT_EQ(count(d, "measurements_breached"), 1);
  EXPECT_EQ(count(d, "objectives_off_track"), 1);
  EXPECT_EQ(count(d, "findings_major_nc"), 1);
  EXPECT_EQ(count(d, "findings_minor_nc"), 0);  // of an audit reported before the last review

  EXPECT_EQ(refs(*in.input("e")), (std::vector<std::string>{"FB-002"}));
  const auto& f = *in.input("f");
  EXPECT_EQ(refs(f), (std::vector<std::string>{"R-001", "RA-001", "RA-002"}));
  EXPECT_EQ(f.records[0].kind, "risk");
  EXPECT_EQ(count(f, "reassessments_overdue"), 1);
  EXPECT_EQ(count(f, "above_appetite"), 1);
  EXPECT_EQ(refs(*in.input("g")), (std::vector<std::string>{"IMP-001"}));
  const auto& p = *in.input("profile");
  ASSERT_EQ(p.records.size(), 1u);
  EXPECT_EQ(p.records[0].status, "improved");
  EXPECT_EQ(count(p, "improved"), 1);
}

TEST(ReviewInputs, TheFirstReviewDrawsOnEverything) {
  ReviewSources s;
  s.review = record("reviews", "MR-001", "planned", {{"date", "2026-02-01"}});
  s.today = "2026-02-01";
  s.records["context"] = {record("context", "CTX-001", "open", {{"category", "internal"}})};
  auto in = assemble_review_inputs(s);
  EXPECT_EQ(in.since, "");
  EXPECT_EQ(refs(*in.input("b")), (std::vector<std::string>{"CTX-001"}));
}

TEST(ReviewHold, HeldOnceWithADate) {
  auto r = record("reviews", "MR-001", "in-preparation", {{"date", "2026-02-01"}});
  EXPECT_TRUE(check_hold(r).has_value());
  EXPECT_EQ(held(r).status, "held");
  auto again = check_hold(held(r));
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code, util::ErrorCode::k_conflict);
  r.fields.erase("date");
  EXPECT_EQ(check_hold(r).error().field, "date");
}

TEST(ReviewAction, AnOutputLinkedToItsReview) {
  auto r = record("reviews", "MR-001", "held", {{"date", "2026-02-01"}});
  auto a = review_action(r, "  Fund the SOC  ", "CISO", "2026-06-30", "");
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(a->title, "Fund the SOC");
  EXPECT_EQ(a->text("type"), "review-output");
  EXPECT_EQ(a->links, (std::vector<IsmsLink>{{"record", "reviews/MR-001"}}));
  EXPECT_EQ(review_action(r, "", "CISO", "2026-06-30", "").error().field, "title");
  EXPECT_EQ(review_action(r, "x", "CISO", "2026-02-30", "").error().field, "due");
}

TEST(ReviewJson, FrozenInputsReadBackAsWritten) {
  ReviewSources s;
  s.review = record("reviews", "MR-001", "planned", {{"date", "2026-02-01"}});
  s.today = "2026-02-01";
  s.records["context"] = {record("context", "CTX-001", "open", {{"category", "internal"}})};
  s.profiles = {{"Current", "fw", std::nullopt, "", 2.25, "as it stands"}};
  auto in = assemble_review_inputs(s);
  auto j = codec::to_json(in);
  for (const char* key : {"a", "b", "c", "d", "e", "f", "g", "profile"})
    EXPECT_TRUE(j.contains(key)) << key;
  EXPECT_EQ(j["b"]["records"][0]["register"], "context");
  auto back = codec::review_inputs_from_json(j);
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(codec::to_json(*back), j);
}

}  // namespace
}  // namespace cyberframe::core
