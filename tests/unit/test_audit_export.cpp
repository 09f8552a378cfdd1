// The audit trail filtered in the store (person, kind of record, record, action, dates, newest
// first under a cursor) and exported by the workspace layer as CSV and XLSX, one line per changed
// field, with no cell a spreadsheet would run as a formula.

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>

#include "core/audit_changes.hpp"
#include "exchange/xlsx.hpp"
#include "store/store.hpp"
#include "util/text.hpp"
#include "workspace/audit_export.hpp"
#include "workspace/workspace.hpp"

namespace cyberframe::workspace {
namespace {

namespace fs = std::filesystem;

class AuditTrailTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path =
        fs::temp_directory_path() / ("cyberframe-audit-export-" + std::to_string(::getpid()) + "-" +
                                     std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    fs::remove_all(path);
    fs::create_directories(path);
    auto s = store::open_sqlite(path / "w.db");
    ASSERT_TRUE(s) << s.error().message;
    ws = std::make_unique<Workspace>(std::move(*s));
    auto org = ws->create_organization("alice", "ACME", "=HYPERLINK(\"http://evil.example\")");
    ASSERT_TRUE(org) << org.error().message;
    core::Profile p;
    p.organization = org->id;
    p.name = "Now";
    p.framework = "nist-csf-1.1";
    auto created = ws->create_profile("alice", p);
    ASSERT_TRUE(created) << created.error().message;
    profile = created->id;
    core::NodeAssessment a;
    a.node = "ID.AM-1";
    a.level = 1;
    ASSERT_TRUE(ws->storage().put_node_assessment(profile, a, 0, "alice"));
    a.level = 3;
    a.notes = "@SUM(A1), see\n\"the\" policy";
    ASSERT_TRUE(ws->storage().put_node_assessment(profile, a, 1, "bob"));
  }
  void TearDown() override {
    ws.reset();
    fs::remove_all(path);
  }

  std::vector<core::AuditRecord> log(const core::AuditQuery& q) {
    auto rows = ws->audit_log(q);
    EXPECT_TRUE(rows) << rows.error().message;
    return rows ? *rows : std::vector<core::AuditRecord>{};
  }

  fs::path path;
  std::unique_ptr<Workspace> ws;
  std::int64_t profile = 0;
};

TEST_F(AuditTrailTest, FiltersByPersonKindRecordAndAction) {
  core::AuditQuery by_bob;
  by_bob.actor = "bob";
  auto rows = log(by_bob);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].entity, "node");
  EXPECT_EQ(rows[0].entity_id, std::to_string(profile) + "/ID.AM-1");
  EXPECT_EQ(*ws->audit_count(by_bob), 1);

  core::AuditQuery by_alice;
  by_alice.actor = "alice";
  EXPECT_EQ(*ws->audit_count(by_alice), 3);  // the organization, the profile, the node
  by_alice.entity = "node";
  by_alice.entity_id = std::to_string(profile) + "/ID.AM-1";
  rows = log(by_alice);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].action, "create");

  core::AuditQuery updates;
  updates.action = "update";
  rows = log(updates);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].actor, "bob");

  core::AuditQuery nobody;
  nobody.actor = "mallory";
  EXPECT_TRUE(log(nobody).empty());
  EXPECT_EQ(*ws->audit_count(nobody), 0);
}

TEST_F(AuditTrailTest, FiltersByTimeInclusively) {
  core::AuditQuery all;
  auto every = log(all);
  ASSERT_EQ(every.size(), 4u);
  const auto& first = every.front().at;
  const auto& last = every.back().at;
  core::AuditQuery q;
  q.from = first;
  q.to = last;
  EXPECT_EQ(log(q).size(), 4u) << "both bounds are inclusive";
  core::AuditQuery later;
  ASSERT_TRUE(core::set_audit_period(later, "2999-01-01", ""));
  EXPECT_TRUE(log(later).empty());
  core::AuditQuery earlier;
  ASSERT_TRUE(core::set_audit_period(earlier, "", "2000-01-01"));
  EXPECT_TRUE(log(earlier).empty());
  core::AuditQuery today;
  ASSERT_TRUE(core::set_audit_period(today, first.substr(0, 10), last.substr(0, 10)));
  EXPECT_EQ(log(today).size(), 4u) << "a date as `to` holds its whole day";
}

TEST_F(AuditTrailTest, PagesNewestFirstUnderTheFilters) {
  core::AuditQuery q;
  q.actor = "alice";
  q.limit = 2;
  auto page1 = log(q);
  ASSERT_EQ(page1.size(), 2u);
  EXPECT_LT(page1[0].id, page1[1].id) << "oldest first within the page";
  q.before = page1.front().id;
  auto page2 = log(q);
  ASSERT_EQ(page2.size(), 1u);
  EXPECT_LT(page2[0].id, page1[0].id);
  EXPECT_EQ(page2[0].entity, "organization");
}

