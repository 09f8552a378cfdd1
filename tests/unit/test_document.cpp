// Documented information's rules (core/document.hpp): the workflow's transitions, self-approval
// refused when the organization forbids it, the reviewer recorded, publication superseding the
// version before, the next review date and being overdue, media types and refs.
#include <gtest/gtest.h>

#include "core/document.hpp"

namespace cyberframe::core {
namespace {

const std::string k_now = "2026-12-07T10:00:00Z";

FileData file(const std::string& name = "policy.pdf") {
  return FileData{name, std::string(64, 'a'), 1234};
}

Document drafted(const std::string& author = "alice") {
  Document d;
  d.ref = "DOC-001";
  d.title = "Information security policy";
  d.review_months = 12;
  start_first_version(d, author, k_now, file(), "First issue");
  return d;
}

TEST(Document, AddSubmitApprovePublishesWithReviewerAndApprover) {
  auto d = drafted();
  EXPECT_EQ(state_of(d), VersionState::k_draft);
  ASSERT_TRUE(submit(d, "alice", k_now, "bob"));
  EXPECT_EQ(state_of(d), VersionState::k_in_review);
  ASSERT_TRUE(approve(d, "carol", k_now, {}, false, ""));
  EXPECT_EQ(state_of(d), VersionState::k_published);
  const auto& v = d.versions.front();
  EXPECT_EQ(v.reviewer, "bob");
  EXPECT_EQ(v.approver, "carol");
  EXPECT_EQ(v.published_at, k_now);
  EXPECT_EQ(d.next_review, "2027-12-07");
}

TEST(Document, TheNextReviewIsClampedToTheLastDayOfItsMonth) {
  Document d;
  d.ref = "DOC-002";
  d.title = "Backup procedure";
  d.review_months = 1;
  start_first_version(d, "alice", "2026-01-31T09:00:00Z", file(), "");
  ASSERT_TRUE(submit(d, "alice", "2026-01-31T09:00:00Z", ""));
  ASSERT_TRUE(approve(d, "carol", "2026-01-31T10:00:00Z", {}, false, ""));
  EXPECT_EQ(d.next_review, "2026-02-28");
}

TEST(Document, TheApproverIsTheReviewerWhenNoneWasNamed) {
  auto d = drafted();
  ASSERT_TRUE(submit(d, "alice", k_now, ""));
  ASSERT_TRUE(approve(d, "carol", k_now, {}, true, ""));
  EXPECT_EQ(state_of(d), VersionState::k_approved);
  EXPECT_EQ(d.versions.front().reviewer, "carol");
  ASSERT_TRUE(publish(d, "carol", k_now, "2027-03-01"));
  EXPECT_EQ(d.next_review, "2027-03-01");
}

TEST(Document, SelfApprovalIsRefusedWhenTheOrganizationForbidsIt) {
  auto d = drafted("alice");
  ASSERT_TRUE(submit(d, "alice", k_now, ""));
  OrganizationSettings forbid{true};
  auto r = approve(d, "Alice", k_now, forbid, false, "");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "approver");
  EXPECT_NE(r.error().message.find("self-approval"), std::string::npos);
  EXPECT_EQ(state_of(d), VersionState::k_in_review);
  EXPECT_TRUE(approve(d, "alice", k_now, OrganizationSettings{false}, false, ""));
}

TEST(Document, BadTransitionsAreRefusedNamingTheState) {
  auto d = drafted();
  auto r = approve(d, "carol", k_now, {}, false, "");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("no version in-review"), std::string::npos);
  EXPECT_FALSE(publish(d, "carol", k_now, ""));
  EXPECT_FALSE(revise(d, "alice", k_now, file(), ""));  // nothing published yet
  Document empty = drafted();
  empty.versions.front().sha256.clear();
  EXPECT_FALSE(submit(empty, "alice", k_now, ""));  // no file
}

