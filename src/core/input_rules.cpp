#include "core/input_rules.hpp"

#include <array>
#include <cstdio>

#include "util/text.hpp"

namespace cyberframe::core {

using util::ErrorCode;
using util::fail;

namespace {

// The next code point of valid UTF-8 at `i`, which moves past it.
char32_t next_code_point(std::string_view s, std::size_t& i) {
  auto c = static_cast<unsigned char>(s[i++]);
  if (c < 0x80) return c;
  int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
  char32_t cp = c & (0x3F >> extra);
  for (int k = 0; k < extra && i < s.size(); ++k)
    cp = (cp << 6) | (static_cast<unsigned char>(s[i++]) & 0x3F);
  return cp;
}

std::string code_point_text(char32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
  return buf;
}

// The Unicode name of a bidirectional control, or nullptr for any other code point.
const char* bidi_control_name(char32_t cp) {
  switch (cp) {
    case 0x061C:
      return "ARABIC LETTER MARK";
    case 0x200E:
      return "LEFT-TO-RIGHT MARK";
    case 0x200F:
      return "RIGHT-TO-LEFT MARK";
    case 0x202A:
      return "LEFT-TO-RIGHT EMBEDDING";
    case 0x202B:
      return "RIGHT-TO-LEFT EMBEDDING";
    case 0x202C:
      return "POP DIRECTIONAL FORMATTING";
    case 0x202D:
      return "LEFT-TO-RIGHT OVERRIDE";
    case 0x202E:
      return "RIGHT-TO-LEFT OVERRIDE";
    case 0x2066:
      return "LEFT-TO-RIGHT ISOLATE";
    case 0x2067:
      return "RIGHT-TO-LEFT ISOLATE";
    case 0x2068:
      return "FIRST STRONG ISOLATE";
    case 0x2069:
      return "POP DIRECTIONAL ISOLATE";
    default:
      return nullptr;
  }
}

bool is_control(char32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029;
}

// `text` quoted for a message when it is short, printable ASCII; else nothing (a date field can
// hold anything, and a message should not carry it back).
std::string quoted(std::string_view text) {
  if (text.size() > 32) return "";
  for (char c : text)
    if (c < 0x20 || c > 0x7E) return "";
  return " '" + std::string(text) + "'";
}

bool digits_at(std::string_view s, std::size_t pos, std::size_t count) {
  if (pos + count > s.size()) return false;
  for (std::size_t i = pos; i < pos + count; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

int number_at(std::string_view s, std::size_t pos, std::size_t count) {
  int n = 0;
  for (std::size_t i = pos; i < pos + count; ++i) n = n * 10 + (s[i] - '0');
  return n;
}

constexpr std::array<const char*, 12> k_months = {"January",   "February", "March",    "April",
                                                  "May",       "June",     "July",     "August",
                                                  "September", "October",  "November", "December"};

int days_in_month(int year, int month) {
  static constexpr std::array<int, 12> k_days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : k_days[static_cast<std::size_t>(month - 1)];
}

}  // namespace

util::Result<void> check_text(std::string_view what, std::string_view text, TextKind kind,
                              std::size_t max_bytes) {
  std::string name(what);
  if (util::trim(text).empty()) return fail(ErrorCode::k_invalid_input, name + " is empty");
  if (text.size() > max_bytes)
    return fail(ErrorCode::k_invalid_input,
                name + " is longer than " + std::to_string(max_bytes) + " bytes");
  if (util::find_invalid_utf8(text) != std::string_view::npos)
    return fail(ErrorCode::k_invalid_input, name + " is not valid UTF-8 text");
  std::size_t i = 0;
  std::size_t position = 0;
  while (i < text.size()) {
    auto cp = next_code_point(text, i);
    ++position;
    auto at = " at character " + std::to_string(position);
    if (is_control(cp))
      return fail(ErrorCode::k_invalid_input, name + " contains a control character (" +
                                                  code_point_text(cp) + ")" + at +
                                                  "; it must be one line of visible text");
    if (const char* bidi = bidi_control_name(cp))
      return fail(ErrorCode::k_invalid_input,
                  name + " contains the bidirectional control " + code_point_text(cp) + " " + bidi +
                      at + ", which can make text display as something it is not");
  }
  if (kind != TextKind::k_line && text.find('/') != std::string_view::npos)
    return fail(ErrorCode::k_invalid_input,
                name + " '" + std::string(text) +
                    "' contains '/', which separates ORGANIZATION/NAME in references; use "
                    "another character");
  if (kind == TextKind::k_reference_name &&
      text.find_first_not_of("0123456789") == std::string_view::npos)
    return fail(ErrorCode::k_invalid_input,
                name + " '" + std::string(text) +
                    "' is only digits, which would read as an id: a reference made of digits "
                    "always names a record by its id; give the name a letter or a word");
  return {};
}

bool is_id_reference(std::string_view reference) {
  return !reference.empty() && reference.size() <= 18 &&
         reference.find_first_not_of("0123456789") == std::string_view::npos;
}

util::Result<void> check_date(std::string_view what, std::string_view text) {
  std::string name(what);
  if (text.size() != 10 || !digits_at(text, 0, 4) || text[4] != '-' || !digits_at(text, 5, 2) ||
      text[7] != '-' || !digits_at(text, 8, 2))
    return fail(ErrorCode::k_invalid_input, name + quoted(text) + " is not YYYY-MM-DD");
  int year = number_at(text, 0, 4), month = number_at(text, 5, 2), day = number_at(text, 8, 2);
  auto not_a_date = name + quoted(text) + " is not a date on the calendar: ";
  if (year == 0) return fail(ErrorCode::k_invalid_input, not_a_date + "there is no year 0000");
  if (month < 1 || month > 12)
    return fail(ErrorCode::k_invalid_input,
                not_a_date + "there is no month " + std::string(text.substr(5, 2)));
  if (day < 1) return fail(ErrorCode::k_invalid_input, not_a_date + "days start at 01");
  if (day > days_in_month(year, month))
    return fail(ErrorCode::k_invalid_input,
                not_a_date + k_months[static_cast<std::size_t>(month - 1)] + " " +
                    std::string(text.substr(0, 4)) + " has " +
                    std::to_string(days_in_month(year, month)) + " days");
  return {};
}

util::Result<std::string> parse_timestamp(std::string_view what, std::string_view text) {
  std::string name(what);
  if (text.size() == 10) {
    if (auto d = check_date(what, text); !d) return std::unexpected(d.error());
    return std::string(text) + "T00:00:00Z";
  }
  if (text.size() != 20 || text[10] != 'T' || !digits_at(text, 11, 2) || text[13] != ':' ||
      !digits_at(text, 14, 2) || text[16] != ':' || !digits_at(text, 17, 2) || text[19] != 'Z')
    return fail(ErrorCode::k_invalid_input,
                name + quoted(text) + " is not YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ");
  if (auto d = check_date(what, text.substr(0, 10)); !d) return std::unexpected(d.error());
  auto not_a_time = name + quoted(text) + " is not a time of day: ";
  if (number_at(text, 11, 2) > 23)
    return fail(ErrorCode::k_invalid_input, not_a_time + "hours are 00-23");
  if (number_at(text, 14, 2) > 59)
    return fail(ErrorCode::k_invalid_input, not_a_time + "minutes are 00-59");
  if (number_at(text, 17, 2) > 59)
    return fail(ErrorCode::k_invalid_input, not_a_time + "seconds are 00-59");
  return std::string(text);
}

}  // namespace cyberframe::core
