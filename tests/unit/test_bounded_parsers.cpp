// Every parser of untrusted input under its budget (issue 10, findings 4 and 5): for each limit a
// hostile input is refused with a message that names the limit, where and its value, and an input
// just under the limit is read. Peak memory is measured by tests/limits/memory.py on the CLI.

#include <gtest/gtest.h>
#include <minizip/zip.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "catalog/loader.hpp"
#include "exchange/profile_table.hpp"
#include "exchange/xlsx.hpp"
#include "oscal/document.hpp"
#include "util/budget.hpp"
#include "util/json.hpp"
#include "util/yaml.hpp"

namespace cyberframe {
namespace {

using util::Budget;
using util::Limit;
using util::ParseLimits;

std::string repeat(std::string_view piece, std::size_t times) {
  std::string out;
  out.reserve(piece.size() * times);
  for (std::size_t i = 0; i < times; ++i) out += piece;
  return out;
}

// "[a,a,...,a]" with `count` items.
std::string flow_sequence(std::size_t count, std::string_view item = "a") {
  std::string out = "[";
  for (std::size_t i = 0; i < count; ++i) {
    if (i) out += ',';
    out += item;
  }
  return out + "]";
}

// ------------------------------------------------------------------------------------ the budget

TEST(Budget, ChargesUntilTheLimitAndThenSaysWhichLimitWhereAndItsValue) {
  Budget budget(ParseLimits{.nodes = 3}, "a test file");
  EXPECT_TRUE(budget.charge(Limit::k_nodes, 2, "line 1"));
  EXPECT_TRUE(budget.charge(Limit::k_nodes, 1, "line 2"));
  auto over = budget.charge(Limit::k_nodes, 1, "line 3, column 4");
  ASSERT_FALSE(over);
  EXPECT_EQ(over.error().message,
            "line 3, column 4: too many nodes: a test file may hold at most 3 nodes");
  EXPECT_FALSE(budget.charge(Limit::k_nodes, 0, "line 5")) << "stays exceeded";
  // A limit of zero is not counted.
  EXPECT_TRUE(budget.charge(Limit::k_cells, 1000000000, ""));
}

TEST(Budget, ChecksOneItemAgainstItsLimit) {
  Budget budget(ParseLimits{.depth = 64, .item_bytes = 1u << 20}, "a test file");
  EXPECT_TRUE(budget.check(Limit::k_depth, 64, ""));
  EXPECT_EQ(budget.check(Limit::k_depth, 65, "").error().message,
            "too many levels of nesting: a test file may hold at most 64 levels of nesting");
  EXPECT_EQ(budget.check(Limit::k_item_bytes, (1u << 20) + 1, "row 2").error().message,
            "row 2: too many bytes in one value: a test file may hold at most 1,048,576 bytes in "
            "one value");
}

// ------------------------------------------------------------------------------------------- YAML

// Counts the events a handler is given.
class CountEvents : public util::YamlHandler {
 public:
  std::size_t events = 0;
  util::Result<void> on(const util::YamlEvent&) override {
    ++events;
    return {};
  }
};

TEST(BoundedYaml, NodesJustUnderTheLimitAreReadAndOneMoreIsRefused) {
  // A sequence of 999 items is 1,000 nodes.
  Budget under(ParseLimits{.nodes = 1000}, "a test file");
  auto docs = util::read_yaml(flow_sequence(999), under);
  ASSERT_TRUE(docs) << docs.error().message;
  EXPECT_EQ((*docs)[0].size(), 999u);
  Budget over(ParseLimits{.nodes = 1000}, "a test file");
  auto refused = util::read_yaml(flow_sequence(1000), over);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, util::YamlError::Kind::k_limit);
  EXPECT_EQ(refused.error().message, "too many nodes: a test file may hold at most 1,000 nodes");
  EXPECT_EQ(util::to_string(refused.error().position), "line 1, column 2000");
}

TEST(BoundedYaml, AHandlerNeverSeesATextPastTheNodeLimit) {
  // 400,000 items: the old reader (yaml-cpp) queued every token of the flow sequence, about 270
  // bytes a byte. Here the text is refused on a first pass that keeps nothing.
  Budget budget(ParseLimits{.nodes = 100000}, "a test file");
  CountEvents handler;
  auto result = util::parse_yaml(flow_sequence(400000), budget, handler);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().kind, util::YamlError::Kind::k_limit);
  EXPECT_EQ(handler.events, 0u);
}

