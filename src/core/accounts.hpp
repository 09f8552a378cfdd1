#pragma once
// Accounts, roles, sessions and API tokens. Plain values, no I/O.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cyberframe::core {

enum class Role { k_admin, k_editor, k_auditor, k_viewer };
std::string_view to_string(Role role);
std::optional<Role> parse_role(std::string_view text);

// A local account. The password is kept only as an argon2id hash (libsodium's crypto_pwhash_str).
// Names are unique without regard to case ("Alice" and "alice" are one account).
struct User {
  std::int64_t id = 0;
  std::string name;
  bool administrator = false;          // may manage users and every organization
  std::map<std::int64_t, Role> roles;  // organization id -> role
  std::int64_t version = 0;
  std::string created_at;
  std::string disabled_at;  // empty while the account is enabled
  bool disabled() const { return !disabled_at.empty(); }
};

// What an administrator does to an account from a signed-in session or token.
enum class AccountAction { k_disable, k_reset_password };

// Why the account `self` may not do `action` to the account `target`, as a sentence, or nullopt.
// Nobody disables the account they are signed in with (another administrator can), nor resets
// its password (they change it with the current one, which a stolen session does not know).
// The last enabled administrator is the store's rule (it counts them in the transaction).
std::optional<std::string> account_action_problem(const User& self, const User& target,
                                                  AccountAction action);

// A browser session. Only the SHA-256 of the cookie's secret is stored.
struct Session {
  std::string token_hash;
  std::int64_t user = 0;
  std::string user_name;
  std::string csrf;  // the token every state-changing request of the session carries
  std::string created_at;
  std::string expires_at;  // absolute end
  std::string last_seen_at;
};

// What an API token may do: read only (GET and what changes nothing), or read and write with the
// account's roles.
enum class TokenScope { k_read_only, k_read_write };
std::string_view to_string(TokenScope scope);
std::optional<TokenScope> parse_token_scope(std::string_view text);

// An API token for automation. Only the SHA-256 of the secret is stored; the secret is shown once.
// It ends at `expires_at` (at most a year after it was made), and acts with the account's roles,
// only reading when its scope is read-only, and only in `organization` when that is set.
struct ApiToken {
  std::int64_t id = 0;
  std::int64_t user = 0;
  std::string name;
  std::string created_at;
  std::string last_used_at;  // a day's resolution; empty when never used
  std::string expires_at;
  TokenScope scope = TokenScope::k_read_only;
  std::int64_t organization = 0;  // 0: every organization the account has a role in
};

// The longest and the default lifetime of an API token.
inline constexpr int k_token_max_days = 365;
inline constexpr int k_token_default_days = 90;

}  // namespace cyberframe::core
