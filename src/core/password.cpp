// The password rules (password.hpp): length, trivial patterns, the account name and the built-in
// list of common passwords, each with its own message.
#include "core/password.hpp"

#include <algorithm>
#include <array>
#include <mutex>
#include <unordered_set>
#include <vector>

namespace cyberframe::core {

namespace {

constexpr std::size_t k_min_characters = k_password_min_characters;
constexpr std::size_t k_max_bytes = k_password_max_bytes;
const char* const k_advice = "; a phrase of several unrelated words is easier to remember";

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool is_letter(char c) {
  return c >= 'a' && c <= 'z';
}

// UTF-8 characters, not bytes: "passwörter" is 10 characters. (Invalid UTF-8 counts its bytes.)
std::size_t characters(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string without_spaces(std::string_view s) {
  std::string out;
  for (char c : s)
    if (!is_space(c)) out += c;
  return out;
}

// The shortest piece `s` is a repetition of ("abab" -> "ab"); `s` itself when it repeats nothing.
std::string_view repeated_unit(std::string_view s) {
  for (std::size_t period = 1; period <= s.size() / 2; ++period) {
    if (s.size() % period != 0) continue;
    bool repeats = true;
    for (std::size_t i = period; i < s.size() && repeats; ++i) repeats = s[i] == s[i - period];
    if (repeats) return s.substr(0, period);
  }
  return s;
}

// `s` without what is not in `keep` at either end ("2026!dragon!!" -> "dragon").
std::string_view strip_ends(std::string_view s, bool (*keep)(char)) {
  while (!s.empty() && !keep(s.front())) s.remove_prefix(1);
  while (!s.empty() && !keep(s.back())) s.remove_suffix(1);
  return s;
}

// Leetspeak back to letters: "p@ssw0rd" -> "password".
std::string unleet(std::string_view s) {
  std::string out(s);
  for (auto& c : out) {
    switch (c) {
      case '0':
        c = 'o';
        break;
      case '1':
      case '!':
        c = 'i';
        break;
      case '3':
        c = 'e';
        break;
      case '4':
      case '@':
        c = 'a';
        break;
      case '5':
      case '$':
        c = 's';
        break;
      case '7':
        c = 't';
        break;
      default:
        break;
    }
  }
  return out;
}

// Keys next to each other: runs of the alphabet and the digits, rows, columns and zigzags of
// QWERTY, QWERTZ and AZERTY keyboards, and the number pad. Two characters are neighbours when
// they follow each other (either way) in one of these.
const std::array<std::string_view, 30> k_sequences = {"abcdefghijklmnopqrstuvwxyz",
                                                      "01234567890",
                                                      "`1234567890-=",
                                                      "~!@#$%^&*()_+",
                                                      "qwertyuiop[]\\",
                                                      "asdfghjkl;'",
                                                      "zxcvbnm,./",
                                                      "qwertzuiop",
                                                      "yxcvbnm",
                                                      "azertyuiop",
                                                      "qsdfghjklm",
                                                      "wxcvbn",
                                                      "1qaz",
                                                      "2wsx",
                                                      "3edc",
                                                      "4rfv",
                                                      "5tgb",
                                                      "6yhn",
                                                      "7ujm",
                                                      "8ik,",
                                                      "9ol.",
                                                      "0p;/",
                                                      "1q2w3e4r5t6y7u8i9o0p",
                                                      "qawsedrftgyhujikolp",
                                                      "azsxdcfvgbhnjmk,l.;/",
                                                      "789456123",
                                                      "741852963",
                                                      "159",
                                                      "357",
                                                      "!q@w#e$r%t^y&u*i(o)p"};

bool neighbours(char a, char b) {
  static const auto k_pairs = [] {
    std::unordered_set<unsigned> pairs;
    for (auto seq : k_sequences) {
      for (std::size_t i = 0; i + 1 < seq.size(); ++i) {
        auto x = static_cast<unsigned char>(seq[i]), y = static_cast<unsigned char>(seq[i + 1]);
        pairs.insert(x << 8 | y);
        pairs.insert(y << 8 | x);
      }
    }
    return pairs;
  }();
  return a == b || k_pairs.contains(static_cast<unsigned>(static_cast<unsigned char>(a)) << 8 |
                                    static_cast<unsigned char>(b));
}

// Whether `s` is made of a few walks along the keyboard or the alphabet: split where two
// neighbouring characters are not neighbours on any sequence, its pieces average 4 characters or
// more ("qwerty123456" is 2 pieces, "1234abcd5678" 3; a random 12-character password about 11).
bool is_keyboard_walk(std::string_view s) {
  if (s.empty()) return false;
  std::size_t pieces = 1;
  for (std::size_t i = 0; i + 1 < s.size(); ++i)
    if (!neighbours(s[i], s[i + 1])) ++pieces;
  return pieces * 4 <= s.size();
}

const std::unordered_set<std::string_view>& common_passwords() {
  static const auto k_set = [] {
    std::unordered_set<std::string_view> set;
    auto text = common_password_text();
    while (!text.empty()) {
      auto end = text.find('\n');
      auto line = text.substr(0, end);
      text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (!line.empty() && line.front() != '#') set.insert(line);
    }
    return set;
  }();
  return k_set;
}

}  // namespace

std::string password_rule_text() {
  return "A password has " + std::to_string(k_min_characters) +
         " characters or more and is not a common password, a keyboard pattern, a repeated piece "
         "or the account name.";
}

bool is_common_password(std::string_view word) {
  return common_passwords().contains(word);
}

std::optional<std::string> password_problem(std::string_view password,
                                            std::string_view account_name) {
  if (characters(password) < k_min_characters)
    return "a password has at least " + std::to_string(k_min_characters) + " characters";
  if (password.size() > k_max_bytes)
    return "a password has at most " + std::to_string(k_max_bytes) + " characters";
  auto low = lower(password);
  auto compact = without_spaces(low);
  if (compact.empty()) return std::string("this password is only spaces") + k_advice;
  auto unit = repeated_unit(compact);
  if (unit.size() == 1) return std::string("this password repeats one character") + k_advice;
  if (unit.size() < compact.size() && characters(unit) < k_min_characters)
    return std::string("this password repeats a short piece") + k_advice;
  if (is_keyboard_walk(compact))
    return std::string("this password is a walk along the keyboard or a run of letters or digits") +
           k_advice;

  // The name, and the password's stem: what is left without digits and symbols around it, read
  // as it is and as leetspeak (before and after the stripping, which read "1" differently).
  auto letters_only = [](char c) { return is_letter(c); };
  auto letters_or_leet = [](char c) { return is_letter(c) || c == '@' || c == '$'; };
  auto name = lower(account_name);
  auto name_stem = std::string(strip_ends(name, letters_only));
  auto stem = std::string(strip_ends(compact, letters_only));
  auto leet_stem = unleet(strip_ends(compact, letters_or_leet));
  auto plain_stem = unleet(stem);
  auto unleet_first = unleet(compact);
  auto unleet_stem = std::string(strip_ends(unleet_first, letters_only));
  if (!name_stem.empty()) {
    auto reversed = std::string(name_stem.rbegin(), name_stem.rend());
    for (const auto& s : {stem, plain_stem, leet_stem, unleet_stem}) {
      auto u = repeated_unit(s);
      if (u == name_stem || u == reversed)
        return std::string("this password is the account name with digits or symbols around it") +
               k_advice;
    }
  }

  if (is_common_password(low) || is_common_password(compact))
    return std::string("this password is on the list of common passwords") + k_advice;
  for (const auto& s : {stem, plain_stem, leet_stem, unleet_stem}) {
    if (s.empty()) continue;
    if (is_common_password(s) || is_common_password(repeated_unit(s)))
      return std::string(
                 "this password is a common password with digits, symbols or repetition added") +
             k_advice;
  }
  return std::nullopt;
}

}  // namespace cyberframe::core
