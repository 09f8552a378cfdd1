// The PostgreSQL connection under the store (sql_connection.hpp), on libpq.
//
// Statements run with the extended protocol: parameters apart from the SQL text (never spliced
// into it), integers typed int8, text left for the server to type from where it is used, bytes
// as binary bytea. A statement the store keeps for the connection's life is prepared once on
// the server (PQprepare) and run by name. Results are read whole, as text.

#include <libpq-fe.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <regex>

#include "store/sql_connection.hpp"
#include "store/sql_open.hpp"

namespace cyberframe::store::sql {

using util::ErrorCode;
using util::fail;

namespace {

// The advisory locks of a workspace's database: one for writers (held by each write
// transaction), one for migrations (held while a process brings the schema up to date).
constexpr long long k_write_lock = 0x6379626572;        // "cyber"
constexpr long long k_migration_lock = 0x637962657231;  // "cyber1"

constexpr unsigned k_int8 = 20;
constexpr unsigned k_bytea = 17;
constexpr unsigned k_text = 25;

// Whether `sql` holds the parameter $n.
bool uses_parameter(std::string_view sql, int n) {
  auto name = "$" + std::to_string(n);
  for (auto at = sql.find(name); at != std::string_view::npos; at = sql.find(name, at + 1)) {
    auto end = at + name.size();
    if (end == sql.size() || !std::isdigit(static_cast<unsigned char>(sql[end]))) return true;
  }
  return false;
}

void replace_all(std::string& text, std::string_view from, std::string_view to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return 0;
}

// A bytea column as text ("\x" and two hex digits a byte) back to its bytes.
std::string bytes_of(const char* text, std::size_t size) {
  std::string out;
  if (size < 2 || text[0] != '\\' || text[1] != 'x') return std::string(text, size);
  out.reserve((size - 2) / 2);
  for (std::size_t i = 2; i + 1 < size; i += 2)
    out += static_cast<char>(hex_value(text[i]) * 16 + hex_value(text[i + 1]));
  return out;
}

class PgConnection;

class PgCursor final : public Cursor {
 public:
  PgCursor(PgConnection* connection, std::string sql, bool persistent)
      : m_connection(connection), m_sql(std::move(sql)), m_persistent(persistent) {}
  ~PgCursor() override { clear(); }

  bool ok() const override { return true; }  // the server checks the SQL when it first runs
  void bind_int(int i, std::int64_t v) override { set(i, std::to_string(v), k_int8, 0); }
  void bind_text(int i, std::string_view v) override { set(i, std::string(v), 0, 0); }
  void bind_blob(int i, std::string_view v) override { set(i, std::string(v), k_bytea, 1); }
  void bind_null(int i) override {
    slot(i);
    m_values[static_cast<std::size_t>(i - 1)].reset();
  }
  int step() override;
  int step_deferred() override;
  void reset() override {
    clear();
    m_values.clear();
    m_types.clear();
    m_formats.clear();
  }
  std::int64_t integer(int col) const override {
    if (PQgetisnull(m_result, m_row, col)) return 0;
    const char* v = PQgetvalue(m_result, m_row, col);
    if (v[0] == 't' && v[1] == '\0') return 1;  // a boolean expression
    if (v[0] == 'f' && v[1] == '\0') return 0;
    return std::strtoll(v, nullptr, 10);
  }
  bool is_null(int col) const override { return PQgetisnull(m_result, m_row, col) != 0; }
  std::string text(int col) const override {
    return std::string(PQgetvalue(m_result, m_row, col),
                       static_cast<std::size_t>(PQgetlength(m_result, m_row, col)));
  }
  std::string blob(int col) const override {
    return bytes_of(PQgetvalue(m_result, m_row, col),
                    static_cast<std::size_t>(PQgetlength(m_result, m_row, col)));
  }

 private:
  void slot(int i) {
    auto n = static_cast<std::size_t>(i);
    if (m_values.size() < n) {
      m_values.resize(n);
      m_types.resize(n, 0);
      m_formats.resize(n, 0);
    }
  }
  void set(int i, std::string value, unsigned type, int format) {
    slot(i);
    auto k = static_cast<std::size_t>(i - 1);
    m_values[k] = std::move(value);
    m_types[k] = type;
    m_formats[k] = format;
  }
  void clear() {
    if (m_result) PQclear(m_result);
    m_result = nullptr;
    m_state = State::k_ready;
    m_row = -1;
  }
  int execute();

