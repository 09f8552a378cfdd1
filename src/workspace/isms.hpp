#pragma once
// The ISMS registers' use cases (core/isms.hpp), for the API and the command line alike: list,
// counts, create, update, delete and restore, approve, comments, history, the RACI matrix, CSV/XLSX
// import (all rows or none) and export.
//
// Rules (here once, beside core's): a record's links name what exists (a framework node of the
// catalog, a risk or own control of the organization, an Annex A control, a live record of the
// named register; a document "DOC-NNN" until the documents register checks them); a record-ref
// field names a live record of its register; at most one live climate-change determination per
// organization; a nonconformity's corrective actions (its `actions` field) are live actions, done
// or cancelled when it is closed; an audit's auditors and lead own none of the processes it audits
// (and a process's owner is not an auditor of a planned or running audit of it); a deleted record
// is hidden (listed with `deleted`), kept and restorable; an edit of an approved record starts its
// next revision as a draft (core::apply_edit). Who may do what is the front end's check, by
// core::role_writes (server: editors and admins write, auditors write the findings and comment,
// viewers read; restoring and listing deleted records is an admin's; the command line applies
// the role of the account --as names).

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/catalog.hpp"
#include "core/isms.hpp"
#include "core/isms_due.hpp"
#include "exchange/profile_table.hpp"
#include "util/page.hpp"
#include "util/result.hpp"

namespace cyberframe::workspace {

class Workspace;
using util::Result;

// The register named `key`; k_not_found naming the registers.
Result<const core::RegisterSpec*> isms_register(const std::string& key);

// The live records of every register (each register's key, 0 when it has none), and the live
// documents of documented information under "documents".
Result<std::map<std::string, std::size_t>> isms_counts(Workspace& ws, std::int64_t organization);

// A record by ref or id; a deleted one only with `include_deleted`.
Result<core::IsmsRecord> find_record(Workspace& ws, std::int64_t organization,
                                     const std::string& reg, const std::string& ref,
                                     bool include_deleted = false);
Result<util::Paged<core::IsmsRecord>> list_records(Workspace& ws, std::int64_t organization,
                                                   const std::string& reg,
                                                   const core::IsmsQuery& query);

// Checks and stores a new record of `reg` (its ref assigned when empty).
Result<core::IsmsRecord> create_record(Workspace& ws, const std::string& actor,
                                       const core::Catalog& catalog, std::int64_t organization,
                                       const std::string& reg, core::IsmsRecord record);
// `record` is the stored record (by its id) as changed; record.version is the version read.
Result<core::IsmsRecord> update_record(Workspace& ws, const std::string& actor,
                                       const core::Catalog& catalog, std::int64_t organization,
                                       const std::string& reg, core::IsmsRecord record);
// Soft delete and restore; `expected_version` 0 skips the check.
Result<core::IsmsRecord> delete_record(Workspace& ws, const std::string& actor,
                                       std::int64_t organization, const std::string& reg,
                                       const std::string& ref, std::int64_t expected_version);
Result<core::IsmsRecord> restore_record(Workspace& ws, const std::string& actor,
                                        std::int64_t organization, const std::string& reg,
                                        const std::string& ref, std::int64_t expected_version);
Result<core::IsmsRecord> approve_record(Workspace& ws, const std::string& actor,
                                        std::int64_t organization, const std::string& reg,
                                        const std::string& ref, std::int64_t expected_version);

Result<core::IsmsComment> comment_record(Workspace& ws, const std::string& actor,
                                         std::int64_t organization, const std::string& reg,
                                         const std::string& ref, const std::string& text);
Result<std::vector<core::IsmsComment>> record_comments(Workspace& ws, std::int64_t organization,
                                                       const std::string& reg,
                                                       const std::string& ref);
Result<std::vector<core::IsmsVersion>> record_history(Workspace& ws, std::int64_t organization,
                                                      const std::string& reg,
                                                      const std::string& ref);

// The RACI of the live roles, with the warnings of "one A per process".
Result<core::RaciMatrix> isms_raci(Workspace& ws, std::int64_t organization);

// An import: every bad row named {row, column, message}; nothing stored unless every row holds.
// A row whose ref names a live record updates it; any other row creates a record.
struct IsmsImportResult {
  std::vector<exchange::RowError> errors;
  std::size_t created = 0;
  std::size_t updated = 0;
};
Result<IsmsImportResult> import_records(Workspace& ws, const std::string& actor,
                                        const core::Catalog& catalog, std::int64_t organization,
                                        const std::string& reg, std::string_view bytes,
                                        const std::string& format);
// The register's live records (or, with `deleted`, the deleted ones) as "csv" or "xlsx".
Result<std::string> export_records(Workspace& ws, std::int64_t organization, const std::string& reg,
                                   const std::string& format, bool deleted = false);

// What the ISMS has due on `today` (YYYY-MM-DD; "" for today in UTC), most overdue first
// (isms_due.cpp): documents published and past their review date, objectives off track (their
// measurement's latest value breached, their due date passed unachieved, or no recent value),
// competence and obligation reviews past their date, awareness programmes late and incomplete,
// changes late, a scope whose revision is not approved, actions overdue, audits planned within 30
// days, re-assessments due, the management review due, nonconformities past their actions' dates
// (core::record_due_items), documents a person of their distribution has not acknowledged, risk
// acceptances and exceptions expiring within 30 days or expired.
Result<std::vector<core::DueItem>> isms_due(Workspace& ws, std::int64_t organization,
                                            std::string today = "");

// --- audits (isms_audit.cpp) ---

// Draws the checklist of the audit `ref` from a framework of the catalog: the requirements it
// assesses (its leaves: 27001's clauses, Annex A's controls, any framework's outcomes), all of
// them or those under the node `under`, as FRAMEWORK:NODE items appended to the checklist (items
// already there are kept, none twice). k_not_found for an unknown audit; k_invalid_input naming
// `framework` or `under` when the catalog has no such framework or node, and `checklist` when
// the checklist would hold more than core::k_isms_list_items items (draw under a node instead).
// `expected_version` 0 skips the version check.
Result<core::IsmsRecord> draw_checklist(Workspace& ws, const std::string& actor,
                                        const core::Catalog& catalog, std::int64_t organization,
                                        const std::string& ref, const std::string& framework,
                                        const std::string& under,
                                        std::int64_t expected_version = 0);

// The report of the audit `ref` as one self-contained HTML page (report/audit_report.hpp): the
// audit, its programme, criteria, scope, auditors, processes with their owners, the checklist
// with the requirements' titles, the findings by grade with their requirement and evidence, and
// the nonconformities they raised with their state and corrective actions.
// `generated_at` is shown on the page ("" for now).
Result<std::string> audit_report(Workspace& ws, const core::Catalog& catalog,
                                 std::int64_t organization, const std::string& organization_name,
                                 const std::string& ref, std::string generated_at = "");

// Demo content (isms_demo.cpp): the ISMS of Demo Manufacturing Ltd.
Result<void> seed_demo_isms(Workspace& ws, const std::string& actor, const core::Catalog& catalog,
                            std::int64_t organization);

}  // namespace cyberframe::workspace
