#pragma once
// What the ISMS has due (cyberframe isms due, GET /organizations/{org}/isms/due): reviews past
// their date, programmes and changes past their date and not done, an unapproved scope, actions
// overdue, audits planned, re-assessments due, the management review due, nonconformities past
// their actions' dates, and, put in by the workspace from their own modules, documents past their
// review date or to acknowledge, objectives off track and risk acceptances expiring. Plain
// values, no I/O.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/isms.hpp"

namespace cyberframe::core {

struct Document;           // core/document.hpp
struct ObjectiveProgress;  // core/measurement.hpp

struct DueItem {
  // "document-review", "objective", "competence-review", "obligation-review", "awareness",
  // "change", "scope-approval", "action", "audit", "reassessment", "management-review",
  // "risk-acceptance", "risk-exception", "acknowledgement", "nonconformity"
  std::string kind;
  std::string register_key;  // "documents", "objectives", "competence", ...
  std::string ref;
  std::string title;
  std::string owner;
  // The date it was due, or for what is coming (an audit planned, an acceptance expiring, a
  // re-assessment due soon) the date it falls due; "" when it has no date (off by value).
  std::string due;
  std::int64_t days_overdue = 0;  // 0 when `due` is "" or not yet passed
  std::string reason;             // for a person: what is late and by how much
  // Who else it is for, besides the owner: an audit's lead and auditors, the person who is to
  // acknowledge a document.
  std::vector<std::string> people;
};

// How far ahead what is coming is due: audits planned, re-assessments and risk acceptances or
// exceptions expiring within this many days.
inline constexpr int k_due_horizon_days = 30;

// The due items of live register records as of `today` ("YYYY-MM-DD"):
// - competence and obligations (not retired) whose next review is before today;
// - awareness programmes neither completed nor cancelled whose due date is before today while
//   fewer persons completed than were targeted;
// - changes proposed, planned or in progress whose planned date is before today;
// - a scope record whose current revision is not approved;
// - actions open or in progress whose due date is before today;
// - audits planned whose planned date is before today + k_due_horizon_days (late ones too);
// - re-assessments planned or in progress due before today + k_due_horizon_days;
// - the management review, when no review held (status held or closed) is dated within the 12
//   months before today: one item, on the next review planned when there is one;
// - nonconformities not closed with an action (the `actions` field's refs, or an action linking
//   record:nonconformities/NC-...) open past its due date.
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

// A risk acceptance or exception (`kind` "acceptance" or "exception") of a risk (its ref,
// title and owner) expiring on `expires`, as a due item when that is before today +
// k_due_horizon_days (expired ones too); nullopt otherwise.
std::optional<DueItem> decision_due_item(std::string_view kind, const std::string& expires,
                                         const std::string& risk_ref, const std::string& risk_title,
                                         const std::string& risk_owner, std::string_view today);

// A published document (its ref, title, version) that `persons` of its distribution (of
// `distribution` persons) have not acknowledged, as one due item of the document's owner whose
// people are those persons (each finds it in their own work).
DueItem acknowledgement_due_item(const Document& document, int version,
                                 const std::vector<std::string>& persons, std::size_t distribution,
                                 std::string_view today);

// A due item for a date: days_overdue counted from `due` to `today` (0 when not a date).
std::int64_t days_overdue(std::string_view due, std::string_view today);

// The most overdue first, then the items without a date, by register and ref.
void sort_due_items(std::vector<DueItem>& items);

}  // namespace cyberframe::core
