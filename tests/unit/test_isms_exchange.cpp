// An ISMS register to and from spreadsheets (exchange/isms_table.hpp): an export imports again
// unchanged, every bad row and column named with nothing kept, and hostile files stopped by the
// parse budget with a message naming the limit.
#include <gtest/gtest.h>
#include <minizip/zip.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/isms.hpp"
#include "exchange/isms_table.hpp"

namespace cyberframe::exchange {
namespace {

std::string describe(const std::vector<RowError>& errors) {
  std::string out;
  for (const auto& e : errors) out += e.to_string() + "\n";
  return out;
}

const core::RegisterSpec& spec(const char* key) {
  return *core::find_register(key);
}

TEST(IsmsExchange, AnExportImportsAgainUnchanged) {
  const auto& roles = spec("roles");
  core::IsmsRecord r;
  r.register_key = "roles";
  r.ref = "ROLE-001";
  r.title = "=CISO";  // a formula's first character: written safe, read back as typed
  r.status = "active";
  r.owner = "CEO";
  ASSERT_TRUE(core::set_field(roles, r, "responsibilities", "Runs the ISMS,\nreports monthly"));
  ASSERT_TRUE(core::set_field(roles, r, "holders", "Sam Patel; Alex Doe"));
  ASSERT_TRUE(core::set_field(roles, r, "raci", "risk-assessment=A;soa=RA"));
  r.links = {{"node", "nist-csf-2.0:GV.RR-02"}, {"record", "policies/POL-001"}};
  for (auto format : {TableFormat::k_csv, TableFormat::k_xlsx}) {
    auto bytes = export_isms(roles, {r}, format);
    ASSERT_FALSE(bytes.empty());
    auto back = import_isms(roles, format, bytes);
    ASSERT_TRUE(back.errors.empty()) << describe(back.errors);
    ASSERT_EQ(back.rows.size(), 1u);
    const auto& b = back.rows[0].record;
    EXPECT_EQ(b.ref, "ROLE-001");
    EXPECT_EQ(b.title, "=CISO");
    EXPECT_EQ(b.fields, r.fields);
    EXPECT_EQ(b.links, r.links);
    EXPECT_EQ(back.rows[0].line, 2u);
  }
}

TEST(IsmsExchange, EveryBadRowIsNamedByRowAndColumnAndNothingKept) {
  std::string csv =
      "ref,title,type,category,relevant,rationale,links\r\n"
      "CTX-001,Good,issue,external,,,\r\n"
      "CTX-002,Bad enum,issue,sideways,,,\r\n"
      "CTX-003,Climate,climate-change,external,,,\r\n"
      "ctx-001,Twice,issue,internal,,,\r\n"
      "CTX-005,Link,issue,internal,,,nowhere\r\n"
      ",,issue,internal,,,\r\n";
  auto result = import_isms(spec("context"), TableFormat::k_csv, csv);
  EXPECT_TRUE(result.rows.empty());
  auto all = describe(result.errors);
  EXPECT_NE(all.find("row 3, column category: category: 'sideways' is not one of internal, "
                     "external"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("row 4, column relevant:"), std::string::npos) << all;
  EXPECT_NE(all.find("row 5, column ref: ref ctx-001 appears again; its first row is row 2"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("row 6, column links:"), std::string::npos) << all;
  EXPECT_NE(all.find("row 7, column title: title is required"), std::string::npos) << all;
  auto unknown = import_isms(spec("context"), TableFormat::k_csv, "ref,title,colour\r\nA,B,C\r\n");
  ASSERT_EQ(unknown.errors.size(), 1u) << describe(unknown.errors);
  EXPECT_EQ(unknown.errors[0].column, "colour");
  auto no_title =
      import_isms(spec("context"), TableFormat::k_csv, "ref,category\r\nA,external\r\n");
  ASSERT_EQ(no_title.errors.size(), 1u);
  EXPECT_NE(no_title.errors[0].message.find("missing column 'title'"), std::string::npos);
}

std::string make_zip(const std::vector<std::pair<std::string, std::string>>& parts) {
  auto path = (std::filesystem::temp_directory_path() / "cyberframe-isms-XXXXXX").string();
  int fd = mkstemp(path.data());
  EXPECT_GE(fd, 0);
  close(fd);
  zipFile zf = zipOpen64(path.c_str(), APPEND_STATUS_CREATE);
  for (const auto& [name, content] : parts) {
    zipOpenNewFileInZip(zf, name.c_str(), nullptr, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED, 1);
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

TEST(IsmsExchange, HostileFilesAreStoppedByTheBudget) {
  const auto& context = spec("context");
  // A workbook inflating to 100 MiB: bytes.
  const std::string main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  std::string sheet = "<worksheet xmlns=\"" + main + "\"><sheetData>";
  sheet += "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>title</t></is></c></row>";
  sheet.append(100u << 20, ' ');
  sheet += "</sheetData></worksheet>";
  auto bomb = make_zip({{"xl/worksheets/sheet1.xml", sheet}});
  sheet.clear();
  sheet.shrink_to_fit();
  auto result = import_isms(context, TableFormat::k_xlsx, bomb);
  ASSERT_EQ(result.errors.size(), 1u) << describe(result.errors);
  EXPECT_NE(result.errors[0].message.find("at most 16,777,216 bytes"), std::string::npos)
      << result.errors[0].message;
  // A row of ten million cells.
  std::string wide = "ref,title\r\n";
  wide.append(10'000'000, ',');
  auto cells = import_isms(context, TableFormat::k_csv, wide);
  ASSERT_EQ(cells.errors.size(), 1u) << describe(cells.errors);
  EXPECT_NE(cells.errors[0].message.find("too many cells in one row"), std::string::npos);
  // 50,001 rows.
  std::string tall = "title,category\r\n";
  for (int i = 0; i < 50001; ++i) tall += "t" + std::to_string(i) + ",internal\r\n";
  auto rows = import_isms(context, TableFormat::k_csv, tall);
  ASSERT_EQ(rows.errors.size(), 1u) << describe(rows.errors);
  EXPECT_NE(rows.errors[0].message.find("too many rows"), std::string::npos);
  // A cell of a megabyte.
  std::string huge = "title,category\r\n\"" + std::string(1u << 20, 'x') + "\",internal\r\n";
  auto cell = import_isms(context, TableFormat::k_csv, huge);
  ASSERT_EQ(cell.errors.size(), 1u);
  EXPECT_NE(cell.errors[0].message.find("too long"), std::string::npos);
  // Not UTF-8; empty; YAML.
  EXPECT_EQ(import_isms(context, TableFormat::k_csv, "title\r\n\xff\r\n").errors.size(), 1u);
  EXPECT_EQ(import_isms(context, TableFormat::k_csv, "").errors.size(), 1u);
  EXPECT_EQ(import_isms(context, TableFormat::k_yaml, "a: 1").errors.size(), 1u);
  // A thousand bad rows: at most 100 errors and a "too many errors" entry.
  std::string bad = "title,category\r\n";
  for (int i = 0; i < 1000; ++i) bad += "t,sideways\r\n";
  auto many = import_isms(context, TableFormat::k_csv, bad);
  EXPECT_LE(many.errors.size(), 101u);
  EXPECT_NE(many.errors.back().message.find("too many errors"), std::string::npos);
}

}  // namespace
}  // namespace cyberframe::exchange
