// People, their work and how they are told of it (core/people.hpp, core/reminders.hpp) and the
// new kinds of what is due (core/isms_due.hpp).
#include <gtest/gtest.h>

#include "core/document.hpp"
#include "core/isms_due.hpp"
#include "core/people.hpp"
#include "core/reminders.hpp"

namespace cyberframe::core {
namespace {

IsmsRecord record(const char* reg, const char* ref, const char* status, const char* owner,
                  std::map<std::string, FieldValue> fields) {
  IsmsRecord r;
  r.register_key = reg;
  r.ref = ref;
  r.title = std::string("Title of ") + ref;
  r.status = status;
  r.owner = owner;
  r.fields = std::move(fields);
  return r;
}

const DueItem* find(const std::vector<DueItem>& items, const std::string& ref) {
  for (const auto& i : items)
    if (i.ref == ref) return &i;
  return nullptr;
}

Person alice() {
  Person p;
  p.user = 1;
  p.name = "alice";
  p.email = "alice@example.org";
  p.aliases = {"CISO", "Plant manager, Leeds"};
  return p;
}

TEST(People, EmailAddressesAreCheckedAndEmptyClearsIt) {
  EXPECT_TRUE(check_email("alice@example.org"));
  EXPECT_TRUE(check_email(""));
  for (const char* bad : {"alice", "@example.org", "alice@", "alice@localhost", "a b@example.org",
                          "a@b@example.org", "alice@example.org\r\nBcc: x@y.z", "a@.org"})
    EXPECT_FALSE(check_email(bad)) << bad;
}

TEST(People, AliasesAreOneLineEachAndNotTwice) {
  EXPECT_TRUE(check_aliases({"CISO", "Plant manager, Leeds"}));
  EXPECT_FALSE(check_aliases({"CISO", "ciso"}));
  EXPECT_FALSE(check_aliases({""}));
  EXPECT_FALSE(check_aliases({"two\nlines"}));
  EXPECT_FALSE(check_aliases(std::vector<std::string>(21, "x")));
}

TEST(People, AnOwnerFieldNamesThePersonByNameAliasOrAddressWithoutRegardToCase) {
  auto p = alice();
  EXPECT_TRUE(names_person("Alice", p));
  EXPECT_TRUE(names_person(" ciso ", p));
  EXPECT_TRUE(names_person("plant manager, leeds", p));
  EXPECT_TRUE(names_person("CIO; CISO", p));
  EXPECT_TRUE(names_person("ALICE@example.org", p));
  EXPECT_FALSE(names_person("CIO", p));
  EXPECT_FALSE(names_person("Plant manager", p));
  EXPECT_FALSE(names_person("", p));
  DueItem audit;
  audit.owner = "CIO";
  audit.people = {"Internal auditor", "alice"};
  EXPECT_TRUE(concerns(audit, p));
}

TEST(IsmsDueClauses8To10, ActionsAuditsReassessmentsAndNonconformities) {
  std::vector<IsmsRecord> records = {
      record("actions", "ACT-001", "done", "CISO", {{"due", "2026-10-01"}}),
      record("actions", "ACT-002", "open", "CISO", {{"due", "2026-12-01"}}),
      record("actions", "ACT-003", "in-progress", "CIO", {{"due", "2026-12-20"}}),
      record("actions", "ACT-004", "cancelled", "CIO", {{"due", "2026-01-01"}}),
      record("audits", "AUD-001", "reported", "CISO", {{"planned", "2026-09-01"}}),
      record("audits", "AUD-002", "planned", "CISO",
             {{"planned", "2026-12-28"},
              {"auditors", std::vector<std::string>{"Internal auditor"}},
              {"lead", "bob"}}),
      record("audits", "AUD-003", "planned", "CISO", {{"planned", "2027-03-01"}}),
      record("reassessments", "RA-001", "completed", "CISO", {{"due", "2025-11-01"}}),
      record("reassessments", "RA-002", "planned", "CISO", {{"due", "2026-11-01"}}),
      record("reassessments", "RA-003", "planned", "CISO", {{"due", "2027-06-01"}}),
      record("nonconformities", "NC-001", "closed", "CISO",
             {{"actions", std::vector<std::string>{"ACT-002"}}}),
      record("nonconformities", "NC-002", "action", "CISO",
             {{"actions", std::vector<std::string>{"ACT-002"}}}),
      record("nonconformities", "NC-003", "open", "CISO", {}),
      record("reviews", "MR-001", "held", "CEO", {{"date", "2026-02-01"}}),
  };
  auto items = record_due_items(records, "2026-12-07");
  EXPECT_EQ(find(items, "ACT-001"), nullptr);
  ASSERT_NE(find(items, "ACT-002"), nullptr);
  EXPECT_EQ(find(items, "ACT-002")->kind, "action");
  EXPECT_EQ(find(items, "ACT-002")->days_overdue, 6);
  EXPECT_EQ(find(items, "ACT-003"), nullptr);  // not yet due
  EXPECT_EQ(find(items, "ACT-004"), nullptr);
  EXPECT_EQ(find(items, "AUD-001"), nullptr);
  ASSERT_NE(find(items, "AUD-002"), nullptr);  // planned within 30 days
  EXPECT_EQ(find(items, "AUD-002")->days_overdue, 0);
  EXPECT_EQ(find(items, "AUD-002")->reason, "the audit is planned on 2026-12-28, in 21 days");
  EXPECT_EQ(find(items, "AUD-002")->people, (std::vector<std::string>{"Internal auditor", "bob"}));
  EXPECT_EQ(find(items, "AUD-003"), nullptr);  // beyond 30 days
  EXPECT_EQ(find(items, "RA-001"), nullptr);
  ASSERT_NE(find(items, "RA-002"), nullptr);
  EXPECT_EQ(find(items, "RA-002")->days_overdue, 36);
  EXPECT_EQ(find(items, "RA-003"), nullptr);
  EXPECT_EQ(find(items, "NC-001"), nullptr);  // closed
  ASSERT_NE(find(items, "NC-002"), nullptr);
  EXPECT_EQ(find(items, "NC-002")->due, "2026-12-01");
  EXPECT_NE(find(items, "NC-002")->reason.find("ACT-002"), std::string::npos);
  EXPECT_EQ(find(items, "NC-003"), nullptr);  // no action late
  EXPECT_EQ(find(items, "MR-001"), nullptr);  // held 10 months ago
}

TEST(IsmsDueClauses8To10, AnActionLinkingANonconformityCountsAsItsAction) {
  auto action = record("actions", "ACT-009", "open", "CISO", {{"due", "2026-11-30"}});
  action.links.push_back({"record", "nonconformities/NC-004"});
  std::vector<IsmsRecord> records = {action, record("nonconformities", "NC-004", "open", "QA", {})};
  auto items = record_due_items(records, "2026-12-07");
  ASSERT_NE(find(items, "NC-004"), nullptr);
  EXPECT_EQ(find(items, "NC-004")->days_overdue, 7);
}

TEST(IsmsDueClauses8To10, TheManagementReviewIsDueTwelveMonthsAfterTheLastHeld) {
  std::vector<IsmsRecord> records = {
      record("reviews", "MR-001", "held", "CEO", {{"date", "2025-10-01"}}),
      record("reviews", "MR-002", "in-preparation", "CEO", {{"date", "2026-12-20"}})};
  auto items = record_due_items(records, "2026-12-07");
  ASSERT_NE(find(items, "MR-002"), nullptr);
  const auto& i = *find(items, "MR-002");
  EXPECT_EQ(i.kind, "management-review");
  EXPECT_EQ(i.due, "2026-10-01");
  EXPECT_EQ(i.days_overdue, 67);
  EXPECT_NE(i.reason.find("MR-001"), std::string::npos);
  // None ever held: due, without a date.
  auto none = record_due_items({record("reviews", "MR-001", "planned", "CEO", {})}, "2026-12-07");
  ASSERT_EQ(none.size(), 1u);
  EXPECT_EQ(none[0].reason, "no management review has been held; MR-001 is planned");
}

TEST(IsmsDueClauses8To10, RiskAcceptancesExpiringWithinThirtyDaysOrExpired) {
  EXPECT_FALSE(decision_due_item("acceptance", "2027-02-01", "R-001", "t", "CISO", "2026-12-07"));
  auto soon = decision_due_item("acceptance", "2026-12-31", "R-001", "t", "CISO", "2026-12-07");
  ASSERT_TRUE(soon);
  EXPECT_EQ(soon->kind, "risk-acceptance");
  EXPECT_EQ(soon->days_overdue, 0);
  EXPECT_EQ(soon->reason, "the risk acceptance expires on 2026-12-31, in 24 days");
  auto gone = decision_due_item("exception", "2026-12-01", "R-002", "t", "CIO", "2026-12-07");
  ASSERT_TRUE(gone);
  EXPECT_EQ(gone->kind, "risk-exception");
  EXPECT_EQ(gone->days_overdue, 6);
  EXPECT_EQ(gone->reason, "the risk exception expired on 2026-12-01, 6 days ago");
}

TEST(IsmsDueClauses8To10, ADocumentToAcknowledgeIsOneItemForTheOwnerAndEachPersonPending) {
  Document d;
  d.ref = "DOC-004";
  d.title = "Acceptable use";
  d.owner = "CISO";
  auto i = acknowledgement_due_item(d, 2, {"bob", "carol"}, 12, "2026-12-07");
  EXPECT_EQ(i.owner, "CISO");
  EXPECT_EQ(i.kind, "acknowledgement");
  EXPECT_EQ(i.people, (std::vector<std::string>{"bob", "carol"}));
  EXPECT_EQ(i.reason,
            "2 of 12 persons of the distribution have not acknowledged version 2: bob, carol");
  std::vector<std::string> many{"a", "b", "c", "d", "e", "f", "g"};
  EXPECT_TRUE(acknowledgement_due_item(d, 1, many, 9, "2026-12-07")
                  .reason.ends_with(": a, b, c, d, e and 2 more"));
}

TEST(Calendar, TextIsEscapedAndLinesFoldedAt75Octets) {
  EXPECT_EQ(ical_escape("a;b,c\\d\ne"), "a\\;b\\,c\\\\d\\ne");
  auto folded = ical_fold("SUMMARY:" + std::string(100, 'x'));
  EXPECT_EQ(folded, "SUMMARY:" + std::string(67, 'x') + "\r\n " + std::string(33, 'x') + "\r\n");
  // A UTF-8 sequence is never split across lines.
  std::string euro;
  for (int i = 0; i < 40; ++i) euro += "\xe2\x82\xac";
  for (const auto& line : std::vector<std::string>{ical_fold("X:" + euro)}) {
    std::size_t start = 0;
    while (start < line.size()) {
      auto end = line.find("\r\n", start);
      EXPECT_LE(end - start, 75u);
      if (end + 2 < line.size()) {
        unsigned char next = line[end + 3];  // after CRLF and the blank
        EXPECT_NE(next & 0xc0, 0x80) << "a continuation byte starts a folded line";
      }
      start = end + 2;
    }
  }
}

TEST(Calendar, OneEventPerDatedItemWithAStableUid) {
  std::vector<WorkItem> work(2);
  work[0].organization = 3;
  work[0].organization_name = "Demo, Ltd";
  work[0].item.kind = "action";
  work[0].item.register_key = "actions";
  work[0].item.ref = "ACT-003";
  work[0].item.title = "Patch; then reboot";
  work[0].item.due = "2026-11-30";
  work[0].item.reason = "the action was due on 2026-11-30, 7 days ago";
  work[1] = work[0];
  work[1].item.ref = "DOC-004";
  work[1].item.due = "";  // no date: no event
  auto a = calendar_text(alice(), work, "2026-12-07T06:00:00Z");
  auto b = calendar_text(alice(), work, "2026-12-08T06:00:00Z");
  EXPECT_NE(a.find("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"), std::string::npos);
  EXPECT_NE(a.find("UID:3-action-actions-ACT-003@cyberframe\r\n"), std::string::npos);
  EXPECT_NE(b.find("UID:3-action-actions-ACT-003@cyberframe\r\n"), std::string::npos);
  EXPECT_NE(a.find("DTSTART;VALUE=DATE:20261130\r\nDTEND;VALUE=DATE:20261201\r\n"),
            std::string::npos);
  EXPECT_NE(a.find("SUMMARY:ACT-003 Patch\\; then reboot (action)"), std::string::npos);
  EXPECT_NE(a.find("DESCRIPTION:Demo\\, Ltd: "), std::string::npos);
  EXPECT_NE(a.find("DTSTAMP:20261207T060000Z"), std::string::npos);
  EXPECT_EQ(a.find("DOC-004"), std::string::npos);
  EXPECT_TRUE(a.ends_with("END:VCALENDAR\r\n"));
}

TEST(Mail, TheDigestListsTheItemsAndTheMessageIsWellFormed) {
  std::vector<WorkItem> work(1);
  work[0].organization_name = "Demo";
  work[0].item.kind = "action";
  work[0].item.ref = "ACT-003";
  work[0].item.title = "Sécurité";
  work[0].item.due = "2026-11-30";
  work[0].item.days_overdue = 7;
  work[0].item.reason = "late";
  auto mail = digest_mail(alice(), work, "2026-12-07");
  EXPECT_EQ(mail.to, "alice@example.org");
  EXPECT_EQ(mail.subject, "cyberframe: 1 item due for alice on 2026-12-07 (1 overdue)");
  EXPECT_NE(mail.body.find("ACT-003"), std::string::npos);
  auto text = mime_message("isms@example.org", mail, rfc5322_date("2026-12-07T06:00:00Z"),
                           "abc@cyberframe");
  EXPECT_NE(text.find("Date: Mon, 07 Dec 2026 06:00:00 +0000\r\n"), std::string::npos);
  EXPECT_NE(text.find("Content-Type: text/plain; charset=UTF-8\r\n"), std::string::npos);
  EXPECT_NE(text.find("S=C3=A9curit=C3=A9"), std::string::npos);
  for (std::size_t at = 0; (at = text.find('\n', at)) != std::string::npos; ++at)
    EXPECT_EQ(text[at - 1], '\r');
  // A subject that is not ASCII is an RFC 2047 word; no header takes a line break in.
  mail.subject = "Sécurité\r\nBcc: x@example.org";
  auto encoded = mime_message("isms@example.org", mail, "d", "id");
  EXPECT_NE(encoded.find("Subject: =?UTF-8?B?"), std::string::npos);
  EXPECT_EQ(encoded.find("\r\nBcc:"), std::string::npos);
}

}  // namespace
}  // namespace cyberframe::core
