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

}  // namespace cyberframe::core
