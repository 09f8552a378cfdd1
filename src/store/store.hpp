#pragma once
// The workspace store: organizations, profiles, node assessments, snapshots (assessments over
// time), roadmap actions and evidence. One interface, one implementation of the repositories
// (sql_store.cpp) on two databases: SQLite, the embedded default, and PostgreSQL for several
// servers on one database (sql_connection.hpp holds what differs between them).
//
// Contract for every backend:
// - every write runs in one transaction: it happens whole or not at all;
// - every record has a version; an update names the version it read, and a stale one is refused
//   with ErrorCode::k_conflict ("changed by X at T since you read it") instead of overwriting;
// - errors are values: k_not_found for a missing name, k_invalid_input for a rule broken, k_io
//   for the database failing;
// - what people type is checked before anything is stored (core/input_rules.hpp): names and titles
//   are one line of visible text (no control or bidirectional control characters), names have no
//   '/', names records are looked up by (organizations, profiles, mapping sets) are not only
//   digits, dates are real calendar dates;
// - references: a reference made only of digits is an id, always, never a name (so no name can
//   stand in for another record's id); names are unique without regard to case where they are
//   unique (util::caseless_key), and looked up exactly.
// Threading: one Store per thread.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/accounts.hpp"
#include "core/audit.hpp"
#include "core/comment.hpp"
#include "core/login_throttle.hpp"
#include "core/mapping_set.hpp"
#include "core/profile.hpp"
#include "core/queries.hpp"
#include "core/workspace_framework.hpp"
#include "store/audit_seal.hpp"
#include "store/document_store.hpp"
#include "store/isms_store.hpp"
#include "store/measurement_store.hpp"
#include "store/people_store.hpp"
#include "store/review_store.hpp"
#include "store/risk_store.hpp"
#include "util/clock.hpp"
#include "util/result.hpp"

namespace cyberframe::store {

using util::Result;

// The record types are core values (core/accounts.hpp, audit.hpp, comment.hpp, mapping_set.hpp).
using core::ActionQuery;
using core::ApiToken;
using core::AppendedRows;
using core::AuditRecord;
using core::AuditVerification;
using core::Comment;
using core::k_token_default_days;
using core::k_token_max_days;
using core::OrganizationQuery;
using core::parse_role;
using core::parse_token_scope;
using core::Role;
using core::Session;
using core::TokenScope;
using core::User;
using core::UserQuery;
using core::WorkspaceMapping;
using core::WorkspaceMappingSet;

class Store {
 public:
  virtual ~Store() = default;

  // The repository of risk management (risk_store.hpp), on this store's connection.
  virtual RiskStore& risks() = 0;
  // The repository of the ISMS registers (isms_store.hpp), on this store's connection.
  virtual IsmsStore& isms() = 0;
  // The repository of the ISMS's measurement values (measurement_store.hpp).
  virtual MeasurementStore& measurements() = 0;
  // The repository of documented information (document_store.hpp).
  virtual DocumentStore& documents() = 0;
  // The repository of people (e-mail, aliases, calendar tokens) and the reminders' sent log.
  virtual PeopleStore& people() = 0;
  // The repository of management reviews' frozen inputs (review_store.hpp).
  virtual ReviewStore& reviews() = 0;

  // The name (trimmed; at most 200 bytes) is unique in the workspace without regard to case.
  virtual Result<core::Organization> create_organization(const std::string& name,
                                                         const std::string& scope) = 0;
  virtual Result<std::vector<core::Organization>> organizations() = 0;
  // A page of the organizations (by name), filtered.
  virtual Result<util::Paged<core::Organization>> organizations(const OrganizationQuery& query) = 0;
  // By id (digits) or exact name.
  virtual Result<core::Organization> organization(const std::string& name_or_id) = 0;

  // Creates a profile; its name (trimmed; at most 200 bytes) is unique within the organization
  // without regard to case.
  virtual Result<core::Profile> create_profile(const core::Profile& profile) = 0;
  // By id (digits), "ORG/name" (the organization by name or id, the profile's exact name in it),
  // or, for the command line, a name alone when one organization only has a profile of that name
  // (k_invalid_input when several have). The HTTP API looks profiles up by id only.
  virtual Result<core::Profile> profile(const std::string& reference) = 0;
  virtual Result<std::vector<core::Profile>> profiles(std::int64_t organization) = 0;
  // A page of the organization's profiles (by name).
  virtual Result<util::Paged<core::Profile>> profiles(std::int64_t organization,
                                                      const util::Slice& slice) = 0;

