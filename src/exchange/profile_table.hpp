#pragma once
// Profiles to and from spreadsheets and YAML, because teams fill them in spreadsheets.
//
// One row per node: node, level, not_applicable, justification, owner, priority, notes (plus the
// read-only columns title and description on export, ignored on import). Import validates every
// row against the framework and scale and reports every bad row (row, column, why); it returns
// either all rows or the errors, never a part.
//
// Columns are node, title, description, level, not_applicable, justification, owner, priority,
// notes, in that order on export; on import they are matched by header name (case-insensitive,
// any order), node and level are required, and an unknown name is an error. Cells: level empty
// (not assessed) or a whole number of the scale ("3", or "3.0" as spreadsheets store numbers);
// not_applicable empty/false/no/0 or true/yes/1; priority empty (2), 1-3 or high/medium/low. A
// row with nothing but node (and the read-only columns) is a node left unassessed: nothing is
// imported for it, but the node must exist and may not appear twice. Blank rows are skipped.
//
// Import errors: every bad row is reported (core::validate's checks, cells that do not parse, a
// node already given in an earlier row, a CSV row with another number of cells than the header),
// up to 100; the 101st ends the import with one "too many errors" entry. Problems with the file
// as a whole (not UTF-8, empty, past a limit of import_limits(), an unterminated CSV quote, a
// corrupt XLSX, a YAML document of another framework) end it at once.
//
// Limits (import_limits(), util/budget.hpp), checked while reading, never after: whatever the
// format, 64 MiB (uncompressed, for XLSX), 200,000 rows, 64 cells in a row and 128 KiB in one
// cell (Excel's 32,767 characters of 4 bytes). XLSX also: 8,000,000 XML nodes over all the parts
// read, nesting of 64, 400,000 shared strings of 16 MiB in all, 2,000,000 cells. YAML also:
// 500,000 nodes (about 50,000 fully filled rows; larger profiles go as CSV or XLSX), nesting of
// 16. The largest catalog (SP 800-53, about 1,200 controls) gives a file of a few MB with one row
// per node, far below all of them. Cost: CSV holds the text and one row's cells; XLSX streams every
// part (nothing is inflated whole) and holds the shared strings (under 64 MiB at their limits);
// YAML is counted first when it could be past its nodes, then held as a tree of about 72 bytes a
// node (36 MiB at the limit); the rows read are the result. Rows are numbered from 1: in CSV
// and XLSX the header is row 1 (a CSV row is a record, so a quoted line break does not start a
// new one; an XLSX row is the sheet's row number); in YAML the row is the entry's position in
// `nodes` and the message ends with "(entry N of 'nodes', line L)". Row 0 is the whole file.
//
// Formats. CSV: RFC 4180, read with or without a UTF-8 BOM, CRLF or LF; written with a BOM (so
// that Excel reads it as UTF-8) and CRLF. A cell beginning with '=', '+', '-', '@', a tab or a
// carriage return is written with an apostrophe in front (util::csv_field; plain numbers such as
// "-1" excepted), so a spreadsheet opening the CSV never runs it as a formula, and one beginning
// with an apostrophe gets a second; import removes exactly that apostrophe, so an export imports
// back unchanged. XLSX stores text as text strings (never formulas). XLSX: the first sheet,
// with shared or inline strings, numbers and booleans, cells placed by their references; written
// with a bold, frozen, filtered header row. YAML: { profile: NAME, framework: ID, kind:
// current|target, nodes: [ { node: ID, level: 3, ... } ] }, framework required and equal to the
// profile's; aliases refused.
//
// Threading: no shared state; any number of threads may import and export at once.

#include <string>
#include <vector>

#include "core/catalog.hpp"
#include "core/profile.hpp"
#include "util/budget.hpp"

namespace cyberframe::exchange {

enum class TableFormat { k_csv, k_xlsx, k_yaml };
std::optional<TableFormat> format_from_path(std::string_view path);    // by extension
std::optional<TableFormat> parse_table_format(std::string_view name);  // "csv", "xlsx", "yaml"

// The limits of one import in `format` (see above).
util::ParseLimits import_limits(TableFormat format);

struct RowError {
  std::size_t row = 0;  // 1-based; row 1 is the header in CSV and XLSX
  std::string column;   // empty for the whole row
  std::string message;
  // "row 12, column level: ...", "row 12: ..." without a column, "column framework: ..." or the
  // bare message for row 0.
  std::string to_string() const;  // "row 12, column level: ..."
};

struct ImportResult {
  std::vector<core::NodeAssessment> rows;
  std::vector<RowError> errors;  // when not empty, `rows` is empty
};

// Parses `bytes` in `format` into node assessments of `profile`.
ImportResult import_profile(const core::Catalog& catalog, const core::Profile& profile,
                            const core::Scale& scale, TableFormat format, std::string_view bytes);

// Writes every node of the framework (assessed or not) in document order; import_profile of the
// result gives back exactly the assessed rows (level, N/A, justification, owner, priority, notes).
// XLSX cells hold at most 32,767 characters (Excel's limit): longer text is cut. Returns an empty
// string when the XLSX's temporary file cannot be written.
std::string export_profile(const core::Catalog& catalog, const core::Profile& profile,
                           const std::map<std::string, core::NodeAssessment>& assessments,
                           TableFormat format);

// The gap table of a gap analysis as CSV or XLSX (k_yaml gives the same rows as a YAML list):
// rank, node, level, outcome, current, target, gap, priority, owner, score, in the order of
// `gaps` (each row's rank is its Gap::rank, the place in the whole ranking, when set). Cells
// follow the CSV rule above (RFC 4180, BOM, CRLF, an apostrophe before a formula's first
// character).
// GapAnalysis does not name its framework: the outcome text comes from the framework holding all
// of its nodes (preferring the one whose functions and categories are exactly gaps.rollup's).
// Returns an empty string when the XLSX's temporary file cannot be written.
std::string export_gaps(const core::Catalog& catalog, const core::GapAnalysis& gaps,
                        TableFormat format);

// Reads a scale file: `id`, `name`, `levels: [ { value: 0, name: ..., meaning: ... }, ... ]`.
// Errors say where (line) and what; the scale is validated with core::validate(Scale).
util::Result<core::Scale> parse_scale_yaml(std::string_view text);

}  // namespace cyberframe::exchange
