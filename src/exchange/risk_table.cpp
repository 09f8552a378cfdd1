#include "exchange/risk_table.hpp"
#include "exchange/table_read.hpp"

#include <array>
#include <cstdio>
#include <functional>
#include <limits>
#include <optional>
#include <unordered_map>

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

enum AssetColumn : std::size_t {
  a_ref,
  a_name,
  a_kind,
  a_description,
  a_owner,
  a_parent,
  a_depends_on,
  a_confidentiality,
  a_integrity,
  a_availability,
  a_rto_hours,
  a_rpo_hours,
  a_retired,
};

enum RiskColumn : std::size_t {
  r_ref,
  r_title,
  r_description,
  r_assets,
  r_threat,
  r_vulnerability,
  r_consequence_types,
  r_criteria,
  r_criteria_version,
  r_inherent_likelihood,
  r_inherent_consequence,
  r_inherent_level,
  r_current_likelihood,
  r_current_consequence,
  r_current_level,
  r_residual_likelihood,
  r_residual_consequence,
  r_residual_level,
  r_owner,
  r_treatment,
  r_status,
  r_review_date,
  r_controls,
  r_closed,
};

const Columns& asset_table() {
  static const Columns k = {
      {"ref", "name", "kind", "description", "owner", "parent", "depends_on", "confidentiality",
       "integrity", "availability", "rto_hours", "rpo_hours", "retired"},
      {10, 30, 12, 50, 20, 10, 18, 9, 9, 9, 9, 9, 8},
      {a_ref, a_name, a_kind},
      "an asset file"};
  return k;
}

const Columns& risk_table() {
  static const Columns k = {
      {"ref",
       "title",
       "description",
       "assets",
       "threat",
       "vulnerability",
       "consequence_types",
       "criteria",
       "criteria_version",
       "inherent_likelihood",
       "inherent_consequence",
       "inherent_level",
       "current_likelihood",
       "current_consequence",
       "current_level",
       "residual_likelihood",
       "residual_consequence",
       "residual_level",
       "owner",
       "treatment",
       "status",
       "review_date",
       "controls",
       "closed"},
      {9, 36, 50, 16, 22, 30, 20, 14, 8, 8, 8, 10, 8, 8, 10, 8, 8, 10, 20, 10, 11, 12, 24, 7},
      {r_ref, r_title},
      "a risk register file"};
  return k;
}

template <typename Enum>
std::string choices(std::initializer_list<Enum> values) {
  std::string out;
  for (auto v : values) {
    if (!out.empty()) out += ", ";
    out += std::string(core::to_string(v));
  }
  return out;
}

// The items of a ";"-separated list, trimmed, blanks dropped.
std::vector<std::string> list_of(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& item : util::split(text, ';')) {
    auto t = trim_view(item);
    if (!t.empty()) out.emplace_back(t);
  }
  return out;
}

std::string joined(const std::vector<std::string>& items) {
  return util::join(items, "; ");
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

// The ref of a row: the error when it is missing or given in an earlier row.
bool check_ref(Importer& importer, std::size_t row, std::size_t column, std::string_view ref,
               std::string_view thing) {
  if (ref.empty()) {
    importer.error(row, column,
                   "the ref is empty; every row needs the ref of its " + std::string(thing) +
                       " (\"" + (thing == "asset" ? "AS-001" : "R-001") + "\")");
    return false;
  }
  if (auto first = importer.first_row_of(ref, row); first != 0) {
    importer.error(row, column,
                   "ref " + std::string(ref) +
                       " appears again (refs are compared without regard to case); its first row "
                       "is row " +
                       std::to_string(first));
    return false;
  }
  return true;
}

constexpr int k_max_need = 4;
constexpr int k_max_score = 1000;  // far above any matrix (core::validate checks the criteria's)

// A likelihood and consequence pair.
std::optional<core::RiskScore> score(Importer& importer, std::size_t row, const Importer::Fields& f,
                                     std::size_t likelihood, std::size_t consequence) {
  constexpr std::string_view k_range = "a score is a whole number from 1 (empty when not scored)";
  auto l = importer.number(row, likelihood, f[likelihood], 1, k_max_score, 0, k_range);
  auto c = importer.number(row, consequence, f[consequence], 1, k_max_score, 0, k_range);
  if (!l || !c) return std::nullopt;
  if ((*l == 0) != (*c == 0)) {
    auto missing = *l == 0 ? likelihood : consequence;
    auto given = *l == 0 ? consequence : likelihood;
    importer.error(row, missing,
                   importer.columns().names[missing] + " is empty but " +
                       importer.columns().names[given] +
                       " is given; score both, or leave both empty");
    return std::nullopt;
  }
  return core::RiskScore{*l, *c};
}

}  // namespace

