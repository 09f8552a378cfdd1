#pragma once
// The audit trail's rows and the answer of its verification. Plain values, no I/O.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cyberframe::core {

// One change: who, when, what, and the record before and after (JSON; "null" when created).
struct AuditRecord {
  std::int64_t id = 0;
  std::string at;
  std::string actor;
  std::string entity;     // organization, profile, node, snapshot, action, evidence, scale
  std::string entity_id;  // e.g. "3/ID.AM-1" for a node of profile 3
  std::string action;     // create, update, import, freeze
  std::string before;
  std::string after;
  std::string previous_hash;
  // HMAC-SHA256 under the audit key of the previous hash and every field above; the plain SHA-256
  // for rows written before the workspace's trail was keyed (audit_seal.hpp).
  std::string hash;
};

// Which rows of the audit trail to read: every filter that is not empty must hold (exact text;
// `from` and `to` are inclusive bounds on `at` in its own form, core::audit_time_bound), newest
// first from below the cursor `before` (0: from the newest).
struct AuditQuery {
  std::string actor;
  std::string entity;
  std::string entity_id;
  std::string action;
  std::string from;
  std::string to;
  std::size_t limit = 100;
  std::int64_t before = 0;
};

struct AuditVerification {
  std::size_t rows = 0;
  bool intact = true;
  std::int64_t first_bad = 0;    // the id of the first row that does not verify; 0 when the rows
                                 // verify but the anchor does not (missing, altered, longer)
  std::string problem;           // what is wrong
  std::int64_t keyed_from = 1;   // the first row hashed with the key; the rows before it are the
                                 // SHA-256 chain of the workspace from before keying
  std::int64_t anchor_rows = 0;  // the rows the anchor vouches for (0 when it is not intact); it
                                 // may lag the trail, never lead it
};

// Audit rows one Store's committed writes appended: ids `first` to `last`, all of one entity
// (AuditRecord::entity).
struct AppendedRows {
  std::int64_t first = 0;
  std::int64_t last = 0;
  std::string entity;
};

}  // namespace cyberframe::core
