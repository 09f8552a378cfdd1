// The online backup of a SQLite workspace (store.hpp, backup_sqlite): SQLite's backup API from a
// read-only connection of its own, while the server and other processes go on writing.
//
// - One consistent state: a workspace is in WAL mode, so the source connection holds one read
//   transaction over the whole copy (a snapshot: writers go on, the copy is not restarted by
//   their commits). A workspace in rollback-journal mode is copied in steps with a pause between
//   them, as SQLite's documentation does, so that writers can get in; a commit between two steps
//   starts the copy again.
// - Never a half file: the copy is written to DEST.partial (created exclusively, mode 0600),
//   switched to rollback-journal mode (one self-contained file, no -wal beside it), checked with
//   PRAGMA integrity_check, synced, and only then renamed to DEST, never over an existing file.
//   Any failure removes DEST.partial.

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "store/store.hpp"

namespace cyberframe::store {

namespace {

namespace fs = std::filesystem;
using util::ErrorCode;
using util::fail;

// Pages copied per step of the backup, and how long a step that found the workspace locked
// waits before it tries again (at most k_busy_retries times in a row).
constexpr int k_pages_per_step = 256;
constexpr int k_busy_wait_ms = 100;
constexpr int k_busy_retries = 300;
// The pause between steps of a workspace in rollback-journal mode, which lets writers in.
constexpr int k_rollback_pause_ms = 20;

struct Connection {
  sqlite3* db = nullptr;
  Connection() = default;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection() {
    if (db) sqlite3_close_v2(db);
  }
  // Closes the connection; the error when SQLite could not.
  Result<void> close() {
    sqlite3* handle = db;
    db = nullptr;
    if (handle && sqlite3_close(handle) != SQLITE_OK) {
      std::string message = sqlite3_errmsg(handle);
      sqlite3_close_v2(handle);
      return fail(ErrorCode::k_io, message);
    }
    return {};
  }
};

std::string message_of(sqlite3* db) {
  return db ? sqlite3_errmsg(db) : "out of memory";
}

// Runs `sql`; the first column of each row it returns, as text.
Result<std::vector<std::string>> rows_of(sqlite3* db, const char* sql) {
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) != SQLITE_OK)
    return fail(ErrorCode::k_io, message_of(db));
  std::vector<std::string> rows;
  int rc = SQLITE_OK;
  while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
    const auto* text = sqlite3_column_text(statement, 0);
    rows.emplace_back(text ? reinterpret_cast<const char*>(text) : "");
  }
  sqlite3_finalize(statement);
  if (rc != SQLITE_DONE) return fail(ErrorCode::k_io, message_of(db));
  return rows;
}

// The one value `sql` answers ("" when it answers no row).
Result<std::string> value_of(sqlite3* db, const char* sql) {
  auto rows = rows_of(db, sql);
  if (!rows) return std::unexpected(rows.error());
  return rows->empty() ? std::string() : rows->front();
}

fs::path with_suffix(const fs::path& path, const char* suffix) {
  fs::path out = path;
  out += suffix;
  return out;
}

const char* const k_sqlite_companions[] = {"-journal", "-wal", "-shm"};

// Removes the partial backup and whatever SQLite left beside it.
void remove_partial(const fs::path& partial) {
  std::error_code ignored;
  fs::remove(partial, ignored);
  for (const char* suffix : k_sqlite_companions) fs::remove(with_suffix(partial, suffix), ignored);
}

// Whether anything (even a dangling link) is at `path`.
bool something_at(const fs::path& path) {
  std::error_code ec;
  return fs::symlink_status(path, ec).type() != fs::file_type::not_found;
}

Result<void> sync(const fs::path& path, int flags) {
  int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0 || ::fsync(fd) != 0) {
    std::string why = std::strerror(errno);
    if (fd >= 0) ::close(fd);
    return fail(ErrorCode::k_io, "cannot sync " + path.string() + ": " + why);
  }
  ::close(fd);
  return {};
}

