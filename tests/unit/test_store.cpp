// The store suite: every backend must pass it. Backends register a factory in k_backends; the
// SQLite one always runs.

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <functional>
#include <thread>

#include <nlohmann/json.hpp>

#include "store/migrations.hpp"
#include "store/store.hpp"
#include "store_backends.hpp"
#include "temp_dir.hpp"

namespace cyberframe::store {
namespace {

namespace fs = std::filesystem;

struct TempDir : testing_support::TempDir {
  TempDir() : testing_support::TempDir("cyberframe-store-") {}
};

using Backend = testing_support::StoreBackend;
const auto& k_backends = testing_support::k_store_backends;

class StoreSuite : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    store = GetParam().open(dir.path);
    ASSERT_NE(store, nullptr);
    auto org = store->create_organization("ACME", "Head office and plants");
    ASSERT_TRUE(org) << org.error().message;
    organization = org->id;
    core::Profile p;
    p.organization = organization;
    p.name = "2026 current";
    p.framework = "iso-tr-27103-2018";
    auto created = store->create_profile(p);
    ASSERT_TRUE(created) << created.error().message;
    profile = created->id;
  }

  core::NodeAssessment node(const std::string& id, int level) {
    core::NodeAssessment a;
    a.node = id;
    a.level = level;
    return a;
  }

  TempDir dir;
  std::unique_ptr<Store> store;
  std::int64_t organization = 0;
  std::int64_t profile = 0;
};

// Lists are read a page at a time, filtered by the store: the page holds only its items, in the
// list's order, and the total counts the whole filtered list.
// An import of rows that say what the nodes already say changes nothing: no version, no audit
// row, and the profile's version stays.
TEST_P(StoreSuite, ReimportingUnchangedRowsWritesNothing) {
  std::vector<core::NodeAssessment> rows{node("ID.AM-1", 3), node("ID.AM-2", 2)};
  rows[1].owner = "IT";
  auto first = store->put_node_assessments(profile, rows, "alice");
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(*first, 2u);
  auto trail = store->audit_log("", "", 1000);
  auto version = store->profile(std::to_string(profile))->version;
  ASSERT_TRUE(trail);
  auto again = store->put_node_assessments(profile, rows, "bob");
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(*again, 0u);
  EXPECT_EQ(store->audit_log("", "", 1000)->size(), trail->size());
  EXPECT_EQ(store->profile(std::to_string(profile))->version, version);
  EXPECT_EQ(store->node_assessment(profile, "ID.AM-1")->version, 1);
  rows[0].level = 4;
  rows.push_back(core::NodeAssessment{});  // a node never stored, imported empty: no change
  rows.back().node = "ID.AM-3";
  auto one = store->put_node_assessments(profile, rows, "bob");
  ASSERT_TRUE(one);
  EXPECT_EQ(*one, 1u);
  EXPECT_EQ(store->audit_log("", "", 1000)->size(), trail->size() + 1);
  EXPECT_EQ(store->node_assessment(profile, "ID.AM-1")->version, 2);
  EXPECT_EQ(store->node_assessment(profile, "ID.AM-3")->version, 0);
}

TEST_P(StoreSuite, ListsArePagedAndFilteredByTheStore) {
  for (const char* name : {"B profile", "A profile", "C profile"}) {
    core::Profile p;
    p.organization = organization;
    p.name = name;
    p.framework = "iso-tr-27103-2018";
    ASSERT_TRUE(store->create_profile(p));
  }
  auto page = store->profiles(organization, util::Slice{2, 1});
  ASSERT_TRUE(page) << page.error().message;
  EXPECT_EQ(page->total, 4u);
  ASSERT_EQ(page->items.size(), 2u);
  EXPECT_EQ(page->items[0].name, "A profile") << "by name: 2026 current, A, B, C";
  EXPECT_EQ(page->items[1].name, "B profile");

  for (int i = 0; i < 5; ++i) {
    core::Action a;
    a.organization = organization;
    a.title = "Action " + std::to_string(i);
    a.due = "2027-0" + std::to_string(i + 1) + "-01";
    a.status = i % 2 == 0 ? core::ActionStatus::k_done : core::ActionStatus::k_planned;
    a.nodes = {"ID.AM-1", "PR.AC-1"};
    ASSERT_TRUE(store->create_action(a));
  }
  auto done = store->actions(organization, ActionQuery{core::ActionStatus::k_done, {2, 0}});
  ASSERT_TRUE(done) << done.error().message;
  EXPECT_EQ(done->total, 3u);
  ASSERT_EQ(done->items.size(), 2u);
  EXPECT_EQ(done->items[0].title, "Action 0");
  EXPECT_EQ(done->items[1].title, "Action 2");
  EXPECT_EQ(done->items[1].nodes, (std::vector<std::string>{"ID.AM-1", "PR.AC-1"}));

  auto other = store->create_organization("Other", "");
  ASSERT_TRUE(other);
  ASSERT_TRUE(store->add_user("ann", "a long enough password", false));
  ASSERT_TRUE(store->add_user("bea", "a long enough password", false));
  ASSERT_TRUE(store->grant("bea", other->id, Role::k_viewer));
  auto in_other = store->users(UserQuery{std::vector<std::int64_t>{other->id}, {10, 0}});
  ASSERT_TRUE(in_other) << in_other.error().message;
  ASSERT_EQ(in_other->total, 1u);
  EXPECT_EQ(in_other->items[0].name, "bea");
  EXPECT_EQ(in_other->items[0].roles.at(other->id), Role::k_viewer);
  auto everyone = store->users(UserQuery{std::nullopt, {1, 1}});
  ASSERT_TRUE(everyone);
  EXPECT_EQ(everyone->total, 2u);
  ASSERT_EQ(everyone->items.size(), 1u);
  EXPECT_EQ(everyone->items[0].name, "bea");

  auto only = store->organizations(OrganizationQuery{std::vector<std::int64_t>{other->id}, {}});
  ASSERT_TRUE(only);
  EXPECT_EQ(only->total, 1u);
  EXPECT_EQ(only->items.at(0).name, "Other");
  auto none = store->organizations(OrganizationQuery{std::vector<std::int64_t>{}, {}});
  ASSERT_TRUE(none);
  EXPECT_EQ(none->total, 0u);
}

TEST_P(StoreSuite, NamesAreUnique) {
  auto again = store->create_organization("ACME", "");
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().message, "an organization named 'ACME' already exists");
  EXPECT_EQ(store->create_organization("  ", "").error().code, util::ErrorCode::k_invalid_input);
  core::Profile p;
  p.organization = organization;
  p.name = "2026 current";
  p.framework = "nist-csf-1.1";
  EXPECT_EQ(store->create_profile(p).error().message,
            "the organization already has a profile named '2026 current'");
  EXPECT_EQ(store->profile("ACME/2026 current")->id, profile);
  EXPECT_EQ(store->profile("nope").error().code, util::ErrorCode::k_not_found);
}

TEST_P(StoreSuite, AStaleUpdateIsRefusedAndChangesNothing) {
  auto first = store->put_node_assessment(profile, node("ID.BE-1", 2), 0, "alice");
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->version, 1);
  // Bob read version 1 too; Alice writes first.
  auto alice = store->put_node_assessment(profile, node("ID.BE-1", 3), 1, "alice");
  ASSERT_TRUE(alice);
  EXPECT_EQ(alice->version, 2);
  auto bob = store->put_node_assessment(profile, node("ID.BE-1", 1), 1, "bob");
  ASSERT_FALSE(bob);
  EXPECT_EQ(bob.error().code, util::ErrorCode::k_conflict);
  EXPECT_NE(bob.error().message.find("was changed by alice"), std::string::npos)
      << bob.error().message;
  auto stored = store->node_assessments(profile);
  EXPECT_EQ(stored->at("ID.BE-1").level, 3);
  EXPECT_EQ(stored->at("ID.BE-1").version, 2);
  EXPECT_EQ(stored->at("ID.BE-1").updated_by, "alice");
  // Creating a node someone else created meanwhile is stale too.
  EXPECT_EQ(store->put_node_assessment(profile, node("ID.BE-1", 4), 0, "carol").error().code,
            util::ErrorCode::k_conflict);
}

// A node's write runs only the statements it needs, counted with the store's statement hook:
// besides BEGIN and COMMIT, the profile's version, the row (its UPDATE names the version and
// every field the audit records, so the row the caller read is not read again) and the audit
// row. Issue 12 asks for at most four; the write before read the row three times (nine
// statements). And the trail still records the right before and after, chained.
// Counted as SQLite's statement trace reports them (one event per statement started, BEGIN and
// COMMIT included; the profile's version moves in a trigger of the node's statement).
TEST_P(StoreSuite, ANodeWriteRunsAtMostFourStatementsCountingBeginAndCommit) {
  auto listing = [](const std::vector<std::string>& sql) {
    std::string out;
    for (const auto& s : sql) out += "\n  " + s.substr(0, 100);
    return out;
  };
  // The statements besides BEGIN and COMMIT, after checking that they are there.
  auto besides_begin_and_commit = [](std::vector<std::string> sql) {
    // SQLite's BEGIN IMMEDIATE; PostgreSQL's BEGIN with the writers' lock and the end of the
    // trail, one round trip.
    auto begin = [](const std::string& s) { return s.starts_with("BEGIN"); };
    EXPECT_TRUE(!sql.empty() && begin(sql.front()) && sql.back() == "COMMIT");
    std::erase_if(sql, [&](const auto& s) { return begin(s) || s == "COMMIT"; });
    return sql;
  };
  auto reads_a_row = [](const std::vector<std::string>& sql) {
    return std::any_of(sql.begin(), sql.end(),
                       [](const auto& s) { return s.starts_with("SELECT"); });
  };
  auto never = store->node_assessment(profile, "ID.AM-1");
  ASSERT_TRUE(never);
  ASSERT_TRUE(store->put_node_assessment(profile, node("ID.AM-2", 1), 0, "setup"));
  store->record_statements(true);
  auto created = store->put_node_assessment(profile, node("ID.AM-1", 2), 0, "alice", &*never);
  auto create_sql = besides_begin_and_commit(store->statements_run());
  ASSERT_TRUE(created) << created.error().message;
  EXPECT_LE(create_sql.size() + 2, 4u) << listing(create_sql);
  EXPECT_FALSE(reads_a_row(create_sql)) << listing(create_sql);

  auto read = store->node_assessment(profile, "ID.AM-1");
  ASSERT_TRUE(read);
  auto change = *read;
  change.level = 3;
  change.owner = "IT";
  (void)store->statements_run();
  auto updated = store->put_node_assessment(profile, change, read->version, "bob", &*read);
  auto update_sql = besides_begin_and_commit(store->statements_run());
  store->record_statements(false);
  ASSERT_TRUE(updated) << updated.error().message;
  EXPECT_EQ(updated->version, 2);
  EXPECT_LE(update_sql.size() + 2, 4u) << listing(update_sql);
  EXPECT_FALSE(reads_a_row(update_sql)) << listing(update_sql);

  auto trail = store->audit_log("node", std::to_string(profile) + "/ID.AM-1", 10);
  ASSERT_TRUE(trail);
  ASSERT_EQ(trail->size(), 2u);
  EXPECT_EQ((*trail)[0].before, "null");
  auto before = nlohmann::json::parse((*trail)[1].before);
  auto after = nlohmann::json::parse((*trail)[1].after);
  EXPECT_EQ(before["level"], 2);
  EXPECT_EQ(before["owner"], "");
  EXPECT_EQ(before["version"], 1);
  EXPECT_EQ(after["level"], 3);
  EXPECT_EQ(after["owner"], "IT");
  EXPECT_EQ(after["version"], 2);
  EXPECT_EQ((*trail)[1].actor, "bob");
  EXPECT_EQ(store->profile(std::to_string(profile))->version, 4) << "each write moves the profile";
  auto v = store->verify_audit();
  ASSERT_TRUE(v);
  EXPECT_TRUE(v->intact) << v->problem;
}

