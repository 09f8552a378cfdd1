#pragma once
// The repository of documented information (core/document.hpp): an organization's documents
// with their versions, the versions' files (document_blob, one row per content, keyed by its
// SHA-256), the links to framework nodes and risks, the read acknowledgements and the
// organization's settings. Reached as Store::documents(); the SQL lives in document_store.cpp,
// on the store's unit of work (store/unit_of_work.hpp): a write here is one transaction with
// its audit row like any other.
//
// Contract (as Store's): every write is one transaction with its audit row (entity "document",
// id the document's id, before and after its JSON with every version: codec/document_json.hpp,
// the file's hash and size but never its bytes; entity "organization-settings", id the
// organization's id); a document's write names the version it read and a stale one is
// k_conflict; refs are unique in their organization without regard to case (k_conflict naming
// the holder, field "ref"); what the workflow allows is core's, checked before the write (the
// store writes the document as the step left it). Nothing is deleted: a document is marked
// deleted and can be restored. Lists are filtered and paged here.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/document.hpp"
#include "util/page.hpp"
#include "util/result.hpp"

namespace cyberframe::store {

using util::Result;

class DocumentStore {
 public:
  virtual ~DocumentStore() = default;

  // Creates the document with its versions as given (core::start_first_version); an empty ref is
  // assigned the next DOC-NNN of the organization. `file` is the bytes of the first version's
  // file (stored under their SHA-256, once). Returns the stored document.
  virtual Result<core::Document> create_document(const core::Document& document,
                                                 const std::optional<std::string>& file) = 0;
  // Writes the document as a step left it (metadata, versions, links, retired, deleted):
  // `document.version` is the version read. Versions are inserted or updated by number; `file`,
  // when given, is stored as a blob (a version names it by its sha256). `action` is the audit
  // row's ("update", "submit", "approve", "delete", ...).
  virtual Result<core::Document> save_document(const core::Document& document,
                                               const std::string& action,
                                               const std::optional<std::string>& file) = 0;
  // By ref (without regard to case) in the organization, deleted ones too, with its versions.
  virtual Result<core::Document> document(std::int64_t organization, const std::string& ref) = 0;
  // A page of the organization's documents (by ref), with their versions, filtered.
  virtual Result<util::Paged<core::Document>> documents(std::int64_t organization,
                                                        const core::DocumentQuery& query) = 0;
  // The bytes of a stored file; k_not_found when no file has that hash.
  virtual Result<std::string> file_bytes(const std::string& sha256) = 0;
  // Writes many documents in one transaction (an import of the register), all or none: a row
  // whose ref is stored updates that document's metadata (its version checked as read), the
  // others are created. Returns (created, updated).
  virtual Result<std::pair<std::size_t, std::size_t>> import_documents(
      std::int64_t organization, const std::vector<core::Document>& rows) = 0;

  // Records that `person` read version `version` of the document; a second time is not a new
  // row (the first is returned).
  virtual Result<core::DocumentAck> acknowledge(std::int64_t document, int version,
                                                const std::string& person) = 0;
  // Every acknowledgement of the document, by version then time.
  virtual Result<std::vector<core::DocumentAck>> acknowledgements(std::int64_t document) = 0;

  // The settings the organization stored (key -> value); defaults are core's.
  virtual Result<std::map<std::string, std::string>> settings(std::int64_t organization) = 0;
  // Stores settings (checked by the caller); one audit row with the settings before and after.
  virtual Result<std::map<std::string, std::string>> put_settings(
      std::int64_t organization, const std::map<std::string, std::string>& values) = 0;
};

}  // namespace cyberframe::store
