// The crosswalk engine: the relationship algebra, hand-checked chains over the small test catalog
// of tests/cli/data/crosswalk, workspace sets, validation, and projection of profiles.
#include <gtest/gtest.h>

#include "catalog/loader.hpp"
#include "core/crosswalk.hpp"

namespace cyberframe::core {
namespace {

using R = Relationship;

const Catalog& fixture() {
  static const auto result =
      catalog::load(std::string(CYBERFRAME_SOURCE_DIR) + "/tests/cli/data/crosswalk", {});
  return result.catalog;
}

TEST(CrosswalkAlgebra, FixtureLoads) {
  auto r = catalog::load(std::string(CYBERFRAME_SOURCE_DIR) + "/tests/cli/data/crosswalk", {});
  for (const auto& d : r.diagnostics) ADD_FAILURE() << d.to_string();
  EXPECT_TRUE(r.ok());
  EXPECT_NE(r.catalog.framework("fw-gamma"), nullptr);
}

TEST(CrosswalkAlgebra, Inverse) {
  EXPECT_EQ(inverse(R::k_subset_of), R::k_superset_of);
  EXPECT_EQ(inverse(R::k_superset_of), R::k_subset_of);
  for (auto r : {R::k_equal, R::k_equivalent, R::k_intersects_with, R::k_no_relationship})
    EXPECT_EQ(inverse(r), r);
}

// The whole table of docs/crosswalks.md, cell by cell (nullopt: no claim).
TEST(CrosswalkAlgebra, FullTable) {
  const R rs[] = {R::k_equal,       R::k_equivalent,      R::k_subset_of,
                  R::k_superset_of, R::k_intersects_with, R::k_no_relationship};
  using O = std::optional<R>;
  const O n = std::nullopt;
  const O table[6][6] = {
      // second: equal, equivalent, subset, superset, intersects, no-relationship
      {R::k_equal, R::k_equivalent, R::k_subset_of, R::k_superset_of, R::k_intersects_with,
       R::k_no_relationship},
      {R::k_equivalent, R::k_equivalent, R::k_subset_of, R::k_superset_of, R::k_intersects_with,
       R::k_no_relationship},
      {R::k_subset_of, R::k_subset_of, R::k_subset_of, n, n, n},
      {R::k_superset_of, R::k_superset_of, R::k_intersects_with, R::k_superset_of,
       R::k_intersects_with, n},
      {R::k_intersects_with, R::k_intersects_with, R::k_intersects_with, n, n, n},
      {R::k_no_relationship, R::k_no_relationship, n, n, n, n},
  };
  for (int i = 0; i < 6; ++i)
    for (int j = 0; j < 6; ++j)
      EXPECT_EQ(compose(rs[i], rs[j]), table[i][j])
          << to_string(rs[i]) << " then " << to_string(rs[j]);
}

// Reading a chain backwards gives the inverse of reading it forwards: the table is consistent
// with inversion (compose(a, b) inverted == compose(inv b, inv a)).
TEST(CrosswalkAlgebra, ConsistentWithInversion) {
  const R rs[] = {R::k_equal,       R::k_equivalent,      R::k_subset_of,
                  R::k_superset_of, R::k_intersects_with, R::k_no_relationship};
  for (auto a : rs)
    for (auto b : rs) {
      auto forward = compose(a, b);
      auto backward = compose(inverse(b), inverse(a));
      ASSERT_EQ(forward.has_value(), backward.has_value()) << to_string(a) << to_string(b);
      if (forward) {
        EXPECT_EQ(inverse(*forward), *backward);
      }
    }
}

TEST(CrosswalkAlgebra, Combine) {
  EXPECT_EQ(combine(R::k_subset_of, R::k_superset_of), R::k_equivalent);
  EXPECT_EQ(combine(R::k_intersects_with, R::k_subset_of), R::k_subset_of);
  EXPECT_EQ(combine(R::k_equal, R::k_intersects_with), R::k_equal);
  EXPECT_EQ(combine(R::k_no_relationship, R::k_intersects_with), R::k_intersects_with);
}

const CrosswalkEntry* find(const Crosswalk& cw, const std::string& s, const std::string& t) {
  for (const auto& e : cw.entries)
    if (e.source == s && e.target == t) return &e;
  return nullptr;
}

// The relationship the crosswalk states for the pair, or nullopt when it has no entry for it.
std::optional<R> relation(const Crosswalk& cw, const std::string& s, const std::string& t) {
  const auto* e = find(cw, s, t);
  return e ? std::optional(e->relationship) : std::nullopt;
}

TEST(Crosswalk, HandCheckedChainsAlphaToGamma) {
  CrosswalkEngine engine(fixture(), {});
  auto cw = engine.crosswalk("fw-alpha", "fw-gamma");
  ASSERT_TRUE(cw) << cw.error().message;
  const auto& x = **cw;
  // ID.AM-1 equal B.1.1, B.1.1 subset-of G.1.1: subset-of.
  auto* e = find(x, "ID.AM-1", "G.1.1");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->relationship, R::k_subset_of);
  EXPECT_EQ(path_to_string(e->path),
            "fw-alpha ID.AM-1 -[equal]-> fw-beta B.1.1 -[subset-of]-> fw-gamma G.1.1");
  // ID.AM-3 superset-of B.1.3, B.1.3 subset-of G.1.3: both contain B.1.3, so they intersect.
  EXPECT_EQ(relation(x, "ID.AM-3", "G.1.3"), R::k_intersects_with);
  // ID.AM-2 subset-of B.1.2, B.1.2 superset-of G.1.2: both inside B.1.2, nothing known: no claim.
  EXPECT_EQ(find(x, "ID.AM-2", "G.1.2"), nullptr);
  // ID.AM-2 subset-of B.1.2 subset-of G.1.4: subset-of.
  EXPECT_EQ(relation(x, "ID.AM-2", "G.1.4"), R::k_subset_of);
  EXPECT_EQ(x.entries.size(), 3u);
}

TEST(Crosswalk, ReverseDirectionInverts) {
  CrosswalkEngine engine(fixture(), {});
  auto cw = engine.crosswalk("fw-gamma", "fw-alpha");
  ASSERT_TRUE(cw);
  auto* e = find(**cw, "G.1.1", "ID.AM-1");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->relationship, R::k_superset_of);
  EXPECT_TRUE(e->path.front().inverse);
  EXPECT_EQ(find(**cw, "G.1.2", "ID.AM-2"), nullptr);
}

