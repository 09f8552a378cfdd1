#pragma once
// The workspace (use-case) layer: what the front ends (the HTTP API in server/, the verbs in cli/)
// may do with a workspace, and the one way they open one. Storage is reached only through it:
// no file of server/ or cli/ includes a store/ header.
//
// Rules of the layer (docs/ARCHITECTURE.md, "Shape of the code"):
// - every write names its actor (the account, token owner or --as of the front end); the audit
//   row records that name;
// - every operation is one unit of work: it happens whole or not at all;
// - rules that both front ends need (which target profile a gap analysis takes, how a node change
//   merges into the stored row and is checked against the catalog and the scale, what a
//   projection writes) live here once; the front ends parse, call and render;
// - errors are values (util::Result): k_not_found, k_invalid_input, k_conflict (a stale version:
//   "changed by X at T since you read it"), k_io; a read error is never "nothing there".
//
// The record types are core values (core/accounts.hpp, audit.hpp, comment.hpp, mapping_set.hpp,
// profile.hpp). One Workspace per thread, like the connection it holds.

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
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
#include "util/result.hpp"

namespace cyberframe::store {
class Store;
}

namespace cyberframe::workspace {

using util::Result;

// Whether opening may create the workspace. Only `cyberframe init` creates one: every other verb,
// and the server, open an existing workspace, so that a mistyped path is an error, not a new
// empty workspace.
enum class OpenMode { k_existing, k_create };

// Where a workspace is and where its audit key and anchor are (empty: beside the workspace).
struct Location {
  std::string
      location;  // a path, or sqlite:PATH (postgresql://... is refused, naming the backends)
  std::filesystem::path audit_key;
  std::filesystem::path audit_anchor;
};

// A change to one node of a profile: each field that is set replaces the stored one. Setting a
// level ends N/A (and its justification), and marking N/A clears the level, unless the change
// sets both. The owner is trimmed.
struct NodeChange {
  std::optional<std::optional<int>> level;  // set to a level, or to none (cleared)
  std::optional<bool> not_applicable;
  std::optional<std::string> justification;
  std::optional<std::string> owner;
  std::optional<int> priority;
  std::optional<std::string> notes;
  // The version the caller read (0: never stored); nullopt: the stored one, whatever it is
  // (last writer wins, for scripts that ask for it).
  std::optional<std::int64_t> expected_version;
};

class Workspace {
 public:
  explicit Workspace(std::unique_ptr<store::Store> store);
  ~Workspace();
  Workspace(const Workspace&) = delete;
  Workspace& operator=(const Workspace&) = delete;

  // --- organizations ---
  // The name (trimmed; at most 200 bytes) is unique in the workspace without regard to case.
  Result<core::Organization> create_organization(const std::string& actor, const std::string& name,
                                                 const std::string& scope);
  Result<std::vector<core::Organization>> organizations();
  // A page, filtered (every list of the API is read a page at a time).
  Result<util::Paged<core::Organization>> organizations(const core::OrganizationQuery& query);
  // By id (digits) or exact name.
  Result<core::Organization> organization(const std::string& name_or_id);

  // --- profiles and their assessments ---
  Result<core::Profile> create_profile(const std::string& actor, const core::Profile& profile);
  // By id (digits), "ORG/name", or a name alone when one organization only has a profile of that
  // name (the command line; the API looks profiles up by id only).
  Result<core::Profile> profile(const std::string& reference);
  Result<std::vector<core::Profile>> profiles(std::int64_t organization);
  Result<util::Paged<core::Profile>> profiles(std::int64_t organization, const util::Slice& slice);
  // Per profile of the organization: how many nodes have a level or are N/A (one query).
  Result<std::map<std::int64_t, std::size_t>> assessed_counts(std::int64_t organization);
  Result<std::map<std::string, core::NodeAssessment>> node_assessments(std::int64_t profile);
  // One node with its evidence; version 0 (and nothing else set) when never stored.
  Result<core::NodeAssessment> node_assessment(std::int64_t profile, const std::string& node);
  // Changes one node of `profile` (a node of its framework, core::Catalog) as `change` says:
  // reads it, refuses a stale expected version (k_conflict, naming who changed it and when),
  // merges, checks the result against the catalog and the profile's scale (core::validate), and
  // writes it checking that the row is still the one read. Returns the stored node.
  Result<core::NodeAssessment> change_node(const std::string& actor, const core::Catalog& catalog,
                                           const core::Profile& profile, const std::string& node,
                                           const NodeChange& change);
  // Writes many nodes in one transaction (an import): all of them or none.
  Result<std::size_t> put_node_assessments(const std::string& actor, std::int64_t profile,
                                           const std::vector<core::NodeAssessment>& rows);
  // The profile's scale: the default or one the workspace added.
  Result<core::Scale> scale_of(const core::Profile& profile);

