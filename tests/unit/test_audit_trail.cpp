// The keyed audit trail and its anchor (store/audit_seal.hpp): each way an attacker who can write
// the database file (but cannot read the key) might hide a change, and what `verify_audit` says.
// The attacks edit the database directly (the SQLite file, or the PostgreSQL database as its
// owner), putting the append-only triggers out of the way first. The trail's tests run on both
// backends; the keying of a workspace from before keys is SQLite's history only.

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "postgres_fixture.hpp"
#include "store/audit_seal.hpp"
#include "store/store.hpp"
#include "temp_dir.hpp"

namespace cyberframe::store {
namespace {

namespace fs = std::filesystem;

struct TempDir : testing_support::TempDir {
  TempDir() : testing_support::TempDir("cyberframe-audit-") {}
};

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void write_file(const fs::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// Runs SQL on the workspace file as another program would.
void sql(const fs::path& db_path, const std::string& statement) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(db_path.c_str(), &db), SQLITE_OK);
  char* error = nullptr;
  int rc = sqlite3_exec(db, statement.c_str(), nullptr, nullptr, &error);
  std::string message = error ? error : "";
  sqlite3_free(error);
  sqlite3_close(db);
  ASSERT_EQ(rc, SQLITE_OK) << message;
}

using HashOf = std::function<std::string(const std::string& previous, const AuditRowFields& row)>;

struct TrailRow {
  std::int64_t id;
  std::string at, actor, entity, entity_id, action, before, after;
};

// Recomputes the whole chain of a SQLite file with `hash_of`, as an attacker rewriting the trail
// would (after editing what they wanted to hide).
void rewrite_chain(const fs::path& db_path, const HashOf& hash_of) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(db_path.c_str(), &db), SQLITE_OK);
  sqlite3_exec(db, "DROP TRIGGER IF EXISTS audit_no_update", nullptr, nullptr, nullptr);
  std::vector<TrailRow> rows;
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db,
                     "SELECT id, at, actor, entity, entity_id, action, before, after FROM audit "
                     "ORDER BY id",
                     -1, &st, nullptr);
  auto text = [&](int col) {
    return std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, col)));
  };
  while (sqlite3_step(st) == SQLITE_ROW)
    rows.push_back({sqlite3_column_int64(st, 0), text(1), text(2), text(3), text(4), text(5),
                    text(6), text(7)});
  sqlite3_finalize(st);
  sqlite3_prepare_v2(db, "UPDATE audit SET previous_hash = ?1, hash = ?2 WHERE id = ?3", -1, &st,
                     nullptr);
  std::string previous = k_audit_genesis;
  for (const auto& r : rows) {
    auto hash = hash_of(previous,
                        {r.id, r.at, r.actor, r.entity, r.entity_id, r.action, r.before, r.after});
    sqlite3_bind_text(st, 1, previous.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, hash.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 3, r.id);
    ASSERT_EQ(sqlite3_step(st), SQLITE_DONE);
    sqlite3_reset(st);
    previous = hash;
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
}

// The same on a PostgreSQL database.
void rewrite_chain_postgresql(const std::string& url, const HashOf& hash_of) {
  PGconn* c = PQconnectdb(url.c_str());
  ASSERT_EQ(PQstatus(c), CONNECTION_OK) << PQerrorMessage(c);
  PQclear(PQexec(c, "ALTER TABLE audit DISABLE TRIGGER USER"));
  PGresult* r = PQexec(c,
                       "SELECT id, at, actor, entity, entity_id, action, before, after FROM audit "
                       "ORDER BY id");
  ASSERT_EQ(PQresultStatus(r), PGRES_TUPLES_OK) << PQresultErrorMessage(r);
  std::vector<TrailRow> rows;
  for (int i = 0; i < PQntuples(r); ++i)
    rows.push_back({std::stoll(PQgetvalue(r, i, 0)), PQgetvalue(r, i, 1), PQgetvalue(r, i, 2),
                    PQgetvalue(r, i, 3), PQgetvalue(r, i, 4), PQgetvalue(r, i, 5),
                    PQgetvalue(r, i, 6), PQgetvalue(r, i, 7)});
  PQclear(r);
  std::string previous = k_audit_genesis;
  for (const auto& row : rows) {
    auto hash = hash_of(previous, {row.id, row.at, row.actor, row.entity, row.entity_id, row.action,
                                   row.before, row.after});
    auto id = std::to_string(row.id);
    const char* values[] = {previous.c_str(), hash.c_str(), id.c_str()};
    PGresult* u = PQexecParams(c, "UPDATE audit SET previous_hash = $1, hash = $2 WHERE id = $3", 3,
                               nullptr, values, nullptr, nullptr, 0);
    ASSERT_EQ(PQresultStatus(u), PGRES_COMMAND_OK) << PQresultErrorMessage(u);
    PQclear(u);
    previous = hash;
  }
  PQclear(PQexec(c, "ALTER TABLE audit ENABLE TRIGGER USER"));
  PQfinish(c);
}