// The row the caller says it read only saves a read: a stale one is a conflict as without it,
// and one that differs from the stored row in a field (whatever the caller did to it) is not
// what the trail records as before.
TEST_P(StoreSuite, TheRowAsReadIsCheckedNotTrusted) {
  auto a = store->put_node_assessment(profile, node("ID.BE-1", 2), 0, "alice");
  ASSERT_TRUE(a);
  auto read = *a;  // version 1
  auto b = store->put_node_assessment(profile, node("ID.BE-1", 3), 1, "bob", &read);
  ASSERT_TRUE(b);
  auto stale = store->put_node_assessment(profile, node("ID.BE-1", 4), 1, "carol", &read);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, util::ErrorCode::k_conflict);
  EXPECT_NE(stale.error().message.find("was changed by bob"), std::string::npos)
      << stale.error().message;
  EXPECT_EQ(store->node_assessment(profile, "ID.BE-1")->level, 3);
  // Version 2 as stored, but with another owner and level than the row holds.
  auto claimed = *b;
  claimed.owner = "someone else";
  claimed.level = 0;
  auto c = store->put_node_assessment(profile, node("ID.BE-1", 5), 2, "carol", &claimed);
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_EQ(c->version, 3);
  auto last = store->audit_log("node", std::to_string(profile) + "/ID.BE-1", 1);
  auto before = nlohmann::json::parse(last->back().before);
  EXPECT_EQ(before["level"], 3);
  EXPECT_EQ(before["owner"], "");
  // Creating a node another writer created meanwhile is stale too.
  core::NodeAssessment none;
  none.node = "ID.BE-2";
  ASSERT_TRUE(store->put_node_assessment(profile, node("ID.BE-2", 1), 0, "alice", &none));
  auto again = store->put_node_assessment(profile, node("ID.BE-2", 4), 0, "bob", &none);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, util::ErrorCode::k_conflict);
  EXPECT_TRUE(store->verify_audit()->intact);
}

// A connection keeps the end of the audit trail it wrote between its writes, as long as nothing
// else was committed to the file; another connection's (another process's) writes in between
// are seen, and the chain goes on from their rows.
TEST_P(StoreSuite, TheTrailChainsAcrossConnectionsWritingInTurn) {
  auto other = GetParam().open(dir.path);
  ASSERT_NE(other, nullptr);
  std::int64_t version = 0;
  for (int i = 0; i < 6; ++i) {
    auto& writer = i % 3 == 2 ? *other : *store;  // two writes here, one there, ...
    auto read = writer.node_assessment(profile, "ID.AM-1");
    ASSERT_TRUE(read);
    ASSERT_EQ(read->version, version);
    auto w = writer.put_node_assessment(profile, node("ID.AM-1", i % 5), version, "w", &*read);
    ASSERT_TRUE(w) << i << ": " << w.error().message;
    version = w->version;
  }
  auto v = store->verify_audit();
  ASSERT_TRUE(v);
  EXPECT_TRUE(v->intact) << v->problem;
  EXPECT_EQ(v->rows, static_cast<std::size_t>(*store->change_counter()));
}

// What a Store's committed writes appended to the trail is handed over once, for the server's
// cache; a write that rolled back hands over nothing.
TEST_P(StoreSuite, HandsOverTheAuditRowsItsWritesAppended) {
  (void)store->take_appended();
  auto first = *store->change_counter();
  ASSERT_TRUE(store->put_node_assessment(profile, node("ID.BE-1", 2), 0, "alice"));
  ASSERT_TRUE(store->put_node_assessments(profile, {node("ID.BE-2", 1), node("ID.BE-3", 2)}, "x"));
  EXPECT_FALSE(store->put_node_assessment(profile, node("ID.BE-1", 4), 0, "bob"));  // stale
  ASSERT_TRUE(store->add_user("erin", "a long enough password", false));
  auto rows = store->take_appended();
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].first, first + 1);
  EXPECT_EQ(rows[0].last, first + 3);  // one write and an import of two: consecutive node rows
  EXPECT_EQ(rows[0].entity, "node");
  EXPECT_EQ(rows[1].first, first + 4);
  EXPECT_EQ(rows[1].last, first + 4);
  EXPECT_EQ(rows[1].entity, "user");
  EXPECT_EQ(*store->change_counter(), first + 4);
  EXPECT_TRUE(store->take_appended().empty());
}

TEST_P(StoreSuite, ABatchIsAllOrNothing) {
  ASSERT_TRUE(store->put_node_assessment(profile, node("ID.BE-1", 2), 0, "alice"));
  std::vector<core::NodeAssessment> rows{node("ID.BE-2", 1), node("ID.BE-3", 4)};
  auto bad = node("ID.BE-4", 2);
  bad.priority = 9;  // the database refuses it: the batch must leave no trace
  rows.push_back(bad);
  EXPECT_FALSE(store->put_node_assessments(profile, rows, "import"));
  auto stored = store->node_assessments(profile);
  EXPECT_EQ(stored->size(), 1u);
  rows.pop_back();
  EXPECT_EQ(*store->put_node_assessments(profile, rows, "import"), 2u);
  EXPECT_EQ(store->node_assessments(profile)->size(), 3u);
}

TEST_P(StoreSuite, CountsAssessedNodesPerProfileInOneQuery) {
  auto na = node("ID.BE-2", 0);
  na.level.reset();
  na.not_applicable = true;
  na.justification = "n/a";
  auto unassessed = node("ID.BE-3", 0);
  unassessed.level.reset();
  unassessed.owner = "CISO";  // an owner but no level: not assessed
  ASSERT_TRUE(store->put_node_assessments(profile, {node("ID.BE-1", 2), na, unassessed}, "t"));
  core::Profile empty;
  empty.organization = organization;
  empty.name = "empty";
  empty.framework = "iso-tr-27103-2018";
  auto e = store->create_profile(empty);
  auto counts = store->assessed_counts(organization);
  ASSERT_TRUE(counts);
  EXPECT_EQ(counts->at(profile), 2u);
  EXPECT_EQ(counts->at(e->id), 0u);
}

TEST_P(StoreSuite, AssessmentsFreezeTheCurrentState) {
  ASSERT_TRUE(store->put_node_assessment(profile, node("ID.BE-1", 1), std::nullopt, "alice"));
  auto q1 = store->freeze(profile, "Q1", "alice", "CISO", "2026-03-31T12:00:00Z");
  ASSERT_TRUE(q1) << q1.error().message;
  ASSERT_TRUE(store->put_node_assessment(profile, node("ID.BE-1", 3), std::nullopt, "alice"));
  ASSERT_TRUE(store->freeze(profile, "Q2", "alice", "", "2026-06-30T12:00:00Z"));
  auto all = store->snapshots(profile);
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].name, "Q1");
  EXPECT_EQ((*all)[0].assessments.at("ID.BE-1").level, 1);
  EXPECT_EQ((*all)[1].assessments.at("ID.BE-1").level, 3);
  EXPECT_EQ((*all)[0].signed_off_by, "CISO");
  EXPECT_EQ(store->freeze(profile, "", "alice", "", "2026-06-30T12:00:00Z").error().code,
            util::ErrorCode::k_invalid_input);
}

TEST_P(StoreSuite, RoadmapActionsHaveVersions) {
  core::Action a;
  a.organization = organization;
  a.title = "Vulnerability management programme";
  a.owner = "IT operations";
  a.due = "2026-12-31";
  a.target_level = 3;
  a.nodes = {"ID.RA-1", "PR.IP-10"};
  auto created = store->create_action(a);
  ASSERT_TRUE(created) << created.error().message;
  auto done = *created;
  done.status = core::ActionStatus::k_done;
  ASSERT_TRUE(store->update_action(done));
  EXPECT_EQ(store->update_action(done).error().code, util::ErrorCode::k_conflict)
      << "stale version";
  auto list = store->actions(organization);
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ((*list)[0].status, core::ActionStatus::k_done);
  EXPECT_EQ((*list)[0].nodes, (std::vector<std::string>{"ID.RA-1", "PR.IP-10"}));
  a.due = "31/12/2026";
  EXPECT_EQ(store->create_action(a).error().message, "due date '31/12/2026' is not YYYY-MM-DD");
}

