#pragma once
// Documented information (ISO/IEC 27001:2022 7.5): an organization's documents with their
// identification, type, owner, classification, review cycle, retention and distribution, and
// their versions, each with its file (kept in the workspace by its SHA-256), going through
// draft → in-review → approved → published → superseded or retired, with who reviewed and who
// approved it; and the read-acknowledgements of a published version by the persons it is
// addressed to (docs/user-guide.md, "Documented information"). Plain values and pure functions,
// no I/O: the rules of the workflow are here once, for the API and the command line alike.
//
// Rules:
// - a version's file is changed only while the version is a draft; a published version is never
//   edited: `revise` starts the next version as a draft with a new file, and publishing it
//   supersedes the version published before;
// - submit: a draft with a file goes in review, naming its reviewer or not; approve: a version in
//   review is approved by the actor, who is recorded as the reviewer too when none was named;
//   when the organization's setting `self-approval` is `forbid`, the author of a version cannot
//   approve it; publish: an approved version is published (approve publishes at once unless
//   told to hold); the next review is the publication date plus the review interval, unless a
//   date is given;
// - retire ends a document: its versions in progress and the published one are retired, and no
//   transition is possible afterwards;
// - a document is overdue for review when it is published (not retired) and its next review date
//   is before today;
// - only a person in the distribution acknowledges, and only the version published now.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/page.hpp"
#include "util/result.hpp"