util::ParseLimits risk_table_limits(TableFormat format) {
  util::ParseLimits limits;
  limits.bytes = 16u << 20;
  limits.rows = 50000;
  limits.fields_per_row = 64;
  limits.item_bytes = 64u << 10;
  limits.cells = 1000000;
  if (format == TableFormat::k_xlsx) {
    limits.nodes = 4000000;
    limits.depth = 64;
    limits.strings = 200000;
    limits.string_bytes = 16u << 20;
  }
  return limits;
}

const std::vector<std::string>& asset_columns() {
  return asset_table().names;
}
const std::vector<std::string>& risk_columns() {
  return risk_table().names;
}

AssetImport import_assets(TableFormat format, std::string_view bytes) {
  util::Budget budget(risk_table_limits(format), asset_table().what);
  Importer importer(asset_table(), budget);
  AssetImport out;
  read_table(importer, budget, format, bytes, [&](std::size_t row, const Importer::Fields& f) {
    AssetRow r;
    r.line = row;
    bool ok = true;
    auto ref = trim_view(f[a_ref]);
    if (!check_ref(importer, row, a_ref, ref, "asset")) ok = false;
    r.asset.ref = std::string(ref);
    r.asset.name = std::string(trim_view(f[a_name]));
    if (r.asset.name.empty()) {
      importer.error(row, a_name, "the name is empty; every asset needs a name");
      ok = false;
    }
    auto kind = trim_view(f[a_kind]);
    if (auto k = core::parse_asset_kind(util::to_lower(kind))) {
      r.asset.kind = *k;
    } else {
      using K = core::AssetKind;
      importer.error(
          row, a_kind,
          (kind.empty() ? std::string("the kind is empty")
                        : "unknown kind '" + std::string(kind) + "'") +
              "; the kinds are " +
              choices({K::k_information, K::k_process, K::k_service, K::k_hardware, K::k_software,
                       K::k_network, K::k_people, K::k_site, K::k_supplier}));
      ok = false;
    }
    r.asset.description = std::string(f[a_description]);
    r.asset.owner = std::string(trim_view(f[a_owner]));
    r.parent_ref = std::string(trim_view(f[a_parent]));
    r.depends_on_refs = list_of(f[a_depends_on]);
    constexpr std::string_view k_need = "a security need runs from 0 (none) to 4 (very high)";
    int* needs[] = {&r.asset.confidentiality, &r.asset.integrity, &r.asset.availability};
    std::size_t need_columns[] = {a_confidentiality, a_integrity, a_availability};
    for (std::size_t i = 0; i < 3; ++i) {
      auto n = importer.number(row, need_columns[i], f[need_columns[i]], 0, k_max_need, 0, k_need);
      if (n)
        *needs[i] = *n;
      else
        ok = false;
    }
    constexpr std::string_view k_hours = "hours are a whole number from 0 (or empty)";
    for (auto [column, target] :
         {std::pair{a_rto_hours, &r.asset.rto_hours}, std::pair{a_rpo_hours, &r.asset.rpo_hours}}) {
      if (trim_view(f[column]).empty()) continue;
      auto n = importer.number(row, column, f[column], 0, 1000000, 0, k_hours);
      if (n)
        *target = *n;
      else
        ok = false;
    }
    if (auto retired = importer.flag(row, a_retired, f[a_retired]))
      r.asset.retired = *retired;
    else
      ok = false;
    if (ok && !importer.failed()) out.rows.push_back(std::move(r));
  });
  out.errors = importer.take_errors();
  if (!out.errors.empty()) out.rows.clear();
  return out;
}