util::Error exists_error(const fs::path& dest) {
  return util::Error{ErrorCode::k_invalid_input,
                     dest.string() +
                         " exists: a backup never overwrites a file (choose a new name, or move "
                         "the old file away first)"};
}

// Renames `from` to `to` unless `to` exists, even when it appears meanwhile.
Result<void> rename_no_replace(const fs::path& from, const fs::path& to) {
  if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) return {};
  if (errno == EEXIST) return std::unexpected(exists_error(to));
  if (errno == EINVAL || errno == ENOSYS || errno == ENOTSUP) {
    // A file system without RENAME_NOREPLACE: a hard link fails when `to` exists.
    if (::link(from.c_str(), to.c_str()) == 0) {
      ::unlink(from.c_str());
      return {};
    }
    if (errno == EEXIST) return std::unexpected(exists_error(to));
  }
  return fail(ErrorCode::k_io, "cannot rename " + from.string() + " to " + to.string() + ": " +
                                   std::strerror(errno));
}

// Copies the workspace into the (empty) file `partial` and checks the copy.
Result<BackupReport> copy_into(const fs::path& workspace, const fs::path& partial) {
  Connection source;
  if (sqlite3_open_v2(workspace.c_str(), &source.db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
    return fail(ErrorCode::k_io,
                "cannot open workspace " + workspace.string() + ": " + message_of(source.db));
  sqlite3_busy_timeout(source.db, 5000);
  // A file that is not an SQLite database fails here.
  if (auto r = rows_of(source.db, "SELECT count(*) FROM sqlite_master"); !r)
    return fail(ErrorCode::k_io,
                workspace.string() + " is not a cyberframe workspace (" + r.error().message + ")");
  auto mode = value_of(source.db, "PRAGMA journal_mode");
  if (!mode) return std::unexpected(mode.error());
  bool wal = *mode == "wal";
  if (wal) {
    // One read transaction over the whole copy: the state as of now, whatever is written after.
    if (auto r = rows_of(source.db, "BEGIN"); !r) return std::unexpected(r.error());
    if (auto r = rows_of(source.db, "SELECT count(*) FROM sqlite_master"); !r)
      return std::unexpected(r.error());
  }

  Connection out;
  if (sqlite3_open_v2(partial.c_str(), &out.db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK)
    return fail(ErrorCode::k_io, "cannot open " + partial.string() + ": " + message_of(out.db));
  sqlite3_busy_timeout(out.db, 5000);
  sqlite3_backup* backup = sqlite3_backup_init(out.db, "main", source.db, "main");
  if (!backup)
    return fail(ErrorCode::k_io,
                "cannot start the backup of " + workspace.string() + ": " + message_of(out.db));
  int rc = SQLITE_OK;
  int busy = 0;
  for (;;) {
    rc = sqlite3_backup_step(backup, k_pages_per_step);
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
      if (++busy > k_busy_retries) break;
      sqlite3_sleep(k_busy_wait_ms);
      continue;
    }
    busy = 0;
    if (rc != SQLITE_OK) break;
    if (!wal) sqlite3_sleep(k_rollback_pause_ms);
  }
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) {
    std::string why = rc == SQLITE_BUSY || rc == SQLITE_LOCKED
                          ? "the workspace stayed locked for more than 30 seconds"
                          : sqlite3_errstr(rc);
    if (rc == SQLITE_NOTADB) why = "not a cyberframe workspace (" + why + ")";
    return fail(ErrorCode::k_io, "cannot back up " + workspace.string() + ": " + why);
  }
  if (wal) (void)rows_of(source.db, "COMMIT");
  if (auto closed = source.close(); !closed) return std::unexpected(closed.error());

  // The copy carries the workspace's WAL mode: one file, with no -wal to go with it.
  auto journal = value_of(out.db, "PRAGMA journal_mode = DELETE");
  if (!journal) return std::unexpected(journal.error());
  if (*journal != "delete")
    return fail(ErrorCode::k_io,
                "cannot make the backup one self-contained file (journal mode " + *journal + ")");
  auto check = rows_of(out.db, "PRAGMA integrity_check");
  if (!check) return std::unexpected(check.error());
  std::string integrity;
  for (std::size_t i = 0; i < check->size() && i < 5; ++i)
    integrity += (i ? "; " : "") + (*check)[i];
  if (integrity != "ok")
    return fail(ErrorCode::k_io, "the backup failed its integrity check: " + integrity);
  auto pages = value_of(out.db, "PRAGMA page_count");
  auto page_size = value_of(out.db, "PRAGMA page_size");
  if (!pages || !page_size) return std::unexpected(!pages ? pages.error() : page_size.error());
  if (auto closed = out.close(); !closed) return std::unexpected(closed.error());
  for (const char* suffix : {"-journal", "-wal"})
    if (something_at(with_suffix(partial, suffix)))
      return fail(ErrorCode::k_io, "the backup left " + with_suffix(partial, suffix).string() +
                                       " beside it: it is not one self-contained file");
  BackupReport report;
  report.pages = std::stoll(*pages);
  report.bytes = report.pages * std::stoll(*page_size);
  report.integrity = integrity;
  return report;
}

}  // namespace

