// The values of measurements to and from CSV and XLSX (measurement_table.hpp). The reading
// machinery (Importer, read_csv, read_xlsx) follows risk_table.cpp's.
#include "exchange/measurement_table.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <functional>
#include <optional>
#include <unordered_map>

#include "core/input_rules.hpp"
#include "exchange/table_text.hpp"
#include "exchange/xlsx.hpp"
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

// The header, the rows and the errors of one file: formats feed it; finish() applies "all or
// nothing".
class Importer {
 public:
  using Fields = std::vector<std::string_view>;  // by column index; empty when absent

  Importer(const Columns& columns, util::Budget& budget) : m_columns(columns), m_budget(budget) {}

  // Maps the header's names, in file order, to columns. With `gaps`, an empty name is a column
  // with no header (an XLSX gap) rather than an error. False when the header is unusable.
  bool set_header(std::size_t row, const std::vector<std::string>& names, bool gaps) {
    m_positions.assign(names.size(), std::nullopt);
    std::vector<std::size_t> seen(m_columns.names.size(), std::string::npos);
    bool ok = true;
    for (std::size_t i = 0; i < names.size(); ++i) {
      auto name = trim_view(names[i]);
      if (name.empty()) {
        if (gaps) continue;
        error(row, "",
              "column " + std::to_string(i + 1) + " of the header has no name; name it (one of: " +
                  m_columns.list() + ") or delete the column");
        ok = false;
        continue;
      }
      auto column = m_columns.find(name);
      if (!column) {
        error(row, std::string(name),
              "unknown column '" + std::string(name) + "'; the columns are " + m_columns.list());
        ok = false;
        continue;
      }
      if (seen[*column] != std::string::npos) {
        error(row, m_columns.names[*column],
              "column '" + m_columns.names[*column] + "' appears twice in the header (columns " +
                  std::to_string(seen[*column] + 1) + " and " + std::to_string(i + 1) + ")");
        ok = false;
        continue;
      }
      seen[*column] = i;
      m_positions[i] = *column;
    }
    for (auto required : m_columns.required) {
      if (seen[required] == std::string::npos) {
        std::string names_required;
        const auto& all = m_columns.required;
        for (std::size_t k = 0; k < all.size(); ++k) {
          if (k > 0) names_required += k + 1 == all.size() ? " and " : ", ";
          names_required += m_columns.names[all[k]];
        }
        error(row, m_columns.names[required],
              "missing column '" + m_columns.names[required] + "'; the header must name at least " +
                  names_required);
        ok = false;
      }
    }
    return ok && !m_stopped;
  }

  const std::vector<std::optional<std::size_t>>& positions() const { return m_positions; }
  const Columns& columns() const { return m_columns; }

  // Counts one data row against the budget; false (with the error) past the limit of rows.
  bool count_row(std::size_t row) {
    auto ok = m_budget.charge(util::Limit::k_rows, 1, "row " + std::to_string(row));
    if (ok) return true;
    fatal(0, "", ok.error().message);
    return false;
  }

  // Records an error, unless k_max_errors are already recorded: then one "too many errors" entry
  // ends the import.
  void error(std::size_t row, std::string column, std::string message) {
    if (m_stopped) return;
    if (m_errors.size() >= k_max_errors) {
      m_errors.push_back(RowError{0, "",
                                  "too many errors: stopped after the first " +
                                      std::to_string(k_max_errors) + " (at row " +
                                      std::to_string(row) + ")"});
      m_stopped = true;
      return;
    }
    m_errors.push_back(RowError{row, std::move(column), std::move(message)});
  }
  void error(std::size_t row, std::size_t column, std::string message) {
    error(row, m_columns.names[column], std::move(message));
  }

  // Records an error that ends the import.
  void fatal(std::size_t row, std::string column, std::string message) {
    if (m_stopped) return;
    m_errors.push_back(RowError{row, std::move(column), std::move(message)});
    m_stopped = true;
  }

  bool stopped() const { return m_stopped; }
  bool failed() const { return !m_errors.empty(); }
  std::vector<RowError> take_errors() { return std::move(m_errors); }

  // The first row of a ref (without regard to case); 0 when it is new, recording `row`.
  std::size_t first_row_of(std::string_view ref, std::size_t row) {
    auto [it, inserted] = m_first_row.try_emplace(util::caseless_key(ref), row);
    return inserted ? 0 : it->second;
  }

