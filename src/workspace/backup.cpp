#include "workspace/backup.hpp"

#include "store/store.hpp"

namespace cyberframe::workspace {

using util::ErrorCode;
using util::fail;

Result<BackupReport> backup(const Location& where, const std::filesystem::path& dest) {
  auto file = store::workspace_file(where.location);
  if (file.empty())
    return fail(ErrorCode::k_invalid_input,
                "'workspace backup' copies SQLite workspaces (a path, or sqlite:PATH); back up a "
                "PostgreSQL workspace with pg_dump (see \"Backup and Restore\" in PostgreSQL's "
                "documentation)");
  auto copied = store::backup_sqlite(file, dest);
  if (!copied) return std::unexpected(copied.error());
  BackupReport report;
  report.workspace = file;
  report.file = dest;
  report.pages = copied->pages;
  report.bytes = copied->bytes;
  report.integrity = copied->integrity;
  report.audit_key = audit_paths(where).key;
  return report;
}

}  // namespace cyberframe::workspace
