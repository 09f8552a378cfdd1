#pragma once
// The database under the store's repositories: one connection to SQLite or to PostgreSQL, and
// the few things the two do differently (how a statement is run, how a write waits for the one
// before it, where the schema version is kept). The repositories (sql_store.cpp) are written
// once against this; the SQL they send is SQLite's, with `?N` parameters, and the PostgreSQL
// connection translates the handful of spellings that differ (postgresql_sql()).
// Internal to src/store: nothing outside the store includes it.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "util/result.hpp"
#include "util/text.hpp"

namespace cyberframe::store::sql {

using util::Result;

// What a step of a statement gave (the values are SQLite's codes of the same meaning).
inline constexpr int k_error = 1;        // the database failed (Connection::error_message())
inline constexpr int k_constraint = 19;  // a constraint refused the write
inline constexpr int k_row = 100;        // a row is ready to read
inline constexpr int k_done = 101;       // the statement ran to its end

// Which constraint refused the last write.
enum class Constraint { k_none, k_unique, k_foreign_key, k_other };

// One prepared statement of a backend. Parameters and columns count as in SQLite: parameters
// from 1, columns from 0.
class Cursor {
 public:
  virtual ~Cursor() = default;
  virtual bool ok() const = 0;
  virtual void bind_int(int i, std::int64_t v) = 0;
  virtual void bind_text(int i, std::string_view v) = 0;
  virtual void bind_blob(int i, std::string_view v) = 0;
  virtual void bind_null(int i) = 0;
  virtual int step() = 0;
  // A write whose outcome the caller learns at the next statement that is not deferred (or at
  // COMMIT, which then fails): PostgreSQL sends the deferred writes of a unit of work together
  // in one pipeline instead of a round trip each; SQLite, in process, just runs it.
  virtual int step_deferred() { return step(); }
  // Back to before the first step, with no parameter bound.
  virtual void reset() = 0;
  virtual std::int64_t integer(int col) const = 0;
  virtual bool is_null(int col) const = 0;
  virtual std::string text(int col) const = 0;
  virtual std::string blob(int col) const = 0;
};

// A LIKE pattern (with ESCAPE '\\') that matches any text holding `part`, without regard to
// case: `part` trimmed and lowered as lower() folds on both backends, its '%', '_' and '\\' taken
// as characters.
inline std::string like_pattern(const std::string& part) {
  std::string pattern = "%";
  for (char c : util::to_lower(util::trim(part))) {
    if (c == '%' || c == '_' || c == '\\') pattern += '\\';
    pattern += c;
  }
  return pattern + '%';
}

// "1,2,3": ids for an "IN (...)" list. Numbers only, so nothing a caller typed reaches the SQL
// text; the caller makes sure the list is not empty.
inline std::string id_list(const std::vector<std::int64_t>& ids) {
  std::string out;
  for (auto id : ids) {
    if (!out.empty()) out += ',';
    out += std::to_string(id);
  }
  return out;
}

class Connection {
 public:
  virtual ~Connection() = default;
  // "sqlite" or "postgresql": the folder of its migrations under src/store/migrations/.
  virtual std::string_view dialect() const = 0;
  // `persistent`: kept for the connection's life and run many times (prepared once).
  virtual std::unique_ptr<Cursor> prepare(std::string_view sql, bool persistent) = 0;
  // Runs SQL without parameters that returns no rows (one statement or several), as it is:
  // in the dialect of the connection (migrations, BEGIN, COMMIT).
  virtual Result<void> exec(const std::string& sql) = 0;
  virtual std::string error_message() const = 0;
  // How many rows the last write changed.
  virtual std::int64_t changes() const = 0;
  // Which constraint refused the last write that failed with k_constraint.
  virtual Constraint last_constraint() const = 0;

  // Opens the transaction of a write. Writers take turns across every process on the
  // workspace: SQLite's write lock (BEGIN IMMEDIATE), or on PostgreSQL a transaction-scoped
  // advisory lock, so that what a write reads (the version it checks, the end of the audit
  // trail it chains to) is still so when it commits.
  virtual Result<void> begin_write() = 0;
  // Opens the transaction of a write that takes turns by the rows it locks only (the login
  // throttle's, which touches no record and no audit row): SQLite's write lock all the same
  // (BEGIN IMMEDIATE: SQLite has one writer); on PostgreSQL a plain BEGIN without the writers'
  // advisory lock, so that it neither waits for the writers of records nor holds them up; its
  // statements lock what they change (INSERT ... ON CONFLICT DO UPDATE, FOR UPDATE), and its
  // commit does not wait for the disk (short-lived state, not records).
  virtual Result<void> begin_row_write() { return begin_write(); }
  // The last row of the audit trail (id 0 when it is empty) when begin_write() read it on its
  // way in, after the lock (PostgreSQL: in the same round trip); nullopt when it did not.
  virtual std::optional<std::pair<std::int64_t, std::string>> audit_tail_at_begin() {
    return std::nullopt;
  }
  // For the open write transaction: a node's write no longer moves its profile on by itself
  // (the trigger of the node's statement); the caller moves it once, by the number of rows, at
  // the end. True when the backend did so (PostgreSQL, where one row updated thousands of times
  // in a transaction is slow); false when the trigger goes on as usual (SQLite).
  virtual Result<bool> defer_profile_bumps() { return false; }
  // Opens a transaction that reads one consistent state of the workspace.
  virtual Result<void> begin_read() = 0;
  virtual Result<void> commit() = 0;
  virtual void rollback() = 0;
  // A number that stays the same while nothing was committed to the workspace since it was last
  // read (SQLite's data version); a backend that cannot tell returns a new number each time.
  virtual std::uint64_t data_version() = 0;