  // Snapshots: the profile as it stands, frozen and dated (`taken_at` a date or a UTC time).
  Result<core::Snapshot> freeze(const std::string& actor, std::int64_t profile,
                                const std::string& name, const std::string& assessor,
                                const std::string& signed_off_by, const std::string& taken_at);
  // Oldest first, with their assessments.
  Result<std::vector<core::Snapshot>> snapshots(std::int64_t profile);

  // Evidence: a file's bytes (stored by content hash) or a link when `url` is set.
  Result<core::Evidence> add_evidence(const std::string& actor, std::int64_t profile,
                                      const std::string& node, const std::string& name,
                                      const std::string& url, const std::string& bytes);
  Result<std::string> evidence_bytes(const std::string& sha256);

  // Comments on a node (auditors' notes and questions); the author is the actor.
  Result<core::Comment> add_comment(const std::string& actor, std::int64_t profile,
                                    const std::string& node, const std::string& text);
  Result<std::vector<core::Comment>> comments(std::int64_t profile, const std::string& node);

  // Projection bookkeeping (workspace/projection.hpp runs the use case).
  Result<std::map<std::string, std::int64_t>> projected_nodes(std::int64_t profile);
  Result<std::size_t> put_projected_assessments(const std::string& actor, std::int64_t profile,
                                                const std::vector<core::NodeAssessment>& rows,
                                                std::int64_t source_profile);
  // Creates the destination and writes its projected rows in one unit of work.
  Result<std::pair<core::Profile, std::size_t>> create_projected_profile(
      const std::string& actor, const core::Profile& destination,
      const std::vector<core::NodeAssessment>& rows, std::int64_t source_profile);

  // --- scales ---
  // The default always exists and cannot be replaced; others are added once, then immutable.
  Result<core::Scale> add_scale(const std::string& actor, const core::Scale& scale);
  Result<core::Scale> scale(const std::string& id);
  Result<std::vector<core::Scale>> scales();

  // --- roadmap ---
  Result<core::Action> create_action(const std::string& actor, const core::Action& action);
  // Checks action.version (k_conflict when it is stale).
  Result<core::Action> update_action(const std::string& actor, const core::Action& action);
  Result<std::vector<core::Action>> actions(std::int64_t organization);
  Result<util::Paged<core::Action>> actions(std::int64_t organization,
                                            const core::ActionQuery& query);
  Result<core::Action> action(std::int64_t id);

