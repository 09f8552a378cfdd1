#include "exchange/profile_table.hpp"

#include <yaml-cpp/yaml.h>

#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <limits>
#include <set>
#include <sstream>
#include <unordered_map>

#include "exchange/table_text.hpp"
#include "exchange/xlsx.hpp"
#include "util/budget.hpp"
#include "util/text.hpp"
#include "util/yaml.hpp"

namespace cyberframe::exchange {
namespace {

using table::csv_line;
using table::CsvReader;
using table::equals_ci;
using table::k_bom;
using table::parse_flag;
using table::parse_whole;
using table::trim_view;
using table::WholeNumber;

enum class Column : std::size_t {
  k_node,
  k_title,
  k_description,
  k_level,
  k_not_applicable,
  k_justification,
  k_owner,
  k_priority,
  k_notes,
};
constexpr std::size_t k_column_count = 9;
constexpr std::array<std::string_view, k_column_count> k_column_names = {
    "node",          "title", "description", "level", "not_applicable",
    "justification", "owner", "priority",    "notes"};
constexpr std::array<double, k_column_count> k_column_widths = {12, 28, 60, 7, 15, 40, 20, 9, 40};

constexpr std::size_t k_max_errors = 100;

constexpr std::size_t index(Column c) {
  return static_cast<std::size_t>(c);
}
std::string name_of(Column c) {
  return std::string(k_column_names[index(c)]);
}

const std::string& expected_columns() {
  static const std::string k_list = [] {
    std::string out;
    for (auto name : k_column_names) {
      if (!out.empty()) out += ", ";
      out += name;
    }
    return out;
  }();
  return k_list;
}

std::optional<Column> column_named(std::string_view name) {
  name = trim_view(name);
  for (std::size_t i = 0; i < k_column_count; ++i) {
    if (equals_ci(name, k_column_names[i])) return static_cast<Column>(i);
  }
  return std::nullopt;
}

// The text of each column of one row; empty when the column is absent or the cell is empty.
using Fields = std::array<std::string_view, k_column_count>;

// 1-3, or high/medium/low; nullopt when it is neither a number nor a name. Numbers outside 1-3 are
// returned as they are for core::validate to report.
std::optional<int> parse_priority(std::string_view text) {
  if (text.empty()) return 2;
  if (equals_ci(text, "high")) return 1;
  if (equals_ci(text, "medium")) return 2;
  if (equals_ci(text, "low")) return 3;
  auto n = parse_whole(text);
  if (n.kind == WholeNumber::Kind::k_ok) return n.value;
  if (n.kind == WholeNumber::Kind::k_too_large) return std::numeric_limits<int>::max();
  return std::nullopt;
}

// Collects the rows of one file: header mapping, per-row parsing and validation, duplicates, the
// row and error caps. Format readers feed it; finish() applies "all or nothing".
class Importer {
 public:
  Importer(const core::Catalog& catalog, const core::Profile& profile, const core::Scale& scale)
      : m_catalog(catalog), m_profile(profile), m_scale(scale) {}

  // Maps the header's names, in file order, to columns. With `gaps`, an empty name is a column
  // with no header (an XLSX gap) rather than an error. False when the header is unusable.
  bool set_header(std::size_t row, const std::vector<std::string>& names, bool gaps) {
    m_positions.assign(names.size(), std::nullopt);
    std::array<std::size_t, k_column_count> seen;
    seen.fill(std::string::npos);
    bool ok = true;
    for (std::size_t i = 0; i < names.size(); ++i) {
      auto name = trim_view(names[i]);
      if (name.empty()) {
        if (gaps) continue;
        error(row, "",
              "column " + std::to_string(i + 1) + " of the header has no name; name it (one of: " +
                  expected_columns() + ") or delete the column");
        ok = false;
        continue;
      }
      auto column = column_named(name);
      if (!column) {
        error(row, std::string(name),
              "unknown column '" + std::string(name) + "'; the columns are " + expected_columns());
        ok = false;
        continue;
      }
      if (seen[index(*column)] != std::string::npos) {
        error(row, name_of(*column),
              "column '" + name_of(*column) + "' appears twice in the header (columns " +
                  std::to_string(seen[index(*column)] + 1) + " and " + std::to_string(i + 1) + ")");
        ok = false;
        continue;
      }
      seen[index(*column)] = i;
      m_positions[i] = *column;
    }
    for (auto required : {Column::k_node, Column::k_level}) {
      if (seen[index(required)] == std::string::npos) {
        error(row, name_of(required),
              "missing column '" + name_of(required) +
                  "'; the header must name at least node and level");
        ok = false;
      }
    }
    return ok && !m_stopped;
  }

