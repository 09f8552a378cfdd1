// The measurement values' repository (store/measurement_store.hpp) on every backend: one value
// per measurement and date (a second one k_conflict), corrections and removals with the version
// read and an audit row each, the list filtered by measurement and dates and paged in the store,
// the newest values of many measurements in one query, imports all or none.
#include <gtest/gtest.h>

#include "store/store.hpp"
#include "store_backends.hpp"
#include "temp_dir.hpp"

namespace cyberframe::store {
namespace {

using Backend = testing_support::StoreBackend;
const auto& k_backends = testing_support::k_store_backends;

class MeasurementStoreSuite : public ::testing::TestWithParam<Backend> {
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

  core::MeasurementValue value(const std::string& ref, const std::string& date, double v,
                               std::int64_t org = 0) {
    core::MeasurementValue out;
    out.organization = org ? org : organization;
    out.measurement = ref;
    out.date = date;
    out.value = v;
    return out;
  }

  std::size_t audit_rows(const std::string& action = "") {
    core::AuditQuery q;
    q.entity = "measurement-value";
    q.action = action;
    auto rows = store->audit_count(q);
    EXPECT_TRUE(rows) << (rows ? "" : rows.error().message);
    return rows ? static_cast<std::size_t>(*rows) : 0;
  }

  struct Dir : testing_support::TempDir {
    Dir() : testing_support::TempDir("cyberframe-measurement-store-") {}
  } dir;
  std::unique_ptr<Store> store;
  std::int64_t organization = 0, other_organization = 0;
};

TEST_P(MeasurementStoreSuite, OneValuePerMeasurementAndDateTheSecondRefused) {
  auto& repo = store->measurements();
  auto v = repo.record_value(value("MEAS-001", "2026-09-30", 93.5));
  ASSERT_TRUE(v) << v.error().message;
  EXPECT_EQ(v->version, 1);
  EXPECT_EQ(v->recorded_by, "alice");
  EXPECT_DOUBLE_EQ(v->value, 93.5);
  auto again = repo.record_value(value("MEAS-001", "2026-09-30", 94));
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, util::ErrorCode::k_conflict);
  EXPECT_NE(again.error().message.find("93.5"), std::string::npos) << again.error().message;
  // Another organization, another date: both their own.
  EXPECT_TRUE(repo.record_value(value("MEAS-001", "2026-09-30", 50, other_organization)));
  EXPECT_TRUE(repo.record_value(value("MEAS-001", "2026-06-30", 91)));
  EXPECT_EQ(audit_rows("create"), 3u);
  auto read = repo.value(organization, "MEAS-001", "2026-09-30");
  ASSERT_TRUE(read);
  EXPECT_DOUBLE_EQ(read->value, 93.5);
}

TEST_P(MeasurementStoreSuite, ValuesKeepTheirExactNumber) {
  auto& repo = store->measurements();
  const double numbers[] = {0.1, -2.0, 1e-7, 123456789.125, 1.0 / 3};
  for (int i = 0; i < 5; ++i)
    ASSERT_TRUE(
        repo.record_value(value("MEAS-002", "2026-01-0" + std::to_string(i + 1), numbers[i])));
  auto page = repo.values(organization, {"MEAS-002", "", "", util::Slice::all()});
  ASSERT_TRUE(page);
  ASSERT_EQ(page->items.size(), 5u);
  EXPECT_EQ(page->items[0].value, 0.1);
  EXPECT_EQ(page->items[4].value, 1.0 / 3);
}

TEST_P(MeasurementStoreSuite, CorrectionsAndRemovalsNameTheVersionReadAndAreAudited) {
  auto& repo = store->measurements();
  auto v = repo.record_value(value("MEAS-001", "2026-09-30", 93.5));
  ASSERT_TRUE(v);
  store->set_actor("bob");
  auto c = *v;
  c.value = 95;
  c.note = "recount";
  auto corrected = repo.correct_value(c);
  ASSERT_TRUE(corrected) << corrected.error().message;
  EXPECT_EQ(corrected->version, 2);
  EXPECT_EQ(corrected->recorded_by, "bob");
  auto stale = repo.correct_value(c);  // still version 1
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, util::ErrorCode::k_conflict);
  EXPECT_EQ(audit_rows("update"), 1u);
  auto gone_stale = repo.delete_value(organization, "MEAS-001", "2026-09-30", 1);
  ASSERT_FALSE(gone_stale);
  auto gone = repo.delete_value(organization, "MEAS-001", "2026-09-30", 2);
  ASSERT_TRUE(gone) << gone.error().message;
  EXPECT_DOUBLE_EQ(gone->value, 95);
  EXPECT_EQ(audit_rows("delete"), 1u);
  auto missing = repo.value(organization, "MEAS-001", "2026-09-30");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, util::ErrorCode::k_not_found);
  // Now the date is free again.
  EXPECT_TRUE(repo.record_value(value("MEAS-001", "2026-09-30", 90)));
}

