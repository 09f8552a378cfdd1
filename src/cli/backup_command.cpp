// `cyberframe workspace backup DEST`: an online backup of the SQLite workspace, safe while
// `cyberframe serve` runs and writes (workspace/backup.hpp does it; this verb parses and prints).

#include <CLI/CLI.hpp>

#include <memory>
#include <ostream>
#include <string>

#include "cli/cli.hpp"
#include "cli/output.hpp"
#include "cli/workspace_context.hpp"
#include "workspace/backup.hpp"

namespace cyberframe::cli {

namespace {

int cmd_backup(const WorkspaceContext& ctx, const std::string& dest, Format format) {
  auto report = workspace::backup(location(ctx.options), dest);
  if (!report) return fail_with(ctx, report.error());
  if (format != Format::k_text) {
    print_structured(ctx.out, format,
                     nlohmann::json{{"workspace", report->workspace.string()},
                                    {"backup", report->file.string()},
                                    {"pages", report->pages},
                                    {"bytes", report->bytes},
                                    {"integrity", report->integrity},
                                    {"audit_key", report->audit_key.string()}});
    return k_exit_ok;
  }
  ctx.out << "backed up " << report->workspace.string() << " to " << report->file.string() << ": "
          << report->pages << " pages, " << report->bytes << " bytes, integrity "
          << report->integrity << '\n'
          << "the audit key " << report->audit_key.string()
          << " is not in the backup: keep it safe, apart from the backup (the backup's audit "
             "trail cannot be verified, nor a change recorded in it, without it)\n";
  return k_exit_ok;
}

}  // namespace

void add_backup_commands(CLI::App& app, const CatalogOptions& catalog_options,
                         const WorkspaceOptions& options, std::ostream& out, std::ostream& err,
                         int& status) {
  auto ctx =
      std::make_shared<WorkspaceContext>(WorkspaceContext{catalog_options, options, out, err});
  auto* group = app.add_subcommand("workspace", "The workspace as a whole: backups, copies");
  group->require_subcommand(1);
  auto* backup = group->add_subcommand(
      "backup",
      "Copy the workspace (SQLite) into a new file while it is in use: one consistent state, "
      "checked; never overwrites. The audit key is not in the copy: keep it apart");
  auto dest = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>();
  backup->add_option("DEST", *dest, "The new file (refused when it exists)")->required();
  backup->add_option("--format,-f", *format, "Output format: text, json, yaml")
      ->check(CLI::IsMember({"text", "json", "yaml"}))
      ->default_val("text");
  backup->callback([=, &status] {
    status = cmd_backup(*ctx, *dest, parse_format(*format).value_or(Format::k_text));
  });
}

}  // namespace cyberframe::cli
