#include "cli/workspace_context.hpp"

#include <cstdlib>

#include "cli/output.hpp"
#include "workspace/frameworks.hpp"

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

std::optional<catalog::LoadResult> workspace_catalog(const WorkspaceContext& ctx,
                                                     workspace::Workspace& store, int& status) {
  auto sources = catalog::read_sources(ctx.catalog_options.directory, ctx.catalog_options.files());
  // The catalog files first, on their own: their errors are the user's to fix before anything.
  if (auto files = catalog::load(sources); !files.ok()) {
    for (const auto& d : files.diagnostics)
      if (d.severity == catalog::Severity::k_error) ctx.err << d.to_string() << '\n';
    status = fail_with(ctx, "the catalog has errors");
    return std::nullopt;
  }
  auto loaded = workspace::load_catalog(store, sources);
  if (!loaded) {
    status = fail_with(ctx, loaded.error());
    return std::nullopt;
  }
  for (const auto& d : loaded->problems)
    ctx.err << "cyberframe: warning: a stored framework is left out: " << d.to_string() << '\n';
  return std::move(loaded->result);
}

}  // namespace cyberframe::cli
