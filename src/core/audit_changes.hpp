#pragma once
// What an auditor reads of an audit row: its changes field by field, and the bounds of a date
// filter. Pure functions, no I/O; the JSON library stays in the .cpp.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/audit.hpp"
#include "util/result.hpp"

namespace cyberframe::core {

// One changed field of a record. `field` is a JSON Pointer (RFC 6901) into the record: "/notes",
// "/current/level", "/mappings/3/relationship"; "" is the whole record (when it is not an
// object). `before` and `after` are compact JSON texts; nullopt when the field did not exist on
// that side (added or removed).
struct FieldChange {
  std::string field;
  std::optional<std::string> before;
  std::optional<std::string> after;
  bool operator==(const FieldChange&) const = default;
};

// The fields that differ between an audit row's `before` and `after` (JSON texts; "null" or ""
// for a record created or removed, so every field of the other side is listed), in the order of
// the fields of `after` then those only in `before`, each object walked depth first:
// - objects are recursed into; a member present on one side only is added or removed;
// - an array of scalars (strings, numbers, booleans, null) on both sides is one value: a change
//   anywhere in it is one change at the array's path, with both arrays whole;
// - any other array is compared element by element by position (recursed into), an element past
//   the shorter end being added or removed;
// - values of different types are one change at their path.
// Unchanged fields are left out. Text that is not JSON counts as a JSON string.
std::vector<FieldChange> field_changes(std::string_view before, std::string_view after);

// A changed value as a person reads it: a string without its quotes, anything else as compact
// JSON, an absent field as "".
std::string change_text(const std::optional<std::string>& value);

// A bound of a filter on the audit trail's times, as the trail writes them
// ("YYYY-MM-DDTHH:MM:SSZ", UTC, whole seconds), so that the store compares text. `text` is a
// date "YYYY-MM-DD" (a lower bound is its first second, an upper bound its last: `to` includes
// the whole day) or an RFC 3339 timestamp ("2026-03-31T14:00:00Z", "2026-03-31T16:00:00.5+02:00",
// lower-case t and z accepted), converted to UTC; a fraction of a second rounds a lower bound up
// and an upper bound down. k_invalid_input naming `parameter` otherwise.
util::Result<std::string> audit_time_bound(std::string_view parameter, std::string_view text,
                                           bool upper);

// Sets the query's time bounds from what a person typed for `from` and `to` (either may be
// empty: no bound), through audit_time_bound; refuses a `from` later than `to`. Messages name
// the parameter ("from", "to").
util::Result<void> set_audit_period(AuditQuery& query, std::string_view from, std::string_view to);

}  // namespace cyberframe::core
