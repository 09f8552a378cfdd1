#pragma once
// How commands print: one Format chosen by --format, tables for text, and the shared rules for
// errors and exit codes (0 success, 1 a check found problems, 2 bad input, 3 environment).

#include <nlohmann/json.hpp>

#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace cyberframe::cli {

enum class Format { k_text, k_json, k_yaml, k_csv };
std::optional<Format> parse_format(std::string_view text);

inline constexpr int k_exit_ok = 0;
inline constexpr int k_exit_problems = 1;
inline constexpr int k_exit_bad_input = 2;
inline constexpr int k_exit_environment = 3;

// A text table: columns padded to their widest cell; the last column is not padded.
class Table {
 public:
  explicit Table(std::vector<std::string> headers) : m_headers(std::move(headers)) {}
  void add(std::vector<std::string> row) { m_rows.push_back(std::move(row)); }
  std::size_t size() const { return m_rows.size(); }
  void print(std::ostream& out, std::string_view indent = "") const;
  // RFC 4180 CSV with the headers (lowercased, spaces to '_') as the first row.
  void print_csv(std::ostream& out) const;

 private:
  std::vector<std::string> m_headers;
  std::vector<std::vector<std::string>> m_rows;
};

// Prints `value` as JSON (pretty, with a final newline) or YAML.
void print_structured(std::ostream& out, Format format, const nlohmann::json& value);

// Prints data in the chosen format: the table as text or CSV, `value` as JSON or YAML.
void print_data(std::ostream& out, Format format, const Table& table, const nlohmann::json& value);

// Writes `text` to a temporary file next to `path` and renames it over `path`: a reader sees the
// old file or the whole new one, never half of it, and a failed write leaves nothing behind (an
// existing file unchanged). On failure `problem` says what failed ("cannot write PATH ...").
bool write_atomically(const std::filesystem::path& path, const std::string& text,
                      std::string& problem);

// Whether an -o value means standard output (empty or "-").
bool is_standard_output(const std::string& output);

// Writes a command's output: `text` to `out` when `output` is standard output, else atomically to
// the file `output`. k_exit_ok, or k_exit_environment with the problem on `err`.
int write_output(std::ostream& out, std::ostream& err, const std::string& output,
                 const std::string& text);

}  // namespace cyberframe::cli
