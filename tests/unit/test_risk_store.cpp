// The risk repository's contract (store/risk_store.hpp) on every backend: versions, refs unique
// without regard to case, links within the organization, lists filtered and paged in the store,
// the SoA's versions (a change after approval starts a draft), and one audit row per change.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "store/store.hpp"
#include "store_backends.hpp"
#include "temp_dir.hpp"

namespace cyberframe::store {
namespace {

namespace fs = std::filesystem;

using Backend = testing_support::StoreBackend;
const auto& k_backends = testing_support::k_store_backends;

class RiskStoreSuite : public ::testing::TestWithParam<Backend> {
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

  core::Asset asset(const std::string& ref, std::int64_t org = 0) {
    core::Asset a;
    a.organization = org ? org : organization;
    a.ref = ref;
    a.name = "Asset " + ref;
    a.kind = core::AssetKind::k_hardware;
    a.owner = "IT";
    a.confidentiality = 2;
    return a;
  }

  core::Risk risk(const std::string& ref) {
    core::Risk r;
    r.organization = organization;
    r.ref = ref;
    r.title = "Risk " + ref;
    r.criteria = "cyberframe-5x5";
    r.criteria_version = 1;
    r.inherent = {4, 4};
    r.residual = {2, 2};
    r.owner = "CISO";
    r.treatment = core::Treatment::k_modify;
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
    Dir() : testing_support::TempDir("cyberframe-risk-store-") {}
  } dir;
  std::unique_ptr<Store> store;
  std::int64_t organization = 0, other_organization = 0;
};

TEST_P(RiskStoreSuite, AssetsAreVersionedAndTheirRefsUniqueWithoutRegardToCase) {
  auto& repo = store->risks();
  auto a = repo.create_asset(asset("AS-001"));
  ASSERT_TRUE(a) << a.error().message;
  EXPECT_EQ(a->version, 1);
  auto twin = repo.create_asset(asset("as-001"));
  ASSERT_FALSE(twin);
  EXPECT_EQ(twin.error().code, util::ErrorCode::k_conflict);
  EXPECT_EQ(twin.error().field, "ref");
  // Another organization may use the same ref.
  EXPECT_TRUE(repo.create_asset(asset("AS-001", other_organization)));

  auto changed = *a;
  changed.name = "Server cluster";
  auto v2 = repo.update_asset(changed);
  ASSERT_TRUE(v2) << v2.error().message;
  EXPECT_EQ(v2->version, 2);
  // A write from the version read before is refused and changes nothing.
  changed.name = "Lost update";
  auto stale = repo.update_asset(changed);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, util::ErrorCode::k_conflict);
  EXPECT_NE(stale.error().message.find("alice"), std::string::npos) << stale.error().message;
  auto now = repo.asset(organization, "as-001");
  ASSERT_TRUE(now);
  EXPECT_EQ(now->name, "Server cluster");
  EXPECT_EQ(audit_rows("asset"), 3u);
}

TEST_P(RiskStoreSuite, LinksStayInsideTheOrganizationAndParentsDoNotLoop) {
  auto& repo = store->risks();
  auto a = repo.create_asset(asset("AS-001"));
  auto b = repo.create_asset(asset("AS-002"));
  auto foreign = repo.create_asset(asset("X-1", other_organization));
  ASSERT_TRUE(a && b && foreign);
  auto child = *b;
  child.parent = a->id;
  child.depends_on = {foreign->id};
  auto refused = repo.update_asset(child);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, util::ErrorCode::k_invalid_input);
  child.depends_on = {a->id};
  auto linked = repo.update_asset(child);
  ASSERT_TRUE(linked) << linked.error().message;
  auto parent = *a;
  parent.parent = b->id;  // A under B under A
  auto loop = repo.update_asset(parent);
  ASSERT_FALSE(loop);
  EXPECT_NE(loop.error().message.find("under itself"), std::string::npos);

  auto r = risk("R-1");
  r.assets = {foreign->id};
  auto bad = repo.create_risk(r);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, util::ErrorCode::k_invalid_input);
  EXPECT_EQ(audit_rows("risk"), 0u);
}