TEST(BoundedYaml, DepthAndScalarBytes) {
  Budget depth(ParseLimits{.depth = 10}, "a test file");
  EXPECT_TRUE(util::read_yaml(repeat("[", 10) + repeat("]", 10), depth));
  Budget deeper(ParseLimits{.depth = 10}, "a test file");
  auto refused = util::read_yaml(repeat("[", 11) + repeat("]", 11), deeper);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().message,
            "too many levels of nesting: a test file may hold at most 10 levels of nesting");
  // Unclosed nesting is refused at the limit too, not read to the end.
  Budget unclosed(ParseLimits{.depth = 10}, "a test file");
  EXPECT_EQ(util::read_yaml(repeat("[", 1000000), unclosed).error().kind,
            util::YamlError::Kind::k_limit);

  Budget bytes(ParseLimits{.item_bytes = 100}, "a test file");
  EXPECT_TRUE(util::read_yaml("key: " + std::string(100, 'x') + "\n", bytes));
  auto long_scalar = util::read_yaml("key: " + std::string(101, 'x') + "\n", bytes);
  ASSERT_FALSE(long_scalar);
  EXPECT_EQ(long_scalar.error().message,
            "too many bytes in one value: a test file may hold at most 100 bytes in one value");
  EXPECT_EQ(util::to_string(long_scalar.error().position), "line 1, column 6");
}

TEST(BoundedYaml, AliasesAreRefusedWhereTheyAre) {
  Budget budget(ParseLimits{}, "a test file");
  auto refused = util::read_yaml("a: &x [1, 2]\nb: *x\n", budget);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, util::YamlError::Kind::k_alias);
  EXPECT_EQ(util::to_string(refused.error().position), "line 2, column 4");
}

TEST(BoundedYaml, ScalarsStayTextAndOnlyPlainNullsAreNull) {
  Budget budget(ParseLimits{}, "a test file");
  auto docs = util::read_yaml("a: ~\nb: \"null\"\nc: yes\nd: 1.0\ne:\n", budget);
  ASSERT_TRUE(docs);
  const auto& root = (*docs)[0];
  EXPECT_TRUE(root["a"].is_null());
  EXPECT_EQ(root["b"].scalar(), "null");
  EXPECT_EQ(root["c"].scalar(), "yes");
  EXPECT_EQ(root["d"].scalar(), "1.0");
  EXPECT_TRUE(root["e"].is_null());
  EXPECT_FALSE(root["f"].is_defined());
  EXPECT_EQ(root.size(), 5u);
  EXPECT_EQ(util::to_string(root["d"].position()), "line 4, column 4");
}

// ------------------------------------------------------------------------------------------- JSON

TEST(BoundedJson, NumbersOutOfRangeSayWhere) {
  Budget budget(ParseLimits{}, "a test body");
  auto huge = util::parse_json<nlohmann::json>(R"({"level": 1e400})", budget);
  ASSERT_FALSE(huge);
  EXPECT_EQ(huge.error().kind, util::JsonError::Kind::k_number);
  EXPECT_EQ(huge.error().byte, 11u);
  auto wide = util::parse_json<nlohmann::json>("[1, 123456789012345678901234567890]", budget);
  ASSERT_FALSE(wide);
  EXPECT_EQ(wide.error().kind, util::JsonError::Kind::k_number);
  EXPECT_EQ(wide.error().byte, 5u);
  auto last = util::parse_json<nlohmann::json>("-123456789012345678901234567890", budget);
  ASSERT_FALSE(last);
  EXPECT_EQ(last.error().byte, 1u);
  // What fits is kept exactly: the largest unsigned 64-bit integer, a fraction, an exponent.
  auto fits = util::parse_json<nlohmann::json>(
      "[18446744073709551615, -9223372036854775808, "
      "1.5, 1e300]",
      budget);
  ASSERT_TRUE(fits);
  EXPECT_EQ((*fits)[0].get<std::uint64_t>(), 18446744073709551615u);
  EXPECT_EQ((*fits)[3].get<double>(), 1e300);
}

