// `cyberframe framework ...`: the frameworks a workspace stores (docs/frameworks.md), beside the
// catalog files. The rules are workspace/frameworks.hpp's: the same as the API's.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

#include "catalog/writer.hpp"
#include "cli/cli.hpp"
#include "cli/output.hpp"
#include "cli/workspace_context.hpp"
#include "codec/json.hpp"
#include "oscal/document.hpp"
#include "workspace/frameworks.hpp"

namespace cyberframe::cli {

namespace {

using nlohmann::json;
using Ctx = WorkspaceContext;

struct Args {
  std::string id, file, org, search, output, format = "text", replacing;
  std::optional<std::int64_t> expect_version, version;
};

// The catalog files, read once for the workspace's use cases.
catalog::Sources sources(const Ctx& ctx) {
  return catalog::read_sources(ctx.catalog_options.directory, ctx.catalog_options.files());
}

std::optional<std::string> read_text(const Ctx& ctx, const std::string& file, int& status) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) {
    status = fail_with(ctx, file + ": no such file");
    return std::nullopt;
  }
  if (std::filesystem::file_size(file, ec) > catalog::k_max_file_bytes) {
    status = fail_with(ctx, file + ": larger than a catalog file may be (16 MiB)");
    return std::nullopt;
  }
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in && !in.eof()) {
    status = fail_with(ctx, util::Error{util::ErrorCode::k_io, file + ": cannot be read"});
    return std::nullopt;
  }
  return std::move(text).str();
}

// The check's diagnostics, then what stopped the save (nothing stored) or what it found.
void print_check(const Ctx& ctx, const workspace::FrameworkCheck& check) {
  for (const auto& d : check.file.diagnostics) ctx.err << d.to_string() << '\n';
  if (!check.file.conformance) return;
  const auto& c = *check.file.conformance;
  ctx.err << check.file.framework << ": " << c.functions << " functions, " << c.categories
          << " categories, " << c.subcategories << " subcategories, " << c.statements
          << " statements; TS 27110 "
          << (!c.applicable    ? "not applicable (conformance: none)"
              : c.conformant() ? "conformant"
                               : "NOT conformant")
          << '\n';
}

// `unchanged_from`: the version an update started from (a save that stays there changed nothing).
int saved(const Ctx& ctx, const util::Result<workspace::FrameworkSave>& save,
          const std::string& what, std::optional<std::int64_t> unchanged_from = std::nullopt) {
  if (!save) return fail_with(ctx, save.error());
  print_check(ctx, save->check);
  if (!save->stored)
    return fail_with(ctx, what + ": the framework does not load (" +
                              std::to_string(save->check.load_errors) + " error" +
                              (save->check.load_errors == 1 ? "" : "s") + "); nothing stored");
  const auto& f = *save->stored;
  if (unchanged_from && *unchanged_from == f.version) {
    ctx.out << "framework " << f.framework << " unchanged: version " << f.version
            << " holds this text already\n";
    return k_exit_ok;
  }
  ctx.out << "framework " << f.framework << " version " << f.version << " stored for organization "
          << f.organization << ": " << f.nodes << " nodes\n";
  return k_exit_ok;
}

int cmd_add(const Ctx& ctx, const Args& a) {
  int status = 0;
  auto text = read_text(ctx, a.file, status);
  if (!text) return status;
  auto st = open_store(ctx, status);
  if (!st) return status;
  auto org = st->organization(a.org);
  if (!org) return fail_with(ctx, org.error());
  return saved(ctx,
               workspace::create_framework(*st, actor(ctx), sources(ctx), org->id, *text, a.file,
                                           core::FrameworkOrigin::k_authored),
               a.file);
}

int cmd_import_oscal(const Ctx& ctx, const Args& a) {
  int status = 0;
  auto document = oscal::read_file(a.file);
  if (!document) return fail_with(ctx, document.error());
  if (document->model != "catalog")
    return fail_with(ctx, a.file + " is " + document->model +
                              ", not an OSCAL catalog: a framework is imported from a catalog");
  auto st = open_store(ctx, status);
  if (!st) return status;
  auto org = st->organization(a.org);
  if (!org) return fail_with(ctx, org.error());
  return saved(ctx,
               workspace::import_oscal_framework(*st, actor(ctx), sources(ctx), org->id, *document,
                                                 a.file, a.id),
               a.file);
}

