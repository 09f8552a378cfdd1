// `cyberframe oscal export ...` and `cyberframe oscal import ...`: frameworks as OSCAL catalogs,
// mapping sets as OSCAL mapping collections, assessments as OSCAL assessment results and the
// roadmap as an OSCAL POA&M (docs/oscal-exchange.md).
//
// Exports are read-only: they read the catalog or the workspace and write one file (or standard
// output). Imports write catalog files, never the workspace, and only once what they would write
// has been loaded and validated by the catalog loader: a bad input changes nothing.

#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <ostream>
#include <sstream>

#include "catalog/loader.hpp"
#include "catalog/writer.hpp"
#include "cli/cli.hpp"
#include "cli/oscal_output.hpp"
#include "cli/output.hpp"
#include "cli/workspace_context.hpp"
#include "oscal/assessment_exchange.hpp"
#include "oscal/catalog_exchange.hpp"
#include "oscal/document.hpp"
#include "oscal/mapping_exchange.hpp"
#include "util/text.hpp"
#include "workspace/oscal_inputs.hpp"
#include "workspace/workspace.hpp"

namespace cyberframe::cli {

namespace {

namespace fs = std::filesystem;

using Ctx = WorkspaceContext;

int error(const Ctx& ctx, const std::string& message, int status = k_exit_bad_input) {
  ctx.err << "cyberframe: error: " << message << '\n';
  return status;
}

int error(const Ctx& ctx, const util::Error& e) {
  return error(ctx, e.message, util::exit_code_for(e.code));
}

std::optional<catalog::LoadResult> load_catalog(const Ctx& ctx, int& status) {
  auto result = catalog::load(ctx.catalog_options.directory, ctx.catalog_options.files());
  if (!result.ok()) {
    for (const auto& d : result.diagnostics) ctx.err << d.to_string() << '\n';
    status = error(ctx, "the catalog has errors");
    return std::nullopt;
  }
  return result;
}

// The output format: --to, else the extension of -o, else JSON.
std::optional<oscal::Format> output_format(const Ctx& ctx, const std::string& to,
                                           const std::string& output, int& status) {
  auto format = oscal_output_format(to, output);
  if (!format) {
    status = error(ctx, format.error());
    return std::nullopt;
  }
  return format->value_or(oscal::Format::k_json);
}

// Writes an exported document; the message goes to standard error when the document itself goes
// to standard output.
int emit(const Ctx& ctx, oscal::Json root, const std::string& model, oscal::Format format,
         const std::string& output, const std::string& what) {
  oscal::Document document;
  document.model = model;
  document.root = std::move(root);
  document.format = format;
  document.source = output.empty() ? "-" : output;
  if (auto status = write_output(ctx.out, ctx.err, output, oscal::write(document, format));
      status != k_exit_ok || is_standard_output(output))
    return status;
  ctx.out << "wrote " << what << " to " << output << " (OSCAL " << oscal::k_export_oscal_version
          << ", " << oscal::to_string(format) << ")\n";
  return k_exit_ok;
}

// Whether -o names a directory: an existing one, or a path ending in '/' or without extension.
bool names_directory(const std::string& output) {
  return !is_standard_output(output) &&
         (fs::is_directory(output) || output.back() == '/' || !fs::path(output).has_extension());
}

util::Result<oscal::Document> read_document(const std::string& file) {
  std::error_code e;
  if (!fs::is_regular_file(file, e))
    return util::fail(util::ErrorCode::k_invalid_input, file + ": no such file");
  return oscal::read_file(file);
}

// Loads catalog files as text on top of the catalog the options name, --add-catalog files included
// (or alone); returns the diagnostics of `texts` (errors only), so nothing is written that would
// not load. An added file that one of `texts` is to replace is left out.
std::vector<std::string> check_loads(const Ctx& ctx,
                                     const std::vector<std::pair<std::string, std::string>>& texts,
                                     bool alone) {
  catalog::Loader loader;
  if (!alone) {
    auto added = ctx.catalog_options.files();
    std::erase_if(added, [&](const fs::path& f) {
      std::error_code e;
      return std::ranges::any_of(texts,
                                 [&](const auto& t) { return fs::equivalent(f, t.first, e); });
    });
    catalog::add_catalog(loader, ctx.catalog_options.directory, added);
  }
  for (const auto& [name, text] : texts) loader.add_text(name, text, !alone);
  auto result = loader.finish();
  std::vector<std::string> problems;
  for (const auto& d : result.diagnostics) {
    if (d.severity != catalog::Severity::k_error) continue;
    for (const auto& [name, text] : texts) {
      if (d.location.file == name) {
        problems.push_back(d.to_string());
        break;
      }
    }
  }
  return problems;
}

// --- catalogs -------------------------------------------------------------------------------

// Exports one item of the catalog as `model`: `make` gives the document's root from the loaded
// catalog, or the error to print.
int export_from_catalog(
    const Ctx& ctx, const std::string& to, const std::string& output, const std::string& model,
    const std::string& what,
    const std::function<util::Result<oscal::Json>(const core::Catalog&)>& make) {
  int status = k_exit_ok;
  auto format = output_format(ctx, to, output, status);
  if (!format) return status;
  auto loaded = load_catalog(ctx, status);
  if (!loaded) return status;
  auto root = make(loaded->catalog);
  if (!root) return error(ctx, root.error());
  return emit(ctx, std::move(*root), model, *format, output, what);
}

int export_catalog(const Ctx& ctx, const std::string& id, const std::string& to,
                   const std::string& output) {
  return export_from_catalog(
      ctx, to, output, "catalog", "the OSCAL catalog of " + id,
      [&](const core::Catalog& catalog) -> util::Result<oscal::Json> {
        const auto* fw = catalog.framework(id);
        if (fw == nullptr)
          return util::fail(util::ErrorCode::k_invalid_input,
                            "no framework '" + id +
                                "' in the catalog (cyberframe catalog list --kind framework)");
        return oscal::export_catalog(catalog, *fw);
      });
}

int import_catalog(const Ctx& ctx, const std::string& file, const std::string& id,
                   const std::string& output) {
  int status = k_exit_ok;
  auto document = read_document(file);
  if (!document) return error(ctx, document.error());
  auto loaded = load_catalog(ctx, status);
  if (!loaded) return status;
  auto imported = oscal::import_catalog(*document, loaded->catalog, {id, file});
  if (!imported) return error(ctx, imported.error());
  const auto& fw = imported->framework;
  std::string yaml = catalog::framework_to_yaml(fw);

  const bool to_directory = names_directory(output);
  std::vector<std::pair<std::string, std::string>> files;  // path -> text
  if (to_directory) {
    fs::path dir(output);
    files.emplace_back((dir / "frameworks" / (fw.id + ".yaml")).string(), yaml);
    for (const auto& s : oscal::standards_needed(fw, loaded->catalog, imported->new_standards)) {
      files.emplace_back((dir / "standards" / (s.id + ".yaml")).string(),
                         catalog::standard_to_yaml(s));
    }
  } else {
    std::string target = is_standard_output(output) ? "<stdout>" : output;
    files.emplace_back(target, yaml);
    fs::path dir = fs::path(target).parent_path();
    for (const auto& s : imported->new_standards)
      files.emplace_back((dir / (s.id + ".yaml")).string(), catalog::standard_to_yaml(s));
  }
  auto problems = check_loads(ctx, files, to_directory);
  if (!problems.empty()) {
    for (const auto& p : problems) ctx.err << p << '\n';
    return error(ctx, file + ": the framework made from it does not load; nothing written");
  }

  std::ostream& report = is_standard_output(output) ? ctx.err : ctx.out;
  if (is_standard_output(output)) {
    ctx.out << yaml;
  } else {
    for (const auto& [path, text] : files) {
      std::error_code e;
      fs::create_directories(
          fs::path(path).parent_path().empty() ? fs::path(".") : fs::path(path).parent_path(), e);
      std::string problem;
      if (e) return error(ctx, "cannot write " + path, k_exit_environment);
      if (!write_atomically(path, text, problem)) return error(ctx, problem, k_exit_environment);
    }
  }
  std::size_t counts[4] = {0, 0, 0, 0};
  std::function<void(const core::Node&)> count = [&](const core::Node& n) {
    ++counts[static_cast<int>(n.level)];
    for (const auto& c : n.children) count(c);
  };
  for (const auto& n : fw.nodes) count(n);
  report << "imported " << file << " (OSCAL " << imported->oscal_version << ") as framework "
         << fw.id << ": " << counts[0] << " functions, " << counts[1] << " categories, "
         << counts[2] << " subcategories, " << counts[3] << " statements; " << imported->controls
         << " controls and " << imported->groups << " groups read, " << imported->withdrawn
         << " withdrawn controls skipped";
  if (imported->parameters > 0)
    report << ", " << imported->parameters << " parameter insertions rendered";
  if (imported->links_not_imported > 0)
    report << ", " << imported->links_not_imported << " links not imported";
  report << "; conformance "
         << (fw.conformance == core::Conformance::k_ts_27110 ? "ts-27110" : "none") << '\n';
  for (const auto& w : imported->warnings) report << "warning: " << w << '\n';
  if (!is_standard_output(output)) {
    for (const auto& [path, text] : files) report << "wrote " << path << '\n';
  }
  return k_exit_ok;
}

// --- mapping collections --------------------------------------------------------------------

int export_mapping(const Ctx& ctx, const std::string& id, const std::string& to,
                   const std::string& output) {
  return export_from_catalog(
      ctx, to, output, "mapping-collection", "the OSCAL mapping collection of " + id,
      [&](const core::Catalog& catalog) -> util::Result<oscal::Json> {
        if (const auto* set = catalog.mapping_set(id))
          return oscal::export_mapping_collection(catalog, *set);
        // Else an organization's own set (name, ORG/name or id), when there is a workspace.
        std::error_code e;
        if (fs::is_regular_file(workspace::workspace_file(ctx.options.db), e)) {
          auto st = workspace::open(location(ctx.options), workspace::OpenMode::k_existing);
          if (!st) return std::unexpected(st.error());
          auto own = (*st)->mapping_set(id);
          if (own) return oscal::export_mapping_collection(catalog, core::to_mapping_set(*own));
          if (own.error().code != util::ErrorCode::k_not_found) return std::unexpected(own.error());
        }
        return util::fail(util::ErrorCode::k_invalid_input,
                          "no mapping set '" + id +
                              "' in the catalog or the workspace (cyberframe catalog list --kind "
                              "mapping-set; cyberframe mapping list)");
      });
}

int import_mapping(const Ctx& ctx, const std::string& file, const oscal::MappingImportOptions& o,
                   const std::string& output) {
  int status = k_exit_ok;
  auto document = read_document(file);
  if (!document) return error(ctx, document.error());
  auto loaded = load_catalog(ctx, status);
  if (!loaded) return status;
  auto imported = oscal::import_mapping_collection(*document, loaded->catalog, o);
  if (!imported) return error(ctx, imported.error());
  const bool to_directory = names_directory(output);
  if (imported->sets.size() > 1 && !to_directory && !is_standard_output(output))
    return error(ctx, file + " holds " + std::to_string(imported->sets.size()) +
                          " mappings: give -o a directory");
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& set : imported->sets) {
    std::string path = to_directory ? (fs::path(output) / (set.id + ".yaml")).string()
                       : is_standard_output(output) ? "<stdout:" + set.id + ">"
                                                    : output;
    files.emplace_back(path, catalog::mapping_set_to_yaml(set));
  }
  auto problems = check_loads(ctx, files, false);
  if (!problems.empty()) {
    for (const auto& p : problems) ctx.err << p << '\n';
    return error(ctx, file + ": the mapping set made from it does not load; nothing written");
  }
  std::ostream& report = is_standard_output(output) ? ctx.err : ctx.out;
  for (std::size_t i = 0; i < files.size(); ++i) {
    const auto& set = imported->sets[i];
    if (is_standard_output(output)) {
      ctx.out << files[i].second;
    } else {
      std::error_code e;
      if (to_directory) fs::create_directories(output, e);
      std::string problem;
      if (e) return error(ctx, "cannot write " + files[i].first, k_exit_environment);
      if (!write_atomically(files[i].first, files[i].second, problem))
        return error(ctx, problem, k_exit_environment);
    }
    report << "imported mapping set " << set.id << " (" << set.source.id << " -> " << set.target.id
           << "): " << set.mappings.size() << " mappings"
           << (is_standard_output(output) ? "" : "; wrote " + files[i].first) << '\n';
  }
  for (const auto& w : imported->warnings) report << "warning: " << w << '\n';
  return k_exit_ok;
}

// --- workspace exports ----------------------------------------------------------------------

struct Workspace {
  std::unique_ptr<workspace::Workspace> store;
  catalog::LoadResult catalog;
};

std::optional<Workspace> open_workspace(const Ctx& ctx, int& status) {
  auto s = open_store(ctx, status);
  if (!s) return std::nullopt;
  auto cat = workspace_catalog(ctx, *s, status);
  if (!cat) return std::nullopt;
  return Workspace{std::move(s), std::move(*cat)};
}

// What a verb's options fill: its one positional (a framework, mapping set, profile or file),
// --id (imports), --to (exports) and -o.
struct VerbArgs {
  std::string ref, id, to, output;
};

struct ResultsArgs : VerbArgs {  // ref: the profile
  std::string assessment, target;
  std::optional<int> satisfied_at;
};

int export_results(const Ctx& ctx, const ResultsArgs& args) {
  int status = k_exit_ok;
  auto format = output_format(ctx, args.to, args.output, status);
  if (!format) return status;
  auto ws = open_workspace(ctx, status);
  if (!ws) return status;
  auto& store = *ws->store;
  auto profile = store.profile(args.ref);
  if (!profile) return error(ctx, profile.error());
  if (profile->kind != core::ProfileKind::k_current)
    return error(ctx, "profile " + profile->name +
                          " is a target profile: assessment results are of a current profile "
                          "(give the target with --target)");
  auto input = workspace::assessment_results_input(store, *profile);
  if (!input) return error(ctx, input.error());
  auto& in = *input;
  const auto* org = &in.organization;
  in.satisfied_at = args.satisfied_at;
  if (!args.assessment.empty()) {
    auto snapshots = store.snapshots(profile->id);
    if (!snapshots) return error(ctx, snapshots.error());
    const core::Snapshot* found = nullptr;
    std::vector<std::string> names;
    for (const auto& s : *snapshots) {
      names.push_back(s.name);
      if (s.name == args.assessment) found = &s;
    }
    if (found == nullptr) {
      return error(ctx, "profile " + profile->name + " has no assessment '" + args.assessment +
                            "'" +
                            (names.empty() ? " (none frozen yet)"
                                           : " (it has: " + util::join(names, ", ") + ")"));
    }
    in.assessments = found->assessments;
    in.assessment_name = found->name;
    in.taken_at = found->taken_at;
    in.assessor = found->assessor;
    in.signed_off_by = found->signed_off_by;
  }
  if (!args.target.empty()) {
    auto target = store.profile(args.target);
    if (!target) return error(ctx, target.error());
    if (target->kind != core::ProfileKind::k_target || target->framework != profile->framework ||
        target->organization != profile->organization)
      return error(ctx, "--target " + target->name + " is not a target profile of " + org->name +
                            " on " + profile->framework);
    auto rows = store.node_assessments(target->id);
    if (!rows) return error(ctx, rows.error());
    in.target_profile = *target;
    in.targets = std::move(*rows);
  }
  auto json = oscal::export_assessment_results(ws->catalog.catalog, in);
  if (!json) return error(ctx, json.error());
  return emit(ctx, std::move(*json), "assessment-results", *format, args.output,
              "the OSCAL assessment results of " +
                  (in.assessment_name.empty() ? profile->name
                                              : in.assessment_name + " of " + profile->name));
}

int export_poam(const Ctx& ctx, const std::string& ref, const std::string& to,
                const std::string& output) {
  int status = k_exit_ok;
  auto format = output_format(ctx, to, output, status);
  if (!format) return status;
  auto ws = open_workspace(ctx, status);
  if (!ws) return status;
  auto& store = *ws->store;
  auto profile = store.profile(ref);
  if (!profile) return error(ctx, profile.error());
  auto in = workspace::poam_input(store, *profile);
  if (!in) return error(ctx, in.error());
  auto json = oscal::export_poam(ws->catalog.catalog, *in);
  if (!json) return error(ctx, json.error());
  return emit(
      ctx, std::move(*json), "plan-of-action-and-milestones", *format, output,
      "the OSCAL POA&M of " + in->organization.name + "'s roadmap on " + profile->framework);
}

// Adds the verb `name` to `parent` with its required positional `ref` filling `args.ref`.
CLI::App* add_verb(CLI::App* parent, const std::string& name, const std::string& help,
                   const std::string& ref, const std::string& ref_help, VerbArgs& args) {
  auto* c = parent->add_subcommand(name, help);
  c->add_option(ref, args.ref, ref_help)->required();
  return c;
}

void add_output_options(CLI::App* c, VerbArgs& args) {
  c->add_option("--to", args.to, "json, xml or yaml (default: from -o's extension, else json)");
  c->add_option("-o,--output", args.output, "Write to this file (default: standard output)");
}

// --id and -o of an import (its output is catalog YAML: no --to).
void add_import_options(CLI::App* c, VerbArgs& args, const std::string& what,
                        const std::string& output_help) {
  c->add_option("--id", args.id,
                "The " + what + " id (default: the one it records, or from its title)");
  c->add_option("-o,--output", args.output, output_help);
}

}  // namespace

