// The online backup of a SQLite workspace (store::backup_sqlite) while another connection writes
// without pause, as `cyberframe serve` does: each backup is one self-contained file that passes
// SQLite's integrity check and holds one consistent state (its audit trail verifies with the
// workspace's key, and each node's record agrees with its audit rows); the writer is never held
// up.

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "store/store.hpp"
#include "temp_dir.hpp"

namespace cyberframe::store {
namespace {

namespace fs = std::filesystem;

struct TempDir : testing_support::TempDir {
  TempDir() : testing_support::TempDir("cyberframe-backup-") {}
};

// The first column of each row `sql` returns, read as another program would (read-only).
std::vector<std::string> query(const fs::path& db_path, const char* sql) {
  std::vector<std::string> out;
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, sql, -1, &st, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  while (st && sqlite3_step(st) == SQLITE_ROW) {
    const auto* text = sqlite3_column_text(st, 0);
    out.emplace_back(text ? reinterpret_cast<const char*>(text) : "");
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  return out;
}

const std::vector<std::string> k_nodes{"ID.AM-1", "ID.AM-2", "ID.AM-3", "ID.RA-1", "PR.AC-1"};

class BackupWhileWriting : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = open_sqlite(workspace);
    ASSERT_TRUE(opened) << opened.error().message;
    store = std::move(*opened);
    auto org = store->create_organization("ACME", "Head office");
    ASSERT_TRUE(org) << org.error().message;
    core::Profile p;
    p.organization = org->id;
    p.name = "current";
    p.framework = "iso-tr-27103-2018";
    auto created = store->create_profile(p);
    ASSERT_TRUE(created) << created.error().message;
    profile = created->id;
    // Some megabytes of evidence, so that a backup takes many steps of 256 pages.
    for (int i = 0; i < 8; ++i) {
      auto e = store->add_evidence(profile, "ID.AM-1", "scan-" + std::to_string(i) + ".bin", "",
                                   std::string(1 << 20, static_cast<char>('a' + i)), "setup");
      ASSERT_TRUE(e) << e.error().message;
    }
  }

  // Writes node after node on a connection of its own until `stop`.
  void write_until_stopped() {
    auto opened = open_sqlite(workspace);
    if (!opened) {
      ++errors;
      return;
    }
    auto writer = std::move(*opened);
    for (int i = 0; !stop; ++i) {
      core::NodeAssessment a;
      a.node = k_nodes[static_cast<std::size_t>(i) % k_nodes.size()];
      a.level = i % 6;
      a.notes = "write " + std::to_string(i);
      if (writer->put_node_assessment(profile, a, std::nullopt, "writer"))
        ++written;
      else
        ++errors;
      // Now and then a larger write, touching more pages.
      if (i % 50 == 49 &&
          !writer->add_evidence(profile, a.node, "log-" + std::to_string(i), "",
                                std::string(64 * 1024, static_cast<char>(i)), "writer"))
        ++errors;
    }
  }