TEST(Crosswalk, ReferencesThroughEditionMapping) {
  CrosswalkEngine engine(fixture(), {});
  auto cw = engine.crosswalk("fw-alpha", "std-a-2022");
  ASSERT_TRUE(cw);
  // ID.AM-1 cites 1.1 (intersects-with), 1.1 subset-of 5.1: intersects-with.
  auto* e = find(**cw, "ID.AM-1", "5.1");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->relationship, R::k_intersects_with);
  ASSERT_EQ(e->path.size(), 2u);
  EXPECT_EQ(e->path[0].origin, SetOrigin::k_references);
  EXPECT_EQ(e->path[1].mapping_set, "std-a-2013-to-2022");
  // ID.AM-2 cites 2.2, 2.2 superset-of 5.3: the cited part may be outside 5.3: no claim.
  EXPECT_EQ(find(**cw, "ID.AM-2", "5.3"), nullptr);
  EXPECT_NE(find(**cw, "ID.AM-3", "5.2"), nullptr);
  EXPECT_EQ((**cw).entries.size(), 2u);
}

TEST(Crosswalk, StatedNoRelationshipOnADirectSet) {
  CrosswalkEngine engine(fixture(), {});
  auto cw = engine.crosswalk("fw-alpha", "fw-beta");
  ASSERT_TRUE(cw);
  EXPECT_EQ(relation(**cw, "ID.AM-4", ""), R::k_no_relationship);
  // Two frameworks citing the same clause are not related by it (intersects twice: no claim).
  auto cw2 = engine.crosswalk("fw-beta", "fw-alpha");
  ASSERT_TRUE(cw2);
  EXPECT_EQ(relation(**cw2, "B.1.1", "ID.AM-1"), R::k_equal);
}

MappingSet gamma_to_alpha() {
  MappingSet s;
  s.id = "my-gamma-to-alpha";
  s.title = "Ours";
  s.source = {CatalogItemRef::Kind::k_framework, "fw-gamma"};
  s.target = {CatalogItemRef::Kind::k_framework, "fw-alpha"};
  s.provenance.method = Method::k_user_authored;
  Mapping m;
  m.source = "G.1.1";
  m.targets = {"ID.AM-1"};
  m.relationship = R::k_subset_of;
  m.rationale = "gamma's inventory is part of alpha's";
  s.mappings.push_back(m);
  return s;
}

TEST(Crosswalk, WorkspaceSetJoinsAndSubsetPlusSupersetIsEquivalent) {
  auto set = gamma_to_alpha();
  ASSERT_TRUE(validate_mapping_set(fixture(), set));
  CrosswalkEngine engine(fixture(), {set});
  auto cw = engine.crosswalk("fw-alpha", "fw-gamma");
  ASSERT_TRUE(cw);
  auto* e = find(**cw, "ID.AM-1", "G.1.1");
  ASSERT_NE(e, nullptr);
  // Via beta: subset-of; via our set backwards: superset-of; together: equivalent.
  EXPECT_EQ(e->relationship, R::k_equivalent);
  EXPECT_EQ(e->paths, 2u);
  ASSERT_EQ(e->others.size(), 1u);
  std::set<R> seen{e->others[0].relationship};
  for (const auto& h : e->path) seen.insert(h.relationship);
  EXPECT_TRUE(seen.contains(R::k_superset_of));
  EXPECT_EQ(engine.set_counts().at(SetOrigin::k_workspace), 1u);
}

