// Roll-ups and gap ranking on a small framework, every number worked out by hand in the comments.

#include <gtest/gtest.h>

#include "catalog/loader.hpp"
#include "core/figures.hpp"
#include "core/profile.hpp"

namespace cyberframe::core {
namespace {

// F1 has categories C1 (S1, S2, S3) and C2 (S4); F2 has C3 (S5, S6).
const char* const k_framework = R"(kind: framework
id: mini
title: Mini
conformance: none
provenance: { source: t, method: user-authored }
nodes:
  - id: F1
    level: function
    title: F1
    children:
      - id: C1
        level: category
        title: C1
        children:
          - { id: S1, level: subcategory, description: s1 }
          - { id: S2, level: subcategory, description: s2 }
          - { id: S3, level: subcategory, description: s3 }
      - id: C2
        level: category
        title: C2
        children:
          - { id: S4, level: subcategory, description: s4 }
  - id: F2
    level: function
    title: F2
    children:
      - id: C3
        level: category
        title: C3
        children:
          - { id: S5, level: subcategory, description: s5 }
          - { id: S6, level: subcategory, description: s6 }
)";

const Catalog& mini() {
  static const catalog::LoadResult r = [] {
    catalog::Loader loader;
    loader.add_text("mini.yaml", k_framework);
    return loader.finish();
  }();
  return r.catalog;
}

NodeAssessment at(const std::string& node, int level, int priority = 2) {
  NodeAssessment a;
  a.node = node;
  a.level = level;
  a.priority = priority;
  return a;
}

NodeAssessment na(const std::string& node) {
  NodeAssessment a;
  a.node = node;
  a.not_applicable = true;
  a.justification = "no such systems";
  return a;
}

std::map<std::string, NodeAssessment> profile(std::initializer_list<NodeAssessment> rows) {
  std::map<std::string, NodeAssessment> out;
  for (const auto& r : rows) out[r.node] = r;
  return out;
}

// One rounding rule for every view (core/figures.hpp): hundredths, then one decimal of them, half
// away from zero each time, whatever the binary fraction says.
TEST(Figures, ScoresAreShownWithOneDecimalOfTheirHundredthsHalfAwayFromZero) {
  EXPECT_EQ(format_score(2.25), "2.3");   // printf would give 2.2 (half to even)
  EXPECT_EQ(format_score(1.15), "1.2");   // 1.15 is 1.149999... in binary
  EXPECT_EQ(format_score(2.249), "2.3");  // its hundredths are 2.25
  EXPECT_EQ(format_score(2.244), "2.2");
  EXPECT_EQ(format_score(0.0), "0.0");
  EXPECT_EQ(format_score(5.0), "5.0");
  EXPECT_EQ(format_score(-0.25), "-0.3");
  EXPECT_DOUBLE_EQ(api_score(1.755), 1.76);
  EXPECT_EQ(percent(87, 88), 99);
  EXPECT_EQ(percent(1, 8), 13);  // 12.5
  EXPECT_EQ(percent(87, 87), 100);
  EXPECT_EQ(percent(0, 5), 0);
  EXPECT_FALSE(percent(0, 0));
}

TEST(Figures, CoverageCountsTheApplicableOutcomes) {
  std::map<std::string, NodeAssessment> current;
  current["S1"] = NodeAssessment{"S1", 3};
  current["S2"].node = "S2";
  current["S2"].not_applicable = true;
  current["S2"].justification = "no software";
  const auto& fw = *mini().framework("mini");
  auto f = figures(mini(), fw, default_scale(), current, nullptr);
  EXPECT_EQ(f.coverage.not_applicable, 1);
  EXPECT_EQ(f.coverage.assessed, 1);
  EXPECT_EQ(f.coverage.applicable(), f.coverage.total - 1);
  EXPECT_FALSE(f.has_target);
  EXPECT_FALSE(f.mean_gap);
  std::map<std::string, NodeAssessment> target;
  target["S1"] = NodeAssessment{"S1", 4};
  target["S5"] = NodeAssessment{"S5", 2};
  auto g = figures(mini(), fw, default_scale(), current, &target);
  EXPECT_EQ(g.with_target, 2);
  EXPECT_EQ(g.open_gaps, 2);
  EXPECT_EQ(g.at_target, 0);
  ASSERT_TRUE(g.mean_gap);
  EXPECT_GT(*g.mean_gap, 0);
}

TEST(RollUp, CategoriesAverageSubcategoriesAndFunctionsAverageCategories) {
  // S1=1, S2=2, S3=N/A -> C1 = (1+2)/2 = 1.5; S4=4 -> C2 = 4; F1 = (1.5+4)/2 = 2.75 (not
  // (1+2+4)/3). S5=3, S6 unassessed -> C3 = 3, F2 = 3.
  auto s = roll_up(mini(), "mini",
                   profile({at("S1", 1), at("S2", 2), na("S3"), at("S4", 4), at("S5", 3)}));
  EXPECT_DOUBLE_EQ(*s["C1"].value, 1.5);
  EXPECT_EQ(s["C1"].assessed, 2);
  EXPECT_EQ(s["C1"].not_applicable, 1);
  EXPECT_EQ(s["C1"].total, 3);
  EXPECT_DOUBLE_EQ(*s["C2"].value, 4.0);
  EXPECT_DOUBLE_EQ(*s["F1"].value, 2.75);
  EXPECT_EQ(s["F1"].total, 4);
  EXPECT_DOUBLE_EQ(*s["C3"].value, 3.0);
  EXPECT_EQ(s["C3"].assessed, 1);
  EXPECT_DOUBLE_EQ(*s["F2"].value, 3.0);
  EXPECT_FALSE(s["S6"].value.has_value());
}

TEST(RollUp, NothingAssessedHasNoScoreRatherThanZero) {
  auto s = roll_up(mini(), "mini", {});
  EXPECT_FALSE(s["F1"].value.has_value());
  EXPECT_EQ(s["F1"].assessed, 0);
  EXPECT_EQ(s["F1"].total, 4);
}

TEST(GapAnalysis, RanksByGapTimesPriorityTimesRisk) {
  auto current = profile({at("S1", 1), at("S2", 3), na("S3"), at("S4", 0), at("S5", 2)});
  // Targets: S1 3 (high) -> gap 2, score 2*3 = 6; S2 3 (medium) -> gap 0; S3 target 3 but N/A now
  // -> left out; S4 4 (low) -> gap 4, score 4*1 = 4; S5 4 (medium) -> gap 2, score 4, risk 1.5 ->
  // 6; S6 3 (medium), not assessed now -> counts from the scale minimum 0: gap 3, score 6.
  auto target =
      profile({at("S1", 3, 1), at("S2", 3), at("S3", 3), at("S4", 4, 3), at("S5", 4), at("S6", 3)});
  auto g = analyse_gaps(mini(), "mini", default_scale(), current, target, {{"S5", 1.5}});
  std::vector<std::string> order;
  std::vector<double> scores;
  for (const auto& x : g.subcategories) {
    order.push_back(x.node);
    scores.push_back(x.score);
  }
  // Ties at 6: S6 (gap 3) before S1 and S5 (gap 2), which keep document order.
  EXPECT_EQ(order, (std::vector<std::string>{"S6", "S1", "S5", "S4", "S2"}));
  EXPECT_EQ(scores, (std::vector<double>{6, 6, 6, 4, 0}));
  EXPECT_EQ(g.open_gaps, 4);
  EXPECT_DOUBLE_EQ(g.mean_gap, (2 + 0 + 4 + 2 + 3) / 5.0);
  // Roll-up gap of C1: current C1 = (1+3)/2 = 2 (S3 N/A); target C1 = (3+3+3)/3 = 3 -> 1.
  EXPECT_DOUBLE_EQ(*g.rollup["C1"].current, 2.0);
  EXPECT_DOUBLE_EQ(*g.rollup["C1"].target, 3.0);
  EXPECT_DOUBLE_EQ(g.rollup["C1"].gap, 1.0);
}

// The roadmap's what-if: an action raises its outcomes to its target level, never lowers one,
// leaves N/A alone and counts an unassessed outcome from the scale's minimum.
TEST(WhatIf, ActionsRaiseTheirOutcomesToTheirTargetLevel) {
  auto current = profile({at("S1", 1), at("S2", 4), na("S3"), at("S5", 2)});
  Action a;
  a.target_level = 3;
  a.nodes = {"S1", "S2", "S3", "S6"};
  Action b;
  b.target_level = 9;  // off the scale: kept on it
  b.nodes = {"S5"};
  auto done = with_actions_done(current, {a, b}, default_scale());
  EXPECT_EQ(done["S1"].level, 3);
  EXPECT_EQ(done["S2"].level, 4) << "never lowered";
  EXPECT_TRUE(done["S3"].not_applicable);
  EXPECT_FALSE(done["S3"].level.has_value());
  EXPECT_EQ(done["S6"].level, 3) << "an unassessed outcome is raised from the minimum";
  EXPECT_EQ(done["S5"].level, 5);
  EXPECT_FALSE(done.contains("S4")) << "outcomes no action names stay as they are";
  EXPECT_EQ(with_actions_done(current, {}, default_scale()).size(), current.size());
  // The gaps with the actions done: S1 reaches its target 3, S6 too.
  auto target = profile({at("S1", 3), at("S6", 3), at("S4", 2)});
  auto before = analyse_gaps(mini(), "mini", default_scale(), current, target);
  auto after = analyse_gaps(mini(), "mini", default_scale(), done, target);
  EXPECT_EQ(before.open_gaps, 3);
  EXPECT_EQ(after.open_gaps, 1);
}

// A control catalog (assess: requirements), as SP 800-53 is imported: AC-1 is made of its items
// a (with a.1, a.2) and b; AC-3 states one requirement and has the enhancement AC-3(1); and a
// baseline chooses AC-3(1) alone, keeping AC-3 for structure.
const char* const k_controls = R"(kind: framework
id: controls
title: Controls
conformance: none
assess: requirements
provenance: { source: t, method: user-authored }
nodes:
  - id: AC
    level: function
    title: Access control
    children:
      - id: AC-1
        level: category
        title: Policy
        children:
          - id: AC-1.a
            level: statement
            description: develop
            children:
              - { id: AC-1.a.1, level: statement, description: policy }
              - { id: AC-1.a.2, level: statement, description: procedures }
          - { id: AC-1.b, level: statement, description: designate }
      - id: AC-3
        level: category
        title: Access enforcement
        description: enforce
        children:
          - { id: AC-3(1), level: subcategory, title: Restricted access, description: restrict }
)";

