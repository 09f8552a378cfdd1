// workspace::project_profile: the projection of a profile onto another framework through the
// workspace layer,
// shared by `cyberframe profile project` and POST /api/v1/profiles/{id}/project.

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>

#include "catalog/loader.hpp"
#include "store/store.hpp"
#include "workspace/projection.hpp"

namespace cyberframe::workspace {

using store::open_sqlite;
namespace {

namespace fs = std::filesystem;

const core::Catalog& cat() {
  static const catalog::LoadResult result = catalog::load_builtin();
  return result.catalog;
}

class ProfileProjectionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path =
        fs::temp_directory_path() / ("cyberframe-projection-" + std::to_string(::getpid()) + "-" +
                                     std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    fs::remove_all(path);
    fs::create_directories(path);
    auto s = open_sqlite(path / "w.db");
    ASSERT_TRUE(s) << s.error().message;
    ws = std::make_unique<Workspace>(std::move(*s));
    store = &ws->storage();
    auto org = store->create_organization("ACME", "");
    ASSERT_TRUE(org);
    core::Profile p;
    p.organization = org->id;
    p.name = "Now";
    p.framework = "nist-csf-1.1";
    auto created = store->create_profile(p);
    ASSERT_TRUE(created) << created.error().message;
    source = *created;
    for (auto [node, level] : {std::pair{"ID.AM-1", 3}, {"ID.AM-2", 2}}) {
      core::NodeAssessment a;
      a.node = node;
      a.level = level;
      ASSERT_TRUE(store->put_node_assessment(source.id, a, 0, "bob"));
    }
    auto cw = engine.crosswalk("nist-csf-1.1", "nist-csf-2.0");
    ASSERT_TRUE(cw) << cw.error().message;
    crosswalk = *cw;
  }
  void TearDown() override {
    store = nullptr;
    ws.reset();
    fs::remove_all(path);
  }

  fs::path path;
  std::unique_ptr<Workspace> ws;
  store::Store* store = nullptr;
  core::Profile source;
  core::CrosswalkEngine engine{cat(), {}};
  std::shared_ptr<const core::Crosswalk> crosswalk;
};

TEST_F(ProfileProjectionTest, TheTargetMustBeAnotherKnownFramework) {
  auto unknown = check_projection_target(cat(), source, "no-such-framework");
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().field, ProjectionField::k_to);
  EXPECT_EQ(unknown.error().error.code, util::ErrorCode::k_not_found);
  EXPECT_EQ(unknown.error().error.message, "unknown framework 'no-such-framework'");
  auto same = check_projection_target(cat(), source, "nist-csf-1.1");
  ASSERT_FALSE(same);
  EXPECT_EQ(same.error().field, ProjectionField::k_to);
  EXPECT_EQ(same.error().error.message, "profile Now is already on nist-csf-1.1");
  EXPECT_TRUE(check_projection_target(cat(), source, "nist-csf-2.0"));
}

TEST_F(ProfileProjectionTest, ADryRunWritesNothingAndARealRunCreatesTheDestination) {
  auto dry = project_profile(*ws, cat(), source, *crosswalk, "", true, "bob");
  ASSERT_TRUE(dry) << dry.error().error.message;
  EXPECT_EQ(dry->destination.id, 0);
  EXPECT_EQ(dry->destination.name, "Now on nist-csf-2.0");
  EXPECT_FALSE(dry->created);
  EXPECT_EQ(dry->written, 0u);
  EXPECT_FALSE(dry->rows.empty());
  EXPECT_EQ(store->profile("ACME/Now on nist-csf-2.0").error().code, util::ErrorCode::k_not_found);

  auto run = project_profile(*ws, cat(), source, *crosswalk, "", false, "bob");
  ASSERT_TRUE(run) << run.error().error.message;
  EXPECT_TRUE(run->created);
  EXPECT_FALSE(run->existed);
  EXPECT_EQ(run->written, dry->rows.size());
  auto rows = *store->node_assessments(run->destination.id);
  EXPECT_EQ(rows["ID.AM-01"].level, 3);  // ID.AM-1 equivalent ID.AM-01
  auto summary = projection_summary_json(*run);
  EXPECT_EQ(summary["projected"], run->count(core::ProjectionOutcome::k_projected));
  EXPECT_GE(summary["projected"].get<std::size_t>(), 1u);
  EXPECT_EQ(summary["rows_written"], run->written);
  auto nodes = projection_nodes_json(run->projection);
  ASSERT_EQ(nodes.size(), run->projection.nodes.size());
}

