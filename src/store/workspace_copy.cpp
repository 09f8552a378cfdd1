// `cyberframe workspace copy FROM TO`: a whole workspace from one database into a new, empty one,
// SQLite or PostgreSQL either way (store.hpp, copy_workspace). Every table of the schema, every
// column, the ids as they are, in one write transaction on TO; the audit trail row for row with
// its HMACs, so TO takes FROM's audit key and an anchor at FROM's head, and must verify.

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <system_error>

#include "store/sql_connection.hpp"
#include "store/sql_open.hpp"
#include "store/store.hpp"
#include "util/text.hpp"

namespace cyberframe::store {

using util::ErrorCode;
using util::fail;

namespace {

// The tables of the schema in the order a copy fills them: each after the tables its foreign
// keys name. A table the schema has and this list lacks stops the copy (a table added by a later
// migration must be added here, in its place, or it would be left behind), unless it is one of
// k_not_copied.
constexpr std::array k_tables{"organization",
                              "profile",
                              "node_assessment",
                              "snapshot",
                              "snapshot_node",
                              "action",
                              "action_node",
                              "evidence_blob",
                              "evidence",
                              "scale",
                              "audit",
                              "user",
                              "user_role",
                              "session",
                              "api_token",
                              "node_comment",
                              "mapping_set",
                              "mapping",
                              "projected_node",
                              "workspace_framework",
                              "framework_version",
                              "risk_criteria",
                              "risk_criteria_version",
                              "asset",
                              "asset_dependency",
                              "own_control",
                              "risk",
                              "risk_asset",
                              "risk_control",
                              "risk_action",
                              "risk_decision",
                              "soa_version",
                              "soa_row",
                              "risk_baseline",
                              "isms_record",
                              "isms_link",
                              "isms_comment",
                              "isms_record_version",
                              "review_inputs",
                              "measurement_value",
                              "document",
                              "document_blob",
                              "document_version",
                              "document_link",
                              "document_ack",
                              "organization_setting",
                              "person",
                              "reminder_sent"};

// Tables of the schema the copy leaves out on purpose: TO gets them empty, as init makes them.
// login_throttle holds the login throttle's counts (core/login_throttle.hpp): not a record of the
// workspace but the running servers' short-lived state (forgotten an hour after a failure, its
// reservations counted for 30 s), in times of the servers that wrote it; a copy is a new
// workspace whose servers start counting afresh. Nor are its rows a reason to refuse TO as not
// empty (a workspace made by init whose server only saw failed sign-ins is still empty).
constexpr std::array k_not_copied{"login_throttle"};

bool is_not_copied(std::string_view table) {
  return std::find(k_not_copied.begin(), k_not_copied.end(), table) != k_not_copied.end();
}

// What the copy reads and binds a column as.
enum class Kind { k_integer, k_text, k_blob };

struct Column {
  std::string name;
  Kind kind;
};

bool is_postgresql_location(std::string_view location) {
  return location.starts_with("postgresql:") || location.starts_with("postgres:");
}

// The location as messages name it: a URL without its password.
std::string shown(std::string_view location) {
  return is_postgresql_location(location) ? sql::redacted(location) : std::string(location);
}

std::string identifier(std::string_view name) {
  return "\"" + std::string(name) + "\"";
}

Result<std::unique_ptr<sql::Connection>> connect(std::string_view location, bool create) {
  if (is_postgresql_location(location)) return sql::connect_postgresql(std::string(location));
  return sql::connect_sqlite(workspace_file(location), create);
}

util::Error db_error(sql::Connection& db, const std::string& what) {
  return util::Error{ErrorCode::k_io, what + ": " + db.error_message()};
}

// The tables of the workspace's schema (without the database's own and the migrations' version).
Result<std::set<std::string>> schema_tables(sql::Connection& db) {
  bool pg = db.dialect() == "postgresql";
  sql::Statement st(&db, pg ? "SELECT table_name FROM information_schema.tables WHERE "
                              "table_schema = current_schema() AND table_type = 'BASE TABLE' "
                              "AND table_name <> 'schema_version'"
                            : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT "
                              "LIKE 'sqlite_%'");
  std::set<std::string> out;
  while (st.next()) out.insert(st.text(0));
  if (auto end = st.finished(); !end) return std::unexpected(end.error());
  return out;
}

// The columns of a table as the schema declares them, in their order.
Result<std::vector<Column>> schema_columns(sql::Connection& db, const std::string& table,
                                           const std::string& where) {
  bool pg = db.dialect() == "postgresql";
  sql::Statement st(&db, pg ? "SELECT column_name, data_type FROM information_schema.columns "
                              "WHERE table_schema = current_schema() AND table_name = ?1 "
                              "ORDER BY ordinal_position"
                            : "SELECT name, type FROM pragma_table_info(?1) ORDER BY cid");
  st.bind(1, table);
  std::vector<Column> out;
  while (st.next()) {
    auto name = st.text(0);
    auto type = util::to_lower(st.text(1));
    Kind kind;
    if (type.find("int") != std::string::npos)
      kind = Kind::k_integer;
    else if (type == "text" || type.starts_with("text ") || type == "character varying")
      kind = Kind::k_text;
    else if (type == "blob" || type == "bytea")
      kind = Kind::k_blob;
    else
      return fail(ErrorCode::k_invalid_input, "column " + table + "." + name + " of " + where +
                                                  " is of type '" + type +
                                                  "', which the copy does not know");
    out.push_back(Column{std::move(name), kind});
  }
  if (auto end = st.finished(); !end) return std::unexpected(end.error());
  return out;
}

// Checks that `db`'s schema holds exactly the tables the copy knows, and returns each table's
// columns.
Result<std::map<std::string, std::vector<Column>>> known_schema(sql::Connection& db,
                                                                const std::string& where) {
  auto tables = schema_tables(db);
  if (!tables) return std::unexpected(tables.error());
  for (const auto& t : *tables) {
    if (is_not_copied(t)) continue;
    if (std::find(k_tables.begin(), k_tables.end(), t) == k_tables.end())
      return fail(ErrorCode::k_invalid_input,
                  where + " holds a table '" + t +
                      "' that the copy does not know: refusing to copy a workspace only in part "
                      "(is it a newer cyberframe's, or not a workspace?)");
  }
  std::map<std::string, std::vector<Column>> out;
  for (const char* t : k_tables) {
    if (!tables->contains(t))
      return fail(ErrorCode::k_invalid_input,
                  where + " has no table '" + t + "': it is not a workspace at this schema");
    auto columns = schema_columns(db, t, where);
    if (!columns) return std::unexpected(columns.error());
    out[t] = std::move(*columns);
  }
  return out;
}

// SQLite keeps whatever value a column is given: a value of another type than the column's
// (text in an integer column) would be read as something else, so it stops the copy, naming it.
Result<void> check_sqlite_values(sql::Connection& db, const std::string& table,
                                 const std::vector<Column>& columns, const std::string& where) {
  for (const auto& c : columns) {
    const char* type = c.kind == Kind::k_integer ? "integer"
                       : c.kind == Kind::k_text  ? "text"
                                                 : "blob";
    sql::Statement st(&db, "SELECT count(*), min(typeof(" + identifier(c.name) + ")) FROM " +
                               identifier(table) + " WHERE typeof(" + identifier(c.name) +
                               ") NOT IN ('null', '" + type + "')");
    auto row = st.row();
    if (!row) return std::unexpected(row.error());
    if (*row && st.integer(0) > 0)
      return fail(ErrorCode::k_invalid_input,
                  where + ": " + std::to_string(st.integer(0)) + " row(s) of " + table + " hold " +
                      st.text(1) + " in the " + type + " column " + c.name +
                      ", which the copy cannot carry as it is; correct them first");
  }
  return {};
}

Result<std::int64_t> count_rows(sql::Connection& db, const std::string& table) {
  sql::Statement st(&db, "SELECT count(*) FROM " + identifier(table));
  auto row = st.row();
  if (!row) return std::unexpected(row.error());
  return *row ? st.integer(0) : 0;
}

std::string read_file(const std::filesystem::path& path, std::error_code& ec) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ec = std::make_error_code(std::errc::io_error);
    return {};
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

bool same_file(const std::filesystem::path& a, const std::filesystem::path& b) {
  std::error_code ec;
  if (std::filesystem::equivalent(a, b, ec)) return true;
  return std::filesystem::weakly_canonical(a, ec) == std::filesystem::weakly_canonical(b, ec);
}

// Writes `text` into the new file `path`, mode 0600, never replacing a file.
Result<void> write_new_file(const std::filesystem::path& path, const std::string& text) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    return fail(ErrorCode::k_io,
                "cannot create " + path.string() + ": " + std::system_category().message(errno));
  std::size_t done = 0;
  while (done < text.size()) {
    auto n = ::write(fd, text.data() + done, text.size() - done);
    if (n <= 0) break;
    done += static_cast<std::size_t>(n);
  }
  bool ok = done == text.size() && ::fsync(fd) == 0;
  ::close(fd);
  if (!ok) {
    ::unlink(path.c_str());
    return fail(ErrorCode::k_io, "cannot write " + path.string());
  }
  return {};
}

// What the copy made on TO's side, undone when the copy fails.
struct Made {
  std::string to;
  std::filesystem::path sqlite_file;  // the new SQLite file
  bool pg_schema = false;             // TO's schema on PostgreSQL holds what the copy wrote
  std::filesystem::path key;          // the key file the copy placed
  std::filesystem::path anchor;       // the anchor file the copy (or init) made
  bool kept = false;

