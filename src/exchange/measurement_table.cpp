// The values of measurements to and from CSV and XLSX (measurement_table.hpp), read by the one
// table reader of named columns (table_read.hpp).
#include "exchange/measurement_table.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <functional>
#include <optional>
#include <unordered_map>

#include "core/input_rules.hpp"
#include "exchange/table_read.hpp"
#include "exchange/table_text.hpp"
#include "exchange/xlsx.hpp"
#include "util/date.hpp"
#include "util/text.hpp"

namespace cyberframe::exchange {
namespace {

using table::equals_ci;
using table::parse_flag;
using table::parse_whole;
using table::trim_view;
using table::WholeNumber;

constexpr std::size_t k_max_errors = 100;

// The columns of one kind of table, in export order.
struct Columns {
  std::vector<std::string> names;
  std::vector<double> widths;
  std::vector<std::size_t> required;  // indexes of the columns the header must name
  std::string what;                   // "an asset file", for messages

  std::string list() const { return util::join(names, ", "); }
  std::optional<std::size_t> find(std::string_view name) const {
    name = trim_view(name);
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (equals_ci(name, names[i])) return i;
    }
    return std::nullopt;
  }
};

enum ValueColumn : std::size_t { v_measurement, v_date, v_value, v_note };

const Columns& value_table() {
  static const Columns c{{"measurement", "date", "value", "note"},
                         {14, 12, 12, 60},
                         {v_measurement, v_date, v_value},
                         "a measurement values file"};
  return c;
}

// A table of text cells as CSV or XLSX; numbers (where `numeric[i]` and the text is a number)
// as numbers in XLSX.
std::string write(const Columns& columns, const std::string& sheet,
                  const std::vector<std::vector<std::string>>& rows,
                  const std::vector<bool>& numeric, TableFormat format) {
  if (format == TableFormat::k_csv) {
    std::string out(table::k_bom);
    out += table::csv_line(columns.names);
    for (const auto& row : rows) out += table::csv_line(row);
    return out;
  }
  if (format != TableFormat::k_xlsx) return {};
  xlsx::Table t;
  t.sheet_name = sheet;
  for (std::size_t i = 0; i < columns.names.size(); ++i) {
    t.columns.push_back(xlsx::ColumnSpec{columns.names[i], columns.widths[i]});
  }
  t.rows.reserve(rows.size());
  for (const auto& row : rows) {
    std::vector<xlsx::Value> cells(row.size());
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (row[i].empty()) continue;
      double n = 0;
      auto [end, ec] = std::from_chars(row[i].data(), row[i].data() + row[i].size(), n);
      if (i < numeric.size() && numeric[i] && ec == std::errc() &&
          end == row[i].data() + row[i].size())
        cells[i] = n;
      else
        cells[i] = row[i];
    }
    t.rows.push_back(std::move(cells));
  }
  auto bytes = xlsx::write_table(t);
  return bytes ? std::move(*bytes) : std::string();
}

}  // namespace

util::ParseLimits measurement_table_limits(TableFormat format) {
  util::ParseLimits limits;
  limits.bytes = 4u << 20;
  limits.rows = 100000;
  limits.fields_per_row = 16;
  limits.item_bytes = 4u << 10;
  limits.cells = 400000;
  if (format == TableFormat::k_xlsx) {
    limits.nodes = 1000000;
    limits.depth = 64;
    limits.strings = 100000;
    limits.string_bytes = 4u << 20;
  }
  return limits;
}

const std::vector<std::string>& measurement_value_columns() {
  return value_table().names;
}

