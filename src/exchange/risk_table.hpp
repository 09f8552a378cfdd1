#pragma once
// The asset inventory and the risk register to and from spreadsheets (CSV and XLSX), because
// risk workshops are held in spreadsheets (docs/risk.md).
//
// One row per asset or risk. The columns of an export are the columns of an import, in the same
// order, so an exported file imports again unchanged:
//   assets: ref, name, kind, description, owner, parent, depends_on, confidentiality, integrity,
//           availability, rto_hours, rpo_hours, retired
//   risks:  ref, title, description, assets, threat, vulnerability, consequence_types, criteria,
//           criteria_version, inherent_likelihood, inherent_consequence, inherent_level,
//           current_likelihood, current_consequence, current_level, residual_likelihood,
//           residual_consequence, residual_level, owner, treatment, status, review_date,
//           controls, closed
// The *_level columns are read-only (derived from the criteria; ignored on import). On import the
// columns are matched by header name (case-insensitive, any order); ref, name and kind (assets) or
// ref and title (risks) are required; an unknown name is an error. Lists (depends_on, assets,
// consequence_types, controls) are ";"-separated, blanks around items ignored; a control is
// "A.8.8" (Annex A), "FRAMEWORK:NODE" (an outcome) or an own control's ref
// (core::parse_control_link). Cells: kind one of core::to_string(AssetKind); security needs
// empty (0) or a whole number 0-4; RTO/RPO empty or a whole number >= 0; scores empty (not
// scored) or whole numbers >= 1, likelihood and consequence given together; treatment empty
// (none) or a core::to_string(Treatment); status empty (identified) or a
// core::to_string(RiskStatus); criteria_version empty (0) or a whole number >= 0; retired and
// closed empty/false/no/0 or true/yes/1. Numbers may be written "3.0" as spreadsheets store them.
//
// Import is all or nothing: it returns every row, or every bad row (up to 100; the 101st ends the
// import with a "too many errors" entry) named by row number and column with what is wrong
// (unknown kind, a need outside 0-4, a likelihood that is not a number, a missing ref, name or
// title, a ref given twice in the file without regard to case, a CSV row with another number of
// cells than the header). What needs the store or the criteria (refs of parents, assets and own
// controls that exist, scores on the criteria's matrix, core::validate) is the workspace's job:
// each row carries its line for the workspace's own messages. Problems with the file as a whole
// (not UTF-8, empty, past a limit, an unterminated quote, a corrupt workbook) end it at once with
// one error of row 0.
//
// Limits (risk_table_limits(), util/budget.hpp), checked while reading: 16 MiB (uncompressed, for
// XLSX), 50,000 rows, 64 cells in a row, 64 KiB in one cell; XLSX also 4,000,000 XML nodes,
// nesting of 64, 200,000 shared strings of 16 MiB in all, 1,000,000 cells. Rows are numbered
// from 1 with the header as row 1 (a CSV row is a record; an XLSX row is the sheet's number).
//
// Formats follow exchange/profile_table.hpp: CSV is RFC 4180, read with or without a BOM, written
// with a BOM and CRLF, every cell through util::csv_field (never a formula; an apostrophe added
// there is removed on import); XLSX is the first sheet, written with a bold, frozen, filtered
// header row.
//
// Threading: no shared state.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/risk.hpp"
#include "exchange/profile_table.hpp"
#include "util/budget.hpp"

namespace cyberframe::exchange {

// An asset as a spreadsheet holds it: links by ref, not by id.
struct AssetRow {
  core::Asset asset;  // id, organization, parent and depends_on are not set by an import
  std::string parent_ref;
  std::vector<std::string> depends_on_refs;
  std::size_t line = 0;  // the row number in the file (import only)
};

// A risk as a spreadsheet holds it: its assets by ref.
struct RiskRow {
  core::Risk risk;  // id, organization and assets are not set by an import
  std::vector<std::string> asset_refs;
  std::size_t line = 0;
};

struct AssetImport {
  std::vector<AssetRow> rows;
  std::vector<RowError> errors;  // when not empty, `rows` is empty
};

struct RiskImport {
  std::vector<RiskRow> rows;
  std::vector<RowError> errors;  // when not empty, `rows` is empty
};

// The limits of one import in `format` (k_csv or k_xlsx; see above).
util::ParseLimits risk_table_limits(TableFormat format);

// Parses an asset inventory or a risk register in `format` (k_csv or k_xlsx; k_yaml is refused
// with one error).
AssetImport import_assets(TableFormat format, std::string_view bytes);
RiskImport import_risks(TableFormat format, std::string_view bytes);

// The column headers, in export order.
const std::vector<std::string>& asset_columns();
const std::vector<std::string>& risk_columns();

// Writes `assets` (their parent_ref and depends_on_refs as the links) as CSV or XLSX (sheet
// "Assets"); import_assets of the result gives the same rows back. An empty string when the XLSX's
// temporary file cannot be written, or for k_yaml.
std::string export_assets(const std::vector<AssetRow>& assets, TableFormat format);

// One risk of the register as exported: the risk, its levels (ids of the criteria's levels, ""
// when not scored) and its assets by ref.
struct RiskRegisterRow {
  core::Risk risk;
  std::string inherent_level;
  std::string current_level;
  std::string residual_level;
  std::vector<std::string> asset_refs;
};

// Writes the register as CSV or XLSX (sheet "Risks"); import_risks of the result gives the risks
// back (the levels are not read). An empty string when the XLSX cannot be written, or for k_yaml.
std::string export_risks(const std::vector<RiskRegisterRow>& risks, TableFormat format);

}  // namespace cyberframe::exchange
