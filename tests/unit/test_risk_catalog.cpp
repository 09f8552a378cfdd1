// Risk criteria and threat catalogues in the catalog: the built-in ones load and are usable, and
// a broken criteria file is refused with each fault at its line.

#include <gtest/gtest.h>

#include "builtin_catalog_fixture.hpp"
#include "catalog/loader.hpp"

namespace cyberframe::catalog {
namespace {

using testing::cat;

TEST(BuiltinRiskCriteria, TheFiveByFiveSetIsComplete) {
  const auto* c = cat().risk_criteria("cyberframe-5x5");
  ASSERT_NE(c, nullptr);
  EXPECT_TRUE(core::validate(*c));
  EXPECT_EQ(c->likelihoods(), 5);
  EXPECT_EQ(c->consequences(), 5);
  EXPECT_EQ(c->likelihood.front().name, "Rare");
  EXPECT_EQ(c->likelihood.back().name, "Almost certain");
  std::vector<std::string> types;
  for (const auto& t : c->consequence_types) types.push_back(t.id);
  EXPECT_EQ(types,
            (std::vector<std::string>{"confidentiality", "integrity", "availability", "financial",
                                      "legal-regulatory", "safety", "reputation"}));
  std::vector<std::string> levels;
  for (const auto& l : c->levels) levels.push_back(l.id);
  EXPECT_EQ(levels, (std::vector<std::string>{"low", "medium", "high", "very-high"}));
  EXPECT_EQ(c->find_level("low")->acceptance, core::Acceptance::k_accept);
  EXPECT_EQ(c->find_level("medium")->acceptance, core::Acceptance::k_owner_approval);
  EXPECT_EQ(c->find_level("very-high")->acceptance, core::Acceptance::k_treat);
  EXPECT_EQ(c->level(1, 1)->id, "low");
  EXPECT_EQ(c->level(5, 5)->id, "very-high");
  EXPECT_NE(c->assessment_criteria.find("once a year"), std::string::npos);
  EXPECT_NE(c->assessment_criteria.find("incident"), std::string::npos);
  const auto& entry = cat().criteria_sets().at("cyberframe-5x5");
  EXPECT_EQ(entry.provenance.method, core::Method::k_authored);
}

TEST(BuiltinRiskCriteria, TheThreeByThreeSetHasThreeLevels) {
  const auto* c = cat().risk_criteria("cyberframe-3x3");
  ASSERT_NE(c, nullptr);
  EXPECT_TRUE(core::validate(*c));
  EXPECT_EQ(c->likelihoods(), 3);
  EXPECT_EQ(c->consequences(), 3);
  EXPECT_EQ(c->levels.size(), 3u);
  EXPECT_EQ(cat().risk_criteria_list().size(), 2u);
  EXPECT_EQ(cat().risk_criteria("nothing"), nullptr);
}

TEST(BuiltinThreats, AThreatIsFoundByItsId) {
  const auto* t = cat().threat("sp800-30:E2-01");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->name, "Craft phishing attacks");
  EXPECT_EQ(t->category, "adversarial");
  EXPECT_NE(t->source.find("Table E-2"), std::string::npos);
  const auto* e3 = cat().threat("sp800-30:E3-07");
  ASSERT_NE(e3, nullptr);
  EXPECT_EQ(e3->category, "environmental");
  EXPECT_EQ(cat().threat("sp800-30:E9-99"), nullptr);
  const auto* tc = cat().threat_catalogue("nist-sp-800-30-rev1-threats");
  ASSERT_NE(tc, nullptr);
  EXPECT_EQ(tc->categories.size(), 4u) << "the threat-source types of Table D-2";
  EXPECT_NE(tc->catalogue.licence.find("17 U.S.C. 105"), std::string::npos);
}

LoadResult load_one(const std::string& text) {
  Loader loader;
  loader.add_text("criteria.yaml", text);
  return loader.finish();
}

const char* k_criteria = R"(kind: risk-criteria
id: acme
name: ACME
provenance: { source: tests, method: user-authored }
assessment_criteria: Yearly.
likelihood:
  - { value: 1, name: Unlikely }
  - { value: 2, name: Likely }
consequence_types:
  - id: financial
    name: Financial
    points:
      - { value: 1, name: Low }
      - { value: 2, name: High }
levels:
  - { id: low, name: Low, colour: "#2e7d32", acceptance: accept, review_months: 24 }
  - { id: high, name: High, colour: "#c62828", acceptance: treat, review_months: 6 }
matrix:
  - [low, high]
  - [low, high]
)";

std::string with(std::string text, const std::string& from, const std::string& to) {
  auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return text.replace(at, from.size(), to);
}

