// The ISMS repository's contract (store/isms_store.hpp) on every backend: refs assigned and unique
// per register without regard to case, the version checked in the UPDATE, lists filtered and paged
// in the store, soft delete, links, comments, every saved version kept, one audit row a change,
// and a batch written whole or not at all.
#include <gtest/gtest.h>

#include "store/store.hpp"
#include "store_backends.hpp"
#include "temp_dir.hpp"

namespace cyberframe::store {
namespace {

using Backend = testing_support::StoreBackend;
const auto& k_backends = testing_support::k_store_backends;

class IsmsStoreSuite : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    store = GetParam().open(dir.path);
    if (!store && std::string(GetParam().name) == "postgresql")
      GTEST_SKIP() << "CYBERFRAME_TEST_POSTGRES is not set";
    ASSERT_NE(store, nullptr);
    store->set_actor("alice");
    auto org = store->create_organization("ACME", "");
    ASSERT_TRUE(org) << org.error().message;
    organization = org->id;
    auto other = store->create_organization("Other Ltd", "");
    ASSERT_TRUE(other);
    other_organization = other->id;
  }

  core::IsmsRecord context(const std::string& ref, const std::string& title, std::int64_t org = 0) {
    core::IsmsRecord r;
    r.organization = org ? org : organization;
    r.register_key = "context";
    r.ref = ref;
    r.title = title;
    r.status = "open";
    r.owner = "CISO";
    r.fields["category"] = std::string("external");
    r.fields["description"] = std::string("Ransomware gangs target manufacturers");
    return r;
  }

  std::size_t audit_rows(const std::string& entity) {
    core::AuditQuery q;
    q.entity = entity;
    auto rows = store->audit_count(q);
    EXPECT_TRUE(rows) << (rows ? "" : rows.error().message);
    return rows ? static_cast<std::size_t>(*rows) : 0;
  }

  struct Dir : testing_support::TempDir {
    Dir() : testing_support::TempDir("cyberframe-isms-store-") {}
  } dir;
  std::unique_ptr<Store> store;
  std::int64_t organization = 0, other_organization = 0;
};

TEST_P(IsmsStoreSuite, RefsAreAssignedAndUniquePerRegisterWithoutRegardToCase) {
  auto& repo = store->isms();
  auto a = repo.create_record(context("", "Ransomware"));
  ASSERT_TRUE(a) << a.error().message;
  EXPECT_EQ(a->ref, "CTX-001");
  EXPECT_EQ(a->version, 1);
  auto b = repo.create_record(context("CTX-007", "Skills"));
  ASSERT_TRUE(b) << b.error().message;
  auto c = repo.create_record(context("", "Energy"));
  ASSERT_TRUE(c);
  EXPECT_EQ(c->ref, "CTX-008");
  auto twin = repo.create_record(context("ctx-007", "Twin"));
  ASSERT_FALSE(twin);
  EXPECT_EQ(twin.error().code, util::ErrorCode::k_conflict);
  EXPECT_EQ(twin.error().field, "ref");
  // Another organization has refs of its own.
  auto elsewhere = repo.create_record(context("CTX-007", "Elsewhere", other_organization));
  ASSERT_TRUE(elsewhere) << elsewhere.error().message;
  auto found = repo.record(organization, "context", "ctx-007");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->title, "Skills");
  EXPECT_EQ(found->text("category"), "external");
  EXPECT_EQ(audit_rows("isms-record"), 4u);
}

TEST_P(IsmsStoreSuite, AStaleVersionIsRefusedAndNothingChanges) {
  auto& repo = store->isms();
  auto a = repo.create_record(context("", "Ransomware"));
  ASSERT_TRUE(a);
  auto edit = *a;
  edit.title = "Ransomware and extortion";
  auto saved = repo.update_record(edit, "update");
  ASSERT_TRUE(saved) << saved.error().message;
  EXPECT_EQ(saved->version, 2);
  auto stale = *a;  // still version 1
  stale.title = "Lost update";
  auto refused = repo.update_record(stale, "update");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, util::ErrorCode::k_conflict);
  EXPECT_NE(refused.error().message.find("changed by alice"), std::string::npos);
  EXPECT_EQ(repo.record(organization, "context", "CTX-001")->title, "Ransomware and extortion");
  auto versions = repo.versions(a->id);
  ASSERT_TRUE(versions);
  ASSERT_EQ(versions->size(), 2u);
  EXPECT_NE(versions->front().content.find("\"Ransomware\""), std::string::npos);
  EXPECT_EQ(audit_rows("isms-record"), 2u);
}