// Parameter: the backend, "sqlite" or "postgresql".
class KeyedTrail : public ::testing::TestWithParam<const char*> {
 protected:
  bool postgresql() const { return std::string_view(GetParam()) == "postgresql"; }

  void SetUp() override {
    path = dir.path / "ws.db";
    if (postgresql()) {
      url = testing_support::postgres_database(dir.path.string());
      ASSERT_FALSE(url.empty());
    }
    reopen();
    store->set_actor("alice");
    auto org = store->create_organization("ACME", "");
    ASSERT_TRUE(org) << org.error().message;
    core::Profile p;
    p.organization = org->id;
    p.name = "now";
    p.framework = "iso-tr-27103-2018";
    auto created = store->create_profile(p);
    ASSERT_TRUE(created);
    profile = created->id;
    set_level("ID.AM-1", 1);
    set_level("ID.AM-1", 3);
    set_level("ID.AM-2", 2);  // five rows
  }

  // Another store on the workspace (a server's thread, another process).
  Result<std::unique_ptr<Store>> open_again(AuditFiles files = {}) {
    if (!postgresql()) return open_sqlite(path, files);
    if (files.key.empty()) files.key = key();
    if (files.anchor.empty()) files.anchor = anchor();
    return open_workspace(url, OpenMode::k_create, files);
  }

  void reopen(const AuditFiles& files = {}) {
    store.reset();
    auto s = open_again(files);
    ASSERT_TRUE(s) << s.error().message;
    store = std::move(*s);
  }

  // Runs SQL on the database as its owner would, the append-only triggers out of the way.
  void tamper(const std::string& statement) {
    if (postgresql()) {
      ASSERT_TRUE(testing_support::postgres_exec(
          url, "ALTER TABLE audit DISABLE TRIGGER USER; " + statement +
                   "; ALTER TABLE audit ENABLE TRIGGER USER"));
    } else {
      sql(path, "DROP TRIGGER IF EXISTS audit_no_update; DROP TRIGGER IF EXISTS audit_no_delete; " +
                    statement);
    }
  }

  void rewrite(const HashOf& hash_of) {
    if (postgresql())
      rewrite_chain_postgresql(url, hash_of);
    else
      rewrite_chain(path, hash_of);
  }

  void set_level(const std::string& node, int level) {
    core::NodeAssessment a;
    a.node = node;
    a.level = level;
    auto r = store->put_node_assessment(profile, a, std::nullopt, "alice");
    ASSERT_TRUE(r) << r.error().message;
  }

  AuditVerification verify() {
    auto v = store->verify_audit();
    EXPECT_TRUE(v) << v.error().message;
    return v ? *v : AuditVerification{};
  }

  fs::path key() const { return path.string() + ".audit-key"; }
  fs::path anchor() const { return path.string() + ".audit-anchor"; }

  TempDir dir;
  fs::path path;    // SQLite: the workspace file (PostgreSQL: where its key and anchor are named)
  std::string url;  // PostgreSQL: the workspace's database
  std::unique_ptr<Store> store;
  std::int64_t profile = 0;
};

TEST_P(KeyedTrail, ANewWorkspaceHasAPrivateKeyAndAnAnchorBesideIt) {
  struct stat st {};
  ASSERT_EQ(::stat(key().c_str(), &st), 0) << "the key is created with the workspace";
  EXPECT_EQ(st.st_mode & 0777, 0600u) << "only the owner may read the key";
  auto text = read_file(key());
  EXPECT_EQ(text.size(), 65u) << "64 hex digits and a newline";
  EXPECT_FALSE(contains(read_file(path), text.substr(0, 64))) << "the key is not in the database";
  EXPECT_TRUE(contains(read_file(anchor()), "rows 00000000000000000005\n"));
  auto v = verify();
  EXPECT_TRUE(v.intact) << v.problem;
  EXPECT_EQ(v.rows, 5u);
  EXPECT_EQ(v.keyed_from, 1);
  EXPECT_EQ(v.anchor_rows, 5);
}

