#pragma once
// The registers of the ISMS (ISO/IEC 27001:2022 clauses 4 to 10, guided by ISO/IEC 27003):
// context, interested parties and their requirements, obligations, scope, policies, roles,
// objectives, planned changes, measurements, resources, competence, awareness, the
// communication plan; operational processes and controls, risk re-assessments, audit programmes,
// audits and their findings, nonconformities, actions, improvements, incidents, interested
// parties' feedback and management reviews. One aggregate for all of them, IsmsRecord, whose
// register is described by a RegisterSpec (its key, clause, ref prefix, typed fields, statuses,
// whether it is approved): the rules below (field validation, refs, approval and revisions, links,
// the RACI) are written once and drive the store, the API, the command line and the web UI alike
// (docs/ARCHITECTURE.md, "One register engine"). Plain values and pure functions, no I/O.
//
// Words: a record's *version* is the row's version, moved by every write (If-Match, 412); its
// *revision* is the edition an auditor speaks of ("scope v2"): an approvable record starts at
// revision 1 as a draft; `approve` approves the revision as it stands; an edit of an approved
// record starts the next revision as a draft, and every saved version stays readable in the
// record's history.

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/accounts.hpp"
#include "util/page.hpp"
#include "util/result.hpp"

namespace cyberframe::core {

enum class FieldKind { k_text, k_long_text, k_enum, k_date, k_number, k_integer, k_list, k_record };
std::string_view to_string(FieldKind kind);

struct FieldSpec {
  std::string key;    // "next_review"
  std::string label;  // "Next review"
  FieldKind kind = FieldKind::k_text;
  bool required = false;
  std::vector<std::string> values;  // k_enum: the values allowed
  std::string target;               // k_record: the register the ref names
  std::string help;                 // what it is for (the clause's words)
};

struct RegisterSpec {
  std::string key;     // "interested-parties"
  std::string clause;  // "4.2"
  std::string title;   // "Interested parties"
  std::string prefix;  // "IP-"
  std::string description;
  std::vector<FieldSpec> fields;
  std::vector<std::string> statuses;  // the values a record's status may take ("" allowed)
  bool approvable = false;
  // Who writes the register's records (adds, edits, deletes, imports): editors and admins; and,
  // when set, auditors too (the findings of an audit). Restoring stays an admin's.
  bool auditors_write = false;
  const FieldSpec* field(std::string_view key) const;
};

// Whether an account of `role` in an organization writes the records of `spec` (the API's and
// the command line's check alike): admins and editors every register; auditors the registers
// with auditors_write; viewers none.
bool role_writes(const RegisterSpec& spec, Role role);

// Every register, in the order of the clauses.
const std::vector<RegisterSpec>& isms_registers();
// nullptr when `key` names none.
const RegisterSpec* find_register(std::string_view key);
// "context, interested-parties, ..." for messages.
std::string register_keys();

// --- the record ---------------------------------------------------------------------------------

// A field's value: one text (numbers and integers as written canonically, dates YYYY-MM-DD) or a
// list of texts (k_list).
using FieldValue = std::variant<std::string, std::vector<std::string>>;

// A link from a record to something it stands on or supports: kind "node" (a framework's node,
// "FRAMEWORK:NODE"), "risk" (a risk's ref), "control" (an Annex A control "A.5.1" or an own
// control's ref), "document" ("DOC-NNN") or "record" ("REGISTER/REF").
struct IsmsLink {
  std::string kind;
  std::string target;
  auto operator<=>(const IsmsLink&) const = default;
};
inline const std::vector<std::string>& link_kinds() {
  static const std::vector<std::string> k{"node", "risk", "control", "document", "record"};
  return k;
}
// "kind:target" (the first ':' separates them) as a link; k_invalid_input naming `what`.
util::Result<IsmsLink> parse_link(std::string_view text, std::string_view what = "link");
std::string to_string(const IsmsLink& link);

struct IsmsRecord {
  std::int64_t id = 0;
  std::int64_t organization = 0;
  std::string register_key;
  std::string ref;  // "CTX-001"; assigned when empty
  std::string title;
  std::string status;  // one of the register's statuses, or ""
  std::string owner;
  std::map<std::string, FieldValue> fields;  // only the fields that hold a value
  std::vector<IsmsLink> links;               // sorted, unique
  // Approvable registers: the revision and its approval.
  std::int64_t revision = 1;
  std::int64_t approved_revision = 0;  // the newest approved revision (0: none)
  std::string approved_by;
  std::string approved_at;
  bool deleted = false;
  std::string deleted_by;
  std::string deleted_at;
  std::int64_t version = 0;
  std::string created_at, created_by, updated_at, updated_by;