  // A whole number cell: nullopt (with the error) when it is not one or lies outside
  // [min, max]; `fallback` when empty.
  std::optional<int> number(std::size_t row, std::size_t column, std::string_view text, int min,
                            int max, int fallback, std::string_view range) {
    text = trim_view(text);
    if (text.empty()) return fallback;
    const auto& name = m_columns.names[column];
    auto n = parse_whole(text);
    if (n.kind == WholeNumber::Kind::k_not_a_number) {
      error(row, column,
            name + " '" + std::string(text) + "' is not a whole number; " + std::string(range));
      return std::nullopt;
    }
    if (n.kind == WholeNumber::Kind::k_too_large || n.value < min || n.value > max) {
      error(row, column,
            name + " " + std::string(text) + " is out of range; " + std::string(range));
      return std::nullopt;
    }
    return n.value;
  }

  std::optional<bool> flag(std::size_t row, std::size_t column, std::string_view text) {
    text = trim_view(text);
    if (auto f = parse_flag(text)) return f;
    error(row, column,
          m_columns.names[column] + " '" + std::string(text) +
              "' is not true/yes/1 or false/no/0 (or empty)");
    return std::nullopt;
  }

 private:
  const Columns& m_columns;
  util::Budget& m_budget;
  std::vector<std::optional<std::size_t>> m_positions;
  std::unordered_map<std::string, std::size_t> m_first_row;
  std::vector<RowError> m_errors;
  bool m_stopped = false;
};

using RowHandler = std::function<void(std::size_t row, const Importer::Fields& fields)>;

bool is_blank(std::string_view text) {
  return trim_view(text).empty();
}

// False (with the error) when the file is larger than the limit of bytes.
bool check_size(Importer& importer, std::size_t size, const util::ParseLimits& limits) {
  if (size <= limits.bytes) return true;
  importer.fatal(0, "",
                 "the file is " + util::with_separators(size) +
                     " bytes: " + importer.columns().what + " may hold at most " +
                     util::with_separators(limits.bytes) + " bytes");
  return false;
}

bool check_utf8(Importer& importer, std::string_view text) {
  auto bad = util::find_invalid_utf8(text);
  if (bad == std::string_view::npos) return true;
  std::size_t line = 1;
  for (std::size_t i = 0; i < bad; ++i) {
    if (text[i] == '\n') ++line;
  }
  char hex[8];
  std::snprintf(hex, sizeof hex, "0x%02X",
                static_cast<unsigned>(static_cast<unsigned char>(text[bad])));
  importer.fatal(0, "",
                 "the file is not UTF-8 text: byte " + std::string(hex) + " on line " +
                     std::to_string(line) + " (offset " + std::to_string(bad) +
                     ") is invalid; save the file as \"CSV UTF-8\"");
  return false;
}

void read_csv(Importer& importer, util::Budget& budget, std::string_view text,
              const RowHandler& on_row) {
  if (text.starts_with(table::k_bom)) text.remove_prefix(table::k_bom.size());
  const auto& limits = budget.limits();
  if (!check_size(importer, text.size(), limits)) return;
  if (!budget.charge(util::Limit::k_bytes, text.size(), "")) return;
  if (!check_utf8(importer, text)) return;
  if (is_blank(text)) {
    importer.fatal(0, "",
                   "the file is empty; expected a header row naming the columns (" +
                       importer.columns().list() + ")");
    return;
  }
  table::CsvReader reader(text, limits);
  std::vector<std::string> cells;
  std::size_t count = 0;
  auto syntax_error = [&](table::CsvReader::Status status, std::size_t row) {
    std::string column;
    if (row > 1 && reader.bad_field() < importer.positions().size()) {
      if (auto c = importer.positions()[reader.bad_field()]) column = importer.columns().names[*c];
    }
    std::string message;
    const auto& what = importer.columns().what;
    switch (status) {
      case table::CsvReader::Status::k_unterminated:
        message = "unterminated quote: the quoted field that starts in this row is never closed";
        break;
      case table::CsvReader::Status::k_too_many_fields:
        message = "too many cells in one row: " + what + " may hold at most " +
                  util::with_separators(limits.fields_per_row) + " cells in one row";
        break;
      case table::CsvReader::Status::k_field_too_large:
        message = "cell " + std::to_string(reader.bad_field() + 1) + " is too long: " + what +
                  " may hold at most " + util::with_separators(limits.item_bytes) +
                  " bytes in one cell";
        break;
      default:
        message =
            "malformed quoted field: text follows the closing quote (inside a quoted field, write "
            "a quote as \"\")";
        break;
    }
    importer.fatal(row, column, message);
  };

  std::size_t row = 1;
  auto status = reader.next(cells, count);
  if (status != table::CsvReader::Status::k_record) {
    syntax_error(status, row);
    return;
  }
  std::size_t header_size = count;
  if (!importer.set_header(row, std::vector<std::string>(cells.begin(), cells.begin() + count),
                           false)) {
    return;
  }
  const auto& positions = importer.positions();
  Importer::Fields fields(importer.columns().names.size());
  for (;;) {
    ++row;
    status = reader.next(cells, count);
    if (status == table::CsvReader::Status::k_end) break;
    if (status != table::CsvReader::Status::k_record) {
      syntax_error(status, row);
      break;
    }
    if (!importer.count_row(row)) break;
    if (auto ok = budget.charge(util::Limit::k_cells, count, "row " + std::to_string(row)); !ok) {
      importer.fatal(0, "", ok.error().message);
      break;
    }
    bool blank = true;
    for (std::size_t i = 0; i < count && blank; ++i) blank = is_blank(cells[i]);
    if (blank) continue;
    if (count != header_size) {
      importer.error(row, "",
                     "the row has " + std::to_string(count) + " cells but the header has " +
                         std::to_string(header_size) +
                         " (a cell that contains a comma must be quoted)");
    } else {
      std::fill(fields.begin(), fields.end(), std::string_view());
      for (std::size_t i = 0; i < count; ++i) {
        if (positions[i]) fields[*positions[i]] = util::csv_field_value(cells[i]);
      }
      on_row(row, fields);
    }
    if (importer.stopped()) break;
  }
}