  virtual Result<std::map<std::string, core::NodeAssessment>> node_assessments(
      std::int64_t profile) = 0;
  // One node of a profile with its evidence; version 0 (and nothing else set) when never stored.
  virtual Result<core::NodeAssessment> node_assessment(std::int64_t profile,
                                                       const std::string& node) = 0;
  // Per profile of the organization: how many nodes have a level or are marked not applicable.
  // One query, for list views (reading every profile's rows would not scale).
  virtual Result<std::map<std::int64_t, std::size_t>> assessed_counts(
      std::int64_t organization) = 0;
  // Creates or updates one node. `expected_version` is the version the caller read (0 for a node
  // never stored); std::nullopt skips the check (last writer wins, for scripts that ask for it).
  // `as_read`, when given, is the record as the caller read it at `expected_version`
  // (node_assessment()): the write then checks that the stored row is still that one, field for
  // field, as it writes, and records it as the audit's "before" without reading the row again;
  // a row that differs is read and treated as without it. Returns the stored record with its new
  // version.
  virtual Result<core::NodeAssessment> put_node_assessment(
      std::int64_t profile, const core::NodeAssessment& a,
      std::optional<std::int64_t> expected_version, const std::string& actor,
      const core::NodeAssessment* as_read = nullptr) = 0;
  // Writes many nodes in one transaction (an import): all of them or none. A row that says what
  // the node already says (core::same_assessment) is left alone: no new version, no audit row.
  // Returns how many nodes changed.
  virtual Result<std::size_t> put_node_assessments(std::int64_t profile,
                                                   const std::vector<core::NodeAssessment>& rows,
                                                   const std::string& actor) = 0;

  // Freezes the current state of a profile as a dated snapshot. `taken_at` is
  // "YYYY-MM-DDTHH:MM:SSZ" or a date alone (its midnight, UTC); either must be real
  // (core::parse_timestamp).
  virtual Result<core::Snapshot> freeze(std::int64_t profile, const std::string& name,
                                        const std::string& assessor,
                                        const std::string& signed_off_by,
                                        const std::string& taken_at) = 0;
  // Snapshots of a profile, oldest first, with their assessments.
  virtual Result<std::vector<core::Snapshot>> snapshots(std::int64_t profile) = 0;

  virtual Result<core::Action> create_action(const core::Action& action) = 0;
  virtual Result<core::Action> update_action(
      const core::Action& action) = 0;  // checks action.version
  virtual Result<std::vector<core::Action>> actions(std::int64_t organization) = 0;
  // A page of the organization's actions (by due date, undated last), filtered by status.
  virtual Result<util::Paged<core::Action>> actions(std::int64_t organization,
                                                    const ActionQuery& query) = 0;
  virtual Result<core::Action> action(std::int64_t id) = 0;

  // Stores a file's bytes by content hash and attaches it to a node; or a link when `url` is set.
  virtual Result<core::Evidence> add_evidence(std::int64_t profile, const std::string& node,
                                              const std::string& name, const std::string& url,
                                              const std::string& bytes,
                                              const std::string& actor) = 0;
  virtual Result<std::string> evidence_bytes(const std::string& sha256) = 0;

  // Implementation-level scales. The default (core::default_scale()) always exists and cannot be
  // replaced; others are added once and then immutable (profiles rely on their levels).
  virtual Result<core::Scale> add_scale(const core::Scale& scale) = 0;
  virtual Result<core::Scale> scale(const std::string& id) = 0;
  virtual Result<std::vector<core::Scale>> scales() = 0;

  // Who the changes are recorded as, for writes that take no actor of their own.
  virtual void set_actor(const std::string& actor) = 0;

