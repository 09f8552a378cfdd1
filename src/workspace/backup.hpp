#pragma once
// Backing a workspace up while it is in use (`cyberframe workspace backup DEST`).

#include <cstdint>
#include <filesystem>
#include <string>

#include "util/result.hpp"
#include "workspace/workspace.hpp"

namespace cyberframe::workspace {

struct BackupReport {
  std::filesystem::path workspace;  // the workspace file copied
  std::filesystem::path file;       // the backup
  std::int64_t pages = 0;
  std::int64_t bytes = 0;
  std::string integrity;  // what SQLite's integrity check said of the backup: "ok"
  // The audit key the backup needs to verify its trail and record changes: not in the backup.
  std::filesystem::path audit_key;
};

// Copies the SQLite workspace at `where` into the new file `dest`: one consistent state, taken
// while the server and other processes go on writing; one self-contained file, mode 0600,
// checked for integrity. Never overwrites (k_invalid_input when `dest` exists or is the
// workspace) and leaves no file when it fails. A workspace that is not a file (postgresql://...)
// is refused: PostgreSQL has its own tools (pg_dump).
Result<BackupReport> backup(const Location& where, const std::filesystem::path& dest);

}  // namespace cyberframe::workspace
