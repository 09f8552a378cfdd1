#include "exchange/isms_table.hpp"

#include <set>

#include "exchange/risk_table.hpp"
#include "exchange/table_read.hpp"
#include "exchange/table_text.hpp"
#include "exchange/xlsx.hpp"
#include "util/text.hpp"

namespace cyberframe::exchange {

std::vector<std::string> isms_columns(const core::RegisterSpec& spec) {
  std::vector<std::string> out{"ref", "title", "status", "owner"};
  for (const auto& f : spec.fields) out.push_back(f.key);
  out.push_back("links");
  return out;
}

IsmsImport import_isms(const core::RegisterSpec& spec, TableFormat format, std::string_view bytes) {
  TableColumns columns{isms_columns(spec), {1}, "a " + spec.key + " register file"};
  IsmsImport out;
  auto read = read_named_table(columns, format, bytes, risk_table_limits(format));
  if (!read.errors.empty()) {
    out.errors = std::move(read.errors);
    return out;
  }
  const auto& names = columns.names;
  std::size_t links = names.size() - 1;
  std::map<std::string, std::size_t> first_row;
  for (auto& row : read.rows) {
    if (out.errors.size() >= 100) {
      out.errors.push_back(RowError{0, "", "too many errors: stopped after the first 100"});
      break;
    }
    auto error_count = out.errors.size();
    IsmsRow r;
    r.line = row.line;
    auto& rec = r.record;
    rec.register_key = spec.key;
    rec.ref = util::trim(row.cells[0]);
    rec.title = util::trim(row.cells[1]);
    rec.status = util::to_lower(util::trim(row.cells[2]));
    rec.owner = util::trim(row.cells[3]);
    if (!rec.ref.empty()) {
      auto [it, inserted] = first_row.try_emplace(util::caseless_key(rec.ref), row.line);
      if (!inserted)
        out.errors.push_back(RowError{row.line, "ref",
                                      "ref " + rec.ref + " appears again; its first row is row " +
                                          std::to_string(it->second)});
    }
    for (std::size_t i = 0; i < spec.fields.size(); ++i)
      if (auto s = core::set_field(spec, rec, spec.fields[i].key, row.cells[4 + i]); !s)
        out.errors.push_back(RowError{row.line, spec.fields[i].key, s.error().message});
    for (const auto& item : util::split(row.cells[links], ';')) {
      if (util::trim(item).empty()) continue;
      auto link = core::parse_link(item);
      if (!link)
        out.errors.push_back(RowError{row.line, "links", link.error().message});
      else
        rec.links.push_back(*link);
    }
    std::sort(rec.links.begin(), rec.links.end());
    rec.links.erase(std::unique(rec.links.begin(), rec.links.end()), rec.links.end());
    if (out.errors.size() == error_count) {
      std::set<std::string> named;
      for (const auto& p : core::record_problems(spec, rec))
        if (named.insert(p.field).second)
          out.errors.push_back(RowError{row.line, p.field, p.message});
    }
    if (out.errors.empty()) out.rows.push_back(std::move(r));
  }
  if (!out.errors.empty()) out.rows.clear();
  return out;
}

std::string export_isms(const core::RegisterSpec& spec,
                        const std::vector<core::IsmsRecord>& records, TableFormat format) {
  auto names = isms_columns(spec);
  std::vector<std::vector<std::string>> rows;
  for (const auto& r : records) {
    std::vector<std::string> row{r.ref, r.title, r.status, r.owner};
    for (const auto& f : spec.fields) row.push_back(r.shown(f));
    std::vector<std::string> links;
    for (const auto& l : r.links) links.push_back(core::to_string(l));
    row.push_back(util::join(links, "; "));
    rows.push_back(std::move(row));
  }
  if (format == TableFormat::k_csv) {
    std::string out(table::k_bom);
    out += table::csv_line(names);
    for (const auto& row : rows) out += table::csv_line(row);
    return out;
  }
  if (format != TableFormat::k_xlsx) return {};
  xlsx::Table t;
  t.sheet_name = spec.key.substr(0, 31);
  for (const auto& n : names) t.columns.push_back(xlsx::ColumnSpec{n, n == "title" ? 36.0 : 18.0});
  t.wrap = true;
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
