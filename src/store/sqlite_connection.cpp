// The SQLite connection under the store (sql_connection.hpp).

#include <sqlite3.h>

#include <filesystem>
#include <map>

#include "store/sql_connection.hpp"
#include "store/sql_open.hpp"
#include "util/text.hpp"

namespace cyberframe::store::sql {

using util::ErrorCode;
using util::fail;

namespace {

class SqliteCursor final : public Cursor {
 public:
  SqliteCursor(sqlite3* db, std::string_view sql, unsigned flags) {
    m_rc =
        sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), flags, &m_stmt, nullptr);
  }
  ~SqliteCursor() override { sqlite3_finalize(m_stmt); }

  bool ok() const override { return m_rc == SQLITE_OK; }
  void bind_int(int i, std::int64_t v) override { sqlite3_bind_int64(m_stmt, i, v); }
  void bind_text(int i, std::string_view v) override {
    sqlite3_bind_text(m_stmt, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  }
  void bind_blob(int i, std::string_view v) override {
    sqlite3_bind_blob(m_stmt, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  }
  void bind_null(int i) override { sqlite3_bind_null(m_stmt, i); }
  int step() override {
    int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) return k_row;
    if (rc == SQLITE_DONE) return k_done;
    if ((rc & 0xFF) == SQLITE_CONSTRAINT) return k_constraint;
    return k_error;
  }
  void reset() override {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
  }
  std::int64_t integer(int col) const override { return sqlite3_column_int64(m_stmt, col); }
  bool is_null(int col) const override { return sqlite3_column_type(m_stmt, col) == SQLITE_NULL; }
  std::string text(int col) const override {
    auto p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, col));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, col)))
             : std::string();
  }
  std::string blob(int col) const override {
    auto p = static_cast<const char*>(sqlite3_column_blob(m_stmt, col));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, col)))
             : std::string();
  }

 private:
  sqlite3_stmt* m_stmt = nullptr;
  int m_rc;
};

class SqliteConnection final : public Connection {
 public:
  explicit SqliteConnection(sqlite3* db) : m_db(db) {}
  ~SqliteConnection() override {
    m_prepared.clear();
    sqlite3_close_v2(m_db);
  }

  std::string_view dialect() const override { return "sqlite"; }
  std::unique_ptr<Cursor> prepare(std::string_view sql, bool persistent) override {
    return std::make_unique<SqliteCursor>(m_db, sql, persistent ? SQLITE_PREPARE_PERSISTENT : 0);
  }
  Result<void> exec(const std::string& sql) override {
    char* message = nullptr;
    if (sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
      std::string m = message ? message : "unknown error";
      sqlite3_free(message);
      return fail(ErrorCode::k_io, "database error: " + m);
    }
    return {};
  }
  std::string error_message() const override { return sqlite3_errmsg(m_db); }
  std::int64_t changes() const override { return sqlite3_changes64(m_db); }
  Constraint last_constraint() const override {
    switch (sqlite3_extended_errcode(m_db)) {
      case SQLITE_CONSTRAINT_UNIQUE:
      case SQLITE_CONSTRAINT_PRIMARYKEY:
        return Constraint::k_unique;
      case SQLITE_CONSTRAINT_FOREIGNKEY:
        return Constraint::k_foreign_key;
      default:
        return Constraint::k_other;
    }
  }

  Result<void> begin_write() override { return run("BEGIN IMMEDIATE"); }
  Result<void> begin_read() override { return run("BEGIN"); }
  Result<void> commit() override { return run("COMMIT"); }
  void rollback() override { (void)exec("ROLLBACK"); }
  // SQLITE_FCNTL_DATA_VERSION: changes whenever a transaction is committed to the file, by any
  // connection; no statement.
  std::uint64_t data_version() override {
    unsigned version = 0;
    sqlite3_file_control(m_db, "main", SQLITE_FCNTL_DATA_VERSION, &version);
    return version;
  }

