#include "cli/output.hpp"

#include <algorithm>
#include <fstream>
#include <ostream>
#include <random>

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

bool write_atomically(const std::filesystem::path& path, const std::string& text,
                      std::string& problem) {
  namespace fs = std::filesystem;
  std::random_device random;
  auto directory = path.parent_path().empty() ? fs::path(".") : path.parent_path();
  auto temporary =
      directory / ("." + path.filename().string() + ".tmp-" + std::to_string(random()));
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) {
      problem =
          "cannot write " + path.string() + " (cannot create a file in " + directory.string() + ")";
      return false;
    }
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.flush();
    if (!out) {
      out.close();
      std::error_code ignored;
      fs::remove(temporary, ignored);
      problem = "cannot write " + path.string();
      return false;
    }
  }
  std::error_code error;
  fs::rename(temporary, path, error);
  if (error) {
    std::error_code ignored;
    fs::remove(temporary, ignored);
    problem = "cannot write " + path.string() + ": " + error.message();
    return false;
  }
  return true;
}

bool is_standard_output(const std::string& output) {
  return output.empty() || output == "-";
}

int write_output(std::ostream& out, std::ostream& err, const std::string& output,
                 const std::string& text) {
  if (is_standard_output(output)) {
    out << text;
    return k_exit_ok;
  }
  std::string problem;
  if (!write_atomically(output, text, problem)) {
    err << "cyberframe: error: " << problem << '\n';
    return k_exit_environment;
  }
  return k_exit_ok;
}

}  // namespace cyberframe::cli
