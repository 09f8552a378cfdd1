#pragma once
// A table of named columns read from CSV or XLSX, for importers whose columns are known only at
// run time (the ISMS registers, exchange/isms_table.hpp): the same reader, limits and messages as
// the risk register's (risk_table.cpp, where it lives): columns matched by header name without
// regard to case and in any order, an unknown or repeated name an error, the required columns
// named, blank rows skipped, a CSV row with another number of cells than the header an error,
// problems with the whole file one error of row 0, at most 100 errors.
//
// Threading: no shared state.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "exchange/profile_table.hpp"
#include "util/budget.hpp"

namespace cyberframe::exchange {

struct TableColumns {
  std::vector<std::string> names;
  std::vector<std::size_t> required;  // indexes into names
  std::string what;                   // "a context register file", for messages
};

struct TableRow {
  std::size_t line = 0;            // the row number (the header is row 1)
  std::vector<std::string> cells;  // by column index; "" when absent
};

struct TableRead {
  std::vector<TableRow> rows;    // the rows read (also beside errors: check them too)
  std::vector<RowError> errors;  // when not empty, nothing may be stored
};

TableRead read_named_table(const TableColumns& columns, TableFormat format, std::string_view bytes,
                           const util::ParseLimits& limits);

}  // namespace cyberframe::exchange