  // The text of a field ("" when unset or a list).
  std::string text(std::string_view key) const;
  std::vector<std::string> list(std::string_view key) const;
  // The field as a person reads and types it: its text, or a list's items joined by "; " (what
  // set_field reads back).
  std::string shown(const FieldSpec& field) const;
  // Whether the record as it stands is approved.
  bool approved() const { return approved_revision != 0 && approved_revision == revision; }
};

// A comment on a record (auditors, editors and admins comment).
struct IsmsComment {
  std::int64_t id = 0;
  std::int64_t record = 0;
  std::string author;
  std::string at;
  std::string text;
};

// A saved version of a record: its JSON (codec::to_json) as it was after that write.
struct IsmsVersion {
  std::int64_t version = 0;
  std::int64_t revision = 1;
  std::string status;
  std::string saved_at;
  std::string saved_by;
  std::string content;
};

// The limits of what a record holds.
inline constexpr std::size_t k_isms_text_bytes = 500;
inline constexpr std::size_t k_isms_long_text_bytes = 20000;
inline constexpr std::size_t k_isms_list_items = 100;
inline constexpr std::size_t k_isms_links = 200;

// Sets `key` of `record` from the text a person typed for it (`--set key=value`, a CSV cell, a
// JSON string): checked against the field's kind (an enum's values, a real date, a number, a
// whole number >= 0); a list is ";"-separated; an empty text clears the field. k_invalid_input
// naming the field (and `field` set to it) when the register has no such field or the value is
// not of its kind.
util::Result<void> set_field(const RegisterSpec& spec, IsmsRecord& record, std::string_view key,
                             std::string_view text);

// Checks a record against its register: ref, title (one line, at most 500 bytes), owner, status
// among the register's, every field known, of its kind and within its limits, required fields
// given, links well formed, and the register's own rules (a climate-change determination has
// `relevant` and `rationale`; a topic-specific policy has a parent, a top-level one none; an
// awareness programme's completed <= targeted and due date not before its start; a RACI item is
// PROCESS=LETTERS of RACI over the ISMS's processes; and, for clauses 8 to 10: an externally
// provided process names its provider; a completed reassessment has `performed` and `results`, one
// on significant change its `change`; an audit programme's period ends after it starts; an audit's
// `processes` are PROC- refs, its checklist items FRAMEWORK:NODE, and a reported or closed audit
// has `performed` and `conclusion`; a finding's requirement is FRAMEWORK:NODE; an action done has
// `done`; an incident's timeline items start with a date, its notifications are PARTY=YYYY-MM-DD,
// a closed incident has `closed` and `lessons`; a nonconformity's `actions` are ACT- refs, one in
// action or verification has its `root_cause`, and a closed one has `root_cause`, at least one
// corrective action (`actions`), `effectiveness`, `effective` = yes and `reviewed`, in that order).
// Errors name the field (Error::field).
util::Result<void> validate(const RegisterSpec& spec, const IsmsRecord& record);

// Every problem of validate(), each with its field, for an import's row.
struct FieldProblem {
  std::string field;
  std::string message;
};
std::vector<FieldProblem> record_problems(const RegisterSpec& spec, const IsmsRecord& record);

// A ref given by a person: one line of letters, digits, '-', '_' and '.', at most 40 bytes, not
// only digits (a reference of digits is an id).
util::Result<void> check_ref(std::string_view ref);
// The next free ref "PREFIX-NNN" (at least three digits) after the numbers of `taken` that have
// the prefix (without regard to case).
std::string next_ref(std::string_view prefix, const std::vector<std::string>& taken);

// --- approval and revisions ----------------------------------------------------------------------

// What a new record is made of (`record` as asked): no id, not approved, not deleted, revision
// 1; an approvable record starts as a draft (status "draft" unless given). A status of
// "approved" cannot be given: k_invalid_input (field status).
util::Result<IsmsRecord> apply_create(const RegisterSpec& spec, IsmsRecord record);
// What an edit makes of a record (`before` as stored, `after` as asked): the approval fields and
// the revision are the rule's, not the caller's. An approvable record that was approved starts
// the next revision as a draft (status "draft"); a status of "approved" cannot be set by an edit.
// k_invalid_input (field status) for the latter.
util::Result<IsmsRecord> apply_edit(const RegisterSpec& spec, const IsmsRecord& before,
                                    IsmsRecord after);
// Approves the record's revision as it stands (status "approved"), by `by` at `at`.
// k_invalid_input when the register is not approvable; k_conflict when the revision is already
// approved; k_invalid_input when the record is deleted.
util::Result<IsmsRecord> apply_approval(const RegisterSpec& spec, IsmsRecord record,
                                        const std::string& by, const std::string& at);

// --- the RACI
// --------------------------------------------------------------------------------------

// The processes of the ISMS a role's RACI speaks of, in the order of the clauses.
const std::vector<std::string>& isms_processes();
// "process=LETTERS" as a process and its letters (a subset of RACI, each once); k_invalid_input.
util::Result<std::pair<std::string, std::string>> parse_raci(std::string_view item);

struct RaciMatrix {
  std::vector<std::string> processes;  // isms_processes()
  std::vector<std::string> roles;      // refs of the live roles, in ref order
  std::map<std::string, std::string> role_titles;
  // process -> role ref -> letters ("A", "RA").
  std::map<std::string, std::map<std::string, std::string>> cells;
  // The warnings of the rule "each process has exactly one A": processes with several (naming
  // the roles) and processes with none.
  std::vector<std::string> warnings;
};
// The matrix of the live roles (records of the register "roles").
RaciMatrix raci_matrix(const std::vector<IsmsRecord>& roles);

// --- queries
// -----------------------------------------------------------------------------------------

struct IsmsQuery {
  std::string text;              // a part of ref, title or the fields' text, without regard to case
  std::string status;            // "" any
  std::string owner;             // "" any
  std::optional<IsmsLink> link;  // records with this link
  bool deleted = false;          // the deleted records instead of the live ones
  util::Slice slice;
};

// The text the store searches a record by: its title, owner and every field's text.
std::string search_text(const IsmsRecord& record);

// An awareness programme's completion in percent (completed / targeted), nullopt without a target.
std::optional<int> completion_percent(const IsmsRecord& record);

}  // namespace cyberframe::core