TEST(BoundedJson, NodesDepthStringsAndDuplicateKeys) {
  // 999 numbers and their array: 1,000 nodes.
  Budget under(ParseLimits{.nodes = 1000}, "a test body");
  EXPECT_TRUE(util::parse_json<nlohmann::json>(flow_sequence(999, "1"), under));
  Budget over(ParseLimits{.nodes = 1000}, "a test body");
  auto refused = util::parse_json<nlohmann::json>(flow_sequence(1000, "1"), over);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().message, "too many nodes: a test body may hold at most 1,000 nodes");
  // Keys count: {"a":1} is three nodes.
  Budget keys(ParseLimits{.nodes = 2}, "a test body");
  EXPECT_FALSE(util::parse_json<nlohmann::json>(R"({"a":1})", keys));

  Budget depth(ParseLimits{.depth = 5}, "a test body");
  EXPECT_TRUE(util::parse_json<nlohmann::json>("[[[[[]]]]]", depth));
  EXPECT_EQ(util::parse_json<nlohmann::json>(repeat("[", 100000), depth).error().message,
            "too many levels of nesting: a test body may hold at most 5 levels of nesting");

  Budget strings(ParseLimits{.item_bytes = 4}, "a test body");
  EXPECT_TRUE(util::parse_json<nlohmann::json>(R"({"abcd":"abcd"})", strings));
  EXPECT_FALSE(util::parse_json<nlohmann::json>(R"({"abcd":"abcde"})", strings));
  EXPECT_FALSE(util::parse_json<nlohmann::json>(R"({"abcde":"a"})", strings));

  Budget any(ParseLimits{}, "a test body");
  auto duplicate = util::parse_json<nlohmann::ordered_json>(R"({"a":1,"b":2,"a":3})", any);
  ASSERT_FALSE(duplicate);
  EXPECT_EQ(duplicate.error().kind, util::JsonError::Kind::k_duplicate_key);
  EXPECT_EQ(duplicate.error().message, "duplicate key 'a'");
}

TEST(BoundedJson, LargeObjectsKeepTheirOrderAndFindDuplicates) {
  // 50,000 keys: ordered_json's own parser searches the object for every key (quadratic); this
  // one keeps a hash set of the keys of a large object.
  std::string text = "{";
  for (int i = 0; i < 50000; ++i) text += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":" + "1";
  Budget budget(ParseLimits{}, "a test body");
  auto object = util::parse_json<nlohmann::ordered_json>(text + "}", budget);
  ASSERT_TRUE(object) << object.error().message;
  EXPECT_EQ(object->size(), 50000u);
  EXPECT_EQ(object->begin().key(), "k0");
  EXPECT_EQ((*object)["k49999"], 1);
  Budget again(ParseLimits{}, "a test body");
  auto duplicate = util::parse_json<nlohmann::ordered_json>(text + ",\"k17\":2}", again);
  ASSERT_FALSE(duplicate);
  EXPECT_EQ(duplicate.error().message, "duplicate key 'k17'");
}

// ------------------------------------------------------------------------------------------ OSCAL

std::string oscal_error(const std::string& text, oscal::Format format) {
  auto doc = oscal::read(text, format, "test");
  EXPECT_FALSE(doc);
  return doc ? std::string() : doc.error().message;
}

TEST(BoundedOscal, EveryFormatIsRefusedPastTheNodeLimit) {
  auto limit = oscal::k_max_nodes;
  EXPECT_EQ(oscal_error("{\"catalog\":" + flow_sequence(limit, "1") + "}", oscal::Format::k_json),
            "test:1:" + std::to_string(12 + 2 * (limit - 2)) +
                ": too many nodes: an OSCAL document may hold at most 1,000,000 nodes");
  EXPECT_EQ(oscal_error("catalog: " + flow_sequence(limit) + "\n", oscal::Format::k_yaml),
            "test:1:" + std::to_string(11 + 2 * (limit - 3)) +
                ": too many nodes: an OSCAL document may hold at most 1,000,000 nodes");
  auto xml = oscal_error("<catalog xmlns=\"http://csrc.nist.gov/ns/oscal/1.0\">" +
                             repeat("<x/>", limit) + "</catalog>",
                         oscal::Format::k_xml);
  EXPECT_EQ(xml,
            "test: line 1: too many nodes: an OSCAL document may hold at most 1,000,000 nodes");
}