TEST_P(KeyedTrail, AnEditedRowIsNamed) {
  tamper("UPDATE audit SET actor = 'mallory' WHERE id = 4");
  auto v = verify();
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.first_bad, 4);
  EXPECT_EQ(v.problem, "row 4 was edited: its content no longer matches its hash");
}

TEST_P(KeyedTrail, ADeletedMiddleRowIsNamed) {
  tamper("DELETE FROM audit WHERE id = 3");
  auto v = verify();
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.first_bad, 4);
  EXPECT_EQ(v.problem, "row 3 is missing (removed) before row 4");
}

TEST_P(KeyedTrail, ReorderedRowsAreNamed) {
  tamper(
      "CREATE TEMP TABLE t AS SELECT * FROM audit WHERE id IN (2, 3);"
      "UPDATE audit SET (at, actor, entity, entity_id, action, before, after, previous_hash, hash) "
      "= (SELECT at, actor, entity, entity_id, action, before, after, previous_hash, hash FROM t "
      "WHERE t.id = 5 - audit.id) WHERE id IN (2, 3)");
  auto v = verify();
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.first_bad, 2);
  EXPECT_EQ(v.problem, "row 2 does not follow the row before it (reordered or replaced)");
}

TEST_P(KeyedTrail, ADeletedTailIsDetected) {
  // The last two rows go: what is left is a perfectly chained trail, shorter than the anchor.
  tamper("DELETE FROM audit WHERE id >= 4");
  auto v = verify();
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.first_bad, 4);
  EXPECT_TRUE(v.problem.starts_with(
      "the trail ends at row 3 but its anchor recorded 5 rows: rows 4 to 5 were deleted."))
      << v.problem;
  EXPECT_EQ(v.anchor_rows, 5);
}

TEST_P(KeyedTrail, ATailDeletedAndWrittenOverIsStillDetected) {
  // After the tail is deleted the workspace is used on: the new rows 4, 5 and 6 carry the key,
  // but the anchor never moves past the evidence, so row 5 is not the row it recorded.
  tamper("DELETE FROM audit WHERE id >= 4");
  set_level("ID.AM-3", 1);
  set_level("ID.AM-4", 1);
  set_level("ID.AM-5", 1);
  auto v = verify();
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.first_bad, 5);
  EXPECT_EQ(v.problem,
            "row 5 is not the row the anchor recorded (its hash differs): the trail was replaced "
            "up to this row");
}

TEST_P(KeyedTrail, AWholesaleRewriteWithPlainSha256IsDetected) {
  // The attacker changes what they want and recomputes every hash, as they could with the
  // unkeyed chain of old.
  tamper("UPDATE audit SET actor = 'mallory' WHERE id = 4");
  rewrite([](const std::string& previous, const AuditRowFields& row) {
    return audit_sha256(previous, row);
  });
  auto v = verify();
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.first_bad, 1);
  EXPECT_EQ(v.problem,
            "row 1 carries a plain SHA-256 where the audit key's HMAC belongs: the trail was "
            "recomputed without the key");
}

TEST_P(KeyedTrail, AWholesaleRewriteWithAnotherKeyIsDetected) {
  // The attacker's own key, and an anchor of their own that matches their trail.
  TempDir elsewhere;
  AuditFiles mallory{elsewhere.path / "key", elsewhere.path / "anchor"};
  auto other = AuditSeal::create(mallory);
  ASSERT_TRUE(other) << other.error().message;
  tamper("UPDATE audit SET actor = 'mallory' WHERE id = 4");
  std::string last;
  rewrite([&](const std::string& previous, const AuditRowFields& row) {
    return last = other->row_hash(previous, row);
  });
  ASSERT_TRUE(other->write_anchor(AuditHead{1, 5, 5, last}));
  fs::copy_file(mallory.anchor, anchor(), fs::copy_options::overwrite_existing);
  auto v = verify();
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.first_bad, 1);
  EXPECT_EQ(v.problem, "row 1 was edited: its content no longer matches its hash");
}

