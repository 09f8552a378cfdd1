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

// A CSV field (RFC 4180, quoted only when it needs to be) that a spreadsheet cannot run as a
// formula: text beginning with '=', '+', '-', '@', a tab or a carriage return gets an apostrophe
// in front (OWASP's advice for CSV injection), unless it is a plain number such as "-3" or
// "+2.5" or a lone "-"; text beginning with an apostrophe gets one more, so that csv_field_value
// undoes exactly what was added. Every CSV the product writes goes through this function.
std::string csv_field(std::string_view s);
// The text a CSV cell stands for: one leading apostrophe removed when what follows it is
// something csv_field would have neutralised ('=', '+', '-', '@', tab, CR or another apostrophe).
// csv_field_value(unquoted csv_field(x)) == x for every x.
std::string_view csv_field_value(std::string_view cell);

// A key for comparing names without regard to case: Unicode NFKC case folding (ICU's
// NFKC_Casefold), so "ACME", "acme" and the full-width "ＡＣＭＥ" share one key, and invisible
// format characters (zero-width spaces) are dropped. `s` must be valid UTF-8; invalid input gives
// the bytes unchanged.
std::string caseless_key(std::string_view s);

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