  enum class State { k_ready, k_rows, k_done, k_failed };
  PgConnection* m_connection;
  std::string m_sql;
  bool m_persistent;
  std::string m_name;               // the server-side prepared statement, once prepared
  std::uint64_t m_prepared_on = 0;  // the connection's generation it was prepared on
  std::vector<std::optional<std::string>> m_values;
  std::vector<unsigned> m_types;
  std::vector<int> m_formats;
  PGresult* m_result = nullptr;
  State m_state = State::k_ready;
  int m_failure = k_error;
  int m_row = -1;
};

class PgConnection final : public Connection {
 public:
  PgConnection(PGconn* pg, std::string location) : m_pg(pg), m_location(std::move(location)) {}
  ~PgConnection() override { PQfinish(m_pg); }

  std::string_view dialect() const override { return "postgresql"; }
  std::unique_ptr<Cursor> prepare(std::string_view sql, bool persistent) override {
    return std::make_unique<PgCursor>(this, postgresql_sql(sql), persistent);
  }
  Result<void> exec(const std::string& sql) override {
    if (sql == "ROLLBACK")
      m_deferred.clear();  // what was not sent need not be undone
    else if (flush() != k_done)
      return fail(ErrorCode::k_io, "database error: " + m_error);
    reconnect_if_lost();
    note(sql);
    PGresult* r = PQexec(m_pg, sql.c_str());
    auto status = PQresultStatus(r);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      failed(r);
      PQclear(r);
      return fail(ErrorCode::k_io, "database error: " + m_error);
    }
    // COMMIT of a transaction a statement had failed in answers ROLLBACK: nothing was written.
    bool rolled_back = sql == "COMMIT" && std::string_view(PQcmdStatus(r)) == "ROLLBACK";
    PQclear(r);
    if (rolled_back) {
      m_error = "the transaction was rolled back";
      return fail(ErrorCode::k_io, "database error: " + m_error);
    }
    return {};
  }
  std::string error_message() const override { return m_error; }
  std::int64_t changes() const override { return m_changes; }
  Constraint last_constraint() const override { return m_constraint; }

  // BEGIN, the writers' lock, and then (a statement of its own, so that it sees what the writer
  // before committed) the end of the audit trail: one round trip.
  Result<void> begin_write() override {
    m_tail.reset();
    auto sql = "BEGIN; SELECT pg_advisory_xact_lock(" + std::to_string(k_write_lock) + ")";
    if (!m_has_audit) return exec(sql);
    if (flush() != k_done) return fail(ErrorCode::k_io, "database error: " + m_error);
    sql += "; SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1";
    reconnect_if_lost();
    note(sql);
    PGresult* r = PQexec(m_pg, sql.c_str());
    if (PQresultStatus(r) != PGRES_TUPLES_OK) {
      failed(r);
      PQclear(r);
      return fail(ErrorCode::k_io, "database error: " + m_error);
    }
    if (PQntuples(r) == 1)
      m_tail = std::pair{std::strtoll(PQgetvalue(r, 0, 0), nullptr, 10),
                         std::string(PQgetvalue(r, 0, 1))};
    else
      m_tail = std::pair{std::int64_t{0}, std::string()};
    PQclear(r);
    return {};
  }
  // Its commit does not wait for the WAL to reach the disk (synchronous_commit off, for this
  // transaction only): what it writes is short-lived state (the login throttle's counts), of which
  // a crash of the database may lose the last fraction of a second, never a record; a sign-in
  // then waits for one flush (its session's), not three.
  Result<void> begin_row_write() override {
    m_tail.reset();
    return exec("BEGIN; SET LOCAL synchronous_commit = off");
  }
  std::optional<std::pair<std::int64_t, std::string>> audit_tail_at_begin() override {
    return m_tail;
  }
  Result<bool> defer_profile_bumps() override {
    if (auto r = exec("SET LOCAL cyberframe.profile_bumps = 'deferred'"); !r)
      return std::unexpected(r.error());
    return true;
  }
  Result<void> begin_read() override {
    return exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  }
  Result<void> commit() override { return exec("COMMIT"); }
  void rollback() override { (void)exec("ROLLBACK"); }
  std::uint64_t data_version() override { return ++m_version_reads; }

