#pragma once
// The command-line verbs. run() is the whole program: main() only calls it, and tests call it
// with their own streams.

#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace cyberframe::cli {

// Parses argv, runs the verb, prints to `out` / `err`, and returns the exit status.
int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

// Options every verb that reads the catalog shares.
struct CatalogOptions {
  std::string directory;  // --catalog DIR: load this directory instead of the built-in catalog
  // --add-catalog PATH (repeatable): catalog files, or directories of them, loaded on top.
  std::vector<std::string> added;
  // The files of `added` (a directory gives its *.yaml files, recursively, in name order), plus
  // `more`.
  std::vector<std::filesystem::path> files(std::vector<std::filesystem::path> more = {}) const;
};

// Options of the verbs that use the workspace database.
struct WorkspaceOptions {
  std::string db = "cyberframe.db";  // --db PATH or CYBERFRAME_DB
  std::string actor;                 // --as NAME: recorded as who made a change (default $USER)
  // The audit trail's key and anchor files (--audit-key, CYBERFRAME_AUDIT_KEY_FILE; --audit-anchor,
  // CYBERFRAME_AUDIT_ANCHOR_FILE); empty: beside the workspace (DB.audit-key, DB.audit-anchor).
  std::string audit_key;
  std::string audit_anchor;
};

// Registers init, org, profile, assessment, gap, roadmap, report and demo on `app`.
void add_workspace_commands(CLI::App& app, const CatalogOptions& catalog_options,
                            const WorkspaceOptions& options, std::ostream& out, std::ostream& err,
                            int& status);

// Registers `workspace backup` on `app` (backup_command.cpp).
void add_backup_commands(CLI::App& app, const CatalogOptions& catalog_options,
                         const WorkspaceOptions& options, std::ostream& out, std::ostream& err,
                         int& status);

// Registers `workspace copy` on `app` (copy_command.cpp), in the `workspace` group (after
// add_backup_commands, which makes the group).
void add_copy_commands(CLI::App& app, const CatalogOptions& catalog_options,
                       const WorkspaceOptions& options, std::ostream& out, std::ostream& err,
                       int& status);

// Registers `framework ...` (framework_commands.cpp): the frameworks the workspace stores.
void add_framework_commands(CLI::App& app, const CatalogOptions& catalog_options,
                            const WorkspaceOptions& options, std::ostream& out, std::ostream& err,
                            int& status);

// Registers `risk ...`, `asset ...`, `control ...` and `soa ...` (risk_commands.cpp): risk
// management and the Statement of Applicability.
void add_risk_commands(CLI::App& app, const CatalogOptions& catalog_options,
                       const WorkspaceOptions& options, std::ostream& out, std::ostream& err,
                       int& status);

// Registers `isms ...` (isms_commands.cpp): the ISMS registers.
void add_isms_commands(CLI::App& app, const CatalogOptions& catalog_options,
                       const WorkspaceOptions& options, std::ostream& out, std::ostream& err,
                       int& status);
// Registers `review ...` (review_commands.cpp): the management review.
void add_review_commands(CLI::App& app, const CatalogOptions& catalog_options,
                         const WorkspaceOptions& options, std::ostream& out, std::ostream& err,
                         int& status);
// Registers `measurement ...` (measurement_commands.cpp): the ISMS's measurement values.
void add_measurement_commands(CLI::App& app, const CatalogOptions& catalog_options,
                              const WorkspaceOptions& options, std::ostream& out, std::ostream& err,
                              int& status);
// Registers `person ...`, `calendar ...` and `reminders ...` (people_commands.cpp): people, their
// calendar feed and the e-mail reminders.
void add_people_commands(CLI::App& app, const CatalogOptions& catalog_options,
                         const WorkspaceOptions& options, std::ostream& out, std::ostream& err,
                         int& status);
// Registers `document ...` and `org settings` (document_commands.cpp): documented information.
void add_document_commands(CLI::App& app, const CatalogOptions& catalog_options,
                           const WorkspaceOptions& options, std::ostream& out, std::ostream& err,
                           int& status);

// Registers `catalog ...` on `app`; the chosen verb stores its exit status in `status`.
void add_catalog_commands(CLI::App& app, const CatalogOptions& options, std::ostream& out,
                          std::ostream& err, int& status);

// Registers `crosswalk ...` and `mapping ...` (crosswalk_commands.cpp).
void add_crosswalk_commands(CLI::App& app, const CatalogOptions& catalog_options,
                            const WorkspaceOptions& options, std::ostream& out, std::ostream& err,
                            int& status);

// `oscal ...`: the parent is made in cli.cpp; each file registers its own verbs on it.
// oscal validate, oscal convert (oscal_document_commands.cpp)
void add_oscal_document_commands(CLI::App& oscal, std::ostream& out, std::ostream& err,
                                 int& status);
// oscal resolve (oscal_resolve_command.cpp)
void add_oscal_resolve_command(CLI::App& oscal, std::ostream& out, std::ostream& err, int& status);
// oscal export / import of catalogs, mapping collections, assessment results and POA&Ms
// (oscal_exchange_commands.cpp)
void add_oscal_exchange_commands(CLI::App& oscal, const CatalogOptions& catalog_options,
                                 const WorkspaceOptions& options, std::ostream& out,
                                 std::ostream& err, int& status);

}  // namespace cyberframe::cli
