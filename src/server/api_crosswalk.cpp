// Crosswalks over HTTP: the crosswalk between two catalogs (paged), the organization's workspace
// mapping sets (CRUD with ETag / If-Match), and projecting a profile onto another framework.
#include <algorithm>
#include <mutex>

#include "catalog/writer.hpp"
#include "core/crosswalk.hpp"
#include "server/api.hpp"
#include "workspace/projection.hpp"

namespace cyberframe::server {

namespace {

// One engine per organization and state of its mapping sets (ids and versions), so a look-up
// after the first is served from the engine's cache, and any edit of a set gives a new engine.
std::shared_ptr<const core::CrosswalkEngine> engine_for(
    const core::Catalog& catalog, std::int64_t organization,
    const std::vector<core::WorkspaceMappingSet>& sets) {
  static std::mutex mutex;
  static std::map<std::pair<const core::Catalog*, std::int64_t>,
                  std::pair<std::string, std::shared_ptr<const core::CrosswalkEngine>>>
      engines;
  std::string signature;
  for (const auto& s : sets)
    signature += std::to_string(s.id) + ":" + std::to_string(s.version) + ";";
  std::lock_guard lock(mutex);
  auto& slot = engines[{&catalog, organization}];
  if (slot.second && slot.first == signature) return slot.second;
  std::vector<core::MappingSet> workspace;
  for (const auto& s : sets) workspace.push_back(core::to_mapping_set(s));
  slot = {signature, std::make_shared<const core::CrosswalkEngine>(catalog, std::move(workspace))};
  return slot.second;
}

Answer<std::shared_ptr<const core::CrosswalkEngine>> engine_of(Call& call,
                                                               std::int64_t organization) {
  std::vector<core::WorkspaceMappingSet> sets;
  if (organization != 0) {
    auto list = call.ctx.workspace.mapping_sets(organization);
    if (!list) return std::unexpected(problem_from(list.error()));
    sets = std::move(*list);
  }
  return engine_for(call.ctx.catalog(), organization, sets);
}

json mapping_json(const core::WorkspaceMapping& m) {
  return json{{"id", m.id},
              {"source", m.source},
              {"targets", m.targets},
              {"relationship", std::string(core::to_string(m.relationship))},
              {"rationale", m.rationale},
              {"version", m.version}};
}

json set_json(const core::WorkspaceMappingSet& s) {
  json mappings = json::array();
  for (const auto& m : s.mappings) mappings.push_back(mapping_json(m));
  return json{{"id", s.id},
              {"organization", s.organization},
              {"name", s.name},
              {"title", s.title},
              {"source", to_json(s.source)},
              {"target", to_json(s.target)},
              {"notes", s.notes},
              {"version", s.version},
              {"created_at", s.created_at},
              {"updated_at", s.updated_at},
              {"updated_by", s.updated_by},
              {"mappings", mappings}};
}

Response get_crosswalk(Call& call) {
  Page page;
  if (auto bad = read_page(call.req, page, 100, 1000)) return *bad;
  const auto& q = call.req.query;
  std::int64_t organization = 0;
  if (auto it = q.find("organization"); it != q.end()) {
    auto id = whole_number(it->second);
    if (!id)
      return problem(400, "Bad query parameter",
                     "organization must be an organization id (a whole number)");
    if (auto denied = require(call, *id, Need::k_read)) return *denied;
    organization = *id;
  }
  auto engine = engine_of(call, organization);
  if (!engine) return engine.error();
  const auto& from = call.req.params.at("from");
  const auto& to = call.req.params.at("to");
  auto cw = (*engine)->crosswalk(from, to);
  if (!cw) {
    if (cw.error().code == util::ErrorCode::k_not_found)
      return problem(404, "No such catalog", cw.error().message);
    return problem(400, "Bad crosswalk", cw.error().message);
  }
  std::vector<const core::CrosswalkEntry*> entries;
  if (auto it = q.find("node"); it != q.end()) {
    if (!core::has_node(call.ctx.catalog(), (*cw)->from, it->second))
      return problem(404, "No such node",
                     (*cw)->from.id + " has no node or clause '" + it->second + "'");
    entries = (*cw)->of(it->second);
  } else {
    for (const auto& e : (*cw)->entries) entries.push_back(&e);
  }
  auto body = page_of(entries, page, [](const core::CrosswalkEntry* e) {
    return workspace::crosswalk_entry_json(*e);
  });
  body["from"] = to_json((*cw)->from);
  body["to"] = to_json((*cw)->to);
  return ok(body);
}

Response invalid(const util::Error& e) {
  // Messages of core::validate_* start with the field: "source: ...", "mappings[0].target: ...".
  auto colon = e.message.find(": ");
  auto field = colon == std::string::npos ? std::string() : e.message.substr(0, colon);
  return problem(422, "Invalid mapping", e.message,
                 field.empty() ? json::object() : json{{"field", field}});
}

// The set as it is now, for a 412.
std::optional<Current> set_now(Call& call, std::int64_t set) {
  auto now = call.ctx.workspace.mapping_set(std::to_string(set));
  if (!now) return std::nullopt;
  return Current{set_json(*now), now->version};
}

// A mapping of a set as it is now, for a 412.
std::optional<Current> mapping_now(Call& call, std::int64_t set, std::int64_t mapping) {
  auto now = call.ctx.workspace.mapping_set(std::to_string(set));
  if (!now) return std::nullopt;
  for (const auto& x : now->mappings)
    if (x.id == mapping) return Current{mapping_json(x), x.version};
  return std::nullopt;
}

Response list_sets(Call& call) {
  auto org = organization_for(call, Need::k_read);
  if (!org) return org.error();
  Page page;
  if (auto bad = read_page(call.req, page, 50, 500)) return *bad;
  auto list = call.ctx.workspace.mapping_sets(org->id, slice_of(page));
  if (!list) return problem_from(list.error());
  return ok(
      paged_json(*list, page, [](const core::WorkspaceMappingSet& s) { return set_json(s); }));
}

std::optional<core::CatalogItemRef> item_of(const core::Catalog& cat, const std::string& id) {
  if (cat.framework(id)) return core::CatalogItemRef{core::CatalogItemRef::Kind::k_framework, id};
  if (cat.standard(id)) return core::CatalogItemRef{core::CatalogItemRef::Kind::k_standard, id};
  return std::nullopt;
}

Response create_set(Call& call) {
  auto org = organization_for(call, Need::k_write);
  if (!org) return org.error();
  json body;
  if (auto bad = read_body(call,
                           {{"name", FieldType::k_string, true, 128},
                            {"title", FieldType::k_string, true, 300},
                            {"source", FieldType::k_string, true, 128},
                            {"target", FieldType::k_string, true, 128},
                            {"notes", FieldType::k_string, false, 2000}},
                           body))
    return *bad;
  core::WorkspaceMappingSet s;
  s.organization = org->id;
  s.name = body["name"];
  s.title = body["title"];
  s.notes = body.value("notes", "");
  auto from = item_of(call.ctx.catalog(), body["source"]);
  if (!from)
    return problem(422, "Invalid mapping set",
                   "source: '" + body["source"].get<std::string>() +
                       "' is neither a framework nor a standard of the catalog",
                   json{{"field", "source"}});
  auto to = item_of(call.ctx.catalog(), body["target"]);
  if (!to)
    return problem(422, "Invalid mapping set",
                   "target: '" + body["target"].get<std::string>() +
                       "' is neither a framework nor a standard of the catalog",
                   json{{"field", "target"}});
  s.source = *from;
  s.target = *to;
  if (auto v = core::validate_mapping_set(call.ctx.catalog(), core::to_mapping_set(s)); !v)
    return invalid(v.error());
  auto created = call.ctx.workspace.create_mapping_set(actor(call), s);
  if (!created) {
    if (created.error().code == util::ErrorCode::k_conflict)
      return problem(409, "Name taken", created.error().message, json{{"field", "name"}});
    if (created.error().code == util::ErrorCode::k_invalid_input)
      return problem(422, "Invalid mapping set", created.error().message);
    return problem_from(created.error());
  }
  return with_etag(ok(set_json(*created), 201), created->version);
}

Response get_set(Call& call) {
  auto s = mapping_set_for(call, Need::k_read);
  if (!s) return s.error();
  return with_etag(ok(set_json(*s)), s->version);
}

Response update_set(Call& call) {
  auto s = mapping_set_for(call, Need::k_write);
  if (!s) return s.error();
  auto expected = required_if_match(call);
  if (!expected) return expected.error();
  json body;
  if (auto bad = read_body(
          call,
          {{"title", FieldType::k_string, false, 300}, {"notes", FieldType::k_string, false, 2000}},
          body))
    return *bad;
  auto read = s->version;
  if (body.contains("title")) s->title = body["title"];
  if (body.contains("notes")) s->notes = body["notes"];
  auto updated = versioned_write(
      *expected, read, "mapping set",
      [&] { return call.ctx.workspace.update_mapping_set(actor(call), *s); },
      [&] { return set_now(call, s->id); },
      [](const util::Error& e) {
        if (e.code == util::ErrorCode::k_invalid_input)
          return problem(422, "Invalid mapping set", "title: " + e.message,
                         json{{"field", "title"}});
        return problem_from(e);
      });
  if (!updated) return updated.error();
  return with_etag(ok(set_json(*updated)), updated->version);
}

Response delete_set(Call& call) {
  auto s = mapping_set_for(call, Need::k_write);
  if (!s) return s.error();
  auto expected = required_if_match(call);
  if (!expected) return expected.error();
  // The store compares the version as it deletes.
  auto d = versioned_write(
      *expected, *expected, "mapping set",
      [&] { return call.ctx.workspace.delete_mapping_set(actor(call), s->id, *expected); },
      [&] { return set_now(call, s->id); });
  if (!d) return d.error();
  return no_content();
}

Response export_set(Call& call) {
  auto s = mapping_set_for(call, Need::k_read);
  if (!s) return s.error();
  Response r{200,
             "application/yaml; charset=utf-8",
             catalog::mapping_set_to_yaml(core::to_mapping_set(*s)),
             {}};
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + s->name + ".yaml\"");
  return r;
}

// Reads a mapping body; `required` for a new mapping.
std::optional<Response> read_mapping(Call& call, bool required, core::WorkspaceMapping& m) {
  json body;
  if (auto bad = read_body(call,
                           {{"source", FieldType::k_string, required, 128},
                            {"targets", FieldType::k_string_list, false, 128},
                            {"relationship", FieldType::k_string, required, 32},
                            {"rationale", FieldType::k_string, false, 2000}},
                           body))
    return bad;
  if (body.contains("source")) m.source = body["source"];
  if (body.contains("targets")) m.targets = body["targets"].get<std::vector<std::string>>();
  if (body.contains("relationship")) {
    auto r = core::parse_relationship(body["relationship"].get<std::string>());
    if (!r)
      return problem(422, "Invalid mapping",
                     "relationship: '" + body["relationship"].get<std::string>() +
                         "' is not equal, equivalent, subset-of, superset-of, intersects-with or "
                         "no-relationship",
                     json{{"field", "relationship"}});
    m.relationship = *r;
  }
  if (body.contains("rationale")) m.rationale = body["rationale"];
  return std::nullopt;
}

// A new or changed mapping `m` of set `s`: 422 when core::validate_mapping refuses it, 409 when
// another mapping of the set already maps one of its pairs.
std::optional<Response> check_mapping(Call& call, const core::WorkspaceMappingSet& s,
                                      const core::WorkspaceMapping& m) {
  if (auto v = core::validate_mapping(
          call.ctx.catalog(), core::to_mapping_set(s),
          core::Mapping{m.source, m.targets, m.relationship, m.rationale, {}});
      !v)
    return invalid(v.error());
  for (const auto& old : s.mappings) {
    if (old.id == m.id || old.source != m.source) continue;
    for (const auto& t : m.targets)
      if (std::ranges::find(old.targets, t) != old.targets.end())
        return problem(409, "Already mapped",
                       m.source + " to " + t + " is already mapping " + std::to_string(old.id),
                       json{{"mapping", old.id}});
  }
  return std::nullopt;
}

Response add_mapping(Call& call) {
  auto s = mapping_set_for(call, Need::k_write);
  if (!s) return s.error();
  core::WorkspaceMapping m;
  if (auto bad = read_mapping(call, true, m)) return *bad;
  if (auto bad = check_mapping(call, *s, m)) return *bad;
  auto out = call.ctx.workspace.add_mapping(actor(call), s->id, m);
  if (!out) return problem_from(out.error());
  return with_etag(ok(set_json(*out), 201), out->version);
}

Answer<core::WorkspaceMapping> mapping_of(Call& call, const core::WorkspaceMappingSet& s) {
  const auto& text = call.req.params.at("mapping");
  auto id = whole_number(text);
  if (!id)
    return std::unexpected(
        problem(400, "Bad mapping id", "a mapping id is a whole number, not '" + text + "'"));
  for (const auto& m : s.mappings)
    if (m.id == *id) return m;
  return std::unexpected(
      problem(404, "Not found", "mapping set " + std::to_string(s.id) + " has no mapping " + text));
}

Response update_mapping(Call& call) {
  auto s = mapping_set_for(call, Need::k_write);
  if (!s) return s.error();
  auto m = mapping_of(call, *s);
  if (!m) return m.error();
  auto expected = required_if_match(call);
  if (!expected) return expected.error();
  auto read = m->version;
  if (auto bad = read_mapping(call, false, *m)) return *bad;
  if (read == *expected)
    if (auto bad = check_mapping(call, *s, *m)) return *bad;
  auto out = versioned_write(
      *expected, read, "mapping",
      [&] { return call.ctx.workspace.update_mapping(actor(call), s->id, *m); },
      [&] { return mapping_now(call, s->id, m->id); });
  if (!out) return out.error();
  for (const auto& x : out->mappings)
    if (x.id == m->id) return with_etag(ok(mapping_json(x)), x.version);
  return problem(500, "Internal error", "the mapping was stored but cannot be read back");
}

Response remove_mapping(Call& call) {
  auto s = mapping_set_for(call, Need::k_write);
  if (!s) return s.error();
  auto m = mapping_of(call, *s);
  if (!m) return m.error();
  auto expected = required_if_match(call);
  if (!expected) return expected.error();
  // The store compares the version as it removes.
  auto out = versioned_write(
      *expected, *expected, "mapping",
      [&] { return call.ctx.workspace.remove_mapping(actor(call), s->id, m->id, *expected); },
      [&] { return mapping_now(call, s->id, m->id); });
  if (!out) return out.error();
  return with_etag(ok(set_json(*out)), out->version);
}

Response project(Call& call) {
  json body;
  if (auto bad = read_body(call,
                           {{"to", FieldType::k_string, true, 128},
                            {"into", FieldType::k_string, false, 200},
                            {"dry_run", FieldType::k_boolean, false}},
                           body))
    return *bad;
  bool dry_run = body.value("dry_run", false);
  auto p = profile_for(call, dry_run ? Need::k_read : Need::k_write);
  if (!p) return p.error();
  const auto& cat = call.ctx.catalog();
  std::string to = body["to"];
  auto invalid_projection = [](const workspace::ProjectionError& e) {
    if (e.field == workspace::ProjectionField::k_none) {
      if (e.error.code == util::ErrorCode::k_conflict)
        return problem(409, "Changed during the projection", e.error.message);
      return problem_from(e.error);
    }
    std::string field = e.field == workspace::ProjectionField::k_to ? "to" : "into";
    return problem(422, "Invalid projection", field + ": " + e.error.message,
                   json{{"field", field}});
  };
  if (auto t = workspace::check_projection_target(cat, *p, to); !t)
    return invalid_projection(t.error());
  auto engine = engine_of(call, p->organization);
  if (!engine) return engine.error();
  auto cw = (*engine)->crosswalk(p->framework, to);
  if (!cw) return problem_from(cw.error());
  auto r = workspace::project_profile(call.ctx.workspace, cat, *p, **cw, body.value("into", ""),
                                      dry_run, call.principal->user.name);
  if (!r) return invalid_projection(r.error());
  const auto& dest = r->destination;
  return ok(json{{"source", json{{"profile", p->id}, {"framework", p->framework}}},
                 {"destination", json{{"profile", dest.id == 0 ? json(nullptr) : json(dest.id)},
                                      {"name", dest.name},
                                      {"framework", to},
                                      {"created", r->created}}},
                 {"dry_run", dry_run},
                 {"summary", workspace::projection_summary_json(*r)},
                 {"nodes", workspace::projection_nodes_json(r->projection)}},
            dry_run || r->existed ? 200 : 201);
}

}  // namespace

void add_crosswalk_routes(Routes& routes) {
  auto user = Access::k_user;
  routes.add("GET", "/api/v1/crosswalks/{from}/{to}", user, get_crosswalk);
  routes.add("GET", "/api/v1/organizations/{org}/mapping-sets", user, list_sets);
  routes.add("POST", "/api/v1/organizations/{org}/mapping-sets", user, create_set);
  routes.add("GET", "/api/v1/mapping-sets/{set}", user, get_set);
  routes.add("PUT", "/api/v1/mapping-sets/{set}", user, update_set);
  routes.add("DELETE", "/api/v1/mapping-sets/{set}", user, delete_set);
  routes.add("GET", "/api/v1/mapping-sets/{set}/export", user, export_set);
  routes.add("POST", "/api/v1/mapping-sets/{set}/mappings", user, add_mapping);
  routes.add("PUT", "/api/v1/mapping-sets/{set}/mappings/{mapping}", user, update_mapping);
  routes.add("DELETE", "/api/v1/mapping-sets/{set}/mappings/{mapping}", user, remove_mapping);
  routes.add("POST", "/api/v1/profiles/{id}/project", user, project);
}

}  // namespace cyberframe::server
