// crosswalk FROM TO, and mapping ...: the organization's own mapping sets in the workspace.

#include <CLI/CLI.hpp>

#include <fstream>
#include <memory>
#include <ostream>
#include <sstream>

#include "catalog/loader.hpp"
#include "catalog/writer.hpp"
#include "cli/cli.hpp"
#include "cli/output.hpp"
#include "cli/workspace_context.hpp"
#include "core/crosswalk.hpp"
#include "util/text.hpp"
#include "workspace/projection.hpp"
#include "workspace/workspace.hpp"

namespace cyberframe::cli {

namespace {

using nlohmann::json;

using Ctx = WorkspaceContext;

std::optional<catalog::LoadResult> load_catalog(
    const Ctx& ctx, int& status, const std::vector<std::filesystem::path>& extra = {}) {
  auto cat = catalog::load(ctx.catalog_options.directory, ctx.catalog_options.files(extra));
  if (!cat.ok()) {
    for (const auto& d : cat.diagnostics)
      if (d.severity == catalog::Severity::k_error) ctx.err << d.to_string() << '\n';
    status = fail_with(ctx, extra.empty() ? "the catalog has errors"
                                          : extra.front().string() + " is not a valid mapping set");
    return std::nullopt;
  }
  return cat;
}

std::string kind_name(const core::CatalogItemRef& ref) {
  return ref.kind == core::CatalogItemRef::Kind::k_framework ? "framework" : "standard";
}

std::string set_label(const core::Hop& h) {
  return h.mapping_set + (h.inverse ? " (reversed)" : "");
}

std::string sets_of(const std::vector<core::Hop>& path) {
  std::vector<std::string> names;
  for (const auto& h : path) names.push_back(set_label(h));
  return util::join(names, "; ");
}

// --- crosswalk --------------------------------------------------------------------------------

struct CrosswalkArgs {
  std::string from, to, node, org, format = "text";
  bool alternatives = false;
};

int cmd_crosswalk(const Ctx& ctx, const CrosswalkArgs& a) {
  int status = 0;
  std::optional<catalog::LoadResult> cat;
  std::vector<core::MappingSet> workspace;
  if (a.org.empty()) {
    cat = load_catalog(ctx, status);
    if (!cat) return status;
  } else {
    // An organization's crosswalk: its workspace's stored frameworks are in the catalog too.
    auto st = open_store(ctx, status);
    if (!st) return status;
    cat = workspace_catalog(ctx, *st, status);
    if (!cat) return status;
    auto org = st->organization(a.org);
    if (!org) return fail_with(ctx, org.error());
    auto sets = st->catalog_mapping_sets(org->id);
    if (!sets) return fail_with(ctx, sets.error());
    workspace = std::move(*sets);
  }
  core::CrosswalkEngine engine(cat->catalog, std::move(workspace));
  auto cw = engine.crosswalk(a.from, a.to);
  if (!cw) return fail_with(ctx, cw.error());
  const auto& x = **cw;
  std::vector<const core::CrosswalkEntry*> entries;
  if (!a.node.empty()) {
    if (!core::has_node(cat->catalog, x.from, a.node))
      return fail_with(
          ctx, "--node: " + kind_name(x.from) + " " + x.from.id + " has no " +
                   (x.from.kind == core::CatalogItemRef::Kind::k_framework ? "node" : "clause") +
                   " '" + a.node + "'");
    entries = x.of(a.node);
  } else {
    for (const auto& e : x.entries) entries.push_back(&e);
  }
  auto format = parse_format(a.format).value_or(Format::k_text);
  if (format == Format::k_json || format == Format::k_yaml) {
    json items = json::array();
    for (const auto* e : entries) items.push_back(workspace::crosswalk_entry_json(*e));
    print_structured(ctx.out, format,
                     json{{"from", json{{kind_name(x.from), x.from.id}}},
                          {"to", json{{kind_name(x.to), x.to.id}}},
                          {"node", a.node.empty() ? json(nullptr) : json(a.node)},
                          {"count", entries.size()},
                          {"relationships", items}});
    return k_exit_ok;
  }
  Table t({"SOURCE", "RELATIONSHIP", "TARGET", "PATHS", "MAPPING SETS", "PATH"});
  for (const auto* e : entries) {
    t.add({e->source, std::string(core::to_string(e->relationship)) + (e->conflict ? " (!)" : ""),
           e->target.empty() ? "-" : e->target, std::to_string(e->paths), sets_of(e->path),
           core::path_to_string(e->path)});
  }
  if (format == Format::k_csv) {
    t.print_csv(ctx.out);
    return k_exit_ok;
  }
  std::map<core::Relationship, std::size_t> counts;
  for (const auto* e : entries) ++counts[e->relationship];
  ctx.out << "Crosswalk " << x.from.id << " -> " << x.to.id;
  if (!a.node.empty()) ctx.out << ", node " << a.node;
  ctx.out << ": " << entries.size() << " relationship" << (entries.size() == 1 ? "" : "s");
  if (!counts.empty()) {
    std::vector<std::string> parts;
    for (const auto& [r, n] : counts)
      parts.push_back(std::to_string(n) + " " + std::string(core::to_string(r)));
    ctx.out << " (" << util::join(parts, ", ") << ")";
  }
  ctx.out << '\n';
  if (entries.empty()) {
    ctx.out << "No chain of mapping sets supports a claim"
            << (a.node.empty() ? "" : " for " + a.node) << ".\n";
    return k_exit_ok;
  }
  t.print(ctx.out, "  ");
  if (a.alternatives) {
    for (const auto* e : entries) {
      if (e->others.empty()) continue;
      ctx.out << "Other paths of " << e->source << " -> " << e->target << ":\n";
      for (const auto& o : e->others)
        ctx.out << "  " << core::to_string(o.relationship) << "  " << core::path_to_string(o.path)
                << '\n';
    }
  }
  return k_exit_ok;
}

// --- mapping sets -----------------------------------------------------------------------------

json set_json(const core::WorkspaceMappingSet& s) {
  json mappings = json::array();
  for (const auto& m : s.mappings)
    mappings.push_back(json{{"id", m.id},
                            {"source", m.source},
                            {"targets", m.targets},
                            {"relationship", std::string(core::to_string(m.relationship))},
                            {"rationale", m.rationale},
                            {"version", m.version}});
  return json{{"id", s.id},
              {"organization", s.organization},
              {"name", s.name},
              {"title", s.title},
              {"source", json{{kind_name(s.source), s.source.id}}},
              {"target", json{{kind_name(s.target), s.target.id}}},
              {"notes", s.notes},
              {"version", s.version},
              {"updated_at", s.updated_at},
              {"updated_by", s.updated_by},
              {"mappings", mappings}};
}

util::Result<core::CatalogItemRef> item(const core::Catalog& cat, const std::string& id,
                                        const std::string& option) {
  if (cat.framework(id)) return core::CatalogItemRef{core::CatalogItemRef::Kind::k_framework, id};
  if (cat.standard(id)) return core::CatalogItemRef{core::CatalogItemRef::Kind::k_standard, id};
  return util::fail(util::ErrorCode::k_not_found,
                    option + ": '" + id + "' is neither a framework nor a standard of the catalog");
}

util::Result<core::Relationship> relationship(const std::string& text) {
  if (auto r = core::parse_relationship(text)) return *r;
  return util::fail(util::ErrorCode::k_invalid_input,
                    "--relationship: unknown relationship '" + text +
                        "' (expected equal, equivalent, subset-of, superset-of, intersects-with "
                        "or no-relationship)");
}

void print_set(const Ctx& ctx, const core::WorkspaceMappingSet& s, Format format) {
  if (format == Format::k_json || format == Format::k_yaml) {
    print_structured(ctx.out, format, set_json(s));
    return;
  }
  Table t({"ID", "SOURCE", "RELATIONSHIP", "TARGET", "VERSION", "RATIONALE"});
  for (const auto& m : s.mappings)
    t.add({std::to_string(m.id), m.source, std::string(core::to_string(m.relationship)),
           m.targets.empty() ? "-" : util::join(m.targets, ", "), std::to_string(m.version),
           m.rationale});
  if (format == Format::k_csv) {
    t.print_csv(ctx.out);
    return;
  }
  ctx.out << s.name << "  " << s.title << " (id " << s.id << ", version " << s.version << ")\n"
          << kind_name(s.source) << ' ' << s.source.id << " -> " << kind_name(s.target) << ' '
          << s.target.id << "; " << s.mappings.size() << " mapping"
          << (s.mappings.size() == 1 ? "" : "s") << "; updated " << s.updated_at << " by "
          << s.updated_by << '\n';
  if (!s.notes.empty()) ctx.out << "Notes: " << s.notes << '\n';
  if (!s.mappings.empty()) t.print(ctx.out, "  ");
}

// Checks a workspace set against the catalog (the whole set, or only `only` of its mappings).
util::Result<void> check_against(const core::Catalog& cat, const core::WorkspaceMappingSet& s,
                                 const core::WorkspaceMapping* only) {
  auto set = core::to_mapping_set(s);
  if (only) {
    core::Mapping m{only->source, only->targets, only->relationship, only->rationale, {}};
    return core::validate_mapping(cat, set, m);
  }
  return core::validate_mapping_set(cat, set);
}

struct MappingArgs {
  std::string set, org, name, from, to, title, notes, source, rel, rationale, file, output;
  std::vector<std::string> targets;
  std::int64_t mapping = 0;
  std::optional<std::int64_t> expect_version;
  bool clear_targets = false;
  std::string format = "text";
};

template <typename F>
int with_store_and_catalog(const Ctx& ctx, F&& body) {
  int status = 0;
  auto st = open_store(ctx, status);
  if (!st) return status;
  auto cat = workspace_catalog(ctx, *st, status);
  if (!cat) return status;
  return body(cat->catalog, *st);
}

int cmd_create(const Ctx& ctx, const MappingArgs& a) {
  return with_store_and_catalog(ctx, [&](const core::Catalog& cat, workspace::Workspace& st) {
    auto org = st.organization(a.org);
    if (!org) return fail_with(ctx, org.error());
    core::WorkspaceMappingSet s;
    s.organization = org->id;
    s.name = a.name;
    s.title = a.title;
    s.notes = a.notes;
    auto from = item(cat, a.from, "--from");
    if (!from) return fail_with(ctx, from.error());
    auto to = item(cat, a.to, "--to");
    if (!to) return fail_with(ctx, to.error());
    s.source = *from;
    s.target = *to;
    if (auto v = check_against(cat, s, nullptr); !v) return fail_with(ctx, v.error());
    auto created = st.create_mapping_set(actor(ctx), s);
    if (!created) return fail_with(ctx, created.error());
    ctx.out << "mapping set " << created->id << " '" << created->name << "' of " << org->name
            << " created: " << created->source.id << " -> " << created->target.id << '\n';
    return k_exit_ok;
  });
}

int cmd_list(const Ctx& ctx, const MappingArgs& a) {
  int status = 0;
  auto st = open_store(ctx, status);
  if (!st) return status;
  std::vector<core::Organization> orgs;
  if (!a.org.empty()) {
    auto org = st->organization(a.org);
    if (!org) return fail_with(ctx, org.error());
    orgs.push_back(*org);
  } else {
    auto all = st->organizations();
    if (!all) return fail_with(ctx, all.error());
    orgs = *all;
  }
  Table t({"ID", "ORGANIZATION", "NAME", "SOURCE", "TARGET", "MAPPINGS", "VERSION", "TITLE"});
  json items = json::array();
  for (const auto& o : orgs) {
    auto sets = st->mapping_sets(o.id);
    if (!sets) return fail_with(ctx, sets.error());
    for (const auto& s : *sets) {
      t.add({std::to_string(s.id), o.name, s.name, s.source.id, s.target.id,
             std::to_string(s.mappings.size()), std::to_string(s.version), s.title});
      items.push_back(set_json(s));
    }
  }
  auto format = parse_format(a.format).value_or(Format::k_text);
  if (format == Format::k_text) {
    ctx.out << "Workspace mapping sets (" << t.size() << ")\n";
    if (t.size() > 0) t.print(ctx.out, "  ");
    return k_exit_ok;
  }
  print_data(ctx.out, format, t, items);
  return k_exit_ok;
}

int cmd_show(const Ctx& ctx, const MappingArgs& a) {
  int status = 0;
  auto st = open_store(ctx, status);
  if (!st) return status;
  auto s = st->mapping_set(a.set);
  if (!s) return fail_with(ctx, s.error());
  print_set(ctx, *s, parse_format(a.format).value_or(Format::k_text));
  return k_exit_ok;
}

int cmd_add(const Ctx& ctx, const MappingArgs& a) {
  return with_store_and_catalog(ctx, [&](const core::Catalog& cat, workspace::Workspace& st) {
    auto s = st.mapping_set(a.set);
    if (!s) return fail_with(ctx, s.error());
    auto r = relationship(a.rel);
    if (!r) return fail_with(ctx, r.error());
    core::WorkspaceMapping m{0, a.source, a.targets, *r, a.rationale, 0};
    if (auto v = check_against(cat, *s, &m); !v) return fail_with(ctx, v.error());
    auto out = st.add_mapping(actor(ctx), s->id, m);
    if (!out) return fail_with(ctx, out.error());
    const auto& added = out->mappings.back();
    ctx.out << s->name << ": mapping " << added.id << " added: " << added.source << ' '
            << core::to_string(added.relationship) << ' '
            << (added.targets.empty() ? "(no counterpart)" : util::join(added.targets, ", "))
            << " (set version " << out->version << ")\n";
    return k_exit_ok;
  });
}

const core::WorkspaceMapping* find_mapping(const core::WorkspaceMappingSet& s, std::int64_t id) {
  for (const auto& m : s.mappings)
    if (m.id == id) return &m;
  return nullptr;
}

int cmd_edit(const Ctx& ctx, const MappingArgs& a) {
  return with_store_and_catalog(ctx, [&](const core::Catalog& cat, workspace::Workspace& st) {
    auto s = st.mapping_set(a.set);
    if (!s) return fail_with(ctx, s.error());
    const auto* found = find_mapping(*s, a.mapping);
    if (!found)
      return fail_with(ctx, "mapping set " + s->name + " has no mapping " +
                                std::to_string(a.mapping) + " (see 'cyberframe mapping show')");
    auto m = *found;
    if (!a.source.empty()) m.source = a.source;
    if (!a.targets.empty() || a.clear_targets) m.targets = a.targets;
    if (!a.rel.empty()) {
      auto r = relationship(a.rel);
      if (!r) return fail_with(ctx, r.error());
      m.relationship = *r;
      if (*r == core::Relationship::k_no_relationship && a.targets.empty()) m.targets.clear();
    }
    if (!a.rationale.empty()) m.rationale = a.rationale;
    if (a.expect_version) m.version = *a.expect_version;
    if (auto v = check_against(cat, *s, &m); !v) return fail_with(ctx, v.error());
    auto out = st.update_mapping(actor(ctx), s->id, m);
    if (!out) return fail_with(ctx, out.error());
    const auto* now = find_mapping(*out, m.id);
    ctx.out << s->name << ": mapping " << m.id << " is now " << now->source << ' '
            << core::to_string(now->relationship) << ' '
            << (now->targets.empty() ? "(no counterpart)" : util::join(now->targets, ", "))
            << " (version " << now->version << ")\n";
    return k_exit_ok;
  });
}

int cmd_remove(const Ctx& ctx, const MappingArgs& a) {
  int status = 0;
  auto st = open_store(ctx, status);
  if (!st) return status;
  auto s = st->mapping_set(a.set);
  if (!s) return fail_with(ctx, s.error());
  const auto* found = find_mapping(*s, a.mapping);
  if (!found)
    return fail_with(ctx, "mapping set " + s->name + " has no mapping " +
                              std::to_string(a.mapping) + " (see 'cyberframe mapping show')");
  auto out =
      st->remove_mapping(actor(ctx), s->id, a.mapping, a.expect_version.value_or(found->version));
  if (!out) return fail_with(ctx, out.error());
  ctx.out << s->name << ": mapping " << a.mapping << " removed (set version " << out->version
          << ")\n";
  return k_exit_ok;
}

int cmd_delete(const Ctx& ctx, const MappingArgs& a) {
  int status = 0;
  auto st = open_store(ctx, status);
  if (!st) return status;
  auto s = st->mapping_set(a.set);
  if (!s) return fail_with(ctx, s.error());
  if (auto d = st->delete_mapping_set(actor(ctx), s->id, a.expect_version.value_or(s->version)); !d)
    return fail_with(ctx, d.error());
  ctx.out << "mapping set " << s->id << " '" << s->name << "' deleted with its "
          << s->mappings.size() << " mapping" << (s->mappings.size() == 1 ? "" : "s") << '\n';
  return k_exit_ok;
}

int cmd_import(const Ctx& ctx, const MappingArgs& a) {
  int status = 0;
  if (!std::filesystem::is_regular_file(a.file)) return fail_with(ctx, a.file + ": no such file");
  // The file loads with the catalog, so the loader's located diagnostics check it.
  auto cat = load_catalog(ctx, status, {a.file});
  if (!cat) return status;
  const core::MappingSet* found = nullptr;
  for (const auto& [id, set] : cat->catalog.mapping_sets())
    if (set.location.file == a.file) found = &set;
  if (!found) return fail_with(ctx, a.file + " holds no mapping set (kind: mapping-set)");
  auto base = catalog::load(ctx.catalog_options.directory, ctx.catalog_options.files());
  if (base.catalog.mapping_set(found->id))
    return fail_with(ctx, a.file + ": id '" + found->id +
                              "' is a mapping set of the catalog; give the file another id");
  auto st = open_store(ctx, status);
  if (!st) return status;
  auto org = st->organization(a.org);
  if (!org) return fail_with(ctx, org.error());
  auto s = core::from_mapping_set(*found, org->id);
  if (auto v = core::validate_mapping_set(base.catalog, core::to_mapping_set(s)); !v)
    return fail_with(ctx, a.file + ": " + v.error().message);
  auto created = st->create_mapping_set(actor(ctx), s);
  if (!created) return fail_with(ctx, created.error());
  ctx.out << "mapping set " << created->id << " '" << created->name << "' of " << org->name
          << " imported from " << a.file << ": " << created->mappings.size() << " mapping"
          << (created->mappings.size() == 1 ? "" : "s") << '\n';
  return k_exit_ok;
}

int cmd_export(const Ctx& ctx, const MappingArgs& a) {
  int status = 0;
  auto st = open_store(ctx, status);
  if (!st) return status;
  auto s = st->mapping_set(a.set);
  if (!s) return fail_with(ctx, s.error());
  auto yaml = catalog::mapping_set_to_yaml(core::to_mapping_set(*s));
  if (a.output.empty() || a.output == "-") {
    ctx.out << yaml;
    return k_exit_ok;
  }
  std::ofstream f(a.output, std::ios::binary | std::ios::trunc);
  if (!(f && (f << yaml) && f.flush())) {
    ctx.err << "cyberframe: error: cannot write " << a.output << '\n';
    return k_exit_environment;
  }
  ctx.out << "wrote mapping set " << s->name << " (" << s->mappings.size() << " mappings) to "
          << a.output << '\n';
  return k_exit_ok;
}

}  // namespace

void add_crosswalk_commands(CLI::App& app, const CatalogOptions& catalog_options,
                            const WorkspaceOptions& options, std::ostream& out, std::ostream& err,
                            int& status) {
  auto ctx = std::make_shared<Ctx>(Ctx{catalog_options, options, out, err});
  {
    auto* c = app.add_subcommand(
        "crosswalk",
        "Node-to-node relationships between two frameworks or standards, with the path of mapping "
        "sets that justifies each (docs/crosswalks.md)");
    auto a = std::make_shared<CrosswalkArgs>();
    c->add_option("FROM", a->from, "Framework or standard id")->required();
    c->add_option("TO", a->to, "Framework or standard id")->required();
    c->add_option("--node", a->node, "Only this node (or clause) of FROM");
    c->add_option("--org", a->org,
                  "Also compose this organization's workspace mapping sets (reads --db)");
    c->add_flag("--all-paths", a->alternatives, "Also list the other paths of each relationship");
    c->add_option("--format,-f", a->format, "text, json, yaml or csv")
        ->check(CLI::IsMember({"text", "json", "yaml", "csv"}));
    c->callback([=, &status] { status = cmd_crosswalk(*ctx, *a); });
  }

  auto* mapping = app.add_subcommand(
      "mapping", "Mapping sets of an organization's workspace: typed relationships you write");
  mapping->require_subcommand(1);
  const std::string relationships =
      "equal, equivalent, subset-of, superset-of, intersects-with or no-relationship";
  {
    auto* c = mapping->add_subcommand("create", "Create an empty mapping set between two catalogs");
    auto a = std::make_shared<MappingArgs>();
    c->add_option("NAME", a->name, "Its id: lowercase letters, digits, '-' and '.'")->required();
    c->add_option("--org", a->org, "Organization name or id")->required();
    c->add_option("--from", a->from, "Source framework or standard id")->required();
    c->add_option("--to", a->to, "Target framework or standard id")->required();
    c->add_option("--title", a->title, "A title")->required();
    c->add_option("--notes", a->notes, "Where the relationships come from");
    c->callback([=, &status] { status = cmd_create(*ctx, *a); });
  }
  {
    auto* c = mapping->add_subcommand("list", "List the workspace mapping sets");
    auto a = std::make_shared<MappingArgs>();
    c->add_option("--org", a->org, "Only this organization");
    c->add_option("--format,-f", a->format, "text, json, yaml or csv")
        ->check(CLI::IsMember({"text", "json", "yaml", "csv"}));
    c->callback([=, &status] { status = cmd_list(*ctx, *a); });
  }
  {
    auto* c = mapping->add_subcommand("show", "A mapping set with its mappings");
    auto a = std::make_shared<MappingArgs>();
    c->add_option("SET", a->set, "Mapping set name, ORG/name or id")->required();
    c->add_option("--format,-f", a->format, "text, json, yaml or csv")
        ->check(CLI::IsMember({"text", "json", "yaml", "csv"}));
    c->callback([=, &status] { status = cmd_show(*ctx, *a); });
  }
  {
    auto* c = mapping->add_subcommand("add", "Add a mapping: SOURCE RELATIONSHIP TARGET...");
    auto a = std::make_shared<MappingArgs>();
    c->add_option("SET", a->set, "Mapping set name, ORG/name or id")->required();
    c->add_option("SOURCE", a->source, "Node or clause of the source catalog")->required();
    c->add_option("TARGET", a->targets, "Nodes or clauses of the target catalog");
    c->add_option("--relationship,-r", a->rel, relationships)->required();
    c->add_option("--rationale", a->rationale, "Why (at most 2,000 bytes)");
    c->callback([=, &status] { status = cmd_add(*ctx, *a); });
  }
  {
    auto* c = mapping->add_subcommand("edit", "Change a mapping (by its id in 'mapping show')");
    auto a = std::make_shared<MappingArgs>();
    c->add_option("SET", a->set, "Mapping set name, ORG/name or id")->required();
    c->add_option("MAPPING", a->mapping, "The mapping's id")->required();
    c->add_option("--source", a->source, "New source node or clause");
    c->add_option("--target", a->targets, "New targets (repeat for several)");
    c->add_option("--relationship,-r", a->rel, relationships);
    c->add_option("--rationale", a->rationale, "New rationale");
    c->add_option("--expect-version", a->expect_version,
                  "Refuse unless the mapping is still at this version");
    c->callback([=, &status] { status = cmd_edit(*ctx, *a); });
  }
  {
    auto* c = mapping->add_subcommand("remove", "Remove one mapping from a set");
    auto a = std::make_shared<MappingArgs>();
    c->add_option("SET", a->set, "Mapping set name, ORG/name or id")->required();
    c->add_option("MAPPING", a->mapping, "The mapping's id")->required();
    c->add_option("--expect-version", a->expect_version,
                  "Refuse unless the mapping is still at this version");
    c->callback([=, &status] { status = cmd_remove(*ctx, *a); });
  }
  {
    auto* c = mapping->add_subcommand("delete", "Delete a mapping set with all its mappings");
    auto a = std::make_shared<MappingArgs>();
    c->add_option("SET", a->set, "Mapping set name, ORG/name or id")->required();
    c->add_option("--expect-version", a->expect_version,
                  "Refuse unless the set is still at this version");
    c->callback([=, &status] { status = cmd_delete(*ctx, *a); });
  }
  {
    auto* c = mapping->add_subcommand(
        "import", "Import a mapping set from a catalog-format YAML file (kind: mapping-set)");
    auto a = std::make_shared<MappingArgs>();
    c->add_option("FILE", a->file, "The YAML file")->required();
    c->add_option("--org", a->org, "Organization name or id")->required();
    c->callback([=, &status] { status = cmd_import(*ctx, *a); });
  }
  {
    auto* c = mapping->add_subcommand(
        "export", "Write a mapping set in the catalog's YAML format (loads with --catalog)");
    auto a = std::make_shared<MappingArgs>();
    c->add_option("SET", a->set, "Mapping set name, ORG/name or id")->required();
    c->add_option("-o,--output", a->output, "File to write (default: standard output)");
    c->callback([=, &status] { status = cmd_export(*ctx, *a); });
  }
}

}  // namespace cyberframe::cli