  // --- mapping sets (docs/crosswalks.md) ---
  // The layer checks what needs no catalog (a plain unique name, a title, targets by
  // relationship); callers check nodes and clauses against the catalog first
  // (core::validate_mapping_set). Every change is audited with the whole set before and after.
  Result<core::WorkspaceMappingSet> create_mapping_set(const std::string& actor,
                                                       const core::WorkspaceMappingSet& set);
  Result<std::vector<core::WorkspaceMappingSet>> mapping_sets(std::int64_t organization);
  Result<util::Paged<core::WorkspaceMappingSet>> mapping_sets(std::int64_t organization,
                                                              const util::Slice& slice);
  // The organization's sets in the catalog's model, as the crosswalk engine takes them.
  Result<std::vector<core::MappingSet>> catalog_mapping_sets(std::int64_t organization);
  // By id (digits), "ORG/name", or a name alone when one organization only has a set of that name.
  Result<core::WorkspaceMappingSet> mapping_set(const std::string& reference);
  // Title and notes; k_conflict unless set.version is the stored one.
  Result<core::WorkspaceMappingSet> update_mapping_set(const std::string& actor,
                                                       const core::WorkspaceMappingSet& set);
  Result<void> delete_mapping_set(const std::string& actor, std::int64_t id,
                                  std::int64_t expected_version);
  Result<core::WorkspaceMappingSet> add_mapping(const std::string& actor, std::int64_t set,
                                                const core::WorkspaceMapping& mapping);
  Result<core::WorkspaceMappingSet> update_mapping(const std::string& actor, std::int64_t set,
                                                   const core::WorkspaceMapping& mapping);
  Result<core::WorkspaceMappingSet> remove_mapping(const std::string& actor, std::int64_t set,
                                                   std::int64_t mapping,
                                                   std::int64_t expected_version);

  // --- frameworks stored in the workspace (the use cases that change them: frameworks.hpp) ---
  // By its id in the catalog; k_not_found when the workspace stores none of that id.
  Result<core::WorkspaceFramework> stored_framework(const std::string& framework);
  // A page, filtered, without the content.
  Result<util::Paged<core::WorkspaceFramework>> stored_frameworks(
      const core::FrameworkQuery& query);
  // Newest first, without their content; and one version with its content.
  Result<std::vector<core::FrameworkVersion>> framework_versions(const std::string& framework);
  Result<core::FrameworkVersion> framework_version(const std::string& framework,
                                                   std::int64_t version);

  // --- accounts, sessions and API tokens ---
  Result<core::User> add_user(const std::string& actor, const std::string& name,
                              const std::string& password, bool administrator);
  Result<std::vector<core::User>> users();
  Result<util::Paged<core::User>> users(const core::UserQuery& query);
  Result<core::User> user(const std::string& name);
  // The user when the password matches and the account is enabled (one argon2id verification,
  // the same answer and about the same time for an unknown name and a wrong password).
  Result<core::User> authenticate(const std::string& name, const std::string& password);
  Result<core::User> grant(const std::string& actor, const std::string& name,
                           std::int64_t organization, core::Role role);
  Result<core::User> revoke(const std::string& actor, const std::string& name,
                            std::int64_t organization);
  // Ends every session and revokes every API token of the account.
  Result<void> set_password(const std::string& actor, const std::string& name,
                            const std::string& password);
  Result<core::User> set_disabled(const std::string& actor, const std::string& name, bool disabled);
  // What an administrator signed in as `self` does to the account `name` (the API): the same as
  // set_disabled and set_password, refusing their own account (core::account_action_problem,
  // k_invalid_input). A reset password follows the password rules (k_invalid_input, field
  // "password"), ends every session and revokes every API token of the account; the audit row
  // ("password", by `self`) never holds the password.
  Result<core::User> disable_account(const core::User& self, const std::string& name,
                                     bool disabled);
  Result<void> reset_password(const core::User& self, const std::string& name,
                              const std::string& password);

  Result<void> create_session(const core::Session& session);
  Result<core::Session> session(const std::string& token_hash);
  Result<void> touch_session(const std::string& token_hash, const std::string& at);
  // One session of the user, or (empty hash) every session and API token of the account.
  Result<std::size_t> end_sessions(const std::string& actor, std::int64_t user,
                                   const std::string& token_hash);
  Result<void> record_failed_sign_in(const std::string& name, const std::string& address,
                                     std::size_t failures, long delay_seconds);