TEST_P(IsmsStoreSuite, ListsAreFilteredAndPagedInTheStore) {
  auto& repo = store->isms();
  for (int i = 1; i <= 5; ++i) {
    auto r = context("", "Issue " + std::to_string(i));
    if (i % 2 == 0) r.status = "closed";
    if (i == 3) r.owner = "CFO";
    if (i == 4) r.links.push_back({"risk", "R-001"});
    if (i == 5) r.fields["source"] = std::string("Flooding SURVEY");
    ASSERT_TRUE(repo.create_record(r));
  }
  core::IsmsQuery q;
  q.slice = {2, 1};
  auto page = repo.records(organization, "context", q);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->total, 5u);
  ASSERT_EQ(page->items.size(), 2u);
  EXPECT_EQ(page->items[0].ref, "CTX-002");
  q = {};
  q.status = "closed";
  EXPECT_EQ(repo.records(organization, "context", q)->total, 2u);
  q = {};
  q.owner = "CFO";
  EXPECT_EQ(repo.records(organization, "context", q)->items.at(0).ref, "CTX-003");
  q = {};
  q.link = core::IsmsLink{"risk", "r-001"};
  auto linked = repo.records(organization, "context", q);
  ASSERT_EQ(linked->total, 1u);
  EXPECT_EQ(linked->items[0].links.at(0).target, "R-001");
  q = {};
  q.text = "flooding survey";
  EXPECT_EQ(repo.records(organization, "context", q)->items.at(0).ref, "CTX-005");
  q.text = "ctx-004";
  EXPECT_EQ(repo.records(organization, "context", q)->total, 1u);
  q.text = "50%_";
  EXPECT_EQ(repo.records(organization, "context", q)->total, 0u);
  EXPECT_EQ(repo.records(other_organization, "context", {})->total, 0u);
  auto counts = repo.counts(organization);
  ASSERT_TRUE(counts);
  EXPECT_EQ(counts->at("context"), 5u);
}

TEST_P(IsmsStoreSuite, ADeletedRecordIsHiddenKeptAndRestorable) {
  auto& repo = store->isms();
  auto a = repo.create_record(context("", "Ransomware"));
  ASSERT_TRUE(a);
  auto del = *a;
  del.deleted = true;
  del.deleted_by = "alice";
  auto gone = repo.update_record(del, "delete");
  ASSERT_TRUE(gone) << gone.error().message;
  EXPECT_EQ(repo.records(organization, "context", {})->total, 0u);
  EXPECT_FALSE(repo.counts(organization)->contains("context"));
  core::IsmsQuery q;
  q.deleted = true;
  EXPECT_EQ(repo.records(organization, "context", q)->total, 1u);
  EXPECT_TRUE(repo.live_refs(organization, "context", {"CTX-001"})->empty());
  auto back = *gone;
  back.deleted = false;
  ASSERT_TRUE(repo.update_record(back, "restore"));
  EXPECT_EQ(repo.live_refs(organization, "context", {"ctx-001"})->size(), 1u);
  core::AuditQuery aq;
  aq.entity = "isms-record";
  EXPECT_EQ(audit_rows("isms-record"), 3u);
}

TEST_P(IsmsStoreSuite, ABatchIsWrittenWholeOrNotAtAll) {
  auto& repo = store->isms();
  std::vector<core::IsmsRecord> batch{context("CTX-001", "One"), context("CTX-002", "Two"),
                                      context("ctx-001", "Twin")};
  auto r = repo.write_records(batch);
  ASSERT_FALSE(r);
  EXPECT_EQ(repo.records(organization, "context", {})->total, 0u);
  EXPECT_EQ(audit_rows("isms-record"), 0u);
  batch.pop_back();
  auto ok = repo.write_records(batch);
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_EQ(*ok, 2u);
}

TEST_P(IsmsStoreSuite, CommentsAreAuditedAndAnInvalidRecordIsRefused) {
  auto& repo = store->isms();
  auto a = repo.create_record(context("", "Ransomware"));
  ASSERT_TRUE(a);
  auto c = repo.add_comment(a->id, "Sample taken for the stage 2 audit");
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_EQ(c->author, "alice");
  EXPECT_EQ(repo.comments(a->id)->size(), 1u);
  EXPECT_EQ(audit_rows("isms-comment"), 1u);
  auto bad = context("", "No category");
  bad.fields.erase("category");
  auto refused = repo.create_record(bad);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().field, "category");
}

INSTANTIATE_TEST_SUITE_P(Backends, IsmsStoreSuite, ::testing::ValuesIn(k_backends),
                         testing_support::store_backend_name);

}  // namespace
}  // namespace cyberframe::store