const char* const k_baseline = R"yaml(kind: framework
id: controls-low
title: Controls, low baseline
conformance: none
provenance: { source: t, method: derived }
select: { from: controls, nodes: ["AC-3(1)", AC-1] }
)yaml";

const Catalog& controls() {
  static const catalog::LoadResult r = [] {
    catalog::Loader loader;
    loader.add_text("controls.yaml", k_controls);
    loader.add_text("controls-low.yaml", k_baseline);
    return loader.finish();
  }();
  EXPECT_TRUE(r.ok()) << (r.diagnostics.empty() ? "" : r.diagnostics[0].to_string());
  return r.catalog;
}

TEST(RollUp, RequirementsAreAssessedWhereTheyAreStatedAndItemsReplaceTheirControl) {
  const auto& cat = controls();
  const auto& fw = *cat.framework("controls");
  auto assessed = [&](const char* id) { return assessed_directly(fw, *cat.node("controls", id)); };
  EXPECT_FALSE(assessed("AC"));
  EXPECT_FALSE(assessed("AC-1"));    // made of its items
  EXPECT_FALSE(assessed("AC-1.a"));  // made of a.1 and a.2
  EXPECT_TRUE(assessed("AC-1.a.1"));
  EXPECT_TRUE(assessed("AC-1.b"));
  EXPECT_TRUE(assessed("AC-3"));  // its own requirement, beside its enhancement
  EXPECT_TRUE(assessed("AC-3(1)"));
  // a.1 = 1, a.2 = 3 -> AC-1.a = 2; b = 4 -> AC-1 = (1+3+4)/3; AC-3 = 2, AC-3(1) = 4 -> AC-3 = 3;
  // AC = (8/3 + 3)/2.
  auto s = roll_up(cat, "controls",
                   profile({at("AC-1.a.1", 1), at("AC-1.a.2", 3), at("AC-1.b", 4), at("AC-3", 2),
                            at("AC-3(1)", 4)}));
  EXPECT_DOUBLE_EQ(*s["AC-1.a"].value, 2.0);
  EXPECT_DOUBLE_EQ(*s["AC-1"].value, 8.0 / 3);
  EXPECT_EQ(s["AC-1"].total, 3);
  EXPECT_DOUBLE_EQ(*s["AC-3"].value, 3.0);
  EXPECT_EQ(s["AC-3"].total, 2);
  EXPECT_DOUBLE_EQ(*s["AC"].value, (8.0 / 3 + 3.0) / 2);
  // The gap of AC-3 is between its own levels, not its roll-up.
  auto g =
      analyse_gaps(cat, "controls", default_scale(), profile({at("AC-3", 2), at("AC-3(1)", 4)}),
                   profile({at("AC-3", 3), at("AC-3(1)", 4)}));
  std::map<std::string, double> gaps;
  for (const auto& x : g.subcategories) gaps[x.node] = x.gap;
  EXPECT_DOUBLE_EQ(gaps["AC-3"], 1.0);
  EXPECT_DOUBLE_EQ(gaps["AC-3(1)"], 0.0);
  EXPECT_TRUE(g.rollup.contains("AC-3"));
}