  // --- the login throttle (core/login_throttle.hpp has the rule) ---
  // Its counts are kept in the workspace, so every server process of it shares them; each call is
  // one short write transaction of its own, with no audit row (they change no record; the
  // server records failed sign-ins with record_failed_sign_in as the Outcome asks). `now` is the
  // caller's wall clock, in milliseconds since the Unix epoch.
  // Reserves an attempt to check the password of `name` from `address` (an IPv6 address by its
  // /64): granted, or refused with the seconds to wait.
  Result<core::throttle::Attempt> reserve_attempt(const std::string& name,
                                                  const std::string& address,
                                                  core::throttle::Millis now);
  // A granted attempt ends with exactly one of these three.
  Result<core::throttle::Outcome> attempt_failed(const core::throttle::Attempt& attempt,
                                                 core::throttle::Millis now);
  Result<core::throttle::Outcome> attempt_succeeded(const core::throttle::Attempt& attempt,
                                                    core::throttle::Millis now);
  Result<void> attempt_abandoned(const core::throttle::Attempt& attempt,
                                 core::throttle::Millis now);
  // How many keys the throttle keeps (at most core::throttle::k_max_keys).
  Result<std::int64_t> throttle_keys();

  Result<core::ApiToken> create_token(const std::string& actor, const core::ApiToken& token,
                                      const std::string& token_hash);
  Result<std::vector<core::ApiToken>> tokens(std::int64_t user);
  Result<void> revoke_token(const std::string& actor, std::int64_t user, std::int64_t id);
  // The token and its account: k_not_found for an unknown or expired token or a disabled account.
  Result<std::pair<core::ApiToken, core::User>> token_user(const std::string& token_hash);

  // --- the audit trail ---
  // The newest `query.limit` rows that pass the query's filters (of ids below `query.before`
  // when it is not 0), oldest first; the filters are done in the store, indexed.
  Result<std::vector<core::AuditRecord>> audit_log(const core::AuditQuery& query);
  // The newest `limit` rows of an entity (of ids below `before` when it is not 0), oldest first.
  Result<std::vector<core::AuditRecord>> audit_log(const std::string& entity,
                                                   const std::string& entity_id, std::size_t limit,
                                                   std::int64_t before = 0);
  // How many rows pass the query's filters (its limit and cursor ignored).
  Result<std::int64_t> audit_count(const core::AuditQuery& query);
  Result<core::AuditVerification> verify_audit();
  Result<core::AuditVerification> anchor_audit(const std::string& actor, const std::string& reason);
  // Ok when changes can be recorded (the audit key is at hand); otherwise what to do.
  Result<void> can_record();

  // --- for caches ---
  // Moves whenever a record changes (the newest audit row's id).
  Result<std::int64_t> change_counter();
  // The audit rows this workspace's committed writes appended since the last call.
  std::vector<core::AppendedRows> take_appended();
  Result<int> schema_version();
  // Moves whenever a framework the workspace stores changes (workspace/frameworks.hpp).
  Result<std::int64_t> frameworks_revision();

  // The storage beneath, for the layer's own modules (gaps, reporting, projection); the front
  // ends see only its declaration.
  store::Store& storage() { return *m_store; }

 private:
  // Finishes an attempt with `rule` (core::throttle::failed or succeeded) on its keys' rows.
  Result<core::throttle::Outcome> finish_attempt(
      const core::throttle::Attempt& attempt, core::throttle::Millis now,
      core::throttle::Outcome (*rule)(std::vector<core::throttle::KeyState>&,
                                      core::throttle::Millis));

  std::unique_ptr<store::Store> m_store;
};

// The one way the front ends open a workspace: an existing one unless `mode` is k_create
// (init). A missing workspace with k_existing is k_not_found, names `cyberframe init`, and
// creates no file.
Result<std::unique_ptr<Workspace>> open(const Location& where, OpenMode mode);

// The audit key and anchor a location uses: the ones given, else beside the workspace.
struct AuditPaths {
  std::filesystem::path key;
  std::filesystem::path anchor;
};
AuditPaths audit_paths(const Location& where);

// The file of a location as open() reads it (a path, or the PATH of sqlite:PATH); empty for one
// that is not a file.
std::filesystem::path workspace_file(std::string_view location);

// Whether the workspace at `location` is a database server that several servers may share
// (PostgreSQL), rather than a file one server owns (SQLite).
bool is_shared_database(std::string_view location);

}  // namespace cyberframe::workspace