  // The schema version the database is at (0: no schema yet), and, inside the transaction of a
  // migration, the version it brings the database to.
  virtual Result<int> schema_version() = 0;
  virtual Result<void> set_schema_version(int version) = 0;
  // Held while migrations are applied: two processes opening a workspace together migrate it
  // once (PostgreSQL's session advisory lock; SQLite's write lock does it per migration).
  virtual Result<void> lock_migrations() = 0;
  virtual void unlock_migrations() = 0;

  // While `into` is set, the text of every statement started is appended to it.
  virtual void record_statements(std::vector<std::string>* into) = 0;
};

// The store's view of a statement: a Cursor with the checks the repositories use.
class Statement {
 public:
  Statement(Connection* db, std::string_view sql, bool persistent = false)
      : m_db(db), m_cursor(db->prepare(sql, persistent)) {}
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  bool ok() const { return m_cursor->ok(); }
  Statement& bind(int i, std::int64_t v) {
    m_cursor->bind_int(i, v);
    return *this;
  }
  Statement& bind(int i, const std::string& v) {
    m_cursor->bind_text(i, v);
    return *this;
  }
  Statement& bind_blob(int i, const std::string& v) {
    m_cursor->bind_blob(i, v);
    return *this;
  }
  Statement& bind(int i, std::optional<int> v) {
    if (v)
      m_cursor->bind_int(i, *v);
    else
      m_cursor->bind_null(i);
    return *this;
  }
  // k_row, k_done, k_constraint or k_error: for writes, which check for k_done.
  int step() { return m_last = m_cursor->step(); }
  // A write of many in one unit of work (an import's rows): k_done, or an error the backend
  // could tell at once; otherwise its error comes with the next statement (Cursor).
  int step_deferred() { return m_last = m_cursor->step_deferred(); }
  // Reads: steps to the next row. True on a row; false at the end of the data or on an error,
  // which finished() then reports, so that an I/O error or a corrupt page is never taken for the
  // end of the data:
  //   while (st.next()) {...}
  //   if (auto end = st.finished(); !end) return std::unexpected(end.error());
  bool next() { return step() == k_row; }
  // After next() returned false: success at the end of the data, else the error.
  Result<void> finished() const {
    if (ok() && m_last == k_done) return {};
    return util::fail(util::ErrorCode::k_io, "cannot read the workspace: " + m_db->error_message());
  }
  // At most one row: true when there is one, false when there is none, or the error.
  Result<bool> row() {
    if (next()) return true;
    if (auto end = finished(); !end) return std::unexpected(end.error());
    return false;
  }
  void reset() {
    m_last = 0;
    m_cursor->reset();
  }
  std::int64_t integer(int col) const { return m_cursor->integer(col); }
  bool is_null(int col) const { return m_cursor->is_null(col); }
  std::optional<int> optional_int(int col) const {
    if (m_cursor->is_null(col)) return std::nullopt;
    return static_cast<int>(m_cursor->integer(col));
  }
  std::string text(int col) const { return m_cursor->text(col); }
  std::string blob(int col) const { return m_cursor->blob(col); }

 private:
  Connection* m_db;
  std::unique_ptr<Cursor> m_cursor;
  int m_last = 0;
};

// The SQL of the repositories as PostgreSQL reads it: `?N` and `?` parameters as `$N`, the
// identifier `user` quoted (a reserved word there), `rowid` as `id`, SQLite's NOCASE
// comparisons as lower(), json_each() of an array of ids as json_array_elements_text(), and
// `LIMIT -1` as `LIMIT ALL`, `x IS ?` as `x IS NOT DISTINCT FROM $N`. Text in quotes is left as it
// is.
std::string postgresql_sql(std::string_view sqlite_sql);

}  // namespace cyberframe::store::sql
