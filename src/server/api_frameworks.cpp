// Frameworks stored in the workspace (docs/frameworks.md): an organization's own frameworks,
// their versions, and the check of a draft that the framework editor runs as it is typed. The
// rules are workspace/frameworks.hpp's; this file reads requests and writes answers.
#include <algorithm>
#include <optional>

#include "catalog/builtin.hpp"
#include "catalog/writer.hpp"
#include "server/api.hpp"
#include "util/budget.hpp"
#include "util/json.hpp"
#include "util/text.hpp"
#include "workspace/frameworks.hpp"

namespace cyberframe::server {

namespace {

// The draft a body holds: JSON {"document": {...}} (the editor's framework, written out as the
// catalog writer writes it) or {"yaml": "..."} (a catalog file, kept as given), or the catalog
// file itself as application/yaml.
struct Draft {
  std::string text;
  workspace::Keep keep = workspace::Keep::k_text;
};

Answer<Draft> read_draft(const Call& call) {
  const auto& req = call.req;
  auto type = util::to_lower(req.header("content-type"));
  const auto max = call.ctx.options.max_upload_bytes;
  if (req.body.size() > max)
    return std::unexpected(problem(
        413, "Request too large",
        "a framework document may have at most " + std::to_string(max >> 20) + " MiB here"));
  if (type.starts_with("application/yaml") || type.starts_with("text/yaml") ||
      type.starts_with("application/x-yaml"))
    return Draft{req.body, workspace::Keep::k_text};
  if (!type.starts_with("application/json"))
    return std::unexpected(problem(
        415, "Unsupported media type",
        "send JSON ({\"document\": {...}} or {\"yaml\": \"...\"}) with Content-Type: "
        "application/json, or the catalog file itself with Content-Type: application/yaml"));
  // As a draft's YAML is read (catalog::k_draft_limits): a framework of 250,000 values, nested
  // as deep as catalog files may be (each level of nodes is an object in an array).
  util::Budget budget(
      util::ParseLimits{.bytes = max, .nodes = 250000, .depth = 64, .item_bytes = 1u << 20},
      "a framework document");
  auto parsed = util::parse_json<json>(req.body, budget);
  if (!parsed)
    return std::unexpected(problem(400, "Malformed JSON",
                                   parsed.error().message + " at byte " +
                                       std::to_string(parsed.error().byte) +
                                       "; send one JSON object"));
  const auto& body = *parsed;
  if (!body.is_object())
    return std::unexpected(problem(400, "Invalid request body", "the body must be a JSON object"));
  for (const auto& [key, value] : body.items())
    if (key != "document" && key != "yaml")
      return std::unexpected(problem(
          422, "Not accepted", "unknown field '" + key + "': send document or yaml",
          json{{"errors", json::array({json{{"field", key}, {"message", "unknown field"}}})}}));
  if (body.contains("document") == body.contains("yaml"))
    return std::unexpected(
        problem(422, "Not accepted",
                "send exactly one of document (the framework as a JSON object) and yaml (the "
                "catalog file's text)"));
  if (body.contains("yaml")) {
    if (!body["yaml"].is_string())
      return std::unexpected(problem(422, "Not accepted", "yaml must be a string"));
    return Draft{body["yaml"].get<std::string>(), workspace::Keep::k_text};
  }
  if (!body["document"].is_object())
    return std::unexpected(problem(422, "Not accepted",
                                   "document must be a JSON object: a framework in the catalog "
                                   "format (docs/catalog-format.md)"));
  return Draft{catalog::json_to_yaml(body["document"]), workspace::Keep::k_canonical};
}

// Writes need the catalog files the server loaded (every server has them; a test's Context may
// not).
Answer<const catalog::Sources*> sources(const Call& call) {
  if (!call.ctx.catalogs)
    return std::unexpected(
        problem(503, "Frameworks unavailable", "this server does not keep stored frameworks"));
  return &call.ctx.catalogs->base();
}

json diagnostics_json(const std::vector<catalog::Diagnostic>& list) {
  json out = json::array();
  for (const auto& d : list) out.push_back(catalog::diagnostic_to_json(d));
  return out;
}

json check_json(const workspace::FrameworkCheck& check) {
  return json{{"ok", check.ok()},
              {"conformant", check.file.conformance && check.file.conformance->applicable
                                 ? json(check.ok() && check.file.conformance->conformant())
                                 : json()},
              {"framework", check.file.framework.empty() ? json() : json(check.file.framework)},
              {"nodes", check.nodes},
              {"errors", check.file.errors},
              {"warnings", check.file.warnings},
              {"diagnostics", diagnostics_json(check.file.diagnostics)},
              {"ts_27110", check.file.conformance ? catalog::conformance_to_json(
                                                        *check.file.conformance, check.file.loaded)
                                                  : json()}};
}

// The framework of the request's catalog that the stored record gave, if it loaded.
const core::Framework* loaded(const Call& call, const core::WorkspaceFramework& f) {
  const auto* fw = call.ctx.catalog().framework(f.framework);
  return fw && fw->location.file == workspace::stored_path(f.framework) ? fw : nullptr;
}

json summary_json(const core::WorkspaceFramework& f, bool is_loaded) {
  auto out = to_json(f);
  out["loaded"] = is_loaded;
  return out;
}

// Summary, document, text, diagnostics and conformance: of `check` when the framework was just
// checked, else of the request's catalog (checked again when it does not load there).
Answer<json> detail_json(Call& call, const core::WorkspaceFramework& f,
                         const workspace::FrameworkCheck* check) {
  std::optional<workspace::FrameworkCheck> again;
  const core::Framework* fw = check && check->framework ? &*check->framework : nullptr;
  if (!check) fw = loaded(call, f);
  if (!check && !fw) {
    auto base = sources(call);
    if (!base) return std::unexpected(base.error());
    auto checked = workspace::check_framework(call.ctx.workspace, **base, f.content,
                                              workspace::stored_path(f.framework), f.framework);
    if (!checked) return std::unexpected(problem_from(checked.error()));
    again = std::move(*checked);
    check = &*again;
  }
  auto out = summary_json(f, check ? check->ok() : true);
  out["document"] = fw ? catalog::framework_to_document(*fw) : json();
  out["yaml"] = f.content;
  if (check) {
    auto c = check_json(*check);
    out["diagnostics"] = c["diagnostics"];
    out["ts_27110"] = c["ts_27110"];
  } else {
    auto conformance = catalog::check_conformance(call.ctx.catalog(), *fw);
    out["diagnostics"] = diagnostics_json(conformance.findings);
    out["ts_27110"] = catalog::conformance_to_json(conformance, true);
  }
  return out;
}

// The stored framework of the route's {id}: 404 that says when it is built in or a file's.
Answer<core::WorkspaceFramework> stored_for(Call& call) {
  const auto& id = call.req.params.at("id");
  auto f = call.ctx.workspace.stored_framework(id);
  if (f) return std::move(*f);
  if (f.error().code != util::ErrorCode::k_not_found)
    return std::unexpected(problem_from(f.error()));
  if (const auto* fw = call.ctx.catalog().framework(id))
    return std::unexpected(problem(
        404, "Not a stored framework",
        "framework " + id + " comes from " +
            (fw->location.file.starts_with("catalog/")
                 ? std::string("cyberframe's built-in catalog")
                 : "the catalog file " + fw->location.file) +
            ", not from the workspace: it cannot be changed here; copy it into a framework of "
            "your own to edit"));
  return std::unexpected(problem(404, "No such framework",
                                 "the workspace stores no framework '" + id +
                                     "'; GET /api/v1/organizations/{org}/frameworks lists them"));
}

Response list_frameworks(Call& call) {
  auto org = organization_for(call, Need::k_read);
  if (!org) return org.error();
  if (auto bad = only_parameters(call.req, {"q", "limit", "offset"})) return *bad;
  Page page;
  if (auto bad = read_page(call.req, page, 50, 500)) return *bad;
  core::FrameworkQuery q;
  q.organization = org->id;
  if (auto it = call.req.query.find("q"); it != call.req.query.end()) {
    if (it->second.size() > 200) return bad_parameter("q", "q may have at most 200 bytes");
    q.text = it->second;
  }
  q.slice = slice_of(page);
  auto list = call.ctx.workspace.stored_frameworks(q);
  if (!list) return problem_from(list.error());
  return ok(paged_json(*list, page, [&](const core::WorkspaceFramework& f) {
    return summary_json(f, loaded(call, f) != nullptr);
  }));
}

Response create_framework(Call& call) {
  auto org = organization_for(call, Need::k_write);
  if (!org) return org.error();
  if (auto bad = only_parameters(call.req, {})) return *bad;
  auto base = sources(call);
  if (!base) return base.error();
  auto draft = read_draft(call);
  if (!draft) return draft.error();
  auto saved =
      workspace::create_framework(call.ctx.workspace, actor(call), **base, org->id, draft->text,
                                  "document", core::FrameworkOrigin::k_authored, draft->keep);
  if (!saved) return problem_from(saved.error());
  return framework_saved(call, *saved, 201);
}

Response get_source(Call& call) {
  if (auto bad = only_parameters(call.req, {})) return *bad;
  auto f = stored_for(call);
  if (!f) return f.error();
  auto body = detail_json(call, *f, nullptr);
  if (!body) return body.error();
  return with_etag(ok(*body), f->version);
}

// What a change to the stored framework of {id} needs: the framework, the role to change it, the
// version If-Match names, the catalog files.
struct Change {
  core::WorkspaceFramework framework;
  std::int64_t expected = 0;
  const catalog::Sources* base = nullptr;
};

Answer<Change> change_for(Call& call) {
  if (auto bad = only_parameters(call.req, {})) return std::unexpected(*bad);
  auto f = stored_for(call);
  if (!f) return std::unexpected(f.error());
  if (auto denied = require(call, f->organization, Need::k_write)) return std::unexpected(*denied);
  auto expected = required_if_match(call);
  if (!expected) return std::unexpected(expected.error());
  auto base = sources(call);
  if (!base) return std::unexpected(base.error());
  return Change{std::move(*f), *expected, *base};
}

// The stored framework as it is now, for a 412.
std::optional<Current> current_of(Call& call, const std::string& framework) {
  auto now = call.ctx.workspace.stored_framework(framework);
  if (!now) return std::nullopt;
  return Current{summary_json(*now, loaded(call, *now) != nullptr), now->version};
}

Response update_framework(Call& call) {
  auto c = change_for(call);
  if (!c) return c.error();
  auto draft = read_draft(call);
  if (!draft) return draft.error();
  const auto& id = c->framework.framework;
  auto saved = versioned_write(
      c->expected, c->framework.version, "framework",
      [&] {
        return workspace::update_framework(call.ctx.workspace, actor(call), *c->base, id,
                                           draft->text, "document", c->expected, draft->keep);
      },
      [&] { return current_of(call, id); });
  if (!saved) return saved.error();
  return framework_saved(call, *saved, 200);
}

Response delete_framework(Call& call) {
  auto c = change_for(call);
  if (!c) return c.error();
  const auto& id = c->framework.framework;
  auto done = versioned_write(
      c->expected, c->framework.version, "framework",
      [&] {
        return workspace::delete_framework(call.ctx.workspace, actor(call), *c->base, id,
                                           c->expected);
      },
      [&] { return current_of(call, id); });
  if (!done) return done.error();
  return no_content();
}

Response check(Call& call) {
  if (auto bad = only_parameters(call.req, {"replacing"})) return *bad;
  auto base = sources(call);
  if (!base) return base.error();
  auto draft = read_draft(call);
  if (!draft) return draft.error();
  // The check of a new version leaves the stored one out (its id is the draft's own).
  std::string replacing;
  if (auto it = call.req.query.find("replacing"); it != call.req.query.end()) {
    auto f = call.ctx.workspace.stored_framework(it->second);
    if (!f) return problem_from(f.error());
    replacing = f->framework;
  }
  auto checked =
      workspace::check_framework(call.ctx.workspace, **base, draft->text, "document", replacing);
  if (!checked) return problem_from(checked.error());
  auto out = check_json(*checked);
  out["yaml"] = checked->text;
  return ok(out);
}

Response list_versions(Call& call) {
  if (auto bad = only_parameters(call.req, {})) return *bad;
  auto f = stored_for(call);
  if (!f) return f.error();
  auto list = call.ctx.workspace.framework_versions(f->framework);
  if (!list) return problem_from(list.error());
  json items = json::array();
  for (const auto& v : *list) items.push_back(to_json(v));
  return ok(json{{"framework", f->framework}, {"items", items}});
}

Response get_version(Call& call) {
  if (auto bad = only_parameters(call.req, {})) return *bad;
  auto f = stored_for(call);
  if (!f) return f.error();
  auto number = whole_number(call.req.params.at("version"));
  if (!number) return problem(404, "No such version", "a version is a whole number, such as 1");
  auto v = call.ctx.workspace.framework_version(f->framework, *number);
  if (!v) return problem_from(v.error());
  auto out = to_json(*v);
  out["framework"] = f->framework;
  out["yaml"] = v->content;
  return ok(out);
}

}  // namespace

Response framework_saved(Call& call, const workspace::FrameworkSave& save, int status) {
  if (!save.stored) {
    json errors = json::array();
    for (const auto& d : save.check.file.diagnostics)
      if (d.severity == catalog::Severity::k_error)
        errors.push_back(catalog::diagnostic_to_json(d));
    auto c = check_json(save.check);
    std::string first = "it is not a framework";
    for (const auto& d : save.check.file.diagnostics) {
      if (d.severity != catalog::Severity::k_error) continue;
      const auto& conformance = save.check.file.conformance;
      if (conformance && std::any_of(conformance->findings.begin(), conformance->findings.end(),
                                     [&](const auto& f) { return f.message == d.message; }))
        continue;
      first = d.to_string();
      break;
    }
    return problem(
        422, "Not accepted",
        "the framework does not load (" + std::to_string(save.check.file.errors) + " error" +
            (save.check.file.errors == 1 ? "" : "s") + "): " + first,
        json{{"errors", errors}, {"ts_27110", c["ts_27110"]}, {"yaml", save.check.text}});
  }
  auto body = detail_json(call, *save.stored, &save.check);
  if (!body) return body.error();
  return with_etag(ok(*body, status), save.stored->version);
}

void add_framework_routes(Routes& routes) {
  const auto user = Access::k_user;
  routes.add("GET", "/api/v1/organizations/{org}/frameworks", user, list_frameworks);
  routes.add("POST", "/api/v1/organizations/{org}/frameworks", user, create_framework)
      .upload()
      .gated();
  routes.add("POST", "/api/v1/frameworks/check", user, check).upload().gated().changes_nothing();
  routes.add("GET", "/api/v1/frameworks/{id}/source", user, get_source);
  routes.add("PUT", "/api/v1/frameworks/{id}", user, update_framework).upload().gated();
  routes.add("DELETE", "/api/v1/frameworks/{id}", user, delete_framework).gated();
  routes.add("GET", "/api/v1/frameworks/{id}/versions", user, list_versions);
  routes.add("GET", "/api/v1/frameworks/{id}/versions/{version}", user, get_version);
}

}  // namespace cyberframe::server