  // The audit trail: every change, append-only and hash-chained. Newest last.
  // The newest `query.limit` rows that pass the query's filters (of ids below `query.before`
  // when it is not 0), oldest first. Indexed by entity and record, by actor and by time.
  virtual Result<std::vector<AuditRecord>> audit_log(const core::AuditQuery& query) = 0;
  // How many rows pass the query's filters (its limit and cursor ignored).
  virtual Result<std::int64_t> audit_count(const core::AuditQuery& query) = 0;
  // The newest `limit` rows of a record (of ids below `before` when it is not 0), oldest first.
  Result<std::vector<AuditRecord>> audit_log(const std::string& entity,
                                             const std::string& entity_id, std::size_t limit,
                                             std::int64_t before = 0) {
    core::AuditQuery q;
    q.entity = entity;
    q.entity_id = entity_id;
    q.limit = limit;
    q.before = before;
    return audit_log(q);
  }
  // Recomputes the chain with the audit key and compares its end with the anchor: names the first
  // row that was edited, removed, reordered or recomputed without the key, or says that the tail
  // is missing or the anchor is missing or altered. k_io when the key is not at hand.
  virtual Result<AuditVerification> verify_audit() = 0;
  // Anchors the trail as it is now, after an administrator has made sure it is right (a workspace
  // restored from a backup is shorter than its anchor; an anchor file can be lost): appends a row
  // (entity "audit", action "anchor") with the old anchor and `reason`, then writes the anchor.
  // Refused with k_invalid_input when a row does not verify (anchoring would hide it) or the
  // reason is blank. Returns the verification after anchoring.
  virtual Result<AuditVerification> anchor_audit(const std::string& reason) = 0;
  // Ok when changes can be recorded: the audit key is at hand. Otherwise the error (k_io) says
  // which key file is missing or unusable and what to do; every write fails with it, reads work.
  virtual Result<void> can_record() = 0;

  // Accounts. Names are 1-64 characters of letters, digits, '.', '_', '-' and '@', unique without
  // regard to case; passwords follow core::password_problem (12 characters or more, not trivial,
  // not the name, not a common password), refused with its message as k_invalid_input. The
  // password is hashed with argon2id before it reaches the database. Every look-up by name
  // ignores case; the answers carry the name as it was created.
  virtual Result<User> add_user(const std::string& name, const std::string& password,
                                bool administrator) = 0;
  virtual Result<std::vector<User>> users() = 0;
  // A page of the accounts (by name), filtered; two queries whatever the page holds.
  virtual Result<util::Paged<User>> users(const UserQuery& query) = 0;
  // The user when the password matches and the account is enabled. k_not_found ("unknown user or
  // wrong password": the same message and, through a verification against a dummy hash, about the
  // same time for an unknown name and a wrong password, so names cannot be probed);
  // k_invalid_input ("account 'NAME' is disabled") for the right password of a disabled account.
  // Costs one argon2id verification (64 MiB, about 0.1 s) whatever the outcome.
  virtual Result<User> authenticate(const std::string& name, const std::string& password) = 0;
  // Gives a user a role in an organization (replacing any role it had there).
  virtual Result<User> grant(const std::string& name, std::int64_t organization, Role role) = 0;

  virtual Result<User> user(const std::string& name) = 0;
  // Removes a user's role in an organization.
  virtual Result<User> revoke(const std::string& name, std::int64_t organization) = 0;
  // Replaces a password (same rules as add_user) and ends every session and revokes every API
  // token of the account: whoever held the old password holds nothing it gave.
  virtual Result<void> set_password(const std::string& name, const std::string& password) = 0;
  // Disables an account (it cannot sign in; its sessions end and its API tokens are revoked at
  // once, in the same transaction) or enables it again (sign-in only: revoked tokens stay
  // revoked). k_invalid_input for disabling the last enabled administrator, who would leave the
  // workspace without one. Audited as "disable" / "enable"; doing it twice changes nothing.
  virtual Result<User> set_disabled(const std::string& name, bool disabled) = 0;

  // Sessions of the server (not audited: they change no record). session() returns expired ones
  // too; the server decides.
  virtual Result<void> create_session(const Session& session) = 0;
  virtual Result<Session> session(const std::string& token_hash) = 0;
  virtual Result<void> touch_session(const std::string& token_hash, const std::string& at) = 0;
  // Ends one session of the user; or, when `token_hash` is empty, signs the account out
  // everywhere: every session ends and every API token is revoked. Returns how many sessions.
  virtual Result<std::size_t> end_sessions(std::int64_t user, const std::string& token_hash) = 0;
  // Records failed sign-ins in the audit trail (entity "session", action "sign-in-failed", the
  // name as typed, never the password): `failures` since the last such row of this name and
  // address, and the delay the next attempt now waits. The server writes at most one a minute
  // per name and address, plus one when a delay starts or grows, so an attack cannot flood the
  // trail.
  virtual Result<void> record_failed_sign_in(const std::string& name, const std::string& address,
                                             std::size_t failures, long delay_seconds) = 0;

