#include "util/text.hpp"

#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <cctype>
#include <charconv>

#include "util/result.hpp"

namespace cyberframe::util {

int exit_code_for(ErrorCode code) {
  switch (code) {
    case ErrorCode::k_invalid_input:
    case ErrorCode::k_not_found:
    case ErrorCode::k_conflict:
      return 2;
    case ErrorCode::k_io:
      return 3;
    case ErrorCode::k_internal:
      return 70;
  }
  return 70;
}

std::string to_lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string trim(std::string_view s) {
  auto is_space = [](unsigned char c) { return std::isspace(c) != 0; };
  while (!s.empty() && is_space(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && is_space(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    auto pos = s.find(sep, start);
    if (pos == std::string_view::npos) {
      out.emplace_back(s.substr(start));
      return out;
    }
    out.emplace_back(s.substr(start, pos - start));
    start = pos + 1;
  }
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i != 0) out += sep;
    out += parts[i];
  }
  return out;
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) !=
        std::tolower(static_cast<unsigned char>(prefix[i])))
      return false;
  }
  return true;
}

namespace {

// What a spreadsheet may read as the start of a formula (and the apostrophe that escapes it).
bool formula_lead(char c) {
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '\'';
}

// "-3", "+2.5", "10": a sign, digits and at most one decimal point with digits after it.
bool plain_number(std::string_view s) {
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  auto dot = s.find('.');
  auto digits = [](std::string_view d) {
    return !d.empty() && d.find_first_not_of("0123456789") == std::string_view::npos;
  };
  return dot == std::string_view::npos ? digits(s)
                                       : digits(s.substr(0, dot)) && digits(s.substr(dot + 1));
}

}  // namespace

std::string csv_field(std::string_view s) {
  std::string text;
  // A lone "-" (tables' "none") and plain numbers are not formulas either.
  if (!s.empty() && formula_lead(s[0]) && s != "-" && !plain_number(s)) text = "'";
  text += s;
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string_view csv_field_value(std::string_view cell) {
  if (cell.size() >= 2 && cell[0] == '\'' && formula_lead(cell[1])) cell.remove_prefix(1);
  return cell;
}

std::string caseless_key(std::string_view s) {
  // UTF-8 to UTF-16, NFKC_Casefold, back to UTF-8; ICU works on UTF-16.
  UErrorCode status = U_ZERO_ERROR;
  const UNormalizer2* fold = unorm2_getNFKCCasefoldInstance(&status);
  if (U_FAILURE(status) || s.size() > (1u << 20)) return std::string(s);
  std::u16string wide(s.size() + 1, u'\0');
  int32_t wide_length = 0;
  u_strFromUTF8(wide.data(), static_cast<int32_t>(wide.size()), &wide_length, s.data(),
                static_cast<int32_t>(s.size()), &status);
  if (U_FAILURE(status)) return std::string(s);
  // Folding can lengthen text (one code unit can become up to 18); ask again when it does.
  std::u16string folded(static_cast<std::size_t>(wide_length) * 3 + 16, u'\0');
  int32_t folded_length = unorm2_normalize(fold, wide.data(), wide_length, folded.data(),
                                           static_cast<int32_t>(folded.size()), &status);
  if (status == U_BUFFER_OVERFLOW_ERROR) {
    status = U_ZERO_ERROR;
    folded.assign(static_cast<std::size_t>(folded_length) + 1, u'\0');
    folded_length = unorm2_normalize(fold, wide.data(), wide_length, folded.data(),
                                     static_cast<int32_t>(folded.size()), &status);
  }
  if (U_FAILURE(status)) return std::string(s);
  std::string out(static_cast<std::size_t>(folded_length) * 3 + 1, '\0');
  int32_t out_length = 0;
  u_strToUTF8(out.data(), static_cast<int32_t>(out.size()), &out_length, folded.data(),
              folded_length, &status);
  if (U_FAILURE(status)) return std::string(s);
  out.resize(static_cast<std::size_t>(out_length));
  return out;
}

namespace {

// The entity for `c` under `how`, or empty when `c` stands as itself.
std::string_view entity(char c, Escape how) {
  switch (c) {
    case '&':
      return "&amp;";
    case '<':
      return "&lt;";
    case '>':
      return "&gt;";
    case '"':
      return how == Escape::k_xml_text ? "" : "&quot;";
    case '\'':
      return how == Escape::k_html ? "&#39;" : "";
    case '\t':
      return how == Escape::k_xml_attribute ? "&#9;" : "";
    case '\n':
      return how == Escape::k_xml_attribute ? "&#10;" : "";
    case '\r':
      return how == Escape::k_html ? "" : "&#13;";
    default:
      return "";
  }
}

}  // namespace

void append_escaped(std::string_view s, std::string& out, Escape how) {
  for (char c : s) {
    auto e = entity(c, how);
    if (e.empty())
      out += c;
    else
      out += e;
  }
}

std::string escaped(std::string_view s, Escape how) {
  std::string out;
  out.reserve(s.size() + 16);
  append_escaped(s, out, how);
  return out;
}

std::size_t find_invalid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c == 0) return i;
    if (c < 0x80) {
      ++i;
      continue;
    }
    int extra = 0;
    if ((c & 0xE0) == 0xC0 && c >= 0xC2)
      extra = 1;
    else if ((c & 0xF0) == 0xE0)
      extra = 2;
    else if ((c & 0xF8) == 0xF0 && c <= 0xF4)
      extra = 3;
    else
      return i;
    if (i + static_cast<std::size_t>(extra) >= s.size()) return i;
    for (int k = 1; k <= extra; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return i;
    }
    i += static_cast<std::size_t>(extra) + 1;
  }
  return std::string_view::npos;
}

bool clause_less(std::string_view a, std::string_view b) {
  auto pa = split(a, '.');
  auto pb = split(b, '.');
  for (std::size_t i = 0; i < std::min(pa.size(), pb.size()); ++i) {
    int na = 0, nb = 0;
    auto ra = std::from_chars(pa[i].data(), pa[i].data() + pa[i].size(), na);
    auto rb = std::from_chars(pb[i].data(), pb[i].data() + pb[i].size(), nb);
    bool a_num = ra.ec == std::errc() && ra.ptr == pa[i].data() + pa[i].size();
    bool b_num = rb.ec == std::errc() && rb.ptr == pb[i].data() + pb[i].size();
    if (a_num && b_num) {
      if (na != nb) return na < nb;
    } else if (a_num != b_num) {
      return a_num;  // numbers before letters ("10" before "A")
    } else if (pa[i] != pb[i]) {
      return pa[i] < pb[i];
    }
  }
  return pa.size() < pb.size();
}

}  // namespace cyberframe::util
