#pragma once
// The values of the ISMS's measurements to and from spreadsheets (CSV and XLSX): a measurement is
// often taken in a spreadsheet by whoever measures it, and its quarter's results come in as one.
//
// One row per value, columns (matched by header name, without regard to case, in any order; an
// unknown name is an error): measurement, date, value, note. measurement, date and value are
// required. measurement is a ref MEAS-NNN (any case; written upper case); date is YYYY-MM-DD, the
// end of the period measured (in XLSX also a date cell, which the workbook keeps as a day
// number); value is a decimal number ("93.5", "-2", "1e3"; a comma or a unit is an error); note
// is free text of at most core::k_max_note_bytes. The same measurement and date twice in a file is
// an error naming the first row. The columns of an export are those of an import, in that order,
// so an exported file imports again unchanged.
//
// Import is all or nothing: every row, or every bad row (up to 100; the 101st ends it with a "too
// many errors" entry) as {row, column, message}, rows numbered from 1 with the header as row 1.
// Whether a measurement exists in the register is the workspace's job. Problems with the file as
// a whole (not UTF-8, empty, past a limit, an unterminated quote, a corrupt workbook) end it at
// once with one error of row 0.
//
// Limits (measurement_table_limits(), util/budget.hpp), checked while reading: 4 MiB
// (uncompressed, for XLSX), 100,000 rows, 16 cells in a row, 4 KiB in a cell, 400,000 cells; XLSX
// also 1,000,000 XML nodes, nesting of 64, 100,000 shared strings of 4 MiB in all.
//
// Formats follow exchange/risk_table.hpp: CSV is RFC 4180, read with or without a BOM, written
// with a BOM and CRLF, every cell through util::csv_field (never a formula); XLSX is the first
// sheet, written with a bold, frozen, filtered header row.
//
// Threading: no shared state.

#include <string>
#include <string_view>
#include <vector>

#include "core/measurement.hpp"
#include "exchange/profile_table.hpp"
#include "util/budget.hpp"

namespace cyberframe::exchange {

struct MeasurementValueRow {
  core::MeasurementValue value;  // measurement, date, value and note
  std::size_t line = 0;          // its row number in the file
};

struct MeasurementValueImport {
  std::vector<MeasurementValueRow> rows;
  std::vector<RowError> errors;  // when not empty, `rows` is empty
};

util::ParseLimits measurement_table_limits(TableFormat format);

MeasurementValueImport import_measurement_values(TableFormat format, std::string_view bytes);

// measurement, date, value, note
const std::vector<std::string>& measurement_value_columns();

// CSV or XLSX (sheet "Measurements"); an empty string when the XLSX cannot be written or for
// k_yaml.
std::string export_measurement_values(const std::vector<core::MeasurementValue>& values,
                                      TableFormat format);

}  // namespace cyberframe::exchange