TEST(BoundedOscal, NumbersOutOfRangeAndDuplicateKeysAreRefusedWithTheirPlace) {
  EXPECT_EQ(oscal_error("{\"catalog\": {\n  \"x\": 1e400}}", oscal::Format::k_json),
            "test:2:8: number out of range (at byte 22)");
  EXPECT_EQ(oscal_error("{\"catalog\": {\"a\": 1, \"a\": 2}}", oscal::Format::k_json),
            "test:1:22: duplicate key 'a'");
  EXPECT_EQ(oscal_error("catalog:\n  a: 1\n  a: 2\n", oscal::Format::k_yaml),
            "test:3:3: duplicate key 'a'");
  EXPECT_EQ(oscal_error("catalog:\n  ? [a]\n  : 1\n", oscal::Format::k_yaml),
            "test:2:5: a mapping key must be a plain name");
}

// ------------------------------------------------------------------------------------------- XLSX

std::string make_zip(const std::vector<std::pair<std::string, std::string>>& parts) {
  auto path = (std::filesystem::temp_directory_path() / "cyberframe-bounded-XXXXXX").string();
  int fd = mkstemp(path.data());
  EXPECT_GE(fd, 0);
  close(fd);
  zipFile zf = zipOpen64(path.c_str(), APPEND_STATUS_CREATE);
  for (const auto& [name, content] : parts) {
    zipOpenNewFileInZip(zf, name.c_str(), nullptr, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED,
                        Z_BEST_COMPRESSION);
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

const std::string k_main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

std::string sheet(const std::string& rows) {
  return "<worksheet xmlns=\"" + k_main + "\"><sheetData>" + rows + "</sheetData></worksheet>";
}
std::string shared_strings(const std::string& items) {
  return "<sst xmlns=\"" + k_main + "\">" + items + "</sst>";
}
std::string workbook(const std::string& filler) {
  return "<workbook xmlns=\"" + k_main +
         "\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">" +
         filler + "<sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
}
const std::string k_rels =
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/worksheet\" Target=\"worksheets/data.xml\"/></Relationships>";

// Reads the first sheet under `limits`; the rows read, or the error.
util::Result<std::size_t> read_rows(const std::string& bytes, ParseLimits limits) {
  Budget budget(limits, "an XLSX workbook");
  std::size_t rows = 0;
  auto ok = exchange::xlsx::read_first_sheet(bytes, budget, [&](const exchange::xlsx::Row&) {
    ++rows;
    return true;
  });
  if (!ok) return std::unexpected(ok.error());
  return rows;
}

TEST(BoundedXlsx, SharedStringsAreCountedWhileTheyAreRead) {
  auto bytes = [](int count) {
    return make_zip(
        {{"xl/worksheets/sheet1.xml", sheet("<row r=\"1\"/>")},
         {"xl/sharedStrings.xml", shared_strings(repeat("<si><t>node</t></si>", count))}});
  };
  EXPECT_TRUE(read_rows(bytes(100), ParseLimits{.strings = 100}));
  auto refused = read_rows(bytes(101), ParseLimits{.strings = 100});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().message,
            "the part xl/sharedStrings.xml (line 1): too many shared strings: an XLSX workbook may "
            "hold at most 100 shared strings");
  // Their bytes too: 100 strings of 4 bytes.
  EXPECT_TRUE(read_rows(bytes(100), ParseLimits{.string_bytes = 400}));
  EXPECT_EQ(read_rows(bytes(101), ParseLimits{.string_bytes = 400}).error().message,
            "the part xl/sharedStrings.xml (line 1): too many bytes of shared strings: an XLSX "
            "workbook may hold at most 400 bytes of shared strings");
  // And one string's length, as it grows.
  auto long_string = make_zip(
      {{"xl/worksheets/sheet1.xml", sheet("")},
       {"xl/sharedStrings.xml", shared_strings("<si><t>" + std::string(1000, 'x') + "</t></si>")}});
  EXPECT_TRUE(read_rows(long_string, ParseLimits{.item_bytes = 1000}));
  EXPECT_FALSE(read_rows(long_string, ParseLimits{.item_bytes = 999}));
}

TEST(BoundedXlsx, UncompressedBytesAreChargedAsThePartsInflate) {
  // The workbook part names the sheet; all the parts read share one limit of bytes.
  auto parts = [](std::size_t filler) {
    return make_zip({{"xl/workbook.xml", workbook(repeat("<!-- padding -->", filler))},
                     {"xl/_rels/workbook.xml.rels", k_rels},
                     {"xl/worksheets/data.xml", sheet("<row r=\"1\"/><row r=\"2\"/>")}});
  };
  auto small = parts(10);
  auto read = read_rows(small, ParseLimits{.bytes = 100000});
  ASSERT_TRUE(read) << read.error().message;
  EXPECT_EQ(*read, 2u) << "the sheet the relationships name is read";
  // 1 MiB of comments in the workbook part: refused within the first pieces of it.
  auto big = parts(65536);
  EXPECT_LT(big.size(), 20000u) << "a small archive";
  auto refused = read_rows(big, ParseLimits{.bytes = 100000});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().message,
            "the part xl/workbook.xml inflates past the limit: an XLSX workbook may hold at most "
            "100,000 bytes uncompressed, over all the parts read");
}

