#include "cli/output.hpp"

#include <algorithm>
#include <ostream>

#include "catalog/writer.hpp"
#include "util/text.hpp"

namespace cyberframe::cli {

std::optional<Format> parse_format(std::string_view text) {
  if (text == "text") return Format::k_text;
  if (text == "json") return Format::k_json;
  if (text == "yaml") return Format::k_yaml;
  if (text == "csv") return Format::k_csv;
  return std::nullopt;
}

namespace {

// Display width in code points (good enough for the Latin text of catalogs).
std::size_t width(const std::string& s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

}  // namespace

void Table::print(std::ostream& out, std::string_view indent) const {
  std::vector<std::size_t> widths(m_headers.size(), 0);
  for (std::size_t i = 0; i < m_headers.size(); ++i) widths[i] = width(m_headers[i]);
  for (const auto& row : m_rows) {
    for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i)
      widths[i] = std::max(widths[i], width(row[i]));
  }
  auto line = [&](const std::vector<std::string>& cells) {
    std::string s(indent);
    for (std::size_t i = 0; i < cells.size(); ++i) {
      s += cells[i];
      if (i + 1 < cells.size()) s += std::string(widths[i] - width(cells[i]) + 2, ' ');
    }
    while (!s.empty() && s.back() == ' ') s.pop_back();
    out << s << '\n';
  };
  line(m_headers);
  for (const auto& row : m_rows) line(row);
}

void Table::print_csv(std::ostream& out) const {
  std::vector<std::string> headers;
  for (const auto& h : m_headers) {
    auto key = util::to_lower(h);
    std::replace(key.begin(), key.end(), ' ', '_');
    headers.push_back(key);
  }
  out << util::join(headers, ",") << '\n';
  for (const auto& row : m_rows) {
    std::vector<std::string> cells;
    for (const auto& c : row) cells.push_back(util::csv_field(c));
    out << util::join(cells, ",") << '\n';
  }
}

void print_structured(std::ostream& out, Format format, const nlohmann::json& value) {
  if (format == Format::k_yaml)
    out << catalog::json_to_yaml(value);
  else
    out << value.dump(2) << '\n';
}

void print_data(std::ostream& out, Format format, const Table& table, const nlohmann::json& value) {
  if (format == Format::k_text)
    table.print(out);
  else if (format == Format::k_csv)
    table.print_csv(out);
  else
    print_structured(out, format, value);
}

}  // namespace cyberframe::cli
