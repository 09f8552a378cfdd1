#pragma once
// The seal of the audit trail: what makes the trail tamper-evident to someone who can write the
// database but cannot read the key. It keeps two files outside the database:
//
// - the key: 32 random bytes (64 hex digits), mode 0600. Each audit row's hash is the
//   HMAC-SHA256, under this key, of the previous row's hash and the row's fields, so a row cannot
//   be edited, forged or recomputed without the key (a plain SHA-256 chain can be recomputed by
//   anyone who can write the file).
// - the anchor: the head of the trail (the first keyed row, the row count, the last row's id and
//   hash), itself carrying an HMAC under the key. Writers move it forward after each committed
//   write, so a trail with its tail deleted, or replaced wholesale, no longer matches it. It may
//   lag the database (a process killed between its commit and the anchor's update), never lead it.
//
// No SQL here: the SQLite store uses it, and a PostgreSQL store can use it the same way.
// Threading: an AuditSeal belongs to one thread (one per Store); several processes may share the
// files (the anchor is updated under an exclusive flock).

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "util/result.hpp"

namespace cyberframe::store {

using util::Result;

// Where a workspace's key and anchor are. An empty path means the default beside the workspace
// file: WORKSPACE.audit-key and WORKSPACE.audit-anchor.
struct AuditFiles {
  std::filesystem::path key;
  std::filesystem::path anchor;
  // These files with the defaults filled in for the workspace at `workspace`.
  AuditFiles resolved(const std::filesystem::path& workspace) const;
};

// The hash chain's starting point: the "previous hash" of row 1.
inline const std::string k_audit_genesis(64, '0');

// The head of the trail, as the anchor records it.
struct AuditHead {
  std::int64_t keyed_from = 1;  // the first row hashed with the key; rows before it are the
                                // plain SHA-256 chain of a workspace from before keying
  std::int64_t rows = 0;
  std::int64_t last_id = 0;
  std::string last_hash = k_audit_genesis;
};

// The fields of an audit row that its hash covers (besides the previous hash).
struct AuditRowFields {
  std::int64_t id = 0;
  std::string_view at, actor, entity, entity_id, action, before, after;
};

// The plain SHA-256 of a row (hex): the hash of rows written before the trail was keyed.
std::string audit_sha256(std::string_view previous, const AuditRowFields& row);

// What reading the anchor found.
struct AnchorReading {
  enum class State { k_ok, k_missing, k_altered };
  State state = State::k_missing;
  AuditHead head;       // when k_ok
  std::string problem;  // when not k_ok: what is wrong, naming the file
};

class AuditSeal {
 public:
  // Opens the key at `files.key` (files already resolved). k_not_found when the key file does
  // not exist; k_io when it cannot be read, is not 64 hex digits, or can be written by others than
  // its owner (anyone who can replace the key can rewrite the trail with their own).
  static Result<AuditSeal> open(const AuditFiles& files);
  // Creates a new random key at `files.key` (mode 0600; never replacing a file) and opens it.
  static Result<AuditSeal> create(const AuditFiles& files);

  AuditSeal(AuditSeal&&) noexcept;
  AuditSeal& operator=(AuditSeal&&) noexcept;
  ~AuditSeal();

  const AuditFiles& files() const { return m_files; }

  // The HMAC-SHA256 (hex) of a row under the key.
  std::string row_hash(std::string_view previous, const AuditRowFields& row);

  // Reads the anchor (under a shared lock) and checks its HMAC. Errors only for I/O failures
  // other than a missing file.
  Result<AnchorReading> read_anchor();
  // Moves the anchor forward to `head` (its keyed_from is kept from the anchor) when the anchor
  // is intact, older than `head`, and `still_there(id, hash)` confirms that the database still
  // holds the row the anchor names. Otherwise it leaves the anchor as it is: a missing, altered
  // or contradicted anchor is evidence for `audit verify`, and a newer one was written by another
  // process. Runs under an exclusive lock on the anchor file, which it keeps open between calls
  // (opened again, within a second, when it was deleted or replaced).
  Result<void> advance_anchor(
      const AuditHead& head,
      const std::function<bool(std::int64_t, const std::string&)>& still_there);
  // Writes the anchor as `head`, creating or replacing it: when the trail is first keyed, and
  // when an administrator re-anchors it.
  Result<void> write_anchor(const AuditHead& head);

 private:
  struct State;  // the keyed HMAC (OpenSSL) and the anchor file kept open between writes
  AuditSeal(AuditFiles files, std::unique_ptr<State> state);
  std::string anchor_text(const AuditHead& head);

  AuditFiles m_files;
  std::unique_ptr<State> m_state;
};

}  // namespace cyberframe::store
