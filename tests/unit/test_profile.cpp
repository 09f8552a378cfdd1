// Roll-ups and gap ranking on a small framework, every number worked out by hand in the comments.

#include <gtest/gtest.h>

#include "catalog/loader.hpp"
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