  Result<int> schema_version() override {
    PGresult* r = PQexec(m_pg, "SELECT to_regclass('schema_version') IS NOT NULL");
    if (PQresultStatus(r) != PGRES_TUPLES_OK) {
      failed(r);
      PQclear(r);
      return fail(ErrorCode::k_io, "reading the schema version: " + m_error);
    }
    bool exists = PQgetvalue(r, 0, 0)[0] == 't';
    PQclear(r);
    if (!exists) return 0;
    r = PQexec(m_pg, "SELECT coalesce(max(version), 0) FROM schema_version");
    if (PQresultStatus(r) != PGRES_TUPLES_OK) {
      failed(r);
      PQclear(r);
      return fail(ErrorCode::k_io, "reading the schema version: " + m_error);
    }
    int v = std::atoi(PQgetvalue(r, 0, 0));
    PQclear(r);
    m_has_audit = v >= 1;
    return v;
  }
  Result<void> set_schema_version(int version) override {
    m_has_audit = version >= 1;  // from the first schema on (checked again at the next open)
    return exec(
        "CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL); "
        "DELETE FROM schema_version; INSERT INTO schema_version (version) VALUES (" +
        std::to_string(version) + ")");
  }
  Result<void> lock_migrations() override {
    return exec("SELECT pg_advisory_lock(" + std::to_string(k_migration_lock) + ")");
  }
  void unlock_migrations() override {
    (void)exec("SELECT pg_advisory_unlock(" + std::to_string(k_migration_lock) + ")");
  }

  void record_statements(std::vector<std::string>* into) override { m_recording = into; }

  // A write sent later, with the others of its unit of work, in one pipeline (flush()).
  struct Deferred {
    std::string statement;  // the prepared statement's name
    std::vector<std::optional<std::string>> values;
    std::vector<int> formats;
  };
  void defer(Deferred d) { m_deferred.push_back(std::move(d)); }
  // Sends the deferred writes in one pipeline and reads their answers: k_done, or the code of
  // the first that failed (the ones after it are not run). Every other statement flushes first.
  int flush() {
    if (m_deferred.empty()) return k_done;
    auto queue = std::exchange(m_deferred, {});
    if (PQenterPipelineMode(m_pg) != 1) return failed(nullptr);
    int outcome = k_done;
    for (const auto& d : queue) {
      std::vector<const char*> values(d.values.size());
      std::vector<int> lengths(d.values.size());
      for (std::size_t i = 0; i < d.values.size(); ++i) {
        values[i] = d.values[i] ? d.values[i]->data() : nullptr;
        lengths[i] = d.values[i] ? static_cast<int>(d.values[i]->size()) : 0;
      }
      if (PQsendQueryPrepared(m_pg, d.statement.c_str(), static_cast<int>(values.size()),
                              values.data(), lengths.data(), d.formats.data(), 0) != 1) {
        outcome = failed(nullptr);
        break;
      }
    }
    PQpipelineSync(m_pg);
    // Each query's results end with a null; the sync's own result ends the pipeline.
    std::size_t ends = 0;
    for (;;) {
      PGresult* r = PQgetResult(m_pg);
      if (!r) {
        if (++ends > queue.size() + 1 || PQstatus(m_pg) != CONNECTION_OK) {  // connection lost
          if (outcome == k_done) outcome = failed(nullptr);
          break;
        }
        continue;
      }
      auto status = PQresultStatus(r);
      if (status == PGRES_PIPELINE_SYNC) {
        PQclear(r);
        break;
      }
      if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
        succeeded(r);
      } else if (status != PGRES_PIPELINE_ABORTED && outcome == k_done) {
        outcome = failed(r);
      }
      PQclear(r);
    }
    PQexitPipelineMode(m_pg);
    return outcome;
  }

  // For the cursors.
  PGconn* handle() { return m_pg; }
  std::uint64_t generation() const { return m_generation; }
  std::string next_name() { return "cf" + std::to_string(++m_names); }
  void note(const std::string& sql) {
    if (m_recording) m_recording->push_back(sql);
  }
  void succeeded(PGresult* r) {
    m_changes = std::atoll(PQcmdTuples(r));
    m_constraint = Constraint::k_none;
  }
  // Keeps the error of `r` (or of the connection); returns the step code it means.
  int failed(PGresult* r) {
    const char* message = r ? PQresultErrorMessage(r) : nullptr;
    m_error = message && *message ? message : PQerrorMessage(m_pg);
    while (!m_error.empty() && (m_error.back() == '\n' || m_error.back() == ' '))
      m_error.pop_back();
    const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
    std::string_view code = state ? state : "";
    m_constraint = Constraint::k_none;
    if (!code.starts_with("23")) return k_error;
    m_constraint = code == "23505"   ? Constraint::k_unique
                   : code == "23503" ? Constraint::k_foreign_key
                                     : Constraint::k_other;
    return k_constraint;
  }
  // A connection the server dropped (a restart, a failover) is made again before the next
  // statement: outside a transaction nothing is lost; inside one the transaction fails.
  void reconnect_if_lost() {
    if (PQstatus(m_pg) == CONNECTION_OK) return;
    PQreset(m_pg);
    ++m_generation;  // statements prepared on the old connection are gone
  }

