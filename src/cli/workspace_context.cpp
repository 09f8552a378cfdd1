#include "cli/workspace_context.hpp"

#include <cstdlib>

#include "cli/output.hpp"

namespace cyberframe::cli {

int fail_with(const WorkspaceContext& ctx, const util::Error& e) {
  ctx.err << "cyberframe: error: " << e.message << '\n';
  return e.code == util::ErrorCode::k_io ? k_exit_environment : k_exit_bad_input;
}

int fail_with(const WorkspaceContext& ctx, const std::string& message) {
  ctx.err << "cyberframe: error: " << message << '\n';
  return k_exit_bad_input;
}

workspace::Location location(const WorkspaceOptions& options) {
  return workspace::Location{options.db, options.audit_key, options.audit_anchor};
}

std::string actor(const WorkspaceContext& ctx) {
  if (!ctx.options.actor.empty()) return ctx.options.actor;
  const char* user = std::getenv("USER");
  return user && *user ? user : "cli";
}

std::unique_ptr<workspace::Workspace> open_store(const WorkspaceContext& ctx, int& status,
                                                 workspace::OpenMode mode) {
  auto s = workspace::open(location(ctx.options), mode);
  if (!s) {
    status = fail_with(ctx, s.error());
    return nullptr;
  }
  return std::move(*s);
}

}  // namespace cyberframe::cli
