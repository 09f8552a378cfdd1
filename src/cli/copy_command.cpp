// `cyberframe workspace copy FROM TO`: a whole workspace into a new database, SQLite or
// PostgreSQL either way (workspace/workspace_copy.hpp does it; this verb parses and prints).

#include <CLI/CLI.hpp>

#include <memory>
#include <ostream>
#include <string>

#include "cli/cli.hpp"
#include "cli/output.hpp"
#include "cli/workspace_context.hpp"
#include "workspace/workspace_copy.hpp"

namespace cyberframe::cli {

namespace {

struct CopyArguments {
  std::string from, to, to_audit_key, to_audit_anchor, format;
};

int cmd_copy(const WorkspaceContext& ctx, const CopyArguments& a) {
  workspace::Location from{a.from, ctx.options.audit_key, ctx.options.audit_anchor};
  workspace::Location to{a.to, a.to_audit_key, a.to_audit_anchor};
  auto report = workspace::copy(from, to);
  if (!report) return fail_with(ctx, report.error());
  auto format = parse_format(a.format).value_or(Format::k_text);
  if (format != Format::k_text) {
    print_structured(ctx.out, format,
                     nlohmann::json{{"from", report->from},
                                    {"to", report->to},
                                    {"rows", report->rows},
                                    {"tables", report->tables},
                                    {"audit_rows", report->audit_rows},
                                    {"audit_verified", report->verified},
                                    {"audit_key", report->audit_key.string()},
                                    {"audit_key_copied", report->key_copied},
                                    {"audit_anchor", report->audit_anchor.string()}});
    return k_exit_ok;
  }
  ctx.out << "copied " << report->rows << " rows of " << report->tables << " tables from "
          << report->from << " to " << report->to << " (audit trail: " << report->audit_rows
          << " rows, verified)\n"
          << "audit key " << report->audit_key.string()
          << (report->key_copied ? " (a copy of the source's key)"
                                 : " (the source's key, already there)")
          << " and anchor " << report->audit_anchor.string()
          << ": the copy needs this key; keep it safe, apart from the database\n";
  return k_exit_ok;
}

}  // namespace

void add_copy_commands(CLI::App& app, const CatalogOptions& catalog_options,
                       const WorkspaceOptions& options, std::ostream& out, std::ostream& err,
                       int& status) {
  auto ctx =
      std::make_shared<WorkspaceContext>(WorkspaceContext{catalog_options, options, out, err});
  // The `workspace` group, when another verb of it made it first.
  auto found = app.get_subcommands([](CLI::App* a) { return a->get_name() == "workspace"; });
  CLI::App* group =
      found.empty() ? app.add_subcommand("workspace", "The workspace as a whole") : found.front();
  group->require_subcommand(1);
  auto* copy = group->add_subcommand(
      "copy",
      "Copy the whole workspace FROM into the new, empty TO: SQLite or PostgreSQL either way, "
      "every record with its id and the audit trail as it is; TO gets FROM's audit key");
  auto args = std::make_shared<CopyArguments>();
  copy->add_option("FROM", args->from,
                   "The workspace to copy: a path, sqlite:PATH or postgresql://... (its key and "
                   "anchor: --audit-key, --audit-anchor, else beside it)")
      ->required();
  copy->add_option("TO", args->to,
                   "Where to: a new SQLite file, or a PostgreSQL database without a workspace")
      ->required();
  copy->add_option("--to-audit-key", args->to_audit_key,
                   "TO's audit key file (default: beside TO); FROM's key is copied there");
  copy->add_option("--to-audit-anchor", args->to_audit_anchor,
                   "TO's audit anchor file (default: beside TO)");
  copy->add_option("--format,-f", args->format, "Output format: text, json, yaml")
      ->check(CLI::IsMember({"text", "json", "yaml"}))
      ->default_val("text");
  copy->callback([=, &status] { status = cmd_copy(*ctx, *args); });
}

}  // namespace cyberframe::cli