  // What the backup holds is one state of the workspace: the trail verifies with the key (every
  // row; its anchor, kept beside the workspace, is of a later state), and each node's record is
  // what its newest audit row says, at the version its count of audit rows gives.
  void expect_consistent(const fs::path& backup) {
    SCOPED_TRACE(backup.string());
    EXPECT_EQ(query(backup, "PRAGMA integrity_check"), std::vector<std::string>{"ok"});
    EXPECT_EQ(query(backup, "PRAGMA journal_mode"), std::vector<std::string>{"delete"});
    EXPECT_FALSE(fs::exists(backup.string() + "-wal"));
    EXPECT_FALSE(fs::exists(backup.string() + ".partial"));
    struct stat st {};
    ASSERT_EQ(::stat(backup.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);

    AuditFiles files;
    files.key = workspace.string() + ".audit-key";
    files.anchor = backup.string() + ".audit-anchor";  // none yet: a restored workspace's case
    auto opened = open_sqlite(backup, files);
    ASSERT_TRUE(opened) << opened.error().message;
    auto& copy = **opened;
    auto verified = copy.verify_audit();
    ASSERT_TRUE(verified) << verified.error().message;
    EXPECT_EQ(verified->first_bad, 0) << verified->problem;  // every row verifies
    auto anchored = copy.anchor_audit("restored from a backup");
    ASSERT_TRUE(anchored) << anchored.error().message;
    EXPECT_TRUE(anchored->intact) << anchored->problem;

    auto nodes = copy.node_assessments(profile);
    ASSERT_TRUE(nodes) << nodes.error().message;
    for (const auto& [id, node] : *nodes) {
      core::AuditQuery q;
      q.entity = "node";
      q.entity_id = std::to_string(profile) + "/" + id;
      auto rows = copy.audit_count(q);
      ASSERT_TRUE(rows);
      EXPECT_EQ(*rows, node.version) << id;
      q.limit = 1;
      auto newest = copy.audit_log(q);
      ASSERT_TRUE(newest);
      ASSERT_EQ(newest->size(), 1u) << id;
      auto after = nlohmann::json::parse(newest->front().after);
      EXPECT_EQ(after["version"], node.version) << id;
      EXPECT_EQ(after["notes"], node.notes) << id;
      EXPECT_EQ(after["level"], node.level.value_or(-1)) << id;
    }
  }

  TempDir dir;
  fs::path workspace = dir.path / "w.db";
  std::unique_ptr<Store> store;
  std::int64_t profile = 0;
  std::atomic<bool> stop{false};
  std::atomic<int> written{0};
  std::atomic<int> errors{0};
};

TEST_F(BackupWhileWriting, EachBackupIsOneConsistentStateAndTheWriterIsNeverHeldUp) {
  std::thread writer([this] { write_until_stopped(); });
  while (written < 20 && errors == 0) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  int overlapped = 0;
  std::vector<fs::path> backups;
  for (int k = 0; k < 6; ++k) {
    auto dest = dir.path / ("backup-" + std::to_string(k) + ".db");
    int before = written;
    auto report = backup_sqlite(workspace, dest);
    int after = written;
    ASSERT_TRUE(report) << report.error().message;
    if (after > before) ++overlapped;
    EXPECT_EQ(report->integrity, "ok");
    EXPECT_GT(report->pages, 8 * 256);
    EXPECT_EQ(static_cast<std::uintmax_t>(report->bytes), fs::file_size(dest));
    backups.push_back(dest);
  }
  stop = true;
  writer.join();
  EXPECT_EQ(errors, 0) << "a write failed while the backup ran";
  EXPECT_GT(overlapped, 0) << "no write happened during a backup: the test proved nothing";
  for (const auto& b : backups) expect_consistent(b);

  // With the writer stopped, a backup holds exactly what the workspace holds.
  auto last = dir.path / "last.db";
  ASSERT_TRUE(backup_sqlite(workspace, last));
  auto mine = store->node_assessments(profile);
  ASSERT_TRUE(mine);
  std::size_t writes = 0;
  for (const auto& [id, node] : *mine) writes += static_cast<std::size_t>(node.version);
  EXPECT_EQ(writes, static_cast<std::size_t>(written.load()));
  EXPECT_EQ(query(last, "SELECT count(*) FROM audit"),
            query(workspace, "SELECT count(*) FROM audit"));
  expect_consistent(last);
}

// A database in rollback-journal mode (not a workspace's WAL) is copied too, into one file.
TEST(Backup, CopiesADatabaseInRollbackJournalMode) {
  TempDir dir;
  auto source = dir.path / "plain.db";
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(source.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db,
                         "PRAGMA journal_mode = DELETE; CREATE TABLE t (x); "
                         "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                         "WHERE i < 5000) INSERT INTO t SELECT randomblob(500) FROM n",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  auto dest = dir.path / "copy.db";
  auto report = backup_sqlite(source, dest);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(report->integrity, "ok");
  EXPECT_EQ(query(dest, "SELECT count(*) FROM t"), std::vector<std::string>{"5000"});
  EXPECT_EQ(query(dest, "PRAGMA journal_mode"), std::vector<std::string>{"delete"});
}

// Refusals leave everything as it was and no file behind.
TEST(Backup, NeverOverwritesAndLeavesNothingWhenRefused) {
  TempDir dir;
  auto workspace = dir.path / "w.db";
  ASSERT_TRUE(open_sqlite(workspace));
  auto taken = dir.path / "taken.db";
  { std::ofstream(taken) << "mine"; }
  auto refused = backup_sqlite(workspace, taken);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, util::ErrorCode::k_invalid_input);
  EXPECT_NE(refused.error().message.find("never overwrites"), std::string::npos);
  EXPECT_EQ(fs::file_size(taken), 4u);
  auto itself = backup_sqlite(workspace, dir.path / "." / "w.db");
  ASSERT_FALSE(itself);
  EXPECT_NE(itself.error().message.find("is the workspace itself"), std::string::npos);
  auto missing = backup_sqlite(dir.path / "none.db", dir.path / "b.db");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, util::ErrorCode::k_not_found);
  auto text = dir.path / "text.db";
  { std::ofstream(text) << std::string(2000, 'x'); }
  auto not_db = backup_sqlite(text, dir.path / "b.db");
  ASSERT_FALSE(not_db);
  EXPECT_EQ(not_db.error().code, util::ErrorCode::k_io);
  EXPECT_FALSE(fs::exists(dir.path / "b.db"));
  EXPECT_FALSE(fs::exists(dir.path / "b.db.partial"));
  EXPECT_FALSE(fs::exists(dir.path / "b.db.partial-journal"));
}

}  // namespace
}  // namespace cyberframe::store