  ~Made() {
    if (kept) return;
    std::error_code ec;
    if (!sqlite_file.empty()) {
      for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        std::filesystem::remove(sqlite_file.string() + suffix, ec);
    }
    if (pg_schema) drop_schema();
    if (!anchor.empty()) std::filesystem::remove(anchor, ec);
    if (!key.empty()) std::filesystem::remove(key, ec);
  }

  // Back to a database without the workspace's schema: its tables (the audit trail's cannot be
  // emptied row by row: it is append-only), the trigger functions and the version.
  void drop_schema() {
    auto db = sql::connect_postgresql(to);
    if (!db) return;
    auto& c = **db;
    std::vector<std::string> functions;
    {
      sql::Statement st(&c,
                        "SELECT DISTINCT p.proname FROM pg_trigger t JOIN pg_proc p ON p.oid = "
                        "t.tgfoid JOIN pg_class r ON r.oid = t.tgrelid WHERE NOT t.tgisinternal "
                        "AND r.relnamespace = current_schema()::regnamespace");
      while (st.next()) functions.push_back(st.text(0));
    }
    std::string drop = "DROP TABLE IF EXISTS schema_version";
    for (const char* t : k_tables) drop += ", " + identifier(t);
    for (const char* t : k_not_copied) drop += ", " + identifier(t);
    drop += " CASCADE";
    for (const auto& f : functions) drop += "; DROP FUNCTION IF EXISTS " + identifier(f) + "()";
    (void)c.exec("BEGIN; " + drop + "; COMMIT");
  }
};

// Copies one table's rows from `from` into `to` (inside TO's write transaction); returns how many.
Result<std::int64_t> copy_table(sql::Connection& from, sql::Connection& to,
                                const std::string& table, const std::vector<Column>& columns) {
  std::string names, params, key;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (i) {
      names += ", ";
      params += ", ";
    }
    names += identifier(columns[i].name);
    params += "?" + std::to_string(i + 1);
  }
  sql::Statement insert(
      &to, "INSERT INTO " + identifier(table) + " (" + names + ") VALUES (" + params + ")");
  // In a stable order (ids ascending: the audit trail in its order); evidence files a few at a
  // time, so that a workspace's files are never all in memory at once.
  bool paged = table == "evidence_blob" || table == "document_blob";
  auto has = [&](std::string_view c) {
    return std::any_of(columns.begin(), columns.end(),
                       [&](const Column& x) { return x.name == c; });
  };
  std::string order = has("id") ? " ORDER BY \"id\"" : paged ? " ORDER BY \"sha256\"" : "";
  std::int64_t rows = 0;
  std::optional<std::string> after;
  for (;;) {
    std::string select = "SELECT " + names + " FROM " + identifier(table);
    if (paged)
      select += std::string(after ? " WHERE \"sha256\" > ?1" : "") + order + " LIMIT 16";
    else
      select += order;
    sql::Statement st(&from, select);
    if (after) st.bind(1, *after);
    std::int64_t page = 0;
    while (st.next()) {
      ++page;
      for (std::size_t i = 0; i < columns.size(); ++i) {
        int c = static_cast<int>(i);
        if (st.is_null(c)) {
          insert.bind(c + 1, std::optional<int>{});
          continue;
        }
        switch (columns[i].kind) {
          case Kind::k_integer:
            insert.bind(c + 1, st.integer(c));
            break;
          case Kind::k_text:
            insert.bind(c + 1, st.text(c));
            break;
          case Kind::k_blob:
            insert.bind_blob(c + 1, st.blob(c));
            break;
        }
        if (paged && columns[i].name == "sha256") after = st.text(c);
      }
      if (insert.step() != sql::k_done)
        return std::unexpected(db_error(to, "copying a row of " + table));
      insert.reset();
      ++rows;
    }
    if (auto end = st.finished(); !end) return std::unexpected(end.error());
    if (!paged || page == 0) break;
  }
  return rows;
}

}  // namespace

