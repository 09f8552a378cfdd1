// The built-in catalog: it loads cleanly, and its content matches the source documents.

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "builtin_catalog_fixture.hpp"
#include "catalog/builtin.hpp"
#include "catalog/conformance.hpp"
#include "catalog/loader.hpp"
#include "catalog/writer.hpp"
#include "util/text.hpp"

namespace cyberframe::catalog {
namespace {

using testing::builtin;
using testing::cat;
using testing::level_counts;
using testing::read_file;

TEST(BuiltinCatalog, LoadsWithoutAnyDiagnostic) {
  for (const auto& d : builtin().diagnostics) ADD_FAILURE() << d.to_string();
  EXPECT_TRUE(builtin().rejected_files.empty());
  EXPECT_EQ(builtin_files().size(), cat().frameworks().size() + cat().standards().size() +
                                        cat().mapping_sets().size() + cat().criteria_sets().size() +
                                        cat().threat_catalogues().size());
}

TEST(BuiltinCatalog, EveryItemCarriesProvenance) {
  for (const auto& [id, fw] : cat().frameworks()) {
    EXPECT_FALSE(fw.provenance.source.empty()) << id;
    if (fw.derivation) {
      EXPECT_EQ(fw.provenance.method, core::Method::k_derived) << id;
    }
  }
  for (const auto& [id, s] : cat().standards()) EXPECT_FALSE(s.provenance.source.empty()) << id;
  for (const auto& [id, m] : cat().mapping_sets()) EXPECT_FALSE(m.provenance.source.empty()) << id;
}

// "One provenance line each: source, edition, licence" for every built-in framework and mapping
// set.
TEST(BuiltinCatalog, FrameworksAndMappingSetsStateEditionAndLicence) {
  for (const auto& [id, fw] : cat().frameworks()) {
    EXPECT_FALSE(fw.provenance.edition.empty()) << id;
    EXPECT_FALSE(fw.provenance.licence.empty()) << id;
  }
  for (const auto& [id, set] : cat().mapping_sets()) {
    EXPECT_FALSE(set.provenance.edition.empty()) << id;
    EXPECT_FALSE(set.provenance.licence.empty()) << id;
  }
  EXPECT_EQ(cat().framework("nist-csf-2.0")->provenance.licence.substr(0, 13), "public domain");
  EXPECT_NE(cat().framework("iso-tr-27103-2018")->provenance.licence.find("copyright ISO/IEC"),
            std::string::npos);
}

// The rule holds for built-in files only: a built-in framework without a licence is an error at
// its place; the same framework in a user's file is accepted.
TEST(BuiltinCatalog, ABuiltInItemWithoutLicenceIsAnError) {
  core::Framework fw = *cat().framework("nist-csf-1.1");
  fw.provenance.licence.clear();
  LoadResult builtin_result;
  builtin_result.catalog.add(fw);
  check_builtin_provenance(builtin_result);
  ASSERT_EQ(builtin_result.diagnostics.size(), 1u);
  EXPECT_EQ(builtin_result.diagnostics[0].location.file, "catalog/frameworks/nist-csf-1.1.yaml");
  EXPECT_NE(builtin_result.diagnostics[0].message.find("lacks 'provenance.licence'"),
            std::string::npos);
  EXPECT_FALSE(builtin_result.ok());

  fw.location.file = "my-catalog/nist-csf-1.1.yaml";
  LoadResult user_result;
  user_result.catalog.add(fw);
  check_builtin_provenance(user_result);
  EXPECT_TRUE(user_result.diagnostics.empty());
}

TEST(Tr27103, HasFiveFunctionsTwentyTwoCategoriesEightyEightSubcategories) {
  auto counts = level_counts("iso-tr-27103-2018");
  EXPECT_EQ(counts[core::Level::k_function], 5);
  EXPECT_EQ(counts[core::Level::k_category], 22);
  EXPECT_EQ(counts[core::Level::k_subcategory], 88);
  const auto& fw = *cat().framework("iso-tr-27103-2018");
  std::vector<std::string> functions;
  for (const auto& f : fw.nodes) functions.push_back(f.id + " " + f.title);
  EXPECT_EQ(functions, (std::vector<std::string>{"ID Identify", "PR Protect", "DE Detect",
                                                 "RS Respond", "RC Recover"}));
}

// Row counts of Annex A Tables A.1-A.22, counted in the seed (tests/data/tr27103-seed-samples.yaml
// records them with the samples); every subcategory names its table and row.
TEST(Tr27103, EveryAnnexATableHasItsRowsInOrder) {
  auto samples =
      YAML::LoadFile(std::string(CYBERFRAME_SOURCE_DIR) + "/tests/data/tr27103-seed-samples.yaml");
  std::map<std::string, int> expected_rows;
  for (const auto& t : samples["tables"])
    expected_rows[t["table"].as<std::string>()] = t["rows"].as<int>();
  ASSERT_EQ(expected_rows.size(), 27u) << "Tables 1-5 and A.1-A.22";

  std::map<std::string, std::vector<std::string>> rows_by_table;  // table -> node ids in order
  for (const auto* n : cat().nodes_in_order("iso-tr-27103-2018")) {
    if (n->level == core::Level::k_function) continue;
    // "Table A.2, row 3" -> table "A.2"
    ASSERT_TRUE(n->source.starts_with("Table ")) << n->id << " source '" << n->source << "'";
    auto comma = n->source.find(", row ");
    ASSERT_NE(comma, std::string::npos) << n->id;
    auto table = n->source.substr(6, comma - 6);
    auto row = std::stoi(n->source.substr(comma + 6));
    auto& rows = rows_by_table[table];
    rows.push_back(n->id);
    if (n->level == core::Level::k_subcategory) {
      EXPECT_EQ(static_cast<int>(rows.size()), row)
          << n->id << " is not row " << rows.size() << " of Table " << table;
      // The id's number is the row number (ID.BE-1 is row 1).
      EXPECT_EQ(n->id.substr(n->id.rfind('-') + 1), std::to_string(row)) << n->id;
    }
  }
  for (const auto& [table, rows] : expected_rows) {
    EXPECT_EQ(static_cast<int>(rows_by_table[table].size()), rows) << "Table " << table;
  }
}

// A sample of rows per table: the references as the seed prints them (the sample file quotes the
// seed's lines verbatim, and this test checks they are in the seed).
TEST(Tr27103, SampledReferencesMatchTheSeed) {
  auto samples =
      YAML::LoadFile(std::string(CYBERFRAME_SOURCE_DIR) + "/tests/data/tr27103-seed-samples.yaml");
  const std::string seed_path =
      std::string(CYBERFRAME_SHARED_DIR) + "/seeds/003_7b347f0b97d6aafb.txt";
  const auto seed = read_file(seed_path);
  ASSERT_FALSE(seed.empty()) << "the seed is read from " << seed_path;
  int sampled = 0;
  for (const auto& table : samples["tables"]) {
    int in_table = 0;
    for (const auto& s : table["samples"]) {
      auto id = s["node"].as<std::string>();
      SCOPED_TRACE("Table " + table["table"].as<std::string>() + " " + id);
      for (const auto& line : s["seed_lines"]) {
        EXPECT_NE(seed.find(line.as<std::string>()), std::string::npos)
            << "not in the seed: " << line.as<std::string>();
      }
      const auto* node = cat().node("iso-tr-27103-2018", id);
      ASSERT_NE(node, nullptr);
      auto starts = s["description_starts"].as<std::string>();
      const auto& text = node->description;
      EXPECT_TRUE(util::to_lower(text).starts_with(util::to_lower(starts))) << text;
      std::vector<std::string> expected, actual;
      for (const auto& r : s["references"]) {
        auto designation = r[0].as<std::string>();
        // The seed says "series" once where it means all parts.
        if (designation.ends_with(" series"))
          designation.replace(designation.size() - 7, 7, " (all parts)");
        expected.push_back(designation + (r[1].IsNull() ? "" : " " + r[1].as<std::string>()));
      }
      for (const auto& r : node->references) actual.push_back(reference_label(cat(), r));
      EXPECT_EQ(actual, expected);
      ++in_table;
      ++sampled;
    }
    EXPECT_GE(in_table, std::min(2, table["rows"].as<int>()))
        << "Table " << table["table"].as<std::string>();
  }
  EXPECT_GE(sampled, 54);
}

TEST(Tr27103, MisprintsAreKeptWithTheirLikelyIntent) {
  bool found_2035 = false;
  for (const auto* n : cat().nodes_in_order("iso-tr-27103-2018")) {
    for (const auto& r : n->references) {
      if (r.printed == "ISO/IEC 2035") {
        found_2035 = true;
        EXPECT_EQ(r.standard, "iso-iec-27035") << n->id;
        EXPECT_FALSE(r.note.empty());
        EXPECT_EQ(reference_to_json(cat(), r)["standard"], "ISO/IEC 2035");
        EXPECT_EQ(reference_to_json(cat(), r)["intended"], "ISO/IEC 27035");
      }
    }
  }
  EXPECT_TRUE(found_2035);
  const auto* gv = cat().node("iso-tr-27103-2018", "ID.GV");
  ASSERT_NE(gv, nullptr);
  EXPECT_TRUE(std::any_of(gv->references.begin(), gv->references.end(),
                          [](const core::Reference& r) { return r.printed == "ISO/IEC 38054"; }));
}

TEST(Tr27103AnnexB, ThreePrinciplesAndTenEssentials) {
  const auto* fw = cat().framework("iso-tr-27103-2018-annex-b");
  ASSERT_NE(fw, nullptr);
  EXPECT_EQ(fw->conformance, core::Conformance::k_none);
  ASSERT_EQ(fw->nodes.size(), 2u);
  EXPECT_EQ(fw->nodes[0].children.size(), 3u) << "three principles";
  EXPECT_EQ(level_counts(fw->id)[core::Level::k_subcategory], 10) << "ten essentials";
  const auto* e4 = cat().node(fw->id, "TE-4");
  ASSERT_NE(e4, nullptr);
  // Table B.2 row (4): 9 clauses of ISO/IEC 27001:2013 and 7 controls of ISO/IEC 27002:2013.
  EXPECT_EQ(e4->references.size(), 16u);
}

TEST(Ts27110, ExamplesAreTheirOwnFrameworks) {
  auto e1 = level_counts("iso-ts-27110-2021-example-1");
  EXPECT_EQ(e1[core::Level::k_function], 5);
  EXPECT_EQ(e1[core::Level::k_category], 22);
  auto e2 = level_counts("iso-ts-27110-2021-example-2");
  EXPECT_EQ(e2[core::Level::k_category], 22);
  EXPECT_EQ(e2[core::Level::k_subcategory], 88);
  // Example 2 replicates TR 27103 Annex A: the same outcomes under the same ids.
  for (const auto* n : cat().nodes_in_order("iso-ts-27110-2021-example-2")) {
    if (n->level != core::Level::k_subcategory) continue;
    EXPECT_NE(cat().node("iso-tr-27103-2018", n->id), nullptr) << n->id;
  }
  const auto* e3 = cat().framework("iso-ts-27110-2021-example-3");
  ASSERT_NE(e3, nullptr);
  const auto* am = cat().node(e3->id, "ID.AM");
  ASSERT_NE(am, nullptr);
  EXPECT_FALSE(am->activities.empty());
  EXPECT_FALSE(am->inputs.empty());
  EXPECT_FALSE(am->outputs.empty());
}

TEST(Conformance, BuiltInFrameworksAreJudgedHonestly) {
  for (const auto* id :
       {"iso-tr-27103-2018", "iso-tr-27103-2018-aligned-27002-2022", "iso-ts-27110-2021-example-1",
        "iso-ts-27110-2021-example-2", "nist-csf-1.1"}) {
    auto report = check_conformance(cat(), *cat().framework(id));
    EXPECT_TRUE(report.conformant()) << id;
  }
  // The seed's copy of Example 3 stops after Protect.
  auto e3 = check_conformance(cat(), *cat().framework("iso-ts-27110-2021-example-3"));
  EXPECT_FALSE(e3.conformant());
  EXPECT_EQ(e3.concepts_missing, (std::vector<std::string>{"Detect", "Respond", "Recover"}));
  auto b = check_conformance(cat(), *cat().framework("iso-tr-27103-2018-annex-b"));
  EXPECT_FALSE(b.applicable);
  // NIST CSF 1.1: three subcategories cite no ISO/IEC 27001:2013 clause.
  auto csf = check_conformance(cat(), *cat().framework("nist-csf-1.1"));
  EXPECT_EQ(csf.subcategories_without_references, 3u);
}

TEST(Iso27002, EditionsHaveTheirControls) {
  auto controls = [](const char* id) {
    int n = 0;
    for (const auto& c : cat().standard(id)->clauses) n += c.type == "control";
    return n;
  };
  EXPECT_EQ(controls("iso-iec-27002-2013"), 114);
  EXPECT_EQ(controls("iso-iec-27002-2022"), 93);
  // ISO/IEC 27001 Annex A mirrors ISO/IEC 27002's controls.
  EXPECT_NE(cat().standard("iso-iec-27001-2013")->find_clause("A.12.6.1"), nullptr);
  EXPECT_NE(cat().standard("iso-iec-27001-2022")->find_clause("A.8.8"), nullptr);
  EXPECT_EQ(cat().standard("iso-iec-27001-2022")->find_clause("A.8.8")->title,
            "Management of technical vulnerabilities");
  EXPECT_NE(cat().standard("iso-iec-27001-2022")->find_clause("6.3"), nullptr)
      << "Planning of changes, new in 2022";
}

TEST(Iso27002, TheEditionMappingCoversEveryOldControl) {
  const auto* set = cat().mapping_set("iso-iec-27002-2013-to-2022");
  ASSERT_NE(set, nullptr);
  std::map<std::string, int> mapped;
  std::set<std::string> targets;
  for (const auto& m : set->mappings) {
    ++mapped[m.source];
    for (const auto& t : m.targets) targets.insert(t);
  }
  int controls = 0;
  for (const auto& c : cat().standard("iso-iec-27002-2013")->clauses) {
    if (c.type != "control") continue;
    ++controls;
    EXPECT_EQ(mapped[c.id], 1) << "27002:2013 control " << c.id;
  }
  EXPECT_EQ(controls, 114);
  // 82 of the 93 new controls continue old ones; 11 are new in 2022.
  EXPECT_EQ(targets.size(), 82u);
  for (const auto* new_control :
       {"5.7", "5.23", "5.30", "7.4", "8.9", "8.10", "8.11", "8.12", "8.16", "8.23", "8.28"})
    EXPECT_FALSE(targets.contains(new_control)) << new_control;
  // Well-known rows of ISO/IEC 27002:2022 Annex B.
  auto target_of = [&](const std::string& old) {
    for (const auto& m : set->mappings)
      if (m.source == old) return util::join(m.targets, ",");
    return std::string();
  };
  EXPECT_EQ(target_of("5.1.1"), "5.1");
  EXPECT_EQ(target_of("12.6.1"), "8.8");
  EXPECT_EQ(target_of("9.4.2"), "8.5");
  EXPECT_EQ(target_of("16.1.4"), "5.25");
  EXPECT_EQ(target_of("18.1.3"), "5.33");
}

TEST(Aligned2022, IsDerivedWithAChangeReport) {
  const auto* fw = cat().framework("iso-tr-27103-2018-aligned-27002-2022");
  ASSERT_NE(fw, nullptr);
  ASSERT_TRUE(fw->derivation.has_value());
  EXPECT_EQ(fw->provenance.method, core::Method::k_derived);
  auto counts = level_counts(fw->id);
  EXPECT_EQ(counts[core::Level::k_subcategory], 88);
  // No reference to ISO/IEC 27001:2013 or 27002:2013 is left, unless the report says it has no
  // successor.
  std::set<std::pair<std::string, std::string>> kept;
  for (const auto& c : fw->derivation->changes) {
    if (c.kind == core::ChangeKind::k_no_successor) kept.emplace(c.node, c.before.clause);
  }
  for (const auto* n : cat().nodes_in_order(fw->id)) {
    for (const auto& r : n->references) {
      if (r.standard == "iso-iec-27002-2013" || r.standard == "iso-iec-27001-2013") {
        EXPECT_TRUE(kept.contains({n->id, r.clause}))
            << n->id << " still cites " << r.standard << " " << r.clause;
      }
    }
  }
  // ID.RA-1: 27002:2013 12.6.1 and 18.2.3 -> 27002:2022 8.8 (both) and 5.36 (from 18.2.3).
  const auto* ra1 = cat().node(fw->id, "ID.RA-1");
  std::vector<std::string> refs;
  for (const auto& r : ra1->references) {
    if (r.standard == "iso-iec-27002-2022") refs.push_back(r.clause);
  }
  EXPECT_EQ(refs, (std::vector<std::string>{"8.8", "5.36"}));
  std::map<std::string, core::ChangeKind> kinds;
  for (const auto& c : fw->derivation->changes) {
    if (c.node == "ID.RA-1") kinds[c.before.clause] = c.kind;
  }
  EXPECT_EQ(kinds["12.6.1"], core::ChangeKind::k_merged);
  EXPECT_EQ(kinds["18.2.3"], core::ChangeKind::k_split);
  // The source framework is untouched.
  const auto* src = cat().node("iso-tr-27103-2018", "ID.RA-1");
  EXPECT_EQ(src->references[0].standard, "iso-iec-27002-2013");
}

TEST(NistCsf11, CoreAndIsoReferences) {
  auto counts = level_counts("nist-csf-1.1");
  EXPECT_EQ(counts[core::Level::k_function], 5);
  EXPECT_EQ(counts[core::Level::k_category], 23);
  EXPECT_EQ(counts[core::Level::k_subcategory], 108);
  int with_iso = 0;
  for (const auto* n : cat().nodes_in_order("nist-csf-1.1")) {
    if (n->level == core::Level::k_subcategory && !n->references.empty()) ++with_iso;
  }
  EXPECT_EQ(with_iso, 105);
}

// Checks the CSF 1.1 file against NIST's spreadsheet export in ../shared/data.
TEST(NistCsf11, MatchesNistCoreSpreadsheet) {
  const auto csv =
      read_file(std::string(CYBERFRAME_SHARED_DIR) + "/data/nist/nist-csf-1.1-core.csv");
  ASSERT_FALSE(csv.empty());
  int subcategories = 0;
  for (const auto* n : cat().nodes_in_order("nist-csf-1.1")) {
    if (n->level != core::Level::k_subcategory) continue;
    ++subcategories;
    EXPECT_NE(csv.find(n->id + ":"), std::string::npos) << n->id;
  }
  EXPECT_EQ(subcategories, 108);
}

TEST(Crosswalk, Tr27103ToCsf11CoversEverySubcategory) {
  const auto* set = cat().mapping_set("iso-tr-27103-2018-to-nist-csf-1.1");
  ASSERT_NE(set, nullptr);
  std::set<std::string> sources;
  for (const auto& m : set->mappings) sources.insert(m.source);
  for (const auto* n : cat().nodes_in_order("iso-tr-27103-2018")) {
    if (n->level == core::Level::k_subcategory) {
      EXPECT_TRUE(sources.contains(n->id)) << n->id;
    }
  }
  auto rel = [&](const std::string& src) {
    for (const auto& m : set->mappings)
      if (m.source == src)
        return std::string(core::to_string(m.relationship)) + " " + util::join(m.targets, ",");
    return std::string();
  };
  EXPECT_EQ(rel("ID.BE-1"), "equal ID.BE-1");
  EXPECT_EQ(rel("PR.IP-10"), "equivalent PR.IP-12") << "TR rows shift against CSF ids";
}

// Every framework written as YAML in the catalog format loads back to the same tree.
TEST(Export, YamlRoundTripsEveryFramework) {
  for (const auto& [id, fw] : cat().frameworks()) {
    SCOPED_TRACE(id);
    Loader loader;
    for (const auto& f : builtin_files()) loader.add_text(std::string(f.path), f.content);
    loader.add_text("exported.yaml", framework_to_yaml(fw), true);
    auto again = loader.finish();
    for (const auto& d : again.diagnostics) ADD_FAILURE() << d.to_string();
    const auto* back = again.catalog.framework(id);
    ASSERT_NE(back, nullptr);
    auto a = framework_to_json(cat(), fw);
    auto b = framework_to_json(again.catalog, *back);
    a.erase("derived");
    a["provenance"].erase("method");
    b["provenance"].erase("method");
    EXPECT_EQ(a, b);
  }
}

}  // namespace
}  // namespace cyberframe::catalog
