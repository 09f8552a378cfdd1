#pragma once
// Small string helpers that know nothing of the product.

#include <string>
#include <string_view>
#include <vector>

namespace cyberframe::util {

std::string to_lower(std::string_view s);
std::string trim(std::string_view s);
std::vector<std::string> split(std::string_view s, char sep);
std::string join(const std::vector<std::string>& parts, std::string_view sep);
bool starts_with_ci(std::string_view s, std::string_view prefix);

// A quoted CSV field (RFC 4180): quoted only when it needs to be.
std::string csv_field(std::string_view s);

// Markup escaping, appended to `out`. Every mode escapes &, < and >; k_xml_text also \r (kept
// through XML line-end normalisation); k_xml_attribute also ", \t, \n and \r (kept through
// attribute-value normalisation); k_html also " and ' (safe in any HTML attribute).
enum class Escape { k_xml_text, k_xml_attribute, k_html };
void append_escaped(std::string_view s, std::string& out, Escape how);
std::string escaped(std::string_view s, Escape how);

// Position of the first byte that is not valid UTF-8, or npos. A NUL byte counts as invalid:
// text files never contain one.
std::size_t find_invalid_utf8(std::string_view s);

// Compares dotted clause ids numerically where the parts are numbers ("9.2" < "10.1", "A.5" <
// "A.18").
bool clause_less(std::string_view a, std::string_view b);

}  // namespace cyberframe::util