MeasurementValueImport import_measurement_values(TableFormat format, std::string_view bytes) {
  const auto& table = value_table();
  MeasurementValueImport out;
  auto read = read_named_table(TableColumns{table.names, table.required, table.what}, format, bytes,
                               measurement_table_limits(format));
  // A row the reader refused (its cells do not fit the header) is named with the others; a
  // problem with the whole file (row 0, or the header) ends the reading.
  out.errors = std::move(read.errors);
  for (const auto& e : out.errors)
    if (e.row <= 1) return out;
  struct Errors {
    const Columns& table;
    std::vector<RowError>& list;
    void error(std::size_t row, std::size_t column, std::string message) {
      list.push_back(RowError{row, table.names[column], std::move(message)});
    }
  } importer{table, out.errors};
  std::unordered_map<std::string, std::size_t> first_row;
  for (const auto& table_row : read.rows) {
    if (out.errors.size() >= k_max_errors) {
      out.errors.push_back(RowError{
          0, "", "too many errors: stopped after the first " + std::to_string(k_max_errors)});
      break;
    }
    std::size_t row = table_row.line;
    std::vector<std::string_view> f(table_row.cells.begin(), table_row.cells.end());
    MeasurementValueRow r;
    r.line = row;
    bool ok = true;
    auto ref = trim_view(f[v_measurement]);
    if (ref.empty()) {
      importer.error(row, v_measurement, "the measurement is empty; give its ref (MEAS-001)");
      ok = false;
    } else if (!core::is_measurement_ref(ref)) {
      importer.error(row, v_measurement,
                     "'" + std::string(ref.substr(0, 40)) +
                         "' is not a measurement ref: MEAS- and 3 to 6 digits (MEAS-001)");
      ok = false;
    }
    r.value.measurement = core::canonical_measurement_ref(ref);
    auto date = std::string(trim_view(f[v_date]));
    if (format == TableFormat::k_xlsx && !date.empty() && date.find('-') == std::string::npos) {
      // A date cell: the workbook's day number (1900 date system, day 25569 is 1970-01-01).
      auto n = parse_whole(date);
      if (n.kind == WholeNumber::Kind::k_ok && n.value > 0 && n.value < 2958466)
        date = util::date_of_day(n.value - 25569);
    }
    if (date.empty()) {
      importer.error(row, v_date, "the date is empty; give the end of the period, YYYY-MM-DD");
      ok = false;
    } else if (auto d = core::check_date("date", date); !d) {
      importer.error(row, v_date, d.error().message);
      ok = false;
    }
    r.value.date = date;
    auto text = trim_view(f[v_value]);
    double number = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (text.empty()) {
      importer.error(row, v_value, "the value is empty; every row needs a number");
      ok = false;
    } else if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(number)) {
      importer.error(row, v_value,
                     "value '" + std::string(text.substr(0, 40)) +
                         "' is not a number (write it like 93.5, without a unit or separators)");
      ok = false;
    }
    r.value.value = number;
    r.value.note = std::string(f[v_note]);
    if (r.value.note.size() > core::k_max_note_bytes) {
      importer.error(row, v_note,
                     "the note is " + std::to_string(r.value.note.size()) +
                         " bytes; a note is at most " + std::to_string(core::k_max_note_bytes));
      ok = false;
    }
    if (ok) {
      auto key = r.value.measurement + "@" + r.value.date;
      auto [it, inserted] = first_row.try_emplace(key, row);
      if (!inserted) {
        importer.error(row, v_date,
                       r.value.measurement + " has a value for " + r.value.date + " in row " +
                           std::to_string(it->second) + " already");
        ok = false;
      }
    }
    if (ok) out.rows.push_back(std::move(r));
  }
  if (!out.errors.empty()) out.rows.clear();
  std::stable_sort(out.errors.begin(), out.errors.end(),
                   [](const RowError& a, const RowError& b) { return a.row < b.row; });
  return out;
}

std::string export_measurement_values(const std::vector<core::MeasurementValue>& values,
                                      TableFormat format) {
  std::vector<std::vector<std::string>> rows;
  rows.reserve(values.size());
  for (const auto& v : values)
    rows.push_back({v.measurement, v.date, core::number_text(v.value), v.note});
  return write(value_table(), "Measurements", rows, {false, false, true, false}, format);
}

}  // namespace cyberframe::exchange
