#pragma once
// What the verbs on the workspace and the catalog share: the options, the streams, the rule for
// errors (the message on standard error; exit 3 for I/O, else 2) and who a change is recorded as.

#include <memory>
#include <optional>
#include <ostream>
#include <string>

#include "catalog/loader.hpp"
#include "cli/cli.hpp"
#include "util/result.hpp"
#include "workspace/workspace.hpp"

namespace cyberframe::cli {

struct WorkspaceContext {
  const CatalogOptions& catalog_options;
  const WorkspaceOptions& options;
  std::ostream& out;
  std::ostream& err;
};

// Prints "cyberframe: error: MESSAGE"; k_exit_environment for k_io, else k_exit_bad_input.
int fail_with(const WorkspaceContext& ctx, const util::Error& e);
// Prints "cyberframe: error: MESSAGE"; k_exit_bad_input.
int fail_with(const WorkspaceContext& ctx, const std::string& message);

// Where the workspace is (--db), with its audit key and anchor (the options, else beside it).
workspace::Location location(const WorkspaceOptions& options);

// Who a change is recorded as: --as, else $USER, else "cli".
std::string actor(const WorkspaceContext& ctx);

// The one place the CLI opens the workspace (--db / CYBERFRAME_DB): an existing one, unless
// `mode` is k_create (init only). On failure prints the error
// and sets `status` (2 for a missing workspace, with the init hint; 3 for I/O).
std::unique_ptr<workspace::Workspace> open_store(
    const WorkspaceContext& ctx, int& status,
    workspace::OpenMode mode = workspace::OpenMode::k_existing);

// The catalog a verb on `store` works with: the catalog files (--catalog, --add-catalog) and the
// frameworks the workspace stores (workspace::load_catalog). Catalog files with errors stop it
// (printed, `status` set); a stored framework that does not load is a warning on standard error.
std::optional<catalog::LoadResult> workspace_catalog(const WorkspaceContext& ctx,
                                                     workspace::Workspace& store, int& status);

}  // namespace cyberframe::cli