TEST_P(KeyedTrail, AMissingAnchorIsDetected) {
  fs::remove(anchor());
  auto v = verify();
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.first_bad, 0) << "every row verifies; the end of the trail cannot be checked";
  EXPECT_TRUE(v.problem.starts_with("the anchor " + anchor().string() +
                                    " is missing: the end of the trail cannot be checked"))
      << v.problem;
  // Writes go on without recreating it: the missing anchor stays evidence.
  set_level("ID.AM-3", 1);
  EXPECT_FALSE(fs::exists(anchor()));
  EXPECT_FALSE(verify().intact);
}

TEST_P(KeyedTrail, AnAlteredAnchorIsDetected) {
  // Claiming fewer rows, to make a later deletion of the tail pass.
  auto text = read_file(anchor());
  auto at = text.find("rows 00000000000000000005");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, 25, "rows 00000000000000000003");
  write_file(anchor(), text);
  auto v = verify();
  EXPECT_FALSE(v.intact);
  EXPECT_TRUE(v.problem.starts_with("the anchor " + anchor().string() +
                                    " was altered: its MAC does not verify with the audit key"))
      << v.problem;
  write_file(anchor(), "rows 3\n");
  v = verify();
  EXPECT_FALSE(v.intact);
  EXPECT_TRUE(contains(v.problem, "is damaged: it is not an audit anchor")) << v.problem;
  // A writer leaves an altered anchor as it found it.
  set_level("ID.AM-3", 1);
  EXPECT_EQ(read_file(anchor()), "rows 3\n");
}

TEST_P(KeyedTrail, AnAnchorMayLagTheTrailButNeverLeadIt) {
  // A process killed between its commit and the anchor's update leaves an older anchor: the rows
  // after it still carry the key, and the next write moves the anchor on.
  auto older = read_file(anchor());
  set_level("ID.AM-3", 1);
  set_level("ID.AM-4", 1);
  write_file(anchor(), older);
  auto v = verify();
  EXPECT_TRUE(v.intact) << v.problem;
  EXPECT_EQ(v.rows, 7u);
  EXPECT_EQ(v.anchor_rows, 5);
  set_level("ID.AM-5", 1);
  v = verify();
  EXPECT_TRUE(v.intact) << v.problem;
  EXPECT_EQ(v.anchor_rows, 8);
}

TEST_P(KeyedTrail, WithoutItsKeyAWorkspaceCanBeReadButNotChanged) {
  fs::rename(key(), dir.path / "key-elsewhere");
  reopen();
  auto ready = store->can_record();
  ASSERT_FALSE(ready);
  EXPECT_EQ(ready.error().code, util::ErrorCode::k_io);
  EXPECT_TRUE(ready.error().message.starts_with(
      "the audit key " + key().string() +
      " does not exist: without it no change to the workspace can be recorded"))
      << ready.error().message;
  EXPECT_EQ(store->organizations()->size(), 1u) << "reads work";
  auto write = store->create_organization("Other", "");
  ASSERT_FALSE(write);
  EXPECT_EQ(write.error().message, ready.error().message);
  EXPECT_EQ(store->audit_log("", "", 100)->size(), 5u) << "nothing was written";
  auto v = store->verify_audit();
  ASSERT_FALSE(v);
  EXPECT_TRUE(v.error().message.starts_with("cannot verify the audit trail: the audit key"));
  EXPECT_FALSE(fs::exists(key())) << "a lost key is never replaced by a new one behind the back";
  // Given its place, the key works again.
  reopen(AuditFiles{dir.path / "key-elsewhere", {}});
  EXPECT_TRUE(store->can_record());
  EXPECT_TRUE(verify().intact);
}

TEST_P(KeyedTrail, AKeyOthersCanWriteIsRefused) {
  fs::permissions(key(), fs::perms::group_write | fs::perms::others_write, fs::perm_options::add);
  reopen();
  auto ready = store->can_record();
  ASSERT_FALSE(ready);
  EXPECT_TRUE(contains(ready.error().message, "can be written by others than its owner"))
      << ready.error().message;
  write_file(key(), "not a key\n");
  fs::permissions(key(), fs::perms::owner_read | fs::perms::owner_write);
  reopen();
  EXPECT_TRUE(contains(store->can_record().error().message, "is damaged"));
}