TEST_P(RiskStoreSuite, TheRegisterIsFilteredAndPagedInTheStore) {
  auto& repo = store->risks();
  auto server = repo.create_asset(asset("AS-001"));
  ASSERT_TRUE(server);
  for (int i = 1; i <= 12; ++i) {
    auto r = risk("R-" + std::string(i < 10 ? "0" : "") + std::to_string(i));
    if (i % 3 == 0) {
      r.assets = {server->id};
      r.controls = {core::parse_control_link("A.8.8")};
      r.owner = "IT operations";
    }
    if (i == 12) r.closed = true;
    ASSERT_TRUE(repo.create_risk(r));
  }
  core::RiskQuery q;
  q.slice = {5, 0};
  auto page = repo.risks(organization, q);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->total, 11u);  // the closed one left out
  ASSERT_EQ(page->items.size(), 5u);
  EXPECT_EQ(page->items.front().ref, "R-01");
  q.slice = {5, 10};
  EXPECT_EQ(repo.risks(organization, q)->items.size(), 1u);

  core::RiskQuery by_control;
  by_control.control = "A.8.8";
  by_control.slice = util::Slice::all();
  auto using_it = repo.risks(organization, by_control);
  ASSERT_TRUE(using_it);
  EXPECT_EQ(using_it->total, 3u);  // R-09 (R-12 is closed)
  ASSERT_FALSE(using_it->items.empty());
  ASSERT_EQ(using_it->items.front().controls.size(), 1u);
  EXPECT_EQ(core::to_string(using_it->items.front().controls.front()), "A.8.8");
  EXPECT_EQ(using_it->items.front().assets, std::vector<std::int64_t>{server->id});

  core::RiskQuery by_asset;
  by_asset.asset = server->id;
  by_asset.include_closed = true;
  by_asset.slice = util::Slice::all();
  EXPECT_EQ(repo.risks(organization, by_asset)->total, 4u);

  core::RiskQuery text;
  text.text = "it oper";  // the owner, without regard to case
  text.slice = util::Slice::all();
  EXPECT_EQ(repo.risks(organization, text)->total, 3u);
  core::RiskQuery percent;
  percent.text = "%";  // a character, not a wildcard
  percent.slice = util::Slice::all();
  EXPECT_EQ(repo.risks(organization, percent)->total, 0u);

  auto map = repo.heat_map(organization, "cyberframe-5x5");
  ASSERT_TRUE(map);
  EXPECT_EQ((map->inherent[{4, 4}]), 11u);
  EXPECT_EQ((map->residual[{2, 2}]), 11u);

  // What a page and the SoA read in one query each: the assets' refs, the treatment controls of
  // the open risks in the register's order.
  auto refs = repo.asset_refs({server->id, server->id + 1000});
  ASSERT_TRUE(refs) << refs.error().message;
  EXPECT_EQ(*refs, (std::map<std::int64_t, std::string>{{server->id, "AS-001"}}));
  EXPECT_TRUE(repo.asset_refs({})->empty());
  auto controls = repo.treatment_controls(organization);
  ASSERT_TRUE(controls) << controls.error().message;
  using Refs = std::map<std::string, std::vector<std::string>>;
  EXPECT_EQ(*controls, (Refs{{"A.8.8", {"R-03", "R-06", "R-09"}}}));
  EXPECT_TRUE(repo.treatment_controls(other_organization)->empty());
}

TEST_P(RiskStoreSuite, DecisionsAreKeptAndRevokedNotDeleted) {
  auto& repo = store->risks();
  auto r = repo.create_risk(risk("R-1"));
  ASSERT_TRUE(r);
  core::Decision d;
  d.risk = r->id;
  d.kind = core::DecisionKind::k_acceptance;
  d.justification = "Tolerable until the generator is installed";
  d.expires = "2027-06-30";
  d.state_hash = std::string(64, 'a');
  auto stored = repo.add_decision(d);
  ASSERT_TRUE(stored) << stored.error().message;
  EXPECT_EQ(stored->decided_by, "alice");
  auto revoked = repo.revoke_decision(stored->id);
  ASSERT_TRUE(revoked);
  EXPECT_TRUE(revoked->revoked);
  auto again = repo.revoke_decision(stored->id);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, util::ErrorCode::k_conflict);
  auto all = repo.organization_decisions(organization);
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 1u);
  EXPECT_TRUE(all->front().revoked);
  auto of_risk = repo.decisions_of({r->id});
  ASSERT_TRUE(of_risk) << of_risk.error().message;
  ASSERT_EQ(of_risk->size(), 1u);
  EXPECT_TRUE(of_risk->front().revoked);
  EXPECT_TRUE(repo.decisions_of({r->id + 1000})->empty());
  EXPECT_TRUE(repo.decisions_of({})->empty());
  EXPECT_EQ(audit_rows("decision"), 2u);
  // An acceptance without an expiry date is refused.
  d.expires.clear();
  EXPECT_FALSE(repo.add_decision(d));
}