TEST(Document, APublishedVersionIsNeverEditedOnlySuperseded) {
  auto d = drafted();
  ASSERT_TRUE(submit(d, "alice", k_now, ""));
  ASSERT_TRUE(approve(d, "carol", k_now, {}, false, ""));
  auto edit = attach_file(d, 1, file("other.pdf"));
  ASSERT_FALSE(edit);
  EXPECT_NE(edit.error().message.find("never edited"), std::string::npos);
  ASSERT_TRUE(revise(d, "alice", "2027-01-01T00:00:00Z", file("v2.pdf"), "v2"));
  EXPECT_EQ(d.versions.size(), 2u);
  EXPECT_EQ(state_of(d), VersionState::k_published);    // v1 is what readers have
  EXPECT_FALSE(revise(d, "alice", k_now, file(), ""));  // v2 in progress
  ASSERT_TRUE(attach_file(d, 2, file("v2b.pdf")));
  ASSERT_TRUE(submit(d, "alice", k_now, ""));
  ASSERT_TRUE(approve(d, "carol", "2027-01-02T00:00:00Z", {}, false, ""));
  EXPECT_EQ(d.versions[0].state, VersionState::k_superseded);
  EXPECT_EQ(d.versions[1].state, VersionState::k_published);
  EXPECT_EQ(published_version(d)->number, 2);
  EXPECT_EQ(d.next_review, "2028-01-02");
}

TEST(Document, RetireEndsTheDocument) {
  auto d = drafted();
  ASSERT_TRUE(submit(d, "alice", k_now, ""));
  ASSERT_TRUE(approve(d, "carol", k_now, {}, false, ""));
  ASSERT_TRUE(retire(d, k_now));
  EXPECT_EQ(state_of(d), VersionState::k_retired);
  EXPECT_FALSE(revise(d, "alice", k_now, file(), ""));
  EXPECT_FALSE(retire(d, k_now));
  EXPECT_FALSE(acknowledgeable(d, "alice"));
}

TEST(Document, OverdueWhenPublishedAndPastItsNextReview) {
  auto d = drafted();
  d.next_review = "2026-01-01";
  EXPECT_FALSE(overdue_for_review(d, "2026-12-07"));  // not published
  ASSERT_TRUE(submit(d, "alice", k_now, ""));
  ASSERT_TRUE(approve(d, "carol", k_now, {}, false, "2026-12-06"));
  EXPECT_TRUE(overdue_for_review(d, "2026-12-07"));
  EXPECT_FALSE(overdue_for_review(d, "2026-12-06"));
}

TEST(Document, OnlyTheDistributionAcknowledgesThePublishedVersion) {
  auto d = drafted();
  d.distribution = {"Anna Clarke", "Ben Osei"};
  EXPECT_FALSE(acknowledgeable(d, "Anna Clarke"));  // nothing published
  ASSERT_TRUE(submit(d, "alice", k_now, ""));
  ASSERT_TRUE(approve(d, "carol", k_now, {}, false, ""));
  auto ok = acknowledgeable(d, "anna clarke");
  ASSERT_TRUE(ok);
  EXPECT_EQ(*ok, 1);
  auto no = acknowledgeable(d, "Mallory");
  ASSERT_FALSE(no);
  EXPECT_NE(no.error().message.find("not in the distribution"), std::string::npos);
}

TEST(Document, ValidationNamesTheField) {
  Document d = drafted();
  d.review_months = 0;
  auto r = validate(d);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "review_months");
  d.review_months = 12;
  d.next_review = "2026-02-30";
  EXPECT_EQ(validate(d).error().field, "next_review");
  d.next_review = "";
  d.title = "";
  EXPECT_EQ(validate(d).error().field, "title");
}

TEST(Document, MediaTypesRefsAndSettings) {
  EXPECT_EQ(media_type_of("Policy.PDF"), "application/pdf");
  EXPECT_EQ(media_type_of("evil.html"), "application/octet-stream");
  EXPECT_EQ(media_type_of("logo.svg"), "application/octet-stream");
  EXPECT_EQ(media_type_of("noext"), "application/octet-stream");
  EXPECT_FALSE(check_file_name("a\\b.pdf"));
  EXPECT_FALSE(check_file_name("../x"));
  EXPECT_FALSE(check_file_name("line\nbreak.txt"));
  EXPECT_TRUE(check_file_name("policy v2.pdf"));
  EXPECT_EQ(document_ref(7), "DOC-007");
  EXPECT_EQ(document_ref_number("doc-012"), 12);
  EXPECT_EQ(document_ref_number("POL-001"), 0);
  EXPECT_TRUE(check_organization_setting("self-approval", "forbid"));
  EXPECT_FALSE(check_organization_setting("self-approval", "maybe"));
  EXPECT_FALSE(check_organization_setting("colour", "blue"));
}

}  // namespace
}  // namespace cyberframe::core