TEST(AuditKey, CanBeKeptAwayFromTheWorkspace) {
  TempDir dir, secrets;
  AuditFiles files{secrets.path / "acme.key", secrets.path / "acme.anchor"};
  auto s = open_sqlite(dir.path / "ws.db", files);
  ASSERT_TRUE(s) << s.error().message;
  ASSERT_TRUE((*s)->create_organization("ACME", ""));
  EXPECT_TRUE(fs::exists(files.key));
  EXPECT_TRUE(fs::exists(files.anchor));
  EXPECT_FALSE(fs::exists(dir.path / "ws.db.audit-key"));
  EXPECT_FALSE(fs::exists(dir.path / "ws.db.audit-anchor"));
  auto v = (*s)->verify_audit();
  EXPECT_TRUE(v->intact) << v->problem;
  EXPECT_EQ(v->anchor_rows, 1);
}

TEST_P(KeyedTrail, SeveralWritersKeepTheAnchorRight) {
  // Four threads, each with its own store (as the server's workers and CLI processes are),
  // writing at once: every commit moves the anchor forward, never back.
  std::vector<std::thread> writers;
  for (int t = 0; t < 4; ++t) {
    writers.emplace_back([this, t] {
      auto s = open_again();
      ASSERT_TRUE(s);
      for (int i = 0; i < 25; ++i) {
        core::NodeAssessment a;
        a.node = "PR.AC-" + std::to_string(t + 1);
        a.level = i % 6;
        ASSERT_TRUE((*s)->put_node_assessment(profile, a, std::nullopt, "w"));
      }
    });
  }
  for (auto& w : writers) w.join();
  auto v = verify();
  EXPECT_TRUE(v.intact) << v.problem;
  EXPECT_EQ(v.rows, 105u);
  EXPECT_EQ(v.anchor_rows, 105);
}

TEST_P(KeyedTrail, ReAnchoringAcceptsATrailKnownToBeRightAndIsRecorded) {
  // A workspace restored from a backup is shorter than its anchor.
  tamper("DELETE FROM audit WHERE id >= 4");
  ASSERT_FALSE(verify().intact);
  auto blank = store->anchor_audit("  ");
  ASSERT_FALSE(blank);
  EXPECT_EQ(blank.error().code, util::ErrorCode::k_invalid_input);
  auto v = store->anchor_audit("restored the backup of Monday");
  ASSERT_TRUE(v) << v.error().message;
  EXPECT_TRUE(v->intact) << v->problem;
  EXPECT_EQ(v->rows, 4u);
  EXPECT_EQ(v->anchor_rows, 4);
  auto row = store->audit_log("audit", "trail", 1)->back();
  EXPECT_EQ(row.action, "anchor");
  EXPECT_EQ(row.actor, "alice");
  auto before = nlohmann::json::parse(row.before);
  EXPECT_EQ(before["rows"], 5) << "the anchor it replaced is kept in the trail";
  EXPECT_EQ(nlohmann::json::parse(row.after)["reason"], "restored the backup of Monday");
  // A lost anchor file the same way.
  fs::remove(anchor());
  v = store->anchor_audit("the anchor file was lost with the old disk");
  ASSERT_TRUE(v) << v.error().message;
  EXPECT_TRUE(v->intact);
  EXPECT_TRUE(contains(store->audit_log("audit", "trail", 1)->back().before, "is missing"));
  // The new anchor file is the one the store's writes move on (not the deleted one it had open).
  set_level("ID.AM-3", 1);
  v = store->verify_audit();
  EXPECT_TRUE(v->intact) << v->problem;
  EXPECT_EQ(v->anchor_rows, 6);
}

TEST_P(KeyedTrail, ReAnchoringNeverHidesABrokenRow) {
  tamper("UPDATE audit SET actor = 'mallory' WHERE id = 2");
  auto v = store->anchor_audit("hide it");
  ASSERT_FALSE(v);
  EXPECT_EQ(v.error().code, util::ErrorCode::k_invalid_input);
  EXPECT_TRUE(v.error().message.starts_with(
      "the audit trail is broken at row 2 (row 2 was edited: its content no longer matches its "
      "hash): anchoring it again would hide that"))
      << v.error().message;
  EXPECT_EQ(store->audit_log("", "", 100)->size(), 5u) << "nothing recorded";
}

