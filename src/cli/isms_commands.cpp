// `cyberframe isms ...`: the ISMS registers (core/isms.hpp). The rules are workspace/isms.hpp's:
// the same as the API's.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

#include "cli/cli.hpp"
#include "cli/output.hpp"
#include "cli/workspace_context.hpp"
#include "codec/isms_json.hpp"
#include "util/date.hpp"
#include "util/text.hpp"
#include "workspace/isms.hpp"
#include "workspace/people.hpp"

namespace cyberframe::cli {

namespace {

using nlohmann::json;
using Ctx = WorkspaceContext;

struct Args {
  std::string org, reg, ref, format = "text", output, file, text;
  std::string q, status_filter, owner_filter, link_filter, today, person, framework, under;
  bool deleted = false;
  std::size_t offset = 0, limit = 0;
  std::optional<std::string> title, status, owner, new_ref;
  std::vector<std::string> sets, links, unlinks;
  std::optional<std::int64_t> expect_version;
};

struct Open {
  std::unique_ptr<workspace::Workspace> ws;
  std::optional<catalog::LoadResult> catalog;
  core::Organization org;
  const core::Catalog& cat() const { return catalog->catalog; }
};

std::optional<Open> open(const Ctx& ctx, const Args& a, int& status, bool with_catalog = false) {
  Open o;
  o.ws = open_store(ctx, status);
  if (!o.ws) return std::nullopt;
  auto org = o.ws->organization(a.org);
  if (!org) {
    status = fail_with(ctx, org.error());
    return std::nullopt;
  }
  o.org = *org;
  if (with_catalog) {
    o.catalog = workspace_catalog(ctx, *o.ws, status);
    if (!o.catalog) return std::nullopt;
  }
  return o;
}

Format format_of(const Args& a) {
  return parse_format(a.format).value_or(Format::k_text);
}

// The register named on the command line, or the error printed.
const core::RegisterSpec* spec_of(const Ctx& ctx, const std::string& key, int& status) {
  auto spec = workspace::isms_register(key);
  if (!spec) {
    status = fail_with(ctx, spec.error());
    return nullptr;
  }
  return *spec;
}

// What the person --as names may do. The command line holds the workspace's file, so its
// operator may do everything; but when --as names an account of the workspace, the change is that
// account's and its role in the organization decides, as over the API: admins and editors write
// every register, auditors the registers that say so (core::role_writes: the findings) and
// comment, viewers read. `need` is "write" (the register `spec`), "comment" or "manage".
int refuse_unless_allowed(const Ctx& ctx, workspace::Workspace& ws, const core::Organization& org,
                          const core::RegisterSpec* spec, const std::string& need) {
  if (ctx.options.actor.empty()) return k_exit_ok;
  auto user = ws.user(ctx.options.actor);
  if (!user) {
    if (user.error().code == util::ErrorCode::k_not_found) return k_exit_ok;
    return fail_with(ctx, user.error());
  }
  if (user->disabled()) return fail_with(ctx, "account " + user->name + " is disabled");
  if (user->administrator) return k_exit_ok;
  auto it = user->roles.find(org.id);
  if (it == user->roles.end())
    return fail_with(ctx, "account " + user->name + " has no role in " + org.name);
  auto role = it->second;
  bool allowed = need == "comment"  ? role != core::Role::k_viewer
                 : need == "manage" ? role == core::Role::k_admin
                                    : core::role_writes(*spec, role);
  if (allowed) return k_exit_ok;
  std::string who = need == "comment"      ? "admins, editors and auditors"
                    : need == "manage"     ? "admins"
                    : spec->auditors_write ? "admins, editors and auditors"
                                           : "admins and editors";
  std::string what = need == "comment"  ? "comment on records"
                     : need == "manage" ? "restore records"
                                        : "write the register " + spec->key;
  return fail_with(ctx, "account " + user->name + " is " + std::string(core::to_string(role)) +
                            " in " + org.name + "; only " + who + " " + what);
}

void print_record(const Ctx& ctx, const core::RegisterSpec& spec, const core::IsmsRecord& r) {
  ctx.out << r.ref << "  " << r.title << "\n";
  ctx.out << "  register: " << spec.key << " (" << spec.clause << " " << spec.title << ")\n";
  if (!r.status.empty()) ctx.out << "  status: " << r.status << "\n";
  if (!r.owner.empty()) ctx.out << "  owner: " << r.owner << "\n";
  if (spec.approvable) {
    ctx.out << "  revision: " << r.revision;
    if (r.approved())
      ctx.out << " (approved by " << r.approved_by << " at " << r.approved_at << ")";
    else if (r.approved_revision)
      ctx.out << " (draft; revision " << r.approved_revision << " approved)";
    else
      ctx.out << " (draft)";
    ctx.out << "\n";
  }
  for (const auto& f : spec.fields) {
    auto text = r.shown(f);
    if (text.empty()) continue;
    ctx.out << "  " << f.key << ": " << text << "\n";
  }
  if (r.register_key == "awareness")
    if (auto p = core::completion_percent(r)) ctx.out << "  completion: " << *p << "%\n";
  for (const auto& l : r.links) ctx.out << "  link: " << core::to_string(l) << "\n";
  if (r.deleted) ctx.out << "  deleted by " << r.deleted_by << " at " << r.deleted_at << "\n";
  ctx.out << "  version " << r.version << ", updated by " << r.updated_by << " at " << r.updated_at
          << "\n";
}

int show(const Ctx& ctx, const Args& a, const core::RegisterSpec& spec, const core::IsmsRecord& r,
         const std::string& said = "") {
  auto format = format_of(a);
  if (format == Format::k_json || format == Format::k_yaml) {
    print_structured(ctx.out, format, codec::to_json(r));
    return k_exit_ok;
  }
  if (!said.empty()) {
    ctx.out << said << "\n";
    return k_exit_ok;
  }
  print_record(ctx, spec, r);
  return k_exit_ok;
}

// Applies --title, --status, --owner, --ref, --set, --link and --unlink to a record.
int apply_options(const Ctx& ctx, const Args& a, const core::RegisterSpec& spec,
                  core::IsmsRecord& r) {
  if (a.title) r.title = util::trim(*a.title);
  if (a.status) r.status = util::to_lower(util::trim(*a.status));
  if (a.owner) r.owner = util::trim(*a.owner);
  if (a.new_ref) r.ref = util::trim(*a.new_ref);
  for (const auto& s : a.sets) {
    auto eq = s.find('=');
    if (eq == std::string::npos)
      return fail_with(ctx, "--set: '" + s.substr(0, 60) + "' is not FIELD=VALUE");
    if (auto v = core::set_field(spec, r, s.substr(0, eq), s.substr(eq + 1)); !v)
      return fail_with(ctx, "--set: " + v.error().message);
  }
  for (const auto& l : a.links) {
    auto link = core::parse_link(l, "--link");
    if (!link) return fail_with(ctx, link.error());
    r.links.push_back(*link);
  }
  for (const auto& l : a.unlinks) {
    auto link = core::parse_link(l, "--unlink");
    if (!link) return fail_with(ctx, link.error());
    auto it = std::find(r.links.begin(), r.links.end(), *link);
    if (it == r.links.end())
      return fail_with(ctx, "--unlink: " + r.ref + " has no link " + core::to_string(*link));
    r.links.erase(it);
  }
  std::sort(r.links.begin(), r.links.end());
  r.links.erase(std::unique(r.links.begin(), r.links.end()), r.links.end());
  return k_exit_ok;
}

int cmd_registers(const Ctx& ctx, const Args& a) {
  Table t({"KEY", "CLAUSE", "PREFIX", "APPROVED", "TITLE"});
  json out = json::array();
  for (const auto& s : core::isms_registers()) {
    t.add({s.key, s.clause, s.prefix, s.approvable ? "yes" : "", s.title});
    out.push_back(codec::to_json(s));
  }
  print_data(ctx.out, format_of(a), t, out);
  return k_exit_ok;
}

int cmd_list(const Ctx& ctx, const Args& a) {
  int status = 0;
  auto o = open(ctx, a, status);
  if (!o) return status;
  auto counts = workspace::isms_counts(*o->ws, o->org.id);
  if (!counts) return fail_with(ctx, counts.error());
  auto format = format_of(a);
  json out = json::object();
  Table t({"REGISTER", "CLAUSE", "RECORDS", "TITLE"});
  for (const auto& s : core::isms_registers()) {
    auto n = counts->at(s.key);
    out[s.key] = n;
    t.add({s.key, s.clause, std::to_string(n), s.title});
  }
  if (auto d = counts->find("documents"); d != counts->end()) {
    out["documents"] = d->second;
    t.add({"documents", "7.5", std::to_string(d->second),
           "Documented information (cyberframe document list)"});
  }
  if (format == Format::k_text) {
    ctx.out << "ISMS registers of " << o->org.name << "\n";
    t.print(ctx.out, "  ");
    return k_exit_ok;
  }
  print_data(ctx.out, format, t, out);
  return k_exit_ok;
}

int cmd_records(const Ctx& ctx, const Args& a) {
  int status = 0;
  const auto* spec = spec_of(ctx, a.reg, status);
  if (!spec) return status;
  auto o = open(ctx, a, status);
  if (!o) return status;
  core::IsmsQuery q;
  q.text = a.q;
  q.status = util::to_lower(util::trim(a.status_filter));
  q.owner = a.owner_filter;
  q.deleted = a.deleted;
  if (!a.link_filter.empty()) {
    auto link = core::parse_link(a.link_filter, "--link");
    if (!link) return fail_with(ctx, link.error());
    q.link = *link;
  }
  q.slice = util::Slice::all();
  q.slice.offset = a.offset;
  if (a.limit) q.slice.limit = a.limit;
  auto page = workspace::list_records(*o->ws, o->org.id, a.reg, q);
  if (!page) return fail_with(ctx, page.error());
  Table t({"REF", "STATUS", "OWNER", "TITLE"});
  json items = json::array();
  for (const auto& r : page->items) {
    t.add({r.ref, r.status, r.owner, r.title});
    items.push_back(codec::to_json(r));
  }
  auto format = format_of(a);
  if (format == Format::k_text) {
    ctx.out << spec->title << " (" << spec->clause << ") of " << o->org.name << ": " << page->total
            << (a.deleted ? " deleted" : "") << " record" << (page->total == 1 ? "" : "s") << "\n";
    if (t.size() > 0) t.print(ctx.out, "  ");
    return k_exit_ok;
  }
  print_data(ctx.out, format, t,
             json{{"organization", o->org.name},
                  {"register", spec->key},
                  {"total", page->total},
                  {"items", items}});
  return k_exit_ok;
}

int cmd_show(const Ctx& ctx, const Args& a) {
  int status = 0;
  const auto* spec = spec_of(ctx, a.reg, status);
  if (!spec) return status;
  auto o = open(ctx, a, status);
  if (!o) return status;
  auto r = workspace::find_record(*o->ws, o->org.id, a.reg, a.ref, true);
  if (!r) return fail_with(ctx, r.error());
  auto format = format_of(a);
  auto comments = workspace::record_comments(*o->ws, o->org.id, a.reg, a.ref);
  if (!comments) return fail_with(ctx, comments.error());
  if (format == Format::k_json || format == Format::k_yaml) {
    auto out = codec::to_json(*r);
    json list = json::array();
    for (const auto& c : *comments) list.push_back(codec::to_json(c));
    out["comments"] = list;
    print_structured(ctx.out, format, out);
    return k_exit_ok;
  }
  print_record(ctx, *spec, *r);
  for (const auto& c : *comments)
    ctx.out << "  comment by " << c.author << " at " << c.at << ": " << c.text << "\n";
  return k_exit_ok;
}

int cmd_add(const Ctx& ctx, const Args& a) {
  int status = 0;
  const auto* spec = spec_of(ctx, a.reg, status);
  if (!spec) return status;
  core::IsmsRecord r;
  r.register_key = spec->key;
  if (auto s = apply_options(ctx, a, *spec, r); s != k_exit_ok) return s;
  auto o = open(ctx, a, status, true);
  if (!o) return status;
  if (auto s = refuse_unless_allowed(ctx, *o->ws, o->org, spec, "write"); s != k_exit_ok) return s;
  auto stored = workspace::create_record(*o->ws, actor(ctx), o->cat(), o->org.id, a.reg, r);
  if (!stored) return fail_with(ctx, stored.error());
  return show(ctx, a, *spec, *stored,
              spec->key + " " + stored->ref + " added to " + o->org.name + " (version 1)");
}

int cmd_edit(const Ctx& ctx, const Args& a) {
  int status = 0;
  const auto* spec = spec_of(ctx, a.reg, status);
  if (!spec) return status;
  auto o = open(ctx, a, status, true);
  if (!o) return status;
  if (auto s = refuse_unless_allowed(ctx, *o->ws, o->org, spec, "write"); s != k_exit_ok) return s;
  auto r = workspace::find_record(*o->ws, o->org.id, a.reg, a.ref);
  if (!r) return fail_with(ctx, r.error());
  if (a.expect_version) r->version = *a.expect_version;
  if (auto s = apply_options(ctx, a, *spec, *r); s != k_exit_ok) return s;
  auto stored = workspace::update_record(*o->ws, actor(ctx), o->cat(), o->org.id, a.reg, *r);
  if (!stored) return fail_with(ctx, stored.error());
  std::string said =
      spec->key + " " + stored->ref + " saved (version " + std::to_string(stored->version) + ")";
  if (spec->approvable)
    said += "; revision " + std::to_string(stored->revision) + " " + stored->status;
  return show(ctx, a, *spec, *stored, said);
}

int cmd_state(const Ctx& ctx, const Args& a, const std::string& what) {
  int status = 0;
  const auto* spec = spec_of(ctx, a.reg, status);
  if (!spec) return status;
  auto o = open(ctx, a, status);
  if (!o) return status;
  if (auto s =
          refuse_unless_allowed(ctx, *o->ws, o->org, spec, what == "restore" ? "manage" : "write");
      s != k_exit_ok)
    return s;
  auto expected = a.expect_version.value_or(0);
  auto r = what == "delete"
               ? workspace::delete_record(*o->ws, actor(ctx), o->org.id, a.reg, a.ref, expected)
           : what == "restore"
               ? workspace::restore_record(*o->ws, actor(ctx), o->org.id, a.reg, a.ref, expected)
               : workspace::approve_record(*o->ws, actor(ctx), o->org.id, a.reg, a.ref, expected);
  if (!r) return fail_with(ctx, r.error());
  std::string said = spec->key + " " + r->ref +
                     (what == "delete"    ? " deleted (kept; an admin can restore it)"
                      : what == "restore" ? " restored"
                                          : " revision " + std::to_string(r->revision) +
                                                " approved by " + r->approved_by);
  return show(ctx, a, *spec, *r, said);
}

int cmd_comment(const Ctx& ctx, const Args& a) {
  int status = 0;
  const auto* spec = spec_of(ctx, a.reg, status);
  if (!spec) return status;
  auto o = open(ctx, a, status);
  if (!o) return status;
  if (auto s = refuse_unless_allowed(ctx, *o->ws, o->org, spec, "comment"); s != k_exit_ok)
    return s;
  auto c = workspace::comment_record(*o->ws, actor(ctx), o->org.id, a.reg, a.ref, a.text);
  if (!c) return fail_with(ctx, c.error());
  ctx.out << "comment added to " << a.reg << " " << a.ref << " by " << c->author << "\n";
  return k_exit_ok;
}

int cmd_history(const Ctx& ctx, const Args& a) {
  int status = 0;
  if (!spec_of(ctx, a.reg, status)) return status;
  auto o = open(ctx, a, status);
  if (!o) return status;
  auto h = workspace::record_history(*o->ws, o->org.id, a.reg, a.ref);
  if (!h) return fail_with(ctx, h.error());
  Table t({"VERSION", "REVISION", "STATUS", "SAVED AT", "SAVED BY"});
  json items = json::array();
  for (const auto& v : *h) {
    t.add(
        {std::to_string(v.version), std::to_string(v.revision), v.status, v.saved_at, v.saved_by});
    items.push_back(codec::to_json(v));
  }
  auto format = format_of(a);
  if (format == Format::k_text) {
    ctx.out << "History of " << a.reg << " " << a.ref << "\n";
    t.print(ctx.out, "  ");
    return k_exit_ok;
  }
  print_data(ctx.out, format, t, json{{"items", items}});
  return k_exit_ok;
}

std::optional<std::string> read_file(const Ctx& ctx, const std::string& file, int& status) {
  std::error_code ec;
  auto size = std::filesystem::file_size(file, ec);
  if (ec || !std::filesystem::is_regular_file(file, ec)) {
    status = fail_with(ctx, file + ": no such file");
    return std::nullopt;
  }
  if (size > (64u << 20)) {
    status = fail_with(ctx, file + ": larger than an import may be (64 MiB)");
    return std::nullopt;
  }
  std::ifstream in(file, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return bytes;
}

int cmd_import(const Ctx& ctx, const Args& a) {
  int status = 0;
  const auto* spec = spec_of(ctx, a.reg, status);
  if (!spec) return status;
  auto bytes = read_file(ctx, a.file, status);
  if (!bytes) return status;
  std::string format = a.format;
  if (format != "csv" && format != "xlsx") {
    auto dot = a.file.rfind('.');
    format = dot == std::string::npos ? "" : util::to_lower(a.file.substr(dot + 1));
  }
  if (format != "csv" && format != "xlsx")
    return fail_with(ctx, a.file + ": give --format csv or xlsx (the name ends in neither)");
  auto o = open(ctx, a, status, true);
  if (!o) return status;
  if (auto s = refuse_unless_allowed(ctx, *o->ws, o->org, spec, "write"); s != k_exit_ok) return s;
  auto result =
      workspace::import_records(*o->ws, actor(ctx), o->cat(), o->org.id, a.reg, *bytes, format);
  if (!result) return fail_with(ctx, result.error());
  if (!result->errors.empty()) {
    for (const auto& e : result->errors) ctx.err << a.file << ": " << e.to_string() << '\n';
    return fail_with(ctx, a.file + ": " + std::to_string(result->errors.size()) + " problem" +
                              (result->errors.size() == 1 ? "" : "s") + "; nothing imported");
  }
  ctx.out << a.reg << ": " << result->created << " created, " << result->updated << " updated in "
          << o->org.name << "\n";
  return k_exit_ok;
}

int cmd_export(const Ctx& ctx, const Args& a) {
  int status = 0;
  if (!spec_of(ctx, a.reg, status)) return status;
  auto o = open(ctx, a, status);
  if (!o) return status;
  auto format = a.format == "text" ? std::string("csv") : a.format;
  if (format == "xlsx" && is_standard_output(a.output))
    return fail_with(ctx, "an XLSX workbook is written to a file: give -o FILE");
  auto bytes = workspace::export_records(*o->ws, o->org.id, a.reg, format, a.deleted);
  if (!bytes) return fail_with(ctx, bytes.error());
  return write_output(ctx.out, ctx.err, a.output, *bytes);
}

int cmd_due(const Ctx& ctx, const Args& a) {
  int status = 0;
  auto o = open(ctx, a, status);
  if (!o) return status;
  auto today = a.today.empty() ? util::today_utc() : a.today;
  auto items = workspace::isms_due(*o->ws, o->org.id, today);
  if (!items) return fail_with(ctx, items.error());
  std::string whose;
  if (!a.person.empty()) {
    // One person's work: the items whose owner (or auditors, or distribution) names them.
    auto person = workspace::person_named(*o->ws, a.person);
    if (!person) return fail_with(ctx, person.error());
    std::erase_if(*items, [&](const core::DueItem& i) { return !core::concerns(i, *person); });
    whose = " for " + person->name;
  }
  auto format = format_of(a);
  Table t({"KIND", "REF", "DUE", "LATE", "OWNER", "TITLE", "WHY"});
  for (const auto& i : *items)
    t.add({i.kind, i.ref, i.due.empty() ? "-" : i.due,
           i.days_overdue > 0 ? std::to_string(i.days_overdue) + " d" : "-", i.owner, i.title,
           i.reason});
  if (format == Format::k_text) {
    ctx.out << "Due in the ISMS of " << o->org.name << whose << " on " << today << ": "
            << items->size() << (items->size() == 1 ? " item" : " items") << "\n";
    if (!items->empty()) t.print(ctx.out, "  ");
    return k_exit_ok;
  }
  print_data(ctx.out, format, t, codec::due_to_json(*items, today));
  return k_exit_ok;
}

int cmd_raci(const Ctx& ctx, const Args& a) {
  int status = 0;
  auto o = open(ctx, a, status);
  if (!o) return status;
  auto m = workspace::isms_raci(*o->ws, o->org.id);
  if (!m) return fail_with(ctx, m.error());
  std::vector<std::string> headers{"PROCESS"};
  for (const auto& r : m->roles) headers.push_back(r);
  Table t(headers);
  for (const auto& p : m->processes) {
    std::vector<std::string> row{p};
    for (const auto& r : m->roles) {
      auto it = m->cells[p].find(r);
      row.push_back(it == m->cells[p].end() || it->second.empty() ? "-" : it->second);
    }
    t.add(row);
  }
  auto format = format_of(a);
  if (format == Format::k_text) {
    ctx.out << "RACI of " << o->org.name << "\n";
    for (const auto& r : m->roles) ctx.out << "  " << r << "  " << m->role_titles[r] << "\n";
    t.print(ctx.out, "  ");
    for (const auto& w : m->warnings) ctx.out << "warning: " << w << "\n";
    return k_exit_ok;
  }
  print_data(ctx.out, format, t, codec::raci_to_json(*m));
  return k_exit_ok;
}

int cmd_checklist(const Ctx& ctx, const Args& a) {
  int status = 0;
  const auto* spec = spec_of(ctx, "audits", status);
  if (!spec) return status;
  auto o = open(ctx, a, status, true);
  if (!o) return status;
  if (auto s = refuse_unless_allowed(ctx, *o->ws, o->org, spec, "write"); s != k_exit_ok) return s;
  auto before = workspace::find_record(*o->ws, o->org.id, "audits", a.ref);
  if (!before) return fail_with(ctx, before.error());
  auto stored = workspace::draw_checklist(*o->ws, actor(ctx), o->cat(), o->org.id, a.ref,
                                          a.framework, a.under, a.expect_version.value_or(0));
  if (!stored) {
    const auto& e = stored.error();
    if (e.field == "framework" || e.field == "under") return fail_with(ctx, "--" + e.message);
    return fail_with(ctx, e);
  }
  auto added = stored->list("checklist").size() - before->list("checklist").size();
  return show(ctx, a, *spec, *stored,
              "audits " + stored->ref + ": " + std::to_string(added) + " checklist item" +
                  (added == 1 ? "" : "s") + " drawn from " + a.framework +
                  (a.under.empty() ? "" : " under " + a.under) + "; " +
                  std::to_string(stored->list("checklist").size()) + " in all (version " +
                  std::to_string(stored->version) + ")");
}

int cmd_audit_report(const Ctx& ctx, const Args& a) {
  int status = 0;
  auto o = open(ctx, a, status, true);
  if (!o) return status;
  auto html = workspace::audit_report(*o->ws, o->cat(), o->org.id, o->org.name, a.ref);
  if (!html) return fail_with(ctx, html.error());
  return write_output(ctx.out, ctx.err, a.output, *html);
}

}  // namespace

// readiness_commands.cpp: `isms readiness`.
void add_readiness_command(CLI::App& isms, const CatalogOptions& catalog_options,
                           const WorkspaceOptions& options, std::ostream& out, std::ostream& err,
                           int& status);

void add_isms_commands(CLI::App& app, const CatalogOptions& catalog_options,
                       const WorkspaceOptions& options, std::ostream& out, std::ostream& err,
                       int& status) {
  auto ctx = std::make_shared<Ctx>(Ctx{catalog_options, options, out, err});
  auto* isms = app.add_subcommand(
      "isms",
      "The ISMS registers (ISO/IEC 27001 clauses 4-10): context, interested parties, "
      "scope, policies, roles, objectives, support, operation, audits, reviews, "
      "nonconformities, incidents");
  isms->require_subcommand(1);
  auto verb = [&](const char* name, const char* help, bool org, auto&& with, auto run) {
    auto a = std::make_shared<Args>();
    auto* c = isms->add_subcommand(name, help);
    if (org) c->add_option("--org", a->org, "Organization name or id")->required();
    with(c, *a);
    c->callback([=, &status] { status = run(*ctx, *a); });
  };
  auto format = [](CLI::App* c, Args& a) {
    c->add_option("--format,-f", a.format, "text, json, yaml or csv")
        ->check(CLI::IsMember({"text", "json", "yaml", "csv"}));
  };
  auto reg = [](CLI::App* c, Args& a) {
    c->add_option("REGISTER", a.reg, "The register (see 'cyberframe isms registers')")->required();
  };
  auto reg_ref = [&](CLI::App* c, Args& a) {
    reg(c, a);
    c->add_option("REF", a.ref, "The record's ref (or id)")->required();
  };
  auto expect = [](CLI::App* c, Args& a) {
    c->add_option("--expect-version", a.expect_version,
                  "Refuse unless the record is still at this version");
  };
  auto fields = [](CLI::App* c, Args& a) {
    c->add_option("--title", a.title, "The record's title");
    c->add_option("--status", a.status, "One of the register's statuses");
    c->add_option("--owner", a.owner, "Who owns the record");
    c->add_option("--set", a.sets, "FIELD=VALUE of the register's fields (repeat; lists: a;b)");
    c->add_option("--link", a.links,
                  "KIND:TARGET: node:FRAMEWORK:NODE, risk:R-001, control:A.5.1, document:DOC-001, "
                  "record:REGISTER/REF (repeat)");
  };
  verb(
      "registers", "The registers: key, clause, prefix, fields", false,
      [&](CLI::App* c, Args& a) { format(c, a); }, cmd_registers);
  verb(
      "list", "Every register of an organization with its count of live records", true,
      [&](CLI::App* c, Args& a) { format(c, a); }, cmd_list);
  verb(
      "records", "The records of a register, filtered", true,
      [&](CLI::App* c, Args& a) {
        reg(c, a);
        c->add_option("--q", a.q, "A part of the ref, title or text");
        c->add_option("--status", a.status_filter, "Only records of this status");
        c->add_option("--owner", a.owner_filter, "Only this owner's");
        c->add_option("--link", a.link_filter, "Only records with this link (KIND:TARGET)");
        c->add_flag("--deleted", a.deleted, "The deleted records instead");
        c->add_option("--offset", a.offset, "Skip this many");
        c->add_option("--limit", a.limit, "At most this many");
        format(c, a);
      },
      cmd_records);
  verb(
      "show", "One record with its comments", true,
      [&](CLI::App* c, Args& a) {
        reg_ref(c, a);
        format(c, a);
      },
      cmd_show);
  verb(
      "add", "Add a record to a register (its ref assigned unless --ref)", true,
      [&](CLI::App* c, Args& a) {
        reg(c, a);
        fields(c, a);
        c->add_option("--ref", a.new_ref, "The record's ref (default: the next PREFIX-NNN)");
        format(c, a);
      },
      cmd_add);
  verb(
      "edit", "Change a record (the options given replace the stored values)", true,
      [&](CLI::App* c, Args& a) {
        reg_ref(c, a);
        fields(c, a);
        c->add_option("--ref", a.new_ref, "A new ref");
        c->add_option("--unlink", a.unlinks, "Remove a link KIND:TARGET (repeat)");
        expect(c, a);
        format(c, a);
      },
      cmd_edit);
  for (const char* what : {"delete", "restore", "approve"}) {
    std::string w = what;
    verb(
        what,
        w == "delete"    ? "Delete a record (kept, hidden, restorable by an admin)"
        : w == "restore" ? "Restore a deleted record"
                         : "Approve the record's revision (scope, policies)",
        true,
        [&](CLI::App* c, Args& a) {
          reg_ref(c, a);
          expect(c, a);
          format(c, a);
        },
        [w](const Ctx& c, const Args& a) { return cmd_state(c, a, w); });
  }
  verb(
      "comment", "Comment on a record", true,
      [&](CLI::App* c, Args& a) {
        reg_ref(c, a);
        c->add_option("TEXT", a.text, "The comment")->required();
      },
      cmd_comment);
  verb(
      "history", "Every saved version of a record", true,
      [&](CLI::App* c, Args& a) {
        reg_ref(c, a);
        format(c, a);
      },
      cmd_history);
  verb(
      "import", "Import records from CSV or XLSX (all rows or none; every bad row named)", true,
      [&](CLI::App* c, Args& a) {
        reg(c, a);
        c->add_option("FILE", a.file, "The file (the columns of isms export)")->required();
        c->add_option("--format,-f", a.format, "csv or xlsx (default: by the file's name)");
      },
      cmd_import);
  verb(
      "export", "Write a register as CSV or XLSX (imports again unchanged)", true,
      [&](CLI::App* c, Args& a) {
        reg(c, a);
        a.format = "csv";
        c->add_option("--format,-f", a.format, "csv or xlsx")
            ->check(CLI::IsMember({"csv", "xlsx"}));
        c->add_option("-o,--output", a.output, "File to write (default: standard output)");
        c->add_flag("--deleted", a.deleted, "The deleted records instead");
      },
      cmd_export);
  verb(
      "checklist",
      "Draw an audit's checklist from a framework: its requirements (all, or under a node) "
      "appended as FRAMEWORK:NODE items",
      true,
      [&](CLI::App* c, Args& a) {
        c->add_option("AUDIT", a.ref, "The audit's ref (AUD-NNN)")->required();
        c->add_option("--framework", a.framework,
                      "The framework (iso-iec-27001-2022-isms, iso-iec-27001-2022-annex-a, ...)")
            ->required();
        c->add_option("--under", a.under, "Only the requirements under this node (e.g. A.5, 9)");
        expect(c, a);
        format(c, a);
      },
      cmd_checklist);
  verb(
      "audit-report",
      "An audit's report as HTML: criteria, scope, auditors, checklist, findings by grade, "
      "nonconformities",
      true,
      [&](CLI::App* c, Args& a) {
        c->add_option("AUDIT", a.ref, "The audit's ref (AUD-NNN)")->required();
        c->add_option("-o,--output", a.output, "File to write (default: standard output)");
      },
      cmd_audit_report);
  verb(
      "raci", "The RACI matrix of the roles over the ISMS's processes", true,
      [&](CLI::App* c, Args& a) { format(c, a); }, cmd_raci);
  verb(
      "due",
      "What is due: reviews, actions, audits, re-assessments, acceptances, documents to "
      "acknowledge, objectives off track",
      true,
      [&](CLI::App* c, Args& a) {
        c->add_option("--today", a.today, "Count as of this date (YYYY-MM-DD; default today)");
        c->add_option("--person", a.person,
                      "Only this person's work: an account name, alias or e-mail address");
        format(c, a);
      },
      cmd_due);
  add_readiness_command(*isms, catalog_options, options, out, err, status);
}

}  // namespace cyberframe::cli