RiskImport import_risks(TableFormat format, std::string_view bytes) {
  util::Budget budget(risk_table_limits(format), risk_table().what);
  Importer importer(risk_table(), budget);
  RiskImport out;
  read_table(importer, budget, format, bytes, [&](std::size_t row, const Importer::Fields& f) {
    RiskRow r;
    r.line = row;
    bool ok = true;
    auto ref = trim_view(f[r_ref]);
    if (!check_ref(importer, row, r_ref, ref, "risk")) ok = false;
    r.risk.ref = std::string(ref);
    r.risk.title = std::string(trim_view(f[r_title]));
    if (r.risk.title.empty()) {
      importer.error(row, r_title, "the title is empty; every risk needs a title");
      ok = false;
    }
    r.risk.description = std::string(f[r_description]);
    r.asset_refs = list_of(f[r_assets]);
    r.risk.threat = std::string(trim_view(f[r_threat]));
    r.risk.vulnerability = std::string(f[r_vulnerability]);
    r.risk.consequence_types = list_of(f[r_consequence_types]);
    r.risk.criteria = std::string(trim_view(f[r_criteria]));
    if (auto v = importer.number(row, r_criteria_version, f[r_criteria_version], 0,
                                 std::numeric_limits<int>::max(), 0,
                                 "a version is a whole number from 1 (empty when not scored)"))
      r.risk.criteria_version = *v;
    else
      ok = false;
    struct ScoreColumns {
      core::RiskScore* target;
      std::size_t likelihood, consequence;
    };
    for (auto s : {ScoreColumns{&r.risk.inherent, r_inherent_likelihood, r_inherent_consequence},
                   ScoreColumns{&r.risk.current, r_current_likelihood, r_current_consequence},
                   ScoreColumns{&r.risk.residual, r_residual_likelihood, r_residual_consequence}}) {
      if (auto sc = score(importer, row, f, s.likelihood, s.consequence))
        *s.target = *sc;
      else
        ok = false;
    }
    r.risk.owner = std::string(trim_view(f[r_owner]));
    auto treatment = trim_view(f[r_treatment]);
    if (treatment.empty()) {
      r.risk.treatment = core::Treatment::k_none;
    } else if (auto t = core::parse_treatment(util::to_lower(treatment))) {
      r.risk.treatment = *t;
    } else {
      using T = core::Treatment;
      importer.error(row, r_treatment,
                     "unknown treatment '" + std::string(treatment) + "'; the treatments are " +
                         choices({T::k_none, T::k_modify, T::k_retain, T::k_avoid, T::k_share}));
      ok = false;
    }
    auto status = trim_view(f[r_status]);
    if (status.empty()) {
      r.risk.status = core::RiskStatus::k_identified;
    } else if (auto s = core::parse_risk_status(util::to_lower(status))) {
      r.risk.status = *s;
    } else {
      using S = core::RiskStatus;
      importer.error(row, r_status,
                     "unknown status '" + std::string(status) + "'; the statuses are " +
                         choices({S::k_identified, S::k_assessed, S::k_treating, S::k_treated,
                                  S::k_accepted, S::k_closed}));
      ok = false;
    }
    r.risk.review_date = std::string(trim_view(f[r_review_date]));
    for (const auto& control : list_of(f[r_controls])) {
      r.risk.controls.push_back(core::parse_control_link(control));
    }
    if (auto closed = importer.flag(row, r_closed, f[r_closed]))
      r.risk.closed = *closed;
    else
      ok = false;
    if (ok && !importer.failed()) out.rows.push_back(std::move(r));
  });
  out.errors = importer.take_errors();
  if (!out.errors.empty()) out.rows.clear();
  return out;
}