int cmd_update(const Ctx& ctx, const Args& a) {
  int status = 0;
  auto text = read_text(ctx, a.file, status);
  if (!text) return status;
  auto st = open_store(ctx, status);
  if (!st) return status;
  auto current = st->stored_framework(a.id);
  if (!current) return fail_with(ctx, current.error());
  const auto from = a.expect_version.value_or(current->version);
  return saved(
      ctx, workspace::update_framework(*st, actor(ctx), sources(ctx), a.id, *text, a.file, from),
      a.file, from);
}

int cmd_delete(const Ctx& ctx, const Args& a) {
  int status = 0;
  auto st = open_store(ctx, status);
  if (!st) return status;
  auto current = st->stored_framework(a.id);
  if (!current) return fail_with(ctx, current.error());
  if (auto d = workspace::delete_framework(*st, actor(ctx), sources(ctx), a.id,
                                           a.expect_version.value_or(current->version));
      !d)
    return fail_with(ctx, d.error());
  ctx.out << "framework " << a.id << " deleted with its " << current->version << " version"
          << (current->version == 1 ? "" : "s") << '\n';
  return k_exit_ok;
}

int cmd_check(const Ctx& ctx, const Args& a) {
  int status = 0;
  auto text = read_text(ctx, a.file, status);
  if (!text) return status;
  auto st = open_store(ctx, status);
  if (!st) return status;
  auto checked = workspace::check_framework(*st, sources(ctx), *text, a.file, a.replacing);
  if (!checked) return fail_with(ctx, checked.error());
  auto format = parse_format(a.format).value_or(Format::k_text);
  if (format != Format::k_text) {
    json diags = json::array();
    for (const auto& d : checked->file.diagnostics) diags.push_back(catalog::diagnostic_to_json(d));
    print_structured(ctx.out, format,
                     json{{"file", a.file},
                          {"ok", checked->ok()},
                          {"framework", checked->file.framework},
                          {"nodes", checked->nodes},
                          {"diagnostics", diags},
                          {"ts_27110", checked->file.conformance
                                           ? catalog::conformance_to_json(
                                                 *checked->file.conformance, checked->file.loaded)
                                           : json()}});
  } else {
    for (const auto& d : checked->file.diagnostics) ctx.out << d.to_string() << '\n';
    ctx.out << a.file << ": "
            << (checked->ok() ? "can be stored as framework " + checked->file.framework
                              : std::string("does not load"))
            << '\n';
  }
  if (!checked->ok()) return k_exit_problems;
  const auto& c = checked->file.conformance;
  return c && c->applicable && !c->conformant() ? k_exit_problems : k_exit_ok;
}

int cmd_list(const Ctx& ctx, const Args& a) {
  int status = 0;
  auto st = open_store(ctx, status);
  if (!st) return status;
  core::FrameworkQuery q;
  if (!a.org.empty()) {
    auto org = st->organization(a.org);
    if (!org) return fail_with(ctx, org.error());
    q.organization = org->id;
  }
  q.text = a.search;
  q.slice = util::Slice::all();
  auto list = st->stored_frameworks(q);
  if (!list) return fail_with(ctx, list.error());
  Table t({"ID", "ORGANIZATION", "ORIGIN", "VERSION", "NODES", "UPDATED", "BY", "TITLE"});
  json items = json::array();
  for (const auto& f : list->items) {
    t.add({f.framework, std::to_string(f.organization), std::string(core::to_string(f.origin)),
           std::to_string(f.version), std::to_string(f.nodes), f.updated_at, f.updated_by,
           f.title});
    items.push_back(codec::to_json(f));
  }
  auto format = parse_format(a.format).value_or(Format::k_text);
  if (format == Format::k_text) {
    ctx.out << "Frameworks stored in the workspace (" << t.size() << ")\n";
    if (t.size() > 0) t.print(ctx.out, "  ");
    return k_exit_ok;
  }
  print_data(ctx.out, format, t, items);
  return k_exit_ok;
}

int cmd_versions(const Ctx& ctx, const Args& a) {
  int status = 0;
  auto st = open_store(ctx, status);
  if (!st) return status;
  auto list = st->framework_versions(a.id);
  if (!list) return fail_with(ctx, list.error());
  Table t({"VERSION", "NODES", "SAVED", "BY", "SHA-256"});
  json items = json::array();
  for (const auto& v : *list) {
    t.add(
        {std::to_string(v.version), std::to_string(v.nodes), v.created_at, v.created_by, v.sha256});
    items.push_back(codec::to_json(v));
  }
  auto format = parse_format(a.format).value_or(Format::k_text);
  if (format == Format::k_text) {
    ctx.out << "Versions of " << a.id << " (" << t.size() << ", newest first)\n";
    t.print(ctx.out, "  ");
    return k_exit_ok;
  }
  print_data(ctx.out, format, t, json{{"framework", a.id}, {"items", items}});
  return k_exit_ok;
}

