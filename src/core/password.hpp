#pragma once
// The password rules, in one place for every front end: the store applies them whenever a
// password is set (an account added, a password changed), so the API, the CLI and the web UI
// refuse the same passwords with the same messages. Pure functions, no I/O.
//
// A password is acceptable when it has 12 to 1024 characters... and is not trivial: not only
// whitespace, not one character or a short piece repeated, not a walk along the keyboard or a run
// of letters or digits ("qwerty123456", "1q2w3e4r5t6y"), not the account name with digits or
// symbols around it, and not on the list of common passwords built into the binary
// (src/core/common_passwords.txt), also when decorated: "P@ssw0rd2026!" is "password" with
// leetspeak and digits and symbols added.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace cyberframe::core {

// The length rule: at least this many characters (UTF-8 characters, not bytes), at most this many
// bytes. Front ends show them (GET /api/v1/password-policy) instead of keeping their own copy.
inline constexpr std::size_t k_password_min_characters = 12;
inline constexpr std::size_t k_password_max_bytes = 1024;

// The whole rule as one sentence for the person choosing a password.
std::string password_rule_text();

// Why `password` may not be the password of the account `account_name`, as a sentence to show
// the person choosing it ("this password is on the list of common passwords; ..."), or nullopt
// when it is acceptable. Never repeats the password in the message.
std::optional<std::string> password_problem(std::string_view password,
                                            std::string_view account_name);

// Whether `word` (lower case) is an entry of the built-in list of common passwords.
bool is_common_password(std::string_view word);

// The text of the built-in list (embedded at build time by cmake/EmbedPasswords.cmake).
std::string_view common_password_text();

}  // namespace cyberframe::core