TEST_P(RiskStoreSuite, AChangeAfterApprovalStartsTheNextDraft) {
  auto& repo = store->risks();
  core::SoaRow row;
  row.control = "A.8.8";
  row.reasons = {core::SoaReason::k_risk_treatment};
  auto first = repo.put_soa_row(organization, row, 0);
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->second.number, 1);
  EXPECT_EQ(first->first.version, 1);
  // Excluding without a justification is refused.
  core::SoaRow excluded = first->first;
  excluded.applicable = false;
  excluded.reasons.clear();
  EXPECT_FALSE(repo.put_soa_row(organization, excluded, 1));
  core::SoaRow seed_row;
  seed_row.control = "A.5.1";
  seed_row.reasons = {core::SoaReason::k_business};
  auto approved = repo.approve_soa(organization, 1, "board, 2026-11-12", {row, seed_row});
  ASSERT_TRUE(approved) << approved.error().message;
  EXPECT_EQ(approved->status, core::SoaStatus::k_approved);
  auto v1 = repo.soa(organization, 1);
  ASSERT_TRUE(v1);
  EXPECT_EQ(v1->rows.size(), 2u);  // the seed's row stored so that the version is whole
  // Approving again, or another number, is refused.
  EXPECT_FALSE(repo.approve_soa(organization, 1, "", {}));
  excluded.justification = "Patching is the cloud provider's";
  auto draft = repo.put_soa_row(organization, excluded, 1);
  ASSERT_TRUE(draft) << draft.error().message;
  EXPECT_EQ(draft->second.number, 2);
  EXPECT_EQ(draft->second.status, core::SoaStatus::k_draft);
  // Version 1 is frozen as approved.
  auto frozen = repo.soa(organization, 1);
  ASSERT_TRUE(frozen);
  auto kept =
      std::ranges::find_if(frozen->rows, [](const auto& r) { return r.control == "A.8.8"; });
  ASSERT_NE(kept, frozen->rows.end());
  EXPECT_TRUE(kept->applicable);
  auto v2 = repo.soa(organization, 0);
  ASSERT_TRUE(v2);
  EXPECT_EQ(v2->version.number, 2);
  EXPECT_EQ(v2->rows.size(), 2u);
  // A write from the row as read in version 1 is stale now.
  auto stale = repo.put_soa_row(organization, excluded, 1);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, util::ErrorCode::k_conflict);
  auto versions = repo.soa_versions(organization);
  ASSERT_TRUE(versions);
  EXPECT_EQ(versions->size(), 2u);
  EXPECT_TRUE(repo.soa_versions(other_organization)->empty());
}

TEST_P(RiskStoreSuite, AnImportIsAllOrNothing) {
  auto& repo = store->risks();
  std::vector<core::Asset> assets = {asset("AS-1"), asset("AS-2")};
  std::vector<std::pair<std::string, std::vector<std::string>>> links = {{"", {}},
                                                                         {"AS-1", {"AS-1"}}};
  auto r1 = risk("R-1");
  auto r2 = risk("r-1");  // the same ref: the second refused, so nothing stays
  auto done = repo.import_register(organization, assets, links, {r1, r2}, {{"AS-2"}, {}});
  ASSERT_FALSE(done);
  core::AssetQuery q;
  q.slice = util::Slice::all();
  EXPECT_EQ(repo.assets(organization, q)->total, 0u);
  EXPECT_EQ(audit_rows("asset"), 0u);
  auto ok = repo.import_register(organization, assets, links, {r1}, {{"AS-2"}});
  ASSERT_TRUE(ok) << ok.error().message;
  auto child = repo.asset(organization, "AS-2");
  ASSERT_TRUE(child);
  ASSERT_TRUE(child->parent);
  auto stored = repo.risk(organization, "R-1");
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->assets, std::vector<std::int64_t>{child->id});
}

INSTANTIATE_TEST_SUITE_P(Backends, RiskStoreSuite, ::testing::ValuesIn(k_backends),
                         testing_support::store_backend_name);

}  // namespace
}  // namespace cyberframe::store