 private:
  PGconn* m_pg;
  std::string m_location;
  std::string m_error;
  std::int64_t m_changes = 0;
  Constraint m_constraint = Constraint::k_none;
  std::uint64_t m_version_reads = 0;
  std::uint64_t m_generation = 1;
  std::uint64_t m_names = 0;
  std::vector<std::string>* m_recording = nullptr;
  std::vector<Deferred> m_deferred;
  bool m_has_audit = false;  // the schema has its audit table: begin_write() reads its end
  std::optional<std::pair<std::int64_t, std::string>> m_tail;
};

int PgCursor::execute() {
  auto* c = m_connection;
  if (int flushed = c->flush(); flushed != k_done) return flushed;
  c->reconnect_if_lost();
  c->note(m_sql);
  auto n = static_cast<int>(m_values.size());
  // A parameter the SQL does not use (a repository binding the same values for several forms
  // of a query) has no type the server could infer: it is sent as text.
  for (std::size_t i = 0; i < m_types.size(); ++i)
    if (m_types[i] == 0 && !uses_parameter(m_sql, static_cast<int>(i) + 1)) m_types[i] = k_text;
  std::vector<const char*> values(m_values.size());
  std::vector<int> lengths(m_values.size());
  for (std::size_t i = 0; i < m_values.size(); ++i) {
    values[i] = m_values[i] ? m_values[i]->data() : nullptr;
    lengths[i] = m_values[i] ? static_cast<int>(m_values[i]->size()) : 0;
  }
  PGresult* r = nullptr;
  if (m_persistent) {
    if (m_name.empty() || m_prepared_on != c->generation()) {
      auto name = c->next_name();
      PGresult* p = PQprepare(c->handle(), name.c_str(), m_sql.c_str(), n,
                              reinterpret_cast<const Oid*>(m_types.data()));
      if (PQresultStatus(p) != PGRES_COMMAND_OK) {
        int code = c->failed(p);
        PQclear(p);
        return code;
      }
      PQclear(p);
      m_name = std::move(name);
      m_prepared_on = c->generation();
    }
    r = PQexecPrepared(c->handle(), m_name.c_str(), n, values.data(), lengths.data(),
                       m_formats.data(), 0);
  } else {
    r = PQexecParams(c->handle(), m_sql.c_str(), n, reinterpret_cast<const Oid*>(m_types.data()),
                     values.data(), lengths.data(), m_formats.data(), 0);
  }
  auto status = PQresultStatus(r);
  if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK) {
    c->succeeded(r);
    m_result = r;
    return status == PGRES_TUPLES_OK ? k_row : k_done;
  }
  int code = c->failed(r);
  PQclear(r);
  return code;
}

int PgCursor::step() {
  switch (m_state) {
    case State::k_failed:
      return m_failure;
    case State::k_done:
      return k_done;
    case State::k_ready: {
      int code = execute();
      if (code != k_row && code != k_done) {
        m_state = State::k_failed;
        m_failure = code;
        return code;
      }
      m_state = code == k_row ? State::k_rows : State::k_done;
      if (m_state == State::k_done) return k_done;
      [[fallthrough]];
    }
    case State::k_rows:
      if (++m_row < PQntuples(m_result)) return k_row;
      m_state = State::k_done;
      return k_done;
  }
  return k_error;
}

int PgCursor::step_deferred() {
  // A statement kept for the connection's life and prepared already is queued; anything else
  // (its first run prepares it) runs now.
  if (!m_persistent || m_name.empty() || m_prepared_on != m_connection->generation() ||
      m_state != State::k_ready)
    return step();
  m_connection->note(m_sql);
  m_connection->defer({m_name, m_values, m_formats});
  m_state = State::k_done;
  return k_done;
}

void ignore_notice(void*, const char*) {}

}  // namespace

