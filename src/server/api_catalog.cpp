// The reference catalog, read-only: frameworks, nodes and the reverse look-up from a clause.
#include "catalog/builtin.hpp"
#include "catalog/writer.hpp"
#include "core/lookup.hpp"
#include "server/api.hpp"

namespace cyberframe::server {

namespace {

Response list_frameworks(Call& call) {
  Page page;
  if (auto bad = read_page(call.req, page, 50, 500)) return *bad;
  const auto& q = call.req.query;
  auto sort = q.contains("sort") ? q.at("sort") : "id";
  if (sort != "id" && sort != "title")
    return problem(400, "Bad query parameter", "sort must be id or title");
  const auto& cat = call.ctx.catalog();
  std::vector<const core::Framework*> all;
  for (const auto& [id, fw] : cat.frameworks()) all.push_back(&fw);
  // Where each comes from; the workspace's own with their organization and version.
  std::map<std::string, core::WorkspaceFramework> stored;
  core::FrameworkQuery everything;
  everything.slice = util::Slice::all();
  auto list = call.ctx.workspace.stored_frameworks(everything);
  if (!list) return problem_from(list.error());
  for (auto& f : list->items) stored.emplace(f.framework, std::move(f));
  if (sort == "title")
    std::stable_sort(all.begin(), all.end(), [](auto* a, auto* b) { return a->title < b->title; });
  return ok(page_of(all, page, [&](const core::Framework* fw) {
    std::map<std::string, int> counts;
    for (const auto* n : cat.nodes_in_order(fw->id))
      ++counts[std::string(core::to_string(n->level))];
    json out{{"id", fw->id},
             {"title", fw->title},
             {"method", std::string(core::to_string(fw->provenance.method))},
             {"counts", counts},
             {"derived_from", fw->derivation ? json(fw->derivation->from) : json(nullptr)}};
    auto it = stored.find(fw->id);
    if (it != stored.end() && fw->location.file == "workspace:frameworks/" + fw->id) {
      out["origin"] = "workspace";
      out["organization"] = it->second.organization;
      out["version"] = it->second.version;
    } else {
      out["origin"] = catalog::is_builtin_file(fw->location.file) ? "built-in" : "file";
    }
    return out;
  }));
}

Response no_framework(const std::string& id) {
  return problem(404, "No such framework",
                 "there is no framework '" + id + "'; GET /api/v1/frameworks lists them");
}

Response get_framework(Call& call) {
  const auto& cat = call.ctx.catalog();
  const auto* fw = cat.framework(call.req.params.at("id"));
  if (fw == nullptr) return no_framework(call.req.params.at("id"));
  return ok(catalog::framework_to_json(cat, *fw));
}

Response get_node(Call& call) {
  const auto& cat = call.ctx.catalog();
  const auto& id = call.req.params.at("id");
  if (cat.framework(id) == nullptr) return no_framework(id);
  const auto* node = cat.node(id, call.req.params.at("node"));
  if (node == nullptr)
    return problem(404, "No such node",
                   "framework " + id + " has no node '" + call.req.params.at("node") + "'");
  auto body = catalog::node_to_json(cat, *node, false);
  const auto* parent = cat.parent(id, node->id);
  body["framework"] = id;
  body["parent"] = parent ? json(parent->id) : json(nullptr);
  json children = json::array();
  for (const auto& c : node->children) children.push_back(c.id);
  body["children"] = children;
  return ok(body);
}

Response references(Call& call) {
  const auto& cat = call.ctx.catalog();
  const auto& q = call.req.query;
  auto it = q.find("standard");
  if (it == q.end() || it->second.empty())
    return problem(
        400, "Missing query parameter",
        "give standard (a designation such as ISO/IEC 27002:2022, or an id) and optionally clause");
  const auto* s = cat.find_standard(it->second);
  if (s == nullptr)
    return problem(404, "No such standard", "the catalog has no standard '" + it->second + "'");
  std::string clause = q.contains("clause") ? q.at("clause") : "";
  if (!clause.empty() && s->has_clause_list && s->find_clause(clause) == nullptr)
    return problem(404, "No such clause", s->designation + " has no clause '" + clause + "'");
  json items = json::array();
  for (const auto& c : core::find_citations(cat, *s, clause)) {
    items.push_back(json{{"framework", c.framework->id},
                         {"node", c.node->id},
                         {"level", std::string(core::to_string(c.node->level))},
                         {"title", c.node->title},
                         {"cites", catalog::reference_to_json(cat, c.reference)},
                         {"match", std::string(core::to_string(c.match))},
                         {"via", c.via}});
  }
  return ok(json{{"standard", s->designation},
                 {"clause", clause.empty() ? json(nullptr) : json(clause)},
                 {"citations", items}});
}

Response scales(Call& call) {
  auto list = call.ctx.workspace.scales();
  if (!list) return problem_from(list.error());
  json items = json::array();
  for (const auto& s : *list) items.push_back(to_json(s));
  return ok(page_json(items, items.size(), Page{items.size(), 0}));
}

}  // namespace

void add_catalog_routes(Routes& routes) {
  routes.add("GET", "/api/v1/frameworks", Access::k_user, list_frameworks);
  routes.add("GET", "/api/v1/frameworks/{id}", Access::k_user, get_framework);
  routes.add("GET", "/api/v1/frameworks/{id}/nodes/{node}", Access::k_user, get_node);
  routes.add("GET", "/api/v1/references", Access::k_user, references);
  routes.add("GET", "/api/v1/scales", Access::k_user, scales);
}

}  // namespace cyberframe::server