void read_xlsx(Importer& importer, util::Budget& budget, std::string_view bytes,
               const RowHandler& on_row) {
  if (bytes.empty()) {
    importer.fatal(0, "", "the file is empty; expected an XLSX workbook");
    return;
  }
  if (!check_size(importer, bytes.size(), budget.limits())) return;
  bool have_header = false;
  Importer::Fields fields(importer.columns().names.size());
  auto read = xlsx::read_first_sheet(bytes, budget, [&](const xlsx::Row& row) {
    if (!have_header) {
      if (row.cells.empty()) return true;  // blank rows above the header
      std::vector<std::string> names(row.cells.back().column + 1);
      for (const auto& cell : row.cells) {
        if (cell.column >= names.size()) names.resize(cell.column + 1);
        names[cell.column] = cell.text;
      }
      have_header = true;
      return importer.set_header(row.number, names, true);
    }
    if (!importer.count_row(row.number)) return false;
    if (row.cells.empty()) return true;
    const auto& positions = importer.positions();
    std::fill(fields.begin(), fields.end(), std::string_view());
    bool outside = false;
    bool blank = true;
    for (const auto& cell : row.cells) {
      if (!is_blank(cell.text)) blank = false;
      if (cell.column < positions.size() && positions[cell.column]) {
        fields[*positions[cell.column]] = cell.text;
      } else if (!is_blank(cell.text)) {
        importer.error(row.number, "",
                       "cell " + xlsx::column_letters(cell.column) + std::to_string(row.number) +
                           " has a value, but its column has no header");
        outside = true;
      }
    }
    if (!outside && !blank) on_row(row.number, fields);
    return !importer.stopped();
  });
  if (!read) {
    importer.fatal(0, "", read.error().message);
    return;
  }
  if (!have_header && !importer.failed()) {
    importer.fatal(0, "",
                   "the first sheet is empty; expected a header row naming the columns (" +
                       importer.columns().list() + ")");
  }
}

// Reads `bytes` in `format`, calling `on_row` for every non-blank data row.
void read_table(Importer& importer, util::Budget& budget, TableFormat format,
                std::string_view bytes, const RowHandler& on_row) {
  switch (format) {
    case TableFormat::k_csv:
      read_csv(importer, budget, bytes, on_row);
      break;
    case TableFormat::k_xlsx:
      read_xlsx(importer, budget, bytes, on_row);
      break;
    case TableFormat::k_yaml:
      importer.fatal(0, "", importer.columns().what + " is read from CSV or XLSX, not YAML");
      break;
  }
}

// Days since 1970-01-01 to a date (H. Hinnant's civil_from_days).
std::string date_of_day(long z) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = yoe + era * 400;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  long d = doy - (153 * mp + 2) / 5 + 1;
  long m = mp + (mp < 10 ? 3 : -9);
  y += m <= 2;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04ld-%02ld-%02ld", y, m, d);
  return buf;
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
  util::Budget budget(measurement_table_limits(format), value_table().what);
  Importer importer(value_table(), budget);
  MeasurementValueImport out;
  std::unordered_map<std::string, std::size_t> first_row;
  read_table(importer, budget, format, bytes, [&](std::size_t row, const Importer::Fields& f) {
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
        date = date_of_day(static_cast<long>(n.value) - 25569);
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
  });
  if (importer.failed()) {
    out.rows.clear();
    out.errors = importer.take_errors();
  }
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