  // The login throttle's counts (table login_throttle; the rule is core/login_throttle.hpp, which
  // the workspace layer applies through `change`). Reads the rows of `keys` (all zeros for a key
  // not stored) locked against every other connection and process, runs `change` on them and
  // writes back what it left, in one short write transaction of their own: no audit row (the
  // counts are not a record of the workspace: change_counter() does not move, so no cache is
  // disturbed) and, on PostgreSQL, row locks instead of the writers' advisory lock (records'
  // writers and the throttle do not wait for each other). Rows that say nothing any more
  // (core::throttle::says_nothing) are deleted. When a key was added and the table then holds
  // more than `max_keys`, the rows core::throttle::forgettable says may go are dropped, then, if
  // that is not enough, the stalest (oldest last failure) of those not in flight, down to nine
  // tenths of `max_keys`.
  using ThrottleChange = std::function<void(std::vector<core::throttle::KeyState>&)>;
  virtual Result<void> update_login_throttle(const std::vector<std::string>& keys,
                                             core::throttle::Millis now,
                                             const ThrottleChange& change,
                                             std::size_t max_keys) = 0;
  // How many keys the login throttle keeps.
  virtual Result<std::int64_t> login_throttle_keys() = 0;
  // Creates a token of `token.user` with `token.name`, `expires_at` (after now, at most
  // k_token_max_days ahead), `scope` and `organization` (0, or one the account has a role in or,
  // for an administrator, any that exists); k_invalid_input names what is wrong.
  virtual Result<ApiToken> create_token(const ApiToken& token, const std::string& token_hash) = 0;
  // The account's tokens, expired ones too (until revoked), oldest first.
  virtual Result<std::vector<ApiToken>> tokens(std::int64_t user) = 0;
  virtual Result<void> revoke_token(std::int64_t user, std::int64_t id) = 0;
  // The token and its account: k_not_found for an unknown or expired token, or a disabled account.
  virtual Result<std::pair<ApiToken, User>> token_user(const std::string& token_hash) = 0;

  virtual Result<Comment> add_comment(std::int64_t profile, const std::string& node,
                                      const std::string& author, const std::string& text) = 0;
  virtual Result<std::vector<Comment>> comments(std::int64_t profile, const std::string& node) = 0;

  // Workspace mapping sets. The store checks what it can without the catalog (a plain name,
  // unique in the organization; a title; no-relationship without targets and the others with at
  // least one; rationales of at most 2,000 bytes); callers check nodes and clauses against the
  // catalog first (core::validate_mapping_set). Every change is audited (entity "mapping-set",
  // id the set's id) with the whole set before and after.
  // Creates a set with its mappings: all or none. k_conflict when the organization already has a
  // set of that name.
  virtual Result<WorkspaceMappingSet> create_mapping_set(const WorkspaceMappingSet& set) = 0;
  virtual Result<std::vector<WorkspaceMappingSet>> mapping_sets(std::int64_t organization) = 0;
  // A page of the organization's mapping sets (by name), with their mappings.
  virtual Result<util::Paged<WorkspaceMappingSet>> mapping_sets(std::int64_t organization,
                                                                const util::Slice& slice) = 0;
  // By id (digits), "ORG/name", or, for the command line, a name alone when one organization only
  // has a set of that name.
  virtual Result<WorkspaceMappingSet> mapping_set(const std::string& reference) = 0;
  // Changes title and notes; refused with k_conflict unless `set.version` is the stored one.
  virtual Result<WorkspaceMappingSet> update_mapping_set(const WorkspaceMappingSet& set) = 0;
  // Deletes a set and its mappings (the audit keeps the whole set as it was).
  virtual Result<void> delete_mapping_set(std::int64_t id, std::int64_t expected_version) = 0;
  // Adds one mapping; returns the set as it is after the change. k_conflict when another mapping
  // of the set already maps one of its (source, target) pairs (also for update_mapping).
  virtual Result<WorkspaceMappingSet> add_mapping(std::int64_t set,
                                                  const WorkspaceMapping& mapping) = 0;
  // Replaces one mapping; k_conflict unless `mapping.version` is the stored one.
  virtual Result<WorkspaceMappingSet> update_mapping(std::int64_t set,
                                                     const WorkspaceMapping& mapping) = 0;
  virtual Result<WorkspaceMappingSet> remove_mapping(std::int64_t set, std::int64_t mapping,
                                                     std::int64_t expected_version) = 0;

