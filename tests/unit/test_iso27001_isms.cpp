// ISO/IEC 27001:2022 clauses 4-10 as a framework (iso-iec-27001-2022-isms) and the mapping sets
// that reach it: its nodes are the standard's clauses with the standard's titles, the clauses that
// state requirements are assessed, and TR 27103's citations of 27001:2013 clauses arrive at their
// 2022 numbers.

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "builtin_catalog_fixture.hpp"
#include "core/crosswalk.hpp"
#include "core/profile.hpp"
#include "util/text.hpp"

namespace cyberframe::catalog {
namespace {

using testing::cat;
using testing::level_counts;

constexpr const char* k_isms = "iso-iec-27001-2022-isms";

bool in_clauses_4_to_10(const std::string& clause) {
  auto top = clause.substr(0, clause.find('.'));
  return top.find_first_not_of("0123456789") == std::string::npos && !top.empty() &&
         std::stoi(top) >= 4 && std::stoi(top) <= 10;
}

TEST(Iso27001Isms, IsClausesFourToTenWithTheStandardsTitles) {
  const auto* fw = cat().framework(k_isms);
  ASSERT_NE(fw, nullptr);
  EXPECT_EQ(fw->conformance, core::Conformance::k_none);
  auto counts = level_counts(k_isms);
  EXPECT_EQ(counts[core::Level::k_function], 7);
  EXPECT_EQ(counts[core::Level::k_category], 23);
  EXPECT_EQ(counts[core::Level::k_subcategory], 11);
  // Node for node, the clauses 4-10 of the standard, in its order and with its titles.
  std::vector<std::string> clauses, nodes;
  for (const auto& c : cat().standard("iso-iec-27001-2022")->clauses)
    if (in_clauses_4_to_10(c.id)) clauses.push_back(c.id + " " + c.title);
  for (const auto* n : cat().nodes_in_order(k_isms)) nodes.push_back(n->id + " " + n->title);
  EXPECT_EQ(nodes, clauses);
  EXPECT_EQ(cat().node(k_isms, "6.3")->title, "Planning of changes") << "new in 2022";
  EXPECT_EQ(cat().node(k_isms, "10.1")->title, "Continual improvement") << "10.1 and 10.2 swapped";
  EXPECT_EQ(cat().parent(k_isms, "9.2.2")->id, "9.2");
}

TEST(Iso27001Isms, EveryRequirementClauseIsAssessedAndCitesItself) {
  std::vector<std::string> leaves;
  for (const auto* n : cat().nodes_in_order(k_isms)) {
    if (!n->children.empty() || n->level == core::Level::k_function) continue;
    leaves.push_back(n->id);
    ASSERT_EQ(n->references.size(), 1u) << n->id;
    EXPECT_EQ(n->references[0].standard, "iso-iec-27001-2022");
    EXPECT_EQ(n->references[0].clause, n->id);
  }
  EXPECT_EQ(util::join(leaves, " "),
            "4.1 4.2 4.3 4.4 5.1 5.2 5.3 6.1.1 6.1.2 6.1.3 6.2 6.3 7.1 7.2 7.3 7.4 7.5.1 7.5.2 "
            "7.5.3 8.1 8.2 8.3 9.1 9.2.1 9.2.2 9.3.1 9.3.2 9.3.3 10.1 10.2");
}

TEST(Iso27001Isms, ClausesCarryTheDocumentedInformationTheyAskFor) {
  std::vector<std::string> with;
  for (const auto* n : cat().nodes_in_order(k_isms)) {
    auto it = n->properties.find("documented-information");
    if (it == n->properties.end()) continue;
    EXPECT_EQ(n->properties.size(), 1u) << n->id;
    with.push_back(n->id);
    for (const auto& v : it->second) {
      bool qualified = v.ends_with("(available)") || v.ends_with("(retained)") ||
                       v.ends_with("(available and retained)") ||
                       v.ends_with("(available, to the extent necessary)") ||
                       v.ends_with("(produced, item d)") || v.ends_with("(item b)");
      EXPECT_TRUE(qualified) << n->id << ": " << v;
    }
  }
  EXPECT_EQ(util::join(with, " "),
            "4.3 5.2 6.1.2 6.1.3 6.2 7.2 7.5.1 8.1 8.2 8.3 9.1 9.2.2 9.3.3 10.2");
  auto di = [](const char* id) {
    return util::join(cat().node(k_isms, id)->properties.at("documented-information"), "; ");
  };
  EXPECT_EQ(di("4.3"), "Scope of the ISMS (available)");
  EXPECT_EQ(di("6.1.3"),
            "Statement of Applicability (produced, item d); Information security risk treatment "
            "process (retained)");
  EXPECT_EQ(di("10.2"),
            "Nature of the nonconformities and any subsequent actions taken (available); Results "
            "of any corrective action (available)");
}

TEST(Iso27001Isms, AProfileAssessesTheClausesAndRollsThemUp) {
  core::Profile profile;
  profile.framework = k_isms;
  auto level = [](const char* node, int value) {
    core::NodeAssessment a;
    a.node = node;
    a.level = value;
    return a;
  };
  EXPECT_TRUE(core::validate(cat(), profile, core::default_scale(), level("9.2.2", 3)).has_value());
  EXPECT_TRUE(core::validate(cat(), profile, core::default_scale(), level("9.1", 3)).has_value());
  auto scores = core::roll_up(
      cat(), k_isms,
      {{"9.1", level("9.1", 4)}, {"9.2.1", level("9.2.1", 1)}, {"9.2.2", level("9.2.2", 3)}});
  EXPECT_EQ(scores["9.2"].value, 2.0) << "a heading is the mean of its subclauses";
  EXPECT_EQ(scores["9.2"].total, 2);
  EXPECT_EQ(scores["9"].value, 3.0) << "9.1 (4) and 9.2 (2) weigh the same; 9.3 unassessed";
  EXPECT_EQ(scores["9"].total, 6);
}

TEST(Iso27001Isms, EqualToTheStandardsClauses) {
  const auto* set = cat().mapping_set("iso-iec-27001-2022-isms-to-iso-iec-27001-2022");
  ASSERT_NE(set, nullptr);
  std::set<std::string> mapped;
  for (const auto& m : set->mappings) {
    EXPECT_EQ(m.relationship, core::Relationship::k_equal) << m.source;
    EXPECT_EQ(m.targets, std::vector<std::string>{m.source});
    mapped.insert(m.source);
  }
  EXPECT_EQ(mapped.size(), cat().nodes_in_order(k_isms).size());
}

// The TR cites ISO/IEC 27001:2013; each citation of a clause 4-10 on a subcategory has an entry,
// to the clause's 2022 successors by the edition mapping set, or to the clause node itself when
// the TR cites a whole clause.
TEST(Tr27103ToIsms, EveryCitationArrivesAtItsTwentyTwentyTwoClause) {
  const auto* set = cat().mapping_set("iso-tr-27103-2018-to-iso-iec-27001-2022-isms");
  ASSERT_NE(set, nullptr);
  std::map<std::string, std::vector<std::string>> successors;
  for (const auto& m : cat().mapping_set("iso-iec-27001-2013-to-2022")->mappings)
    successors[m.source] = m.targets;
  std::set<std::pair<std::string, std::string>> expected, mapped;
  for (const auto* n : cat().nodes_in_order("iso-tr-27103-2018")) {
    if (n->level != core::Level::k_subcategory) continue;
    for (const auto& r : n->references) {
      ASSERT_NE(r.standard, "iso-iec-27001") << "an undated citation would need a rule";
      ASSERT_NE(r.standard, "iso-iec-27001-2022") << "the TR cites the 2013 edition";
      if (r.standard != "iso-iec-27001-2013" || !in_clauses_4_to_10(r.clause)) continue;
      bool whole_clause = r.clause.find('.') == std::string::npos;
      for (const auto& t : whole_clause ? std::vector<std::string>{r.clause} : successors[r.clause])
        expected.insert({n->id, t});
    }
  }
  std::map<core::Relationship, int> by_relationship;
  for (const auto& m : set->mappings) {
    EXPECT_FALSE(m.rationale.empty()) << m.source;
    for (const auto& t : m.targets) {
      EXPECT_TRUE(mapped.insert({m.source, t}).second) << m.source << " -> " << t << " twice";
      ++by_relationship[m.relationship];
    }
  }
  EXPECT_EQ(mapped, expected);
  EXPECT_EQ(mapped.size(), 29u);
  EXPECT_TRUE(mapped.contains({"ID.RM-1", "9.3.3"})) << "2013 9.3 is 9.3.1-9.3.3";
  // Typed by reading: only ID.RA-4 (impacts and likelihoods, 6.1.2 d) is contained in its clause.
  EXPECT_EQ(by_relationship[core::Relationship::k_subset_of], 1);
  EXPECT_EQ(by_relationship[core::Relationship::k_intersects_with], 28);
}

TEST(Tr27103ToIsms, TheCrosswalkShowsWhichClauseSupportsWhichOutcome) {
  core::CrosswalkEngine engine(cat(), {});
  auto cw = engine.crosswalk("iso-tr-27103-2018", k_isms);
  ASSERT_TRUE(cw.has_value()) << cw.error().message;
  auto of = [&](const char* source) {
    std::vector<std::string> out;
    for (const auto* e : (*cw)->of(source))
      out.push_back(e->target + " " + std::string(core::to_string(e->relationship)));
    return out;
  };
  EXPECT_EQ(of("ID.RA-4"), std::vector<std::string>{"6.1.2 subset-of"});
  EXPECT_EQ(of("ID.BE-2"), std::vector<std::string>{"4.1 intersects-with"});
  // NIST CSF 1.1 reaches the clauses through its informative references to ISO/IEC 27001:2013.
  auto csf = engine.crosswalk("nist-csf-1.1", k_isms);
  ASSERT_TRUE(csf.has_value()) << csf.error().message;
  std::vector<std::string> be2;
  for (const auto* e : (*csf)->of("ID.BE-2"))
    be2.push_back(e->target + " " + std::string(core::to_string(e->relationship)));
  EXPECT_EQ(be2, std::vector<std::string>{"4.1 intersects-with"});
}

}  // namespace
}  // namespace cyberframe::catalog