std::string postgresql_sql(std::string_view in) {
  std::string out;
  out.reserve(in.size() + 16);
  int highest = 0;
  for (std::size_t i = 0; i < in.size();) {
    char c = in[i];
    if (c == '\'' || c == '"') {  // a literal or a quoted name, through its closing quote
      std::size_t j = i + 1;
      while (j < in.size()) {
        if (in[j] == c) {
          if (j + 1 < in.size() && in[j + 1] == c) {
            j += 2;
            continue;
          }
          break;
        }
        ++j;
      }
      out.append(in.substr(i, std::min(j + 1, in.size()) - i));
      i = j + 1;
      continue;
    }
    if (c == '?') {
      std::size_t j = i + 1;
      while (j < in.size() && std::isdigit(static_cast<unsigned char>(in[j]))) ++j;
      int n = j > i + 1 ? std::atoi(std::string(in.substr(i + 1, j - i - 1)).c_str()) : highest + 1;
      highest = std::max(highest, n);
      out += '$';
      out += std::to_string(n);
      i = j;
      continue;
    }
    if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
      std::size_t j = i;
      while (j < in.size() && (std::isalnum(static_cast<unsigned char>(in[j])) || in[j] == '_'))
        ++j;
      auto word = in.substr(i, j - i);
      if (word == "user")
        out += "\"user\"";
      else if (word == "rowid")
        out += "id";
      else
        out.append(word);
      i = j;
      continue;
    }
    out += c;
    ++i;
  }
  if (out.find("json_each") != std::string::npos) {
    static const std::regex k_ids(R"(SELECT value FROM json_each\((\$\d+)\))");
    out = std::regex_replace(
        out, k_ids, "SELECT value::bigint FROM json_array_elements_text($1::json) AS j(value)");
  }
  if (out.find("NOCASE") != std::string::npos) {
    static const std::regex k_equal(R"(([\w."]+) = (\$\d+) COLLATE NOCASE)");
    static const std::regex k_order(R"(([\w."]+) COLLATE NOCASE)");
    out = std::regex_replace(out, k_equal, "lower($1) = lower($2)");
    out = std::regex_replace(out, k_order, "lower($1)");
  }
  if (out.find(" IS $") != std::string::npos || out.find(" IS NOT $") != std::string::npos) {
    // SQLite's IS compares any two values, NULL or not; PostgreSQL's IS DISTINCT FROM does.
    replace_all(out, " IS NOT $", " IS DISTINCT FROM $");
    replace_all(out, " IS $", " IS NOT DISTINCT FROM $");
  }
  replace_all(out, " LIMIT -1", " LIMIT ALL");
  return out;
}

std::string redacted(std::string_view url) {
  std::string out(url);
  auto scheme = out.find("://");
  if (scheme == std::string::npos) return out;
  auto at = out.find('@', scheme + 3);
  auto slash = out.find('/', scheme + 3);
  if (at == std::string::npos || (slash != std::string::npos && slash < at)) {
    // no user part; a password may still come as ?password=
  } else {
    auto colon = out.find(':', scheme + 3);
    if (colon != std::string::npos && colon < at) out.replace(colon + 1, at - colon - 1, "***");
  }
  auto pw = out.find("password=");
  if (pw != std::string::npos) {
    auto end = out.find('&', pw);
    out.replace(pw + 9, (end == std::string::npos ? out.size() : end) - pw - 9, "***");
  }
  return out;
}

std::string database_name(std::string_view url) {
  auto scheme = url.find("://");
  if (scheme == std::string::npos) return "postgres";
  auto rest = url.substr(scheme + 3);
  auto slash = rest.find('/');
  if (slash == std::string_view::npos) return "postgres";
  auto name = rest.substr(slash + 1);
  name = name.substr(0, name.find('?'));
  return name.empty() ? "postgres" : std::string(name);
}

Result<std::unique_ptr<Connection>> connect_postgresql(const std::string& url) {
  PGconn* pg = PQconnectdb(url.c_str());
  if (!pg) return fail(ErrorCode::k_io, "cannot connect to " + redacted(url) + ": out of memory");
  if (PQstatus(pg) != CONNECTION_OK) {
    std::string message = PQerrorMessage(pg);
    PQfinish(pg);
    while (!message.empty() && (message.back() == '\n' || message.back() == ' '))
      message.pop_back();
    bool missing = message.find("does not exist") != std::string::npos;
    return fail(missing ? ErrorCode::k_not_found : ErrorCode::k_io,
                "cannot connect to " + redacted(url) + ": " + message +
                    (missing ? " (create the database first, e.g. createdb " + database_name(url) +
                                   ", then: cyberframe --db URL init)"
                             : ""));
  }
  PQsetNoticeProcessor(pg, ignore_notice, nullptr);
  auto connection = std::make_unique<PgConnection>(pg, redacted(url));
  if (auto r = connection->exec("SET client_encoding = 'UTF8'; SET TIME ZONE 'UTC'; "
                                "SET standard_conforming_strings = on");
      !r)
    return std::unexpected(r.error());
  return std::unique_ptr<Connection>(std::move(connection));
}

}  // namespace cyberframe::store::sql