void add_oscal_exchange_commands(CLI::App& oscal, const CatalogOptions& catalog_options,
                                 const WorkspaceOptions& options, std::ostream& out,
                                 std::ostream& err, int& status) {
  auto ctx = std::make_shared<Ctx>(Ctx{catalog_options, options, out, err});
  auto* exp = oscal.add_subcommand(
      "export",
      "Write OSCAL: a framework's catalog, a mapping collection, assessment results, "
      "a POA&M");
  exp->require_subcommand(1);
  auto* imp = oscal.add_subcommand("import",
                                   "Read OSCAL catalogs and mapping collections as catalog files");
  imp->require_subcommand(1);

  {
    auto a = std::make_shared<VerbArgs>();
    auto* c = add_verb(exp, "catalog", "A framework as an OSCAL catalog", "FRAMEWORK",
                       "Framework id (cyberframe catalog list)", *a);
    add_output_options(c, *a);
    c->callback([=, &status] { status = export_catalog(*ctx, a->ref, a->to, a->output); });
  }
  {
    auto a = std::make_shared<VerbArgs>();
    auto* c =
        add_verb(exp, "mapping", "A mapping set as an OSCAL mapping collection", "SET",
                 "A catalog mapping set's id (catalog list --kind mapping-set), or an "
                 "organization's own set of the workspace (mapping list): name, ORG/name or id",
                 *a);
    add_output_options(c, *a);
    c->callback([=, &status] { status = export_mapping(*ctx, a->ref, a->to, a->output); });
  }
  {
    auto args = std::make_shared<ResultsArgs>();
    auto satisfied = std::make_shared<int>(-1);
    auto* c = add_verb(
        exp, "assessment-results",
        "A current profile (as it is now, or a frozen assessment) as OSCAL assessment results",
        "PROFILE", "Current profile: name, ORG/name or id", *args);
    c->add_option("--assessment", args->assessment,
                  "A frozen assessment of the profile, by name (default: the profile now)");
    c->add_option("--target", args->target,
                  "A target profile: a node is satisfied when it reaches its target level");
    c->add_option("--satisfied-at", *satisfied,
                  "Without --target: the level from which a node is satisfied (default: the "
                  "middle of the scale, 3 on 0-5)");
    add_output_options(c, *args);
    c->callback([=, &status] {
      ResultsArgs a = *args;
      if (c->count("--satisfied-at") > 0) a.satisfied_at = *satisfied;
      status = export_results(*ctx, a);
    });
  }
  {
    auto a = std::make_shared<VerbArgs>();
    auto* c = add_verb(exp, "poam",
                       "The roadmap's open actions on a profile's framework as an OSCAL POA&M",
                       "PROFILE", "Current profile: name, ORG/name or id", *a);
    add_output_options(c, *a);
    c->callback([=, &status] { status = export_poam(*ctx, a->ref, a->to, a->output); });
  }
  {
    auto a = std::make_shared<VerbArgs>();
    auto* c =
        add_verb(imp, "catalog", "An OSCAL catalog (JSON, XML or YAML) as a framework catalog file",
                 "FILE", "The OSCAL catalog", *a);
    add_import_options(
        c, *a, "framework",
        "A .yaml file, or a directory to get frameworks/ID.yaml and the standards it "
        "cites (usable as --catalog DIR); default: the YAML on standard output");
    c->callback([=, &status] { status = import_catalog(*ctx, a->ref, a->id, a->output); });
  }
  {
    auto a = std::make_shared<VerbArgs>();
    auto o = std::make_shared<oscal::MappingImportOptions>();
    auto* c = add_verb(imp, "mapping",
                       "An OSCAL mapping collection (JSON, XML or YAML) as mapping-set files",
                       "FILE", "The OSCAL mapping collection", *a);
    add_import_options(c, *a, "mapping set",
                       "A .yaml file, or a directory for one file per mapping; default: standard "
                       "output");
    c->add_option("--source", o->source,
                  "framework:ID or standard:ID the sources are in (default: from the document)");
    c->add_option("--target", o->target,
                  "framework:ID or standard:ID the targets are in (default: from the document)");
    c->callback([=, &status] {
      oscal::MappingImportOptions options = *o;
      options.id = a->id;
      status = import_mapping(*ctx, a->ref, options, a->output);
    });
  }
}

}  // namespace cyberframe::cli