Result<CopyReport> copy_workspace(std::string_view from, std::string_view to,
                                  const AuditFiles& from_audit, const AuditFiles& to_audit) {
  CopyReport report;
  report.from = shown(from);
  report.to = shown(to);
  const bool to_pg = is_postgresql_location(to);
  if (from == to)
    return fail(ErrorCode::k_invalid_input, "FROM and TO are the same workspace: " + report.from);

  // FROM: an existing workspace, brought to the current schema, whose trail verifies.
  auto from_files = audit_files(from, from_audit);
  AuditVerification from_trail;
  {
    auto store = open_workspace(from, OpenMode::k_existing, from_audit);
    if (!store) return std::unexpected(store.error());
    auto v = (*store)->verify_audit();
    if (!v) return fail(v.error().code, "cannot copy " + report.from + ": " + v.error().message);
    if (!v->intact)
      return fail(ErrorCode::k_invalid_input,
                  "the audit trail of " + report.from + " does not verify (" + v->problem +
                      "): a copy would carry that. Run 'cyberframe audit verify' on it first");
    from_trail = *v;
  }
  // Every table of FROM's schema is one the copy knows, before anything is made for TO.
  auto from_db = connect(from, false);
  if (!from_db) return std::unexpected(from_db.error());
  auto& src = **from_db;
  if (auto v = src.schema_version(); !v) return std::unexpected(v.error());
  auto from_schema = known_schema(src, report.from);
  if (!from_schema) return std::unexpected(from_schema.error());

  // TO: nothing there yet.
  auto to_files = audit_files(to, to_audit);
  report.audit_key = to_files.key;
  report.audit_anchor = to_files.anchor;
  Made made;
  made.to = std::string(to);
  bool to_had_schema = false;
  if (to_pg) {
    auto db = sql::connect_postgresql(std::string(to));
    if (!db) return std::unexpected(db.error());
    auto version = (*db)->schema_version();
    if (!version) return std::unexpected(version.error());
    to_had_schema = *version > 0;
    auto tables = schema_tables(**db);
    if (!tables) return std::unexpected(tables.error());
    if (!to_had_schema && !tables->empty())
      return fail(ErrorCode::k_invalid_input,
                  report.to + " is not empty: it holds tables (" + *tables->begin() +
                      (tables->size() > 1 ? ", ..." : "") +
                      ") but no workspace. Copy into a new database (createdb)");
    // A workspace made by init and never written to is empty; any row refuses it.
    for (const auto& t : *tables) {
      if (is_not_copied(t)) continue;
      auto n = count_rows(**db, t);
      if (!n) return std::unexpected(n.error());
      if (*n != 0)
        return fail(ErrorCode::k_invalid_input,
                    report.to + " is not empty (its table " + t + " holds " + std::to_string(*n) +
                        " rows): the copy goes into an empty workspace");
    }
  } else {
    auto file = workspace_file(to);
    if (file.empty()) return fail(ErrorCode::k_invalid_input, "no workspace path given for TO");
    std::error_code ec;
    if (std::filesystem::exists(file, ec) && std::filesystem::file_size(file, ec) != 0)
      return fail(ErrorCode::k_invalid_input,
                  file.string() + " already exists: the copy goes into a new workspace file");
    for (const char* suffix : {"-wal", "-journal"}) {
      if (std::filesystem::exists(file.string() + suffix, ec))
        return fail(
            ErrorCode::k_invalid_input,
            file.string() + suffix + " exists: remove what is left of an old workspace first");
    }
  }

  // The key: FROM's, since the copy's trail carries FROM's HMACs. An existing different key is
  // never replaced.
  if (same_file(from_files.anchor, to_files.anchor))
    return fail(ErrorCode::k_invalid_input, "TO's audit anchor would be FROM's (" +
                                                to_files.anchor.string() +
                                                "): give TO its own with --to-audit-anchor");
  std::error_code ec;
  auto key = read_file(from_files.key, ec);
  if (ec) return fail(ErrorCode::k_io, "cannot read the audit key " + from_files.key.string());
  if (std::filesystem::exists(to_files.key, ec)) {
    auto existing = read_file(to_files.key, ec);
    if (ec || util::trim(existing) != util::trim(key))
      return fail(ErrorCode::k_invalid_input,
                  "the audit key " + to_files.key.string() + " of " + report.to +
                      " exists and is not the key of " + report.from +
                      ": the copy's trail is sealed with FROM's key, and a key is never "
                      "replaced. Move it away, or give TO another with --to-audit-key");
  } else {
    if (auto w = write_new_file(to_files.key, key); !w) return std::unexpected(w.error());
    made.key = to_files.key;
    report.key_copied = true;
  }
  auto to_seal = AuditSeal::open(to_files);
  if (!to_seal) return std::unexpected(to_seal.error());
  {
    auto anchor = to_seal->read_anchor();
    if (!anchor) return std::unexpected(anchor.error());
    if (anchor->state == AnchorReading::State::k_missing)
      made.anchor = to_files.anchor;
    else if (anchor->state != AnchorReading::State::k_ok || anchor->head.rows != 0)
      return fail(ErrorCode::k_invalid_input,
                  "the audit anchor " + to_files.anchor.string() + " exists and is not an empty " +
                      "workspace's (" +
                      (anchor->state == AnchorReading::State::k_ok
                           ? "it records " + std::to_string(anchor->head.rows) + " rows"
                           : anchor->problem) +
                      "): move it away, or give TO another with --to-audit-anchor");
  }

  // TO's schema, as init makes it.
  if (!to_pg) made.sqlite_file = workspace_file(to);
  if (to_pg && !to_had_schema) made.pg_schema = true;
  {
    auto store = open_workspace(to, OpenMode::k_create, to_audit);
    if (!store) return std::unexpected(store.error());
  }

  auto to_db = connect(to, false);
  if (!to_db) return std::unexpected(to_db.error());
  auto& dst = **to_db;
  if (auto v = dst.schema_version(); !v) return std::unexpected(v.error());
  auto to_schema = known_schema(dst, report.to);
  if (!to_schema) return std::unexpected(to_schema.error());
  for (const char* t : k_tables) {
    const auto& a = (*from_schema)[t];
    const auto& b = (*to_schema)[t];
    std::map<std::string, Kind> theirs;
    for (const auto& c : b) theirs[c.name] = c.kind;
    bool same = a.size() == b.size();
    for (const auto& c : a) {
      auto it = theirs.find(c.name);
      same = same && it != theirs.end() && it->second == c.kind;
    }
    if (!same)
      return fail(ErrorCode::k_invalid_input, std::string("the table ") + t + " of " + report.from +
                                                  " does not have the columns of " + report.to +
                                                  "'s: are both at the same schema version?");
  }
  // One consistent state of FROM, into TO in one transaction.
  if (auto r = src.begin_read(); !r) return std::unexpected(r.error());
  if (auto r = dst.begin_write(); !r) {
    src.rollback();
    return std::unexpected(r.error());
  }
  // Empty still, now that no other writer can come in before the copy commits.
  for (const char* t : k_tables) {
    auto n = count_rows(dst, t);
    if (!n || *n != 0) {
      dst.rollback();
      src.rollback();
      if (!n) return std::unexpected(n.error());
      made.pg_schema = false;  // another writer's rows: not the copy's to remove
      made.sqlite_file.clear();
      made.anchor.clear();
      return fail(ErrorCode::k_invalid_input, report.to + " is not empty (its table " + t +
                                                  " holds " + std::to_string(*n) +
                                                  " rows): the copy goes into an empty workspace");
    }
  }
  AuditHead head;
  head.keyed_from = from_trail.keyed_from;
  auto copied = [&]() -> Result<void> {
    for (const char* t : k_tables) {
      if (src.dialect() == "sqlite") {
        if (auto c = check_sqlite_values(src, t, (*from_schema)[t], report.from); !c) return c;
      }
      auto n = copy_table(src, dst, t, (*from_schema)[t]);
      if (!n) return std::unexpected(n.error());
      report.rows += *n;
      if (std::string_view(t) == "audit") report.audit_rows = *n;
      if (std::string_view(t) == "node_assessment") {
        // Writing a node moves its profile's version and time (a trigger): put them back.
        sql::Statement read(&src, "SELECT id, version, updated_at FROM profile");
        sql::Statement put(&dst, "UPDATE profile SET version = ?2, updated_at = ?3 WHERE id = ?1");
        while (read.next()) {
          put.bind(1, read.integer(0)).bind(2, read.integer(1)).bind(3, read.text(2));
          if (put.step() != sql::k_done)
            return std::unexpected(db_error(dst, "restoring the profiles' versions"));
          put.reset();
        }
        if (auto end = read.finished(); !end) return std::unexpected(end.error());
      }
    }
    {
      sql::Statement last(&src, "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1");
      auto row = last.row();
      if (!row) return std::unexpected(row.error());
      if (*row) {
        head.last_id = last.integer(0);
        head.last_hash = last.text(1);
      }
      head.rows = report.audit_rows;
    }
    if (dst.dialect() == "postgresql") {
      // Rows came with their ids: each identity moves past the highest.
      sql::Statement st(&dst,
                        "SELECT table_name FROM information_schema.columns WHERE table_schema = "
                        "current_schema() AND column_name = 'id' AND is_identity = 'YES'");
      std::vector<std::string> tables;
      while (st.next()) tables.push_back(st.text(0));
      if (auto end = st.finished(); !end) return std::unexpected(end.error());
      for (const auto& t : tables) {
        auto q = identifier(t);
        if (auto r = dst.exec("SELECT setval(pg_get_serial_sequence('" + q +
                              "', 'id'), max(id)) "
                              "FROM " +
                              q + " HAVING max(id) IS NOT NULL");
            !r)
          return r;
      }
    }
    return {};
  }();
  src.rollback();  // a read: nothing to keep
  if (!copied) {
    dst.rollback();
    return fail(copied.error().code, "the copy failed, nothing was written to " + report.to + ": " +
                                         copied.error().message);
  }
  if (auto r = dst.commit(); !r) {
    dst.rollback();
    return fail(r.error().code,
                "the copy failed, nothing was written to " + report.to + ": " + r.error().message);
  }
  made.pg_schema = to_pg;  // from here on a failure removes what was written
  report.tables = k_tables.size();
  to_db->reset();
  from_db->reset();

  if (auto w = to_seal->write_anchor(head); !w) return std::unexpected(w.error());
  made.anchor = to_files.anchor;

  // The copy as the store opens it: its trail verifies with the key, against the anchor.
  {
    auto store = open_workspace(to, OpenMode::k_existing, to_audit);
    if (!store) return std::unexpected(store.error());
    auto v = (*store)->verify_audit();
    if (!v) return std::unexpected(v.error());
    if (!v->intact || static_cast<std::int64_t>(v->rows) != report.audit_rows)
      return fail(ErrorCode::k_io, "the copy's audit trail does not verify (" + v->problem +
                                       "): the copy was removed");
    report.verified = true;
  }
  made.kept = true;
  return report;
}

}  // namespace cyberframe::store