  // Frameworks stored in the workspace (core/workspace_framework.hpp). The store keeps what it is
  // given and checks what needs no catalog (a framework id, a title, an organization that
  // exists); callers check the content against the catalog first (workspace/frameworks.hpp).
  // Every change is audited (entity "framework", id the framework's id) with the record (its
  // content's sha256 in place of the text) before and after; every version's text is kept.
  // k_conflict when the workspace stores a framework of that id already.
  virtual Result<core::WorkspaceFramework> create_framework(
      const core::WorkspaceFramework& framework) = 0;
  // Replaces title, content and node count as a new version; k_conflict unless
  // `framework.version` is the stored one.
  virtual Result<core::WorkspaceFramework> update_framework(
      const core::WorkspaceFramework& framework) = 0;
  // Deletes the framework with every version; k_conflict unless `expected_version` is stored.
  virtual Result<void> delete_framework(const std::string& framework,
                                        std::int64_t expected_version) = 0;
  // By its id in the catalog; k_not_found when the workspace stores none of that id.
  virtual Result<core::WorkspaceFramework> stored_framework(const std::string& framework) = 0;
  // A page of the stored frameworks (by id), filtered; without their content.
  virtual Result<util::Paged<core::WorkspaceFramework>> stored_frameworks(
      const core::FrameworkQuery& query) = 0;
  // Every stored framework with its content (what a catalog is loaded from), by id.
  virtual Result<std::vector<core::WorkspaceFramework>> framework_contents() = 0;
  // Every version of a stored framework, newest first, without their content.
  virtual Result<std::vector<core::FrameworkVersion>> framework_versions(
      const std::string& framework) = 0;
  virtual Result<core::FrameworkVersion> framework_version(const std::string& framework,
                                                           std::int64_t version) = 0;
  // Moves with every change of a stored framework (the newest such audit row; 0: none yet).
  virtual Result<std::int64_t> frameworks_revision() = 0;
  // What holds on to a framework: the profiles on it ("ORG/name"), the workspace mapping sets
  // naming it, and the node ids their rows hold (assessments, snapshots, evidence, comments,
  // mappings), which a new version must keep.
  virtual Result<core::FrameworkUse> framework_use(const std::string& framework) = 0;

  // Projection (cyberframe profile project): the nodes of a profile last written by a projection,
  // with the version the projection gave them. A node whose version has moved on since was edited
  // by hand and is no longer "projected".
  virtual Result<std::map<std::string, std::int64_t>> projected_nodes(std::int64_t profile) = 0;
  // Writes projected rows in one transaction, all or none. Each row's `version` is the version
  // the caller read (0: never stored); a node changed since is refused with k_conflict, and a
  // node holding a level or N/A that no projection wrote is refused with k_invalid_input (a
  // projection never overwrites a direct assessment). Audited as action "project".
  virtual Result<std::size_t> put_projected_assessments(
      std::int64_t profile, const std::vector<core::NodeAssessment>& rows,
      std::int64_t source_profile, const std::string& actor) = 0;
  // Creates `destination` (as create_profile) and writes the projected rows into it, in one
  // transaction: on any error neither the profile nor a row is left behind.
  virtual Result<std::pair<core::Profile, std::size_t>> create_projected_profile(
      const core::Profile& destination, const std::vector<core::NodeAssessment>& rows,
      std::int64_t source_profile, const std::string& actor) = 0;

  // A number that changes whenever a record of the workspace changes (the newest audit row's id:
  // every change is audited). Sessions and a token's last use are not records. Cheap: for caches.
  virtual Result<std::int64_t> change_counter() = 0;
  // The audit rows this Store's committed writes appended since the last call, oldest first
  // (nothing of a write that rolled back). A cache that knows what its own writes touched can
  // then tell them from other processes' changes (change_counter() moved past rows not in it).
  virtual std::vector<AppendedRows> take_appended() = 0;

  // For tests and benchmarks that hold an operation to its number of SQL statements: while on,
  // the text of every statement this Store starts is kept (each statement once, however many
  // rows it steps through; what triggers do is not counted). statements_run() hands the list
  // over and empties it.
  virtual void record_statements(bool on) = 0;
  virtual std::vector<std::string> statements_run() = 0;

