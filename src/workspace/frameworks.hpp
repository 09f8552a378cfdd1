#pragma once
// Frameworks stored in the workspace (docs/frameworks.md): the catalog a process works with (its
// catalog files and the frameworks the workspace stores) and the use cases both front ends run to
// check, add, change and delete a stored framework.
//
// Rules (here once, for the API and the command line):
// - a stored framework's document is a catalog file holding one framework (kind: framework) that
//   loads on top of the process's catalog files and the other stored frameworks: its id is
//   unique in the catalog, its references name standards and clauses the catalog knows;
// - a new version keeps the framework's id and every node that profiles, snapshots, evidence,
//   comments or mapping sets hold (a node dropped under an assessment would lose it silently);
// - a framework is deleted only when no profile and no mapping set uses it, and no other stored
//   framework needs it (a derived one);
// - no change leaves another stored framework that loaded failing to load.
// Checks that fail are values (FrameworkSave::stored empty, the diagnostics in check); a rule
// that holds on to stored records is k_conflict; a stale version is k_conflict.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/conformance.hpp"
#include "catalog/loader.hpp"
#include "core/catalog.hpp"
#include "core/workspace_framework.hpp"
#include "oscal/document.hpp"
#include "util/result.hpp"
#include "workspace/workspace.hpp"

namespace cyberframe::workspace {

// The catalog of a workspace as one process sees it.
struct WorkspaceCatalog {
  catalog::LoadResult result;  // its catalog and every diagnostic
  std::int64_t revision = 0;   // Store::frameworks_revision, read before the frameworks
  // Stored frameworks that did not load (a rule of a newer cyberframe, a standard a catalog file
  // no longer gives, a framework of the same id in an --add-catalog file): what is wrong.
  std::vector<catalog::Diagnostic> problems;
};

// `base` (the process's catalog files, which load cleanly) with the frameworks the workspace
// stores on top.
Result<WorkspaceCatalog> load_catalog(Workspace& ws, const catalog::Sources& base);

// The name a stored framework's text has in diagnostics: "workspace:frameworks/ID".
std::string stored_path(std::string_view framework);

struct FrameworkCheck {
  catalog::FileCheck file;  // its diagnostics (loader and TS 27110) and conformance
  std::string text;         // the catalog file checked
  std::string canonical;    // the catalog writer's text of the framework, when it loaded
  std::optional<core::Framework> framework;  // the framework, when it loaded
  std::string title;
  std::size_t nodes = 0;
  std::size_t load_errors = 0;  // errors of the loader (file.errors adds TS 27110's findings)
  // It loads as one framework and may be stored: TS 27110 findings are reported, not refused
  // (a framework is built up over several saves; conformance says where it stands).
  bool ok() const { return file.loaded && !file.framework.empty() && load_errors == 0; }
};

// Checks a draft (catalog file text; `label` names it in diagnostics) against the catalog as the
// workspace has it, leaving out the stored framework `replacing` (a new version's check). Stores
// nothing.
Result<FrameworkCheck> check_framework(Workspace& ws, const catalog::Sources& base,
                                       std::string_view text, const std::string& label,
                                       const std::string& replacing = "");

// What a stored framework keeps: the text as given (a file someone wrote, comments and all), or
// the catalog writer's text of the framework it loads as (a document an editor built).
enum class Keep { k_text, k_canonical };

struct FrameworkSave {
  FrameworkCheck check;
  std::optional<core::WorkspaceFramework> stored;  // empty: the check found errors
};

Result<FrameworkSave> create_framework(Workspace& ws, const std::string& actor,
                                       const catalog::Sources& base, std::int64_t organization,
                                       std::string_view text, const std::string& label,
                                       core::FrameworkOrigin origin, Keep keep = Keep::k_text);
// A new version of `framework`; `expected_version` is the version the caller read. A text equal
// to the stored one stores nothing and returns the stored framework as it is.
Result<FrameworkSave> update_framework(Workspace& ws, const std::string& actor,
                                       const catalog::Sources& base, const std::string& framework,
                                       std::string_view text, const std::string& label,
                                       std::int64_t expected_version, Keep keep = Keep::k_text);
Result<void> delete_framework(Workspace& ws, const std::string& actor, const catalog::Sources& base,
                              const std::string& framework, std::int64_t expected_version);

// An OSCAL catalog as a new framework of the organization (oscal::import_catalog); `id` the
// framework id (empty: the one the document records, else made from its title).
Result<FrameworkSave> import_oscal_framework(Workspace& ws, const std::string& actor,
                                             const catalog::Sources& base,
                                             std::int64_t organization,
                                             const oscal::Document& document,
                                             const std::string& source, const std::string& id);

// Nodes of every level of a framework.
std::size_t count_nodes(const core::Framework& framework);

}  // namespace cyberframe::workspace