namespace cyberframe::core {

enum class DocumentType {
  k_policy,
  k_topic_specific_policy,
  k_procedure,
  k_standard,
  k_plan,
  k_record,
  k_report,
  k_other
};
std::string_view to_string(DocumentType t);
std::optional<DocumentType> parse_document_type(std::string_view text);
const std::vector<DocumentType>& document_types();

enum class Classification { k_public, k_internal, k_confidential, k_restricted };
std::string_view to_string(Classification c);
std::optional<Classification> parse_classification(std::string_view text);

// The state of one version. A document's state is its newest version's, or retired.
enum class VersionState { k_draft, k_in_review, k_approved, k_published, k_superseded, k_retired };
std::string_view to_string(VersionState s);
std::optional<VersionState> parse_version_state(std::string_view text);

// The most bytes one version's file may hold (the server's upload budget is the same).
inline constexpr std::size_t k_document_file_max_bytes = 8u << 20;

// A link from a document to what it supports: kind "node" (a framework node,
// "FRAMEWORK:NODE") or "risk" (a risk's ref in the organization).
struct DocumentLink {
  std::string kind;
  std::string target;
  friend bool operator==(const DocumentLink&, const DocumentLink&) = default;
};
// "node:ID.GV-1" style text: "KIND:TARGET"; k_invalid_input when the kind is unknown.
util::Result<DocumentLink> parse_document_link(std::string_view text);
std::string to_string(const DocumentLink& link);

struct DocumentVersion {
  std::int64_t id = 0;
  int number = 0;  // 1, 2, ...
  VersionState state = VersionState::k_draft;
  std::string file_name;   // "" before a file is attached
  std::string media_type;  // media_type_of(file_name)
  std::string sha256;      // of the file's bytes (the blob's key)
  std::int64_t size = 0;
  std::string author;  // who started the version
  std::string created_at;
  std::string change_note;
  std::string submitted_by, submitted_at;
  std::string reviewer;  // named at submit, or the approver
  std::string approver, approved_at;
  std::string published_by, published_at;
  std::string ended_at;  // superseded or retired at
};

struct Document {
  std::int64_t id = 0;
  std::int64_t organization = 0;
  std::string ref;  // "DOC-001"; assigned when empty
  std::string title;
  DocumentType type = DocumentType::k_policy;
  std::string owner;
  Classification classification = Classification::k_internal;
  int review_months = 12;
  std::string next_review;                // YYYY-MM-DD, or "" when not set
  std::string retention;                  // "7 years after superseded"
  std::vector<std::string> distribution;  // the persons it is addressed to
  std::vector<DocumentLink> links;
  bool retired = false;
  bool deleted = false;
  std::int64_t version = 0;  // of the whole document (metadata and workflow alike)
  std::string created_at, created_by, updated_at, updated_by;
  std::vector<DocumentVersion> versions;  // oldest first
};

// The document's state: retired, else its newest version's state (draft when it has none).
VersionState state_of(const Document& d);
// The version published now, or nullptr.
const DocumentVersion* published_version(const Document& d);
// The newest version, or nullptr.
const DocumentVersion* newest_version(const Document& d);
// Published, not retired, with a next review date before `today` (YYYY-MM-DD).
bool overdue_for_review(const Document& d, std::string_view today);

// The media type a file's name says ("policy.pdf" -> application/pdf); application/octet-stream
// for a name the list does not know (no type a browser would run: no HTML, SVG or script).
std::string media_type_of(std::string_view file_name);
// A file name as kept and offered for download: 1 to 255 bytes of one line of visible text,
// without '/' or '\\'. k_invalid_input naming the problem.
util::Result<void> check_file_name(std::string_view name);

// "DOC-007" for 7; the number of a ref of that form (0 when it is not one).
std::string document_ref(int number);
int document_ref_number(std::string_view ref);

// Checks the metadata (ref, title, owner, review interval 1-120 months, next review a date,
// retention, distribution names, links' kinds; ref unique is the store's). k_invalid_input
// naming the field.
util::Result<void> validate(const Document& d);

// The organization's settings of documented information. Keys and values as text:
// `self-approval`: allow (default) | forbid.
struct OrganizationSettings {
  bool forbid_self_approval = false;
};
// The known keys with their default values, in order.
const std::vector<std::pair<std::string, std::string>>& organization_setting_defaults();
// Checks `key`=`value`: k_invalid_input naming the key or the allowed values.
util::Result<void> check_organization_setting(std::string_view key, std::string_view value);
OrganizationSettings settings_from(const std::map<std::string, std::string>& stored);

// --- the workflow: each takes the document as read and changes it, or refuses ---
// `now` is "YYYY-MM-DDTHH:MM:SSZ".
struct FileData {
  std::string name;
  std::string sha256;
  std::int64_t size = 0;
};
// Starts version 1 (a draft by `actor`) on a new document; the file may come later.
void start_first_version(Document& d, const std::string& actor, const std::string& now,
                         const std::optional<FileData>& file, const std::string& change_note);
// Attaches a file to the draft `number`: refused for any other state.
util::Result<void> attach_file(Document& d, int number, const FileData& file);
util::Result<void> submit(Document& d, const std::string& actor, const std::string& now,
                          const std::string& reviewer);
// Approves the version in review; then publishes it unless `hold`.
util::Result<void> approve(Document& d, const std::string& actor, const std::string& now,
                           const OrganizationSettings& settings, bool hold,
                           const std::string& next_review);
util::Result<void> publish(Document& d, const std::string& actor, const std::string& now,
                           const std::string& next_review);
// Starts the next version as a draft by `actor`: the document must have a published version and
// none in progress.
util::Result<void> revise(Document& d, const std::string& actor, const std::string& now,
                          const std::optional<FileData>& file, const std::string& change_note);
util::Result<void> retire(Document& d, const std::string& now);
// Whether `person` may acknowledge the version published now (in the distribution; a published
// version); k_invalid_input saying why not.
util::Result<int> acknowledgeable(const Document& d, const std::string& person);

struct DocumentAck {
  std::int64_t document = 0;
  int version = 0;
  std::string person;
  std::string acknowledged_at;
};

struct DocumentQuery {
  std::string text;   // part of the ref, title or owner, caseless
  std::string owner;  // exact, "" any
  std::optional<DocumentType> type;
  std::optional<VersionState> state;
  bool overdue = false;  // only documents overdue for review on `today`
  std::string today;     // YYYY-MM-DD
  bool deleted = false;  // the deleted ones instead of the live ones
  util::Slice slice;
};

}  // namespace cyberframe::core