  // The schema version the database is at.
  virtual Result<int> schema_version() = 0;
};

// The organization's workspace mapping sets in the catalog's model (to_mapping_set of each), as
// the crosswalk engine takes them.
Result<std::vector<core::MappingSet>> workspace_mapping_sets(Store& store,
                                                             std::int64_t organization);

// Opens (creating when missing) a SQLite workspace: WAL, foreign keys on, migrations applied at
// open, each after copying the file to PATH.bak-vN when it already held data. `audit` says where
// the audit key and anchor are (default: beside the workspace). Bringing a workspace to the keyed
// trail (a new one, or one from before keying) creates the key when it does not exist and writes
// the anchor; a workspace from before keying that already has rows is refused when the key file
// exists (the database was rolled back, or the key was put there before the upgrade). A keyed
// workspace whose key is missing opens for reading only (can_record()).
Result<std::unique_ptr<Store>> open_sqlite(const std::filesystem::path& path,
                                           const AuditFiles& audit = {});

// Whether opening may create the workspace. Only `cyberframe init` creates one: every other verb,
// and the server, open an existing workspace, so that a mistyped path is an error, not a new
// empty workspace.
enum class OpenMode { k_existing, k_create };

// The one way the front ends open a workspace. `location` is a path, `sqlite:PATH`, or a
// PostgreSQL URL (`postgresql://user@host/db`, libpq's forms; the database must exist, `init`
// makes the schema in it). A missing workspace with k_existing is k_not_found, names
// `cyberframe init`, and creates nothing. On PostgreSQL the audit key and anchor default to
// DBNAME.audit-key and DBNAME.audit-anchor in the working folder; every server on the database
// needs the same key, and the anchor on storage they share.
Result<std::unique_ptr<Store>> open_workspace(std::string_view location, OpenMode mode,
                                              const AuditFiles& audit = {});

// `audit` with the defaults of the workspace at `location` filled in: beside a SQLite file
// (PATH.audit-key, PATH.audit-anchor), or for PostgreSQL in the working folder, named after
// the database (DBNAME.audit-key, DBNAME.audit-anchor).
AuditFiles audit_files(std::string_view location, const AuditFiles& audit);

// The file of a `location` as open_workspace reads it (a path, or the PATH of sqlite:PATH); empty
// for a location that is not a file.
std::filesystem::path workspace_file(std::string_view location);

// The migrations of the SQLite schema, in order (index 0 is version 1).
const std::vector<std::string>& sqlite_migrations();

using util::now_utc;
using util::utc_after;
// Whether `text` is a UTC time "YYYY-MM-DDTHH:MM:SSZ" of a real calendar day.
bool is_utc_timestamp(std::string_view text);

// An online backup of the SQLite workspace `workspace_file` into the new file `dest`
// (sqlite_backup.cpp): one consistent state, while other connections write; a self-contained
// file (no -wal), mode 0600, checked with PRAGMA integrity_check. `dest` is never overwritten
// (k_invalid_input when it exists or is the workspace); a failed backup leaves no file.
struct BackupReport {
  std::int64_t pages = 0;
  std::int64_t bytes = 0;
  std::string integrity;  // what PRAGMA integrity_check answered on the backup: "ok"
};
Result<BackupReport> backup_sqlite(const std::filesystem::path& workspace_file,
                                   const std::filesystem::path& dest);

// Copies the whole workspace at `from` into the new, empty workspace `to` (locations as
// open_workspace takes them; SQLite and PostgreSQL either way): every table of the schema, ids
// as they are, in one transaction on `to`; its audit trail row for row, so `to` gets `from`'s
// audit key (never replacing a different one) and an anchor at its head, and must verify.
// `from` must exist and verify; `to` must be a new SQLite file or a database without a
// workspace (or an empty one). On failure `to` is left as it was (workspace_copy.cpp).
struct CopyReport {
  std::string from, to;  // the locations, without passwords
  std::int64_t rows = 0;
  std::size_t tables = 0;
  std::int64_t audit_rows = 0;
  bool verified = false;
  bool key_copied = false;  // false: `to`'s key file was there already (the same key)
  std::filesystem::path audit_key, audit_anchor;  // `to`'s
};
Result<CopyReport> copy_workspace(std::string_view from, std::string_view to,
                                  const AuditFiles& from_audit, const AuditFiles& to_audit);

}  // namespace cyberframe::store
