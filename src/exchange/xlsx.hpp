#pragma once
// The first worksheet of an XLSX workbook, read as rows of text and written from a plain table.
// Knows nothing of profiles: profile_table.cpp maps the cells to node assessments.
//
// Reading treats the file as untrusted and charges one util::Budget for the whole workbook, while
// it reads: each part is inflated piece by piece (64 KiB at a time) straight into libxml2's SAX
// push parser, and every piece is charged to the budget's bytes before it is parsed, whatever size
// the archive declares; every element and text run to its nodes, nesting to its depth, each shared
// string to strings and string_bytes, each cell to cells, each row's non-empty cells to
// fields_per_row, the text of one cell or shared string to item_bytes. No part is ever held whole
// and no tree is built, so a workbook costs the shared strings it keeps (bounded by strings and
// string_bytes) plus one row, whatever it inflates to. XML is parsed without network access,
// without entity substitution and without loading DTDs, and a part that carries a DOCTYPE is
// refused outright.
//
// Threading: the functions keep no state; any number of threads may call them.

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "util/budget.hpp"
#include "util/result.hpp"

namespace cyberframe::exchange::xlsx {

// Excel's limit on the text of one cell, in characters.
inline constexpr std::size_t k_max_cell_chars = 32767;

struct Cell {
  std::size_t column = 0;  // 0-based: A is 0, taken from the cell reference ("C7" is 2)
  std::string text;
};

// A row as stored: only the cells the sheet holds, in the sheet's order.
struct Row {
  std::size_t number = 0;  // 1-based, from the row's reference
  std::vector<Cell> cells;
};

// Calls `on_row` for every row of the workbook's first sheet, in order, until it returns false.
// Cell text: shared and inline strings (rich-text runs joined, _xHHHH_ escapes decoded); numbers
// as written, except that whole numbers lose a fraction of zeros ("3.0" and "3" both give "3");
// booleans as "true" or "false"; formula results as their cached value. Errors: the bytes are not a
// zip archive, the workbook has no sheet, a part is not well-formed XML or has a DOCTYPE, a cell
// refers to a shared string that does not exist, a limit of `budget` is passed (the message names
// the limit, the part and line, and the limit's value). Rows already delivered stay delivered.
util::Result<void> read_first_sheet(std::string_view bytes, util::Budget& budget,
                                    const std::function<bool(const Row&)>& on_row);

// The uncompressed bytes of one part of a zip archive ("xl/worksheets/sheet1.xml"), charged to
// `budget`'s bytes; for tests and diagnostics.
util::Result<std::string> read_part(std::string_view bytes, std::string_view name,
                                    util::Budget& budget);

// The 0-based column index of a cell reference's letters ("AB12" -> 27); npos when malformed.
std::size_t column_of_reference(std::string_view reference);
// The letters of a 0-based column index (27 -> "AB").
std::string column_letters(std::size_t column);

// One cell to write: empty, text, a number or a boolean.
using Value = std::variant<std::monostate, std::string, double, bool>;

struct ColumnSpec {
  std::string header;
  double width = 12;  // in Excel's character units
};

struct Table {
  std::string sheet_name;  // at most 31 characters, none of []:*?/\ (Excel's rule)
  std::vector<ColumnSpec> columns;
  std::vector<std::vector<Value>> rows;  // each at most columns.size() cells
  bool filter = true;                    // an autofilter on the header row
  bool wrap = false;                     // text wraps in its column (top-aligned), for long prose
};

// Writes `table` as a one-sheet workbook: a bold, frozen header row with an autofilter, and the
// column widths given. Text longer than k_max_cell_chars is cut there (Excel cannot hold more);
// control characters and literal "_xHHHH_" are escaped so that read_first_sheet gives the text
// back unchanged. Goes through a temporary file (libxlsxwriter writes files only), removed before
// returning. Errors: the temporary file cannot be created, written or read (k_io).
util::Result<std::string> write_table(const Table& table);
// The same with one sheet per table, in order (read_first_sheet reads the first).
util::Result<std::string> write_workbook(const std::vector<Table>& tables);

}  // namespace cyberframe::exchange::xlsx
