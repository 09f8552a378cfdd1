// The documents repository's contract (store/document_store.hpp) on every backend: refs assigned
// and unique without regard to case, versions written as the workflow left them, a stale write
// refused, files kept once per content, lists filtered (type, state, owner, overdue, deleted)
// and paged in the store, acknowledgements once per person, settings, and one audit row per
// change that holds the file's hash, never its bytes.
#include <gtest/gtest.h>

#include "store/store.hpp"
#include "store_backends.hpp"
#include "temp_dir.hpp"
#include "util/digest.hpp"

namespace cyberframe::store {
namespace {

using Backend = testing_support::StoreBackend;
const auto& k_backends = testing_support::k_store_backends;

const std::string k_now = "2026-12-07T10:00:00Z";
const std::string k_bytes = "SECRET-BODY-TEXT of the policy\n";

class DocumentStoreSuite : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    store = GetParam().open(dir.path);
    ASSERT_NE(store, nullptr);
    store->set_actor("alice");
    auto org = store->create_organization("ACME", "Plants");
    ASSERT_TRUE(org) << org.error().message;
    organization = org->id;
    auto other = store->create_organization("Other Ltd", "");
    ASSERT_TRUE(other);
    other_organization = other->id;
  }

  core::Document draft(const std::string& ref, const std::string& title,
                       const std::string& bytes = k_bytes, std::int64_t org = 0) {
    core::Document d;
    d.organization = org ? org : organization;
    d.ref = ref;
    d.title = title;
    d.owner = "CISO";
    d.distribution = {"Anna", "Ben"};
    core::start_first_version(d, "alice", k_now,
                              core::FileData{"policy.md", util::sha256_hex(bytes),
                                             static_cast<std::int64_t>(bytes.size())},
                              "first");
    return d;
  }

  std::size_t audit_rows(const std::string& entity) {
    core::AuditQuery q;
    q.entity = entity;
    auto rows = store->audit_count(q);
    return rows ? static_cast<std::size_t>(*rows) : 0;
  }

  struct Dir : testing_support::TempDir {
    Dir() : testing_support::TempDir("cyberframe-document-store-") {}
  } dir;
  std::unique_ptr<Store> store;
  std::int64_t organization = 0, other_organization = 0;
};

TEST_P(DocumentStoreSuite, RefsAreAssignedAndUniqueWithoutRegardToCase) {
  auto& repo = store->documents();
  auto a = repo.create_document(draft("", "Policy"), k_bytes);
  ASSERT_TRUE(a) << a.error().message;
  EXPECT_EQ(a->ref, "DOC-001");
  EXPECT_EQ(a->version, 1);
  ASSERT_EQ(a->versions.size(), 1u);
  EXPECT_EQ(a->versions[0].sha256, util::sha256_hex(k_bytes));
  auto b = repo.create_document(draft("DOC-007", "Seventh"), k_bytes);
  ASSERT_TRUE(b);
  auto c = repo.create_document(draft("", "Next"), k_bytes);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->ref, "DOC-008");
  auto twin = repo.create_document(draft("doc-007", "Twin"), k_bytes);
  ASSERT_FALSE(twin);
  EXPECT_EQ(twin.error().code, util::ErrorCode::k_conflict);
  EXPECT_EQ(twin.error().field, "ref");
  EXPECT_TRUE(
      repo.create_document(draft("DOC-007", "Elsewhere", k_bytes, other_organization), k_bytes));
}

TEST_P(DocumentStoreSuite, StepsAreStoredAndAStaleWriteIsRefused) {
  auto& repo = store->documents();
  auto d = repo.create_document(draft("DOC-001", "Policy"), k_bytes);
  ASSERT_TRUE(d);
  auto read = *d;
  ASSERT_TRUE(core::submit(*d, "alice", k_now, "bob"));
  auto submitted = repo.save_document(*d, "submit", std::nullopt);
  ASSERT_TRUE(submitted) << submitted.error().message;
  EXPECT_EQ(submitted->version, 2);
  EXPECT_EQ(submitted->versions[0].state, core::VersionState::k_in_review);
  EXPECT_EQ(submitted->versions[0].reviewer, "bob");
  // From the version read before: refused, nothing changed.
  read.title = "Lost update";
  auto stale = repo.save_document(read, "update", std::nullopt);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, util::ErrorCode::k_conflict);
  auto now = repo.document(organization, "doc-001");
  ASSERT_TRUE(now);
  EXPECT_EQ(now->title, "Policy");
  EXPECT_EQ(core::state_of(*now), core::VersionState::k_in_review);
  ASSERT_TRUE(core::approve(*now, "carol", k_now, {}, false, "2026-01-01"));
  auto published = repo.save_document(*now, "approve-publish", std::nullopt);
  ASSERT_TRUE(published);
  EXPECT_EQ(published->versions[0].approver, "carol");
  EXPECT_EQ(published->next_review, "2026-01-01");
}