  Result<int> schema_version() override {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(m_db, "PRAGMA user_version", -1, &st, nullptr) != SQLITE_OK ||
        sqlite3_step(st) != SQLITE_ROW) {
      sqlite3_finalize(st);
      return fail(ErrorCode::k_io,
                  std::string("reading the schema version: ") + sqlite3_errmsg(m_db));
    }
    int v = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return v;
  }
  Result<void> set_schema_version(int version) override {
    return exec("PRAGMA user_version = " + std::to_string(version));
  }
  Result<void> lock_migrations() override { return {}; }
  void unlock_migrations() override {}

  void record_statements(std::vector<std::string>* into) override {
    m_recording = into;
    if (into)
      sqlite3_trace_v2(m_db, SQLITE_TRACE_STMT, &SqliteConnection::statement_started, this);
    else
      sqlite3_trace_v2(m_db, 0, nullptr, nullptr);
  }

  sqlite3* handle() { return m_db; }

 private:
  // BEGIN and COMMIT, prepared once for the connection's life.
  Result<void> run(const char* sql) {
    auto it = m_prepared.find(sql);
    if (it == m_prepared.end())
      it = m_prepared
               .emplace(sql, std::make_unique<SqliteCursor>(m_db, sql, SQLITE_PREPARE_PERSISTENT))
               .first;
    int rc = it->second->step();
    it->second->reset();
    if (rc != k_done)
      return fail(ErrorCode::k_io, std::string("database error: ") + sqlite3_errmsg(m_db));
    return {};
  }
  // SQLITE_TRACE_STMT: a statement begins running; `sql` is its text, or "-- TRIGGER ..." when
  // a trigger's program starts (part of the statement that fired it, not counted).
  static int statement_started(unsigned, void* self, void*, void* sql) {
    auto text = std::string_view(static_cast<const char*>(sql));
    auto* me = static_cast<SqliteConnection*>(self);
    if (me->m_recording && !text.starts_with("--")) me->m_recording->emplace_back(text);
    return 0;
  }

  sqlite3* m_db;
  std::map<std::string, std::unique_ptr<SqliteCursor>, std::less<>> m_prepared;
  std::vector<std::string>* m_recording = nullptr;
};

// cyberframe_name_key(TEXT): util::caseless_key in SQL, for the migration that keys names.
void name_key_function(sqlite3_context* context, int, sqlite3_value** argv) {
  const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
  if (text == nullptr) {
    sqlite3_result_null(context);
    return;
  }
  auto key = util::caseless_key(
      std::string_view(text, static_cast<std::size_t>(sqlite3_value_bytes(argv[0]))));
  sqlite3_result_text(context, key.data(), static_cast<int>(key.size()), SQLITE_TRANSIENT);
}

}  // namespace

Result<std::unique_ptr<Connection>> connect_sqlite(const std::filesystem::path& path, bool create) {
  sqlite3* db = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX;
  if (create) flags |= SQLITE_OPEN_CREATE;
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc == SQLITE_CANTOPEN && !create) {
    sqlite3_close_v2(db);
    std::error_code e;
    if (!std::filesystem::exists(path, e)) {
      return fail(ErrorCode::k_not_found, "no workspace at " + path.string() +
                                              " (create one with: cyberframe --db " +
                                              path.string() + " init)");
    }
    return fail(ErrorCode::k_io, "cannot open workspace " + path.string());
  }
  if (rc != SQLITE_OK) {
    std::string message = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close_v2(db);
    return fail(ErrorCode::k_io, "cannot open workspace " + path.string() + ": " + message);
  }
  auto connection = std::make_unique<SqliteConnection>(db);
  sqlite3_busy_timeout(db, 5000);
  sqlite3_create_function_v2(db, "cyberframe_name_key", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                             nullptr, name_key_function, nullptr, nullptr, nullptr);
  for (const char* pragma :
       {"PRAGMA journal_mode = WAL", "PRAGMA foreign_keys = ON", "PRAGMA synchronous = NORMAL"}) {
    if (auto r = connection->exec(pragma); !r) {
      return fail(ErrorCode::k_io,
                  path.string() + " is not a cyberframe workspace (" + r.error().message + ")");
    }
  }
  // A file that is not an SQLite database fails here.
  if (auto r = connection->exec("SELECT count(*) FROM sqlite_master"); !r) {
    return fail(ErrorCode::k_io,
                path.string() + " is not a cyberframe workspace (" + r.error().message + ")");
  }
  return std::unique_ptr<Connection>(std::move(connection));
}

}  // namespace cyberframe::store::sql
