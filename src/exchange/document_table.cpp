#include "exchange/document_table.hpp"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <optional>
#include <unordered_map>

#include "core/input_rules.hpp"
#include "exchange/risk_table.hpp"
#include "exchange/table_text.hpp"
#include "exchange/xlsx.hpp"
#include "util/budget.hpp"
#include "util/text.hpp"

namespace cyberframe::exchange {
namespace {

using table::equals_ci;
using table::trim_view;

constexpr std::size_t k_max_errors = 100;

enum Column : std::size_t {
  c_ref,
  c_title,
  c_type,
  c_owner,
  c_classification,
  c_review_months,
  c_next_review,
  c_retention,
  c_distribution,
  c_links,
  c_state,
  c_published_version,
  c_count
};

const std::vector<std::string> k_names{
    "ref",         "title",     "type",         "owner", "classification", "review_months",
    "next_review", "retention", "distribution", "links", "state",          "published_version"};

std::string names_list() {
  std::string out;
  for (const auto& n : k_names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

struct Reader {
  std::vector<RowError> errors;
  bool stopped = false;
  std::vector<std::optional<std::size_t>> positions;
  std::unordered_map<std::string, std::size_t> first_row;

  void error(std::size_t row, std::string column, std::string message) {
    if (stopped) return;
    if (errors.size() >= k_max_errors) {
      errors.push_back(RowError{
          0, "",
          "too many errors: stopped after the first 100 (at row " + std::to_string(row) + ")"});
      stopped = true;
      return;
    }
    errors.push_back(RowError{row, std::move(column), std::move(message)});
  }
  void fatal(std::size_t row, std::string message) {
    if (stopped) return;
    errors.push_back(RowError{row, "", std::move(message)});
    stopped = true;
  }

  bool header(std::size_t row, const std::vector<std::string>& names, bool gaps) {
    positions.assign(names.size(), std::nullopt);
    std::vector<bool> seen(c_count, false);
    bool ok = true;
    for (std::size_t i = 0; i < names.size(); ++i) {
      auto name = trim_view(names[i]);
      if (name.empty()) {
        if (gaps) continue;
        error(row, "", "column " + std::to_string(i + 1) + " of the header has no name");
        ok = false;
        continue;
      }
      std::optional<std::size_t> found;
      for (std::size_t c = 0; c < c_count; ++c)
        if (equals_ci(name, k_names[c])) found = c;
      if (!found) {
        error(row, std::string(name),
              "unknown column '" + std::string(name) + "'; the columns are " + names_list());
        ok = false;
        continue;
      }
      if (seen[*found]) {
        error(row, k_names[*found], "column '" + k_names[*found] + "' appears twice");
        ok = false;
        continue;
      }
      seen[*found] = true;
      positions[i] = *found;
    }
    for (auto required : {c_ref, c_title})
      if (!seen[required]) {
        error(row, k_names[required],
              "missing column '" + k_names[required] + "'; the header must name ref and title");
        ok = false;
      }
    return ok;
  }
};

std::vector<std::string> list_of(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& item : util::split(text, ';')) {
    auto t = util::trim(item);
    if (!t.empty()) out.push_back(t);
  }
  return out;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : "; ") + i;
  return out;
}

using Fields = std::vector<std::string_view>;

void parse_row(Reader& r, std::size_t row, const Fields& f, DocumentImportRows& out) {
  DocumentRow d;
  d.line = row;
  bool ok = true;
  auto& doc = d.document;
  doc.ref = std::string(trim_view(f[c_ref]));
  if (!doc.ref.empty()) {
    auto [it, inserted] = r.first_row.try_emplace(util::caseless_key(doc.ref), row);
    if (!inserted) {
      r.error(row, "ref",
              "ref " + doc.ref + " appears again (without regard to case); its first row is row " +
                  std::to_string(it->second));
      ok = false;
    }
  }
  doc.title = std::string(trim_view(f[c_title]));
  if (doc.title.empty()) {
    r.error(row, "title", "the title is empty; every document needs a title");
    ok = false;
  }
  auto type = util::to_lower(trim_view(f[c_type]));
  if (!type.empty()) {
    if (auto t = core::parse_document_type(type)) {
      doc.type = *t;
    } else {
      r.error(row, "type",
              "unknown type '" + std::string(trim_view(f[c_type])) +
                  "'; the types are policy, topic-specific-policy, procedure, standard, plan, "
                  "record, report, other");
      ok = false;
    }
  }
  doc.owner = std::string(trim_view(f[c_owner]));
  auto cls = util::to_lower(trim_view(f[c_classification]));
  if (!cls.empty()) {
    if (auto c = core::parse_classification(cls)) {
      doc.classification = *c;
    } else {
      r.error(row, "classification",
              "unknown classification '" + std::string(trim_view(f[c_classification])) +
                  "'; the classifications are public, internal, confidential, restricted");
      ok = false;
    }
  }
  auto months = trim_view(f[c_review_months]);
  if (!months.empty()) {
    auto n = table::parse_whole(months);
    if (n.kind != table::WholeNumber::Kind::k_ok || n.value < 1 || n.value > 120) {
      r.error(row, "review_months",
              "review_months '" + std::string(months) + "' is not a whole number from 1 to 120");
      ok = false;
    } else {
      doc.review_months = n.value;
    }
  }
  doc.next_review = std::string(trim_view(f[c_next_review]));
  if (!doc.next_review.empty())
    if (auto c = core::check_date("next_review", doc.next_review); !c) {
      r.error(row, "next_review", c.error().message);
      ok = false;
    }
  doc.retention = std::string(trim_view(f[c_retention]));
  doc.distribution = list_of(f[c_distribution]);
  for (const auto& text : list_of(f[c_links])) {
    auto l = core::parse_document_link(text);
    if (!l) {
      r.error(row, "links", l.error().message);
      ok = false;
    } else {
      doc.links.push_back(*l);
    }
  }
  if (ok && r.errors.empty()) out.rows.push_back(std::move(d));
}

void read_csv(Reader& r, util::Budget& budget, std::string_view text, DocumentImportRows& out) {
  if (text.starts_with(table::k_bom)) text.remove_prefix(table::k_bom.size());
  const auto& limits = budget.limits();
  if (text.size() > limits.bytes) {
    r.fatal(0, "the file is " + util::with_separators(text.size()) +
                   " bytes: a document register may hold at most " +
                   util::with_separators(limits.bytes) + " bytes");
    return;
  }
  if (auto bad = util::find_invalid_utf8(text); bad != std::string_view::npos) {
    r.fatal(0, "the file is not UTF-8 text (offset " + std::to_string(bad) +
                   "); save the file as \"CSV UTF-8\"");
    return;
  }
  if (trim_view(text).empty()) {
    r.fatal(0,
            "the file is empty; expected a header row naming the columns (" + names_list() + ")");
    return;
  }
  table::CsvReader reader(text, limits);
  std::vector<std::string> cells;
  std::size_t count = 0;
  std::size_t row = 1;
  auto status = reader.next(cells, count);
  auto syntax = [&](std::size_t at) {
    r.fatal(at,
            "the CSV is malformed at this row (an unterminated quote, text after a closing "
            "quote, or a row or cell past the limits)");
  };
  if (status != table::CsvReader::Status::k_record) return syntax(row);
  std::size_t header_size = count;
  if (!r.header(row, std::vector<std::string>(cells.begin(), cells.begin() + count), false)) return;
  Fields fields(c_count);
  for (;;) {
    ++row;
    status = reader.next(cells, count);
    if (status == table::CsvReader::Status::k_end) break;
    if (status != table::CsvReader::Status::k_record) return syntax(row);
    if (auto ok = budget.charge(util::Limit::k_rows, 1, "row " + std::to_string(row)); !ok)
      return r.fatal(0, ok.error().message);
    bool blank = true;
    for (std::size_t i = 0; i < count && blank; ++i) blank = trim_view(cells[i]).empty();
    if (blank) continue;
    if (count != header_size) {
      r.error(row, "",
              "the row has " + std::to_string(count) + " cells but the header has " +
                  std::to_string(header_size) + " (a cell that contains a comma must be quoted)");
    } else {
      std::fill(fields.begin(), fields.end(), std::string_view());
      for (std::size_t i = 0; i < count; ++i)
        if (r.positions[i]) fields[*r.positions[i]] = util::csv_field_value(cells[i]);
      parse_row(r, row, fields, out);
    }
    if (r.stopped) break;
  }
}

void read_xlsx(Reader& r, util::Budget& budget, std::string_view bytes, DocumentImportRows& out) {
  if (bytes.empty()) return r.fatal(0, "the file is empty; expected an XLSX workbook");
  if (bytes.size() > budget.limits().bytes)
    return r.fatal(0, "the file is " + util::with_separators(bytes.size()) +
                          " bytes: a document register may hold at most " +
                          util::with_separators(budget.limits().bytes) + " bytes");
  bool have_header = false;
  Fields fields(c_count);
  auto read = xlsx::read_first_sheet(bytes, budget, [&](const xlsx::Row& row) {
    if (!have_header) {
      if (row.cells.empty()) return true;
      std::vector<std::string> names(row.cells.back().column + 1);
      for (const auto& cell : row.cells) {
        if (cell.column >= names.size()) names.resize(cell.column + 1);
        names[cell.column] = cell.text;
      }
      have_header = true;
      return r.header(row.number, names, true);
    }
    if (auto ok = budget.charge(util::Limit::k_rows, 1, "row " + std::to_string(row.number)); !ok) {
      r.fatal(0, ok.error().message);
      return false;
    }
    std::fill(fields.begin(), fields.end(), std::string_view());
    bool blank = true;
    for (const auto& cell : row.cells) {
      if (!trim_view(cell.text).empty()) blank = false;
      if (cell.column < r.positions.size() && r.positions[cell.column])
        fields[*r.positions[cell.column]] = cell.text;
      else if (!trim_view(cell.text).empty())
        r.error(row.number, "",
                "cell " + xlsx::column_letters(cell.column) + std::to_string(row.number) +
                    " has a value, but its column has no header");
    }
    if (!blank) parse_row(r, row.number, fields, out);
    return !r.stopped;
  });
  if (!read) return r.fatal(0, read.error().message);
  if (!have_header && r.errors.empty())
    r.fatal(0, "the first sheet is empty; expected a header row naming the columns");
}

}  // namespace

const std::vector<std::string>& document_columns() {
  return k_names;
}

DocumentImportRows import_document_register(TableFormat format, std::string_view bytes) {
  DocumentImportRows out;
  Reader r;
  util::Budget budget(risk_table_limits(format), "a document register");
  switch (format) {
    case TableFormat::k_csv:
      read_csv(r, budget, bytes, out);
      break;
    case TableFormat::k_xlsx:
      read_xlsx(r, budget, bytes, out);
      break;
    case TableFormat::k_yaml:
      r.fatal(0, "a document register is read from CSV or XLSX, not YAML");
      break;
  }
  out.errors = std::move(r.errors);
  if (!out.errors.empty()) out.rows.clear();
  return out;
}

std::string export_document_register(const std::vector<core::Document>& documents,
                                     TableFormat format) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& d : documents) {
    std::vector<std::string> links;
    for (const auto& l : d.links) links.push_back(core::to_string(l));
    const auto* p = core::published_version(d);
    rows.push_back({d.ref, d.title, std::string(core::to_string(d.type)), d.owner,
                    std::string(core::to_string(d.classification)), std::to_string(d.review_months),
                    d.next_review, d.retention, joined(d.distribution), joined(links),
                    std::string(core::to_string(core::state_of(d))),
                    p ? std::to_string(p->number) : std::string()});
  }
  if (format == TableFormat::k_csv) {
    std::string out(table::k_bom);
    out += table::csv_line(k_names);
    for (const auto& row : rows) out += table::csv_line(row);
    return out;
  }
  if (format != TableFormat::k_xlsx) return {};
  xlsx::Table t;
  t.sheet_name = "Documents";
  const double widths[] = {10, 40, 20, 20, 14, 14, 12, 28, 30, 30, 12, 12};
  for (std::size_t i = 0; i < k_names.size(); ++i)
    t.columns.push_back(xlsx::ColumnSpec{k_names[i], widths[i]});
  for (const auto& row : rows) {
    std::vector<xlsx::Value> cells(row.size());
    for (std::size_t i = 0; i < row.size(); ++i)
      if (!row[i].empty()) cells[i] = row[i];
    t.rows.push_back(std::move(cells));
  }
  auto bytes = xlsx::write_table(t);
  return bytes ? std::move(*bytes) : std::string();
}

}  // namespace cyberframe::exchange
