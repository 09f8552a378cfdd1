// The register of documented information to and from CSV and XLSX (document_table.hpp), read by
// the one table reader of named columns (table_read.hpp).
#include "exchange/document_table.hpp"

#include <unordered_map>

#include "core/input_rules.hpp"
#include "exchange/risk_table.hpp"
#include "exchange/table_read.hpp"
#include "exchange/table_text.hpp"
#include "exchange/xlsx.hpp"
#include "util/text.hpp"

namespace cyberframe::exchange {
namespace {

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

std::vector<std::string> list_of(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& item : util::split(text, ';')) {
    auto t = util::trim(item);
    if (!t.empty()) out.push_back(t);
  }
  return out;
}

using Fields = std::vector<std::string_view>;

struct Errors {
  std::vector<RowError>& list;
  void error(std::size_t row, std::string column, std::string message) {
    list.push_back(RowError{row, std::move(column), std::move(message)});
  }
};

void parse_row(Errors& r, std::unordered_map<std::string, std::size_t>& first_row, std::size_t row,
               const Fields& f, DocumentImportRows& out) {
  DocumentRow d;
  d.line = row;
  bool ok = true;
  auto& doc = d.document;
  doc.ref = std::string(trim_view(f[c_ref]));
  if (!doc.ref.empty()) {
    auto [it, inserted] = first_row.try_emplace(util::caseless_key(doc.ref), row);
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
  if (ok) out.rows.push_back(std::move(d));
}

}  // namespace

const std::vector<std::string>& document_columns() {
  return k_names;
}

DocumentImportRows import_document_register(TableFormat format, std::string_view bytes) {
  DocumentImportRows out;
  auto read = read_named_table(TableColumns{k_names, {c_ref, c_title}, "a document register"},
                               format, bytes, risk_table_limits(format));
  // A row the reader refused (its cells do not fit the header) is named with the others; a
  // problem with the whole file (row 0, or the header) ends the reading.
  out.errors = std::move(read.errors);
  for (const auto& e : out.errors)
    if (e.row <= 1) return out;
  Errors errors{out.errors};
  std::unordered_map<std::string, std::size_t> first_row;
  for (const auto& table_row : read.rows) {
    if (out.errors.size() >= k_max_errors) {
      out.errors.push_back(RowError{
          0, "", "too many errors: stopped after the first " + std::to_string(k_max_errors)});
      break;
    }
    parse_row(errors, first_row, table_row.line,
              Fields(table_row.cells.begin(), table_row.cells.end()), out);
  }
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
                    d.next_review, d.retention, util::join(d.distribution, "; "),
                    util::join(links, "; "), std::string(core::to_string(core::state_of(d))),
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