  const std::vector<std::optional<Column>>& positions() const { return m_positions; }

  // Counts one data row; false (with the error) past the limit of rows.
  bool count_row() {
    auto max = import_limits(TableFormat::k_csv).rows;
    if (++m_data_rows <= max) return true;
    fatal(0, "",
          "too many rows: a profile file holds at most " + std::to_string(max) +
              " rows (one per node)");
    return false;
  }

  // Parses and validates one data row. `where` is appended to messages (YAML's entry and line).
  void add_row(std::size_t row, const Fields& f, std::string_view where = {}) {
    auto cell = [&](Column c) { return f[index(c)]; };
    auto node = trim_view(cell(Column::k_node));
    bool has_content = false;
    for (auto c : {Column::k_level, Column::k_not_applicable, Column::k_justification,
                   Column::k_owner, Column::k_priority, Column::k_notes}) {
      if (!trim_view(cell(c)).empty()) has_content = true;
    }
    if (node.empty()) {
      if (has_content) {
        error(row, name_of(Column::k_node),
              "the node is empty; every row needs the id of a node of " + m_profile.framework,
              where);
      }
      return;  // a blank row
    }
    auto [first, inserted] = m_first_row.try_emplace(std::string(node), row);
    if (!inserted) {
      error(row, name_of(Column::k_node),
            "node " + std::string(node) + " appears again; its first row is row " +
                std::to_string(first->second),
            where);
      return;
    }

    core::NodeAssessment a;
    a.node = std::string(node);
    if (!has_content) {
      // A node without any assessment (an exported row left as it was): nothing to import, but
      // the node must still exist.
      if (m_catalog.node(m_profile.framework, a.node) == nullptr) report(row, a, where);
      return;
    }

    bool parsed = true;
    auto level = trim_view(cell(Column::k_level));
    if (!level.empty()) {
      auto n = parse_whole(level);
      if (n.kind == WholeNumber::Kind::k_ok) {
        a.level = n.value;
      } else {
        std::string range = std::to_string(m_scale.min()) + " to " + std::to_string(m_scale.max());
        error(row, name_of(Column::k_level),
              n.kind == WholeNumber::Kind::k_too_large
                  ? "level '" + std::string(level) + "' is outside the scale " + m_scale.id + " (" +
                        range + ")"
                  : "level '" + std::string(level) + "' is not a whole number; the scale " +
                        m_scale.id + " runs from " + range +
                        " (leave the cell empty when not assessed)",
              where);
        parsed = false;
      }
    }
    auto not_applicable = trim_view(cell(Column::k_not_applicable));
    if (auto flag = parse_flag(not_applicable)) {
      a.not_applicable = *flag;
    } else {
      error(row, name_of(Column::k_not_applicable),
            "not_applicable '" + std::string(not_applicable) +
                "' is not true/yes/1 or false/no/0 (or empty)",
            where);
      parsed = false;
    }
    auto priority_text = trim_view(cell(Column::k_priority));
    if (auto priority = parse_priority(priority_text)) {
      a.priority = *priority;
    } else {
      error(row, name_of(Column::k_priority),
            "priority '" + std::string(priority_text) +
                "' is not 1 (high), 2 (medium) or 3 (low); leave it empty for 2",
            where);
      parsed = false;
    }
    if (!parsed) return;
    a.justification = std::string(cell(Column::k_justification));
    a.owner = std::string(cell(Column::k_owner));
    a.notes = std::string(cell(Column::k_notes));
    // Once a row has failed nothing will be returned: stop keeping rows.
    if (report(row, a, where) && m_errors.empty()) m_rows.push_back(std::move(a));
  }

