#pragma once
// What the spreadsheet importers and exporters share (profile_table.cpp, risk_table.cpp): an
// RFC 4180 CSV reader bounded by a ParseLimits, the cell parsers (whole numbers, yes/no flags)
// and the CSV writer's line. Internal to src/exchange and src/report.
//
// Threading: no shared state.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/budget.hpp"

namespace cyberframe::exchange::table {

// The UTF-8 byte order mark every CSV is written with (so that Excel reads UTF-8).
inline constexpr std::string_view k_bom = "\xEF\xBB\xBF";

std::string_view trim_view(std::string_view s);
bool equals_ci(std::string_view a, std::string_view b);

// A whole number, written as digits with an optional sign and an optional fraction of zeros
// ("3", "+3", "3.0"). k_not_a_number for anything else; k_too_large when it does not fit an int.
struct WholeNumber {
  enum class Kind { k_ok, k_not_a_number, k_too_large } kind = Kind::k_not_a_number;
  int value = 0;
};
WholeNumber parse_whole(std::string_view text);

// Empty/false/no/0 or true/yes/1 (any case; "1.0" as a spreadsheet stores it); nullopt otherwise.
std::optional<bool> parse_flag(std::string_view text);

// One CSV line of `cells` through util::csv_field, ended by CRLF.
std::string csv_line(const std::vector<std::string>& cells);

class CsvReader {
 public:
  enum class Status {
    k_record,
    k_end,
    k_unterminated,
    k_text_after_quote,
    k_too_many_fields,  // more than limits.fields_per_row cells in the record
    k_field_too_large,  // a cell of more than limits.item_bytes bytes
  };

  CsvReader(std::string_view text, const util::ParseLimits& limits)
      : m_text(text), m_max_fields(limits.fields_per_row), m_max_field_bytes(limits.item_bytes) {}

  // Reads the next record into cells[0, count). Strings of `cells` are reused between calls. On
  // an error, bad_field() is the index of the field at fault. The limits are checked before a
  // cell is kept, so a record costs at most fields_per_row cells of item_bytes each.
  Status next(std::vector<std::string>& cells, std::size_t& count);

  std::size_t bad_field() const { return m_bad_field; }

 private:
  void end_line();

  std::string_view m_text;
  std::size_t m_max_fields;
  std::size_t m_max_field_bytes;
  std::size_t m_pos = 0;
  std::size_t m_bad_field = 0;
};

}  // namespace cyberframe::exchange::table