TEST_P(StoreSuite, EvidenceFilesAreStoredOnceByHash) {
  auto e1 = store->add_evidence(profile, "ID.AM-1", "inventory.csv", "", "host,owner\n", "alice");
  ASSERT_TRUE(e1) << e1.error().message;
  // sha256sum of "host,owner\n", computed outside the product.
  EXPECT_EQ(e1->sha256, "a30ea3107ea5d3efcca12d7d0e4280d7e0530e57097d66c209052c317124257e");
  auto e2 = store->add_evidence(profile, "ID.AM-2", "same-bytes.csv", "", "host,owner\n", "bob");
  ASSERT_TRUE(e2);
  EXPECT_EQ(e1->sha256, e2->sha256);
  EXPECT_EQ(*store->evidence_bytes(e1->sha256), "host,owner\n");
  EXPECT_EQ(e1->size, 11);
  EXPECT_TRUE(store->add_evidence(profile, "ID.AM-1", "Policy", "https://intranet.example/policy",
                                  "", "alice"));
  auto traversal = store->add_evidence(profile, "ID.AM-1", "../../etc/passwd", "", "x", "mallory");
  ASSERT_FALSE(traversal);
  EXPECT_EQ(traversal.error().message,
            "evidence name '../../etc/passwd' must be a plain file name, without folders");
  EXPECT_EQ(
      store->add_evidence(profile, "ID.AM-1", "x", "javascript:alert(1)", "", "m").error().code,
      util::ErrorCode::k_invalid_input);
  auto stored = store->node_assessments(profile);
  EXPECT_EQ(stored->at("ID.AM-1").evidence.size(), 2u);
}

TEST_P(StoreSuite, OrganizationsChooseTheirScale) {
  core::Scale four{
      "acme-1-4",
      "ACME maturity",
      {{1, "Ad hoc", ""}, {2, "Repeatable", ""}, {3, "Defined", ""}, {4, "Managed", ""}}};
  ASSERT_TRUE(store->add_scale(four));
  EXPECT_EQ(store->scale("acme-1-4")->max(), 4);
  EXPECT_EQ(store->scale(core::default_scale().id)->max(), 5) << "the default always exists";
  EXPECT_EQ(store->scales()->size(), 2u);
  EXPECT_EQ(store->add_scale(four).error().code, util::ErrorCode::k_invalid_input)
      << "immutable once added";
  auto gap = four;
  gap.id = "gappy";
  gap.levels[2].value = 7;
  EXPECT_EQ(
      store->add_scale(gap).error().message,
      "scale gappy: level 7 does not follow 2; levels are consecutive whole numbers, lowest first");
  auto builtin = core::default_scale();
  EXPECT_EQ(store->add_scale(builtin).error().message,
            "the scale cyberframe-0-5 is built in and cannot be replaced");
  EXPECT_EQ(store->scale("nope").error().code, util::ErrorCode::k_not_found);
}

TEST_P(StoreSuite, AccountsKeepOnlyArgon2idHashes) {
  auto admin = store->add_user("admin", "purple monkey dishwasher", true);
  ASSERT_TRUE(admin) << admin.error().message;
  EXPECT_TRUE(admin->administrator);
  EXPECT_EQ(store->add_user("admin", "another long password", false).error().message,
            "a user named 'admin' already exists");
  EXPECT_EQ(store->add_user("bob", "short", false).error().message,
            "a password has at least 12 characters");
  EXPECT_EQ(
      store->add_user("bob'; DROP TABLE user; --", "long enough password", false).error().code,
      util::ErrorCode::k_invalid_input);
  EXPECT_TRUE(store->authenticate("admin", "purple monkey dishwasher"));
  auto wrong = store->authenticate("admin", "Purple monkey dishwasher");
  auto unknown = store->authenticate("nobody", "purple monkey dishwasher");
  ASSERT_FALSE(wrong);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(wrong.error().message, unknown.error().message) << "names cannot be probed";
  ASSERT_TRUE(store->add_user("alice", "alice's long password", false));
  auto granted = store->grant("alice", organization, Role::k_editor);
  ASSERT_TRUE(granted) << granted.error().message;
  EXPECT_EQ(granted->roles.at(organization), Role::k_editor);
  granted = store->grant("alice", organization, Role::k_viewer);
  EXPECT_EQ(granted->roles.at(organization), Role::k_viewer) << "one role per organization";
  EXPECT_EQ(store->grant("alice", 999, Role::k_viewer).error().code, util::ErrorCode::k_not_found);
  EXPECT_EQ(store->users()->size(), 2u);
}

TEST_P(StoreSuite, PasswordsFollowTheRulesWhereverTheyAreSet) {
  EXPECT_EQ(store->add_user("bob", "correct horse battery staple", false).error().message,
            "this password is on the list of common passwords; a phrase of several unrelated "
            "words is easier to remember");
  EXPECT_EQ(store->add_user("bob", "aaaaaaaaaaaa", false).error().code,
            util::ErrorCode::k_invalid_input);
  EXPECT_NE(store->add_user("bob", "Bob-2026-!!!", false).error().message.find("account name"),
            std::string::npos);
  EXPECT_FALSE(store->user("bob")) << "nothing stored";
  ASSERT_TRUE(store->add_user("bob", "bob-password-1", false));
  EXPECT_EQ(store->set_password("bob", "qwerty123456").error().code,
            util::ErrorCode::k_invalid_input);
  EXPECT_TRUE(store->authenticate("bob", "bob-password-1")) << "the old password still works";
}

TEST_P(StoreSuite, NamesAreOneAccountWithoutRegardToCase) {
  ASSERT_TRUE(store->add_user("Alice", "alice's long password", false));
  auto again = store->add_user("alice", "another long password", false);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().message,
            "a user named 'Alice' already exists (names are unique without regard to case)");
  EXPECT_EQ(store->user("ALICE")->name, "Alice");
  EXPECT_EQ(store->authenticate("aLiCe", "alice's long password")->name, "Alice");
  ASSERT_TRUE(store->grant("alice", organization, Role::k_viewer));
  EXPECT_EQ(store->user("Alice")->roles.at(organization), Role::k_viewer);
  auto trail = store->audit_log("user", "Alice", 10);
  ASSERT_TRUE(trail);
  EXPECT_EQ(trail->back().action, "grant") << "audited under the name as created";
}

TEST_P(StoreSuite, ADisabledAccountHasNoSessionsTokensOrSignIn) {
  ASSERT_TRUE(store->add_user("root", "root's long password", true));
  ASSERT_TRUE(store->add_user("eve", "eve's long password", false));
  auto eve = store->user("eve")->id;
  auto later = utc_after(std::chrono::hours(24));
  ASSERT_TRUE(store->create_session(Session{"s1", eve, "", "c", now_utc(), later, now_utc()}));
  ApiToken t;
  t.user = eve;
  t.name = "bot";
  t.expires_at = later;
  ASSERT_TRUE(store->create_token(t, "h1"));
  auto disabled = store->set_disabled("EVE", true);
  ASSERT_TRUE(disabled) << disabled.error().message;
  EXPECT_TRUE(disabled->disabled());
  EXPECT_FALSE(store->session("s1"));
  EXPECT_FALSE(store->token_user("h1"));
  EXPECT_TRUE(store->tokens(eve)->empty());
  auto refused = store->authenticate("eve", "eve's long password");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, util::ErrorCode::k_invalid_input);
  EXPECT_EQ(refused.error().message, "account 'eve' is disabled; an administrator can enable it");
  EXPECT_EQ(store->authenticate("eve", "not eve's password").error().code,
            util::ErrorCode::k_not_found);
  EXPECT_FALSE(store->create_session(Session{"s2", eve, "", "c", now_utc(), later, now_utc()}));
  auto rows = store->audit_log("user", "eve", 10)->size();
  EXPECT_TRUE(store->set_disabled("eve", true)) << "twice is fine";
  EXPECT_EQ(store->audit_log("user", "eve", 10)->size(), rows) << "and records nothing";
  ASSERT_TRUE(store->set_disabled("eve", false));
  EXPECT_TRUE(store->authenticate("eve", "eve's long password"));
  // The last enabled administrator stays.
  auto last = store->set_disabled("root", true);
  ASSERT_FALSE(last);
  EXPECT_EQ(last.error().message,
            "'root' is the last enabled administrator; add or enable another administrator first");
  ASSERT_TRUE(store->add_user("root2", "root2's long password", true));
  EXPECT_TRUE(store->set_disabled("root", true));
}

TEST_P(StoreSuite, TokensHaveAnExpiryAScopeAndAnOrganization) {
  ASSERT_TRUE(store->add_user("tim", "tim's long password", false));
  ASSERT_TRUE(store->grant("tim", organization, Role::k_editor));
  auto tim = store->user("tim")->id;
  auto other = store->create_organization("Elsewhere", "")->id;
  ApiToken t;
  t.user = tim;
  t.name = "ci";
  t.scope = TokenScope::k_read_write;
  t.organization = organization;
  auto refused = [&](std::string expires_at, std::int64_t org) {
    auto bad = t;
    bad.expires_at = std::move(expires_at);
    bad.organization = org;
    auto r = store->create_token(bad, "never");
    return r ? std::string() : r.error().message;
  };
  auto in_a_month = utc_after(std::chrono::days(30));
  EXPECT_EQ(refused("2000-01-01T00:00:00Z", 0), "a token's expiry must be in the future");
  EXPECT_EQ(refused(utc_after(std::chrono::days(400)), 0), "a token lives at most 365 days");
  EXPECT_EQ(refused("2026-02-30T00:00:00Z", 0),
            "a token's expiry is a UTC time such as 2026-12-31T23:59:59Z, not "
            "'2026-02-30T00:00:00Z'");
  EXPECT_EQ(refused(in_a_month, 999), "no organization 999");
  EXPECT_EQ(refused(in_a_month, other),
            "account 'tim' has no role in organization " + std::to_string(other) +
                "; a token can be limited only to an organization the account works in");
  EXPECT_TRUE(store->tokens(tim)->empty()) << "nothing stored";
  t.expires_at = in_a_month;
  auto made = store->create_token(t, "h2");
  ASSERT_TRUE(made) << made.error().message;
  auto [token, user] = *store->token_user("h2");
  EXPECT_EQ(token.scope, TokenScope::k_read_write);
  EXPECT_EQ(token.organization, organization);
  EXPECT_EQ(token.expires_at, in_a_month);
  EXPECT_EQ(user.name, "tim");
  // Sign-out everywhere and a new password revoke tokens.
  ASSERT_TRUE(store->end_sessions(tim, ""));
  EXPECT_FALSE(store->token_user("h2"));
  ASSERT_TRUE(store->create_token(t, "h3"));
  ASSERT_TRUE(store->set_password("tim", "tim's new long password"));
  EXPECT_FALSE(store->token_user("h3"));
  auto trail = store->audit_log("user", "tim", 1);
  EXPECT_EQ(nlohmann::json::parse(trail->back().after)["tokens_revoked"], 1);
}