TEST(BoundedXlsx, XmlNodesDepthCellsAndCellsInARow) {
  auto workbook_with = [](const std::string& filler) {
    return make_zip({{"xl/workbook.xml", workbook(filler)},
                     {"xl/_rels/workbook.xml.rels", k_rels},
                     {"xl/worksheets/data.xml", sheet("")}});
  };
  // The workbook part is parsed as a stream too (it was a tree: a 64 MiB one took 2 GiB).
  EXPECT_TRUE(read_rows(workbook_with(repeat("<x/>", 90)), ParseLimits{.nodes = 100}));
  EXPECT_EQ(
      read_rows(workbook_with(repeat("<x/>", 200)), ParseLimits{.nodes = 100}).error().message,
      "the part xl/workbook.xml (line 1): too many nodes: an XLSX workbook may hold at most "
      "100 nodes");
  EXPECT_EQ(
      read_rows(workbook_with(repeat("<x>", 20) + repeat("</x>", 20)), ParseLimits{.depth = 10})
          .error()
          .message,
      "the part xl/workbook.xml (line 1): too many levels of nesting: an XLSX workbook may "
      "hold at most 10 levels of nesting");

  std::string row = "<row r=\"1\">";
  for (int c = 0; c < 10; ++c)
    row += "<c r=\"" + exchange::xlsx::column_letters(c) + "1\"><v>1</v></c>";
  row += "</row>";
  auto ten_cells = make_zip({{"xl/worksheets/sheet1.xml", sheet(row + row)}});
  EXPECT_TRUE(read_rows(ten_cells, ParseLimits{.cells = 20, .fields_per_row = 10}));
  EXPECT_EQ(read_rows(ten_cells, ParseLimits{.cells = 19}).error().message,
            "the part xl/worksheets/sheet1.xml (line 1): too many cells: an XLSX workbook may hold "
            "at most 19 cells");
  EXPECT_EQ(read_rows(ten_cells, ParseLimits{.fields_per_row = 9}).error().message,
            "row 1: too many cells in one row: an XLSX workbook may hold at most 9 cells in one "
            "row");
}

// ------------------------------------------------------------------------- imports of profiles

const core::Catalog& builtin() {
  static const catalog::LoadResult result = catalog::load_builtin();
  return result.catalog;
}

core::Profile tr_profile() {
  core::Profile p;
  p.name = "Current";
  p.framework = "iso-tr-27103-2018";
  return p;
}

std::string import_error(exchange::TableFormat format, std::string_view bytes) {
  auto result =
      exchange::import_profile(builtin(), tr_profile(), core::default_scale(), format, bytes);
  EXPECT_TRUE(result.rows.empty());
  EXPECT_EQ(result.errors.size(), 1u);
  return result.errors.empty() ? "" : result.errors.front().to_string();
}

TEST(BoundedImport, CsvCellsPerRowAndBytesInACell) {
  const auto limits = exchange::import_limits(exchange::TableFormat::k_csv);
  EXPECT_EQ(
      import_error(exchange::TableFormat::k_csv,
                   "node,level\n" + std::string(limits.fields_per_row, ',') + "\n"),
      "row 2: too many cells in one row: a profile file may hold at most 64 cells in one row");
  // A row of a million commas is refused at the 65th cell, not split into a million strings.
  EXPECT_EQ(
      import_error(exchange::TableFormat::k_csv, "node,level\n" + std::string(1000000, ',') + "\n"),
      "row 2: too many cells in one row: a profile file may hold at most 64 cells in one row");
  std::string notes(limits.item_bytes, 'n');
  auto fine = exchange::import_profile(builtin(), tr_profile(), core::default_scale(),
                                       exchange::TableFormat::k_csv,
                                       "node,level,notes\nID.AM-1,3," + notes + "\n");
  ASSERT_TRUE(fine.errors.empty()) << fine.errors[0].to_string();
  EXPECT_EQ(fine.rows.at(0).notes.size(), limits.item_bytes);
  EXPECT_EQ(import_error(exchange::TableFormat::k_csv,
                         "node,level,notes\nID.AM-1,3,\"" + notes + "n\"\n"),
            "row 2, column notes: cell 3 is too long: a profile file may hold at most 131,072 "
            "bytes in one cell");
}

