// The built-in content for crosswalks: NIST CSF 2.0, ISO/IEC 27001:2022 Annex A as a framework,
// and the mapping sets CSF 1.1 -> CSF 2.0, CSF 1.1 -> ISO/IEC 27001:2013 and Annex A -> ISO/IEC
// 27002:2022 / 27001:2022. Checked against NIST's data in ../shared/data where it is the source.

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "builtin_catalog_fixture.hpp"
#include "catalog/conformance.hpp"
#include "catalog/loader.hpp"
#include "core/crosswalk.hpp"
#include "core/profile.hpp"
#include "util/text.hpp"

namespace cyberframe::catalog {
namespace {

using testing::builtin;
using testing::cat;
using testing::level_counts;
using testing::read_file;

// "relationship target1,target2" of every entry with this source, in file order.
std::vector<std::string> rows(const std::string& set_id, const std::string& source) {
  std::vector<std::string> out;
  const auto* set = cat().mapping_set(set_id);
  if (set == nullptr) return {"no mapping set " + set_id};
  for (const auto& m : set->mappings)
    if (m.source == source)
      out.push_back(std::string(core::to_string(m.relationship)) + " " +
                    util::join(m.targets, ","));
  return out;
}

TEST(NistCsf20, SixFunctionsTwentyTwoCategoriesAndOneHundredSixSubcategories) {
  for (const auto& d : builtin().diagnostics) ADD_FAILURE() << d.to_string();
  const auto* fw = cat().framework("nist-csf-2.0");
  ASSERT_NE(fw, nullptr);
  auto counts = level_counts("nist-csf-2.0");
  EXPECT_EQ(counts[core::Level::k_function], 6);
  EXPECT_EQ(counts[core::Level::k_category], 22);
  EXPECT_EQ(counts[core::Level::k_subcategory], 106);
  std::vector<std::string> functions;
  for (const auto& f : fw->nodes) functions.push_back(f.id + " " + f.title);
  EXPECT_EQ(functions, (std::vector<std::string>{"GV Govern", "ID Identify", "PR Protect",
                                                 "DE Detect", "RS Respond", "RC Recover"}));
  // The CSF 1.1 elements 2.0 withdrew are left out.
  for (const auto* gone : {"ID.BE", "ID.GV", "PR.AC", "PR.IP", "DE.DP", "ID.AM-06", "PR.DS-05"})
    EXPECT_EQ(cat().node("nist-csf-2.0", gone), nullptr) << gone;
  const auto* n = cat().node("nist-csf-2.0", "PR.AA-01");
  ASSERT_NE(n, nullptr);
  EXPECT_EQ(
      n->description,
      "Identities and credentials for authorized users, services, and hardware are managed by "
      "the organization");
  EXPECT_EQ(n->activities.size(), 4u) << "NIST's four implementation examples";
  EXPECT_TRUE(n->references.empty()) << "NIST's OSCAL catalog has no informative references";
}

// Every subcategory's id and outcome are NIST's (the OSCAL catalog in ../shared/data).
TEST(NistCsf20, MatchesNistOscalCatalog) {
  const auto xml =
      read_file(std::string(CYBERFRAME_SHARED_DIR) + "/data/nist/NIST_CSF_v2.0_catalog.xml");
  ASSERT_FALSE(xml.empty());
  std::string flat;  // the XML with its line breaks and indentation collapsed
  for (char c : xml) {
    if (c == '\n' || c == '\r') c = ' ';
    if (c == ' ' && !flat.empty() && flat.back() == ' ') continue;
    flat.push_back(c);
  }
  for (const auto* n : cat().nodes_in_order("nist-csf-2.0")) {
    EXPECT_NE(flat.find("id=\"" + n->id + "\""), std::string::npos) << n->id;
    if (n->level == core::Level::k_subcategory) {
      EXPECT_NE(flat.find("<p>" + n->description + "</p>"), std::string::npos) << n->id;
    }
  }
}

TEST(NistCsf20, IsNotJudgedAsATs27110Framework) {
  auto report = check_conformance(cat(), *cat().framework("nist-csf-2.0"));
  EXPECT_FALSE(report.applicable);
  EXPECT_TRUE(report.findings.empty());
  auto annex = check_conformance(cat(), *cat().framework("iso-iec-27001-2022-annex-a"));
  EXPECT_FALSE(annex.applicable);
}

TEST(Iso27001AnnexA, FourThemesAndNinetyThreeControlsTitledAsTableA1) {
  auto counts = level_counts("iso-iec-27001-2022-annex-a");
  EXPECT_EQ(counts[core::Level::k_function], 4);
  EXPECT_EQ(counts[core::Level::k_category], 93);
  EXPECT_EQ(counts[core::Level::k_subcategory], 0);
  const auto* iso27002 = cat().standard("iso-iec-27002-2022");
  ASSERT_NE(iso27002, nullptr);
  for (const auto* n : cat().nodes_in_order("iso-iec-27001-2022-annex-a")) {
    ASSERT_TRUE(n->id.starts_with("A.")) << n->id;
    const auto* clause = iso27002->find_clause(n->id.substr(2));
    ASSERT_NE(clause, nullptr) << n->id;
    // 27001's own Table A.1 titles; the one that differs from 27002 is checked below.
    if (n->id != "A.8.1") {
      EXPECT_EQ(n->title, clause->title) << n->id;
    }
    if (n->level == core::Level::k_function) {
      EXPECT_TRUE(n->references.empty()) << "a theme states no requirement: " << n->id;
      continue;
    }
    ASSERT_EQ(n->references.size(), 2u) << n->id;
    EXPECT_EQ(n->references[0].standard, "iso-iec-27001-2022");
    EXPECT_EQ(n->references[0].clause, n->id);
    EXPECT_EQ(n->references[1].standard, "iso-iec-27002-2022");
    EXPECT_EQ(n->references[1].clause, n->id.substr(2));
  }
  EXPECT_EQ(cat().node("iso-iec-27001-2022-annex-a", "A.8.34")->title,
            "Protection of information systems during audit testing");
  EXPECT_EQ(cat().node("iso-iec-27001-2022-annex-a", "A.8.1")->title, "User end point devices");
  EXPECT_EQ(iso27002->find_clause("8.1")->title, "User endpoint devices");
}

// A profile assesses the controls themselves; a theme's score is the mean of its controls.
TEST(Iso27001AnnexA, ProfilesAssessTheControls) {
  core::Profile profile;
  profile.framework = "iso-iec-27001-2022-annex-a";
  core::NodeAssessment a;
  a.node = "A.5.1";
  a.level = 2;
  EXPECT_TRUE(core::validate(cat(), profile, core::default_scale(), a).has_value());
  core::NodeAssessment b = a;
  b.node = "A.5.2";
  b.level = 4;
  auto scores = core::roll_up(cat(), profile.framework, {{"A.5.1", a}, {"A.5.2", b}});
  EXPECT_EQ(scores["A.5.1"].value, 2.0);
  EXPECT_EQ(scores["A.5"].value, 3.0);
  EXPECT_EQ(scores["A.5"].assessed, 2);
  EXPECT_EQ(scores["A.5"].total, 37);
  EXPECT_EQ(scores["A.8"].total, 34);
  EXPECT_FALSE(scores["A.6"].value.has_value());
}

// Annex A states 27002's controls as requirements (shall, not should): equivalent, the same answer
// as the engine's annex-mirror rule; the framework is Annex A itself: equal to its clauses.
TEST(Iso27001AnnexA, EquivalentToIso27002AndEqualTo27001AnnexAClauses) {
  auto check = [](const std::string& set_id, const std::string& prefix, core::Relationship rel) {
    const auto* set = cat().mapping_set(set_id);
    ASSERT_NE(set, nullptr) << set_id;
    EXPECT_EQ(set->mappings.size(), 97u) << "4 themes and 93 controls";
    for (const auto& m : set->mappings) {
      EXPECT_EQ(m.relationship, rel) << m.source;
      EXPECT_EQ(m.targets, std::vector<std::string>{prefix + m.source.substr(2)}) << m.source;
    }
  };
  check("iso-iec-27001-2022-annex-a-to-iso-iec-27002-2022", "", core::Relationship::k_equivalent);
  check("iso-iec-27001-2022-annex-a-to-iso-iec-27001-2022", "A.", core::Relationship::k_equal);
}

// NIST prints RS.CO-3's reference as "A.16.1.2, Clause 7.4, Clause 16.1.2": the misprinted
// Clause 16.1.2 is A.16.1.2 again, so the node cites A.16.1.2 once and keeps the print in notes.
TEST(NistCsf11, RsCo3CitesA1612Once) {
  const auto* n = cat().node("nist-csf-1.1", "RS.CO-3");
  ASSERT_NE(n, nullptr);
  std::vector<std::string> cited;
  for (const auto& r : n->references) cited.push_back(r.standard + " " + r.clause);
  EXPECT_EQ(cited,
            (std::vector<std::string>{"iso-iec-27001-2013 A.16.1.2", "iso-iec-27001-2013 7.4"}));
  EXPECT_NE(n->notes.find("Clause 16.1.2"), std::string::npos) << n->notes;
}

// The mapping set and the framework's references are two readings of the same NIST cells.
TEST(NistCsf11ToIso27001, AgreesWithTheFrameworkReferences) {
  const auto* set = cat().mapping_set("nist-csf-1.1-to-iso-iec-27001-2013");
  ASSERT_NE(set, nullptr);
  std::map<std::string, std::set<std::string>> mapped;
  for (const auto& m : set->mappings) {
    EXPECT_EQ(m.relationship, core::Relationship::k_intersects_with) << m.source;
    EXPECT_FALSE(m.rationale.empty()) << m.source;
    mapped[m.source].insert(m.targets.begin(), m.targets.end());
  }
  std::map<std::string, std::set<std::string>> referenced;
  for (const auto* n : cat().nodes_in_order("nist-csf-1.1"))
    for (const auto& r : n->references)
      if (r.standard == "iso-iec-27001-2013") referenced[n->id].insert(r.clause);
  EXPECT_EQ(mapped, referenced);
  EXPECT_EQ(mapped.size(), 105u);
  EXPECT_EQ(rows("nist-csf-1.1-to-iso-iec-27001-2013", "PR.AC-1"),
            (std::vector<std::string>{"intersects-with A.9.2.1,A.9.2.2,A.9.2.3,A.9.2.4,A.9.2.6,"
                                      "A.9.3.1,A.9.4.2,A.9.4.3"}));
}

TEST(NistCsf11ToCsf20, EveryCsf11SubcategoryHasNistsSuccessor) {
  const auto* set = cat().mapping_set("nist-csf-1.1-to-nist-csf-2.0");
  ASSERT_NE(set, nullptr);
  std::set<std::string> sources;
  for (const auto& m : set->mappings) {
    sources.insert(m.source);
    EXPECT_NE(cat().node("nist-csf-1.1", m.source), nullptr) << m.source;
    for (const auto& t : m.targets) EXPECT_NE(cat().node("nist-csf-2.0", t), nullptr) << t;
    EXPECT_TRUE(m.rationale.starts_with("NIST")) << m.source << ": " << m.rationale;
  }
  for (const auto* n : cat().nodes_in_order("nist-csf-1.1")) {
    if (n->level == core::Level::k_subcategory) {
      EXPECT_TRUE(sources.contains(n->id)) << n->id;
    }
  }
}

// Rows checked by hand against NIST's catalog v1.2.0 links and the two sentences.
TEST(NistCsf11ToCsf20, HandCheckedRows) {
  const std::string set = "nist-csf-1.1-to-nist-csf-2.0";
  // ID.BE-01: withdrawn, incorporated_into GV.OC-05, which states what the organization depends
  // on, not its role in the supply chain: NIST's link alone is no subset-of.
  EXPECT_EQ(rows(set, "ID.BE-1"), (std::vector<std::string>{"intersects-with GV.OC-05"}));
  // The pairs where 2.0 does not state the 1.1 outcome (issue 11's review), and ID.AM-01,
  // which keeps hardware only (systems moved to ID.AM-02).
  for (const auto& [from, to] :
       std::vector<std::pair<std::string, std::string>>{{"ID.BE-2", "GV.OC-01"},
                                                        {"ID.BE-3", "GV.OC-01"},
                                                        {"PR.IP-5", "PR.IR-02"},
                                                        {"PR.PT-1", "PR.PS-04"},
                                                        {"DE.DP-2", "DE.AE"},
                                                        {"DE.DP-3", "ID.IM-02"},
                                                        {"RS.CO-1", "PR.AT-01"},
                                                        {"RS.IM-2", "ID.IM-03"},
                                                        {"RC.IM-2", "ID.IM-03"},
                                                        {"RC.CO-1", "RC.CO-04"},
                                                        {"RC.CO-2", "RC.CO-04"}}) {
    EXPECT_EQ(rows(set, from), (std::vector<std::string>{"intersects-with " + to})) << from;
  }
  EXPECT_EQ(rows(set, "ID.AM-1"), (std::vector<std::string>{"superset-of ID.AM-01"}));
  // PR.PT-05 incorporated_into PR.IR-03: the same sentence without 1.1's examples.
  EXPECT_EQ(rows(set, "PR.PT-5"), (std::vector<std::string>{"equivalent PR.IR-03"}));
  // PR.AC-01: incorporated_into PR.AA-01 and PR.AA-05: divided, so each only intersects.
  EXPECT_EQ(rows(set, "PR.AC-1"),
            (std::vector<std::string>{"intersects-with PR.AA-01", "intersects-with PR.AA-05"}));
  // PR.AC-04: moved_to PR.AA-05, which adds policy, enforcement and review.
  EXPECT_EQ(rows(set, "PR.AC-4"), (std::vector<std::string>{"subset-of PR.AA-05"}));
  // PR.IP-11: moved_to GV.RR-04, the same outcome without the examples in parentheses.
  EXPECT_EQ(rows(set, "PR.IP-11"), (std::vector<std::string>{"equivalent GV.RR-04"}));
  // Kept identifiers: ID.RA-02 and RS.MI-01 are word for word the same.
  EXPECT_EQ(rows(set, "ID.RA-2"), (std::vector<std::string>{"equal ID.RA-02"}));
  EXPECT_EQ(rows(set, "RS.MI-1"), (std::vector<std::string>{"equal RS.MI-01"}));
  EXPECT_EQ(rows(set, "RS.MI-2"), (std::vector<std::string>{"intersects-with RS.MI-02"}));
  // A withdrawn category: ID.GV incorporated_into the Govern function.
  EXPECT_EQ(rows(set, "ID.GV"), (std::vector<std::string>{"subset-of GV"}));
  // PR.IP (category) is withdrawn without a link: no entry.
  EXPECT_TRUE(rows(set, "PR.IP").empty());
}

// TR 27103 reaches CSF 2.0 through CSF 1.1: a pair CSF 1.1 -> 2.0 typed intersects-with cannot
// carry a subset-of (or anything stronger) into the composed crosswalk.
TEST(NistCsf11ToCsf20, Tr27103ToCsf20ClaimsNoSubsetThroughTheIntersectingPairs) {
  const std::set<std::pair<std::string, std::string>> intersecting = {
      {"ID.BE-1", "GV.OC-05"}, {"ID.BE-2", "GV.OC-01"}, {"ID.BE-3", "GV.OC-01"},
      {"PR.IP-5", "PR.IR-02"}, {"PR.PT-1", "PR.PS-04"}, {"DE.DP-2", "DE.AE"},
      {"DE.DP-3", "ID.IM-02"}, {"RS.CO-1", "PR.AT-01"}, {"RS.IM-2", "ID.IM-03"},
      {"RC.IM-2", "ID.IM-03"}, {"RC.CO-1", "RC.CO-04"}, {"RC.CO-2", "RC.CO-04"}};
  core::CrosswalkEngine engine(cat(), {});
  auto cw = engine.crosswalk("iso-tr-27103-2018", "nist-csf-2.0");
  ASSERT_TRUE(cw) << cw.error().message;
  std::size_t through = 0;
  for (const auto& e : (**cw).entries) {
    bool rests_on_them = false;
    for (const auto& hop : e.path) {
      if (hop.mapping_set == "nist-csf-1.1-to-nist-csf-2.0" && !hop.inverse &&
          intersecting.contains({hop.from_node, hop.to_node})) {
        EXPECT_EQ(hop.relationship, core::Relationship::k_intersects_with) << hop.from_node;
        rests_on_them = true;
      }
    }
    if (!rests_on_them) continue;
    ++through;
    EXPECT_EQ(e.relationship, core::Relationship::k_intersects_with)
        << e.source << " -> " << e.target << " is " << core::to_string(e.relationship);
  }
  EXPECT_GE(through, intersecting.size()) << "every pair is reached from TR 27103";
}

}  // namespace
}  // namespace cyberframe::catalog