TEST_P(MeasurementStoreSuite, ListsAreFilteredAndPagedInTheStore) {
  auto& repo = store->measurements();
  const char* dates[] = {"2025-12-31", "2026-03-31", "2026-06-30", "2026-09-30"};
  for (const char* ref : {"MEAS-001", "MEAS-002"})
    for (int i = 0; i < 4; ++i) ASSERT_TRUE(repo.record_value(value(ref, dates[i], i)));
  auto all = repo.values(organization, {"", "", "", util::Slice::all()});
  ASSERT_TRUE(all);
  EXPECT_EQ(all->total, 8u);
  auto one = repo.values(organization, {"MEAS-002", "2026-03-31", "2026-06-30", {1, 1}});
  ASSERT_TRUE(one);
  EXPECT_EQ(one->total, 2u);
  ASSERT_EQ(one->items.size(), 1u);
  EXPECT_EQ(one->items[0].date, "2026-06-30");
  EXPECT_EQ(one->items[0].measurement, "MEAS-002");
  auto other = repo.values(other_organization, {"", "", "", util::Slice::all()});
  ASSERT_TRUE(other);
  EXPECT_EQ(other->total, 0u);
}

TEST_P(MeasurementStoreSuite, TheNewestValuesOfManyMeasurementsInOneQuery) {
  auto& repo = store->measurements();
  ASSERT_TRUE(repo.record_value(value("MEAS-001", "2026-06-30", 1)));
  ASSERT_TRUE(repo.record_value(value("MEAS-001", "2026-09-30", 2)));
  ASSERT_TRUE(repo.record_value(value("MEAS-002", "2026-03-31", 3)));
  ASSERT_TRUE(repo.record_value(value("MEAS-003", "2026-12-31", 4, other_organization)));
  auto latest = repo.latest_values(organization, {"MEAS-001", "MEAS-002", "MEAS-003"});
  ASSERT_TRUE(latest) << latest.error().message;
  ASSERT_EQ(latest->size(), 2u);
  EXPECT_EQ(latest->at("MEAS-001").date, "2026-09-30");
  EXPECT_EQ(latest->at("MEAS-002").value, 3);
  auto every = repo.latest_values(organization, {});
  ASSERT_TRUE(every);
  EXPECT_EQ(every->size(), 2u);
}

TEST_P(MeasurementStoreSuite, AnImportIsAllOrNoneAndCorrectsDatesAlreadyRecorded) {
  auto& repo = store->measurements();
  ASSERT_TRUE(repo.record_value(value("MEAS-001", "2026-09-30", 93.5)));
  auto counts = repo.import_values(
      organization, {value("MEAS-001", "2026-09-30", 93.5), value("MEAS-001", "2026-06-30", 90),
                     value("MEAS-002", "2026-06-30", 5)});
  ASSERT_TRUE(counts) << counts.error().message;
  EXPECT_EQ(counts->created, 2u);
  EXPECT_EQ(counts->unchanged, 1u);
  auto corrected = repo.import_values(organization, {value("MEAS-001", "2026-09-30", 94)});
  ASSERT_TRUE(corrected);
  EXPECT_EQ(corrected->corrected, 1u);
  EXPECT_EQ(repo.value(organization, "MEAS-001", "2026-09-30")->version, 2);
  // A bad value anywhere stores nothing.
  auto bad = repo.import_values(
      organization, {value("MEAS-003", "2026-06-30", 1), value("MEAS-003", "2026-02-30", 1)});
  ASSERT_FALSE(bad);
  auto page = repo.values(organization, {"MEAS-003", "", "", util::Slice::all()});
  ASSERT_TRUE(page);
  EXPECT_EQ(page->total, 0u);
}

INSTANTIATE_TEST_SUITE_P(Backends, MeasurementStoreSuite, ::testing::ValuesIn(k_backends),
                         testing_support::store_backend_name);

}  // namespace
}  // namespace cyberframe::store