Result<BackupReport> backup_sqlite(const fs::path& workspace_file, const fs::path& dest) {
  if (dest.empty()) return fail(ErrorCode::k_invalid_input, "give the file to back up into");
  std::error_code ec;
  if (!fs::is_regular_file(workspace_file, ec))
    return fail(ErrorCode::k_not_found, "no workspace at " + workspace_file.string());
  std::error_code ec_dest;
  auto canonical_dest = fs::weakly_canonical(dest, ec_dest);
  auto canonical_workspace = fs::weakly_canonical(workspace_file, ec);
  if ((!ec && !ec_dest && canonical_dest == canonical_workspace) ||
      fs::equivalent(dest, workspace_file, ec))
    return fail(ErrorCode::k_invalid_input,
                dest.string() + " is the workspace itself: back it up into another file");
  if (something_at(dest)) return std::unexpected(exists_error(dest));
  auto directory = dest.parent_path();
  if (!directory.empty() && !fs::is_directory(directory, ec))
    return fail(ErrorCode::k_invalid_input,
                "no directory " + directory.string() + " to back up into");
  auto partial = with_suffix(dest, ".partial");
  for (const char* suffix : {"", "-journal", "-wal"}) {
    auto file = with_suffix(partial, suffix);
    if (something_at(file))
      return fail(ErrorCode::k_invalid_input,
                  file.string() + " exists: another backup into " + dest.string() +
                      " is running, or one was interrupted (remove it when none is running)");
  }
  int fd = ::open(partial.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    return fail(ErrorCode::k_io, "cannot create " + partial.string() + ": " + std::strerror(errno));
  bool private_mode = ::fchmod(fd, 0600) == 0;
  ::close(fd);
  if (!private_mode) {
    remove_partial(partial);
    return fail(ErrorCode::k_io, "cannot make " + partial.string() + " private (mode 0600)");
  }
  auto report = copy_into(workspace_file, partial);
  if (report) {
    if (auto r = sync(partial, O_RDONLY); !r) report = std::unexpected(r.error());
  }
  if (report) {
    if (auto r = rename_no_replace(partial, dest); !r) report = std::unexpected(r.error());
  }
  if (!report) {
    remove_partial(partial);
    return report;
  }
  remove_partial(partial);  // a -shm SQLite may have left
  if (auto r = sync(directory.empty() ? fs::path(".") : directory, O_RDONLY | O_DIRECTORY); !r)
    return std::unexpected(r.error());
  return report;
}

}  // namespace cyberframe::store