TEST(Crosswalk, CachedAndErrors) {
  CrosswalkEngine engine(fixture(), {});
  auto a = engine.crosswalk("fw-alpha", "fw-gamma");
  auto b = engine.crosswalk("fw-alpha", "fw-gamma");
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->get(), b->get());
  auto bad = engine.crosswalk("fw-alpha", "no-such");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, util::ErrorCode::k_not_found);
  EXPECT_NE(bad.error().message.find("no-such"), std::string::npos);
  auto same = engine.crosswalk("fw-alpha", "fw-alpha");
  ASSERT_FALSE(same);
  EXPECT_EQ(same.error().code, util::ErrorCode::k_invalid_input);
}

TEST(CrosswalkValidation, NamesTheField) {
  auto expect_error = [](MappingSet s, const std::string& part) {
    auto v = validate_mapping_set(fixture(), s);
    ASSERT_FALSE(v) << part;
    EXPECT_NE(v.error().message.find(part), std::string::npos) << v.error().message;
  };
  auto s = gamma_to_alpha();
  s.id = "Bad Id";
  expect_error(s, "id: 'Bad Id'");
  s = gamma_to_alpha();
  s.id = "fw-alpha";
  expect_error(s, "already an id of the catalog");
  s = gamma_to_alpha();
  s.title = " ";
  expect_error(s, "title:");
  s = gamma_to_alpha();
  s.target.id = "fw-nope";
  expect_error(s, "target: the catalog has no framework 'fw-nope'");
  s = gamma_to_alpha();
  s.target = s.source;
  expect_error(s, "two different catalogs");
  s = gamma_to_alpha();
  s.mappings[0].source = "G.9";
  expect_error(s, "mappings[0].source: framework fw-gamma has no node 'G.9'");
  s = gamma_to_alpha();
  s.mappings[0].targets = {"ID.AM-9"};
  expect_error(s, "mappings[0].target: framework fw-alpha has no node 'ID.AM-9'");
  s = gamma_to_alpha();
  s.mappings[0].relationship = R::k_no_relationship;
  expect_error(s, "no-relationship but names a target");
  s = gamma_to_alpha();
  s.mappings[0].targets.clear();
  expect_error(s, "has no target");
  s = gamma_to_alpha();
  s.mappings[0].rationale = std::string(2001, 'x');
  expect_error(s, "mappings[0].rationale");
  s = gamma_to_alpha();
  s.mappings.push_back(s.mappings[0]);
  expect_error(s, "mappings[1].target: G.1.1 to ID.AM-1 is mapped twice");
  // A standard with a clause list: clauses must exist.
  s = gamma_to_alpha();
  s.target = {CatalogItemRef::Kind::k_standard, "std-a-2022"};
  s.mappings[0].targets = {"9.9"};
  expect_error(s, "standard std-a-2022 has no clause '9.9'");
}

NodeAssessment level(const std::string& node, int l) {
  NodeAssessment a;
  a.node = node;
  a.level = l;
  a.version = 1;
  return a;
}

const ProjectedNode& node_of(const Projection& p, const std::string& id) {
  for (const auto& n : p.nodes)
    if (n.node == id) return n;
  throw std::runtime_error("no node " + id);
}

TEST(Projection, CoveringPartialAndNoClaim) {
  CrosswalkEngine engine(fixture(), {});
  auto cw = engine.crosswalk("fw-alpha", "fw-beta");
  ASSERT_TRUE(cw);
  std::map<std::string, NodeAssessment> src{{"ID.AM-1", level("ID.AM-1", 3)},
                                            {"ID.AM-2", level("ID.AM-2", 2)},
                                            {"ID.AM-3", level("ID.AM-3", 4)},
                                            {"ID.AM-4", level("ID.AM-4", 5)}};
  auto p = project(fixture(), **cw, src, {});
  ASSERT_EQ(p.nodes.size(), 3u);  // the leaves of beta
  EXPECT_EQ(node_of(p, "B.1.1").outcome, ProjectionOutcome::k_projected);
  EXPECT_EQ(node_of(p, "B.1.1").level, 3);
  // ID.AM-2 is only part of B.1.2: provisional.
  EXPECT_EQ(node_of(p, "B.1.2").outcome, ProjectionOutcome::k_partial);
  EXPECT_EQ(node_of(p, "B.1.2").level, 2);
  EXPECT_NE(node_of(p, "B.1.2").explanation.find("provisional"), std::string::npos);
  // ID.AM-3 contains B.1.3: covering.
  EXPECT_EQ(node_of(p, "B.1.3").outcome, ProjectionOutcome::k_projected);
  EXPECT_EQ(node_of(p, "B.1.3").level, 4);
  EXPECT_EQ(p.counts[ProjectionOutcome::k_projected], 2u);
}

