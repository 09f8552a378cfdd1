#pragma once
// Moving a whole workspace between databases (`cyberframe workspace copy FROM TO`): SQLite to
// PostgreSQL and back, or to another database of the same kind.

#include <cstdint>
#include <filesystem>
#include <string>

#include "util/result.hpp"
#include "workspace/workspace.hpp"

namespace cyberframe::workspace {

struct CopyReport {
  std::string from, to;  // the locations, URLs without their passwords
  std::int64_t rows = 0;
  std::size_t tables = 0;
  std::int64_t audit_rows = 0;
  bool verified = false;    // the copy's audit trail verified with the key, against its anchor
  bool key_copied = false;  // FROM's key was copied to TO's key file (false: it was there)
  std::filesystem::path audit_key, audit_anchor;  // TO's
};

// Copies the workspace at `from` into `to`, which must be new or empty: every record with its id,
// the audit trail row for row (TO takes FROM's audit key and an anchor at the trail's head), in
// one transaction; the copy's trail is verified before it is kept. FROM must exist and its trail
// verify. Nothing is left in TO when the copy fails.
Result<CopyReport> copy(const Location& from, const Location& to);

}  // namespace cyberframe::workspace
