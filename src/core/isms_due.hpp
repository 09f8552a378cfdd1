#pragma once
// What the ISMS has due (cyberframe isms due, GET /organizations/{org}/isms/due): reviews past
// their date, programmes and changes past their date and not done, an unapproved scope, and, put
// in by the workspace from their own modules, documents past their review date and objectives off
// track. Plain values, no I/O.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/isms.hpp"

namespace cyberframe::core {

struct Document;           // core/document.hpp
struct ObjectiveProgress;  // core/measurement.hpp

struct DueItem {
  // "document-review", "objective", "competence-review", "obligation-review", "awareness",
  // "change", "scope-approval"
  std::string kind;
  std::string register_key;  // "documents", "objectives", "competence", ...
  std::string ref;
  std::string title;
  std::string owner;
  std::string due;                // the date it was due; "" when no date is past (off by value)
  std::int64_t days_overdue = 0;  // 0 when `due` is ""
  std::string reason;             // for a person: what is late and by how much
};

// The due items of live register records as of `today` ("YYYY-MM-DD"):
// - competence and obligations (not retired) whose next review is before today;
// - awareness programmes neither completed nor cancelled whose due date is before today while
//   fewer persons completed than were targeted;
// - changes proposed, planned or in progress whose planned date is before today;
// - a scope record whose current revision is not approved.
// Objectives and documents are the workspace's to add (their progress and review dates are read
// from the measurements and documents modules). Deleted records are never due.
std::vector<DueItem> record_due_items(const std::vector<IsmsRecord>& records,
                                      std::string_view today);

// A document whose review date is before `today` (the documents module finds them: published,
// not retired) as a due item.
DueItem document_due_item(const Document& document, std::string_view today);

// An objective off track (`progress`, core::objective_progress) as a due item, with the title and
// owner of its record (`objective`; null when none is found). Its due date counts only when it
// has passed; an objective off by its measurement's value has none.
DueItem objective_due_item(const ObjectiveProgress& progress, const IsmsRecord* objective,
                           std::string_view today);

// A due item for a date: days_overdue counted from `due` to `today` (0 when not a date).
std::int64_t days_overdue(std::string_view due, std::string_view today);

// The most overdue first, then the items without a date, by register and ref.
void sort_due_items(std::vector<DueItem>& items);

}  // namespace cyberframe::core
