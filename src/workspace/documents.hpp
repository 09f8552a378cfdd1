#pragma once
// Documented information's use cases (ISO/IEC 27001 7.5; core/document.hpp), for the API and
// the command line alike: the register of documents, their versions and files, the workflow
// (submit, approve, publish, revise, retire), soft delete and restore, read acknowledgements,
// the register's import and export (CSV or XLSX, metadata only, all rows or none) and the
// organization's settings (self-approval).
//
// Every write reads the document, lets core take the step (the rules are there, once) and
// stores the document as the step left it, naming the version it read: a step taken by someone
// else in between is k_conflict. `expected_version` 0 means "the version just read" (the command
// line without --expect-version); the API always passes If-Match's. Links are checked here: a
// node link names a node of the catalog ("FRAMEWORK:NODE"), a risk link a risk of the
// organization.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/catalog.hpp"
#include "core/document.hpp"
#include "exchange/profile_table.hpp"
#include "util/page.hpp"
#include "util/result.hpp"

namespace cyberframe::workspace {

class Workspace;
using util::Result;

// A file as a front end received it.
struct DocumentFile {
  std::string name;
  std::string bytes;
};

// Checks a received file: a name core::check_file_name accepts, not empty, at most
// core::k_document_file_max_bytes. k_invalid_input naming the problem ("file").
Result<void> check_document_file(const DocumentFile& file);

// Creates a document with version 1 as a draft by `actor` (with its file when given).
Result<core::Document> create_document(Workspace& ws, const std::string& actor,
                                       const core::Catalog& catalog, std::int64_t organization,
                                       core::Document document,
                                       const std::optional<DocumentFile>& file,
                                       const std::string& change_note = "");
// Changes the metadata (ref, title, type, owner, classification, review interval, next review,
// retention, distribution, links); `document.version` is the version read. The versions are
// not changed here.
Result<core::Document> update_document(Workspace& ws, const std::string& actor,
                                       const core::Catalog& catalog, std::int64_t organization,
                                       const std::string& ref, core::Document document);
// Live documents only, unless `include_deleted`.
Result<core::Document> find_document(Workspace& ws, std::int64_t organization,
                                     const std::string& ref, bool include_deleted = false);
// `query.today` is filled in when empty.
Result<util::Paged<core::Document>> list_documents(Workspace& ws, std::int64_t organization,
                                                   core::DocumentQuery query);

// Marks deleted / live again (an administrator's: the front ends check the role).
Result<core::Document> delete_document(Workspace& ws, const std::string& actor,
                                       std::int64_t organization, const std::string& ref,
                                       std::int64_t expected_version);
Result<core::Document> restore_document(Workspace& ws, const std::string& actor,
                                        std::int64_t organization, const std::string& ref,
                                        std::int64_t expected_version);

// --- the workflow ---
// Attaches `file` to the draft `number` (0: the newest version).
Result<core::Document> upload_version_file(Workspace& ws, const std::string& actor,
                                           std::int64_t organization, const std::string& ref,
                                           int number, std::int64_t expected_version,
                                           const DocumentFile& file);
Result<core::Document> submit_document(Workspace& ws, const std::string& actor,
                                       std::int64_t organization, const std::string& ref,
                                       std::int64_t expected_version, const std::string& reviewer);
// Approves the version in review and publishes it unless `hold` (the organization's
// self-approval setting applies).
Result<core::Document> approve_document(Workspace& ws, const std::string& actor,
                                        std::int64_t organization, const std::string& ref,
                                        std::int64_t expected_version, bool hold,
                                        const std::string& next_review);
Result<core::Document> publish_document(Workspace& ws, const std::string& actor,
                                        std::int64_t organization, const std::string& ref,
                                        std::int64_t expected_version,
                                        const std::string& next_review);
Result<core::Document> revise_document(Workspace& ws, const std::string& actor,
                                       std::int64_t organization, const std::string& ref,
                                       std::int64_t expected_version,
                                       const std::optional<DocumentFile>& file,
                                       const std::string& change_note);
Result<core::Document> retire_document(Workspace& ws, const std::string& actor,
                                       std::int64_t organization, const std::string& ref,
                                       std::int64_t expected_version);

// A version's file: the version and its bytes (0: the published version, else the newest).
struct VersionFile {
  core::DocumentVersion version;
  std::string bytes;
};
Result<VersionFile> version_file(Workspace& ws, std::int64_t organization, const std::string& ref,
                                 int number);

// --- acknowledgements ---
// `person` (the acting account) acknowledges the version published now.
Result<core::DocumentAck> acknowledge_document(Workspace& ws, const std::string& person,
                                               std::int64_t organization, const std::string& ref);
struct AckLine {
  std::string person;
  std::string acknowledged_at;  // "" when not yet
};
struct AckView {
  std::string ref;
  int version = 0;             // the published version (0: none)
  std::vector<AckLine> lines;  // the distribution, in its order
  std::size_t acknowledged = 0;
  std::size_t pending = 0;
};
Result<AckView> document_acks(Workspace& ws, std::int64_t organization, const std::string& ref);

// --- the register as a table (metadata only) ---
// Columns: ref, title, type, owner, classification, review_months, next_review, retention,
// distribution (";"-separated), links (";"-separated KIND:TARGET), state (read-only),
// published_version (read-only).
Result<std::string> export_documents(Workspace& ws, std::int64_t organization,
                                     const std::string& format);
struct DocumentImport {
  std::size_t created = 0, updated = 0;
  std::vector<exchange::RowError> errors;  // row, column, message; nothing stored when not empty
};
Result<DocumentImport> import_documents(Workspace& ws, const std::string& actor,
                                        const core::Catalog& catalog, std::int64_t organization,
                                        const std::string& bytes, const std::string& format);

// --- the organization's settings ---
// Every known key with its value (stored, else the default).
Result<std::map<std::string, std::string>> organization_settings(Workspace& ws,
                                                                 std::int64_t organization);
// Checks and stores `values` (all or none).
Result<std::map<std::string, std::string>> set_organization_settings(
    Workspace& ws, const std::string& actor, std::int64_t organization,
    const std::map<std::string, std::string>& values);

}  // namespace cyberframe::workspace
