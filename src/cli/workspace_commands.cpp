// Workspace verbs: init, org, profile, assessment, gap, roadmap, report, demo.

#include <CLI/CLI.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <ostream>
#include <random>

#include <sodium.h>
#include <sstream>

#include "catalog/loader.hpp"
#include "cli/cli.hpp"
#include "cli/output.hpp"
#include "cli/workspace_context.hpp"
#include "codec/json.hpp"
#include "core/audit_changes.hpp"
#include "core/crosswalk.hpp"
#include "exchange/profile_table.hpp"
#include "report/report.hpp"
#include "util/budget.hpp"
#include "util/clock.hpp"
#include "util/text.hpp"
#include "workspace/audit_export.hpp"
#include "workspace/document_demo.hpp"
#include "workspace/gaps.hpp"
#include "workspace/isms.hpp"
#include "workspace/measurement_demo.hpp"
#include "workspace/profile_import.hpp"
#include "workspace/projection.hpp"
#include "workspace/reporting.hpp"
#include "workspace/review.hpp"
#include "workspace/risk_demo.hpp"
#include "workspace/workspace.hpp"

namespace cyberframe::cli {

namespace {

using nlohmann::json;

struct Workspace {
  std::unique_ptr<workspace::Workspace> store;
  catalog::LoadResult catalog;
};

using Ctx = WorkspaceContext;

std::optional<Workspace> open_workspace(const Ctx& ctx, int& status, workspace::OpenMode mode) {
  auto s = open_store(ctx, status, mode);
  if (!s) return std::nullopt;
  auto cat = workspace_catalog(ctx, *s, status);
  if (!cat) return std::nullopt;
  return Workspace{std::move(s), std::move(*cat)};
}

// Opens the (existing, unless `mode` says k_create) workspace and runs `body` on it; the exit
// status of the open's failure otherwise.
template <typename F>
int with_workspace(const Ctx& ctx, F&& body,
                   workspace::OpenMode mode = workspace::OpenMode::k_existing) {
  int status = 0;
  auto ws = open_workspace(ctx, status, mode);
  if (!ws) return status;
  return body(*ws);
}

// A score as every view shows it: one decimal, half away from zero (core::format_score).
std::string fmt_score(std::optional<double> v) {
  return v ? core::format_score(*v) : "-";
}

json score_json(std::optional<double> v) {
  if (!v) return nullptr;
  return std::round(*v * 100) / 100;
}

// The file in one allocation of its size (a stream's copy would hold it twice).
std::string read_all(const std::string& path, bool& ok) {
  std::ifstream in(path, std::ios::binary);
  ok = static_cast<bool>(in);
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  if (!ok || ec) {
    std::ostringstream o;
    o << in.rdbuf();
    return o.str();
  }
  std::string bytes(static_cast<std::size_t>(size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  return bytes;
}

bool write_all(const std::string& path, const std::string& bytes) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  return f && (f << bytes) && f.flush();
}

std::string node_text(const core::Node& n) {
  return n.title.empty() ? n.description : n.title;
}

// The scale a profile is assessed on.
util::Result<core::Scale> scale_of(Workspace& ws, const core::Profile& p) {
  auto s = ws.store->scale(p.scale);
  if (!s)
    return util::fail(s.error().code,
                      "profile " + p.name + " is on scale '" + p.scale + "': " + s.error().message);
  return s;
}

// --- init, org ------------------------------------------------------------------------------

int cmd_init(const Ctx& ctx, Workspace& ws) {
  // A workspace whose audit key is missing is not ready: nothing could be recorded in it.
  if (auto ready = ws.store->can_record(); !ready) return fail_with(ctx, ready.error());
  auto files = workspace::audit_paths(location(ctx.options));
  ctx.out << "workspace " << ctx.options.db << " ready (schema version "
          << ws.store->schema_version().value_or(0) << ")\n"
          << "audit key " << files.key.string() << " and anchor " << files.anchor.string()
          << ": back up the key apart from the database (without it no change can be recorded)\n"
          << "Next: cyberframe org create \"Your organization\"\n";
  return k_exit_ok;
}

int cmd_org_create(const Ctx& ctx, Workspace& ws, const std::string& name, const std::string& scope,
                   Format format) {
  auto org = ws.store->create_organization(actor(ctx), name, scope);
  if (!org) return fail_with(ctx, org.error());
  if (format == Format::k_text)
    ctx.out << "organization " << org->id << " '" << org->name << "' created\n";
  else
    print_structured(ctx.out, format,
                     json{{"id", org->id}, {"name", org->name}, {"scope", org->scope}});
  return k_exit_ok;
}

int cmd_org_list(const Ctx& ctx, Workspace& ws, Format format) {
  auto orgs = ws.store->organizations();
  if (!orgs) return fail_with(ctx, orgs.error());
  Table t({"ID", "NAME", "PROFILES", "SCOPE"});
  json j = json::array();
  for (const auto& o : *orgs) {
    auto ps = ws.store->profiles(o.id);
    t.add({std::to_string(o.id), o.name, std::to_string(ps ? ps->size() : 0), o.scope});
    j.push_back(json{
        {"id", o.id}, {"name", o.name}, {"scope", o.scope}, {"profiles", ps ? ps->size() : 0}});
  }
  print_data(ctx.out, format, t, j);
  return k_exit_ok;
}

// --- profile --------------------------------------------------------------------------------

int cmd_profile_create(const Ctx& ctx, Workspace& ws, const std::string& org_name,
                       const std::string& framework, const std::string& kind,
                       const std::string& name, const std::string& scale_id, Format format) {
  if (ws.catalog.catalog.framework(framework) == nullptr)
    return fail_with(ctx, "unknown framework '" + framework +
                              "' (see 'cyberframe catalog list --kind framework')");
  auto org = ws.store->organization(org_name);
  if (!org) return fail_with(ctx, org.error());
  core::Profile p;
  p.organization = org->id;
  p.framework = framework;
  p.kind = core::parse_profile_kind(kind).value_or(core::ProfileKind::k_current);
  p.name = name;
  p.scale = scale_id.empty() ? core::default_scale().id : scale_id;
  if (auto sc = ws.store->scale(p.scale); !sc) return fail_with(ctx, sc.error());
  auto created = ws.store->create_profile(actor(ctx), p);
  if (!created) return fail_with(ctx, created.error());
  if (format == Format::k_text)
    ctx.out << kind << " profile " << created->id << " '" << created->name << "' of " << org->name
            << " on " << framework << " created\n";
  else
    print_structured(ctx.out, format,
                     json{{"id", created->id},
                          {"name", created->name},
                          {"framework", framework},
                          {"kind", kind}});
  return k_exit_ok;
}

int cmd_profile_list(const Ctx& ctx, Workspace& ws, const std::string& org_name, Format format) {
  std::vector<core::Organization> orgs;
  if (!org_name.empty()) {
    auto o = ws.store->organization(org_name);
    if (!o) return fail_with(ctx, o.error());
    orgs.push_back(*o);
  } else {
    auto all = ws.store->organizations();
    if (!all) return fail_with(ctx, all.error());
    orgs = std::move(*all);
  }
  Table t({"ID", "ORGANIZATION", "NAME", "KIND", "FRAMEWORK", "ASSESSED", "UPDATED"});
  json j = json::array();
  for (const auto& o : orgs) {
    auto counts = ws.store->assessed_counts(o.id);
    if (!counts) return fail_with(ctx, counts.error());
    auto profiles = ws.store->profiles(o.id);
    if (!profiles) return fail_with(ctx, profiles.error());
    for (const auto& p : *profiles) {
      auto assessed = (*counts)[p.id];
      t.add({std::to_string(p.id), o.name, p.name, std::string(core::to_string(p.kind)),
             p.framework, std::to_string(assessed), p.updated_at});
      j.push_back(json{{"id", p.id},
                       {"organization", o.name},
                       {"name", p.name},
                       {"kind", std::string(core::to_string(p.kind))},
                       {"framework", p.framework},
                       {"assessed_nodes", assessed},
                       {"updated_at", p.updated_at}});
    }
  }
  print_data(ctx.out, format, t, j);
  return k_exit_ok;
}

int cmd_profile_show(const Ctx& ctx, Workspace& ws, const std::string& ref, Format format) {
  auto p = ws.store->profile(ref);
  if (!p) return fail_with(ctx, p.error());
  auto rows = ws.store->node_assessments(p->id);
  if (!rows) return fail_with(ctx, rows.error());
  const auto& cat = ws.catalog.catalog;
  auto scores = core::roll_up(cat, p->framework, *rows);
  Table t({"NODE", "LEVEL", "SCORE", "ASSESSED", "N/A", "TOTAL", "OUTCOME"});
  json j = json::array();
  for (const auto* n : cat.nodes_in_order(p->framework)) {
    if (n->level != core::Level::k_function && n->level != core::Level::k_category) continue;
    const auto& s = scores[n->id];
    t.add({n->id, std::string(core::to_string(n->level)), fmt_score(s.value),
           std::to_string(s.assessed), std::to_string(s.not_applicable), std::to_string(s.total),
           node_text(*n)});
    j.push_back(json{{"node", n->id},
                     {"level", std::string(core::to_string(n->level))},
                     {"score", score_json(s.value)},
                     {"assessed", s.assessed},
                     {"not_applicable", s.not_applicable},
                     {"total", s.total}});
  }
  if (format == Format::k_text) {
    ctx.out << p->name << " (" << core::to_string(p->kind) << ", " << p->framework << ", version "
            << p->version << ", updated " << p->updated_at << ")\n";
    t.print(ctx.out);
  } else if (format == Format::k_csv) {
    t.print_csv(ctx.out);
  } else {
    print_structured(ctx.out, format, json{{"profile", p->name}, {"id", p->id}, {"scores", j}});
  }
  return k_exit_ok;
}

struct SetOptions {
  std::string profile, node, owner, notes, justification, priority;
  std::optional<int> level;
  bool not_applicable = false;
  bool clear_level = false;
  std::optional<std::int64_t> expect_version;
};

int cmd_profile_set(const Ctx& ctx, Workspace& ws, const SetOptions& o, Format format) {
  auto p = ws.store->profile(o.profile);
  if (!p) return fail_with(ctx, p.error());
  workspace::NodeChange change;
  change.expected_version = o.expect_version;
  if (o.level) change.level = o.level;
  if (o.clear_level) change.level = std::optional<int>{};
  // --na wins over a level given with it, as it always has on the command line.
  if (o.not_applicable) {
    change.not_applicable = true;
    change.level.reset();
  }
  if (!o.justification.empty()) change.justification = o.justification;
  if (!o.owner.empty()) change.owner = o.owner;
  if (!o.notes.empty()) change.notes = o.notes;
  if (!o.priority.empty()) {
    static const std::map<std::string, int> k_priorities{{"1", 1},    {"2", 2},      {"3", 3},
                                                         {"high", 1}, {"medium", 2}, {"low", 3}};
    auto it = k_priorities.find(util::to_lower(o.priority));
    if (it == k_priorities.end())
      return fail_with(ctx, "priority '" + o.priority + "' is not 1/high, 2/medium or 3/low");
    change.priority = it->second;
  }
  auto scale_r = scale_of(ws, *p);
  if (!scale_r) return fail_with(ctx, scale_r.error());
  const auto& scale = *scale_r;
  auto stored = ws.store->change_node(actor(ctx), ws.catalog.catalog, *p, o.node, change);
  if (!stored) return fail_with(ctx, stored.error());
  if (format == Format::k_text) {
    ctx.out << p->name << ' ' << stored->node << ": ";
    if (stored->not_applicable)
      ctx.out << "not applicable (" << stored->justification << ")";
    else if (stored->level)
      ctx.out << "level " << *stored->level << " " << scale.find(*stored->level)->name;
    else
      ctx.out << "not assessed";
    ctx.out << " (version " << stored->version << ")\n";
  } else {
    print_structured(ctx.out, format,
                     json{{"node", stored->node},
                          {"level", stored->level ? json(*stored->level) : json(nullptr)},
                          {"not_applicable", stored->not_applicable},
                          {"version", stored->version}});
  }
  return k_exit_ok;
}

int cmd_profile_import(const Ctx& ctx, Workspace& ws, const std::string& ref,
                       const std::string& file) {
  auto p = ws.store->profile(ref);
  if (!p) return fail_with(ctx, p.error());
  auto format = exchange::format_from_path(file);
  if (!format)
    return fail_with(ctx, "cannot tell the format of " + file + " (use .csv, .xlsx or .yaml)");
  // A file past the import's limit of bytes is refused before it is read.
  std::error_code size_error;
  auto size = std::filesystem::file_size(file, size_error);
  if (auto max = exchange::import_limits(*format).bytes; !size_error && size > max) {
    ctx.err << file << ": the file is " << util::with_separators(size)
            << " bytes: a profile file may hold at most " << util::with_separators(max)
            << " bytes\n";
    ctx.err << "cyberframe: error: 1 problem(s) in " << file << "; nothing was imported\n";
    return k_exit_bad_input;
  }
  bool ok = false;
  auto bytes = read_all(file, ok);
  if (!ok) return fail_with(ctx, "cannot read " + file);
  auto result =
      workspace::import_profile(*ws.store, actor(ctx), ws.catalog.catalog, *p, *format, bytes);
  if (!result) return fail_with(ctx, result.error());
  if (!result->errors.empty()) {
    for (const auto& e : result->errors) ctx.err << file << ": " << e.to_string() << '\n';
    ctx.err << "cyberframe: error: " << result->errors.size() << " problem(s) in " << file
            << "; nothing was imported\n";
    return k_exit_bad_input;
  }
  ctx.out << "imported " << result->rows << " row(s) into " << p->name << ": " << result->changed
          << " changed, " << result->unchanged << " unchanged\n";
  return k_exit_ok;
}

int cmd_profile_export(const Ctx& ctx, Workspace& ws, const std::string& ref,
                       const std::string& output, const std::string& fmt) {
  auto p = ws.store->profile(ref);
  if (!p) return fail_with(ctx, p.error());
  auto rows = ws.store->node_assessments(p->id);
  if (!rows) return fail_with(ctx, rows.error());
  std::optional<exchange::TableFormat> format;
  if (!fmt.empty())
    format = exchange::parse_table_format(fmt);
  else if (!output.empty())
    format = exchange::format_from_path(output);
  if (!format) format = exchange::TableFormat::k_csv;
  if (*format == exchange::TableFormat::k_xlsx && output.empty())
    return fail_with(ctx, "XLSX is binary: give -o FILE.xlsx");
  auto bytes = exchange::export_profile(ws.catalog.catalog, *p, *rows, *format);
  if (output.empty()) {
    ctx.out << bytes;
    return k_exit_ok;
  }
  if (!write_all(output, bytes))
    return fail_with(ctx, util::Error{util::ErrorCode::k_io, "cannot write " + output});
  ctx.out << "wrote " << output << '\n';
  return k_exit_ok;
}

int cmd_evidence_add(const Ctx& ctx, Workspace& ws, const std::string& ref, const std::string& node,
                     const std::string& file, const std::string& url, const std::string& name) {
  auto p = ws.store->profile(ref);
  if (!p) return fail_with(ctx, p.error());
  if (ws.catalog.catalog.node(p->framework, node) == nullptr)
    return fail_with(ctx, "unknown node '" + node + "' in framework " + p->framework);
  if (file.empty() == url.empty()) return fail_with(ctx, "give either --file PATH or --url URL");
  std::string bytes;
  std::string label = name;
  if (!file.empty()) {
    bool ok = false;
    bytes = read_all(file, ok);
    if (!ok) return fail_with(ctx, "cannot read " + file);
    if (label.empty()) label = std::filesystem::path(file).filename().string();
  } else if (label.empty()) {
    label = url;
  }
  auto e = ws.store->add_evidence(actor(ctx), p->id, node, label, url, bytes);
  if (!e) return fail_with(ctx, e.error());
  ctx.out << "evidence " << e->id << " '" << e->name << "' attached to " << node;
  if (!e->sha256.empty()) ctx.out << " (" << e->size << " bytes, sha256 " << e->sha256 << ")";
  ctx.out << '\n';
  return k_exit_ok;
}

// --- users ----------------------------------------------------------------------------------

// The password of `user add` and `user passwd`: one line of standard input, or a generated one
// (18 random bytes as base64url: 24 characters, about 144 bits). Empty when libsodium fails.
std::string new_password(bool from_stdin, bool& generated) {
  generated = !from_stdin;
  std::string password;
  if (from_stdin) {
    std::getline(std::cin, password);
    return password;
  }
  if (sodium_init() < 0) return "";
  unsigned char bytes[18];
  randombytes_buf(bytes, sizeof bytes);
  char text[sodium_base64_ENCODED_LEN(18, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(text, sizeof text, bytes, sizeof bytes,
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return text;
}

int cmd_user_add(const Ctx& ctx, Workspace& ws, const std::string& name, bool admin,
                 bool password_stdin) {
  bool generated = false;
  auto password = new_password(password_stdin, generated);
  auto u = ws.store->add_user(actor(ctx), name, password, admin);
  if (!u) return fail_with(ctx, u.error());
  ctx.out << (admin ? "administrator " : "user ") << u->name << " added\n";
  if (generated) ctx.out << "password (shown once, store it now): " << password << '\n';
  return k_exit_ok;
}

int cmd_user_passwd(const Ctx& ctx, Workspace& ws, const std::string& name, bool password_stdin) {
  bool generated = false;
  auto password = new_password(password_stdin, generated);
  if (auto r = ws.store->set_password(actor(ctx), name, password); !r)
    return fail_with(ctx, r.error());
  ctx.out << "password of " << name
          << " changed; its sessions are ended and its API tokens revoked\n";
  if (generated) ctx.out << "password (shown once, store it now): " << password << '\n';
  return k_exit_ok;
}

int cmd_user_revoke(const Ctx& ctx, Workspace& ws, const std::string& name,
                    const std::string& org_name) {
  auto org = ws.store->organization(org_name);
  if (!org) return fail_with(ctx, org.error());
  auto u = ws.store->revoke(actor(ctx), name, org->id);
  if (!u) return fail_with(ctx, u.error());
  ctx.out << u->name << " has no role in " << org->name << " now\n";
  return k_exit_ok;
}

int cmd_user_list(const Ctx& ctx, Workspace& ws, Format format) {
  auto list = ws.store->users();
  if (!list) return fail_with(ctx, list.error());
  auto all_orgs = ws.store->organizations();
  if (!all_orgs) return fail_with(ctx, all_orgs.error());
  const auto& orgs = *all_orgs;
  auto org_name = [&](std::int64_t id) {
    for (const auto& o : orgs)
      if (o.id == id) return o.name;
    return std::to_string(id);
  };
  Table t({"NAME", "ADMINISTRATOR", "ROLES", "CREATED", "DISABLED"});
  json j = json::array();
  for (const auto& u : *list) {
    std::vector<std::string> roles;
    json jr = json::object();
    for (const auto& [org, role] : u.roles) {
      roles.push_back(org_name(org) + ": " + std::string(core::to_string(role)));
      jr[org_name(org)] = std::string(core::to_string(role));
    }
    t.add({u.name, u.administrator ? "yes" : "no", util::join(roles, "; "), u.created_at,
           u.disabled() ? "since " + u.disabled_at : "no"});
    j.push_back(json{{"name", u.name},
                     {"administrator", u.administrator},
                     {"roles", jr},
                     {"created_at", u.created_at},
                     {"disabled", u.disabled()}});
  }
  print_data(ctx.out, format, t, j);
  return k_exit_ok;
}

// Disables (sessions end, API tokens revoked) or enables an account.
int cmd_user_disable(const Ctx& ctx, Workspace& ws, const std::string& name, bool disabled) {
  auto before = ws.store->user(name);
  if (!before) return fail_with(ctx, before.error());
  auto u = ws.store->set_disabled(actor(ctx), name, disabled);
  if (!u) return fail_with(ctx, u.error());
  if (before->disabled() == disabled)
    ctx.out << u->name << " is " << (disabled ? "disabled" : "enabled") << " already\n";
  else if (disabled)
    ctx.out << u->name
            << " disabled: it cannot sign in, its sessions are ended and its API "
               "tokens revoked\n";
  else
    ctx.out << u->name << " enabled: it can sign in again\n";
  return k_exit_ok;
}

int cmd_user_tokens(const Ctx& ctx, Workspace& ws, const std::string& name, Format format) {
  auto u = ws.store->user(name);
  if (!u) return fail_with(ctx, u.error());
  auto list = ws.store->tokens(u->id);
  if (!list) return fail_with(ctx, list.error());
  auto now = util::now_utc();
  Table t({"ID", "NAME", "SCOPE", "ORGANIZATION", "CREATED", "EXPIRES", "LAST USED"});
  json j = json::array();
  for (const auto& tok : *list) {
    bool expired = tok.expires_at <= now;
    auto scope = std::string(core::to_string(tok.scope));
    t.add({std::to_string(tok.id), tok.name, scope,
           tok.organization == 0 ? "all" : std::to_string(tok.organization), tok.created_at,
           tok.expires_at + (expired ? " (expired)" : ""),
           tok.last_used_at.empty() ? "never" : tok.last_used_at});
    j.push_back(
        json{{"id", tok.id},
             {"name", tok.name},
             {"scope", scope},
             {"organization", tok.organization == 0 ? json(nullptr) : json(tok.organization)},
             {"created_at", tok.created_at},
             {"expires_at", tok.expires_at},
             {"expired", expired},
             {"last_used_at", tok.last_used_at}});
  }
  print_data(ctx.out, format, t, j);
  return k_exit_ok;
}

int cmd_user_revoke_token(const Ctx& ctx, Workspace& ws, const std::string& name, std::int64_t id) {
  auto u = ws.store->user(name);
  if (!u) return fail_with(ctx, u.error());
  if (auto r = ws.store->revoke_token(actor(ctx), u->id, id); !r) return fail_with(ctx, r.error());
  ctx.out << "token " << id << " of " << u->name << " revoked\n";
  return k_exit_ok;
}

int cmd_user_grant(const Ctx& ctx, Workspace& ws, const std::string& name,
                   const std::string& org_name, const std::string& role_name) {
  auto org = ws.store->organization(org_name);
  if (!org) return fail_with(ctx, org.error());
  auto role = core::parse_role(role_name);
  if (!role)
    return fail_with(ctx, "role '" + role_name + "' is not admin, editor, auditor or viewer");
  auto u = ws.store->grant(actor(ctx), name, org->id, *role);
  if (!u) return fail_with(ctx, u.error());
  ctx.out << u->name << " is " << role_name << " of " << org->name << '\n';
  return k_exit_ok;
}

// --- audit trail ----------------------------------------------------------------------------

// A changed value on one line: "(none)" for a field that did not exist, strings without quotes
// (an empty one as ""), line breaks as \n.
std::string change_line_value(const std::optional<std::string>& value) {
  if (!value) return "(none)";
  if (*value == "\"\"") return "\"\"";
  std::string out;
  for (char c : core::change_text(value)) {
    if (c == '\n')
      out += "\\n";
    else if (c == '\r')
      out += "\\r";
    else
      out += c;
  }
  return out;
}

int cmd_audit_log(const Ctx& ctx, Workspace& ws, const core::AuditQuery& query, Format format) {
  auto rows = ws.store->audit_log(query);
  if (!rows) return fail_with(ctx, rows.error());
  if (format == Format::k_text) {
    // One line a row, then its changed fields one a line.
    for (const auto& r : *rows) {
      ctx.out << '#' << r.id << "  " << r.at << "  " << r.actor << "  " << r.action << "  "
              << r.entity << ' ' << r.entity_id << '\n';
      for (const auto& c : core::field_changes(r.before, r.after))
        ctx.out << "    " << (c.field.empty() ? "(the record)" : c.field) << ": "
                << change_line_value(c.before) << " -> " << change_line_value(c.after) << '\n';
    }
    if (rows->empty()) ctx.out << "no audit rows match\n";
    return k_exit_ok;
  }
  Table t({"#", "AT", "ACTOR", "ENTITY", "ID", "ACTION", "BEFORE", "AFTER"});
  json j = json::array();
  for (const auto& r : *rows) {
    t.add(
        {std::to_string(r.id), r.at, r.actor, r.entity, r.entity_id, r.action, r.before, r.after});
    json changes = json::array();
    for (const auto& c : core::field_changes(r.before, r.after)) {
      auto value = [](const std::optional<std::string>& v) {
        return v ? json::parse(*v, nullptr, false) : json(nullptr);
      };
      changes.push_back(
          json{{"field", c.field}, {"before", value(c.before)}, {"after", value(c.after)}});
    }
    j.push_back(json{{"id", r.id},
                     {"at", r.at},
                     {"actor", r.actor},
                     {"entity", r.entity},
                     {"entity_id", r.entity_id},
                     {"action", r.action},
                     {"before", json::parse(r.before, nullptr, false)},
                     {"after", json::parse(r.after, nullptr, false)},
                     {"changes", changes},
                     {"hash", r.hash}});
  }
  print_data(ctx.out, format, t, j);
  return k_exit_ok;
}

int cmd_audit_log(const Ctx& ctx, Workspace& ws, const std::string& entity, const std::string& id,
                  std::size_t limit, Format format) {
  core::AuditQuery q;
  q.entity = entity;
  q.entity_id = id;
  q.limit = limit;
  return cmd_audit_log(ctx, ws, q, format);
}

// The filters of `audit log` and `audit export`, as typed.
struct AuditFilterOptions {
  std::string actor, entity, id, action, from, to;
};

util::Result<core::AuditQuery> audit_query(const AuditFilterOptions& o) {
  core::AuditQuery q;
  q.actor = o.actor;
  q.entity = o.entity;
  q.entity_id = o.id;
  q.action = o.action;
  if (auto period = core::set_audit_period(q, o.from, o.to); !period)
    return std::unexpected(period.error());
  return q;
}

int cmd_audit_export(const Ctx& ctx, Workspace& ws, const AuditFilterOptions& filters,
                     const std::string& fmt, const std::string& output) {
  auto query = audit_query(filters);
  if (!query) return fail_with(ctx, query.error());
  std::string name = fmt;
  if (name.empty() && !is_standard_output(output)) {
    auto ext = std::filesystem::path(output).extension().string();
    name = util::to_lower(ext.empty() ? ext : ext.substr(1));
  }
  auto format = workspace::parse_audit_export_format(name.empty() ? "csv" : name);
  if (!format) format = workspace::AuditExportFormat::k_csv;
  if (*format == workspace::AuditExportFormat::k_xlsx && is_standard_output(output))
    return fail_with(ctx, "XLSX is binary: give --output FILE.xlsx");
  auto bytes = workspace::export_audit(*ws.store, *query, *format);
  if (!bytes) return fail_with(ctx, bytes.error());
  int written = write_output(ctx.out, ctx.err, output, *bytes);
  if (written == k_exit_ok && !is_standard_output(output)) ctx.out << "wrote " << output << '\n';
  return written;
}

int cmd_history(const Ctx& ctx, Workspace& ws, const std::string& ref, const std::string& node,
                Format format) {
  auto p = ws.store->profile(ref);
  if (!p) return fail_with(ctx, p.error());
  if (ws.catalog.catalog.node(p->framework, node) == nullptr)
    return fail_with(ctx, "unknown node '" + node + "' in framework " + p->framework);
  return cmd_audit_log(ctx, ws, "node", std::to_string(p->id) + "/" + node, 1000, format);
}

void print_verification(const Ctx& ctx, const core::AuditVerification& v) {
  if (!v.intact) {
    ctx.out << "audit trail BROKEN";
    if (v.first_bad != 0) ctx.out << " at row " << v.first_bad;
    ctx.out << ": " << v.problem << '\n';
    return;
  }
  auto rows = static_cast<std::int64_t>(v.rows);
  ctx.out << "audit trail intact: " << v.rows << " row(s), every hash verified";
  auto span = [](std::int64_t from, std::int64_t to) {
    return from == to ? "row " + std::to_string(from)
                      : "rows " + std::to_string(from) + "-" + std::to_string(to);
  };
  if (v.keyed_from > 1 && v.keyed_from <= rows)
    ctx.out << " (" << span(1, v.keyed_from - 1) << " with SHA-256 from before keying, "
            << span(v.keyed_from, rows) << " with the audit key)";
  else if (rows > 0)
    ctx.out << " with the audit key";
  if (v.anchor_rows == rows)
    ctx.out << "; the anchor holds all " << rows << '\n';
  else
    ctx.out << "; the anchor holds the first " << v.anchor_rows
            << " (a write did not move it: it may lag the trail, never lead it)\n";
}

int cmd_audit_verify(const Ctx& ctx, Workspace& ws) {
  auto v = ws.store->verify_audit();
  if (!v) return fail_with(ctx, v.error());
  print_verification(ctx, *v);
  return v->intact ? k_exit_ok : k_exit_problems;
}

int cmd_audit_anchor(const Ctx& ctx, Workspace& ws, const std::string& reason) {
  auto v = ws.store->anchor_audit(actor(ctx), reason);
  if (!v) return fail_with(ctx, v.error());
  ctx.out << "audit trail anchored again at row " << v->rows << '\n';
  print_verification(ctx, *v);
  return v->intact ? k_exit_ok : k_exit_problems;
}

// --- scales ---------------------------------------------------------------------------------

int cmd_scale_add(const Ctx& ctx, Workspace& ws, const std::string& file) {
  bool ok = false;
  auto text = read_all(file, ok);
  if (!ok) return fail_with(ctx, "cannot read " + file);
  auto scale = exchange::parse_scale_yaml(text);
  if (!scale) return fail_with(ctx, file + ": " + scale.error().message);
  auto added = ws.store->add_scale(actor(ctx), *scale);
  if (!added) return fail_with(ctx, added.error());
  ctx.out << "scale " << added->id << " added: " << added->levels.size() << " levels, "
          << added->min() << " " << added->levels.front().name << " to " << added->max() << " "
          << added->levels.back().name << '\n';
  return k_exit_ok;
}

int cmd_scale_list(const Ctx& ctx, Workspace& ws, const std::string& id, Format format) {
  std::vector<core::Scale> scales;
  if (id.empty()) {
    auto all = ws.store->scales();
    if (!all) return fail_with(ctx, all.error());
    scales = *all;
  } else {
    auto one = ws.store->scale(id);
    if (!one) return fail_with(ctx, one.error());
    scales.push_back(*one);
  }
  Table t({"SCALE", "LEVEL", "NAME", "MEANING"});
  json j = json::array();
  for (const auto& s : scales) {
    json levels = json::array();
    for (const auto& l : s.levels) {
      t.add({s.id, std::to_string(l.value), l.name, l.meaning});
      levels.push_back(json{{"value", l.value}, {"name", l.name}, {"meaning", l.meaning}});
    }
    j.push_back(json{{"id", s.id}, {"name", s.name}, {"levels", levels}});
  }
  print_data(ctx.out, format, t, j);
  return k_exit_ok;
}

// --- assessments ----------------------------------------------------------------------------

int cmd_freeze(const Ctx& ctx, Workspace& ws, const std::string& ref, const std::string& name,
               const std::string& assessor, const std::string& sign_off, const std::string& date) {
  auto p = ws.store->profile(ref);
  if (!p) return fail_with(ctx, p.error());
  std::string taken = date.empty() ? util::now_utc() : date + "T12:00:00Z";
  auto s = ws.store->freeze(actor(ctx), p->id, name, assessor.empty() ? actor(ctx) : assessor,
                            sign_off, taken);
  if (!s) return fail_with(ctx, s.error());
  ctx.out << "assessment '" << s->name << "' of " << p->name << " frozen at " << s->taken_at
          << '\n';
  return k_exit_ok;
}

int cmd_trend(const Ctx& ctx, Workspace& ws, const std::string& ref, Format format) {
  auto p = ws.store->profile(ref);
  if (!p) return fail_with(ctx, p.error());
  auto snaps = ws.store->snapshots(p->id);
  if (!snaps) return fail_with(ctx, snaps.error());
  const auto& cat = ws.catalog.catalog;
  const auto* fw = cat.framework(p->framework);
  std::vector<std::string> headers{"ASSESSMENT", "DATE", "SIGNED OFF BY"};
  for (const auto& f : fw->nodes) headers.push_back(f.id);
  Table t(headers);
  json j = json::array();
  for (const auto& s : *snaps) {
    auto scores = core::roll_up(cat, p->framework, s.assessments);
    std::vector<std::string> row{s.name, s.taken_at.substr(0, 10), s.signed_off_by};
    for (const auto& f : fw->nodes) row.push_back(fmt_score(scores[f.id].value));
    t.add(row);
    j.push_back(codec::to_json(cat, *p, s));  // the API's form: functions in framework order
  }
  if (format == Format::k_text) {
    if (snaps->empty())
      ctx.out << "no assessments yet: cyberframe assessment freeze " << p->name << " --name Q1\n";
    else
      t.print(ctx.out);
  } else if (format == Format::k_csv) {
    t.print_csv(ctx.out);
  } else {
    print_structured(ctx.out, format, j);
  }
  return k_exit_ok;
}

// Compares two assessments of a profile (by name; "live" is the profile as it is now).
int cmd_compare(const Ctx& ctx, Workspace& ws, const std::string& ref, const std::string& a_name,
                const std::string& b_name, Format format) {
  auto p = ws.store->profile(ref);
  if (!p) return fail_with(ctx, p.error());
  auto snaps = ws.store->snapshots(p->id);
  if (!snaps) return fail_with(ctx, snaps.error());
  auto live = ws.store->node_assessments(p->id);
  if (!live) return fail_with(ctx, live.error());
  auto pick =
      [&](const std::string& name) -> std::optional<std::map<std::string, core::NodeAssessment>> {
    if (name == "live") return *live;
    for (const auto& s : *snaps) {
      if (s.name == name) return s.assessments;
    }
    return std::nullopt;
  };
  auto a = pick(a_name);
  auto b = pick(b_name);
  if (!a || !b) {
    std::vector<std::string> names{"live"};
    for (const auto& s : *snaps) names.push_back(s.name);
    return fail_with(ctx, "no assessment '" + (!a ? a_name : b_name) + "' of " + p->name +
                              " (there are: " + util::join(names, ", ") + ")");
  }
  const auto& cat = ws.catalog.catalog;
  auto sa = core::roll_up(cat, p->framework, *a);
  auto sb = core::roll_up(cat, p->framework, *b);
  Table scores({"NODE", "LEVEL", a_name, b_name, "CHANGE"});
  Table nodes({"NODE", a_name, b_name, "OUTCOME"});
  json js = json::array(), jn = json::array();
  for (const auto* n : cat.nodes_in_order(p->framework)) {
    if (n->level == core::Level::k_function || n->level == core::Level::k_category) {
      auto va = sa[n->id].value, vb = sb[n->id].value;
      std::optional<double> change;
      if (va && vb) change = *vb - *va;
      scores.add({n->id, std::string(core::to_string(n->level)), fmt_score(va), fmt_score(vb),
                  change ? (*change > 0 ? "+" : "") + fmt_score(change) : "-"});
      js.push_back(json{{"node", n->id},
                        {"a", score_json(va)},
                        {"b", score_json(vb)},
                        {"change", score_json(change)}});
      continue;
    }
    auto level_of = [&](const std::map<std::string, core::NodeAssessment>& m) -> std::string {
      auto it = m.find(n->id);
      if (it == m.end()) return "-";
      if (it->second.not_applicable) return "N/A";
      return it->second.level ? std::to_string(*it->second.level) : "-";
    };
    auto la = level_of(*a), lb = level_of(*b);
    if (la == lb) continue;
    nodes.add({n->id, la, lb, node_text(*n)});
    jn.push_back(json{{"node", n->id}, {"a", la}, {"b", lb}});
  }
  if (format == Format::k_text) {
    ctx.out << p->name << ": " << a_name << " -> " << b_name << "\n\n";
    scores.print(ctx.out);
    ctx.out << '\n' << nodes.size() << " node(s) changed level\n";
    if (nodes.size()) nodes.print(ctx.out);
  } else if (format == Format::k_csv) {
    nodes.print_csv(ctx.out);
  } else {
    print_structured(ctx.out, format,
                     json{{"a", a_name}, {"b", b_name}, {"scores", js}, {"nodes", jn}});
  }
  return k_exit_ok;
}

// --- gap, roadmap ---------------------------------------------------------------------------

// The filter options of `cyberframe gap`, by the API's parameter names (workspace::GapFilter).
struct GapOptions {
  std::map<std::string, std::string> filter;
  std::string option(const std::string& parameter) const {
    if (parameter == "q") return "--search";
    if (parameter == "min_gap") return "--min-gap";
    return "--" + parameter;
  }
};

int cmd_gap(const Ctx& ctx, Workspace& ws, const std::string& current_ref,
            const std::string& target_ref, int top, Format format, const std::string& output,
            const GapOptions& options) {
  auto cur = ws.store->profile(current_ref);
  if (!cur) return fail_with(ctx, cur.error());
  const auto& cat = ws.catalog.catalog;
  auto filter = workspace::read_gap_filter(cat, *cur, options.filter);
  if (!filter)
    return fail_with(ctx, options.option(filter.error().parameter) + ": " +
                              filter.error().message.substr(filter.error().message.find(' ') + 1));
  auto report = workspace::gap_report(*ws.store, cat, *cur, target_ref);
  if (!report) return fail_with(ctx, report.error());
  workspace::apply(cat, *filter, *report);
  const auto& gaps = report->gaps;
  const auto& tgt = report->target;
  if (!output.empty()) {
    auto f = exchange::format_from_path(output);
    if (!f || *f == exchange::TableFormat::k_yaml)
      return fail_with(ctx, "the gap table is written as .csv or .xlsx");
    if (!write_all(output, exchange::export_gaps(cat, gaps, *f)))
      return fail_with(ctx, util::Error{util::ErrorCode::k_io, "cannot write " + output});
    ctx.out << "wrote " << output << '\n';
    return k_exit_ok;
  }
  if (format == Format::k_json || format == Format::k_yaml) {
    // The API's answer (GET /api/v1/profiles/{id}/gaps), from the same codec.
    std::size_t limit = top > 0 ? static_cast<std::size_t>(top) : gaps.subcategories.size();
    print_structured(ctx.out, format, codec::to_json(cat, *report, 0, limit));
    return k_exit_ok;
  }
  Table table(
      {"RANK", "NODE", "CURRENT", "TARGET", "GAP", "PRIORITY", "SCORE", "OWNER", "OUTCOME"});
  int rank = 0;
  for (const auto& g : gaps.subcategories) {
    if (top > 0 && rank >= top) break;
    if (g.gap <= 0 && top > 0) break;
    ++rank;
    const auto* n = cat.node(cur->framework, g.node);
    table.add({std::to_string(g.rank), g.node, fmt_score(g.current), fmt_score(g.target),
               fmt_score(g.gap), std::to_string(g.priority), fmt_score(g.score), g.owner,
               n ? node_text(*n) : ""});
  }
  if (format == Format::k_text) {
    ctx.out << cur->name << " -> " << tgt.name << ": " << gaps.open_gaps << " open gap(s) of "
            << report->ranked << " targeted outcome(s), mean gap " << fmt_score(gaps.mean_gap)
            << "\n";
    if (filter->any())
      ctx.out << "the filter keeps " << gaps.subcategories.size() << " of the " << report->ranked
              << " ranked outcome(s)\n";
    ctx.out << '\n';
    const auto* fw = cat.framework(cur->framework);
    Table f({"FUNCTION", "CURRENT", "TARGET", "GAP"});
    for (const auto& fn : fw->nodes) {
      auto it = gaps.rollup.find(fn.id);
      core::Gap g = it == gaps.rollup.end() ? core::Gap{} : it->second;
      f.add({fn.id + " " + fn.title, fmt_score(g.current), fmt_score(g.target), fmt_score(g.gap)});
    }
    f.print(ctx.out);
    ctx.out << '\n';
    table.print(ctx.out);
  } else {
    table.print_csv(ctx.out);
  }
  return k_exit_ok;
}

struct ActionOptions {
  std::string org, title, owner, due, status = "planned";
  int effort = 0;
  int target_level = 3;
  std::vector<std::string> nodes;
  std::int64_t id = 0;
};

int cmd_roadmap_add(const Ctx& ctx, Workspace& ws, const ActionOptions& o) {
  auto org = ws.store->organization(o.org);
  if (!org) return fail_with(ctx, org.error());
  if (!core::default_scale().contains(o.target_level))
    return fail_with(
        ctx, "target level " + std::to_string(o.target_level) + " is outside the scale 0-5");
  core::Action a;
  a.organization = org->id;
  a.title = o.title;
  a.owner = o.owner;
  a.due = o.due;
  a.status = core::parse_action_status(o.status).value_or(core::ActionStatus::k_planned);
  a.effort_days = o.effort;
  a.target_level = o.target_level;
  a.nodes = o.nodes;
  auto created = ws.store->create_action(actor(ctx), a);
  if (!created) return fail_with(ctx, created.error());
  ctx.out << "action " << created->id << " '" << created->title << "' added\n";
  return k_exit_ok;
}

int cmd_roadmap_set(const Ctx& ctx, Workspace& ws, std::int64_t id, const std::string& org_name,
                    const std::string& new_status) {
  auto org = ws.store->organization(org_name);
  if (!org) return fail_with(ctx, org.error());
  auto list = ws.store->actions(org->id);
  if (!list) return fail_with(ctx, list.error());
  auto it =
      std::find_if(list->begin(), list->end(), [id](const core::Action& a) { return a.id == id; });
  if (it == list->end())
    return fail_with(ctx, "no action " + std::to_string(id) + " in " + org->name);
  auto s = core::parse_action_status(new_status);
  if (!s)
    return fail_with(ctx,
                     "status '" + new_status + "' is not planned, in-progress, done or cancelled");
  it->status = *s;
  auto updated = ws.store->update_action(actor(ctx), *it);
  if (!updated) return fail_with(ctx, updated.error());
  ctx.out << "action " << id << " is " << core::to_string(*s) << '\n';
  return k_exit_ok;
}

int cmd_roadmap_list(const Ctx& ctx, Workspace& ws, const std::string& org_name, Format format) {
  auto org = ws.store->organization(org_name);
  if (!org) return fail_with(ctx, org.error());
  auto list = ws.store->actions(org->id);
  if (!list) return fail_with(ctx, list.error());
  Table t({"ID", "STATUS", "DUE", "OWNER", "EFFORT (DAYS)", "TARGET", "NODES", "TITLE"});
  json j = json::array();
  for (const auto& a : *list) {
    t.add({std::to_string(a.id), std::string(core::to_string(a.status)), a.due, a.owner,
           std::to_string(a.effort_days), std::to_string(a.target_level), util::join(a.nodes, " "),
           a.title});
    j.push_back(json{{"id", a.id},
                     {"title", a.title},
                     {"status", std::string(core::to_string(a.status))},
                     {"due", a.due},
                     {"owner", a.owner},
                     {"effort_days", a.effort_days},
                     {"target_level", a.target_level},
                     {"nodes", a.nodes},
                     {"version", a.version}});
  }
  print_data(ctx.out, format, t, j);
  return k_exit_ok;
}

// What-if: the current profile as it would be with the selected actions done
// (workspace::what_if, the API's GET /api/v1/profiles/{id}/what-if).
int cmd_whatif(const Ctx& ctx, Workspace& ws, const std::string& current_ref,
               const std::string& target_ref, const std::vector<std::int64_t>& ids, Format format) {
  auto cur = ws.store->profile(current_ref);
  if (!cur) return fail_with(ctx, cur.error());
  std::string target;
  if (!target_ref.empty()) {
    auto t = ws.store->profile(target_ref);
    if (!t) return fail_with(ctx, t.error());
    target = std::to_string(t->id);
  }
  const auto& cat = ws.catalog.catalog;
  auto w = workspace::what_if(*ws.store, cat, *cur, target, ids);
  if (!w) return fail_with(ctx, w.error());
  if (format != Format::k_text) {
    // The API's answer (GET /api/v1/profiles/{id}/what-if), from the same codec.
    print_structured(ctx.out, format, codec::to_json(cat, *w));
    return k_exit_ok;
  }
  auto shown = fmt_score;
  ctx.out << cur->name << " -> " << w->before.target.name << '\n'
          << "open gaps: " << w->before.gaps.open_gaps << " now, " << w->after.gaps.open_gaps
          << " with the actions done\n"
          << "mean gap: " << shown(w->before.gaps.mean_gap) << " now, "
          << shown(w->after.gaps.mean_gap) << " with the actions done\n\n";
  Table table({"FUNCTION", "NOW", "WITH THE ACTIONS", "TARGET"});
  for (const auto& f : cat.framework(cur->framework)->nodes) {
    auto now = w->before.gaps.rollup.find(f.id);
    auto after = w->after.gaps.rollup.find(f.id);
    auto value = [](const auto& map, auto it, bool target) -> std::optional<double> {
      if (it == map.end()) return std::nullopt;
      return target ? it->second.target : it->second.current;
    };
    table.add({f.id + " " + f.title, shown(value(w->before.gaps.rollup, now, false)),
               shown(value(w->after.gaps.rollup, after, false)),
               shown(value(w->before.gaps.rollup, now, true))});
  }
  table.print(ctx.out);
  return k_exit_ok;
}

// --- report ---------------------------------------------------------------------------------

int cmd_report(const Ctx& ctx, Workspace& ws, const std::string& ref, const std::string& target_ref,
               const std::string& audience, const std::string& output) {
  auto aud = report::parse_audience(audience);
  if (!aud)
    return fail_with(ctx,
                     "audience '" + audience + "' is not executive, practitioner or management");
  auto cur = ws.store->profile(ref);
  if (!cur) return fail_with(ctx, cur.error());
  auto input = workspace::report_input(*ws.store, ws.catalog.catalog, *cur, target_ref);
  if (!input) return fail_with(ctx, input.error());
  auto& in = *input;
  in.generated_at = util::now_utc();
  auto html = report::render_html(in, *aud);
  if (!write_all(output, html))
    return fail_with(ctx, util::Error{util::ErrorCode::k_io, "cannot write " + output});
  ctx.out << "wrote the " << audience << " report of " << cur->name << " to " << output << '\n';
  return k_exit_ok;
}

// --- demo -----------------------------------------------------------------------------------

int cmd_demo(const Ctx& ctx, Workspace& ws) {
  const std::string org_name = "Demo Manufacturing Ltd";
  if (ws.store->organization(org_name)) {
    ctx.out << "the demo organization already exists in " << ctx.options.db << '\n';
    return k_exit_ok;
  }
  auto& s = *ws.store;
  const auto& cat = ws.catalog.catalog;
  auto org = s.create_organization(actor(ctx), org_name,
                                   "Two plants, head office and the customer portal");
  if (!org) return fail_with(ctx, org.error());
  core::Profile cp{0, org->id, "Current state", "iso-tr-27103-2018", core::ProfileKind::k_current};
  core::Profile tp{0, org->id, "Target 2027", "iso-tr-27103-2018", core::ProfileKind::k_target};
  auto cur = s.create_profile(actor(ctx), cp);
  auto tgt = s.create_profile(actor(ctx), tp);
  if (!cur || !tgt) return fail_with(ctx, !cur ? cur.error() : tgt.error());
  // Owners by category, as a real organization would assign them.
  static const std::map<std::string, std::string> k_owners{{"ID.BE", "Procurement"},
                                                           {"ID.RA", "CISO"},
                                                           {"ID.RM", "CISO"},
                                                           {"ID.GV", "Legal and compliance"},
                                                           {"ID.AM", "Plant engineering"},
                                                           {"PR.AC", "IT operations"},
                                                           {"PR.AT", "HR"},
                                                           {"PR.DS", "IT operations"},
                                                           {"PR.IP", "IT operations"},
                                                           {"PR.MA", "Plant engineering"},
                                                           {"PR.PT", "IT operations"},
                                                           {"DE.AE", "Security operations"},
                                                           {"DE.CM", "Security operations"},
                                                           {"DE.DP", "Security operations"},
                                                           {"RS.RP", "CISO"},
                                                           {"RS.CO", "Communications"},
                                                           {"RS.AN", "Security operations"},
                                                           {"RS.MI", "Security operations"},
                                                           {"RS.IM", "CISO"},
                                                           {"RC.RP", "Plant engineering"},
                                                           {"RC.IM", "CISO"},
                                                           {"RC.CO", "Communications"}};
  std::mt19937 rng(27103);  // fixed: the demo is the same every time
  std::vector<core::NodeAssessment> quarter1, target;
  for (const auto* n : cat.nodes_in_order("iso-tr-27103-2018")) {
    if (n->level != core::Level::k_subcategory) continue;
    core::NodeAssessment t;
    t.node = n->id;
    t.level = n->id.starts_with("ID") || n->id.starts_with("PR") ? 4 : 3;
    t.priority = 1 + static_cast<int>(rng() % 3);
    auto owner = k_owners.find(n->id.substr(0, 5));
    t.owner = owner == k_owners.end() ? "CISO" : owner->second;
    target.push_back(t);
    core::NodeAssessment c = t;
    c.level = static_cast<int>(rng() % 3);
    c.notes.clear();
    if (n->id == "PR.DS-5") {
      c.level.reset();
      c.not_applicable = true;
      c.justification = "No data leaves the plant networks; covered by PR.AC-5 segregation";
    }
    quarter1.push_back(c);
  }
  if (auto r = s.put_node_assessments("demo", tgt->id, target); !r)
    return fail_with(ctx, r.error());
  // Three quarterly assessments, each a little better than the last.
  const char* const k_quarters[][2] = {
      {"Q1 2026", "2026-03-31"}, {"Q2 2026", "2026-06-30"}, {"Q3 2026", "2026-09-30"}};
  auto rows = quarter1;
  for (int q = 0; q < 3; ++q) {
    if (q > 0) {
      for (auto& r : rows) {
        if (r.level && rng() % 3 == 0) r.level = std::min(5, *r.level + 1);
      }
    }
    if (auto r = s.put_node_assessments("demo", cur->id, rows); !r)
      return fail_with(ctx, r.error());
    if (auto f = s.freeze(actor(ctx), cur->id, k_quarters[q][0], "Security office", "CISO",
                          std::string(k_quarters[q][1]) + "T12:00:00Z");
        !f)
      return fail_with(ctx, f.error());
  }
  struct DemoAction {
    const char* title;
    const char* owner;
    const char* due;
    core::ActionStatus status;
    int effort;
    std::vector<std::string> nodes;
  };
  const DemoAction k_actions[] = {
      {"Asset inventory for both plants",
       "Plant engineering",
       "2026-06-30",
       core::ActionStatus::k_done,
       20,
       {"ID.AM-1", "ID.AM-2"}},
      {"Vulnerability management programme",
       "IT operations",
       "2026-12-31",
       core::ActionStatus::k_in_progress,
       45,
       {"ID.RA-1", "PR.IP-10", "RS.MI-2"}},
      {"Supplier security requirements in contracts",
       "Procurement",
       "2027-03-31",
       core::ActionStatus::k_planned,
       15,
       {"ID.BE-1"}},
      {"Security awareness for plant staff",
       "HR",
       "2026-10-31",
       core::ActionStatus::k_in_progress,
       10,
       {"PR.AT-1", "PR.AT-2"}},
      {"Central logging and monitoring",
       "Security operations",
       "2027-06-30",
       core::ActionStatus::k_planned,
       60,
       {"DE.CM-1", "DE.AE-3", "PR.PT-1"}},
      {"Incident response plan and exercises",
       "CISO",
       "2026-09-30",
       core::ActionStatus::k_planned,
       12,
       {"RS.RP-1", "RC.RP-1"}},
      {"Backup and restore tests for controllers",
       "Plant engineering",
       "2027-01-31",
       core::ActionStatus::k_planned,
       8,
       {"PR.IP-4"}},
  };
  for (const auto& d : k_actions) {
    core::Action a;
    a.organization = org->id;
    a.title = d.title;
    a.owner = d.owner;
    a.due = d.due;
    a.status = d.status;
    a.effort_days = d.effort;
    a.target_level = 3;
    for (const auto& n : d.nodes) {
      if (cat.node("iso-tr-27103-2018", n)) a.nodes.push_back(n);
    }
    if (auto r = s.create_action(actor(ctx), a); !r) return fail_with(ctx, r.error());
  }
  if (auto e = s.add_evidence("demo", cur->id, "ID.AM-1", "Plant asset register",
                              "https://intranet.demo.invalid/assets", "");
      !e)
    return fail_with(ctx, e.error());
  if (auto e = s.add_evidence(
          "demo", cur->id, "ID.GV-1", "information-security-policy.txt", "",
          "Information security policy of Demo Manufacturing Ltd, approved by the board.\n");
      !e)
    return fail_with(ctx, e.error());
  auto risks = workspace::seed_demo_risks(*ws.store, actor(ctx), cat, org->id);
  if (!risks) return fail_with(ctx, risks.error());
  // Documents first: the policies of the ISMS demo cite them.
  auto documents = workspace::seed_demo_documents(*ws.store, actor(ctx), cat, org->id);
  if (!documents) return fail_with(ctx, documents.error());
  if (auto isms = workspace::seed_demo_isms(*ws.store, actor(ctx), cat, org->id); !isms)
    return fail_with(ctx, isms.error());
  auto measures = workspace::seed_demo_measurements(*ws.store, actor(ctx), org->id);
  if (!measures) return fail_with(ctx, measures.error());
  if (auto reviews = workspace::seed_demo_reviews(*ws.store, actor(ctx), cat, org->id); !reviews)
    return fail_with(ctx, reviews.error());
  ctx.out << "demo organization '" << org_name << "' created in " << ctx.options.db
          << ": current and target profiles on ISO/IEC TR 27103, three quarterly assessments, a "
             "roadmap of "
          << std::size(k_actions) << " actions; risk management: " << *risks << "\n";
  ctx.out << "the ISMS: every register of clauses 4-10 filled (cyberframe isms list): processes, "
             "risk re-assessments, an audit programme with two audits and their findings, three "
             "nonconformities and their actions, four incidents, two management reviews; "
             "documented information: "
          << *documents << "; measurements: " << *measures << "\n";
  return k_exit_ok;
}

// --- profile project -------------------------------------------------------------------------

int cmd_profile_project(const Ctx& ctx, Workspace& ws, const std::string& ref,
                        const std::string& to, const std::string& into, bool dry_run,
                        Format format) {
  const auto& cat = ws.catalog.catalog;
  auto p = ws.store->profile(ref);
  if (!p) return fail_with(ctx, p.error());
  auto fail_projection = [&](const workspace::ProjectionError& e) {
    if (e.field == workspace::ProjectionField::k_none) return fail_with(ctx, e.error);
    bool to_field = e.field == workspace::ProjectionField::k_to;
    return fail_with(ctx, (to_field ? "--to: " : "--into: ") + e.error.message +
                              (to_field && e.error.code == util::ErrorCode::k_not_found
                                   ? " (see 'cyberframe catalog list --kind framework')"
                                   : ""));
  };
  if (auto t = workspace::check_projection_target(cat, *p, to); !t)
    return fail_projection(t.error());
  auto sets = ws.store->catalog_mapping_sets(p->organization);
  if (!sets) return fail_with(ctx, sets.error());
  core::CrosswalkEngine engine(cat, std::move(*sets));
  auto cw = engine.crosswalk(p->framework, to);
  if (!cw) return fail_with(ctx, cw.error());
  auto r = workspace::project_profile(*ws.store, cat, *p, **cw, into, dry_run, actor(ctx));
  if (!r) return fail_projection(r.error());
  const auto& dest = r->destination;
  if (format != Format::k_text) {
    print_structured(ctx.out, format,
                     json{{"source", json{{"profile", p->name}, {"framework", p->framework}}},
                          {"destination", json{{"profile", dest.name},
                                               {"framework", to},
                                               {"id", dest.id == 0 ? json(nullptr) : json(dest.id)},
                                               {"created", r->created}}},
                          {"dry_run", dry_run},
                          {"summary", workspace::projection_summary_json(*r)},
                          {"nodes", workspace::projection_nodes_json(r->projection)}});
    return k_exit_ok;
  }
  using O = core::ProjectionOutcome;
  ctx.out << "Projection of " << p->name << " (" << p->framework << ") onto " << to << " as "
          << dest.name << (dry_run ? " (dry run: nothing written)" : "") << '\n';
  ctx.out << "Rules: a covering source (equal, equivalent, superset-of) gives its level (the "
             "lowest of several); only partial sources (subset-of, intersects-with) give a "
             "provisional level, at most the lowest of theirs; no claim leaves the node "
             "unassessed; a node assessed directly is never overwritten.\n\n";
  for (const auto& n : r->projection.nodes) {
    std::string level = n.not_applicable ? "n/a" : n.level ? std::to_string(*n.level) : "-";
    std::string node = n.node, outcome(core::to_string(n.outcome));
    node.resize(std::max<std::size_t>(node.size(), 10), ' ');
    outcome.resize(std::max<std::size_t>(outcome.size(), 15), ' ');
    level.resize(4, ' ');
    ctx.out << node << outcome << level << n.explanation << '\n';
    if (n.outcome == O::k_kept_direct || n.outcome == O::k_no_claim) continue;
    for (const auto& s : n.sources) ctx.out << "    via " << core::path_to_string(s.path) << '\n';
  }
  ctx.out << "\nSummary: " << r->count(O::k_projected) << " projected, " << r->count(O::k_partial)
          << " partial (provisional), " << r->count(O::k_not_applicable) << " not applicable, "
          << r->count(O::k_no_claim) << " left unassessed, " << r->count(O::k_kept_direct)
          << " kept because assessed directly\n";
  if (dry_run)
    ctx.out << r->rows.size() << " node" << (r->rows.size() == 1 ? "" : "s")
            << " would be written; run without --dry-run to write them\n";
  else
    ctx.out << r->written << " node" << (r->written == 1 ? "" : "s") << " written to "
            << (r->existed ? "" : "the new ") << "profile " << dest.id << " '" << dest.name
            << "'\n";
  return k_exit_ok;
}

CLI::Option* add_fmt(CLI::App* cmd, std::string& format, std::vector<std::string> allowed) {
  return cmd->add_option("--format,-f", format, "Output format: " + util::join(allowed, ", "))
      ->check(CLI::IsMember(allowed))
      ->default_val(allowed.front());
}

}  // namespace

void add_workspace_commands(CLI::App& app, const CatalogOptions& catalog_options,
                            const WorkspaceOptions& options, std::ostream& out, std::ostream& err,
                            int& status) {
  auto ctx = std::make_shared<Ctx>(Ctx{catalog_options, options, out, err});
  auto fmt = [](const std::string& s) { return parse_format(s).value_or(Format::k_text); };
  const std::vector<std::string> k_data_formats{"text", "json", "yaml", "csv"};

  auto* init = app.add_subcommand(
      "init", "Create the workspace database (or bring it to the current schema)");
  init->callback([=, &status] {
    status = with_workspace(
        *ctx, [&](Workspace& ws) { return cmd_init(*ctx, ws); }, workspace::OpenMode::k_create);
  });

  auto* org = app.add_subcommand("org", "Organizations: the tenants of a workspace");
  org->require_subcommand(1);
  {
    auto* c = org->add_subcommand("create", "Create an organization");
    auto name = std::make_shared<std::string>();
    auto scope = std::make_shared<std::string>();
    auto format = std::make_shared<std::string>();
    c->add_option("NAME", *name, "Its name")->required();
    c->add_option("--scope", *scope, "The ISMS scope, in a sentence");
    add_fmt(c, *format, {"text", "json", "yaml"});
    c->callback([=, &status] {
      status = with_workspace(*ctx, [&](Workspace& ws) {
        return cmd_org_create(*ctx, ws, *name, *scope, fmt(*format));
      });
    });
    auto* l = org->add_subcommand("list", "List the organizations");
    auto lformat = std::make_shared<std::string>();
    add_fmt(l, *lformat, k_data_formats);
    l->callback([=, &status] {
      status = with_workspace(*ctx,
                              [&](Workspace& ws) { return cmd_org_list(*ctx, ws, fmt(*lformat)); });
    });
  }

  auto* profile = app.add_subcommand(
      "profile", "Current and target profiles of an organization against a framework");
  profile->require_subcommand(1);
  {
    auto* c = profile->add_subcommand("create", "Create a current or target profile");
    auto org_name = std::make_shared<std::string>();
    auto framework = std::make_shared<std::string>();
    auto kind = std::make_shared<std::string>();
    auto name = std::make_shared<std::string>();
    auto format = std::make_shared<std::string>();
    c->add_option("--org", *org_name, "Organization name or id")->required();
    c->add_option("--framework", *framework, "Framework id, e.g. iso-tr-27103-2018")->required();
    c->add_option("--kind", *kind, "current or target")
        ->required()
        ->check(CLI::IsMember({"current", "target"}));
    c->add_option("--name", *name, "Profile name, unique in the organization")->required();
    auto scale_id = std::make_shared<std::string>();
    c->add_option("--scale", *scale_id,
                  "Implementation-level scale (default cyberframe-0-5; see 'scale list')");
    add_fmt(c, *format, {"text", "json", "yaml"});
    c->callback([=, &status] {
      status = with_workspace(*ctx, [&](Workspace& ws) {
        return cmd_profile_create(*ctx, ws, *org_name, *framework, *kind, *name, *scale_id,
                                  fmt(*format));
      });
    });
  }
  {
    auto* c = profile->add_subcommand("list", "List profiles");
    auto org_name = std::make_shared<std::string>();
    auto format = std::make_shared<std::string>();
    c->add_option("--org", *org_name, "Only this organization");
    add_fmt(c, *format, k_data_formats);
    c->callback([=, &status] {
      status = with_workspace(
          *ctx, [&](Workspace& ws) { return cmd_profile_list(*ctx, ws, *org_name, fmt(*format)); });
    });
  }
  {
    auto* c =
        profile->add_subcommand("show", "A profile's scores rolled up to categories and functions");
    auto ref = std::make_shared<std::string>();
    auto format = std::make_shared<std::string>();
    c->add_option("PROFILE", *ref, "Profile name, ORG/name or id")->required();
    add_fmt(c, *format, k_data_formats);
    c->callback([=, &status] {
      status = with_workspace(
          *ctx, [&](Workspace& ws) { return cmd_profile_show(*ctx, ws, *ref, fmt(*format)); });
    });
  }
  {
    auto* c = profile->add_subcommand(
        "set", "Set one node: level, N/A with justification, owner, priority, notes");
    auto o = std::make_shared<SetOptions>();
    auto format = std::make_shared<std::string>();
    c->add_option("PROFILE", o->profile, "Profile name, ORG/name or id")->required();
    c->add_option("NODE", o->node, "Node id, e.g. ID.AM-1")->required();
    c->add_option("--level", o->level,
                  "Implementation level on the scale (0 Not performed ... 5 Optimised)");
    c->add_flag("--clear-level", o->clear_level, "Mark the node as not assessed");
    c->add_flag("--na", o->not_applicable, "Not applicable (needs --justification)");
    c->add_option("--justification", o->justification, "Why the node does not apply");
    c->add_option("--owner", o->owner, "Who owns the outcome");
    c->add_option("--priority", o->priority, "1/high, 2/medium or 3/low");
    c->add_option("--notes", o->notes, "Notes");
    c->add_option(
        "--expect-version", o->expect_version,
        "Refuse the change unless the node is still at this version (optimistic concurrency)");
    add_fmt(c, *format, {"text", "json", "yaml"});
    c->callback([=, &status] {
      if (o->level && o->not_applicable) {
        status = fail_with(*ctx, "give --level or --na, not both");
        return;
      }
      status = with_workspace(
          *ctx, [&](Workspace& ws) { return cmd_profile_set(*ctx, ws, *o, fmt(*format)); });
    });
  }
  {
    auto* c = profile->add_subcommand(
        "project",
        "Derive a profile of another framework from an assessed one through the crosswalk, node by "
        "node with its explanation (docs/crosswalks.md)");
    auto ref = std::make_shared<std::string>();
    auto to = std::make_shared<std::string>();
    auto into = std::make_shared<std::string>();
    auto dry = std::make_shared<bool>(false);
    auto format = std::make_shared<std::string>();
    c->add_option("PROFILE", *ref, "The assessed profile: name, ORG/name or id")->required();
    c->add_option("--to", *to, "The framework to project onto")->required();
    c->add_option("--into", *into,
                  "Destination profile in the same organization (created when missing; default "
                  "'PROFILE on FRAMEWORK')");
    c->add_flag("--dry-run", *dry, "Show the result, write nothing");
    add_fmt(c, *format, {"text", "json", "yaml"});
    c->callback([=, &status] {
      status = with_workspace(*ctx, [&](Workspace& ws) {
        return cmd_profile_project(*ctx, ws, *ref, *to, *into, *dry, fmt(*format));
      });
    });
  }
  {
    auto* c = profile->add_subcommand("import",
                                      "Import node rows from CSV, XLSX or YAML: all rows or none");
    auto ref = std::make_shared<std::string>();
    auto file = std::make_shared<std::string>();
    c->add_option("PROFILE", *ref, "Profile name, ORG/name or id")->required();
    c->add_option("FILE", *file, "A .csv, .xlsx or .yaml file")->required();
    c->callback([=, &status] {
      status = with_workspace(
          *ctx, [&](Workspace& ws) { return cmd_profile_import(*ctx, ws, *ref, *file); });
    });
  }
  {
    auto* c =
        profile->add_subcommand("export", "Export every node of a profile as CSV, XLSX or YAML");
    auto ref = std::make_shared<std::string>();
    auto output = std::make_shared<std::string>();
    auto format = std::make_shared<std::string>();
    c->add_option("PROFILE", *ref, "Profile name, ORG/name or id")->required();
    c->add_option("-o,--output", *output, "File to write (format from its extension)");
    c->add_option("--format,-f", *format, "csv, xlsx or yaml")
        ->check(CLI::IsMember({"csv", "xlsx", "yaml"}));
    c->callback([=, &status] {
      status = with_workspace(*ctx, [&](Workspace& ws) {
        return cmd_profile_export(*ctx, ws, *ref, *output, *format);
      });
    });
  }
  {
    auto* c = profile->add_subcommand(
        "evidence", "Attach evidence (a file stored by its hash, or a link) to a node");
    auto ref = std::make_shared<std::string>();
    auto node = std::make_shared<std::string>();
    auto file = std::make_shared<std::string>();
    auto url = std::make_shared<std::string>();
    auto name = std::make_shared<std::string>();
    c->add_option("PROFILE", *ref, "Profile name, ORG/name or id")->required();
    c->add_option("NODE", *node, "Node id")->required();
    c->add_option("--file", *file, "A file to store");
    c->add_option("--url", *url, "A link (https://...)");
    c->add_option("--name", *name, "A name for it");
    c->callback([=, &status] {
      status = with_workspace(*ctx, [&](Workspace& ws) {
        return cmd_evidence_add(*ctx, ws, *ref, *node, *file, *url, *name);
      });
    });
  }

  auto* assessment =
      app.add_subcommand("assessment", "Dated, signed-off snapshots of a current profile");
  assessment->require_subcommand(1);
  {
    auto* c =
        assessment->add_subcommand("freeze", "Freeze the current profile as a dated assessment");
    auto ref = std::make_shared<std::string>();
    auto name = std::make_shared<std::string>();
    auto assessor = std::make_shared<std::string>();
    auto sign_off = std::make_shared<std::string>();
    auto date = std::make_shared<std::string>();
    c->add_option("PROFILE", *ref, "Current profile")->required();
    c->add_option("--name", *name, "e.g. Q4 2026")->required();
    c->add_option("--assessor", *assessor, "Who assessed (default: you)");
    c->add_option("--sign-off", *sign_off, "Who signed it off");
    c->add_option("--date", *date, "YYYY-MM-DD (default: now)");
    c->callback([=, &status] {
      status = with_workspace(*ctx, [&](Workspace& ws) {
        return cmd_freeze(*ctx, ws, *ref, *name, *assessor, *sign_off, *date);
      });
    });
    auto* cmp = assessment->add_subcommand("compare",
                                           "Compare two assessments of a profile ('live' is now)");
    auto cref = std::make_shared<std::string>();
    auto ca = std::make_shared<std::string>();
    auto cb = std::make_shared<std::string>();
    auto cformat = std::make_shared<std::string>();
    cmp->add_option("PROFILE", *cref, "Current profile")->required();
    cmp->add_option("A", *ca, "The earlier assessment's name")->required();
    cmp->add_option("B", *cb, "The later assessment's name, or live")->required();
    add_fmt(cmp, *cformat, k_data_formats);
    cmp->callback([=, &status] {
      status = with_workspace(*ctx, [&](Workspace& ws) {
        return cmd_compare(*ctx, ws, *cref, *ca, *cb, fmt(*cformat));
      });
    });
    auto* t =
        assessment->add_subcommand("trend", "Function scores over the assessments, oldest first");
    auto tref = std::make_shared<std::string>();
    auto format = std::make_shared<std::string>();
    t->add_option("PROFILE", *tref, "Current profile")->required();
    add_fmt(t, *format, k_data_formats);
    t->callback([=, &status] {
      status = with_workspace(
          *ctx, [&](Workspace& ws) { return cmd_trend(*ctx, ws, *tref, fmt(*format)); });
    });
  }

  {
    auto* c = app.add_subcommand(
        "gap", "Gap analysis: current against target, ranked by gap x priority x risk");
    auto cur = std::make_shared<std::string>();
    auto tgt = std::make_shared<std::string>();
    auto top = std::make_shared<int>(0);
    auto format = std::make_shared<std::string>();
    auto output = std::make_shared<std::string>();
    c->add_option("CURRENT", *cur, "Current profile")->required();
    c->add_option("TARGET", *tgt,
                  "Target profile (default: the organization's first target profile on the same "
                  "framework)");
    c->add_option("--top", *top, "Only the N highest-ranked open gaps");
    c->add_option("-o,--output", *output,
                  "Write the gap table (what the filter keeps) to a .csv or .xlsx file");
    auto options = std::make_shared<GapOptions>();
    auto& f = options->filter;
    c->add_option("--function", f["function"], "Only outcomes under this function (an id)");
    c->add_option("--category", f["category"], "Only outcomes under this category (an id)");
    c->add_option("--priority", f["priority"], "Only this priority: 1-3 or high, medium, low");
    c->add_option("--min-gap", f["min_gap"], "Only gaps of at least this (such as 1 or 0.5)");
    c->add_option("--owner", f["owner"], "Only outcomes of this owner (ignoring case)");
    c->add_option("--search", f["q"],
                  "Only outcomes with this text in the id, title or description");
    add_fmt(c, *format, k_data_formats);
    c->callback([=, &status] {
      status = with_workspace(*ctx, [&](Workspace& ws) {
        return cmd_gap(*ctx, ws, *cur, *tgt, *top, fmt(*format), *output, *options);
      });
    });
  }

  auto* roadmap = app.add_subcommand("roadmap", "Roadmap actions that close gaps");
  roadmap->require_subcommand(1);
  {
    auto* c = roadmap->add_subcommand("add", "Add an action");
    auto o = std::make_shared<ActionOptions>();
    c->add_option("--org", o->org, "Organization")->required();
    c->add_option("--title", o->title, "What will be done")->required();
    c->add_option("--owner", o->owner, "Who is accountable");
    c->add_option("--due", o->due, "YYYY-MM-DD");
    c->add_option("--status", o->status, "planned, in-progress, done or cancelled")
        ->check(CLI::IsMember({"planned", "in-progress", "done", "cancelled"}));
    c->add_option("--effort", o->effort, "Effort in person-days")->check(CLI::NonNegativeNumber);
    c->add_option("--target-level", o->target_level, "The level the nodes reach when it is done");
    c->add_option("--node", o->nodes, "A node whose gap it closes (repeat)");
    c->callback([=, &status] {
      status = with_workspace(*ctx, [&](Workspace& ws) { return cmd_roadmap_add(*ctx, ws, *o); });
    });
  }
  {
    auto* c = roadmap->add_subcommand("list", "List the actions");
    auto org_name = std::make_shared<std::string>();
    auto format = std::make_shared<std::string>();
    c->add_option("--org", *org_name, "Organization")->required();
    add_fmt(c, *format, k_data_formats);
    c->callback([=, &status] {
      status = with_workspace(
          *ctx, [&](Workspace& ws) { return cmd_roadmap_list(*ctx, ws, *org_name, fmt(*format)); });
    });
  }
  {
    auto* c = roadmap->add_subcommand("set", "Change an action's status");
    auto id = std::make_shared<std::int64_t>(0);
    auto org_name = std::make_shared<std::string>();
    auto st = std::make_shared<std::string>();
    c->add_option("ID", *id, "Action id")->required();
    c->add_option("--org", *org_name, "Organization")->required();
    c->add_option("--status", *st, "planned, in-progress, done or cancelled")->required();
    c->callback([=, &status] {
      status = with_workspace(
          *ctx, [&](Workspace& ws) { return cmd_roadmap_set(*ctx, ws, *id, *org_name, *st); });
    });
  }
  {
    auto* c = roadmap->add_subcommand(
        "what-if", "The current profile as it would be with the selected actions done");
    auto cur = std::make_shared<std::string>();
    auto tgt = std::make_shared<std::string>();
    auto ids = std::make_shared<std::vector<std::int64_t>>();
    auto format = std::make_shared<std::string>();
    c->add_option("CURRENT", *cur, "Current profile")->required();
    c->add_option("TARGET", *tgt,
                  "Target profile (default: the organization's first target profile on the same "
                  "framework)");
    c->add_option("--action", *ids, "An action id (repeat)")->required();
    add_fmt(c, *format, {"text", "json", "yaml"});
    c->callback([=, &status] {
      status = with_workspace(*ctx, [&](Workspace& ws) {
        return cmd_whatif(*ctx, ws, *cur, *tgt, *ids, fmt(*format));
      });
    });
  }

  {
    auto* c = app.add_subcommand("report", "A self-contained HTML report for an audience");
    auto ref = std::make_shared<std::string>();
    auto target = std::make_shared<std::string>();
    auto audience = std::make_shared<std::string>();
    auto output = std::make_shared<std::string>();
    c->add_option("PROFILE", *ref, "Current profile")->required();
    c->add_option("--target", *target,
                  "Target profile (default: the organization's only target on the framework)");
    c->add_option("--audience", *audience, "executive, practitioner or management")
        ->default_val("executive")
        ->check(CLI::IsMember({"executive", "practitioner", "management"}));
    c->add_option("-o,--output", *output, "The .html file to write")->required();
    c->callback([=, &status] {
      status = with_workspace(*ctx, [&](Workspace& ws) {
        return cmd_report(*ctx, ws, *ref, *target, *audience, *output);
      });
    });
  }

  auto* scale =
      app.add_subcommand("scale", "Implementation-level scales: the default 0-5, or your own");
  scale->require_subcommand(1);
  {
    auto* c = scale->add_subcommand(
        "add", "Add a scale from a YAML file (id, name, levels: [{value, name, meaning}])");
    auto file = std::make_shared<std::string>();
    c->add_option("FILE", *file, "The scale file")->required();
    c->callback([=, &status] {
      status = with_workspace(*ctx, [&](Workspace& ws) { return cmd_scale_add(*ctx, ws, *file); });
    });
    auto* l = scale->add_subcommand("list", "List the scales with their levels");
    auto id = std::make_shared<std::string>();
    auto format = std::make_shared<std::string>();
    l->add_option("ID", *id, "Only this scale");
    add_fmt(l, *format, k_data_formats);
    l->callback([=, &status] {
      status = with_workspace(
          *ctx, [&](Workspace& ws) { return cmd_scale_list(*ctx, ws, *id, fmt(*format)); });
    });
  }

  auto* user = app.add_subcommand("user", "Local accounts and their roles per organization");
  user->require_subcommand(1);
  {
    auto* a = user->add_subcommand(
        "add", "Add an account; without --password-stdin a password is generated and shown once");
    auto name = std::make_shared<std::string>();
    auto admin = std::make_shared<bool>(false);
    auto from_stdin = std::make_shared<bool>(false);
    a->add_option("NAME", *name, "The user name")->required();
    a->add_flag("--admin", *admin, "An administrator: manages users and every organization");
    a->add_flag("--password-stdin", *from_stdin,
                "Read the password from standard input (12 characters or more, not a common "
                "password, not the name)");
    a->callback([=, &status] {
      status = with_workspace(
          *ctx, [&](Workspace& ws) { return cmd_user_add(*ctx, ws, *name, *admin, *from_stdin); });
    });
    auto* l = user->add_subcommand("list", "List the accounts with their roles");
    auto format = std::make_shared<std::string>();
    add_fmt(l, *format, k_data_formats);
    l->callback([=, &status] {
      status = with_workspace(*ctx,
                              [&](Workspace& ws) { return cmd_user_list(*ctx, ws, fmt(*format)); });
    });
    auto* g = user->add_subcommand("grant", "Give a user a role in an organization");
    auto gname = std::make_shared<std::string>();
    auto org = std::make_shared<std::string>();
    auto role = std::make_shared<std::string>();
    g->add_option("NAME", *gname, "The user name")->required();
    g->add_option("--org", *org, "Organization")->required();
    g->add_option("--role", *role, "admin, editor, auditor or viewer")
        ->required()
        ->check(CLI::IsMember({"admin", "editor", "auditor", "viewer"}));
    g->callback([=, &status] {
      status = with_workspace(
          *ctx, [&](Workspace& ws) { return cmd_user_grant(*ctx, ws, *gname, *org, *role); });
    });
    auto* r = user->add_subcommand("revoke", "Take a user's role in an organization away");
    auto rname = std::make_shared<std::string>();
    auto rorg = std::make_shared<std::string>();
    r->add_option("NAME", *rname, "The user name")->required();
    r->add_option("--org", *rorg, "Organization")->required();
    r->callback([=, &status] {
      status = with_workspace(
          *ctx, [&](Workspace& ws) { return cmd_user_revoke(*ctx, ws, *rname, *rorg); });
    });
    auto* pw = user->add_subcommand(
        "passwd",
        "Set or reset an account's password (generated and shown once, or --password-stdin); its "
        "sessions end and its API tokens are revoked. Also: user reset-password NAME");
    pw->alias("reset-password");
    auto pname = std::make_shared<std::string>();
    auto pstdin = std::make_shared<bool>(false);
    pw->add_option("NAME", *pname, "The user name")->required();
    pw->add_flag("--password-stdin", *pstdin,
                 "Read the password (12 characters or more) from standard input");
    pw->callback([=, &status] {
      status = with_workspace(
          *ctx, [&](Workspace& ws) { return cmd_user_passwd(*ctx, ws, *pname, *pstdin); });
    });
    for (bool disable : {true, false}) {
      auto* d = user->add_subcommand(
          disable ? "disable" : "enable",
          disable ? "Disable an account: it cannot sign in; its sessions end and its API tokens "
                    "are revoked"
                  : "Enable a disabled account again (revoked tokens stay revoked)");
      auto dname = std::make_shared<std::string>();
      d->add_option("NAME", *dname, "The user name")->required();
      d->callback([=, &status] {
        status = with_workspace(
            *ctx, [&](Workspace& ws) { return cmd_user_disable(*ctx, ws, *dname, disable); });
      });
    }
    auto* tl = user->add_subcommand("tokens", "List an account's API tokens (never the secrets)");
    auto tname = std::make_shared<std::string>();
    auto tformat = std::make_shared<std::string>();
    tl->add_option("NAME", *tname, "The user name")->required();
    add_fmt(tl, *tformat, k_data_formats);
    tl->callback([=, &status] {
      status = with_workspace(
          *ctx, [&](Workspace& ws) { return cmd_user_tokens(*ctx, ws, *tname, fmt(*tformat)); });
    });
    auto* rt = user->add_subcommand("revoke-token", "Revoke one API token of an account");
    auto rtname = std::make_shared<std::string>();
    auto rtid = std::make_shared<std::int64_t>(0);
    rt->add_option("NAME", *rtname, "The user name")->required();
    rt->add_option("ID", *rtid, "The token's id (user tokens NAME lists them)")
        ->required()
        ->check(CLI::PositiveNumber);
    rt->callback([=, &status] {
      status = with_workspace(
          *ctx, [&](Workspace& ws) { return cmd_user_revoke_token(*ctx, ws, *rtname, *rtid); });
    });
  }

  auto* audit = app.add_subcommand("audit", "The audit trail: every change, in a keyed hash chain");
  audit->require_subcommand(1);
  {
    // The filters `log` and `export` share.
    auto add_filters = [](CLI::App* c, AuditFilterOptions& f) {
      c->add_option("--actor", f.actor, "Only changes by this person (account or --as name)");
      c->add_option("--entity", f.entity,
                    "Only this kind of record: organization, profile, node, snapshot, action, "
                    "evidence, comment, scale, mapping-set, user, token, session or audit");
      c->add_option("--id", f.id, "Only this record (its id; a node is PROFILE_ID/NODE)");
      c->add_option("--action", f.action, "Only this action (create, update, delete, ...)");
      c->add_option("--from", f.from,
                    "Only changes at or after this date (YYYY-MM-DD) or time (RFC 3339)");
      c->add_option("--to", f.to,
                    "Only changes at or before this date (the whole day) or time (RFC 3339)");
    };
    auto* l = audit->add_subcommand(
        "log",
        "The changes, oldest first (the last --limit of them), each with its changed fields");
    auto filters = std::make_shared<AuditFilterOptions>();
    auto limit = std::make_shared<std::size_t>(100);
    auto before = std::make_shared<std::int64_t>(0);
    auto format = std::make_shared<std::string>();
    add_filters(l, *filters);
    l->add_option("--limit", *limit, "How many of the latest changes (default 100)");
    l->add_option("--before", *before, "Only rows with a smaller id (to page back)")
        ->check(CLI::PositiveNumber);
    add_fmt(l, *format, k_data_formats);
    l->callback([=, &status] {
      status = with_workspace(*ctx, [&](Workspace& ws) {
        auto q = audit_query(*filters);
        if (!q) return fail_with(*ctx, q.error());
        q->limit = *limit;
        q->before = *before;
        return cmd_audit_log(*ctx, ws, *q, fmt(*format));
      });
    });
    auto* e = audit->add_subcommand(
        "export",
        "Write the changes that match the filters as CSV or XLSX, newest first, one line per "
        "changed field (at most 10,000 audit rows)");
    auto efilters = std::make_shared<AuditFilterOptions>();
    auto eformat = std::make_shared<std::string>();
    auto eoutput = std::make_shared<std::string>();
    add_filters(e, *efilters);
    e->add_option("--format,-f", *eformat,
                  "csv or xlsx (default: from the file's extension, else csv)")
        ->check(CLI::IsMember({"csv", "xlsx"}));
    e->add_option("-o,--output", *eoutput,
                  "The file to write (CSV goes to standard output without it)");
    e->callback([=, &status] {
      status = with_workspace(*ctx, [&](Workspace& ws) {
        return cmd_audit_export(*ctx, ws, *efilters, *eformat, *eoutput);
      });
    });
    auto* v = audit->add_subcommand(
        "verify",
        "Check the keyed hash chain and its anchor; exit 1 naming the first bad row, a deleted "
        "tail or a missing or altered anchor");
    v->callback([=, &status] {
      status = with_workspace(*ctx, [&](Workspace& ws) { return cmd_audit_verify(*ctx, ws); });
    });
    auto* a = audit->add_subcommand(
        "anchor",
        "Anchor the trail as it is now, once you know it is right (a workspace restored from a "
        "backup, a lost anchor file); recorded in the trail with the reason");
    auto reason = std::make_shared<std::string>();
    a->add_option("--reason", *reason, "Why (recorded in the trail)")->required();
    a->callback([=, &status] {
      status =
          with_workspace(*ctx, [&](Workspace& ws) { return cmd_audit_anchor(*ctx, ws, *reason); });
    });
  }
  {
    auto* c =
        profile->add_subcommand("history", "Every change of one node of a profile, who and when");
    auto ref = std::make_shared<std::string>();
    auto node = std::make_shared<std::string>();
    auto format = std::make_shared<std::string>();
    c->add_option("PROFILE", *ref, "Profile name, ORG/name or id")->required();
    c->add_option("NODE", *node, "Node id")->required();
    add_fmt(c, *format, k_data_formats);
    c->callback([=, &status] {
      status = with_workspace(
          *ctx, [&](Workspace& ws) { return cmd_history(*ctx, ws, *ref, *node, fmt(*format)); });
    });
  }

  auto* demo = app.add_subcommand("demo", "Fill the workspace with a realistic demo organization");
  demo->callback([=, &status] {
    status = with_workspace(*ctx, [&](Workspace& ws) { return cmd_demo(*ctx, ws); });
  });
}

}  // namespace cyberframe::cli