TEST(RiskCriteriaFiles, AValidFileLoads) {
  auto result = load_one(k_criteria);
  for (const auto& d : result.diagnostics) ADD_FAILURE() << d.to_string();
  ASSERT_NE(result.catalog.risk_criteria("acme"), nullptr);
  EXPECT_EQ(result.catalog.risk_criteria("acme")->level(2, 1)->id, "low");
}

TEST(RiskCriteriaFiles, AFallingMatrixIsReportedAtItsCell) {
  auto result = load_one(
      with(k_criteria, "  - [low, high]\n  - [low, high]\n", "  - [low, high]\n  - [low, low]\n"));
  ASSERT_EQ(result.diagnostics.size(), 1u);
  EXPECT_EQ(result.diagnostics[0].to_string(),
            "criteria.yaml:20:11: error: risk criteria acme: matrix row 2, column 2: level 'low' "
            "is below 'high' of matrix row 1, column 2: a level never falls as likelihood rises");
  EXPECT_EQ(result.catalog.risk_criteria("acme"), nullptr);
  EXPECT_EQ(result.rejected_files, std::vector<std::string>{"criteria.yaml"});
}

TEST(RiskCriteriaFiles, FaultsAreReportedAtTheirLines) {
  auto bad_colour = load_one(with(k_criteria, "colour: \"#c62828\"", "colour: red"));
  ASSERT_EQ(bad_colour.diagnostics.size(), 1u);
  EXPECT_EQ(bad_colour.diagnostics[0].location.line, 17);
  EXPECT_NE(bad_colour.diagnostics[0].message.find("level 'high': colour 'red'"),
            std::string::npos);

  auto columns = load_one(with(k_criteria, "  - [low, high]\n  - [low, high]\n",
                               "  - [low, high]\n  - [low, high, high]\n"));
  ASSERT_EQ(columns.diagnostics.size(), 1u);
  EXPECT_EQ(columns.diagnostics[0].location.line, 20);
  EXPECT_NE(columns.diagnostics[0].message.find("matrix row 2 has 3 columns"), std::string::npos);

  auto twice = load_one(with(k_criteria, "{ id: high, name: High", "{ id: low, name: High"));
  ASSERT_FALSE(twice.diagnostics.empty());
  EXPECT_EQ(twice.diagnostics[0].location.line, 17);
  EXPECT_NE(twice.diagnostics[0].message.find("level 'low' is listed twice"), std::string::npos);

  auto unknown = load_one(with(k_criteria, "name: ACME\n", "name: ACME\nappetite: low\n"));
  ASSERT_FALSE(unknown.diagnostics.empty());
  EXPECT_NE(unknown.diagnostics[0].message.find("unknown key 'appetite' in risk criteria"),
            std::string::npos);

  auto no_provenance =
      load_one(with(k_criteria, "provenance: { source: tests, method: user-authored }\n", ""));
  ASSERT_FALSE(no_provenance.diagnostics.empty());
  EXPECT_NE(no_provenance.diagnostics[0].message.find("missing required key 'provenance'"),
            std::string::npos);
}

TEST(ThreatCatalogueFiles, AnUnknownCategoryAndADuplicateIdAreRefused) {
  Loader loader;
  loader.add_text("threats.yaml", R"(kind: threat-catalogue
id: acme-threats
title: ACME threats
provenance: { source: tests, method: user-authored }
categories:
  - { id: adversarial, name: Adversarial }
groups:
  - id: g
    title: G
    category: adversarial
    threats:
      - { id: "acme:T-1", name: Phishing }
      - { id: "acme:T-1", name: Phishing again }
      - { id: "acme:T-2", name: Flood, category: environmental }
)");
  auto result = loader.finish();
  ASSERT_EQ(result.diagnostics.size(), 2u);
  EXPECT_EQ(result.diagnostics[0].to_string(),
            "threats.yaml:13:15: error: duplicate threat id 'acme:T-1' (first at line 12)");
  EXPECT_EQ(result.diagnostics[1].to_string(),
            "threats.yaml:14:50: error: threat acme:T-2: unknown category 'environmental'");
}

TEST(ThreatCatalogueFiles, MethodAuthoredIsOnlyForRiskCriteria) {
  Loader loader;
  loader.add_text("threats.yaml", R"(kind: threat-catalogue
id: acme-threats
title: ACME threats
provenance: { source: tests, method: authored }
categories: [{ id: adversarial, name: Adversarial }]
groups: [{ id: g, title: G, category: adversarial, threats: [{ id: T-1, name: Phishing }] }]
)");
  auto result = loader.finish();
  ASSERT_EQ(result.diagnostics.size(), 1u);
  EXPECT_NE(result.diagnostics[0].message.find("method 'authored' is for the product's own"),
            std::string::npos);
}

}  // namespace
}  // namespace cyberframe::catalog