TEST_P(StoreSuite, FailedSignInsAreAuditedWithoutThePassword) {
  ASSERT_TRUE(store->record_failed_sign_in("mallory", "203.0.113.5", 4, 20));
  auto trail = store->audit_log("session", "mallory", 1);
  ASSERT_EQ(trail->size(), 1u);
  EXPECT_EQ(trail->back().action, "sign-in-failed");
  EXPECT_EQ(trail->back().actor, "anonymous");
  auto after = nlohmann::json::parse(trail->back().after);
  EXPECT_EQ(after,
            (nlohmann::json{{"address", "203.0.113.5"}, {"failures", 4}, {"delay_seconds", 20}}));
  EXPECT_TRUE(store->verify_audit()->intact);
}

// The login throttle's rows (core/login_throttle.hpp has the rule; the store keeps the counts).
namespace throttle = core::throttle;

// One reservation of `name` from `address` by `store`, as the workspace makes it: granted or not.
bool reserve(Store& store, const std::string& name, const std::string& address,
             throttle::Millis now) {
  long retry = -1;
  auto r = store.update_login_throttle(
      throttle::keys_of(name, address), now,
      [&](std::vector<throttle::KeyState>& rows) { retry = throttle::reserve(rows, now); },
      throttle::k_max_keys);
  EXPECT_TRUE(r) << r.error().message;
  return r && retry == 0;
}

constexpr throttle::Millis k_now = 1'800'000'000'000;