INSTANTIATE_TEST_SUITE_P(Backends, KeyedTrail, ::testing::Values("sqlite", "postgresql"),
                         [](const ::testing::TestParamInfo<const char*>& info) {
                           return std::string(info.param);
                         });

// --- a workspace from before keying -----------------------------------------------------------

// A workspace at schema version 8 with a plain SHA-256 chain of `rows` rows, as the previous
// cyberframe left it.
void make_unkeyed_workspace(const fs::path& path, int rows) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  for (int v = 0; v < 8; ++v)
    ASSERT_EQ(sqlite3_exec(db, sqlite_migrations()[v].c_str(), nullptr, nullptr, nullptr),
              SQLITE_OK);
  sqlite3_exec(db, "PRAGMA user_version = 8", nullptr, nullptr, nullptr);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db,
                     "INSERT INTO audit (id, at, actor, entity, entity_id, action, before, after, "
                     "previous_hash, hash) VALUES (?1, '2025-01-01T00:00:00Z', 'bob', "
                     "'organization', ?1, 'create', 'null', ?2, ?3, ?4)",
                     -1, &st, nullptr);
  std::string previous = k_audit_genesis;
  for (int id = 1; id <= rows; ++id) {
    std::string after = "{\"name\":\"Org " + std::to_string(id) + "\"}";
    auto entity_id = std::to_string(id);
    auto hash = audit_sha256(previous, {id, "2025-01-01T00:00:00Z", "bob", "organization",
                                        entity_id, "create", "null", after});
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_text(st, 2, after.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, previous.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 4, hash.c_str(), -1, SQLITE_TRANSIENT);
    ASSERT_EQ(sqlite3_step(st), SQLITE_DONE);
    sqlite3_reset(st);
    previous = hash;
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
}

TEST(AuditKeying, AnOlderWorkspaceKeepsItsRowsVerifiableAndRecordsTheSwitch) {
  TempDir dir;
  auto path = dir.path / "old.db";
  make_unkeyed_workspace(path, 3);
  auto s = open_sqlite(path);
  ASSERT_TRUE(s) << s.error().message;
  auto& store = **s;
  EXPECT_TRUE(fs::exists(path.string() + ".audit-key"));
  auto rows = store.audit_log("", "", 100);
  ASSERT_EQ(rows->size(), 4u);
  const auto& change = rows->back();
  EXPECT_EQ(change.entity, "audit");
  EXPECT_EQ(change.action, "key");
  EXPECT_EQ(change.previous_hash, (*rows)[2].hash) << "the switch covers the last SHA-256 row";
  auto after = nlohmann::json::parse(change.after);
  EXPECT_EQ(after["keyed_from"], 4);
  EXPECT_EQ(after["rows_before_keying"], 3);
  auto v = store.verify_audit();
  EXPECT_TRUE(v->intact) << v->problem;
  EXPECT_EQ(v->keyed_from, 4);
  EXPECT_EQ(v->anchor_rows, 4);
  ASSERT_TRUE(store.create_organization("New", ""));
  v = store.verify_audit();
  EXPECT_TRUE(v->intact) << v->problem;
  EXPECT_EQ(v->rows, 5u);
}

TEST(AuditKeying, RowsFromBeforeKeyingCannotBeRecomputedAfterIt) {
  TempDir dir;
  auto path = dir.path / "old.db";
  make_unkeyed_workspace(path, 3);
  auto s = open_sqlite(path);
  ASSERT_TRUE(s) << s.error().message;
  // Edit row 2 and recompute the SHA-256 of rows 2 and 3: the switch row's HMAC covers the old
  // hash of row 3, and the attacker cannot recompute the switch row.
  sql(path, "DROP TRIGGER audit_no_update; UPDATE audit SET actor = 'mallory' WHERE id = 2");
  rewrite_chain(path, [](const std::string& previous, const AuditRowFields& row) {
    return row.id <= 3 ? audit_sha256(previous, row) : std::string(64, 'f');
  });
  auto v = (*s)->verify_audit();
  EXPECT_FALSE(v->intact);
  EXPECT_EQ(v->first_bad, 4);
  EXPECT_EQ(v->problem, "row 4 was edited: its content no longer matches its hash");
}