  // Records an error, unless k_max_errors are already recorded: then one "too many errors" entry
  // ends the import.
  void error(std::size_t row, std::string column, std::string message,
             std::string_view where = {}) {
    if (m_stopped) return;
    if (m_errors.size() >= k_max_errors) {
      m_errors.push_back(RowError{0, "",
                                  "too many errors: stopped after the first " +
                                      std::to_string(k_max_errors) + " (at row " +
                                      std::to_string(row) + ")"});
      m_stopped = true;
      return;
    }
    message += where;
    m_errors.push_back(RowError{row, std::move(column), std::move(message)});
  }

  // Records an error that ends the import.
  void fatal(std::size_t row, std::string column, std::string message) {
    if (m_stopped) return;
    m_errors.push_back(RowError{row, std::move(column), std::move(message)});
    m_stopped = true;
  }

  bool stopped() const { return m_stopped; }
  bool failed() const { return !m_errors.empty(); }

  ImportResult finish() {
    ImportResult out;
    out.errors = std::move(m_errors);
    if (out.errors.empty()) out.rows = std::move(m_rows);
    return out;
  }

 private:
  // core::validate on one assessment; its message goes to the column it is about. True when valid.
  bool report(std::size_t row, const core::NodeAssessment& a, std::string_view where) {
    auto valid = core::validate(m_catalog, m_profile, m_scale, a);
    if (valid) return true;
    // The same checks, in validate()'s order, to name the column.
    Column column = Column::k_owner;
    if (m_catalog.node(m_profile.framework, a.node) == nullptr)
      column = Column::k_node;
    else if (a.level && !m_scale.contains(*a.level))
      column = Column::k_level;
    else if (a.not_applicable && a.level)
      column = Column::k_not_applicable;
    else if (a.not_applicable && trim_view(a.justification).empty())
      column = Column::k_justification;
    else if (a.priority < core::k_priority_high || a.priority > core::k_priority_low)
      column = Column::k_priority;
    error(row, name_of(column), valid.error().message, where);
    return false;
  }