// The counts are kept between calls and connections, are not records (no audit row, the change
// counter stands still), and a row that says nothing is not kept.
TEST_P(StoreSuite, TheLoginThrottleKeepsItsCountsWithoutAuditRows) {
  auto other = GetParam().open(dir.path);
  ASSERT_NE(other, nullptr);
  (void)store->take_appended();
  auto counter = *store->change_counter();
  auto keys = throttle::keys_of("Mallory", "203.0.113.9");
  for (int i = 0; i < 3; ++i) {
    auto& s = i % 2 ? *other : *store;
    ASSERT_TRUE(reserve(s, "Mallory", "203.0.113.9", k_now));
    ASSERT_TRUE(s.update_login_throttle(
        keys, k_now,
        [&](std::vector<throttle::KeyState>& rows) {
          ASSERT_EQ(rows.size(), 3u);
          EXPECT_EQ(rows[0].key, "name:mallory");
          EXPECT_EQ(rows[2].failures, i) << "what the other connection wrote";
          EXPECT_EQ(rows[2].in_flight, 1);
          throttle::failed(rows, k_now);
        },
        throttle::k_max_keys));
  }
  EXPECT_EQ(*store->login_throttle_keys(), 3);
  EXPECT_FALSE(reserve(*other, "mallory", "203.0.113.9", k_now)) << "the delay runs";
  EXPECT_TRUE(reserve(*other, "mallory", "203.0.113.9", k_now + 5'000));
  // A success clears the pair: its row goes; the name's and the address's failures stay.
  ASSERT_TRUE(store->update_login_throttle(
      keys, k_now + 5'000,
      [&](std::vector<throttle::KeyState>& rows) { throttle::succeeded(rows, k_now + 5'000); },
      throttle::k_max_keys));
  EXPECT_EQ(*store->login_throttle_keys(), 2);
  // An attempt abandoned from a fresh address leaves nothing of its address or pair.
  ASSERT_TRUE(reserve(*store, "mallory", "198.51.100.7", k_now));
  ASSERT_TRUE(store->update_login_throttle(
      throttle::keys_of("mallory", "198.51.100.7"), k_now,
      [&](std::vector<throttle::KeyState>& rows) { throttle::abandoned(rows, k_now); },
      throttle::k_max_keys));
  EXPECT_EQ(*store->login_throttle_keys(), 2);
  EXPECT_EQ(*store->change_counter(), counter);
  EXPECT_TRUE(store->take_appended().empty());
  EXPECT_TRUE(other->take_appended().empty());
  auto v = store->verify_audit();
  ASSERT_TRUE(v);
  EXPECT_TRUE(v->intact) << v->problem;
}

// Reservations from many connections at once (threads here, servers in production) are counted
// one at a time: exactly the pair's free failures get through, however they race.
TEST_P(StoreSuite, ParallelReservationsFromManyConnectionsAreCountedAtomically) {
  constexpr int k_connections = 6;
  std::vector<std::unique_ptr<Store>> stores;
  for (int i = 0; i < k_connections; ++i) {
    stores.push_back(GetParam().open(dir.path));
    ASSERT_NE(stores.back(), nullptr);
  }
  std::atomic<int> granted{0};
  std::atomic<bool> go{false};
  std::vector<std::thread> threads;
  for (int i = 0; i < k_connections; ++i) {
    threads.emplace_back([&, i] {
      while (!go) std::this_thread::yield();
      for (int n = 0; n < 5; ++n)
        if (reserve(*stores[static_cast<std::size_t>(i)], "bob", "192.0.2.7", k_now)) ++granted;
    });
  }
  go = true;
  for (auto& t : threads) t.join();
  EXPECT_EQ(granted.load(), 3);
  // Two keys wanted in opposite orders by many at once: no deadlock (the rows are locked in one
  // order), and each attempt is counted once.
  granted = 0;
  go = false;
  threads.clear();
  for (int i = 0; i < k_connections; ++i) {
    threads.emplace_back([&, i] {
      while (!go) std::this_thread::yield();
      auto& s = *stores[static_cast<std::size_t>(i)];
      for (int n = 0; n < 10; ++n) {
        auto name = (i + n) % 2 ? std::string("zed") : std::string("amy");
        if (reserve(s, name, "192.0.2.200", k_now)) ++granted;
      }
    });
  }
  go = true;
  for (auto& t : threads) t.join();
  EXPECT_EQ(granted.load(), 6) << "three for each pair";
}

// At most `max_keys` rows: forgettable ones go first, then the stalest; a key in flight stays.
TEST_P(StoreSuite, TheLoginThrottleIsBounded) {
  auto fail_once = [&](const std::string& name, const std::string& address, throttle::Millis now,
                       std::size_t max_keys) {
    auto keys = throttle::keys_of(name, address);
    ASSERT_TRUE(store->update_login_throttle(
        keys, now,
        [&](std::vector<throttle::KeyState>& rows) {
          ASSERT_EQ(throttle::reserve(rows, now), 0);
          throttle::failed(rows, now);
        },
        max_keys));
  };
  // 10 attempts an hour and more ago (30 keys); a pair with three recent failures whose next
  // attempt is being checked (in flight).
  for (int i = 0; i < 10; ++i)
    fail_once("old" + std::to_string(i), "10.0.0." + std::to_string(i), k_now - 4'000'000 + i,
              1000);
  for (int i = 0; i < 3; ++i) fail_once("held", "10.0.1.1", k_now - 200'000, 1000);
  ASSERT_TRUE(reserve(*store, "held", "10.0.1.1", k_now - 70'000));
  ASSERT_EQ(*store->login_throttle_keys(), 33);
  // New keys past a bound of 30: the old ones are forgotten, nothing else.
  fail_once("new0", "10.0.2.0", k_now - 60'000, 30);
  EXPECT_EQ(*store->login_throttle_keys(), 6) << "the held attempt's and the new one's";
  // Past the bound with nothing forgettable: the stalest go, down to 27.
  for (int i = 1; i < 12; ++i)
    fail_once("new" + std::to_string(i), "10.0.2." + std::to_string(i), k_now - 60'000 + i, 30);
  auto n = *store->login_throttle_keys();
  EXPECT_LE(n, 30);
  EXPECT_GE(n, 27);
  EXPECT_FALSE(reserve(*store, "held", "10.0.1.1", k_now - 50'000))
      << "the attempt in flight still counts";
  // The newest key kept its failure: two more failures of it and the pair's delay starts.
  fail_once("new11", "10.0.2.11", k_now, 30);
  fail_once("new11", "10.0.2.11", k_now, 30);
  EXPECT_FALSE(reserve(*store, "new11", "10.0.2.11", k_now));
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreSuite, ::testing::ValuesIn(k_backends),
                         testing_support::store_backend_name);

// SQLite-specific: migrations, backups and refusing what is not a workspace.
// The migrations are the SQL files of src/store/migrations/sqlite/, numbered from 0001 without a
// gap, each with a comment saying what it does; the store applies them in that order.
TEST(SqliteStore, TheMigrationsAreTheNumberedSqlFilesInOrder) {
  auto files = embedded_migrations("sqlite");
  ASSERT_GE(files.size(), 12u);
  ASSERT_EQ(files.size(), sqlite_migrations().size());
  for (std::size_t i = 0; i < files.size(); ++i) {
    char number[8];
    std::snprintf(number, sizeof number, "%04zu-", i + 1);
    EXPECT_TRUE(files[i].name.starts_with(number)) << files[i].name;
    EXPECT_TRUE(files[i].name.ends_with(".sql")) << files[i].name;
    EXPECT_TRUE(files[i].sql.starts_with("-- ")) << files[i].name << " says what it does";
    EXPECT_EQ(sqlite_migrations()[i], files[i].sql);
  }
  EXPECT_TRUE(embedded_migrations("no-such-dialect").empty());
}

TEST(SqliteStore, MigratesAnOlderWorkspaceAfterABackup) {
  TempDir dir;
  auto path = dir.path / "old.db";
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, sqlite_migrations()[0].c_str(), nullptr, nullptr, nullptr),
              SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db,
                           "PRAGMA user_version = 1; INSERT INTO organization (name, created_at) "
                           "VALUES ('Old org', "
                           "'2025-01-01T00:00:00Z');",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);
  }
  auto store = open_sqlite(path);
  ASSERT_TRUE(store) << store.error().message;
  EXPECT_EQ(*(*store)->schema_version(), static_cast<int>(sqlite_migrations().size()));
  EXPECT_EQ((*store)->organization("Old org")->name, "Old org") << "data kept";
  EXPECT_TRUE(fs::exists(dir.path / "old.db.bak-v1")) << "backup before migrating";
  auto org = (*store)->organization("Old org");
  core::Profile p;
  p.organization = org->id;
  p.name = "p";
  p.framework = "nist-csf-1.1";
  auto created = (*store)->create_profile(p);
  ASSERT_TRUE(created);
  EXPECT_TRUE((*store)->add_evidence(created->id, "ID.AM-1", "a.txt", "", "a", "x"))
      << "the new tables exist";
}

// Schema 9: account names become unique without regard to case. An older workspace whose names
// differ only in case keeps every account: the oldest keeps its name, the others get NAME.ID.
TEST(SqliteStore, MigratingKeepsAccountsWhoseNamesDifferOnlyInCase) {
  TempDir dir;
  auto path = dir.path / "v8.db";
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    for (std::size_t v = 0; v < 8; ++v)
      ASSERT_EQ(sqlite3_exec(db, sqlite_migrations()[v].c_str(), nullptr, nullptr, nullptr),
                SQLITE_OK)
          << v;
    ASSERT_EQ(sqlite3_exec(db,
                           "PRAGMA user_version = 8;"
                           "INSERT INTO user (name, password_hash, created_at) VALUES "
                           "('Alice', 'x', '2025-01-01T00:00:00Z'), "
                           "('alice', 'y', '2025-02-01T00:00:00Z'), "
                           "('bob', 'z', '2025-03-01T00:00:00Z');"
                           "INSERT INTO api_token (user, name, token_hash, created_at) VALUES "
                           "(2, 'old', 'h', '2025-02-02T00:00:00Z');",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);
  }
  auto store = open_sqlite(path);
  ASSERT_TRUE(store) << store.error().message;
  auto users = (*store)->users();
  ASSERT_TRUE(users);
  std::vector<std::string> names;
  for (const auto& u : *users) names.push_back(u.name);
  EXPECT_EQ(names, (std::vector<std::string>{"Alice", "alice.2", "bob"}));
  EXPECT_EQ((*store)->user("ALICE")->id, 1);
  auto tokens = (*store)->tokens(2);
  ASSERT_EQ(tokens->size(), 1u);
  EXPECT_EQ(tokens->front().scope, TokenScope::k_read_write) << "as it could before";
  EXPECT_EQ(tokens->front().expires_at.substr(0, 10),
            utc_after(std::chrono::days(90)).substr(0, 10))
      << "old tokens end 90 days after the migration";
  EXPECT_FALSE((*store)->add_user("BOB", "bob's long password", false));
}

// A workspace written before names were checked: a profile named like another's id, names that
// differ only in case. Ids still resolve as ids, every record stays reachable, and no new name can
// join a group of case duplicates.
TEST(SqliteStore, ALegacyWorkspaceKeepsItsNamesAndResolvesIdsAsIds) {
  TempDir dir;
  auto path = dir.path / "legacy.db";
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    for (int v = 0; v < 8; ++v)
      ASSERT_EQ(sqlite3_exec(db, sqlite_migrations()[static_cast<std::size_t>(v)].c_str(), nullptr,
                             nullptr, nullptr),
                SQLITE_OK);
    const char* data = R"sql(
PRAGMA user_version = 8;
INSERT INTO organization (id, name, created_at) VALUES (1, 'ACME', '2025-01-01T00:00:00Z'),
  (2, 'Other', '2025-01-01T00:00:00Z'), (3, 'acme', '2025-01-02T00:00:00Z');
INSERT INTO profile (id, organization, name, framework, kind, scale, created_at, updated_at)
  VALUES (1, 1, 'now', 'iso-tr-27103-2018', 'current', 'cyberframe-0-5', 'x', 'x'),
  (2, 2, '1', 'iso-tr-27103-2018', 'current', 'cyberframe-0-5', 'x', 'x'),
  (3, 1, 'NOW', 'iso-tr-27103-2018', 'target', 'cyberframe-0-5', 'x', 'x');
)sql";
    ASSERT_EQ(sqlite3_exec(db, data, nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
  }
  auto opened = open_sqlite(path);
  ASSERT_TRUE(opened) << opened.error().message;
  auto& store = **opened;
  EXPECT_EQ(*store.schema_version(), static_cast<int>(sqlite_migrations().size()));
  EXPECT_TRUE(fs::exists(dir.path / "legacy.db.bak-v8"));
  // "1" is profile 1, not Other's profile named "1"; that one is reachable by id and ORG/name.
  EXPECT_EQ(store.profile("1")->name, "now");
  EXPECT_EQ(store.profile("2")->name, "1");
  EXPECT_EQ(store.profile("Other/1")->id, 2);
  EXPECT_EQ(store.profile("2/1")->id, 2);
  // Case duplicates stay, each found by its exact name and its id.
  EXPECT_EQ(store.organization("ACME")->id, 1);
  EXPECT_EQ(store.organization("acme")->id, 3);
  EXPECT_EQ(store.profile("ACME/NOW")->id, 3);
  EXPECT_EQ(store.profile("ACME/now")->id, 1);
  // No new name joins them, whichever of the group it matches.
  EXPECT_EQ(store.create_organization("Acme", "").error().message,
            "an organization named 'ACME' already exists ('Acme' is the same name: names are "
            "compared without regard to case)");
  EXPECT_EQ(store.create_organization("acme", "").error().message,
            "an organization named 'acme' already exists");
  core::Profile p;
  p.organization = 1;
  p.name = "Now";
  p.framework = "iso-tr-27103-2018";
  EXPECT_FALSE(store.create_profile(p));
  p.name = "Later";
  EXPECT_TRUE(store.create_profile(p));
}

TEST(SqliteStore, ANewWorkspaceNeedsNoBackup) {
  TempDir dir;
  ASSERT_TRUE(open_sqlite(dir.path / "new.db"));
  for (const auto& entry : fs::directory_iterator(dir.path)) {
    EXPECT_EQ(entry.path().filename().string().find(".bak-"), std::string::npos) << entry.path();
  }
}

TEST(SqliteStore, RefusesANewerSchemaAndFilesThatAreNotWorkspaces) {
  TempDir dir;
  {
    sqlite3* db = nullptr;
    sqlite3_open((dir.path / "future.db").c_str(), &db);
    sqlite3_exec(db, "PRAGMA user_version = 99", nullptr, nullptr, nullptr);
    sqlite3_close(db);
  }
  auto future = open_sqlite(dir.path / "future.db");
  ASSERT_FALSE(future);
  EXPECT_NE(future.error().message.find("schema version 99, newer than this cyberframe knows"),
            std::string::npos);
  std::ofstream(dir.path / "notes.txt")
      << "this is not a database, just some text that is long enough to matter";
  auto text = open_sqlite(dir.path / "notes.txt");
  ASSERT_FALSE(text);
  EXPECT_NE(text.error().message.find("is not a cyberframe workspace"), std::string::npos)
      << text.error().message;
}

// PostgreSQL-specific: migrations under the lock, and refusing what is not this build's.

// Servers started together on a new database: each opens it at once; the schema is made once
// (under the migration lock), every one of them works on it, and the trail is one chain.
TEST(PostgresStore, ServersStartingTogetherMigrateOnce) {
  TempDir dir;
  auto url = testing_support::postgres_database("together");
  ASSERT_FALSE(url.empty());
  AuditFiles files{dir.path / "ws.audit-key", dir.path / "ws.audit-anchor"};
  // The key made first, as `init` on one machine would, so the starts race only on the schema.
  ASSERT_TRUE(AuditSeal::create(files));
  constexpr int k_servers = 6;
  std::vector<std::unique_ptr<Store>> stores(k_servers);
  std::vector<std::string> errors(k_servers);
  std::vector<std::thread> starting;
  for (int i = 0; i < k_servers; ++i)
    starting.emplace_back([&, i] {
      auto s = open_workspace(url, OpenMode::k_create, files);
      if (s)
        stores[static_cast<std::size_t>(i)] = std::move(*s);
      else
        errors[static_cast<std::size_t>(i)] = s.error().message;
    });
  for (auto& t : starting) t.join();
  for (int i = 0; i < k_servers; ++i) {
    ASSERT_NE(stores[static_cast<std::size_t>(i)], nullptr) << errors[static_cast<std::size_t>(i)];
    EXPECT_EQ(*stores[static_cast<std::size_t>(i)]->schema_version(),
              static_cast<int>(embedded_migrations("postgresql").size()));
  }
  std::vector<std::thread> writing;
  for (int i = 0; i < k_servers; ++i)
    writing.emplace_back([&, i] {
      auto org =
          stores[static_cast<std::size_t>(i)]->create_organization("Org " + std::to_string(i), "");
      EXPECT_TRUE(org) << org.error().message;
    });
  for (auto& t : writing) t.join();
  auto v = stores[0]->verify_audit();
  ASSERT_TRUE(v);
  EXPECT_TRUE(v->intact) << v->problem;
  EXPECT_EQ(v->rows, static_cast<std::size_t>(k_servers));
}

TEST(PostgresStore, RefusesANewerSchemaAndAMissingWorkspace) {
  TempDir dir;
  AuditFiles files{dir.path / "ws.audit-key", dir.path / "ws.audit-anchor"};
  auto url = testing_support::postgres_database("empty");
  ASSERT_FALSE(url.empty());
  // An empty database is not a workspace until init makes it one; nothing is created.
  auto missing = open_workspace(url, OpenMode::k_existing, files);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, util::ErrorCode::k_not_found);
  EXPECT_NE(missing.error().message.find("init"), std::string::npos) << missing.error().message;
  EXPECT_FALSE(fs::exists(files.key));
  ASSERT_TRUE(open_workspace(url, OpenMode::k_create, files));
  ASSERT_TRUE(testing_support::postgres_exec(url, "UPDATE schema_version SET version = 99"));
  auto future = open_workspace(url, OpenMode::k_existing, files);
  ASSERT_FALSE(future);
  EXPECT_NE(future.error().message.find("schema version 99, newer than this cyberframe knows"),
            std::string::npos)
      << future.error().message;
}

}  // namespace
}  // namespace cyberframe::store

namespace cyberframe::store {
namespace {

// Opens a workspace with a few changes, then tampers with its audit table the way an attacker
// with the database file would (dropping the append-only triggers first).
class AuditTrail : public ::testing::Test {
 protected:
  void SetUp() override {
    path = dir.path / "audit.db";
    auto s = open_sqlite(path);
    ASSERT_TRUE(s) << s.error().message;
    store = std::move(*s);
    store->set_actor("alice");
    auto org = store->create_organization("ACME", "");
    core::Profile p;
    p.organization = org->id;
    p.name = "now";
    p.framework = "iso-tr-27103-2018";
    auto profile = store->create_profile(p);
    core::NodeAssessment a;
    a.node = "ID.AM-1";
    a.level = 1;
    ASSERT_TRUE(store->put_node_assessment(profile->id, a, 0, "alice"));
    a.level = 3;
    ASSERT_TRUE(store->put_node_assessment(profile->id, a, 1, "bob"));
    a.level = 4;  // an import that changes the node (one that changes nothing writes nothing)
    ASSERT_TRUE(store->put_node_assessments(profile->id, {a}, "import"));
  }

  void sql(const std::string& statement) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    char* error = nullptr;
    int rc = sqlite3_exec(db, statement.c_str(), nullptr, nullptr, &error);
    std::string message = error ? error : "";
    sqlite3_free(error);
    sqlite3_close(db);
    ASSERT_EQ(rc, SQLITE_OK) << message;
  }

  TempDir dir;
  fs::path path;
  std::unique_ptr<Store> store;
};

TEST_F(AuditTrail, RecordsWhoWhatBeforeAndAfter) {
  auto log = store->audit_log("node", "", 10);
  ASSERT_TRUE(log);
  ASSERT_EQ(log->size(), 3u);
  EXPECT_EQ((*log)[0].actor, "alice");
  EXPECT_EQ((*log)[0].action, "create");
  EXPECT_EQ((*log)[0].before, "null");
  EXPECT_EQ((*log)[1].actor, "bob");
  EXPECT_NE((*log)[1].before.find("\"level\":1"), std::string::npos);
  EXPECT_NE((*log)[1].after.find("\"level\":3"), std::string::npos);
  EXPECT_EQ((*log)[2].action, "import");
  auto all = store->audit_log("", "", 100);
  EXPECT_EQ(all->front().entity, "organization");
  EXPECT_EQ(all->front().actor, "alice");
  auto v = store->verify_audit();
  EXPECT_TRUE(v->intact);
  EXPECT_EQ(v->rows, 5u);
}

TEST_F(AuditTrail, IsAppendOnly) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  EXPECT_NE(sqlite3_exec(db, "UPDATE audit SET actor = 'mallory'", nullptr, nullptr, nullptr),
            SQLITE_OK);
  EXPECT_NE(sqlite3_exec(db, "DELETE FROM audit WHERE id = 2", nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  EXPECT_TRUE(store->verify_audit()->intact);
}

TEST_F(AuditTrail, AnEditedRowIsNamed) {
  sql("DROP TRIGGER audit_no_update; UPDATE audit SET after = replace(after, '\"level\":3', "
      "'\"level\":5') WHERE id = 4");
  auto v = store->verify_audit();
  EXPECT_FALSE(v->intact);
  EXPECT_EQ(v->first_bad, 4);
  EXPECT_EQ(v->problem, "row 4 was edited: its content no longer matches its hash");
}

TEST_F(AuditTrail, ARemovedRowIsNamed) {
  sql("DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id = 3");
  auto v = store->verify_audit();
  EXPECT_FALSE(v->intact);
  EXPECT_EQ(v->first_bad, 4);
  EXPECT_EQ(v->problem, "row 3 is missing (removed) before row 4");
}

TEST_F(AuditTrail, ReorderedRowsAreNamed) {
  // Swap the contents of rows 2 and 3, keeping their ids and even recomputing nothing.
  sql("DROP TRIGGER audit_no_update;"
      "CREATE TEMP TABLE t AS SELECT * FROM audit WHERE id IN (2, 3);"
      "UPDATE audit SET at = (SELECT at FROM t WHERE id = 5 - audit.id), actor = (SELECT actor "
      "FROM t WHERE id = 5 - "
      "audit.id), entity = (SELECT entity FROM t WHERE id = 5 - audit.id), entity_id = (SELECT "
      "entity_id FROM t "
      "WHERE id = 5 - audit.id), action = (SELECT action FROM t WHERE id = 5 - audit.id), before = "
      "(SELECT before "
      "FROM t WHERE id = 5 - audit.id), after = (SELECT after FROM t WHERE id = 5 - audit.id), "
      "previous_hash = "
      "(SELECT previous_hash FROM t WHERE id = 5 - audit.id), hash = (SELECT hash FROM t WHERE id "
      "= 5 - audit.id) "
      "WHERE id IN (2, 3);");
  auto v = store->verify_audit();
  EXPECT_FALSE(v->intact);
  EXPECT_EQ(v->first_bad, 2);
  EXPECT_EQ(v->problem, "row 2 does not follow the row before it (reordered or replaced)");
}

TEST_F(AuditTrail, AFailedWriteLeavesNoAuditRow) {
  core::NodeAssessment a;
  a.node = "ID.AM-1";
  a.level = 2;
  EXPECT_FALSE(store->put_node_assessment(1, a, 1, "carol"));  // stale
  EXPECT_EQ(store->audit_log("", "", 100)->size(), 5u);
  EXPECT_TRUE(store->verify_audit()->intact);
  EXPECT_TRUE(store->put_node_assessment(1, a, std::nullopt, "carol"))
      << "the chain continues after a rollback";
  EXPECT_TRUE(store->verify_audit()->intact);
}

// --- workspace mapping sets and projection bookkeeping (schema 8) ----------------------------

WorkspaceMappingSet example_set(std::int64_t organization) {
  WorkspaceMappingSet s;
  s.organization = organization;
  s.name = "ours";
  s.title = "Our crosswalk";
  s.source = {core::CatalogItemRef::Kind::k_framework, "iso-tr-27103-2018"};
  s.target = {core::CatalogItemRef::Kind::k_framework, "nist-csf-2.0"};
  s.mappings.push_back({0, "ID.AM-1", {"ID.AM-01"}, core::Relationship::k_equivalent, "same", 0});
  s.mappings.push_back({0, "ID.AM-2", {}, core::Relationship::k_no_relationship, "", 0});
  return s;
}

TEST_P(StoreSuite, MappingSetsAreStoredVersionedAndAudited) {
  store->set_actor("alice");
  auto created = store->create_mapping_set(example_set(organization));
  ASSERT_TRUE(created) << created.error().message;
  EXPECT_EQ(created->version, 1);
  ASSERT_EQ(created->mappings.size(), 2u);
  EXPECT_EQ(created->mappings[0].targets, std::vector<std::string>{"ID.AM-01"});
  EXPECT_EQ(created->mappings[1].relationship, core::Relationship::k_no_relationship);
  EXPECT_EQ(created->updated_by, "alice");
  // Found by id, by name and by ORG/name.
  EXPECT_EQ(store->mapping_set(std::to_string(created->id))->name, "ours");
  EXPECT_EQ(store->mapping_set("ours")->id, created->id);
  EXPECT_EQ(store->mapping_set("ACME/ours")->id, created->id);
  EXPECT_EQ(store->mapping_set("nothing").error().code, util::ErrorCode::k_not_found);
  // The name is unique in the organization.
  auto again = store->create_mapping_set(example_set(organization));
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, util::ErrorCode::k_conflict);

  auto added = store->add_mapping(
      created->id,
      {0, "ID.AM-3", {"ID.AM-03", "ID.AM-04"}, core::Relationship::k_superset_of, "", 0});
  ASSERT_TRUE(added);
  EXPECT_EQ(added->version, 2);
  auto m = added->mappings.back();
  m.relationship = core::Relationship::k_intersects_with;
  auto edited = store->update_mapping(created->id, m);
  ASSERT_TRUE(edited) << edited.error().message;
  EXPECT_EQ(edited->mappings.back().version, 2);
  // A pair another mapping holds is refused, on add and on edit, and changes nothing.
  auto twice = store->add_mapping(created->id,
                                  {0, "ID.AM-3", {"ID.AM-04"}, core::Relationship::k_equal, "", 0});
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, util::ErrorCode::k_conflict);
  EXPECT_NE(twice.error().message.find("ID.AM-3 to ID.AM-04 is already mapped"), std::string::npos);
  auto first = edited->mappings.front();
  first.source = "ID.AM-3";
  first.targets = {"ID.AM-03"};
  EXPECT_EQ(store->update_mapping(created->id, first).error().code, util::ErrorCode::k_conflict);
  EXPECT_EQ(store->mapping_set("ours")->mappings.front().source, "ID.AM-1");
  // A stale edit and a stale removal are refused, and change nothing.
  auto stale = store->update_mapping(created->id, m);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, util::ErrorCode::k_conflict);
  EXPECT_EQ(store->remove_mapping(created->id, m.id, 1).error().code, util::ErrorCode::k_conflict);
  EXPECT_EQ(store->remove_mapping(created->id, 999, 1).error().code, util::ErrorCode::k_not_found);
  auto now = store->mapping_set("ours");
  EXPECT_EQ(now->version, 3);
  EXPECT_EQ(now->mappings.size(), 3u);
  auto renamed = *now;
  renamed.title = "Renamed";
  renamed.version = 1;
  EXPECT_EQ(store->update_mapping_set(renamed).error().code, util::ErrorCode::k_conflict);
  renamed.version = 3;
  ASSERT_TRUE(store->update_mapping_set(renamed));
  EXPECT_EQ(store->delete_mapping_set(created->id, 3).error().code, util::ErrorCode::k_conflict);
  ASSERT_TRUE(store->delete_mapping_set(created->id, 4));
  EXPECT_TRUE(store->mapping_sets(organization)->empty());
  auto log = store->audit_log("mapping-set", std::to_string(created->id), 100);
  ASSERT_TRUE(log);
  std::vector<std::string> actions;
  for (const auto& r : *log) actions.push_back(r.action);
  EXPECT_EQ(actions, (std::vector<std::string>{"create", "add-mapping", "edit-mapping", "update",
                                               "delete"}));
  EXPECT_NE(log->back().before.find("ID.AM-03"), std::string::npos);  // the set as it was
  EXPECT_TRUE(store->verify_audit()->intact);
}

// Frameworks stored in the workspace: versioned (every version's text kept), audited with the
// digest of their text, searched and paged by the store, refused when stale or taken; the
// revision moves with every change, and framework_use names what holds on to one.
TEST_P(StoreSuite, StoredFrameworksAreVersionedAuditedAndSearched) {
  store->set_actor("alice");
  auto revision = store->frameworks_revision();
  ASSERT_TRUE(revision);
  EXPECT_EQ(*revision, 0);
  core::WorkspaceFramework f;
  f.framework = "acme-ot";
  f.organization = organization;
  f.title = "ACME OT framework";
  f.content = "kind: framework\nid: acme-ot\n# version 1\n";
  f.nodes = 3;
  auto created = store->create_framework(f);
  ASSERT_TRUE(created) << created.error().message;
  EXPECT_EQ(created->version, 1);
  EXPECT_EQ(created->created_by, "alice");
  EXPECT_EQ(created->content, f.content);
  auto after_create = *store->frameworks_revision();
  EXPECT_GT(after_create, 0);
  // The id is unique in the workspace.
  auto again = store->create_framework(f);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, util::ErrorCode::k_conflict);
  // An organization that does not exist, a title of control characters: refused, nothing kept.
  auto orphan = f;
  orphan.framework = "orphan";
  orphan.organization = 999;
  EXPECT_FALSE(store->create_framework(orphan));
  orphan.organization = organization;
  orphan.title = "bad\u202Etitle";
  EXPECT_EQ(store->create_framework(orphan).error().code, util::ErrorCode::k_invalid_input);
  EXPECT_EQ(store->stored_framework("orphan").error().code, util::ErrorCode::k_not_found);

  store->set_actor("bob");
  auto v2 = *created;
  v2.content = "kind: framework\nid: acme-ot\n# version 2\n";
  v2.nodes = 4;
  auto updated = store->update_framework(v2);
  ASSERT_TRUE(updated) << updated.error().message;
  EXPECT_EQ(updated->version, 2);
  EXPECT_EQ(updated->updated_by, "bob");
  EXPECT_EQ(updated->created_by, "alice");
  EXPECT_GT(*store->frameworks_revision(), after_create);
  // A stale version: refused, naming who changed it, and nothing changed.
  auto stale = store->update_framework(v2);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, util::ErrorCode::k_conflict);
  EXPECT_NE(stale.error().message.find("bob"), std::string::npos) << stale.error().message;
  EXPECT_EQ(store->stored_framework("acme-ot")->content, v2.content);
  // Both versions kept, newest first; each with its text.
  auto versions = store->framework_versions("acme-ot");
  ASSERT_TRUE(versions);
  ASSERT_EQ(versions->size(), 2u);
  EXPECT_EQ((*versions)[0].version, 2);
  EXPECT_EQ((*versions)[1].created_by, "alice");
  EXPECT_EQ((*versions)[1].nodes, 3u);
  EXPECT_EQ(store->framework_version("acme-ot", 1)->content, f.content);
  EXPECT_EQ(store->framework_version("acme-ot", 7).error().code, util::ErrorCode::k_not_found);

  // Searched without regard to case, paged, by organization; a LIKE wildcard is a character.
  auto other = f;
  other.framework = "beta-it";
  other.title = "Beta IT 100% framework";
  ASSERT_TRUE(store->create_framework(other));
  core::FrameworkQuery q;
  q.text = "ot FRAME";
  EXPECT_EQ(store->stored_frameworks(q)->total, 1u);
  q.text = "%";
  auto percent = store->stored_frameworks(q);
  ASSERT_EQ(percent->total, 1u);
  EXPECT_EQ(percent->items[0].framework, "beta-it");
  EXPECT_TRUE(percent->items[0].content.empty()) << "lists leave the text out";
  q.text = "";
  q.slice = util::Slice{1, 1};
  auto page = store->stored_frameworks(q);
  EXPECT_EQ(page->total, 2u);
  ASSERT_EQ(page->items.size(), 1u);
  EXPECT_EQ(page->items[0].framework, "beta-it");
  q.organization = organization + 1000;
  EXPECT_EQ(store->stored_frameworks(q)->total, 0u);
  EXPECT_EQ(store->framework_contents()->size(), 2u);

  // What holds on to it: a profile's nodes.
  core::Profile p;
  p.organization = organization;
  p.name = "OT current";
  p.framework = "acme-ot";
  auto on_it = store->create_profile(p);
  ASSERT_TRUE(on_it);
  ASSERT_TRUE(store->put_node_assessment(on_it->id, node("ID.AM-1", 2), 0, "alice"));
  auto use = store->framework_use("acme-ot");
  ASSERT_TRUE(use);
  EXPECT_EQ(use->profiles, std::vector<std::string>{"ACME/OT current"});
  EXPECT_EQ(use->nodes, std::set<std::string>{"ID.AM-1"});
  EXPECT_TRUE(store->framework_use("beta-it")->profiles.empty());

  // Deleted with its versions, stale first refused; every change audited with the digest.
  EXPECT_EQ(store->delete_framework("beta-it", 5).error().code, util::ErrorCode::k_conflict);
  ASSERT_TRUE(store->delete_framework("beta-it", 1));
  EXPECT_EQ(store->stored_framework("beta-it").error().code, util::ErrorCode::k_not_found);
  auto trail = store->audit_log("framework", "acme-ot", 100);
  ASSERT_TRUE(trail);
  ASSERT_EQ(trail->size(), 2u);
  EXPECT_EQ((*trail)[1].action, "update");
  EXPECT_NE((*trail)[1].after.find("\"sha256\""), std::string::npos);
  EXPECT_EQ((*trail)[1].after.find("version 2"), std::string::npos) << "the text is not audited";
  EXPECT_EQ(store->audit_log("framework", "beta-it", 100)->back().action, "delete");
  EXPECT_TRUE(store->verify_audit()->intact);
}

TEST_P(StoreSuite, MappingSetRulesAreCheckedBeforeAnythingIsStored) {
  auto bad = example_set(organization);
  bad.name = "Not An Id";
  EXPECT_EQ(store->create_mapping_set(bad).error().code, util::ErrorCode::k_invalid_input);
  bad = example_set(organization);
  bad.mappings[1].targets = {"ID.AM-02"};  // no-relationship with a target
  EXPECT_EQ(store->create_mapping_set(bad).error().code, util::ErrorCode::k_invalid_input);
  bad = example_set(organization);
  bad.mappings[0].targets.clear();  // equivalent without a target
  EXPECT_EQ(store->create_mapping_set(bad).error().code, util::ErrorCode::k_invalid_input);
  bad = example_set(organization);
  bad.mappings[0].rationale = std::string(2001, 'x');
  EXPECT_EQ(store->create_mapping_set(bad).error().code, util::ErrorCode::k_invalid_input);
  bad = example_set(999);
  EXPECT_FALSE(store->create_mapping_set(bad));
  EXPECT_TRUE(store->mapping_sets(organization)->empty());
  // to_mapping_set and from_mapping_set are inverse on the content.
  auto core_set = to_mapping_set(example_set(organization));
  EXPECT_EQ(core_set.id, "ours");
  EXPECT_EQ(core_set.provenance.method, core::Method::k_user_authored);
  auto back = from_mapping_set(core_set, organization);
  EXPECT_EQ(back.mappings.size(), 2u);
  EXPECT_EQ(back.mappings[0].rationale, "same");
}

TEST_P(StoreSuite, NamesAreUniqueWithoutRegardToCase) {
  auto before = *store->change_counter();
  EXPECT_EQ(store->create_organization(" acme ", "").error().message,
            "an organization named 'ACME' already exists ('acme' is the same name: names are "
            "compared without regard to case)");
  EXPECT_FALSE(store->create_organization("ＡＣＭＥ", "")) << "full-width letters";
  core::Profile p;
  p.organization = organization;
  p.name = "2026 CURRENT";
  p.framework = "nist-csf-1.1";
  EXPECT_EQ(store->create_profile(p).error().message,
            "the organization already has a profile named '2026 current' ('2026 CURRENT' is the "
            "same name: names are compared without regard to case)");
  EXPECT_EQ(*store->change_counter(), before) << "nothing stored";
  EXPECT_EQ(store->organizations()->size(), 1u);
  EXPECT_EQ(store->profiles(organization)->size(), 1u);
  // Another organization may use the same profile name, in any case.
  auto other = store->create_organization("Other", "");
  ASSERT_TRUE(other);
  p.organization = other->id;
  EXPECT_TRUE(store->create_profile(p));
  // Names are looked up as they are written.
  EXPECT_EQ(store->organization("acme").error().code, util::ErrorCode::k_not_found);
  // Mapping set names are lowercase, so their uniqueness ignores case already.
  auto set = example_set(organization);
  set.name = "Ours";
  EXPECT_EQ(store->create_mapping_set(set).error().code, util::ErrorCode::k_invalid_input);
}

// Finding 6 of issue 10: a name that is a number stood in the way of the record with that id.
TEST_P(StoreSuite, ADigitsReferenceIsAnIdNeverAName) {
  auto other = store->create_organization("Other", "");
  ASSERT_TRUE(other);
  auto before = *store->change_counter();
  core::Profile p;
  p.organization = other->id;
  p.framework = "iso-tr-27103-2018";
  p.name = std::to_string(profile);  // the id of ACME's profile
  auto refused = store->create_profile(p);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().message,
            "profile name '" + std::to_string(profile) +
                "' is only digits, which would read as an id: a reference made of digits always "
                "names a record by its id; give the name a letter or a word");
  EXPECT_EQ(store->create_organization("7", "").error().code, util::ErrorCode::k_invalid_input);
  auto set = example_set(other->id);
  set.name = "1";
  EXPECT_EQ(store->create_mapping_set(set).error().code, util::ErrorCode::k_invalid_input);
  EXPECT_EQ(*store->change_counter(), before) << "nothing stored";
  EXPECT_EQ(store->profile(std::to_string(profile))->organization, organization);
  EXPECT_EQ(store->organization(std::to_string(other->id))->name, "Other");
  // ORG/NAME may name the organization by id.
  EXPECT_EQ(store->profile(std::to_string(organization) + "/2026 current")->id, profile);
  EXPECT_EQ(store->profile("999").error().code, util::ErrorCode::k_not_found);
  // Numbers inside a name are fine.
  p.name = "FY 2026";
  EXPECT_TRUE(store->create_profile(p));
}

TEST_P(StoreSuite, NamesAndTitlesAreOneLineOfVisibleText) {
  auto before = *store->change_counter();
  const std::string rlo = "\u202E";
  auto refused = [](const auto& result) {
    return !result && result.error().code == util::ErrorCode::k_invalid_input;
  };
  EXPECT_EQ(store->create_organization("ACME/Plant", "").error().message,
            "organization name 'ACME/Plant' contains '/', which separates ORGANIZATION/NAME in "
            "references; use another character");
  EXPECT_TRUE(refused(store->create_organization("Evil" + rlo + "Corp", "")));
  core::Profile p;
  p.organization = organization;
  p.framework = "iso-tr-27103-2018";
  for (const std::string& name :
       std::vector<std::string>{"a/b", "line\nbreak", "tab\there", "x" + rlo + "y"}) {
    p.name = name;
    EXPECT_TRUE(refused(store->create_profile(p))) << name;
  }
  EXPECT_EQ(store->freeze(profile, "Q1" + rlo, "alice", "", "2026-03-31").error().message,
            "assessment name contains the bidirectional control U+202E RIGHT-TO-LEFT OVERRIDE at "
            "character 3, which can make text display as something it is not");
  EXPECT_TRUE(refused(store->freeze(profile, "Q1/Q2", "alice", "", "2026-03-31")));
  EXPECT_TRUE(refused(store->freeze(profile, "Q1", "alice", "CISO\x1b[2J", "2026-03-31")));
  core::Action a;
  a.organization = organization;
  a.title = "Patch\nall the things";
  EXPECT_TRUE(refused(store->create_action(a)));
  a.title = "MFA for VPN/remote access";  // '/' is fine in a title
  a.owner = "IT" + rlo;
  EXPECT_TRUE(refused(store->create_action(a)));
  EXPECT_TRUE(refused(
      store->add_evidence(profile, "ID.AM-1", "report" + rlo + "fdp.exe", "", "x", "alice")));
  EXPECT_TRUE(refused(store->add_evidence(profile, "ID.AM-1", "report\t.pdf", "", "x", "alice")));
  auto set = example_set(organization);
  set.title = "Ours\r\nInjected: header";
  EXPECT_TRUE(refused(store->create_mapping_set(set)));
  EXPECT_EQ(*store->change_counter(), before) << "nothing stored";
  EXPECT_TRUE(store->actions(organization)->empty());
  EXPECT_TRUE(store->snapshots(profile)->empty());
  EXPECT_TRUE(store->node_assessment(profile, "ID.AM-1")->evidence.empty());
  EXPECT_TRUE(store->mapping_sets(organization)->empty());
  EXPECT_EQ(store->profiles(organization)->size(), 1u);
  EXPECT_EQ(store->organizations()->size(), 1u);

  ASSERT_TRUE(store->add_user("alice", "alice's long password", false));
  before = *store->change_counter();
  ApiToken token;
  token.user = store->user("alice")->id;
  token.expires_at = utc_after(std::chrono::hours(24));
  token.name = "ci" + rlo;
  EXPECT_TRUE(refused(store->create_token(token, "hash")));
  token.name = "ci/cd";
  EXPECT_TRUE(refused(store->create_token(token, "hash")));
  EXPECT_EQ(*store->change_counter(), before) << "nothing stored";
  EXPECT_TRUE(store->tokens(token.user)->empty());
}

TEST_P(StoreSuite, DatesAreRealCalendarDates) {
  auto before = *store->change_counter();
  core::Action a;
  a.organization = organization;
  a.title = "Backups tested";
  for (std::string due : {"2026-99-99", "2026-02-30", "2025-02-29", "2026-13-01", "31/12/2026"}) {
    a.due = due;
    auto refused = store->create_action(a);
    ASSERT_FALSE(refused) << due;
    EXPECT_EQ(refused.error().code, util::ErrorCode::k_invalid_input);
  }
  a.due = "2026-02-30";
  EXPECT_EQ(store->create_action(a).error().message,
            "due date '2026-02-30' is not a date on the calendar: February 2026 has 28 days");
  EXPECT_EQ(store->freeze(profile, "Q1", "alice", "", "2025-02-29T12:00:00Z").error().message,
            "assessment date '2025-02-29' is not a date on the calendar: February 2025 has 28 "
            "days");
  EXPECT_FALSE(store->freeze(profile, "Q1", "alice", "", "2026-03-31T25:00:00Z"));
  EXPECT_FALSE(store->freeze(profile, "Q1", "alice", "", "soon"));
  EXPECT_EQ(*store->change_counter(), before) << "nothing stored";
  a.due = "2024-02-29";
  auto created = store->create_action(a);
  ASSERT_TRUE(created) << created.error().message;
  auto leap = *created;
  leap.due = "2026-02-29";
  EXPECT_FALSE(store->update_action(leap)) << "an update is checked too";
  EXPECT_EQ(store->action(created->id)->due, "2024-02-29");
  auto q1 = store->freeze(profile, "Q1", "alice", "", "2024-02-29");
  ASSERT_TRUE(q1) << q1.error().message;
  EXPECT_EQ(q1->taken_at, "2024-02-29T00:00:00Z") << "a date alone is its midnight";
}

TEST_P(StoreSuite, AProjectionNeverOverwritesADirectAssessment) {
  core::NodeAssessment direct;
  direct.node = "ID.AM-1";
  direct.level = 4;
  ASSERT_TRUE(store->put_node_assessment(profile, direct, 0, "bob"));
  core::NodeAssessment projected;
  projected.node = "ID.AM-2";
  projected.level = 2;
  projected.notes = "Projected";
  ASSERT_TRUE(store->put_projected_assessments(profile, {projected}, profile, "bob"));
  auto pn = store->projected_nodes(profile);
  ASSERT_TRUE(pn);
  EXPECT_EQ(*pn, (std::map<std::string, std::int64_t>{{"ID.AM-2", 1}}));
  // Writing over the direct one is refused, and the whole batch with it.
  auto over = direct;
  over.version = 1;
  over.level = 1;
  projected.version = 1;
  projected.level = 3;
  auto r = store->put_projected_assessments(profile, {projected, over}, profile, "bob");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, util::ErrorCode::k_invalid_input);
  auto rows = *store->node_assessments(profile);
  EXPECT_EQ(rows["ID.AM-1"].level, 4);
  EXPECT_EQ(rows["ID.AM-2"].level, 2);
  // A projected node edited by hand is no longer projected.
  auto hand = rows["ID.AM-2"];
  hand.level = 5;
  ASSERT_TRUE(store->put_node_assessment(profile, hand, hand.version, "bob"));
  EXPECT_TRUE(store->projected_nodes(profile)->empty());
  // A stale version is a conflict.
  projected.node = "ID.AM-3";
  projected.version = 4;
  EXPECT_EQ(store->put_projected_assessments(profile, {projected}, profile, "bob").error().code,
            util::ErrorCode::k_conflict);
}