namespace {

// A table of text cells as CSV or XLSX; numbers (where `numeric[i]` and the text is a whole
// number) as numbers in XLSX.
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
      auto n = parse_whole(row[i]);
      if (i < numeric.size() && numeric[i] && n.kind == WholeNumber::Kind::k_ok)
        cells[i] = static_cast<double>(n.value);
      else
        cells[i] = row[i];
    }
    t.rows.push_back(std::move(cells));
  }
  auto bytes = xlsx::write_table(t);
  return bytes ? std::move(*bytes) : std::string();
}

std::string number_text(int value, bool zero_empty = true) {
  return zero_empty && value == 0 ? std::string() : std::to_string(value);
}

}  // namespace

std::string export_assets(const std::vector<AssetRow>& assets, TableFormat format) {
  const auto& columns = asset_table();
  std::vector<std::vector<std::string>> rows;
  rows.reserve(assets.size());
  for (const auto& r : assets) {
    const auto& a = r.asset;
    rows.push_back({a.ref, a.name, std::string(core::to_string(a.kind)), a.description, a.owner,
                    r.parent_ref, joined(r.depends_on_refs), std::to_string(a.confidentiality),
                    std::to_string(a.integrity), std::to_string(a.availability),
                    a.rto_hours ? std::to_string(*a.rto_hours) : "",
                    a.rpo_hours ? std::to_string(*a.rpo_hours) : "", a.retired ? "yes" : "no"});
  }
  std::vector<bool> numeric(columns.names.size(), false);
  for (auto c : {a_confidentiality, a_integrity, a_availability, a_rto_hours, a_rpo_hours})
    numeric[c] = true;
  return write(columns, "Assets", rows, numeric, format);
}

std::string export_risks(const std::vector<RiskRegisterRow>& risks, TableFormat format) {
  const auto& columns = risk_table();
  std::vector<std::vector<std::string>> rows;
  rows.reserve(risks.size());
  for (const auto& r : risks) {
    const auto& k = r.risk;
    std::vector<std::string> controls;
    for (const auto& c : k.controls) controls.push_back(core::to_string(c));
    rows.push_back({k.ref,
                    k.title,
                    k.description,
                    joined(r.asset_refs),
                    k.threat,
                    k.vulnerability,
                    joined(k.consequence_types),
                    k.criteria,
                    k.criteria_version ? std::to_string(k.criteria_version) : "",
                    number_text(k.inherent.likelihood),
                    number_text(k.inherent.consequence),
                    r.inherent_level,
                    number_text(k.current.likelihood),
                    number_text(k.current.consequence),
                    r.current_level,
                    number_text(k.residual.likelihood),
                    number_text(k.residual.consequence),
                    r.residual_level,
                    k.owner,
                    std::string(core::to_string(k.treatment)),
                    std::string(core::to_string(k.status)),
                    k.review_date,
                    joined(controls),
                    k.closed ? "yes" : "no"});
  }
  std::vector<bool> numeric(columns.names.size(), false);
  for (auto c :
       {r_criteria_version, r_inherent_likelihood, r_inherent_consequence, r_current_likelihood,
        r_current_consequence, r_residual_likelihood, r_residual_consequence})
    numeric[c] = true;
  return write(columns, "Risks", rows, numeric, format);
}

}  // namespace cyberframe::exchange

namespace cyberframe::exchange {

TableRead read_named_table(const TableColumns& columns, TableFormat format, std::string_view bytes,
                           const util::ParseLimits& limits) {
  Columns table{columns.names, std::vector<double>(columns.names.size(), 12), columns.required,
                columns.what};
  util::Budget budget(limits, columns.what);
  Importer importer(table, budget);
  TableRead out;
  read_table(importer, budget, format, bytes, [&](std::size_t row, const Importer::Fields& f) {
    TableRow r;
    r.line = row;
    for (const auto& cell : f) r.cells.emplace_back(cell);
    out.rows.push_back(std::move(r));
  });
  // The rows that were read are kept beside the errors, so that a caller can name the problems
  // of the other rows too; it stores nothing while there are errors.
  if (importer.failed()) out.errors = importer.take_errors();
  return out;
}

}  // namespace cyberframe::exchange