  const core::Catalog& m_catalog;
  const core::Profile& m_profile;
  const core::Scale& m_scale;
  std::vector<std::optional<Column>> m_positions;
  std::unordered_map<std::string, std::size_t> m_first_row;
  std::vector<core::NodeAssessment> m_rows;
  std::vector<RowError> m_errors;
  std::size_t m_data_rows = 0;
  bool m_stopped = false;
};

// ------------------------------------------------------------------------------------------------
// Text checks shared by CSV and YAML.

bool is_blank(std::string_view text) {
  return trim_view(text).empty();
}

// False (with the error) when the file is larger than the format's limit of bytes.
bool check_size(Importer& importer, std::size_t size, TableFormat format) {
  auto max = import_limits(format).bytes;
  if (size <= max) return true;
  importer.fatal(0, "",
                 "the file is " + util::with_separators(size) +
                     " bytes: a profile file may hold at most " + util::with_separators(max) +
                     " bytes");
  return false;
}

// False (with the error) when the text is not UTF-8.
bool check_utf8(Importer& importer, std::string_view text, std::string_view save_as) {
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
                     std::to_string(line) + " (offset " + std::to_string(bad) + ") is invalid; " +
                     std::string(save_as));
  return false;
}

// ------------------------------------------------------------------------------------------------
// CSV (RFC 4180; the reader is table::CsvReader).

void import_csv(Importer& importer, std::string_view text) {
  if (text.starts_with(k_bom)) text.remove_prefix(k_bom.size());
  if (!check_size(importer, text.size(), TableFormat::k_csv)) return;
  if (!check_utf8(importer, text, "save the file as \"CSV UTF-8\"")) return;
  if (is_blank(text)) {
    importer.fatal(
        0, "",
        "the file is empty; expected a header row naming the columns (" + expected_columns() + ")");
    return;
  }
  const auto limits = import_limits(TableFormat::k_csv);
  CsvReader reader(text, limits);
  std::vector<std::string> cells;
  std::size_t count = 0;
  std::size_t header_size = 0;
  auto syntax_error = [&](CsvReader::Status status, std::size_t row) {
    std::string column;
    if (row > 1 && reader.bad_field() < importer.positions().size()) {
      if (auto c = importer.positions()[reader.bad_field()]) column = name_of(*c);
    }
    std::string message;
    switch (status) {
      case CsvReader::Status::k_unterminated:
        message = "unterminated quote: the quoted field that starts in this row is never closed";
        break;
      case CsvReader::Status::k_too_many_fields:
        message = "too many cells in one row: a profile file may hold at most " +
                  util::with_separators(limits.fields_per_row) + " cells in one row";
        break;
      case CsvReader::Status::k_field_too_large:
        message = "cell " + std::to_string(reader.bad_field() + 1) +
                  " is too long: a profile file may hold at most " +
                  util::with_separators(limits.item_bytes) + " bytes in one cell";
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
  if (status != CsvReader::Status::k_record) {
    syntax_error(status, row);
    return;
  }
  header_size = count;
  if (!importer.set_header(row, std::vector<std::string>(cells.begin(), cells.begin() + count),
                           false)) {
    return;
  }
  const auto& positions = importer.positions();
  Fields fields;
  for (;;) {
    ++row;
    status = reader.next(cells, count);
    if (status == CsvReader::Status::k_end) break;
    if (status != CsvReader::Status::k_record) {
      syntax_error(status, row);
      break;
    }
    if (!importer.count_row()) break;
    bool blank = true;  // a blank line, or a row of empty cells (whatever their number)
    for (std::size_t i = 0; i < count && blank; ++i) blank = is_blank(cells[i]);
    if (blank) continue;
    if (count != header_size) {
      importer.error(row, "",
                     "the row has " + std::to_string(count) + " cells but the header has " +
                         std::to_string(header_size) +
                         " (a cell that contains a comma must be quoted)");
    } else {
      fields.fill({});
      for (std::size_t i = 0; i < count; ++i) {
        if (positions[i]) fields[index(*positions[i])] = util::csv_field_value(cells[i]);
      }
      importer.add_row(row, fields);
    }
    if (importer.stopped()) break;
  }
}

// ------------------------------------------------------------------------------------------------
// XLSX.

void import_xlsx(Importer& importer, std::string_view bytes) {
  if (bytes.empty()) {
    importer.fatal(0, "", "the file is empty; expected an XLSX workbook");
    return;
  }
  if (!check_size(importer, bytes.size(), TableFormat::k_xlsx)) return;
  bool have_header = false;
  Fields fields;
  util::Budget budget(import_limits(TableFormat::k_xlsx), "an XLSX workbook");
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
    if (!importer.count_row()) return false;
    if (row.cells.empty()) return true;
    const auto& positions = importer.positions();
    fields.fill({});
    bool outside = false;
    for (const auto& cell : row.cells) {
      if (cell.column < positions.size() && positions[cell.column]) {
        fields[index(*positions[cell.column])] = cell.text;
      } else if (!is_blank(cell.text)) {
        importer.error(row.number, "",
                       "cell " + xlsx::column_letters(cell.column) + std::to_string(row.number) +
                           " has a value, but its column has no header");
        outside = true;
      }
    }
    if (!outside) importer.add_row(row.number, fields);
    return !importer.stopped();
  });
  if (!read) {
    importer.fatal(0, "", read.error().message);
    return;
  }
  if (!have_header && !importer.failed()) {
    importer.fatal(0, "",
                   "the first sheet is empty; expected a header row naming the columns (" +
                       expected_columns() + ")");
  }
}

// ------------------------------------------------------------------------------------------------
// YAML.

std::string type_name(const util::YamlNode& node) {
  switch (node.kind()) {
    case util::YamlNode::Kind::k_sequence:
      return "a list";
    case util::YamlNode::Kind::k_map:
      return "a map";
    case util::YamlNode::Kind::k_scalar:
      return "text";
    default:
      return "nothing";
  }
}

std::string at_line(const util::YamlNode& node) {
  return "line " + std::to_string(node.position().line);
}

void import_yaml(Importer& importer, const core::Profile& profile, std::string_view text) {
  if (text.starts_with(k_bom)) text.remove_prefix(k_bom.size());
  if (!check_size(importer, text.size(), TableFormat::k_yaml)) return;
  if (!check_utf8(importer, text, "save the file as UTF-8")) return;
  util::Budget budget(import_limits(TableFormat::k_yaml), "a profile file");
  auto read = util::read_yaml(text, budget);
  if (!read) {
    const auto& e = read.error();
    switch (e.kind) {
      case util::YamlError::Kind::k_alias:
        importer.fatal(0, "",
                       "YAML aliases ('*name') are not allowed in profile files (line " +
                           std::to_string(e.position.line) + "); write the content out");
        break;
      case util::YamlError::Kind::k_syntax:
        importer.fatal(
            0, "",
            "not a readable YAML document: " + util::to_string(e.position) + ": " + e.message);
        break;
      default:
        importer.fatal(0, "", util::to_string(e.position) + ": " + e.message);
        break;
    }
    return;
  }
  const auto& docs = *read;
  if (docs.empty() || (docs.size() == 1 && docs[0].is_null())) {
    importer.fatal(0, "",
                   "the file is empty; expected a profile document: { profile: NAME, framework: " +
                       profile.framework + ", kind: current|target, nodes: [...] }");
    return;
  }
  if (docs.size() > 1) {
    importer.fatal(0, "",
                   "the file holds " + std::to_string(docs.size()) +
                       " YAML documents; a profile file holds exactly one");
    return;
  }
  const util::YamlNode& root = docs[0];
  if (!root.is_map()) {
    importer.fatal(0, "",
                   "expected a profile document, a map with profile, framework, kind and nodes; "
                   "found " +
                       type_name(root));
    return;
  }
  std::set<std::string> seen;
  static const util::YamlNode k_absent;
  const util::YamlNode* framework = &k_absent;
  const util::YamlNode* kind = &k_absent;
  const util::YamlNode* nodes = &k_absent;
  for (const auto& [key_node, value] : root.entries()) {
    std::string key = key_node.is_scalar() ? key_node.scalar() : "";
    if (!seen.insert(key).second) {
      importer.error(0, key, "duplicate key '" + key + "' (" + at_line(key_node) + ")");
    } else if (key == "framework") {
      framework = &value;
    } else if (key == "kind") {
      kind = &value;
    } else if (key == "nodes") {
      nodes = &value;
    } else if (key != "profile") {
      importer.error(0, key,
                     "unknown key '" + key + "' (" + at_line(key_node) +
                         "); the keys are profile, framework, kind and nodes");
    }
  }
  if (!framework->is_defined() || framework->is_null()) {
    importer.error(
        0, "framework",
        "missing 'framework': name the framework of the profile (" + profile.framework + ")");
  } else if (!framework->is_scalar() || framework->scalar() != profile.framework) {
    importer.error(0, "framework",
                   "the file is a profile of framework '" +
                       (framework->is_scalar() ? framework->scalar() : type_name(*framework)) +
                       "', but profile '" + profile.name + "' is of framework '" +
                       profile.framework + "'");
  }
  if (kind->is_defined() && !kind->is_null() &&
      (!kind->is_scalar() || !core::parse_profile_kind(kind->scalar()))) {
    importer.error(0, "kind",
                   "kind '" + (kind->is_scalar() ? kind->scalar() : type_name(*kind)) +
                       "' is not current or target (" + at_line(*kind) + ")");
  }
  if (!nodes->is_defined()) {
    importer.error(0, "nodes", "missing 'nodes': the list of node assessments");
  } else if (!nodes->is_null() && !nodes->is_sequence()) {
    importer.error(0, "nodes",
                   "'nodes' must be a list of node assessments, found " + type_name(*nodes) + " (" +
                       at_line(*nodes) + ")");
  }
  if (importer.failed() || !nodes->is_sequence()) return;

  std::size_t entry = 0;
  Fields fields;
  for (const auto& item : *nodes) {
    ++entry;
    if (!importer.count_row()) break;
    std::string where = " (entry " + std::to_string(entry) + " of 'nodes', " + at_line(item) + ")";
    if (!item.is_map()) {
      importer.error(entry, "",
                     "expected a map with node, level, not_applicable, justification, owner, "
                     "priority and notes; found " +
                         type_name(item),
                     where);
      if (importer.stopped()) break;
      continue;
    }
    fields.fill({});
    std::array<bool, k_column_count> given{};
    bool ok = true;
    for (const auto& [key_node, value] : item.entries()) {
      std::string key = key_node.is_scalar() ? key_node.scalar() : "";
      auto column = column_named(key);
      if (!column) {
        importer.error(entry, key, "unknown key '" + key + "'; the keys are " + expected_columns(),
                       where);
        ok = false;
        continue;
      }
      if (given[index(*column)]) {
        importer.error(entry, name_of(*column), "duplicate key '" + key + "'", where);
        ok = false;
        continue;
      }
      given[index(*column)] = true;
      if (value.is_null()) continue;
      if (!value.is_scalar()) {
        importer.error(
            entry, name_of(*column),
            "'" + name_of(*column) + "' must be a single value, found " + type_name(value), where);
        ok = false;
        continue;
      }
      fields[index(*column)] = value.scalar();
    }
    if (ok) importer.add_row(entry, fields, where);
    if (importer.stopped()) break;
  }
}

// ------------------------------------------------------------------------------------------------
// Export.

std::string format_number(double value) {
  if (std::fabs(value - std::round(value)) < 1e-9) {
    return std::to_string(static_cast<long long>(std::llround(value)));
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", value);
  std::string out = buf;
  while (out.back() == '0') out.pop_back();
  if (out.back() == '.') out.pop_back();
  return out;
}

double round2(double value) {
  return std::round(value * 100.0) / 100.0;
}

std::string export_csv(const std::vector<const core::Node*>& order,
                       const std::map<std::string, core::NodeAssessment>& assessments) {
  std::string out(k_bom);
  out += csv_line(std::vector<std::string>(k_column_names.begin(), k_column_names.end()));
  for (const auto* node : order) {
    auto it = assessments.find(node->id);
    std::vector<std::string> cells = {node->id, node->title, node->description, "", "", "", "",
                                      "",       ""};
    if (it != assessments.end()) {
      const auto& a = it->second;
      if (a.level) cells[index(Column::k_level)] = std::to_string(*a.level);
      if (a.not_applicable) cells[index(Column::k_not_applicable)] = "yes";
      cells[index(Column::k_justification)] = a.justification;
      cells[index(Column::k_owner)] = a.owner;
      cells[index(Column::k_priority)] = std::to_string(a.priority);
      cells[index(Column::k_notes)] = a.notes;
    }
    out += csv_line(cells);
  }
  return out;
}

std::string export_xlsx(const std::vector<const core::Node*>& order,
                        const std::map<std::string, core::NodeAssessment>& assessments) {
  xlsx::Table table;
  table.sheet_name = "Profile";
  for (std::size_t i = 0; i < k_column_count; ++i) {
    table.columns.push_back(xlsx::ColumnSpec{std::string(k_column_names[i]), k_column_widths[i]});
  }
  table.rows.reserve(order.size());
  for (const auto* node : order) {
    std::vector<xlsx::Value> row(k_column_count);
    row[index(Column::k_node)] = node->id;
    row[index(Column::k_title)] = node->title;
    row[index(Column::k_description)] = node->description;
    auto it = assessments.find(node->id);
    if (it != assessments.end()) {
      const auto& a = it->second;
      if (a.level) row[index(Column::k_level)] = static_cast<double>(*a.level);
      if (a.not_applicable) row[index(Column::k_not_applicable)] = true;
      row[index(Column::k_justification)] = a.justification;
      row[index(Column::k_owner)] = a.owner;
      row[index(Column::k_priority)] = static_cast<double>(a.priority);
      row[index(Column::k_notes)] = a.notes;
    }
    table.rows.push_back(std::move(row));
  }
  auto bytes = xlsx::write_table(table);
  return bytes ? std::move(*bytes) : std::string();
}

std::string export_yaml(const core::Profile& profile, const std::vector<const core::Node*>& order,
                        const std::map<std::string, core::NodeAssessment>& assessments) {
  YAML::Emitter out;
  out << YAML::BeginMap;
  out << YAML::Key << "profile" << YAML::Value << YAML::DoubleQuoted << profile.name;
  out << YAML::Key << "framework" << YAML::Value << profile.framework;
  out << YAML::Key << "kind" << YAML::Value << std::string(core::to_string(profile.kind));
  out << YAML::Key << "nodes" << YAML::Value << YAML::BeginSeq;
  for (const auto* node : order) {
    out << YAML::BeginMap << YAML::Key << "node" << YAML::Value;
    // Plain where YAML reads it back as the same text (every scalar is read as text), quoted
    // where it would read as null.
    if (node->id.empty() || node->id == "~" || equals_ci(node->id, "null"))
      out << YAML::DoubleQuoted;
    out << node->id;
    auto it = assessments.find(node->id);
    if (it != assessments.end()) {
      const auto& a = it->second;
      if (a.level) out << YAML::Key << "level" << YAML::Value << *a.level;
      if (a.not_applicable) out << YAML::Key << "not_applicable" << YAML::Value << true;
      auto text = [&](const char* key, const std::string& value) {
        if (!value.empty()) out << YAML::Key << key << YAML::Value << YAML::DoubleQuoted << value;
      };
      text("justification", a.justification);
      text("owner", a.owner);
      out << YAML::Key << "priority" << YAML::Value << a.priority;
      text("notes", a.notes);
    }
    out << YAML::EndMap;
  }
  out << YAML::EndSeq << YAML::EndMap;
  return std::string(out.c_str()) + "\n";
}

// The framework a gap analysis was made on: the one holding every node of it, preferring one whose
// functions and categories are exactly the roll-up's.
const core::Framework* framework_of(const core::Catalog& catalog, const core::GapAnalysis& gaps) {
  const core::Framework* fallback = nullptr;
  for (const auto& [id, fw] : catalog.frameworks()) {
    bool holds_all = true;
    for (const auto& g : gaps.subcategories) {
      if (catalog.node(id, g.node) == nullptr) {
        holds_all = false;
        break;
      }
    }
    for (auto it = gaps.rollup.begin(); holds_all && it != gaps.rollup.end(); ++it) {
      if (catalog.node(id, it->first) == nullptr) holds_all = false;
    }
    if (!holds_all) continue;
    std::size_t upper = 0;
    for (const auto* n : catalog.nodes_in_order(id)) {
      if (n->level == core::Level::k_function || n->level == core::Level::k_category) ++upper;
    }
    if (upper == gaps.rollup.size()) return &fw;
    if (fallback == nullptr) fallback = &fw;
  }
  return fallback;
}

constexpr std::array<std::string_view, 10> k_gap_columns = {
    "rank", "node", "level", "outcome", "current", "target", "gap", "priority", "owner", "score"};
constexpr std::array<double, 10> k_gap_widths = {6, 12, 12, 60, 9, 9, 7, 9, 20, 8};

}  // namespace

util::ParseLimits import_limits(TableFormat format) {
  util::ParseLimits limits;
  limits.bytes = 64u << 20;
  limits.rows = 200000;
  limits.fields_per_row = 64;
  limits.item_bytes = 128u << 10;
  switch (format) {
    case TableFormat::k_csv:
      break;
    case TableFormat::k_xlsx:
      limits.nodes = 8000000;
      limits.depth = 64;
      limits.strings = 400000;
      limits.string_bytes = 16u << 20;
      limits.cells = 2000000;
      break;
    case TableFormat::k_yaml:
      limits.nodes = 500000;
      limits.depth = 16;
      break;
  }
  return limits;
}

std::optional<TableFormat> parse_table_format(std::string_view name) {
  auto n = util::to_lower(name);
  if (n == "csv") return TableFormat::k_csv;
  if (n == "xlsx") return TableFormat::k_xlsx;
  if (n == "yaml" || n == "yml") return TableFormat::k_yaml;
  return std::nullopt;
}

std::optional<TableFormat> format_from_path(std::string_view path) {
  auto extension = std::filesystem::path(path).extension().string();
  if (extension.empty()) return std::nullopt;
  return parse_table_format(std::string_view(extension).substr(1));
}

std::string RowError::to_string() const {
  std::string out;
  if (row > 0) out = "row " + std::to_string(row);
  if (!column.empty()) out += (out.empty() ? "column " : ", column ") + column;
  return out.empty() ? message : out + ": " + message;
}

ImportResult import_profile(const core::Catalog& catalog, const core::Profile& profile,
                            const core::Scale& scale, TableFormat format, std::string_view bytes) {
  Importer importer(catalog, profile, scale);
  if (catalog.framework(profile.framework) == nullptr) {
    importer.fatal(
        0, "", "unknown framework '" + profile.framework + "' of profile '" + profile.name + "'");
    return importer.finish();
  }
  switch (format) {
    case TableFormat::k_csv:
      import_csv(importer, bytes);
      break;
    case TableFormat::k_xlsx:
      import_xlsx(importer, bytes);
      break;
    case TableFormat::k_yaml:
      import_yaml(importer, profile, bytes);
      break;
  }
  return importer.finish();
}

std::string export_profile(const core::Catalog& catalog, const core::Profile& profile,
                           const std::map<std::string, core::NodeAssessment>& assessments,
                           TableFormat format) {
  auto order = catalog.nodes_in_order(profile.framework);
  switch (format) {
    case TableFormat::k_csv:
      return export_csv(order, assessments);
    case TableFormat::k_xlsx:
      return export_xlsx(order, assessments);
    case TableFormat::k_yaml:
      return export_yaml(profile, order, assessments);
  }
  return {};
}

std::string export_gaps(const core::Catalog& catalog, const core::GapAnalysis& gaps,
                        TableFormat format) {
  const core::Framework* fw = framework_of(catalog, gaps);
  auto outcome = [&](const std::string& id) -> std::string {
    const core::Node* node = fw ? catalog.node(fw->id, id) : nullptr;
    if (node == nullptr) return {};
    return node->description.empty() ? node->title : node->description;
  };
  auto optional_number = [](const std::optional<double>& v) {
    return v ? format_number(*v) : std::string();
  };

  if (format == TableFormat::k_csv) {
    std::string out(k_bom);
    out += csv_line(std::vector<std::string>(k_gap_columns.begin(), k_gap_columns.end()));
    std::size_t rank = 0;
    for (const auto& g : gaps.subcategories) {
      ++rank;
      out += csv_line({std::to_string(g.rank ? g.rank : rank), g.node,
                       std::string(core::to_string(g.level)), outcome(g.node),
                       optional_number(g.current), optional_number(g.target), format_number(g.gap),
                       std::to_string(g.priority), g.owner, format_number(g.score)});
    }
    return out;
  }
  if (format == TableFormat::k_xlsx) {
    xlsx::Table table;
    table.sheet_name = "Gaps";
    for (std::size_t i = 0; i < k_gap_columns.size(); ++i) {
      table.columns.push_back(xlsx::ColumnSpec{std::string(k_gap_columns[i]), k_gap_widths[i]});
    }
    std::size_t rank = 0;
    for (const auto& g : gaps.subcategories) {
      auto optional_value = [](const std::optional<double>& v) -> xlsx::Value {
        if (v) return round2(*v);
        return std::monostate{};
      };
      ++rank;
      table.rows.push_back({static_cast<double>(g.rank ? g.rank : rank), g.node,
                            std::string(core::to_string(g.level)), outcome(g.node),
                            optional_value(g.current), optional_value(g.target), round2(g.gap),
                            static_cast<double>(g.priority), g.owner, round2(g.score)});
    }
    auto bytes = xlsx::write_table(table);
    return bytes ? std::move(*bytes) : std::string();
  }
  // YAML: the same table as a list of maps.
  YAML::Emitter out;
  out << YAML::BeginMap << YAML::Key << "gaps" << YAML::Value << YAML::BeginSeq;
  std::size_t rank = 0;
  for (const auto& g : gaps.subcategories) {
    out << YAML::BeginMap;
    ++rank;
    out << YAML::Key << "rank" << YAML::Value << (g.rank ? g.rank : rank);
    out << YAML::Key << "node" << YAML::Value << YAML::DoubleQuoted << g.node;
    out << YAML::Key << "level" << YAML::Value << std::string(core::to_string(g.level));
    out << YAML::Key << "outcome" << YAML::Value << YAML::DoubleQuoted << outcome(g.node);
    if (g.current) out << YAML::Key << "current" << YAML::Value << round2(*g.current);
    if (g.target) out << YAML::Key << "target" << YAML::Value << round2(*g.target);
    out << YAML::Key << "gap" << YAML::Value << round2(g.gap);
    out << YAML::Key << "priority" << YAML::Value << g.priority;
    out << YAML::Key << "owner" << YAML::Value << YAML::DoubleQuoted << g.owner;
    out << YAML::Key << "score" << YAML::Value << round2(g.score);
    out << YAML::EndMap;
  }
  out << YAML::EndSeq << YAML::EndMap;
  return std::string(out.c_str()) + "\n";
}

}  // namespace cyberframe::exchange