TEST(RollUp, ASelectionAssessesItsChosenControlsOnly) {
  const auto& cat = controls();
  const auto* low = cat.framework("controls-low");
  ASSERT_NE(low, nullptr);
  EXPECT_EQ(low->assess, Assess::k_requirements);  // that of the framework it selects from
  std::vector<std::string> ids;
  for (const auto* n : cat.nodes_in_order("controls-low")) ids.push_back(n->id);
  // AC-1 with its items; AC-3 only as the parent of AC-3(1).
  EXPECT_EQ(ids, (std::vector<std::string>{"AC", "AC-1", "AC-1.a", "AC-1.a.1", "AC-1.a.2", "AC-1.b",
                                           "AC-3", "AC-3(1)"}));
  EXPECT_FALSE(assessed_directly(*low, *cat.node("controls-low", "AC-3")));
  EXPECT_TRUE(assessed_directly(*low, *cat.node("controls-low", "AC-3(1)")));
  EXPECT_TRUE(assessed_directly(*low, *cat.node("controls-low", "AC-1.b")));
  auto s = roll_up(cat, "controls-low", profile({at("AC-3", 0), at("AC-3(1)", 4)}));
  EXPECT_DOUBLE_EQ(*s["AC-3"].value, 4.0);  // AC-3 itself is not part of this baseline
}

