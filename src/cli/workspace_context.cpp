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

store::AuditFiles audit_files(const WorkspaceOptions& options) {
  return store::AuditFiles{options.audit_key, options.audit_anchor}.resolved(
      store::workspace_file(options.db));
}

std::string actor(const WorkspaceContext& ctx) {
  if (!ctx.options.actor.empty()) return ctx.options.actor;
  const char* user = std::getenv("USER");
  return user && *user ? user : "cli";
}

std::unique_ptr<store::Store> open_store(const WorkspaceContext& ctx, int& status,
                                         store::OpenMode mode) {
  auto s = store::open_workspace(ctx.options.db, mode, audit_files(ctx.options));
  if (!s) {
    status = fail_with(ctx, s.error());
    return nullptr;
  }
  (*s)->set_actor(actor(ctx));
  return std::move(*s);
}

}  // namespace cyberframe::cli