TEST(Projection, PartialIsTheLowestAndNeverOverwritesDirect) {
  CrosswalkEngine engine(fixture(), {});
  auto cw = engine.crosswalk("fw-beta", "fw-gamma");
  ASSERT_TRUE(cw);
  // G.1.4 gets B.1.2 subset-of only; G.1.2 gets B.1.2 superset-of (covering).
  std::map<std::string, NodeAssessment> src{{"B.1.1", level("B.1.1", 4)},
                                            {"B.1.2", level("B.1.2", 1)}};
  auto p = project(fixture(), **cw, src, {{"G.1.2", level("G.1.2", 5)}});
  EXPECT_EQ(node_of(p, "G.1.1").outcome, ProjectionOutcome::k_partial);
  EXPECT_EQ(node_of(p, "G.1.1").level, 4);
  EXPECT_EQ(node_of(p, "G.1.2").outcome, ProjectionOutcome::k_kept_direct);
  EXPECT_EQ(node_of(p, "G.1.2").level, 5);                                // the level it keeps
  EXPECT_EQ(node_of(p, "G.1.3").outcome, ProjectionOutcome::k_no_claim);  // B.1.3 unassessed
  EXPECT_EQ(node_of(p, "G.1.5").outcome, ProjectionOutcome::k_no_claim);
}

TEST(Projection, SeveralPartialSourcesGiveTheMinimum) {
  // A workspace set adds a second partial source to G.1.1.
  MappingSet s;
  s.id = "extra";
  s.title = "Extra";
  s.source = {CatalogItemRef::Kind::k_framework, "fw-beta"};
  s.target = {CatalogItemRef::Kind::k_framework, "fw-gamma"};
  Mapping m;
  m.source = "B.1.3";
  m.targets = {"G.1.1"};
  m.relationship = R::k_intersects_with;
  s.mappings.push_back(m);
  CrosswalkEngine engine(fixture(), {s});
  auto cw = engine.crosswalk("fw-beta", "fw-gamma");
  ASSERT_TRUE(cw);
  std::map<std::string, NodeAssessment> src{{"B.1.1", level("B.1.1", 4)},
                                            {"B.1.3", level("B.1.3", 2)}};
  auto p = project(fixture(), **cw, src, {});
  EXPECT_EQ(node_of(p, "G.1.1").outcome, ProjectionOutcome::k_partial);
  EXPECT_EQ(node_of(p, "G.1.1").level, 2);
  EXPECT_EQ(node_of(p, "G.1.1").sources.size(), 2u);
}

TEST(Projection, NotApplicableCoveringSource) {
  CrosswalkEngine engine(fixture(), {});
  auto cw = engine.crosswalk("fw-alpha", "fw-beta");
  ASSERT_TRUE(cw);
  NodeAssessment na;
  na.node = "ID.AM-1";
  na.not_applicable = true;
  na.justification = "no assets";
  NodeAssessment na2 = na;
  na2.node = "ID.AM-2";
  auto p = project(fixture(), **cw, {{"ID.AM-1", na}, {"ID.AM-2", na2}}, {});
  EXPECT_EQ(node_of(p, "B.1.1").outcome, ProjectionOutcome::k_not_applicable);
  EXPECT_TRUE(node_of(p, "B.1.1").not_applicable);
  // A partial source that does not apply says nothing about the rest of the target.
  EXPECT_EQ(node_of(p, "B.1.2").outcome, ProjectionOutcome::k_no_claim);
}

// A pair is computed once: the second look-up hands out the same result (its speed is measured in
// docs/crosswalks.md, not asserted here).
TEST(Crosswalk, BuiltInCatalogPairIsComputedOnce) {
  auto r = catalog::load_builtin();
  ASSERT_TRUE(r.ok());
  CrosswalkEngine engine(r.catalog, {});
  auto cw = engine.crosswalk("iso-tr-27103-2018", "iso-iec-27002-2022");
  ASSERT_TRUE(cw) << cw.error().message;
  EXPECT_FALSE((**cw).entries.empty());
  for (const auto& e : (**cw).entries) {
    // A reference is intersects-with; edition steps cannot make it stronger.
    EXPECT_EQ(e.relationship, R::k_intersects_with) << e.source << " " << e.target;
  }
  auto again = engine.crosswalk("iso-tr-27103-2018", "iso-iec-27002-2022");
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(cw->get(), again->get());
}

}  // namespace
}  // namespace cyberframe::core