TEST(Validate, RefusesWhatTheScaleAndFrameworkDoNotAllow) {
  Profile p;
  p.framework = "mini";
  const auto& scale = default_scale();
  EXPECT_TRUE(validate(mini(), p, scale, at("S1", 5)));
  EXPECT_EQ(validate(mini(), p, scale, at("S9", 1)).error().message,
            "unknown node 'S9' in framework mini");
  EXPECT_EQ(validate(mini(), p, scale, at("S1", 6)).error().message,
            "level 6 of S1 is outside the scale cyberframe-0-5 (0-5)");
  auto bad = na("S1");
  bad.justification = "  ";
  EXPECT_EQ(validate(mini(), p, scale, bad).error().message,
            "S1 is marked not applicable without a justification; say why it does not apply");
  auto both = na("S1");
  both.level = 2;
  EXPECT_EQ(validate(mini(), p, scale, both).error().message,
            "S1 is marked not applicable and has a level; give one or the other");
  EXPECT_EQ(validate(mini(), p, scale, at("S1", 2, 7)).error().message,
            "priority 7 of S1 is not 1 (high), 2 (medium) or 3 (low)");
}

// A level (or N/A) on a node whose score is rolled up from below would be stored and never counted:
// it is refused with the nodes to assess instead. An owner alone is fine.
TEST(Validate, RefusesALevelTheRollUpWouldIgnore) {
  Profile p;
  p.framework = "mini";
  const auto& scale = default_scale();
  EXPECT_EQ(validate(mini(), p, scale, at("C1", 3)).error().message,
            "C1 is not assessed directly in mini: its score is rolled up from 3 nodes below it "
            "(S1, S2, S3); give the level to those");
  EXPECT_EQ(validate(mini(), p, scale, na("F2")).error().message,
            "F2 is not assessed directly in mini: its score is rolled up from 2 nodes below it "
            "(S5, S6); give the level to those");
  NodeAssessment owner_only;
  owner_only.node = "C1";
  owner_only.owner = "Plant engineering";
  EXPECT_TRUE(validate(mini(), p, scale, owner_only));

  Profile c;
  c.framework = "controls";
  EXPECT_EQ(validate(controls(), c, scale, at("AC-1", 2)).error().message,
            "AC-1 is not assessed directly in controls: its score is rolled up from 3 nodes below "
            "it (AC-1.a.1, AC-1.a.2, AC-1.b); give the level to those");
  EXPECT_TRUE(validate(controls(), c, scale, at("AC-3", 2)));  // beside its enhancement
  Profile low;
  low.framework = "controls-low";
  EXPECT_FALSE(validate(controls(), low, scale, at("AC-3", 2)));  // only the parent of AC-3(1)
}

TEST(Scale, DefaultScaleIsDocumented) {
  const auto& s = default_scale();
  EXPECT_EQ(s.min(), 0);
  EXPECT_EQ(s.max(), 5);
  EXPECT_EQ(s.find(0)->name, "Not performed");
  EXPECT_EQ(s.find(5)->name, "Optimised");
  for (const auto& l : s.levels) EXPECT_FALSE(l.meaning.empty());
}

}  // namespace
}  // namespace cyberframe::core