int cmd_export(const Ctx& ctx, const Args& a) {
  int status = 0;
  auto st = open_store(ctx, status);
  if (!st) return status;
  std::string text;
  if (a.version) {
    auto v = st->framework_version(a.id, *a.version);
    if (!v) return fail_with(ctx, v.error());
    text = v->content;
  } else {
    auto f = st->stored_framework(a.id);
    if (!f) return fail_with(ctx, f.error());
    text = f->content;
  }
  return write_output(ctx.out, ctx.err, a.output, text);
}

}  // namespace

void add_framework_commands(CLI::App& app, const CatalogOptions& catalog_options,
                            const WorkspaceOptions& options, std::ostream& out, std::ostream& err,
                            int& status) {
  auto ctx = std::make_shared<Ctx>(Ctx{catalog_options, options, out, err});
  auto* group = app.add_subcommand(
      "framework",
      "Frameworks the workspace stores: an organization's own, or imported from OSCAL");
  group->require_subcommand(1);
  auto verb = [&](const char* name, const char* help, auto&& with, auto run) {
    auto a = std::make_shared<Args>();
    auto* c = group->add_subcommand(name, help);
    with(c, *a);
    c->callback([=, &status] { status = run(*ctx, *a); });
  };
  auto format = [](CLI::App* c, Args& a) {
    c->add_option("--format,-f", a.format, "text, json, yaml or csv")
        ->check(CLI::IsMember({"text", "json", "yaml", "csv"}));
  };
  verb(
      "add", "Store a catalog file (kind: framework) as the organization's framework",
      [&](CLI::App* c, Args& a) {
        c->add_option("FILE", a.file, "The catalog file (YAML)")->required();
        c->add_option("--org", a.org, "Organization name or id")->required();
      },
      cmd_add);
  verb(
      "import-oscal", "Store an OSCAL catalog (JSON, XML or YAML) as the organization's framework",
      [&](CLI::App* c, Args& a) {
        c->add_option("FILE", a.file, "The OSCAL catalog")->required();
        c->add_option("--org", a.org, "Organization name or id")->required();
        c->add_option("--id", a.id,
                      "The framework id (default: the one it records, else from its title)");
      },
      cmd_import_oscal);
  verb(
      "update", "Store a new version of a framework from a catalog file",
      [&](CLI::App* c, Args& a) {
        c->add_option("ID", a.id, "The framework's id")->required();
        c->add_option("FILE", a.file, "The catalog file (YAML) of the new version")->required();
        c->add_option("--expect-version", a.expect_version,
                      "Refuse unless the framework is still at this version");
      },
      cmd_update);
  verb(
      "delete", "Delete a framework with every version (refused while it is in use)",
      [&](CLI::App* c, Args& a) {
        c->add_option("ID", a.id, "The framework's id")->required();
        c->add_option("--expect-version", a.expect_version,
                      "Refuse unless the framework is still at this version");
      },
      cmd_delete);
  verb(
      "check",
      "Check a catalog file as it would be stored (exit 1 when it does not load or is "
      "not TS 27110 conformant); stores nothing",
      [&](CLI::App* c, Args& a) {
        c->add_option("FILE", a.file, "The catalog file (YAML)")->required();
        c->add_option("--replacing", a.replacing,
                      "The stored framework it would be a new version of");
        c->add_option("--format,-f", a.format, "text, json or yaml")
            ->check(CLI::IsMember({"text", "json", "yaml"}));
      },
      cmd_check);
  verb(
      "list", "List the stored frameworks",
      [&](CLI::App* c, Args& a) {
        c->add_option("--org", a.org, "Only this organization's (name or id)");
        c->add_option("--search", a.search, "A part of the id or the title");
        format(c, a);
      },
      cmd_list);
  verb(
      "versions", "Every version of a stored framework, newest first",
      [&](CLI::App* c, Args& a) {
        c->add_option("ID", a.id, "The framework's id")->required();
        format(c, a);
      },
      cmd_versions);
  verb(
      "export", "Write a stored framework's catalog file (loads with --add-catalog)",
      [&](CLI::App* c, Args& a) {
        c->add_option("ID", a.id, "The framework's id")->required();
        c->add_option("--version", a.version, "An earlier version (default: the newest)");
        c->add_option("-o,--output", a.output, "File to write (default: standard output)");
      },
      cmd_export);
}

}  // namespace cyberframe::cli
