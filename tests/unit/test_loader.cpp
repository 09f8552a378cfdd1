// The catalog loader on small inline files: every error has its file, line and column, and a
// file with an error contributes nothing.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "catalog/loader.hpp"

namespace cyberframe::catalog {
namespace {

const char* const k_standard = R"(kind: standard
id: iso-iec-27002-2013
designation: ISO/IEC 27002:2013
title: Code of practice for information security controls
edition: "2013"
provenance: { source: test, method: transcribed }
clauses:
  - { id: "12", title: Operations security, type: section }
  - { id: "12.6", title: Technical vulnerability management, type: objective }
  - { id: "12.6.1", title: Management of technical vulnerabilities, type: control }
)";

std::vector<std::string> errors_of(const LoadResult& r) {
  std::vector<std::string> out;
  for (const auto& d : r.diagnostics) out.push_back(d.to_string());
  return out;
}

LoadResult load_texts(const std::vector<std::pair<std::string, std::string>>& files) {
  Loader loader;
  for (const auto& [path, text] : files) loader.add_text(path, text);
  return loader.finish();
}

TEST(Loader, LoadsAFrameworkThatCitesAStandard) {
  auto r = load_texts({{"std.yaml", k_standard}, {"fw.yaml", R"(kind: framework
id: mini
title: Mini
provenance: { source: test, method: user-authored }
nodes:
  - id: ID
    level: function
    title: Identify
    children:
      - id: ID.RA
        level: category
        title: Risk assessment
        children:
          - id: ID.RA-1
            level: subcategory
            description: Asset vulnerabilities are identified
            references:
              - { standard: iso-iec-27002-2013, clauses: ["12.6.1", "12"] }
)"}});
  ASSERT_TRUE(r.ok()) << ::testing::PrintToString(errors_of(r));
  const auto* node = r.catalog.node("mini", "ID.RA-1");
  ASSERT_NE(node, nullptr);
  ASSERT_EQ(node->references.size(), 2u);
  EXPECT_EQ(node->references[0].clause, "12.6.1");
  EXPECT_EQ(node->references[1].clause, "12");
  EXPECT_EQ(node->references[0].location.line, 18);
  EXPECT_EQ(r.catalog.parent("mini", "ID.RA-1")->id, "ID.RA");
}

struct BrokenCase {
  const char* name;
  const char* text;
  std::vector<std::string> expected;  // every diagnostic, in order
};

void PrintTo(const BrokenCase& c, std::ostream* os) {
  *os << c.name;
}

class BrokenFramework : public ::testing::TestWithParam<BrokenCase> {};

TEST_P(BrokenFramework, ReportsEveryProblemWithItsLocationAndLoadsNothing) {
  const auto& c = GetParam();
  auto r = load_texts({{"std.yaml", k_standard}, {"bad.yaml", c.text}});
  EXPECT_EQ(errors_of(r), c.expected);
  EXPECT_TRUE(r.catalog.frameworks().empty()) << "a broken file must not half-load";
  EXPECT_NE(r.catalog.standard("iso-iec-27002-2013"), nullptr) << "other files still load";
  ASSERT_EQ(r.rejected_files.size(), 1u);
  EXPECT_EQ(r.rejected_files[0], "bad.yaml");
}

const char* const k_head =
    "kind: framework\nid: fw\ntitle: T\nprovenance: { source: s, method: user-authored }\n";

std::string with_head(const std::string& nodes) {
  return std::string(k_head) + nodes;
}

const std::string k_unknown_clause = with_head(R"(nodes:
  - id: ID
    level: function
    title: Identify
    references: [ { standard: iso-iec-27002-2013, clause: "12.6.9" } ]
)");
const std::string k_unknown_standard = with_head(R"(nodes:
  - { id: ID, level: function, title: Identify, references: [ { standard: iso-iec-99999 } ] }
)");
const std::string k_wrong_level = with_head(R"(nodes:
  - id: ID
    level: function
    title: Identify
    children:
      - { id: ID.AM-1, level: subcategory, description: Devices are inventoried }
)");
const std::string k_duplicate = with_head(R"(nodes:
  - { id: ID, level: function, title: Identify }
  - { id: ID, level: function, title: Identify again }
)");
const std::string k_missing_title = with_head(R"(nodes:
  - { id: ID, level: function }
)");
const std::string k_bad_clause_list = with_head(R"(nodes:
  - { id: ID, level: function, title: I, references: [ { standard: iso-iec-27002-2013, clause: "1", clauses: ["2"] } ] }
)");
const std::string k_bad_level = with_head(R"(nodes:
  - { id: ID, level: concept, title: Identify }
)");
const std::string k_bool = with_head(R"(nodes:
  - { id: ID, level: function, title: I, references: [ { standard: iso-iec-27002-2013, all_parts: yes } ] }
)");

INSTANTIATE_TEST_SUITE_P(
    Cases, BrokenFramework,
    ::testing::Values(
        BrokenCase{"unknown_clause",
                   k_unknown_clause.c_str(),
                   {"bad.yaml:9:59: error: node ID cites clause '12.6.9' of ISO/IEC 27002:2013, "
                    "which has no such "
                    "clause"}},
        BrokenCase{"unknown_standard",
                   k_unknown_standard.c_str(),
                   {"bad.yaml:6:63: error: node ID cites unknown standard 'iso-iec-99999' (add a "
                    "standard file, "
                    "or fix the id)"}},
        BrokenCase{"wrong_level",
                   k_wrong_level.c_str(),
                   {"bad.yaml:10:31: error: node ID.AM-1 is a subcategory but children of ID must "
                    "be category "
                    "nodes"}},
        BrokenCase{"duplicate",
                   k_duplicate.c_str(),
                   {"bad.yaml:7:11: error: duplicate node id 'ID' (first defined at line 6)"}},
        BrokenCase{"missing_title",
                   k_missing_title.c_str(),
                   {"bad.yaml:6:5: error: missing required key 'title' in node ID"}},
        BrokenCase{"clause_and_clauses",
                   k_bad_clause_list.c_str(),
                   {"bad.yaml:6:56: error: a reference of node ID has both 'clause' and 'clauses': "
                    "use one"}},
        BrokenCase{"unknown_level",
                   k_bad_level.c_str(),
                   {"bad.yaml:6:22: error: unknown level 'concept' (expected function, category, "
                    "subcategory or "
                    "statement)"}},
        BrokenCase{
            "not_a_boolean",
            k_bool.c_str(),
            {"bad.yaml:6:99: error: 'all_parts' of a reference of node ID must be true or false"}}),
    [](const ::testing::TestParamInfo<BrokenCase>& info) { return std::string(info.param.name); });

TEST(Loader, FileLevelProblemsAreUnreadable) {
  Loader loader;
  loader.add_text("empty.yaml", "");
  loader.add_text("comment.yaml", "# nothing here\n");
  loader.add_text("syntax.yaml", "kind: framework\ntitle: [unclosed\n");
  loader.add_text("binary.yaml", std::string("kind: x\nid: \x00\x01", 13));
  loader.add_text("latin1.yaml", "title: caf\xe9\n");
  loader.add_text("big.yaml", std::string(k_max_file_bytes + 1, '#'));
  auto r = loader.finish();
  std::vector<std::string> expected{
      "big.yaml: error: file is 16777217 bytes; a catalog file may be at most 16777216 bytes (16 "
      "MiB)",
      "binary.yaml:2:5: error: not a UTF-8 text file (byte 0x00 at offset 12); catalog files are "
      "YAML text",
      "comment.yaml:1:1: error: the file is empty; expected a catalog document starting with "
      "'kind:'",
      "empty.yaml:1:1: error: the file is empty; expected a catalog document starting with 'kind:'",
      "latin1.yaml:1:11: error: not a UTF-8 text file (byte 0xE9 at offset 10); catalog files are "
      "YAML text",
      "syntax.yaml:3:1: error: YAML syntax error: did not find expected ',' or ']' (while "
      "parsing a flow sequence that starts at line 2, column 8)",
  };
  EXPECT_EQ(errors_of(r), expected);
  for (const auto& d : r.diagnostics)
    EXPECT_EQ(d.kind, DiagnosticKind::k_unreadable) << d.to_string();
  EXPECT_EQ(r.rejected_files.size(), 6u);
}

TEST(Loader, DuplicateIdsAcrossFilesRejectTheLaterFile) {
  auto r = load_texts({{"a.yaml", k_standard}, {"b.yaml", k_standard}});
  EXPECT_EQ(
      errors_of(r),
      std::vector<std::string>{
          "b.yaml:1:1: error: duplicate id 'iso-iec-27002-2013': already declared by a.yaml:1"});
  EXPECT_NE(r.catalog.standard("iso-iec-27002-2013"), nullptr);
}

// An annex mirrors another standard's clauses with a prefix, and may word a title its own way
// (ISO/IEC 27001:2022 Table A.1 against ISO/IEC 27002:2022); a title for a clause the annex does
// not make is an error at its place.
TEST(Loader, AnAnnexTakesItsOwnTitlesWhereItSaysSo) {
  auto annexed = [](const std::string& titles) {
    return "kind: standard\nid: iso-iec-27001-2013\ndesignation: ISO/IEC 27001:2013\n"
           "title: Requirements\nedition: \"2013\"\n"
           "provenance: { source: test, method: transcribed }\n"
           "annex: { prefix: \"A.\", mirrors: iso-iec-27002-2013, titles: " +
           titles + " }\n";
  };
  auto r = load_texts({{"std.yaml", k_standard},
                       {"annex.yaml", annexed("{ \"A.12.6.1\": Handling vulnerabilities }")}});
  ASSERT_TRUE(r.ok()) << ::testing::PrintToString(errors_of(r));
  const auto* s = r.catalog.standard("iso-iec-27001-2013");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->find_clause("A.12.6.1")->title, "Handling vulnerabilities");
  EXPECT_EQ(s->find_clause("A.12.6")->title, "Technical vulnerability management");

  auto bad =
      load_texts({{"std.yaml", k_standard}, {"annex.yaml", annexed("{ \"A.99\": Nothing }")}});
  ASSERT_EQ(errors_of(bad).size(), 1u);
  EXPECT_NE(errors_of(bad)[0].find("annex.yaml:7:8: error: 'annex.titles': 'A.99' is not a clause "
                                   "the annex makes"),
            std::string::npos)
      << errors_of(bad)[0];
  auto unprefixed =
      load_texts({{"std.yaml", k_standard}, {"annex.yaml", annexed("{ \"12.6.1\": Nothing }")}});
  ASSERT_FALSE(unprefixed.ok());
  EXPECT_NE(errors_of(unprefixed)[0].find("does not start with the prefix 'A.'"), std::string::npos)
      << errors_of(unprefixed)[0];
}

TEST(Loader, AnOverridingFileReplacesTheItemOfTheSameId) {
  std::string edited = k_standard;
  edited.replace(edited.find("Code of practice"), 16, "Edited title....");
  Loader loader;
  loader.add_text("builtin.yaml", k_standard);
  loader.add_text("mine.yaml", edited, true);
  auto r = loader.finish();
  ASSERT_TRUE(r.ok()) << ::testing::PrintToString(errors_of(r));
  EXPECT_EQ(r.catalog.standard("iso-iec-27002-2013")->title.substr(0, 12), "Edited title");
  EXPECT_TRUE(r.rejected_files.empty());
}

TEST(Loader, ADependentItemIsRejectedWithItsDependency) {
  std::string broken_standard = k_standard;
  broken_standard += "  - { id: \"12.6.1\", title: duplicate }\n";
  auto r = load_texts({{"std.yaml", broken_standard}, {"fw.yaml", with_head(R"(nodes:
  - { id: ID, level: function, title: I, references: [ { standard: iso-iec-27002-2013, clause: "12" } ] }
)")}});
  EXPECT_EQ(errors_of(r),
            (std::vector<std::string>{
                "fw.yaml:6:96: error: node ID cites standard 'iso-iec-27002-2013' failed to load "
                "(see its errors) "
                "(add a standard file, or fix the id)",
                "std.yaml:11:11: error: duplicate clause id '12.6.1' (first at line 10)"}));
  EXPECT_TRUE(r.catalog.frameworks().empty());
  EXPECT_TRUE(r.catalog.standards().empty());
}

// A baseline selects controls of another framework; a chosen id the framework lacks, or a
// 'select' beside 'nodes', rejects the file with its location.
TEST(Loader, ASelectionNamesNodesOfItsFramework) {
  const char* base = R"(kind: framework
id: base
title: Base
conformance: none
assess: requirements
provenance: { source: t, method: user-authored }
nodes:
  - id: AC
    level: function
    title: Access control
    children:
      - { id: AC-1, level: category, title: Policy, description: p }
      - { id: AC-2, level: category, title: Accounts, description: a }
)";
  auto head = [](const std::string& select) {
    return "kind: framework\nid: low\ntitle: Low\nprovenance: { source: t, method: derived }\n" +
           select;
  };
  auto ok = load_texts(
      {{"base.yaml", base}, {"low.yaml", head("select: { from: base, nodes: [AC-2] }\n")}});
  EXPECT_TRUE(ok.ok()) << (ok.diagnostics.empty() ? "" : ok.diagnostics[0].to_string());
  ASSERT_NE(ok.catalog.framework("low"), nullptr);
  EXPECT_EQ(ok.catalog.nodes_in_order("low").size(), 2u);  // AC and AC-2
  EXPECT_EQ(ok.catalog.node("low", "AC-1"), nullptr);

  auto unknown = load_texts(
      {{"base.yaml", base}, {"low.yaml", head("select: { from: base, nodes: [AC-2, AC-9] }\n")}});
  EXPECT_EQ(errors_of(unknown),
            std::vector<std::string>{"low.yaml:5:9: error: 'select.nodes': base has no node AC-9"});
  EXPECT_EQ(unknown.catalog.framework("low"), nullptr);

  auto both =
      load_texts({{"base.yaml", base},
                  {"low.yaml", head("select: { from: base, nodes: [AC-2] }\nnodes: []\n")}});
  EXPECT_EQ(both.catalog.framework("low"), nullptr);
  ASSERT_FALSE(both.diagnostics.empty());
  EXPECT_NE(both.diagnostics[0].to_string().find("one of 'nodes', 'derive' or 'select'"),
            std::string::npos);

  auto nowhere = load_texts({{"low.yaml", head("select: { from: gone, nodes: [AC-2] }\n")}});
  ASSERT_FALSE(nowhere.diagnostics.empty());
  EXPECT_NE(nowhere.diagnostics[0].to_string().find("'select.from': unknown framework 'gone'"),
            std::string::npos)
      << nowhere.diagnostics[0].to_string();
}

TEST(Loader, MappingSetsAreCheckedAgainstBothSides) {
  auto r = load_texts({{"std.yaml", k_standard}, {"map.yaml", R"(kind: mapping-set
id: m
title: M
source: { standard: iso-iec-27002-2013 }
target: { standard: iso-iec-27002-2022 }
purpose: edition
provenance: { source: s, method: user-authored }
mappings:
  - { source: "12.6.1", target: "8.8", relationship: subset-of }
)"}});
  EXPECT_EQ(errors_of(r),
            std::vector<std::string>{
                "map.yaml:1:1: error: 'target': unknown standard 'iso-iec-27002-2022'"});
  EXPECT_TRUE(r.catalog.mapping_sets().empty());
}

TEST(Loader, StopsAfterTooManyErrors) {
  std::string text = k_head;
  text += "nodes:\n";
  for (int i = 0; i < 80; ++i) text += "  - { id: ID, level: function, title: I }\n";
  auto r = load_texts({{"many.yaml", text}});
  ASSERT_EQ(r.diagnostics.size(), 51u);
  EXPECT_EQ(r.diagnostics.back().message, "too many errors (more than 50); stopping");
}

}  // namespace
}  // namespace cyberframe::catalog
