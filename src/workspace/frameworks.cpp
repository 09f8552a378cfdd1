#include "workspace/frameworks.hpp"

#include <algorithm>
#include <functional>
#include <set>
#include <utility>

#include "catalog/writer.hpp"
#include "oscal/catalog_exchange.hpp"
#include "store/store.hpp"
#include "util/budget.hpp"
#include "util/text.hpp"
#include "util/yaml.hpp"

namespace cyberframe::workspace {

using util::ErrorCode;
using util::fail;

namespace {

using Texts = std::vector<std::pair<std::string, std::string>>;

// The stored frameworks' texts, but `leave_out`'s.
Result<Texts> stored_texts(Workspace& ws, const std::string& leave_out) {
  auto stored = ws.storage().framework_contents();
  if (!stored) return std::unexpected(stored.error());
  Texts out;
  for (auto& f : *stored)
    if (f.framework != leave_out) out.emplace_back(stored_path(f.framework), std::move(f.content));
  return out;
}

// The stored frameworks among `texts` that `result` rejected.
std::set<std::string> rejected_stored(const catalog::LoadResult& result, const Texts& texts) {
  std::set<std::string> out;
  for (const auto& [path, text] : texts)
    if (std::find(result.rejected_files.begin(), result.rejected_files.end(), path) !=
        result.rejected_files.end())
      out.insert(path.substr(std::string_view("workspace:frameworks/").size()));
  return out;
}

// Refuses a change after which a stored framework that loads now would not: `after` is the
// catalog as the change leaves it, loaded from `texts` (the other stored frameworks).
Result<void> keeps_others_loading(Workspace& ws, const catalog::Sources& base,
                                  const catalog::LoadResult& after, const Texts& texts,
                                  const std::string& what) {
  auto broken = rejected_stored(after, texts);
  if (broken.empty()) return {};
  auto now = stored_texts(ws, "");
  if (!now) return std::unexpected(now.error());
  auto before = rejected_stored(catalog::load(base, *now), *now);
  std::vector<std::string> newly;
  for (const auto& id : broken)
    if (!before.contains(id)) newly.push_back(id);
  if (newly.empty()) return {};
  std::string why;
  for (const auto& d : after.diagnostics)
    if (d.severity == catalog::Severity::k_error && d.location.file == stored_path(newly.front())) {
      why = ": " + d.message;
      break;
    }
  return util::fail_field(ErrorCode::k_conflict,
                          what + " would leave the stored framework" +
                              (newly.size() == 1 ? " " : "s ") + util::join(newly, ", ") +
                              " unable to load" + why,
                          "framework");
}

Result<std::pair<FrameworkCheck, catalog::LoadResult>> check_with(
    Workspace& ws, const catalog::Sources& base, std::string_view text, const std::string& label,
    const std::string& replacing, Texts& others) {
  auto stored = stored_texts(ws, replacing);
  if (!stored) return std::unexpected(stored.error());
  others = std::move(*stored);
  auto result = catalog::load(base, others, {label, std::string(text)});
  FrameworkCheck check;
  check.text = std::string(text);
  check.file = catalog::check_file(result, label);
  for (const auto& d : result.diagnostics)
    if (d.location.file == label && d.severity == catalog::Severity::k_error) ++check.load_errors;
  if (check.file.loaded && check.file.framework.empty()) {
    check.file.diagnostics.push_back(
        {catalog::Severity::k_error,
         catalog::DiagnosticKind::k_content,
         {label, 1, 1},
         "the document declares " +
             (check.file.item.empty() ? std::string("nothing") : "'" + check.file.item + "'") +
             ", not a framework: a stored framework's document starts with 'kind: framework'"});
    ++check.file.errors;
    ++check.load_errors;
  }
  if (const auto* fw = result.catalog.framework(check.file.framework); fw && check.file.loaded) {
    check.title = fw->title;
    check.nodes = count_nodes(*fw);
    check.canonical = catalog::framework_to_yaml(*fw);
    check.framework = *fw;
  }
  return std::pair{std::move(check), std::move(result)};
}

// The node ids in `use.nodes` that `fw` lacks, for the message.
std::vector<std::string> dropped_nodes(const core::Catalog& catalog, const std::string& framework,
                                       const core::FrameworkUse& use) {
  std::vector<std::string> out;
  for (const auto& id : use.nodes)
    if (catalog.node(framework, id) == nullptr) out.push_back(id);
  return out;
}

// The id a catalog file's text declares at its top, if it can be read (the load says what is
// wrong otherwise).
std::string declared_id(std::string_view text) {
  util::Budget budget(catalog::k_draft_limits, "a framework document");
  auto docs = util::read_yaml(text, budget);
  if (!docs || docs->size() != 1 || !(*docs)[0].is_map()) return "";
  const auto& id = (*docs)[0]["id"];
  return id.is_scalar() ? id.scalar() : "";
}

std::string listed(const std::vector<std::string>& items, std::size_t at_most = 8) {
  std::vector<std::string> shown(
      items.begin(), items.begin() + static_cast<std::ptrdiff_t>(std::min(items.size(), at_most)));
  auto text = util::join(shown, ", ");
  if (items.size() > at_most) text += " and " + std::to_string(items.size() - at_most) + " more";
  return text;
}

}  // namespace

std::string stored_path(std::string_view framework) {
  return "workspace:frameworks/" + std::string(framework);
}

std::size_t count_nodes(const core::Framework& framework) {
  std::size_t n = 0;
  std::function<void(const core::Node&)> walk = [&](const core::Node& node) {
    ++n;
    for (const auto& c : node.children) walk(c);
  };
  for (const auto& node : framework.nodes) walk(node);
  return n;
}

Result<WorkspaceCatalog> load_catalog(Workspace& ws, const catalog::Sources& base) {
  WorkspaceCatalog out;
  // The revision first: a change committed while the frameworks are read moves it past what
  // this reading holds, so the next look loads again.
  auto revision = ws.storage().frameworks_revision();
  if (!revision) return std::unexpected(revision.error());
  out.revision = *revision;
  auto texts = stored_texts(ws, "");
  if (!texts) return std::unexpected(texts.error());
  auto result = catalog::load(base, *texts);
  for (const auto& d : result.diagnostics)
    if (d.severity == catalog::Severity::k_error && d.location.file.starts_with("workspace:"))
      out.problems.push_back(d);
  for (const auto& [path, text] : *texts) {
    const auto id = path.substr(std::string_view("workspace:frameworks/").size());
    const auto* fw = result.catalog.framework(id);
    bool rejected = std::find(result.rejected_files.begin(), result.rejected_files.end(), path) !=
                    result.rejected_files.end();
    if (!rejected && fw && fw->location.file != path)
      out.problems.push_back({catalog::Severity::k_error,
                              catalog::DiagnosticKind::k_content,
                              {path, 0, 0},
                              "framework '" + id + "' of " + fw->location.file +
                                  " takes the place of the stored framework of that id"});
  }
  out.result = std::move(result);
  return out;
}

Result<FrameworkCheck> check_framework(Workspace& ws, const catalog::Sources& base,
                                       std::string_view text, const std::string& label,
                                       const std::string& replacing) {
  Texts others;
  auto checked = check_with(ws, base, text, label, replacing, others);
  if (!checked) return std::unexpected(checked.error());
  return std::move(checked->first);
}

Result<FrameworkSave> create_framework(Workspace& ws, const std::string& actor,
                                       const catalog::Sources& base, std::int64_t organization,
                                       std::string_view text, const std::string& label,
                                       core::FrameworkOrigin origin, Keep keep) {
  // An id the workspace stores already is a conflict with that record, not an error of the text.
  if (auto id = declared_id(text); !id.empty()) {
    auto existing = ws.storage().stored_framework(id);
    if (existing)
      return fail(ErrorCode::k_conflict,
                  "the workspace already stores a framework '" + id + "' (version " +
                      std::to_string(existing->version) +
                      "): store a new version of it, or give this one another id");
    if (existing.error().code != ErrorCode::k_not_found) return std::unexpected(existing.error());
  }
  Texts others;
  auto checked = check_with(ws, base, text, label, "", others);
  if (!checked) return std::unexpected(checked.error());
  FrameworkSave out{std::move(checked->first), std::nullopt};
  if (!out.check.ok()) return out;
  if (auto kept = keeps_others_loading(ws, base, checked->second, others,
                                       "adding framework " + out.check.file.framework);
      !kept)
    return std::unexpected(kept.error());
  core::WorkspaceFramework f;
  f.framework = out.check.file.framework;
  f.organization = organization;
  f.title = out.check.title;
  f.origin = origin;
  f.content = keep == Keep::k_canonical ? out.check.canonical : out.check.text;
  f.nodes = out.check.nodes;
  ws.storage().set_actor(actor);
  auto stored = ws.storage().create_framework(f);
  if (!stored) return std::unexpected(stored.error());
  out.stored = std::move(*stored);
  return out;
}

Result<FrameworkSave> update_framework(Workspace& ws, const std::string& actor,
                                       const catalog::Sources& base, const std::string& framework,
                                       std::string_view text, const std::string& label,
                                       std::int64_t expected_version, Keep keep) {
  auto current = ws.storage().stored_framework(framework);
  if (!current) return std::unexpected(current.error());
  if (current->version != expected_version)
    return fail(ErrorCode::k_conflict, core::changed_since_read(*current, expected_version));
  Texts others;
  auto checked = check_with(ws, base, text, label, framework, others);
  if (!checked) return std::unexpected(checked.error());
  FrameworkSave out{std::move(checked->first), std::nullopt};
  if (out.check.file.loaded && !out.check.file.framework.empty() &&
      out.check.file.framework != framework) {
    out.check.file.diagnostics.push_back(
        {catalog::Severity::k_error,
         catalog::DiagnosticKind::k_content,
         {label, 1, 1},
         "the document is framework '" + out.check.file.framework + "', not '" + framework +
             "': a new version keeps the framework's id (profiles name it)"});
    ++out.check.file.errors;
    ++out.check.load_errors;
  }
  if (!out.check.ok()) return out;
  auto use = ws.storage().framework_use(framework);
  if (!use) return std::unexpected(use.error());
  if (auto dropped = dropped_nodes(checked->second.catalog, framework, *use); !dropped.empty())
    return util::fail_field(
        ErrorCode::k_conflict,
        "the new version of " + framework + " drops node" + (dropped.size() == 1 ? " " : "s ") +
            listed(dropped) + ", which profiles or mapping sets hold (" +
            listed(use->profiles.empty() ? use->mapping_sets : use->profiles, 3) +
            "): keep them, or move what they hold first",
        "document");
  if (auto kept =
          keeps_others_loading(ws, base, checked->second, others, "this version of " + framework);
      !kept)
    return std::unexpected(kept.error());
  core::WorkspaceFramework f = *current;
  // The text it has already: nothing to store (no version, no audit row), as a re-import that
  // changes nothing.
  if ((keep == Keep::k_canonical ? out.check.canonical : out.check.text) == current->content) {
    out.stored = std::move(*current);
    return out;
  }
  f.title = out.check.title;
  f.content = keep == Keep::k_canonical ? out.check.canonical : out.check.text;
  f.nodes = out.check.nodes;
  f.version = expected_version;
  ws.storage().set_actor(actor);
  auto stored = ws.storage().update_framework(f);
  if (!stored) return std::unexpected(stored.error());
  out.stored = std::move(*stored);
  return out;
}

Result<void> delete_framework(Workspace& ws, const std::string& actor, const catalog::Sources& base,
                              const std::string& framework, std::int64_t expected_version) {
  auto current = ws.storage().stored_framework(framework);
  if (!current) return std::unexpected(current.error());
  auto use = ws.storage().framework_use(framework);
  if (!use) return std::unexpected(use.error());
  if (!use->profiles.empty() || !use->mapping_sets.empty()) {
    std::vector<std::string> users;
    for (const auto& p : use->profiles) users.push_back("profile " + p);
    for (const auto& s : use->mapping_sets) users.push_back("mapping set " + s);
    return util::fail_field(
        ErrorCode::k_conflict,
        "framework " + framework + " is in use (" + listed(users, 5) + "): delete those first",
        "framework");
  }
  auto others = stored_texts(ws, framework);
  if (!others) return std::unexpected(others.error());
  if (auto kept = keeps_others_loading(ws, base, catalog::load(base, *others), *others,
                                       "deleting " + framework);
      !kept)
    return std::unexpected(kept.error());
  ws.storage().set_actor(actor);
  return ws.storage().delete_framework(framework, expected_version);
}

Result<FrameworkSave> import_oscal_framework(Workspace& ws, const std::string& actor,
                                             const catalog::Sources& base,
                                             std::int64_t organization,
                                             const oscal::Document& document,
                                             const std::string& source, const std::string& id) {
  auto known = load_catalog(ws, base);
  if (!known) return std::unexpected(known.error());
  auto imported = oscal::import_catalog(document, known->result.catalog, {id, source});
  if (!imported) return std::unexpected(imported.error());
  if (!imported->new_standards.empty()) {
    std::vector<std::string> ids;
    for (const auto& s : imported->new_standards) ids.push_back(s.id);
    return fail(ErrorCode::k_invalid_input,
                source + " cites standards the catalog does not know (" + listed(ids) +
                    "); a stored framework cites the catalog's standards: add them as catalog "
                    "files (--add-catalog) first");
  }
  return create_framework(ws, actor, base, organization,
                          catalog::framework_to_yaml(imported->framework), source,
                          core::FrameworkOrigin::k_oscal, Keep::k_canonical);
}

}  // namespace cyberframe::workspace