TEST(AuditKeying, AnOlderWorkspaceWithAKeyAlreadyThereIsRefusedUnchanged) {
  // What a keyed workspace rolled back to schema version 8 looks like: its trail rewritten as a
  // plain SHA-256 chain and its anchor deleted. Keying it again would hide all of that.
  TempDir dir;
  auto path = dir.path / "old.db";
  make_unkeyed_workspace(path, 3);
  ASSERT_TRUE(AuditSeal::create(AuditFiles{}.resolved(path)));
  auto s = open_sqlite(path);
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code, util::ErrorCode::k_io);
  EXPECT_TRUE(contains(s.error().message,
                       "has an audit trail from before keying (schema version 8, 3 rows) but the "
                       "audit key " +
                           path.string() + ".audit-key already exists"))
      << s.error().message;
  EXPECT_FALSE(fs::exists(path.string() + ".bak-v8")) << "refused before anything was done";
  EXPECT_FALSE(fs::exists(path.string() + ".audit-anchor"));
}

TEST(AuditKeying, AKeyedWorkspaceRolledBackIsRefused) {
  TempDir dir;
  auto path = dir.path / "ws.db";
  {
    auto s = open_sqlite(path);
    ASSERT_TRUE(s);
    ASSERT_TRUE((*s)->create_organization("ACME", ""));
    ASSERT_TRUE((*s)->create_organization("Other", ""));
  }
  // The attacker removes row 2, recomputes the chain with plain SHA-256, deletes the anchor and
  // sets the schema back, hoping the next start keys the trail afresh.
  sql(path, "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id = 2");
  rewrite_chain(path, [](const std::string& previous, const AuditRowFields& row) {
    return audit_sha256(previous, row);
  });
  fs::remove(path.string() + ".audit-anchor");
  sql(path, "PRAGMA user_version = 8");
  auto s = open_sqlite(path);
  ASSERT_FALSE(s);
  EXPECT_TRUE(contains(s.error().message, "already exists")) << s.error().message;
}

TEST(AuditKeying, AWorkspaceDeletedIsNotMadeAgainOverItsAnchor) {
  TempDir dir;
  auto path = dir.path / "ws.db";
  {
    auto s = open_sqlite(path);
    ASSERT_TRUE(s);
    ASSERT_TRUE((*s)->create_organization("ACME", ""));
  }
  auto anchor = read_file(path.string() + ".audit-anchor");
  fs::remove(path);  // a server started now would make an empty workspace in its place
  auto s = open_sqlite(path);
  ASSERT_FALSE(s);
  EXPECT_TRUE(contains(s.error().message,
                       "records 1 audit row, but the workspace is new: was it deleted or moved?"))
      << s.error().message;
  EXPECT_EQ(read_file(path.string() + ".audit-anchor"), anchor) << "the evidence is kept";
  // Starting over on purpose: without the anchor, the key is used again.
  fs::remove(path);
  fs::remove(path.string() + ".audit-anchor");
  s = open_sqlite(path);
  ASSERT_TRUE(s) << s.error().message;
  EXPECT_TRUE((*s)->verify_audit()->intact);
}

TEST(AuditKeying, AFailedUpgradeLeavesNoKeyBehind) {
  TempDir dir;
  auto path = dir.path / "old.db";
  make_unkeyed_workspace(path, 2);
  // Migration 10 appends a row; a trigger makes the insert fail, as a full disk would.
  sql(path,
      "CREATE TRIGGER no_more BEFORE INSERT ON audit BEGIN SELECT RAISE(ABORT, 'disk full'); "
      "END");
  auto s = open_sqlite(path);
  ASSERT_FALSE(s);
  EXPECT_TRUE(contains(s.error().message, "migration to schema version 10 failed"))
      << s.error().message;
  EXPECT_FALSE(fs::exists(path.string() + ".audit-key")) << "the upgrade can be run again";
  sql(path, "DROP TRIGGER no_more");
  fs::remove(path.string() + ".bak-v8");  // the failed attempt's backup (never overwritten)
  auto again = open_sqlite(path);
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_TRUE((*again)->verify_audit()->intact);
}

}  // namespace
}  // namespace cyberframe::store
