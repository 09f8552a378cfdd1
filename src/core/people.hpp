#pragma once
// People: an account (core/accounts.hpp) with an e-mail address and the names it is known by in
// the registers' owner, responsible and person fields ("CISO", "Plant manager, Leeds"). What is
// due for a person is what names them. Plain values, no I/O.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/isms_due.hpp"
#include "util/result.hpp"

namespace cyberframe::core {

struct Person {
  std::int64_t user = 0;
  std::string name;  // the account's name
  std::string email;
  std::vector<std::string> aliases;  // the names it is known by, in the order given
  bool disabled = false;
  bool calendar = false;       // a calendar feed token is held
  std::string calendar_since;  // when it was made or rotated
  std::int64_t version = 0;    // 0: nothing stored for the account yet
};

// An address of the form local@domain: one line, at most 254 bytes, no blanks, one '@' with
// something on either side and a '.' in the domain. k_invalid_input naming the problem.
util::Result<void> check_email(std::string_view email);
// At most 20 aliases, each one line of visible text of 1-200 bytes, none twice (without regard
// to case). k_invalid_input naming the alias.
util::Result<void> check_aliases(const std::vector<std::string>& aliases);

// The names that stand for the person in an owner field: the account name, the aliases and the
// e-mail address.
std::vector<std::string> names_of(const Person& person);
// Whether a field's text names the person: the text, or one of its parts separated by ';', is
// one of names_of(person), compared trimmed and without regard to case.
bool names_person(std::string_view text, const Person& person);
// Whether a due item is the person's: its owner or one of its people names them.
bool concerns(const DueItem& item, const Person& person);

}  // namespace cyberframe::core