// A read that fails part-way is an error, never the end of the data: with the node assessment
// table's root page damaged, reading the assessments fails rather than answering "nothing
// assessed", and the other records still read.
TEST(SqliteStore, AReadErrorIsAnErrorNotTheEndOfTheData) {
  TempDir dir;
  auto path = dir.path / "workspace.db";
  std::int64_t profile = 0;
  {
    auto store = open_sqlite(path);
    ASSERT_TRUE(store) << store.error().message;
    auto org = (*store)->create_organization("ACME", "");
    ASSERT_TRUE(org);
    core::Profile p;
    p.organization = org->id;
    p.name = "now";
    p.framework = "iso-tr-27103-2018";
    profile = (*store)->create_profile(p)->id;
    std::vector<core::NodeAssessment> rows;
    for (int i = 1; i <= 5; ++i) {
      core::NodeAssessment a;
      a.node = "ID.BE-" + std::to_string(i);
      a.level = i % 6;
      a.notes = std::string(3000, 'n');  // several pages: the root page is an interior page
      rows.push_back(a);
    }
    ASSERT_TRUE((*store)->put_node_assessments(profile, rows, "alice"));
    EXPECT_EQ((*store)->node_assessments(profile)->size(), 5u);
  }
  std::int64_t root = 0, page_size = 0;
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, "SELECT rootpage FROM sqlite_master WHERE name = 'node_assessment'", -1,
                       &st, nullptr);
    ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
    root = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_prepare_v2(db, "PRAGMA page_size", -1, &st, nullptr);
    ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
    page_size = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);
    sqlite3_close(db);
  }
  ASSERT_GT(root, 1);
  {
    std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp((root - 1) * page_size);
    const char garbage[8] = {0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f};  // no page type
    f.write(garbage, sizeof garbage);
  }
  auto store = open_sqlite(path);
  ASSERT_TRUE(store) << store.error().message;
  auto read = (*store)->node_assessments(profile);
  ASSERT_FALSE(read) << "a damaged table read as " << read->size() << " assessments";
  EXPECT_EQ(read.error().code, util::ErrorCode::k_io);
  EXPECT_NE(read.error().message.find("cannot read the workspace"), std::string::npos)
      << read.error().message;
  EXPECT_TRUE((*store)->organizations()) << "the other records still read";
}

}  // namespace
}  // namespace cyberframe::store
