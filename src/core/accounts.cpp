#include "core/accounts.hpp"

namespace cyberframe::core {

std::string_view to_string(Role role) {
  switch (role) {
    case Role::k_admin:
      return "admin";
    case Role::k_editor:
      return "editor";
    case Role::k_auditor:
      return "auditor";
    case Role::k_viewer:
      return "viewer";
  }
  return "?";
}

std::optional<Role> parse_role(std::string_view text) {
  for (auto r : {Role::k_admin, Role::k_editor, Role::k_auditor, Role::k_viewer}) {
    if (to_string(r) == text) return r;
  }
  return std::nullopt;
}

std::string_view to_string(TokenScope scope) {
  return scope == TokenScope::k_read_only ? "read-only" : "read-write";
}

std::optional<TokenScope> parse_token_scope(std::string_view text) {
  if (text == "read-only") return TokenScope::k_read_only;
  if (text == "read-write") return TokenScope::k_read_write;
  return std::nullopt;
}

std::optional<std::string> account_action_problem(const User& self, const User& target,
                                                  AccountAction action) {
  if (self.id != target.id) return std::nullopt;
  if (action == AccountAction::k_disable)
    return "you cannot disable the account you are signed in with; another administrator can";
  return "you cannot reset your own password; change it with your current one (POST "
         "/api/v1/session/password, or Password and API tokens in the web UI's account menu)";
}

}  // namespace cyberframe::core
