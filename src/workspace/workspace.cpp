#include "workspace/workspace.hpp"

#include "store/store.hpp"
#include "util/text.hpp"

namespace cyberframe::workspace {

using util::ErrorCode;
using util::fail;

Workspace::Workspace(std::unique_ptr<store::Store> store) : m_store(std::move(store)) {}
Workspace::~Workspace() = default;

AuditPaths audit_paths(const Location& where) {
  auto files =
      store::audit_files(where.location, store::AuditFiles{where.audit_key, where.audit_anchor});
  return AuditPaths{files.key, files.anchor};
}

Result<std::unique_ptr<Workspace>> open(const Location& where, OpenMode mode) {
  auto paths = audit_paths(where);
  auto audit = store::AuditFiles{paths.key, paths.anchor};
  auto opened = store::open_workspace(
      where.location,
      mode == OpenMode::k_create ? store::OpenMode::k_create : store::OpenMode::k_existing, audit);
  if (!opened) return std::unexpected(opened.error());
  return std::make_unique<Workspace>(std::move(*opened));
}

std::filesystem::path workspace_file(std::string_view location) {
  return store::workspace_file(location);
}

bool is_shared_database(std::string_view location) {
  return !location.empty() && store::workspace_file(location).empty();
}

// --- organizations ---

Result<core::Organization> Workspace::create_organization(const std::string& actor,
                                                          const std::string& name,
                                                          const std::string& scope) {
  m_store->set_actor(actor);
  return m_store->create_organization(name, scope);
}
Result<std::vector<core::Organization>> Workspace::organizations() {
  return m_store->organizations();
}
Result<util::Paged<core::Organization>> Workspace::organizations(
    const core::OrganizationQuery& query) {
  return m_store->organizations(query);
}
Result<core::Organization> Workspace::organization(const std::string& name_or_id) {
  return m_store->organization(name_or_id);
}

// --- profiles and their assessments ---

Result<core::Profile> Workspace::create_profile(const std::string& actor,
                                                const core::Profile& profile) {
  m_store->set_actor(actor);
  return m_store->create_profile(profile);
}
Result<core::Profile> Workspace::profile(const std::string& reference) {
  return m_store->profile(reference);
}
Result<std::vector<core::Profile>> Workspace::profiles(std::int64_t organization) {
  return m_store->profiles(organization);
}
Result<util::Paged<core::Profile>> Workspace::profiles(std::int64_t organization,
                                                       const util::Slice& slice) {
  return m_store->profiles(organization, slice);
}
Result<std::map<std::int64_t, std::size_t>> Workspace::assessed_counts(std::int64_t organization) {
  return m_store->assessed_counts(organization);
}
Result<std::map<std::string, core::NodeAssessment>> Workspace::node_assessments(
    std::int64_t profile) {
  return m_store->node_assessments(profile);
}
Result<core::NodeAssessment> Workspace::node_assessment(std::int64_t profile,
                                                        const std::string& node) {
  return m_store->node_assessment(profile, node);
}

Result<core::Scale> Workspace::scale_of(const core::Profile& profile) {
  return m_store->scale(profile.scale);
}

Result<core::NodeAssessment> Workspace::change_node(const std::string& actor,
                                                    const core::Catalog& catalog,
                                                    const core::Profile& profile,
                                                    const std::string& node,
                                                    const NodeChange& change) {
  auto read = m_store->node_assessment(profile.id, node);
  if (!read) return std::unexpected(read.error());
  const auto& current = *read;
  if (change.expected_version && current.version != *change.expected_version) {
    // The store's words for the same conflict, so that both front ends say the same.
    return fail(ErrorCode::k_conflict,
                current.version == 0
                    ? node + " has not been assessed yet (you had version " +
                          std::to_string(*change.expected_version) + "); reload it"
                    : node + " was changed by " + current.updated_by + " at " + current.updated_at +
                          " since you read it (version " + std::to_string(current.version) +
                          ", you had " + std::to_string(*change.expected_version) +
                          "); reload it and apply your change again");
  }
  core::NodeAssessment a = current;
  a.node = node;
  if (change.level) a.level = *change.level;
  if (change.not_applicable) a.not_applicable = *change.not_applicable;
  if (change.justification) a.justification = *change.justification;
  if (change.owner) a.owner = util::trim(*change.owner);
  if (change.priority) a.priority = *change.priority;
  if (change.notes) a.notes = *change.notes;
  // Setting a level ends N/A, and marking N/A clears the level, unless the change says both.
  if (change.level && a.level && !change.not_applicable) {
    a.not_applicable = false;
    a.justification.clear();
  }
  if (a.not_applicable && change.not_applicable && !change.level) a.level.reset();
  auto scale = m_store->scale(profile.scale);
  if (!scale) return std::unexpected(scale.error());
  if (auto v = core::validate(catalog, profile, *scale, a); !v) return std::unexpected(v.error());
  // With the row as read: the store checks it is still the stored one as it writes, and records
  // it as the audit's before without reading it again.
  return m_store->put_node_assessment(profile.id, a, current.version, actor, &current);
}

Result<std::size_t> Workspace::put_node_assessments(const std::string& actor, std::int64_t profile,
                                                    const std::vector<core::NodeAssessment>& rows) {
  return m_store->put_node_assessments(profile, rows, actor);
}

Result<core::Snapshot> Workspace::freeze(const std::string& actor, std::int64_t profile,
                                         const std::string& name, const std::string& assessor,
                                         const std::string& signed_off_by,
                                         const std::string& taken_at) {
  m_store->set_actor(actor);
  return m_store->freeze(profile, name, assessor, signed_off_by, taken_at);
}
Result<std::vector<core::Snapshot>> Workspace::snapshots(std::int64_t profile) {
  return m_store->snapshots(profile);
}

Result<core::Evidence> Workspace::add_evidence(const std::string& actor, std::int64_t profile,
                                               const std::string& node, const std::string& name,
                                               const std::string& url, const std::string& bytes) {
  return m_store->add_evidence(profile, node, name, url, bytes, actor);
}
Result<std::string> Workspace::evidence_bytes(const std::string& sha256) {
  return m_store->evidence_bytes(sha256);
}

Result<core::Comment> Workspace::add_comment(const std::string& actor, std::int64_t profile,
                                             const std::string& node, const std::string& text) {
  m_store->set_actor(actor);
  return m_store->add_comment(profile, node, actor, text);
}
Result<std::vector<core::Comment>> Workspace::comments(std::int64_t profile,
                                                       const std::string& node) {
  return m_store->comments(profile, node);
}

Result<std::map<std::string, std::int64_t>> Workspace::projected_nodes(std::int64_t profile) {
  return m_store->projected_nodes(profile);
}
Result<std::size_t> Workspace::put_projected_assessments(
    const std::string& actor, std::int64_t profile, const std::vector<core::NodeAssessment>& rows,
    std::int64_t source_profile) {
  return m_store->put_projected_assessments(profile, rows, source_profile, actor);
}

Result<std::pair<core::Profile, std::size_t>> Workspace::create_projected_profile(
    const std::string& actor, const core::Profile& destination,
    const std::vector<core::NodeAssessment>& rows, std::int64_t source_profile) {
  return m_store->create_projected_profile(destination, rows, source_profile, actor);
}

// --- scales ---

Result<core::Scale> Workspace::add_scale(const std::string& actor, const core::Scale& scale) {
  m_store->set_actor(actor);
  return m_store->add_scale(scale);
}
Result<core::Scale> Workspace::scale(const std::string& id) {
  return m_store->scale(id);
}
Result<std::vector<core::Scale>> Workspace::scales() {
  return m_store->scales();
}

// --- roadmap ---

Result<core::Action> Workspace::create_action(const std::string& actor,
                                              const core::Action& action) {
  m_store->set_actor(actor);
  return m_store->create_action(action);
}
Result<core::Action> Workspace::update_action(const std::string& actor,
                                              const core::Action& action) {
  m_store->set_actor(actor);
  return m_store->update_action(action);
}
Result<std::vector<core::Action>> Workspace::actions(std::int64_t organization) {
  return m_store->actions(organization);
}
Result<util::Paged<core::Action>> Workspace::actions(std::int64_t organization,
                                                     const core::ActionQuery& query) {
  return m_store->actions(organization, query);
}
Result<core::Action> Workspace::action(std::int64_t id) {
  return m_store->action(id);
}

// --- mapping sets ---

Result<core::WorkspaceMappingSet> Workspace::create_mapping_set(
    const std::string& actor, const core::WorkspaceMappingSet& set) {
  m_store->set_actor(actor);
  return m_store->create_mapping_set(set);
}
Result<std::vector<core::WorkspaceMappingSet>> Workspace::mapping_sets(std::int64_t organization) {
  return m_store->mapping_sets(organization);
}
Result<util::Paged<core::WorkspaceMappingSet>> Workspace::mapping_sets(std::int64_t organization,
                                                                       const util::Slice& slice) {
  return m_store->mapping_sets(organization, slice);
}
Result<std::vector<core::MappingSet>> Workspace::catalog_mapping_sets(std::int64_t organization) {
  return store::workspace_mapping_sets(*m_store, organization);
}
Result<core::WorkspaceMappingSet> Workspace::mapping_set(const std::string& reference) {
  return m_store->mapping_set(reference);
}
Result<core::WorkspaceMappingSet> Workspace::update_mapping_set(
    const std::string& actor, const core::WorkspaceMappingSet& set) {
  m_store->set_actor(actor);
  return m_store->update_mapping_set(set);
}
Result<void> Workspace::delete_mapping_set(const std::string& actor, std::int64_t id,
                                           std::int64_t expected_version) {
  m_store->set_actor(actor);
  return m_store->delete_mapping_set(id, expected_version);
}
Result<core::WorkspaceMappingSet> Workspace::add_mapping(const std::string& actor, std::int64_t set,
                                                         const core::WorkspaceMapping& mapping) {
  m_store->set_actor(actor);
  return m_store->add_mapping(set, mapping);
}
Result<core::WorkspaceMappingSet> Workspace::update_mapping(const std::string& actor,
                                                            std::int64_t set,
                                                            const core::WorkspaceMapping& mapping) {
  m_store->set_actor(actor);
  return m_store->update_mapping(set, mapping);
}
Result<core::WorkspaceMappingSet> Workspace::remove_mapping(const std::string& actor,
                                                            std::int64_t set, std::int64_t mapping,
                                                            std::int64_t expected_version) {
  m_store->set_actor(actor);
  return m_store->remove_mapping(set, mapping, expected_version);
}

// --- accounts, sessions and API tokens ---

Result<core::User> Workspace::add_user(const std::string& actor, const std::string& name,
                                       const std::string& password, bool administrator) {
  m_store->set_actor(actor);
  return m_store->add_user(name, password, administrator);
}
Result<std::vector<core::User>> Workspace::users() {
  return m_store->users();
}
Result<util::Paged<core::User>> Workspace::users(const core::UserQuery& query) {
  return m_store->users(query);
}
Result<core::User> Workspace::user(const std::string& name) {
  return m_store->user(name);
}
Result<core::User> Workspace::authenticate(const std::string& name, const std::string& password) {
  return m_store->authenticate(name, password);
}
Result<core::User> Workspace::grant(const std::string& actor, const std::string& name,
                                    std::int64_t organization, core::Role role) {
  m_store->set_actor(actor);
  return m_store->grant(name, organization, role);
}
Result<core::User> Workspace::revoke(const std::string& actor, const std::string& name,
                                     std::int64_t organization) {
  m_store->set_actor(actor);
  return m_store->revoke(name, organization);
}
Result<void> Workspace::set_password(const std::string& actor, const std::string& name,
                                     const std::string& password) {
  m_store->set_actor(actor);
  return m_store->set_password(name, password);
}
Result<core::User> Workspace::set_disabled(const std::string& actor, const std::string& name,
                                           bool disabled) {
  m_store->set_actor(actor);
  return m_store->set_disabled(name, disabled);
}

Result<core::User> Workspace::disable_account(const core::User& self, const std::string& name,
                                              bool disabled) {
  auto target = m_store->user(name);
  if (!target) return std::unexpected(target.error());
  if (disabled)
    if (auto why = core::account_action_problem(self, *target, core::AccountAction::k_disable))
      return util::fail(util::ErrorCode::k_invalid_input, *why);
  m_store->set_actor(self.name);
  return m_store->set_disabled(target->name, disabled);
}
Result<void> Workspace::reset_password(const core::User& self, const std::string& name,
                                       const std::string& password) {
  auto target = m_store->user(name);
  if (!target) return std::unexpected(target.error());
  if (auto why = core::account_action_problem(self, *target, core::AccountAction::k_reset_password))
    return util::fail(util::ErrorCode::k_invalid_input, *why);
  m_store->set_actor(self.name);
  return m_store->set_password(target->name, password);
}

Result<void> Workspace::create_session(const core::Session& session) {
  return m_store->create_session(session);
}
Result<core::Session> Workspace::session(const std::string& token_hash) {
  return m_store->session(token_hash);
}
Result<void> Workspace::touch_session(const std::string& token_hash, const std::string& at) {
  return m_store->touch_session(token_hash, at);
}
Result<std::size_t> Workspace::end_sessions(const std::string& actor, std::int64_t user,
                                            const std::string& token_hash) {
  m_store->set_actor(actor);
  return m_store->end_sessions(user, token_hash);
}
Result<void> Workspace::record_failed_sign_in(const std::string& name, const std::string& address,
                                              std::size_t failures, long delay_seconds) {
  return m_store->record_failed_sign_in(name, address, failures, delay_seconds);
}

Result<core::throttle::Attempt> Workspace::reserve_attempt(const std::string& name,
                                                           const std::string& address,
                                                           core::throttle::Millis now) {
  core::throttle::Attempt attempt;
  attempt.keys = core::throttle::keys_of(name, address);
  auto r = m_store->update_login_throttle(
      attempt.keys, now,
      [&](std::vector<core::throttle::KeyState>& rows) {
        attempt.retry_after = core::throttle::reserve(rows, now);
      },
      core::throttle::k_max_keys);
  if (!r) return std::unexpected(r.error());
  attempt.granted = attempt.retry_after == 0;
  return attempt;
}

Result<core::throttle::Outcome> Workspace::attempt_failed(const core::throttle::Attempt& attempt,
                                                          core::throttle::Millis now) {
  return finish_attempt(attempt, now, core::throttle::failed);
}

Result<core::throttle::Outcome> Workspace::attempt_succeeded(const core::throttle::Attempt& attempt,
                                                             core::throttle::Millis now) {
  return finish_attempt(attempt, now, core::throttle::succeeded);
}

Result<core::throttle::Outcome> Workspace::finish_attempt(
    const core::throttle::Attempt& attempt, core::throttle::Millis now,
    core::throttle::Outcome (*rule)(std::vector<core::throttle::KeyState>&,
                                    core::throttle::Millis)) {
  core::throttle::Outcome out;
  auto r = m_store->update_login_throttle(
      attempt.keys, now,
      [&](std::vector<core::throttle::KeyState>& rows) { out = rule(rows, now); },
      core::throttle::k_max_keys);
  if (!r) return std::unexpected(r.error());
  return out;
}

Result<void> Workspace::attempt_abandoned(const core::throttle::Attempt& attempt,
                                          core::throttle::Millis now) {
  return m_store->update_login_throttle(
      attempt.keys, now,
      [&](std::vector<core::throttle::KeyState>& rows) { core::throttle::abandoned(rows, now); },
      core::throttle::k_max_keys);
}

Result<std::int64_t> Workspace::throttle_keys() {
  return m_store->login_throttle_keys();
}

Result<core::ApiToken> Workspace::create_token(const std::string& actor,
                                               const core::ApiToken& token,
                                               const std::string& token_hash) {
  m_store->set_actor(actor);
  return m_store->create_token(token, token_hash);
}
Result<std::vector<core::ApiToken>> Workspace::tokens(std::int64_t user) {
  return m_store->tokens(user);
}
Result<void> Workspace::revoke_token(const std::string& actor, std::int64_t user, std::int64_t id) {
  m_store->set_actor(actor);
  return m_store->revoke_token(user, id);
}
Result<std::pair<core::ApiToken, core::User>> Workspace::token_user(const std::string& token_hash) {
  return m_store->token_user(token_hash);
}

// --- the audit trail ---

Result<std::vector<core::AuditRecord>> Workspace::audit_log(const std::string& entity,
                                                            const std::string& entity_id,
                                                            std::size_t limit,
                                                            std::int64_t before) {
  return m_store->audit_log(entity, entity_id, limit, before);
}
Result<std::vector<core::AuditRecord>> Workspace::audit_log(const core::AuditQuery& query) {
  return m_store->audit_log(query);
}
Result<std::int64_t> Workspace::audit_count(const core::AuditQuery& query) {
  return m_store->audit_count(query);
}
Result<core::AuditVerification> Workspace::verify_audit() {
  return m_store->verify_audit();
}
Result<core::AuditVerification> Workspace::anchor_audit(const std::string& actor,
                                                        const std::string& reason) {
  m_store->set_actor(actor);
  return m_store->anchor_audit(reason);
}
Result<void> Workspace::can_record() {
  return m_store->can_record();
}

Result<std::int64_t> Workspace::change_counter() {
  return m_store->change_counter();
}
std::vector<core::AppendedRows> Workspace::take_appended() {
  return m_store->take_appended();
}
Result<core::WorkspaceFramework> Workspace::stored_framework(const std::string& framework) {
  return m_store->stored_framework(framework);
}
Result<util::Paged<core::WorkspaceFramework>> Workspace::stored_frameworks(
    const core::FrameworkQuery& query) {
  return m_store->stored_frameworks(query);
}
Result<std::vector<core::FrameworkVersion>> Workspace::framework_versions(
    const std::string& framework) {
  return m_store->framework_versions(framework);
}
Result<core::FrameworkVersion> Workspace::framework_version(const std::string& framework,
                                                            std::int64_t version) {
  return m_store->framework_version(framework, version);
}
Result<std::int64_t> Workspace::frameworks_revision() {
  return m_store->frameworks_revision();
}
Result<int> Workspace::schema_version() {
  return m_store->schema_version();
}

}  // namespace cyberframe::workspace
