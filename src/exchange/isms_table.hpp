#pragma once
// An ISMS register (core/isms.hpp) to and from spreadsheets (CSV and XLSX). One row per record;
// the columns are ref, title, status, owner, then the register's fields in its descriptor's
// order (by key), then links. An export imports again unchanged. Lists (list fields, links) are
// ";"-separated; a link is KIND:TARGET. On import the columns are matched by header name (any
// case, any order); title is required, the other columns may be left out; a cell is checked by
// core::set_field (an enum's values, a real date, a number), the row by core::record_problems,
// and every bad row is named by row and column. All rows or none. The limits are the risk
// register's (risk_table_limits).
//
// Threading: no shared state.

#include <string>
#include <string_view>
#include <vector>

#include "core/isms.hpp"
#include "exchange/profile_table.hpp"

namespace cyberframe::exchange {

struct IsmsRow {
  core::IsmsRecord record;  // register_key, ref, title, status, owner, fields, links
  std::size_t line = 0;
};

struct IsmsImport {
  std::vector<IsmsRow> rows;
  std::vector<RowError> errors;  // when not empty, `rows` is empty
};

// The column headers of a register's table, in export order.
std::vector<std::string> isms_columns(const core::RegisterSpec& spec);

IsmsImport import_isms(const core::RegisterSpec& spec, TableFormat format, std::string_view bytes);

// "" for k_yaml or when the XLSX cannot be written.
std::string export_isms(const core::RegisterSpec& spec,
                        const std::vector<core::IsmsRecord>& records, TableFormat format);

}  // namespace cyberframe::exchange
