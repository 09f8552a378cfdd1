// The asset inventory and risk register as spreadsheets (exchange/risk_table.hpp), the Statement
// of Applicability as HTML, CSV and XLSX (report/soa.hpp), and the JSON form of risk management's
// types (codec/risk_json.hpp).

#include <gtest/gtest.h>
#include <minizip/zip.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "codec/risk_json.hpp"
#include "exchange/risk_table.hpp"
#include "exchange/xlsx.hpp"
#include "report/soa.hpp"

namespace cyberframe {
namespace {

using exchange::AssetRow;
using exchange::RiskRegisterRow;
using exchange::RowError;
using exchange::TableFormat;

std::string describe(const std::vector<RowError>& errors) {
  std::string out;
  for (const auto& e : errors) out += e.to_string() + "\n";
  return out;
}

// ------------------------------------------------------------------------------- fixtures

std::vector<AssetRow> sample_assets() {
  AssetRow payroll;
  payroll.asset.ref = "AS-001";
  payroll.asset.name = "Payroll data, \"all staff\"";
  payroll.asset.kind = core::AssetKind::k_information;
  payroll.asset.description = "Salaries\nand bank details; =SUM(A1:A9) is not a formula";
  payroll.asset.owner = "HR lead";
  payroll.asset.confidentiality = 4;
  payroll.asset.integrity = 3;
  payroll.asset.availability = 1;
  payroll.asset.rto_hours = 48;
  payroll.asset.rpo_hours = 0;
  payroll.depends_on_refs = {"AS-002", "AS-003"};

  AssetRow server;
  server.asset.ref = "AS-002";
  server.asset.name = "Ｐayroll server ✓";
  server.asset.kind = core::AssetKind::k_hardware;
  server.asset.owner = "'IT operations";
  server.parent_ref = "AS-003";
  server.asset.retired = true;

  AssetRow site;
  site.asset.ref = "AS-003";
  site.asset.name = "-Head office";
  site.asset.kind = core::AssetKind::k_site;
  return {payroll, server, site};
}

std::vector<RiskRegisterRow> sample_risks() {
  RiskRegisterRow leak;
  leak.risk.ref = "R-001";
  leak.risk.title = "Payroll data leaked by a phishing attack";
  leak.risk.description = "An attacker phishes HR credentials, \"then\" exports payroll.";
  leak.risk.threat = "sp800-30:TE-A-12";
  leak.risk.vulnerability = "No MFA on the HR portal";
  leak.risk.consequence_types = {"confidentiality", "financial"};
  leak.risk.criteria = "iso27005-5x5";
  leak.risk.criteria_version = 2;
  leak.risk.inherent = {4, 5};
  leak.risk.current = {3, 5};
  leak.risk.residual = {1, 4};
  leak.risk.owner = "CFO";
  leak.risk.treatment = core::Treatment::k_modify;
  leak.risk.status = core::RiskStatus::k_treating;
  leak.risk.review_date = "2027-06-30";
  leak.risk.controls = {core::ControlLink{core::ControlKind::k_annex_a, "A.5.17"},
                        core::ControlLink{core::ControlKind::k_own, "OC-01"},
                        core::ControlLink{core::ControlKind::k_outcome, "NIST-CSF-2.0:PR.AA-01"}};
  leak.inherent_level = "very-high";
  leak.current_level = "high";
  leak.residual_level = "low";
  leak.asset_refs = {"AS-001", "AS-002"};

  RiskRegisterRow fire;
  fire.risk.ref = "R-002";
  fire.risk.title = "@Fire in the server room";
  fire.risk.status = core::RiskStatus::k_identified;
  fire.risk.closed = true;
  return {leak, fire};
}

void expect_same_assets(const std::vector<AssetRow>& want, const std::vector<AssetRow>& got) {
  ASSERT_EQ(want.size(), got.size());
  for (std::size_t i = 0; i < want.size(); ++i) {
    const auto& w = want[i].asset;
    const auto& g = got[i].asset;
    EXPECT_EQ(w.ref, g.ref);
    EXPECT_EQ(w.name, g.name);
    EXPECT_EQ(w.kind, g.kind);
    EXPECT_EQ(w.description, g.description);
    EXPECT_EQ(w.owner, g.owner);
    EXPECT_EQ(w.confidentiality, g.confidentiality);
    EXPECT_EQ(w.integrity, g.integrity);
    EXPECT_EQ(w.availability, g.availability);
    EXPECT_EQ(w.rto_hours, g.rto_hours);
    EXPECT_EQ(w.rpo_hours, g.rpo_hours);
    EXPECT_EQ(w.retired, g.retired);
    EXPECT_EQ(want[i].parent_ref, got[i].parent_ref);
    EXPECT_EQ(want[i].depends_on_refs, got[i].depends_on_refs);
    EXPECT_EQ(got[i].line, i + 2);  // the header is row 1
  }
}

void expect_same_risks(const std::vector<RiskRegisterRow>& want,
                       const std::vector<exchange::RiskRow>& got) {
  ASSERT_EQ(want.size(), got.size());
  for (std::size_t i = 0; i < want.size(); ++i) {
    const auto& w = want[i].risk;
    const auto& g = got[i].risk;
    EXPECT_EQ(w.ref, g.ref);
    EXPECT_EQ(w.title, g.title);
    EXPECT_EQ(w.description, g.description);
    EXPECT_EQ(w.threat, g.threat);
    EXPECT_EQ(w.vulnerability, g.vulnerability);
    EXPECT_EQ(w.consequence_types, g.consequence_types);
    EXPECT_EQ(w.criteria, g.criteria);
    EXPECT_EQ(w.criteria_version, g.criteria_version);
    EXPECT_EQ(w.inherent, g.inherent);
    EXPECT_EQ(w.current, g.current);
    EXPECT_EQ(w.residual, g.residual);
    EXPECT_EQ(w.owner, g.owner);
    EXPECT_EQ(w.treatment, g.treatment);
    EXPECT_EQ(w.status, g.status);
    EXPECT_EQ(w.review_date, g.review_date);
    EXPECT_EQ(w.controls, g.controls);
    EXPECT_EQ(w.closed, g.closed);
    EXPECT_EQ(want[i].asset_refs, got[i].asset_refs);
  }
}

// ------------------------------------------------------------------------------- round trips

TEST(RiskExchange, AssetsRoundTripThroughCsv) {
  auto assets = sample_assets();
  auto csv = exchange::export_assets(assets, TableFormat::k_csv);
  ASSERT_TRUE(
      csv.starts_with("\xEF\xBB\xBF"
                      "ref,name,kind,description,owner,parent,depends_on,"));
  // Text that a spreadsheet would run as a formula is neutralised.
  EXPECT_NE(csv.find(",'-Head office,"), std::string::npos) << csv;
  auto back = exchange::import_assets(TableFormat::k_csv, csv);
  ASSERT_TRUE(back.errors.empty()) << describe(back.errors);
  expect_same_assets(assets, back.rows);
}

TEST(RiskExchange, RisksRoundTripThroughCsv) {
  auto risks = sample_risks();
  auto csv = exchange::export_risks(risks, TableFormat::k_csv);
  EXPECT_NE(csv.find("very-high"), std::string::npos);
  EXPECT_NE(csv.find("A.5.17; OC-01; NIST-CSF-2.0:PR.AA-01"), std::string::npos) << csv;
  EXPECT_NE(csv.find("'@Fire"), std::string::npos);
  auto back = exchange::import_risks(TableFormat::k_csv, csv);
  ASSERT_TRUE(back.errors.empty()) << describe(back.errors);
  expect_same_risks(risks, back.rows);
}

TEST(RiskExchange, AssetsAndRisksRoundTripThroughXlsx) {
  auto assets = sample_assets();
  auto xlsx = exchange::export_assets(assets, TableFormat::k_xlsx);
  ASSERT_TRUE(xlsx.starts_with("PK"));
  auto assets_back = exchange::import_assets(TableFormat::k_xlsx, xlsx);
  ASSERT_TRUE(assets_back.errors.empty()) << describe(assets_back.errors);
  expect_same_assets(assets, assets_back.rows);

  auto risks = sample_risks();
  auto risks_xlsx = exchange::export_risks(risks, TableFormat::k_xlsx);
  auto risks_back = exchange::import_risks(TableFormat::k_xlsx, risks_xlsx);
  ASSERT_TRUE(risks_back.errors.empty()) << describe(risks_back.errors);
  expect_same_risks(risks, risks_back.rows);
}

TEST(RiskExchange, ColumnsMatchByNameInAnyOrderAndCase) {
  auto back = exchange::import_assets(TableFormat::k_csv,
                                      "Kind,NAME,ref\r\nsoftware,HR portal,AS-9\r\n,,\r\n");
  ASSERT_TRUE(back.errors.empty()) << describe(back.errors);
  ASSERT_EQ(back.rows.size(), 1u);
  EXPECT_EQ(back.rows[0].asset.ref, "AS-9");
  EXPECT_EQ(back.rows[0].asset.kind, core::AssetKind::k_software);
}

// ------------------------------------------------------------------------------- bad rows

// The error of `row` and `column`, or "" when there is none.
std::string error_at(const std::vector<RowError>& errors, std::size_t row,
                     std::string_view column) {
  for (const auto& e : errors) {
    if (e.row == row && e.column == column) return e.message;
  }
  return "";
}

TEST(RiskExchange, EveryBadAssetRowIsNamedAndNothingIsImported) {
  std::string csv =
      "ref,name,kind,confidentiality,integrity,availability,rto_hours,retired\r\n"
      "AS-1,Good,information,1,2,3,4,no\r\n"      // 2: fine
      "AS-2,Bad kind,database,0,0,0,,\r\n"        // 3: unknown kind
      "AS-3,Too needy,software,5,0,0,,\r\n"       // 4: need outside 0-4
      "AS-4,Wordy,software,high,0,0,,\r\n"        // 5: need not a number
      ",No ref,software,0,0,0,,\r\n"              // 6: missing ref
      "AS-5,,software,0,0,0,,\r\n"                // 7: missing name
      "as-1,Again,software,0,0,0,,\r\n"           // 8: duplicate ref, other case
      "AS-6,Negative RTO,software,0,0,0,-1,\r\n"  // 9: hours below 0
      "AS-7,Retired?,software,0,0,0,,maybe\r\n"   // 10: not a flag
      "AS-8,Short,software\r\n";                  // 11: cells missing
  auto result = exchange::import_assets(TableFormat::k_csv, csv);
  EXPECT_TRUE(result.rows.empty());
  auto all = describe(result.errors);
  EXPECT_EQ(result.errors.size(), 9u) << all;
  EXPECT_NE(error_at(result.errors, 3, "kind").find("unknown kind 'database'"), std::string::npos)
      << all;
  EXPECT_NE(error_at(result.errors, 3, "kind").find("information, process, service"),
            std::string::npos);
  EXPECT_NE(error_at(result.errors, 4, "confidentiality").find("5 is out of range"),
            std::string::npos)
      << all;
  EXPECT_NE(error_at(result.errors, 4, "confidentiality").find("0 (none) to 4"), std::string::npos);
  EXPECT_NE(error_at(result.errors, 5, "confidentiality").find("'high' is not a whole number"),
            std::string::npos)
      << all;
  EXPECT_NE(error_at(result.errors, 6, "ref").find("the ref is empty"), std::string::npos) << all;
  EXPECT_NE(error_at(result.errors, 7, "name").find("the name is empty"), std::string::npos) << all;
  EXPECT_NE(error_at(result.errors, 8, "ref").find("its first row is row 2"), std::string::npos)
      << all;
  EXPECT_NE(error_at(result.errors, 9, "rto_hours").find("-1 is out of range"), std::string::npos)
      << all;
  EXPECT_NE(error_at(result.errors, 10, "retired").find("'maybe'"), std::string::npos) << all;
  EXPECT_NE(error_at(result.errors, 11, "").find("the row has 3 cells but the header has 8"),
            std::string::npos)
      << all;
  EXPECT_EQ(result.errors[0].to_string().substr(0, 18), "row 3, column kind");
}

TEST(RiskExchange, EveryBadRiskRowIsNamed) {
  std::string csv =
      "ref,title,inherent_likelihood,inherent_consequence,residual_likelihood,"
      "residual_consequence,treatment,status,criteria_version,closed\r\n"
      "R-1,Fine,3,4,1,2,modify,treating,1,no\r\n"  // 2: fine
      "R-2,Wordy,likely,4,,,,,,\r\n"               // 3: likelihood not a number
      "R-3,Half,3,,,,,,,\r\n"                      // 4: consequence missing
      ",No ref,,,,,,,,\r\n"                        // 5: missing ref
      "R-4,,,,,,,,,\r\n"                           // 6: missing title
      "R-5,Zero,0,1,,,,,,\r\n"                     // 7: a score below 1
      "R-6,Odd,,,,,transfer,,,\r\n"                // 8: unknown treatment
      "R-7,Odd,,,,,,pending,,\r\n"                 // 9: unknown status
      "r-1,Again,,,,,,,,\r\n";                     // 10: duplicate ref
  auto result = exchange::import_risks(TableFormat::k_csv, csv);
  EXPECT_TRUE(result.rows.empty());
  auto all = describe(result.errors);
  EXPECT_EQ(result.errors.size(), 8u) << all;
  EXPECT_NE(
      error_at(result.errors, 3, "inherent_likelihood").find("'likely' is not a whole number"),
      std::string::npos)
      << all;
  EXPECT_NE(error_at(result.errors, 4, "inherent_consequence").find("score both"),
            std::string::npos)
      << all;
  EXPECT_NE(error_at(result.errors, 5, "ref").find("the ref is empty"), std::string::npos) << all;
  EXPECT_NE(error_at(result.errors, 6, "title").find("the title is empty"), std::string::npos)
      << all;
  EXPECT_NE(error_at(result.errors, 7, "inherent_likelihood").find("0 is out of range"),
            std::string::npos)
      << all;
  EXPECT_NE(error_at(result.errors, 8, "treatment").find("unknown treatment 'transfer'"),
            std::string::npos)
      << all;
  EXPECT_NE(error_at(result.errors, 9, "status").find("unknown status 'pending'"),
            std::string::npos)
      << all;
  EXPECT_NE(error_at(result.errors, 10, "ref").find("its first row is row 2"), std::string::npos)
      << all;
}

TEST(RiskExchange, BadHeadersAreNamed) {
  auto unknown =
      exchange::import_assets(TableFormat::k_csv, "ref,name,kind,colour\r\nA,B,site,red\r\n");
  ASSERT_EQ(unknown.errors.size(), 1u) << describe(unknown.errors);
  EXPECT_NE(unknown.errors[0].message.find("unknown column 'colour'; the columns are ref, name"),
            std::string::npos);
  auto missing = exchange::import_risks(TableFormat::k_csv, "ref,owner\r\nR-1,CFO\r\n");
  ASSERT_EQ(missing.errors.size(), 1u) << describe(missing.errors);
  EXPECT_EQ(missing.errors[0].column, "title");
  EXPECT_NE(missing.errors[0].message.find("at least ref and title"), std::string::npos);
  auto yaml = exchange::import_risks(TableFormat::k_yaml, "risks: []");
  ASSERT_EQ(yaml.errors.size(), 1u);
  EXPECT_NE(yaml.errors[0].message.find("CSV or XLSX"), std::string::npos);
}

TEST(RiskExchange, TooManyBadRowsStopAtAHundred) {
  std::string csv = "ref,name,kind\r\n";
  for (int i = 0; i < 300; ++i) csv += "AS-" + std::to_string(i) + ",x,nothing\r\n";
  auto result = exchange::import_assets(TableFormat::k_csv, csv);
  ASSERT_EQ(result.errors.size(), 101u);
  EXPECT_NE(result.errors.back().message.find("too many errors"), std::string::npos);
}

// ------------------------------------------------------------------------------- hostile input

std::string make_zip(const std::vector<std::pair<std::string, std::string>>& parts) {
  auto path = (std::filesystem::temp_directory_path() / "cyberframe-risk-XXXXXX").string();
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

TEST(RiskExchange, AWorkbookThatInflatesTo100MegabytesIsStoppedByTheBudget) {
  const std::string main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  std::string sheet = "<worksheet xmlns=\"" + main + "\"><sheetData>";
  sheet +=
      "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>ref</t></is></c>"
      "<c r=\"B1\" t=\"inlineStr\"><is><t>title</t></is></c></row>";
  sheet.append(100u << 20, ' ');  // 100 MiB of padding
  sheet += "</sheetData></worksheet>";
  auto bytes = make_zip({{"xl/worksheets/sheet1.xml", sheet}});
  sheet.clear();
  sheet.shrink_to_fit();
  ASSERT_LT(bytes.size(), 1u << 20);  // under a megabyte on disk
  auto result = exchange::import_risks(TableFormat::k_xlsx, bytes);
  ASSERT_EQ(result.errors.size(), 1u) << describe(result.errors);
  EXPECT_TRUE(result.rows.empty());
  EXPECT_EQ(result.errors[0].row, 0u);
  EXPECT_NE(result.errors[0].message.find(
                "a risk register file may hold at most 16,777,216 bytes uncompressed"),
            std::string::npos)
      << result.errors[0].message;
}

TEST(RiskExchange, ACsvRowOfTenMillionColumnsIsStoppedByTheBudget) {
  std::string csv = "ref,name,kind\r\n";
  csv.append(10'000'000, ',');
  auto result = exchange::import_assets(TableFormat::k_csv, csv);
  ASSERT_EQ(result.errors.size(), 1u) << describe(result.errors);
  EXPECT_EQ(result.errors[0].row, 2u);
  EXPECT_NE(result.errors[0].message.find(
                "too many cells in one row: an asset file may hold at most 64 cells in one row"),
            std::string::npos)
      << result.errors[0].message;
}

TEST(RiskExchange, AHugeCellIsStoppedByTheBudget) {
  std::string csv = "ref,name,kind\r\nAS-1,\"";
  csv.append(1u << 20, 'x');
  csv += "\",site\r\n";
  auto result = exchange::import_assets(TableFormat::k_csv, csv);
  ASSERT_EQ(result.errors.size(), 1u) << describe(result.errors);
  EXPECT_EQ(result.errors[0].to_string(),
            "row 2, column name: cell 2 is too long: an asset file may hold at most 65,536 bytes "
            "in one cell");

  // The same in a workbook's shared string.
  const std::string main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  auto bytes =
      make_zip({{"xl/worksheets/sheet1.xml",
                 "<worksheet xmlns=\"" + main +
                     "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row></sheetData>"
                     "</worksheet>"},
                {"xl/sharedStrings.xml", "<sst xmlns=\"" + main + "\"><si><t>" +
                                             std::string(1u << 20, 'y') + "</t></si></sst>"}});
  auto from_xlsx = exchange::import_assets(TableFormat::k_xlsx, bytes);
  ASSERT_EQ(from_xlsx.errors.size(), 1u) << describe(from_xlsx.errors);
  EXPECT_NE(from_xlsx.errors[0].message.find("too many bytes in one value"), std::string::npos)
      << from_xlsx.errors[0].message;
}

TEST(RiskExchange, TooManyRowsOrBytesAreRefused) {
  std::string csv = "ref,name,kind\r\n";
  for (int i = 0; i < 50001; ++i) csv += "A" + std::to_string(i) + ",n,site\r\n";
  auto rows = exchange::import_assets(TableFormat::k_csv, csv);
  ASSERT_EQ(rows.errors.size(), 1u) << describe(rows.errors);
  EXPECT_NE(rows.errors[0].message.find("too many rows: an asset file may hold at most 50,000"),
            std::string::npos)
      << rows.errors[0].message;

  std::string big(17u << 20, 'x');
  auto bytes = exchange::import_risks(TableFormat::k_csv, big);
  ASSERT_EQ(bytes.errors.size(), 1u);
  EXPECT_NE(bytes.errors[0].message.find("may hold at most 16,777,216 bytes"), std::string::npos);

  auto not_utf8 = exchange::import_assets(TableFormat::k_csv, "ref,name,kind\r\nA,\xff,site\r\n");
  ASSERT_EQ(not_utf8.errors.size(), 1u);
  EXPECT_NE(not_utf8.errors[0].message.find("not UTF-8"), std::string::npos);
}

// ------------------------------------------------------------------------------- SoA

core::SoaLine line(std::string control, std::string title, std::string theme, bool applicable) {
  core::SoaLine l;
  l.row.control = std::move(control);
  l.row.applicable = applicable;
  l.row.version = 1;
  l.title = std::move(title);
  l.theme = std::move(theme);
  return l;
}

report::SoaDocument sample_soa() {
  report::SoaDocument d;
  d.organization = "Acme & Sons";
  d.scope = "All information processing of the Lyon office";
  d.generated_at = "2026-12-07T10:00:00Z";
  d.version.number = 3;
  d.version.status = core::SoaStatus::k_draft;
  d.version.created_by = "ciso";
  d.version.created_at = "2026-12-01T09:00:00Z";

  auto own = line("OC-01", "MFA everywhere", "Own controls", true);
  own.own = true;
  own.row.reasons = {core::SoaReason::k_contractual};
  own.implementation = core::Implementation::k_planned;
  own.implementation_basis = "roadmap action 12 open";
  auto policies =
      line("A.5.1", "Policies for information security", "Organizational controls", true);
  policies.row.reasons = {core::SoaReason::k_legal, core::SoaReason::k_business};
  policies.risks = {"R-001", "R-007"};
  policies.risk_reason = true;
  policies.implementation = core::Implementation::k_implemented;
  policies.implementation_basis = "Annex A profile: level 3 of 4";
  policies.row.owner = "CISO";
  auto physical = line("A.7.4", "Physical security monitoring", "Physical controls", false);
  physical.row.justification = "No premises of our own <script>alert(1)</script>";
  auto screening = line("A.6.1", "Screening", "People controls", true);
  screening.row.reasons = {core::SoaReason::k_legal};
  screening.implementation = core::Implementation::k_partial;
  screening.row.notes = "=HYPERLINK(\"http://evil\")";
  auto logging = line("A.8.15", "Logging", "Technological controls", true);
  logging.row.reasons = {core::SoaReason::k_business};
  d.lines = {own, policies, physical, screening, logging};
  return d;
}

TEST(Soa, CountsAreOfTheApplicableControls) {
  auto c = report::soa_counts(sample_soa().lines);
  EXPECT_EQ(c.controls, 5u);
  EXPECT_EQ(c.applicable, 4u);
  EXPECT_EQ(c.excluded, 1u);
  EXPECT_EQ(c.implemented, 1u);
  EXPECT_EQ(c.partial, 1u);
  EXPECT_EQ(c.planned, 1u);
  EXPECT_EQ(c.not_implemented, 0u);
  EXPECT_EQ(c.not_assessed, 1u);
}

TEST(Soa, HtmlEscapesEveryTextAndGroupsByTheme) {
  auto html = report::soa_html(sample_soa());
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_NE(html.find("<strong>No premises of our own &lt;script&gt;alert(1)&lt;/script&gt;"
                      "</strong>"),
            std::string::npos);
  EXPECT_NE(html.find("Acme &amp; Sons"), std::string::npos);
  // Annex A's themes in their order, own controls last.
  auto organizational = html.find(">Organizational controls<");
  auto people = html.find(">People controls<");
  auto physical = html.find(">Physical controls<");
  auto technological = html.find(">Technological controls<");
  auto own = html.find(">Own controls<");
  ASSERT_NE(own, std::string::npos);
  EXPECT_LT(organizational, people);
  EXPECT_LT(people, physical);
  EXPECT_LT(physical, technological);
  EXPECT_LT(technological, own);
  // Risk treatment follows from the risks and names them.
  auto policies = html.find("A.5.1<");
  auto treatment = html.find("Risk treatment", policies);
  EXPECT_LT(treatment, html.find("R-007", policies));
  EXPECT_NE(html.find("Annex A profile: level 3 of 4"), std::string::npos);
  EXPECT_NE(html.find("size: A4 landscape"), std::string::npos);
  EXPECT_NE(html.find("thead { display: table-header-group; }"), std::string::npos);
}

TEST(Soa, ADraftCarriesTheWatermarkAndAnApprovedVersionDoesNot) {
  auto d = sample_soa();
  auto draft = report::soa_html(d);
  EXPECT_NE(draft.find("<div class=\"watermark\" aria-hidden=\"true\">DRAFT</div>"),
            std::string::npos);
  EXPECT_NE(draft.find("SoA version 3"), std::string::npos);
  d.version.status = core::SoaStatus::k_approved;
  d.version.approved_by = "Board";
  d.version.approved_at = "2026-12-05T16:00:00Z";
  auto approved = report::soa_html(d);
  EXPECT_EQ(approved.find("class=\"watermark\""), std::string::npos);
  EXPECT_NE(approved.find(
                "Approved</span> by Board on <span class=\"nowrap\">2026-12-05T16:00:00Z</span>"),
            std::string::npos);
}

TEST(Soa, CsvHasAHeaderAndNeverAFormula) {
  auto csv = report::soa_csv(sample_soa());
  EXPECT_TRUE(
      csv.starts_with("\xEF\xBB\xBF"
                      "control,title,theme,applicable,reasons,risks,justification,"
                      "implementation,implementation_basis,owner,notes,soa_version\r\n"));
  EXPECT_NE(csv.find("\"'=HYPERLINK(\"\"http://evil\"\")\""), std::string::npos) << csv;
  EXPECT_NE(csv.find("A.5.1,Policies for information security,Organizational controls,yes,"
                     "risk-treatment; legal-regulatory; business,R-001; R-007,,implemented,"),
            std::string::npos)
      << csv;
  EXPECT_NE(csv.find("A.7.4,Physical security monitoring,Physical controls,no,"),
            std::string::npos);
}

TEST(Soa, XlsxHasTheStatementAndASummarySheet) {
  auto bytes = report::soa_xlsx(sample_soa());
  ASSERT_TRUE(bytes.starts_with("PK"));
  util::Budget budget(exchange::risk_table_limits(TableFormat::k_xlsx), "a workbook");
  std::vector<exchange::xlsx::Row> rows;
  auto read = exchange::xlsx::read_first_sheet(bytes, budget, [&](const exchange::xlsx::Row& r) {
    rows.push_back(r);
    return true;
  });
  ASSERT_TRUE(read) << read.error().message;
  ASSERT_EQ(rows.size(), 6u);
  EXPECT_EQ(rows[0].cells[0].text, "control");
  EXPECT_EQ(rows[0].cells[11].text, "soa_version");
  EXPECT_EQ(rows[1].cells[0].text, "A.5.1");
  EXPECT_EQ(rows[1].cells[3].text, "true");
  util::Budget parts(exchange::risk_table_limits(TableFormat::k_xlsx), "a workbook");
  auto workbook = exchange::xlsx::read_part(bytes, "xl/workbook.xml", parts);
  ASSERT_TRUE(workbook);
  EXPECT_NE(workbook->find("name=\"Statement of Applicability\""), std::string::npos);
  EXPECT_NE(workbook->find("name=\"Summary\""), std::string::npos);
  auto first = exchange::xlsx::read_part(bytes, "xl/worksheets/sheet1.xml", parts);
  ASSERT_TRUE(first);
  EXPECT_NE(first->find("<pane ySplit=\"1\""), std::string::npos);  // frozen header
  EXPECT_NE(first->find("<autoFilter"), std::string::npos);
  auto summary = exchange::xlsx::read_part(bytes, "xl/worksheets/sheet2.xml", parts);
  ASSERT_TRUE(summary);
  EXPECT_NE(summary->find("<pane ySplit=\"1\""), std::string::npos);
}

// ------------------------------------------------------------------------------- JSON

TEST(RiskJson, ASoaLineHasTheFieldsOfTheContract) {
  auto d = sample_soa();
  auto j = codec::to_json(d.lines[1]);
  for (auto key : {"control", "title", "theme", "applicable", "reasons", "risks", "implementation",
                   "implementation_basis", "justification", "owner", "notes", "version"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  EXPECT_EQ(j["reasons"],
            nlohmann::json::parse(R"(["risk-treatment", "legal-regulatory", "business"])"));
  EXPECT_EQ(j["stated_reasons"], nlohmann::json::parse(R"(["legal-regulatory", "business"])"));
  EXPECT_EQ(j["risks"], nlohmann::json::parse(R"(["R-001", "R-007"])"));
  EXPECT_EQ(j["implementation"], "implemented");
  EXPECT_EQ(codec::to_json(d.version)["status"], "draft");
}

TEST(RiskJson, RisksAndAssetsUseTheEnumStrings) {
  auto risk = sample_risks()[0].risk;
  auto j = codec::to_json(risk);
  EXPECT_EQ(j["treatment"], "modify");
  EXPECT_EQ(j["status"], "treating");
  EXPECT_EQ(j["inherent"], nlohmann::json::parse(R"({"likelihood": 4, "consequence": 5})"));
  EXPECT_EQ(j["controls"][0]["kind"], "annex-a");
  EXPECT_EQ(j["controls"][1]["kind"], "own");
  EXPECT_FALSE(j.contains("inherent_level"));
  EXPECT_TRUE(codec::to_json(sample_risks()[1].risk)["inherent"].is_null());
  auto asset = codec::to_json(sample_assets()[1].asset);
  EXPECT_EQ(asset["kind"], "hardware");
  EXPECT_EQ(asset["primary"], false);
  EXPECT_TRUE(asset["rto_hours"].is_null());

  core::HeatMap map;
  map.inherent[{4, 5}] = 2;
  map.unscored = 1;
  auto heat = codec::to_json(map);
  EXPECT_EQ(heat["inherent"],
            nlohmann::json::parse(R"([{"likelihood": 4, "consequence": 5, "count": 2}])"));
  EXPECT_EQ(heat["unscored"], 1);
}

core::RiskCriteria sample_criteria() {
  core::RiskCriteria c;
  c.id = "acme-3x3";
  c.name = "Acme 3x3";
  c.version = 4;
  c.likelihood = {{1, "Rare", "once in 10 years"}, {2, "Possible", ""}, {3, "Likely", ""}};
  c.consequence_types = {
      {"financial", "Financial", {{1, "Minor", "< 10k"}, {2, "Major", ""}, {3, "Severe", ""}}}};
  c.levels = {{"low", "Low", "#2E7D32", core::Acceptance::k_accept, 24},
              {"medium", "Medium", "#F0A500", core::Acceptance::k_owner_approval, 12},
              {"high", "High", "#B42318", core::Acceptance::k_treat, 6}};
  c.matrix = {{"low", "low", "medium"}, {"low", "medium", "high"}, {"medium", "high", "high"}};
  c.assessment_criteria = "Yearly, and after every major change.";
  c.organization = 7;
  return c;
}

TEST(RiskJson, CriteriaReadBackWhatIsWritten) {
  auto c = sample_criteria();
  auto j = codec::to_json(c);
  EXPECT_EQ(j["levels"][1]["acceptance"], "owner-approval");
  EXPECT_EQ(j["built_in"], false);
  auto back = codec::risk_criteria_from_json(j);
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_EQ(back->id, c.id);
  EXPECT_EQ(back->name, c.name);
  ASSERT_EQ(back->likelihood.size(), 3u);
  EXPECT_EQ(back->likelihood[0].meaning, "once in 10 years");
  ASSERT_EQ(back->consequence_types.size(), 1u);
  EXPECT_EQ(back->consequence_types[0].points[0].meaning, "< 10k");
  ASSERT_EQ(back->levels.size(), 3u);
  EXPECT_EQ(back->levels[1].acceptance, core::Acceptance::k_owner_approval);
  EXPECT_EQ(back->levels[0].review_months, 24);
  EXPECT_EQ(back->matrix, c.matrix);
  EXPECT_EQ(back->assessment_criteria, c.assessment_criteria);
  EXPECT_EQ(back->organization, 0);  // set by the store, not the body
}

TEST(RiskJson, CriteriaErrorsNameTheFieldPath) {
  auto j = codec::to_json(sample_criteria());
  j["levels"][2]["acceptance"] = "maybe";
  j["likelihood"][1]["value"] = "two";
  j["matrix"][0][1] = 3;
  j["colour"] = "red";
  j.erase("name");
  auto back = codec::risk_criteria_from_json(j);
  ASSERT_FALSE(back);
  const auto& m = back.error().message;
  EXPECT_NE(m.find("levels[2].acceptance: 'maybe' is not accept, owner-approval or treat"),
            std::string::npos)
      << m;
  EXPECT_NE(m.find("likelihood[1].value: expected a whole number, found a string"),
            std::string::npos)
      << m;
  EXPECT_NE(m.find("matrix[0][1]: expected a level id, found a number"), std::string::npos) << m;
  EXPECT_NE(m.find("colour: unknown field"), std::string::npos) << m;
  EXPECT_NE(m.find("name: missing; it is required"), std::string::npos) << m;
  EXPECT_FALSE(back.error().field.empty());

  auto not_object = codec::risk_criteria_from_json(nlohmann::json::array());
  ASSERT_FALSE(not_object);
  EXPECT_EQ(not_object.error().message, "expected an object, found an array");
}

}  // namespace
}  // namespace cyberframe