// A new destination and its rows are one unit of work: when a row cannot be written, the profile
// is not left behind empty.
TEST_F(ProfileProjectionTest, ANewDestinationWhoseRowsFailIsNotCreated) {
  core::Profile dest;
  dest.organization = source.organization;
  dest.name = "Half";
  dest.framework = "nist-csf-2.0";
  core::NodeAssessment good;
  good.node = "ID.AM-01";
  good.level = 3;
  auto stale = good;
  stale.node = "ID.AM-02";
  stale.version = 4;  // read at a version the new profile cannot have: refused as a conflict
  auto made = ws->create_projected_profile("bob", dest, {good, stale}, source.id);
  ASSERT_FALSE(made);
  EXPECT_EQ(made.error().code, util::ErrorCode::k_conflict) << made.error().message;
  EXPECT_EQ(store->profile("ACME/Half").error().code, util::ErrorCode::k_not_found);
  auto trail = store->audit_log("profile", "", 50);
  ASSERT_TRUE(trail);
  for (const auto& row : *trail) EXPECT_EQ(row.after.find("Half"), std::string::npos) << row.after;

  auto whole = ws->create_projected_profile("bob", dest, {good}, source.id);
  ASSERT_TRUE(whole) << whole.error().message;
  EXPECT_EQ(whole->second, 1u);
  EXPECT_EQ((*store->node_assessments(whole->first.id))["ID.AM-01"].level, 3);
}

TEST_F(ProfileProjectionTest, ADirectAssessmentInTheDestinationIsKept) {
  ASSERT_TRUE(project_profile(*ws, cat(), source, *crosswalk, "View", false, "bob"));
  auto dest = *store->profile("ACME/View");
  auto row = (*store->node_assessments(dest.id))["ID.AM-01"];
  row.level = 5;
  ASSERT_TRUE(store->put_node_assessment(dest.id, row, row.version, "carol"));
  auto again = project_profile(*ws, cat(), source, *crosswalk, "View", false, "bob");
  ASSERT_TRUE(again) << again.error().error.message;
  EXPECT_TRUE(again->existed);
  EXPECT_FALSE(again->created);
  EXPECT_EQ(again->count(core::ProjectionOutcome::k_kept_direct), 1u);
  EXPECT_EQ(again->written, 0u);
  EXPECT_EQ((*store->node_assessments(dest.id))["ID.AM-01"].level, 5);
}

// A workspace from before names were checked may name an organization like another's id: the
// destination is still looked for in the source's own organization.
TEST_F(ProfileProjectionTest, TheDestinationIsInTheSourcesOrganizationWhateverItsName) {
  auto other = store->create_organization("Other", "");
  ASSERT_TRUE(other);
  core::Profile theirs;
  theirs.organization = other->id;
  theirs.name = "View";
  theirs.framework = "nist-csf-2.0";
  auto their_view = store->create_profile(theirs);
  ASSERT_TRUE(their_view);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((path / "w.db").c_str(), &db), SQLITE_OK);
  auto sql = "UPDATE organization SET name = '" + std::to_string(other->id) +
             "', name_key = NULL WHERE id = " + std::to_string(source.organization);
  EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  auto run = project_profile(*ws, cat(), source, *crosswalk, "View", false, "bob");
  ASSERT_TRUE(run) << run.error().error.message;
  EXPECT_TRUE(run->created);
  EXPECT_EQ(run->destination.organization, source.organization);
  EXPECT_TRUE(store->node_assessments(their_view->id)->empty()) << "the other's is untouched";
}

TEST_F(ProfileProjectionTest, ADestinationOnAnotherFrameworkIsRefusedAndNothingIsWritten) {
  core::Profile other;
  other.organization = source.organization;
  other.name = "Other";
  other.framework = "iso-tr-27103-2018";
  ASSERT_TRUE(store->create_profile(other));
  auto counter = *store->change_counter();
  auto r = project_profile(*ws, cat(), source, *crosswalk, "Other", false, "bob");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, ProjectionField::k_into);
  EXPECT_EQ(r.error().error.message, "profile Other is on iso-tr-27103-2018, not nist-csf-2.0");
  EXPECT_EQ(*store->change_counter(), counter);
}

TEST_F(ProfileProjectionTest, ADestinationOnAnotherScaleIsRefusedAndNothingIsWritten) {
  core::Scale four{
      "acme-1-4",
      "ACME maturity",
      {{1, "Ad hoc", ""}, {2, "Repeatable", ""}, {3, "Defined", ""}, {4, "Managed", ""}}};
  ASSERT_TRUE(store->add_scale(four));
  core::Profile other;
  other.organization = source.organization;
  other.name = "Other";
  other.framework = "nist-csf-2.0";
  other.scale = four.id;
  ASSERT_TRUE(store->create_profile(other));
  auto counter = *store->change_counter();
  auto r = project_profile(*ws, cat(), source, *crosswalk, "Other", false, "bob");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, ProjectionField::k_into);
  EXPECT_NE(r.error().error.message.find("profile Other is on scale acme-1-4"), std::string::npos)
      << r.error().error.message;
  EXPECT_EQ(*store->change_counter(), counter);
}

}  // namespace
}  // namespace cyberframe::workspace