TEST_F(AuditTrailTest, TheCsvExportHasALinePerChangedFieldAndNoFormula) {
  core::AuditQuery q;
  q.actor = "bob";
  auto csv = export_audit(*ws, q, AuditExportFormat::k_csv);
  ASSERT_TRUE(csv) << csv.error().message;
  auto lines = util::split(*csv, '\n');
  ASSERT_GE(lines.size(), 3u);
  EXPECT_EQ(lines[0], "id,time,person,action,kind,record,field,before,after,hash\r");
  auto record = std::to_string(profile) + "/ID.AM-1";
  EXPECT_NE(csv->find(",bob,update,node," + record + ",/level,1,3,"), std::string::npos) << *csv;
  // The notes: a formula neutralised, the comma, quotes and line break quoted as RFC 4180 says.
  EXPECT_NE(csv->find(",/notes,,\"'@SUM(A1), see\n\"\"the\"\" policy\","), std::string::npos)
      << *csv;
  EXPECT_EQ(csv->find(",alice,"), std::string::npos) << "only bob's changes";
  EXPECT_EQ(csv->find(",@"), std::string::npos);

  // The organization's scope, created as a formula, is neutralised too.
  core::AuditQuery org;
  org.entity = "organization";
  auto org_csv = export_audit(*ws, org, AuditExportFormat::k_csv);
  ASSERT_TRUE(org_csv);
  EXPECT_NE(org_csv->find(",/scope,,\"'=HYPERLINK(\"\"http://evil.example\"\")\","),
            std::string::npos)
      << *org_csv;
}

TEST_F(AuditTrailTest, TheXlsxExportReadsBackAsTheSameCells) {
  core::AuditQuery q;
  q.actor = "bob";
  auto bytes = export_audit(*ws, q, AuditExportFormat::k_xlsx);
  ASSERT_TRUE(bytes) << bytes.error().message;
  util::Budget budget(util::ParseLimits{}, "the audit export");
  std::vector<std::vector<std::string>> rows;
  auto read = exchange::xlsx::read_first_sheet(*bytes, budget, [&](const exchange::xlsx::Row& r) {
    std::vector<std::string> cells(10);
    for (const auto& c : r.cells)
      if (c.column < cells.size()) cells[c.column] = c.text;
    rows.push_back(cells);
    return true;
  });
  ASSERT_TRUE(read) << read.error().message;
  ASSERT_GE(rows.size(), 3u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"id", "time", "person", "action", "kind", "record",
                                               "field", "before", "after", "hash"}));
  bool notes = false;
  for (const auto& r : rows) {
    if (r[6] != "/notes") continue;
    notes = true;
    EXPECT_EQ(r[2], "bob");
    EXPECT_EQ(r[7], "");
    EXPECT_EQ(r[8], "@SUM(A1), see\n\"the\" policy") << "a text cell, never a formula";
    EXPECT_EQ(r[9].size(), 64u) << "the row's hash";
  }
  EXPECT_TRUE(notes);
}

TEST_F(AuditTrailTest, TheTrailsOwnRowsAndRowsWithoutChangedFieldsAreExported) {
  ASSERT_TRUE(ws->anchor_audit("root", "checked the restore"));
  core::AuditQuery q;
  q.entity = "audit";
  auto csv = export_audit(*ws, q, AuditExportFormat::k_csv);
  ASSERT_TRUE(csv) << csv.error().message;
  EXPECT_NE(csv->find(",root,anchor,audit,trail,/reason,,checked the restore,"), std::string::npos)
      << *csv;
  // A row whose record did not change (as another program might append one) is one line with
  // an empty field, so that the export still accounts for every row.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((path / "w.db").c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db,
                         "INSERT INTO audit (at, actor, entity, entity_id, action, before, after, "
                         "previous_hash, hash) VALUES ('2026-01-02T03:04:05Z', 'carol', 'node', "
                         "'1/ID.AM-1', 'touch', '{\"a\":1}', '{\"a\":1}', '', 'h')",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  core::AuditQuery carol;
  carol.actor = "carol";
  csv = export_audit(*ws, carol, AuditExportFormat::k_csv);
  ASSERT_TRUE(csv) << csv.error().message;
  EXPECT_NE(csv->find(",2026-01-02T03:04:05Z,carol,touch,node,1/ID.AM-1,,,,h\r\n"),
            std::string::npos)
      << *csv;
}

TEST_F(AuditTrailTest, TheFormatsAreCsvAndXlsx) {
  EXPECT_EQ(parse_audit_export_format("csv"), AuditExportFormat::k_csv);
  EXPECT_EQ(parse_audit_export_format("xlsx"), AuditExportFormat::k_xlsx);
  EXPECT_FALSE(parse_audit_export_format("yaml"));
  EXPECT_FALSE(parse_audit_export_format("CSV"));
}

}  // namespace
}  // namespace cyberframe::workspace