TEST_P(DocumentStoreSuite, FilesAreKeptOncePerContentAndAuditedByHash) {
  auto& repo = store->documents();
  auto d = repo.create_document(draft("DOC-001", "Policy"), k_bytes);
  ASSERT_TRUE(d);
  ASSERT_TRUE(core::submit(*d, "alice", k_now, ""));
  ASSERT_TRUE(core::approve(*d, "carol", k_now, {}, false, ""));
  auto p = repo.save_document(*d, "approve-publish", std::nullopt);
  ASSERT_TRUE(p);
  // The revision's file has the same bytes: one blob serves both versions.
  ASSERT_TRUE(core::revise(*p, "alice", k_now,
                           core::FileData{"policy-v2.md", util::sha256_hex(k_bytes),
                                          static_cast<std::int64_t>(k_bytes.size())},
                           "same text"));
  auto r = repo.save_document(*p, "revise", k_bytes);
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->versions.size(), 2u);
  EXPECT_EQ(r->versions[0].sha256, r->versions[1].sha256);
  auto bytes = repo.file_bytes(r->versions[1].sha256);
  ASSERT_TRUE(bytes);
  EXPECT_EQ(*bytes, k_bytes);
  EXPECT_EQ(repo.file_bytes(std::string(64, '0')).error().code, util::ErrorCode::k_not_found);
  // A version naming a file that is not stored is refused.
  auto broken = *r;
  broken.versions[1].sha256 = std::string(64, 'f');
  EXPECT_FALSE(repo.save_document(broken, "upload", std::nullopt));
  // The audit rows hold the hash, never the bytes.
  EXPECT_EQ(audit_rows("document"), 3u);
  core::AuditQuery q;
  q.entity = "document";
  q.limit = 10;
  auto rows = store->audit_log(q);
  ASSERT_TRUE(rows);
  for (const auto& row : *rows) {
    EXPECT_EQ(row.after.find("SECRET-BODY-TEXT"), std::string::npos);
  }
  EXPECT_NE(rows->back().after.find(util::sha256_hex(k_bytes)), std::string::npos);
}

TEST_P(DocumentStoreSuite, ListsAreFilteredAndPagedInTheStore) {
  auto& repo = store->documents();
  for (int i = 1; i <= 5; ++i) {
    auto d = draft("", "Doc " + std::to_string(i));
    if (i == 2) d.type = core::DocumentType::k_procedure;
    if (i == 3) d.owner = "HR";
    auto c = repo.create_document(d, k_bytes);
    ASSERT_TRUE(c);
    if (i >= 4) {
      ASSERT_TRUE(core::submit(*c, "alice", k_now, ""));
      ASSERT_TRUE(core::approve(*c, "carol", k_now, {}, false, i == 4 ? "2026-01-01" : ""));
      ASSERT_TRUE(repo.save_document(*c, "approve-publish", std::nullopt));
    }
  }
  core::DocumentQuery q;
  q.slice = util::Slice{2, 1};
  auto page = repo.documents(organization, q);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->total, 5u);
  ASSERT_EQ(page->items.size(), 2u);
  EXPECT_EQ(page->items[0].ref, "DOC-002");
  q = {};
  q.type = core::DocumentType::k_procedure;
  EXPECT_EQ(repo.documents(organization, q)->total, 1u);
  q = {};
  q.owner = "HR";
  EXPECT_EQ(repo.documents(organization, q)->total, 1u);
  q = {};
  q.state = core::VersionState::k_published;
  EXPECT_EQ(repo.documents(organization, q)->total, 2u);
  q = {};
  q.overdue = true;
  q.today = "2026-12-07";
  auto overdue = repo.documents(organization, q);
  ASSERT_TRUE(overdue);
  ASSERT_EQ(overdue->total, 1u);
  EXPECT_EQ(overdue->items[0].ref, "DOC-004");
  q = {};
  q.text = "doc 3";
  EXPECT_EQ(repo.documents(organization, q)->total, 1u);
  // Soft delete: hidden from the list, listed with deleted, restorable.
  auto one = repo.document(organization, "DOC-001");
  one->deleted = true;
  ASSERT_TRUE(repo.save_document(*one, "delete", std::nullopt));
  q = {};
  EXPECT_EQ(repo.documents(organization, q)->total, 4u);
  q.deleted = true;
  EXPECT_EQ(repo.documents(organization, q)->total, 1u);
  EXPECT_EQ(repo.documents(other_organization, {})->total, 0u);
}

TEST_P(DocumentStoreSuite, AcknowledgementsOncePerPersonAndSettings) {
  auto& repo = store->documents();
  auto d = repo.create_document(draft("DOC-001", "Policy"), k_bytes);
  ASSERT_TRUE(d);
  auto a = repo.acknowledge(d->id, 1, "Anna");
  ASSERT_TRUE(a);
  auto again = repo.acknowledge(d->id, 1, "anna");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->acknowledged_at, a->acknowledged_at);
  auto acks = repo.acknowledgements(d->id);
  ASSERT_TRUE(acks);
  EXPECT_EQ(acks->size(), 1u);
  auto none = repo.settings(organization);
  ASSERT_TRUE(none);
  EXPECT_TRUE(none->empty());
  ASSERT_TRUE(repo.put_settings(organization, {{"self-approval", "forbid"}}));
  ASSERT_TRUE(repo.put_settings(organization, {{"self-approval", "allow"}}));
  EXPECT_EQ(repo.settings(organization)->at("self-approval"), "allow");
  EXPECT_TRUE(repo.settings(other_organization)->empty());
  EXPECT_EQ(audit_rows("organization-settings"), 2u);
}

INSTANTIATE_TEST_SUITE_P(Backends, DocumentStoreSuite, ::testing::ValuesIn(k_backends),
                         testing_support::store_backend_name);

}  // namespace
}  // namespace cyberframe::store