TEST(BoundedImport, FilesPastTheLimitOfBytesAreRefusedBeforeReading) {
  auto max = exchange::import_limits(exchange::TableFormat::k_csv).bytes;
  std::string big(max + 1, ' ');
  for (auto format : {exchange::TableFormat::k_csv, exchange::TableFormat::k_yaml,
                      exchange::TableFormat::k_xlsx}) {
    EXPECT_EQ(import_error(format, big),
              "the file is 67,108,865 bytes: a profile file may hold at most 67,108,864 bytes");
  }
}

TEST(BoundedImport, YamlPastItsNodesIsRefusedWithWhere) {
  // Finding 5: an 8 MiB "[a,a,...]" as the nodes of a profile took 1.9 GiB.
  auto text = "profile: x\nframework: iso-tr-27103-2018\nnodes: " + flow_sequence(4000000) + "\n";
  EXPECT_EQ(import_error(exchange::TableFormat::k_yaml, text),
            "line 3, column 999995: too many nodes: a profile file may hold at most 500,000 nodes");
}

TEST(BoundedImport, XlsxBombsOfTheFindingAreRefused) {
  // Finding 4, at a tenth of its size: shared strings that inflate far past the limits.
  auto shared =
      make_zip({{"xl/worksheets/sheet1.xml", sheet("<row r=\"1\"/>")},
                {"xl/sharedStrings.xml", shared_strings(repeat("<si><t>node</t></si>", 1200000))}});
  EXPECT_LT(shared.size(), 200000u);
  EXPECT_EQ(import_error(exchange::TableFormat::k_xlsx, shared),
            "the part xl/sharedStrings.xml (line 1): too many shared strings: an XLSX workbook "
            "may hold at most 400,000 shared strings");
}

// A framework as large as SP 800-53 with its enhancements (1,500 nodes), every text long and
// every column filled: the largest real profile, far inside every limit, in each format.
TEST(BoundedImport, ARealisticLargeProfileImportsInEveryFormat) {
  core::Framework fw;
  fw.id = "large";
  fw.title = "Large";
  core::Node function{.id = "F", .level = core::Level::k_function, .title = "F"};
  for (int c = 1; c <= 20; ++c) {
    core::Node category{.id = "F.C" + std::to_string(c),
                        .level = core::Level::k_category,
                        .title = "Category " + std::to_string(c)};
    for (int s = 1; s <= 75; ++s) {
      core::Node sub;
      sub.id = category.id + "-" + std::to_string(s);
      sub.level = core::Level::k_subcategory;
      sub.title = "Control " + sub.id;
      sub.description = repeat("The organization does what the control requires. ", 40);
      category.children.push_back(std::move(sub));
    }
    function.children.push_back(std::move(category));
  }
  fw.nodes.push_back(std::move(function));
  core::Catalog catalog;
  catalog.add(std::move(fw));
  catalog.index();
  core::Profile p;
  p.name = "Large";
  p.framework = "large";
  std::map<std::string, core::NodeAssessment> assessments;
  for (const auto* node : catalog.nodes_in_order("large")) {
    if (node->level != core::Level::k_subcategory) continue;
    core::NodeAssessment a;
    a.node = node->id;
    a.level = 3;
    a.owner = "Owner of " + node->id;
    a.justification = "";
    a.priority = 1;
    a.notes = repeat("Evidence reviewed in the quarterly assessment; see the ticket. ", 30);
    assessments[a.node] = a;
  }
  for (auto format : {exchange::TableFormat::k_csv, exchange::TableFormat::k_xlsx,
                      exchange::TableFormat::k_yaml}) {
    auto bytes = exchange::export_profile(catalog, p, assessments, format);
    auto result = exchange::import_profile(catalog, p, core::default_scale(), format, bytes);
    ASSERT_TRUE(result.errors.empty()) << result.errors[0].to_string();
    EXPECT_EQ(result.rows.size(), 1500u);
  }
}

}  // namespace
}  // namespace cyberframe
