#include "core/people.hpp"

#include <algorithm>
#include <set>

#include "core/input_rules.hpp"
#include "util/text.hpp"

namespace cyberframe::core {

using util::ErrorCode;
using util::fail;

util::Result<void> check_email(std::string_view email) {
  auto bad = [&](const std::string& why) {
    return fail(ErrorCode::k_invalid_input,
                "email '" + std::string(email.substr(0, 80)) + "' " + why);
  };
  if (email.empty()) return {};
  if (email.size() > 254) return bad("is longer than 254 bytes");
  for (unsigned char c : email)
    if (c <= ' ' || c == 0x7f || c == '<' || c == '>' || c == ',' || c == ';' || c == '"')
      return bad("holds a blank, a control character or one of < > , ; \"");
  auto at = email.find('@');
  if (at == std::string_view::npos || at == 0 || email.find('@', at + 1) != std::string_view::npos)
    return bad("is not of the form name@domain");
  auto domain = email.substr(at + 1);
  if (domain.empty() || domain.find('.') == std::string_view::npos || domain.front() == '.' ||
      domain.back() == '.')
    return bad("has no domain of the form example.org");
  return {};
}

util::Result<void> check_aliases(const std::vector<std::string>& aliases) {
  if (aliases.size() > 20)
    return fail(ErrorCode::k_invalid_input,
                "at most 20 aliases; " + std::to_string(aliases.size()) + " given");
  std::set<std::string> seen;
  for (const auto& a : aliases) {
    if (util::trim(a).empty()) return fail(ErrorCode::k_invalid_input, "an alias is empty");
    if (auto c = check_text("alias", a, TextKind::k_line, 200); !c) return c;
    if (!seen.insert(util::caseless_key(util::trim(a))).second)
      return fail(ErrorCode::k_invalid_input, "alias '" + a + "' is given twice");
  }
  return {};
}

std::vector<std::string> names_of(const Person& p) {
  std::vector<std::string> out{p.name};
  out.insert(out.end(), p.aliases.begin(), p.aliases.end());
  if (!p.email.empty()) out.push_back(p.email);
  return out;
}

namespace {

bool one_of(std::string_view text, const std::vector<std::string>& keys) {
  auto k = util::caseless_key(util::trim(text));
  if (k.empty()) return false;
  return std::find(keys.begin(), keys.end(), k) != keys.end();
}

}  // namespace

bool names_person(std::string_view text, const Person& person) {
  std::vector<std::string> keys;
  for (const auto& n : names_of(person)) keys.push_back(util::caseless_key(util::trim(n)));
  if (one_of(text, keys)) return true;
  for (const auto& part : util::split(text, ';'))
    if (one_of(part, keys)) return true;
  return false;
}

bool concerns(const DueItem& item, const Person& person) {
  if (names_person(item.owner, person)) return true;
  for (const auto& p : item.people)
    if (names_person(p, person)) return true;
  return false;
}

}  // namespace cyberframe::core
