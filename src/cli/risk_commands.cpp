// `cyberframe risk|asset|control|soa ...`: risk management and the Statement of Applicability
// (docs/risk.md). The rules are workspace/risks.hpp's: the same as the API's.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

#include "cli/cli.hpp"
#include "cli/output.hpp"
#include "cli/workspace_context.hpp"
#include "codec/risk_json.hpp"
#include "util/text.hpp"
#include "workspace/risk_json.hpp"
#include "workspace/risks.hpp"

namespace cyberframe::cli {

namespace {

using nlohmann::json;
using Ctx = WorkspaceContext;

struct Args {
  std::string org, ref, format = "text", output, search, owner, status, treatment, asset, control;
  bool include_closed = false, apply = false;
  // Record fields: set only when given.
  std::optional<std::string> title, name, description, threat, vulnerability, criteria, inherent,
      current, residual, new_owner, new_treatment, new_status, review_date, kind, parent,
      justification, notes, expires, by, note, rto, rpo, new_ref;
  std::optional<std::vector<std::string>> assets, controls, consequences, depends_on, outcomes,
      reasons;
  std::optional<std::vector<std::int64_t>> actions;
  std::optional<int> c, i, a;
  std::optional<bool> retired, closed;
  std::optional<std::int64_t> expect_version, id;
  std::optional<int> version;
  std::vector<int> versions;
  std::string file;
};

// An open workspace with its catalog and the organization named by --org.
struct Open {
  std::unique_ptr<workspace::Workspace> ws;
  std::optional<catalog::LoadResult> catalog;
  core::Organization org;
  const core::Catalog& cat() const { return catalog->catalog; }
};

std::optional<Open> open(const Ctx& ctx, const Args& a, int& status) {
  Open o;
  o.ws = open_store(ctx, status);
  if (!o.ws) return std::nullopt;
  auto org = o.ws->organization(a.org);
  if (!org) {
    status = fail_with(ctx, org.error());
    return std::nullopt;
  }
  o.org = *org;
  o.catalog = workspace_catalog(ctx, *o.ws, status);
  if (!o.catalog) return std::nullopt;
  return o;
}

Format format_of(const Args& a) {
  return parse_format(a.format).value_or(Format::k_text);
}

// "3x4", "3,4" or "3 4": likelihood and consequence.
std::optional<core::RiskScore> parse_score(const std::string& text) {
  core::RiskScore s;
  char sep = 0;
  std::istringstream in(text);
  if (!(in >> s.likelihood)) return std::nullopt;
  if (!(in >> sep) || (sep != 'x' && sep != 'X' && sep != ',')) return std::nullopt;
  if (!(in >> s.consequence)) return std::nullopt;
  std::string rest;
  if (in >> rest) return std::nullopt;
  return s;
}

std::string score_text(const core::RiskScore& s, const std::string& level) {
  if (!s.scored()) return "-";
  return std::to_string(s.likelihood) + "x" + std::to_string(s.consequence) + " " + level;
}

// --- risks -------------------------------------------------------------------------------------

// Applies the options given to a risk. Assets are refs, resolved in the organization.
int apply_risk_options(const Ctx& ctx, Open& o, const Args& a, core::Risk& r) {
  if (a.new_ref) r.ref = *a.new_ref;
  if (a.title) r.title = *a.title;
  if (a.description) r.description = *a.description;
  if (a.threat) r.threat = *a.threat;
  if (a.vulnerability) r.vulnerability = *a.vulnerability;
  if (a.criteria) r.criteria = *a.criteria;
  if (a.consequences) r.consequence_types = *a.consequences;
  for (auto [text, into, what] : {std::tuple{&a.inherent, &r.inherent, "--inherent"},
                                  std::tuple{&a.current, &r.current, "--current"},
                                  std::tuple{&a.residual, &r.residual, "--residual"}}) {
    if (!*text) continue;
    auto s = parse_score(**text);
    if (!s)
      return fail_with(ctx, std::string(what) + ": '" + **text +
                                "' is not LIKELIHOODxCONSEQUENCE (for example 3x4)");
    *into = *s;
  }
  if (a.new_owner) r.owner = *a.new_owner;
  if (a.new_treatment) {
    auto t = core::parse_treatment(*a.new_treatment);
    if (!t)
      return fail_with(ctx, "--treatment: '" + *a.new_treatment +
                                "' is not none, modify, retain, avoid or share");
    r.treatment = *t;
  }
  if (a.new_status) {
    auto s = core::parse_risk_status(*a.new_status);
    if (!s)
      return fail_with(ctx, "--status: '" + *a.new_status +
                                "' is not identified, assessed, treating, treated, accepted or "
                                "closed");
    r.status = *s;
  }
  if (a.closed) r.closed = *a.closed;
  if (a.review_date) r.review_date = *a.review_date;
  if (a.controls) {
    r.controls.clear();
    for (const auto& c : *a.controls) r.controls.push_back(core::parse_control_link(c));
  }
  if (a.actions) r.actions = *a.actions;
  if (a.assets) {
    r.assets.clear();
    for (const auto& ref : *a.assets) {
      auto asset = workspace::find_asset(*o.ws, o.org.id, ref);
      if (!asset) return fail_with(ctx, "--asset: " + asset.error().message);
      r.assets.push_back(asset->id);
    }
  }
  return k_exit_ok;
}

void print_risk(const Ctx& ctx, const workspace::RiskView& v, Format format) {
  if (format != Format::k_text) {
    print_structured(ctx.out, format, workspace::to_json(v));
    return;
  }
  const auto& r = v.risk;
  ctx.out << r.ref << "  " << r.title << "  (version " << r.version << ")\n";
  if (!r.description.empty()) ctx.out << "  scenario:   " << r.description << '\n';
  ctx.out << "  owner:      " << (r.owner.empty() ? "-" : r.owner) << '\n';
  ctx.out << "  criteria:   " << r.criteria << " version " << r.criteria_version << '\n';
  ctx.out << "  inherent:   " << score_text(r.inherent, v.inherent_level) << '\n';
  ctx.out << "  current:    " << score_text(r.current, v.current_level) << '\n';
  ctx.out << "  residual:   " << score_text(r.residual, v.residual_level)
          << (v.above_appetite ? "  ABOVE APPETITE" : "") << '\n';
  ctx.out << "  treatment:  " << core::to_string(r.treatment) << ", status "
          << core::to_string(r.status) << '\n';
  std::string controls;
  for (const auto& c : r.controls) controls += (controls.empty() ? "" : ", ") + core::to_string(c);
  ctx.out << "  controls:   " << (controls.empty() ? "-" : controls) << '\n';
  std::string assets;
  for (const auto& ref : v.asset_refs) assets += (assets.empty() ? "" : ", ") + ref;
  ctx.out << "  assets:     " << (assets.empty() ? "-" : assets) << '\n';
  if (!r.threat.empty()) ctx.out << "  threat:     " << r.threat << '\n';
  if (!r.vulnerability.empty()) ctx.out << "  vulnerable: " << r.vulnerability << '\n';
  ctx.out << "  plan:       " << workspace::to_string(v.plan) << ", acceptance "
          << workspace::to_string(v.acceptance) << '\n';
  if (!r.review_date.empty()) ctx.out << "  review by:  " << r.review_date << '\n';
}

int cmd_risk_list(const Ctx& ctx, const Args& a) {
  int status = 0;
  auto o = open(ctx, a, status);
  if (!o) return status;
  core::RiskQuery q;
  q.text = a.search;
  q.owner = a.owner;
  if (!a.status.empty()) {
    q.status = core::parse_risk_status(a.status);
    if (!q.status) return fail_with(ctx, "--status: '" + a.status + "' is not a risk status");
  }
  if (!a.treatment.empty()) {
    q.treatment = core::parse_treatment(a.treatment);
    if (!q.treatment) return fail_with(ctx, "--treatment: '" + a.treatment + "' is not one");
  }
  if (!a.asset.empty()) {
    auto asset = workspace::find_asset(*o->ws, o->org.id, a.asset);
    if (!asset) return fail_with(ctx, asset.error());
    q.asset = asset->id;
  }
  q.control = a.control;
  q.include_closed = a.include_closed;
  q.slice = util::Slice::all();
  auto page = workspace::list_risks(*o->ws, o->cat(), o->org.id, q);
  if (!page) return fail_with(ctx, page.error());
  Table t({"REF", "INHERENT", "RESIDUAL", "OWNER", "TREATMENT", "STATUS", "CONTROLS", "TITLE"});
  json items = json::array();
  std::size_t above = 0;
  for (const auto& v : page->items) {
    std::string controls;
    for (const auto& c : v.risk.controls)
      controls += (controls.empty() ? "" : " ") + core::to_string(c);
    t.add({v.risk.ref, score_text(v.risk.inherent, v.inherent_level),
           score_text(v.risk.residual, v.residual_level) + (v.above_appetite ? " !" : ""),
           v.risk.owner, std::string(core::to_string(v.risk.treatment)),
           std::string(core::to_string(v.risk.status)), controls, v.risk.title});
    items.push_back(workspace::to_json(v));
    if (v.above_appetite) ++above;
  }
  auto format = format_of(a);
  if (format == Format::k_text) {
    ctx.out << "Risks of " << o->org.name << " (" << page->total << "; " << above
            << " above appetite, marked !)\n";
    if (t.size() > 0) t.print(ctx.out, "  ");
    return k_exit_ok;
  }
  print_data(ctx.out, format, t,
             json{{"organization", o->org.name}, {"total", page->total}, {"items", items}});
  return k_exit_ok;
}

int cmd_risk_show(const Ctx& ctx, const Args& a) {
  int status = 0;
  auto o = open(ctx, a, status);
  if (!o) return status;
  auto v = workspace::find_risk(*o->ws, o->cat(), o->org.id, a.ref);
  if (!v) return fail_with(ctx, v.error());
  print_risk(ctx, *v, format_of(a));
  return k_exit_ok;
}

int cmd_risk_add(const Ctx& ctx, const Args& a) {
  int status = 0;
  auto o = open(ctx, a, status);
  if (!o) return status;
  core::Risk r;
  r.ref = a.ref;
  if (int s = apply_risk_options(ctx, *o, a, r); s != k_exit_ok) return s;
  auto v = workspace::create_risk(*o->ws, actor(ctx), o->cat(), o->org.id, r);
  if (!v) return fail_with(ctx, v.error());
  print_risk(ctx, *v, format_of(a));
  return k_exit_ok;
}

int cmd_risk_update(const Ctx& ctx, const Args& a) {
  int status = 0;
  auto o = open(ctx, a, status);
  if (!o) return status;
  auto current = workspace::find_risk(*o->ws, o->cat(), o->org.id, a.ref);
  if (!current) return fail_with(ctx, current.error());
  core::Risk r = current->risk;
  if (a.expect_version) r.version = *a.expect_version;
  if (int s = apply_risk_options(ctx, *o, a, r); s != k_exit_ok) return s;
  auto v = workspace::update_risk(*o->ws, actor(ctx), o->cat(), o->org.id, r);
  if (!v) return fail_with(ctx, v.error());
  print_risk(ctx, *v, format_of(a));
  return k_exit_ok;
}

int cmd_risk_rescore(const Ctx& ctx, const Args& a) {
  int status = 0;
  auto o = open(ctx, a, status);
  if (!o) return status;
  auto r = workspace::rescore_risk(*o->ws, actor(ctx), o->cat(), o->org.id, a.ref,
                                   a.expect_version.value_or(0), a.apply);
  if (!r) return fail_with(ctx, r.error());
  if (format_of(a) != Format::k_text) {
    print_structured(ctx.out, format_of(a),
                     json{{"changed", r->changed},
                          {"before", workspace::to_json(r->before)},
                          {"after", workspace::to_json(r->after)}});
    return k_exit_ok;
  }
  const auto& b = r->before;
  const auto& n = r->after;
  if (!r->changed) {
    ctx.out << b.risk.ref << " is scored under the newest version (" << b.risk.criteria_version
            << ") of " << b.risk.criteria << '\n';
    return k_exit_ok;
  }
  ctx.out << b.risk.ref << ": " << b.risk.criteria << " version " << b.risk.criteria_version
          << " -> " << n.risk.criteria_version << (a.apply ? " (stored)" : " (not stored: --apply)")
          << '\n';
  for (auto [what, before, after] : {std::tuple{"inherent", b.inherent_level, n.inherent_level},
                                     std::tuple{"current", b.current_level, n.current_level},
                                     std::tuple{"residual", b.residual_level, n.residual_level}})
    ctx.out << "  " << what << ": " << (before.empty() ? "-" : before) << " -> "
            << (after.empty() ? "-" : after) << (before != after ? "  CHANGED" : "") << '\n';
  return k_exit_ok;
}

int cmd_risk_check(const Ctx& ctx, const Args& a) {
  int status = 0;
  auto o = open(ctx, a, status);
  if (!o) return status;
  auto findings = workspace::check_risks(*o->ws, o->cat(), o->org.id);
  if (!findings) return fail_with(ctx, findings.error());
  auto format = format_of(a);
  if (format != Format::k_text) {
    json items = json::array();
    for (const auto& f : *findings) items.push_back(workspace::to_json(f));
    print_structured(
        ctx.out, format,
        json{{"organization", o->org.name}, {"findings", items}, {"ok", findings->empty()}});
  } else if (findings->empty()) {
    ctx.out << o->org.name << ": the register and the Statement of Applicability are consistent\n";
  } else {
    ctx.out << o->org.name << ": " << findings->size() << " finding"
            << (findings->size() == 1 ? "" : "s") << '\n';
    for (const auto& f : *findings)
      ctx.out << "  [" << core::to_string(f.kind) << "] " << f.message << '\n';
  }
  return findings->empty() ? k_exit_ok : k_exit_problems;
}

int cmd_risk_summary(const Ctx& ctx, const Args& a) {
  int status = 0;
  auto o = open(ctx, a, status);
  if (!o) return status;
  auto s = workspace::risk_summary(*o->ws, o->cat(), o->org.id);
  if (!s) return fail_with(ctx, s.error());
  if (format_of(a) != Format::k_text) {
    print_structured(ctx.out, format_of(a), workspace::to_json(*s));
    return k_exit_ok;
  }
  ctx.out << "Risk management of " << o->org.name << '\n';
  ctx.out << "  open risks:          " << s->open << " (" << s->above_appetite
          << " above appetite; " << s->unscored << " not scored)\n";
  std::string levels;
  for (const auto& [level, n] : s->by_level)
    levels += (levels.empty() ? "" : ", ") + level + " " + std::to_string(n);
  ctx.out << "  by level:            " << (levels.empty() ? "-" : levels) << '\n';
  ctx.out << "  plans not approved:  " << s->plans_unapproved << " (above appetite)\n";
  ctx.out << "  decisions:           " << s->decisions_stale << " stale, " << s->decisions_expired
          << " expired, " << s->decisions_expiring << " expiring within 30 days\n";
  ctx.out << "  reviews overdue:     " << s->reviews_overdue << '\n';
  ctx.out << "  SoA:                 "
          << (s->soa.number == 0 ? std::string("none yet")
                                 : "version " + std::to_string(s->soa.number) + ", " +
                                       std::string(core::to_string(s->soa.status)))
          << '\n';
  ctx.out << "  check findings:      " << s->findings << '\n';
  return k_exit_ok;
}

int cmd_risk_heatmap(const Ctx& ctx, const Args& a) {
  int status = 0;
  auto o = open(ctx, a, status);
  if (!o) return status;
  auto map = workspace::heat_map(*o->ws, o->cat(), o->org.id, a.criteria.value_or(""));
  if (!map) return fail_with(ctx, map.error());
  auto format = format_of(a);
  if (format != Format::k_text) {
    print_structured(ctx.out, format, workspace::to_json(*map));
    return k_exit_ok;
  }
  const auto& c = map->criteria;
  for (auto [what, counts] : {std::pair{"Inherent", &map->counts.inherent},
                              std::pair{"Residual", &map->counts.residual}}) {
    ctx.out << what << " risk (" << c.id << "; rows likelihood " << c.likelihoods()
            << " down to 1, columns consequence 1 to " << c.consequences() << ")\n";
    for (int l = c.likelihoods(); l >= 1; --l) {
      ctx.out << "  " << l << " |";
      for (int k = 1; k <= c.consequences(); ++k) {
        auto it = counts->find({l, k});
        std::string cell = it == counts->end() ? "." : std::to_string(it->second);
        ctx.out << std::string(5 - std::min<std::size_t>(4, cell.size()), ' ') << cell;
      }
      ctx.out << '\n';
    }
  }
  return k_exit_ok;
}

int cmd_risk_decide(const Ctx& ctx, const Args& a) {
  int status = 0;
  auto o = open(ctx, a, status);
  if (!o) return status;
  core::Decision d;
  auto kind = core::parse_decision_kind(a.kind.value_or(""));
  if (!kind)
    return fail_with(
        ctx, "--kind: '" + a.kind.value_or("") + "' is not plan-approval, acceptance or exception");
  d.kind = *kind;
  d.justification = a.justification.value_or("");
  d.expires = a.expires.value_or("");
  d.decided_by = a.by.value_or("");
  auto v = workspace::decide(*o->ws, actor(ctx), o->cat(), o->org.id, a.ref, d);
  if (!v) return fail_with(ctx, v.error());
  if (format_of(a) != Format::k_text) {
    print_structured(ctx.out, format_of(a), workspace::to_json(*v));
    return k_exit_ok;
  }
  ctx.out << "decision " << v->decision.id << ": " << core::to_string(v->decision.kind) << " of "
          << v->risk_ref << " by " << v->decision.decided_by << " at " << v->decision.decided_at
          << (v->decision.expires.empty() ? "" : ", expires " + v->decision.expires) << '\n';
  return k_exit_ok;
}

int cmd_risk_decisions(const Ctx& ctx, const Args& a) {
  int status = 0;
  auto o = open(ctx, a, status);
  if (!o) return status;
  auto list = workspace::list_decisions(*o->ws, o->cat(), o->org.id, a.ref);
  if (!list) return fail_with(ctx, list.error());
  Table t({"ID", "RISK", "KIND", "BY", "AT", "EXPIRES", "STATE", "JUSTIFICATION"});
  json items = json::array();
  for (const auto& v : *list) {
    const auto& d = v.decision;
    t.add({std::to_string(d.id), v.risk_ref, std::string(core::to_string(d.kind)), d.decided_by,
           d.decided_at, d.expires.empty() ? "-" : d.expires,
           d.revoked   ? "revoked"
           : v.expired ? "expired"
           : v.stale   ? "stale"
                       : "valid",
           d.justification});
    items.push_back(workspace::to_json(v));
  }
  auto format = format_of(a);
  if (format == Format::k_text) {
    ctx.out << "Decisions of " << o->org.name << " (" << t.size() << ", newest first)\n";
    if (t.size() > 0) t.print(ctx.out, "  ");
    return k_exit_ok;
  }
  print_data(ctx.out, format, t, json{{"organization", o->org.name}, {"items", items}});
  return k_exit_ok;
}

int cmd_risk_revoke(const Ctx& ctx, const Args& a) {
  int status = 0;
  auto o = open(ctx, a, status);
  if (!o) return status;
  auto v = workspace::revoke_decision(*o->ws, actor(ctx), o->org.id, a.id.value_or(0));
  if (!v) return fail_with(ctx, v.error());
  ctx.out << "decision " << v->decision.id << " on " << v->risk_ref << " revoked\n";
  return k_exit_ok;
}

// --- import and export -------------------------------------------------------------------------

// The bytes of a file given to an import, or nullopt with the error printed.
std::optional<std::string> read_file_bytes(const Ctx& ctx, const std::string& file, int& status) {
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
  if (!in && !in.eof()) {
    status = fail_with(ctx, util::Error{util::ErrorCode::k_io, file + ": cannot be read"});
    return std::nullopt;
  }
  return bytes;
}

std::string format_of_file(const std::string& file, const std::string& given) {
  if (given == "csv" || given == "xlsx") return given;
  auto dot = file.rfind('.');
  return dot == std::string::npos ? "" : util::to_lower(file.substr(dot + 1));
}

int cmd_register_import(const Ctx& ctx, const Args& a, bool risks) {
  int status = 0;
  auto bytes = read_file_bytes(ctx, a.file, status);
  if (!bytes) return status;
  auto format = format_of_file(a.file, a.format);
  if (format != "csv" && format != "xlsx")
    return fail_with(ctx, a.file + ": give --format csv or xlsx (the name ends in neither)");
  auto o = open(ctx, a, status);
  if (!o) return status;
  auto result =
      workspace::import_register(*o->ws, actor(ctx), o->cat(), o->org.id, risks ? "" : *bytes,
                                 format, a.file, risks ? *bytes : "", format, a.file);
  if (!result) return fail_with(ctx, result.error());
  if (!result->errors.empty()) {
    for (const auto& e : result->errors) ctx.err << e << '\n';
    return fail_with(ctx, a.file + ": " + std::to_string(result->errors.size()) + " problem" +
                              (result->errors.size() == 1 ? "" : "s") + "; nothing imported");
  }
  ctx.out << (risks ? std::to_string(result->risks) + " risks"
                    : std::to_string(result->assets) + " assets")
          << " imported into " << o->org.name << '\n';
  return k_exit_ok;
}

int cmd_register_export(const Ctx& ctx, const Args& a, bool risks) {
  int status = 0;
  auto o = open(ctx, a, status);
  if (!o) return status;
  auto bytes =
      risks ? workspace::export_risks(*o->ws, o->cat(), o->org.id, a.format, a.include_closed)
            : workspace::export_assets(*o->ws, o->org.id, a.format, a.include_closed);
  if (!bytes) return fail_with(ctx, bytes.error());
  if (a.format == "xlsx" && is_standard_output(a.output))
    return fail_with(ctx, "an XLSX workbook is written to a file: give -o FILE");
  return write_output(ctx.out, ctx.err, a.output, *bytes);
}

// --- baselines ---------------------------------------------------------------------------------

int cmd_baseline_take(const Ctx& ctx, const Args& a) {
  int status = 0;
  auto o = open(ctx, a, status);
  if (!o) return status;
  auto b = workspace::take_baseline(*o->ws, actor(ctx), o->cat(), o->org.id, a.ref);
  if (!b) return fail_with(ctx, b.error());
  ctx.out << "baseline '" << b->name << "' of " << o->org.name << " taken at " << b->taken_at
          << ": the register and the Statement of Applicability as they are now\n";
  return k_exit_ok;
}

int cmd_baseline_list(const Ctx& ctx, const Args& a) {
  int status = 0;
  auto o = open(ctx, a, status);
  if (!o) return status;
  auto list = workspace::list_baselines(*o->ws, o->org.id);
  if (!list) return fail_with(ctx, list.error());
  Table t({"NAME", "TAKEN", "BY"});
  json items = json::array();
  for (const auto& b : *list) {
    t.add({b.name, b.taken_at, b.taken_by});
    items.push_back(
        {{"id", b.id}, {"name", b.name}, {"taken_at", b.taken_at}, {"taken_by", b.taken_by}});
  }
  auto format = format_of(a);
  if (format == Format::k_text) {
    ctx.out << "Baselines of " << o->org.name << " (" << t.size() << ", newest first)\n";
    if (t.size() > 0) t.print(ctx.out, "  ");
    return k_exit_ok;
  }
  print_data(ctx.out, format, t, json{{"organization", o->org.name}, {"items", items}});
  return k_exit_ok;
}

int cmd_baseline_compare(const Ctx& ctx, const Args& a) {
  int status = 0;
  auto o = open(ctx, a, status);
  if (!o) return status;
  auto c = workspace::compare_baseline(*o->ws, o->cat(), o->org.id, a.ref);
  if (!c) return fail_with(ctx, c.error());
  auto list_json = [](const std::vector<workspace::RiskChange>& list) {
    json out = json::array();
    for (const auto& r : list)
      out.push_back({{"ref", r.ref}, {"title", r.title}, {"fields", r.fields}});
    return out;
  };
  if (format_of(a) != Format::k_text) {
    json soa = json::array();
    for (const auto& s : c->soa) soa.push_back(codec::to_json(s));
    print_structured(ctx.out, format_of(a),
                     json{{"baseline", c->baseline.name},
                          {"taken_at", c->baseline.taken_at},
                          {"new", list_json(c->added)},
                          {"changed", list_json(c->changed)},
                          {"closed", list_json(c->closed)},
                          {"soa", soa}});
    return k_exit_ok;
  }
  ctx.out << "Since baseline '" << c->baseline.name << "' (" << c->baseline.taken_at
          << "): " << c->added.size() << " new, " << c->changed.size() << " changed, "
          << c->closed.size() << " closed risks; " << c->soa.size() << " SoA row"
          << (c->soa.size() == 1 ? "" : "s") << " changed\n";
  for (const auto& r : c->added) ctx.out << "  new      " << r.ref << "  " << r.title << '\n';
  for (const auto& r : c->changed) {
    std::string fields;
    for (const auto& f : r.fields) fields += (fields.empty() ? "" : ", ") + f;
    ctx.out << "  changed  " << r.ref << "  " << r.title << " (" << fields << ")\n";
  }
  for (const auto& r : c->closed) ctx.out << "  closed   " << r.ref << "  " << r.title << '\n';
  for (const auto& s : c->soa) ctx.out << "  SoA      " << s.control << "  " << s.change << '\n';
  return k_exit_ok;
}

// --- criteria ----------------------------------------------------------------------------------

int cmd_criteria_list(const Ctx& ctx, const Args& a) {
  int status = 0;
  auto o = open(ctx, a, status);
  if (!o) return status;
  auto list = workspace::list_criteria(*o->ws, o->cat(), o->org.id);
  if (!list) return fail_with(ctx, list.error());
  Table t({"ID", "VERSION", "MATRIX", "LEVELS", "OWNER", "NAME"});
  json items = json::array();
  for (const auto& c : *list) {
    std::string levels;
    for (const auto& l : c.levels) levels += (levels.empty() ? "" : ",") + l.id;
    t.add({c.id, std::to_string(c.version),
           std::to_string(c.likelihoods()) + "x" + std::to_string(c.consequences()), levels,
           c.organization == 0 ? "built-in" : o->org.name, c.name});
    items.push_back(codec::to_json(c));
  }
  auto format = format_of(a);
  if (format == Format::k_text) {
    ctx.out << "Risk criteria of " << o->org.name << " (" << t.size() << ")\n";
    t.print(ctx.out, "  ");
    return k_exit_ok;
  }
  print_data(ctx.out, format, t, json{{"items", items}});
  return k_exit_ok;
}

int cmd_criteria_show(const Ctx& ctx, const Args& a) {
  int status = 0;
  auto o = open(ctx, a, status);
  if (!o) return status;
  auto c = workspace::find_criteria(*o->ws, o->cat(), a.ref, a.version.value_or(0));
  if (!c) return fail_with(ctx, c.error());
  auto format = format_of(a);
  if (format == Format::k_text) format = Format::k_yaml;
  print_structured(ctx.out, format, codec::to_json(*c));
  return k_exit_ok;
}

int cmd_criteria_save(const Ctx& ctx, const Args& a) {
  int status = 0;
  auto o = open(ctx, a, status);
  if (!o) return status;
  std::error_code ec;
  auto size = std::filesystem::file_size(a.file, ec);
  if (ec) return fail_with(ctx, a.file + ": no such file");
  if (size > codec::criteria_limits().bytes)
    return fail_with(ctx, a.file + ": larger than risk criteria may be (1 MiB)");
  std::ifstream in(a.file, std::ios::binary);
  if (!in) return fail_with(ctx, a.file + ": cannot be read");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto c = codec::risk_criteria_from_text(text);
  if (!c) return fail_with(ctx, a.file + ": " + c.error().message);
  std::int64_t expected = a.expect_version.value_or(0);
  if (!a.expect_version) {
    auto stored = workspace::find_criteria(*o->ws, o->cat(), c->id);
    if (stored && stored->organization == o->org.id) expected = stored->version;
  }
  auto saved = workspace::save_criteria(*o->ws, actor(ctx), o->cat(), o->org.id, *c, expected);
  if (!saved) return fail_with(ctx, saved.error());
  if (expected != 0 && saved->version == expected)
    ctx.out << "risk criteria " << saved->id << " unchanged: version " << saved->version
            << " holds them already\n";
  else
    ctx.out << "risk criteria " << saved->id << " version " << saved->version << " stored\n";
  return k_exit_ok;
}

// --- assets ------------------------------------------------------------------------------------

int apply_asset_options(const Ctx& ctx, Open& o, const Args& a, core::Asset& asset) {
  if (a.new_ref) asset.ref = *a.new_ref;
  if (a.name) asset.name = *a.name;
  if (a.kind) {
    auto k = core::parse_asset_kind(*a.kind);
    if (!k)
      return fail_with(ctx, "--kind: '" + *a.kind +
                                "' is not information, process, service, hardware, software, "
                                "network, people, site or supplier");
    asset.kind = *k;
  }
  if (a.description) asset.description = *a.description;
  if (a.new_owner) asset.owner = *a.new_owner;
  if (a.c) asset.confidentiality = *a.c;
  if (a.i) asset.integrity = *a.i;
  if (a.a) asset.availability = *a.a;
  if (a.retired) asset.retired = *a.retired;
  auto hours = [&](const std::optional<std::string>& text, std::optional<int>& into,
                   const char* what) -> int {
    if (!text) return k_exit_ok;
    if (text->empty()) {
      into.reset();
      return k_exit_ok;
    }
    try {
      std::size_t used = 0;
      int v = std::stoi(*text, &used);
      if (used != text->size()) throw std::invalid_argument("");
      into = v;
    } catch (...) {
      return fail_with(ctx, std::string(what) + ": '" + *text + "' is not a number of hours");
    }
    return k_exit_ok;
  };
  if (int s = hours(a.rto, asset.rto_hours, "--rto"); s) return s;
  if (int s = hours(a.rpo, asset.rpo_hours, "--rpo"); s) return s;
  if (a.parent) {
    if (a.parent->empty()) {
      asset.parent.reset();
    } else {
      auto p = workspace::find_asset(*o.ws, o.org.id, *a.parent);
      if (!p) return fail_with(ctx, "--parent: " + p.error().message);
      asset.parent = p->id;
    }
  }
  if (a.depends_on) {
    asset.depends_on.clear();
    for (const auto& ref : *a.depends_on) {
      auto d = workspace::find_asset(*o.ws, o.org.id, ref);
      if (!d) return fail_with(ctx, "--depends-on: " + d.error().message);
      asset.depends_on.push_back(d->id);
    }
  }
  return k_exit_ok;
}

void print_asset(const Ctx& ctx, const core::Asset& asset, Format format) {
  if (format != Format::k_text) {
    print_structured(ctx.out, format, codec::to_json(asset));
    return;
  }
  ctx.out << "asset " << asset.ref << " (" << core::to_string(asset.kind) << ") " << asset.name
          << ", version " << asset.version << ": C" << asset.confidentiality << " I"
          << asset.integrity << " A" << asset.availability
          << (asset.owner.empty() ? "" : ", owner " + asset.owner) << '\n';
}

int cmd_asset_add(const Ctx& ctx, const Args& a) {
  int status = 0;
  auto o = open(ctx, a, status);
  if (!o) return status;
  core::Asset asset;
  asset.ref = a.ref;
  if (int s = apply_asset_options(ctx, *o, a, asset); s) return s;
  auto stored = workspace::create_asset(*o->ws, actor(ctx), o->org.id, asset);
  if (!stored) return fail_with(ctx, stored.error());
  print_asset(ctx, *stored, format_of(a));
  return k_exit_ok;
}

int cmd_asset_update(const Ctx& ctx, const Args& a) {
  int status = 0;
  auto o = open(ctx, a, status);
  if (!o) return status;
  auto asset = workspace::find_asset(*o->ws, o->org.id, a.ref);
  if (!asset) return fail_with(ctx, asset.error());
  if (a.expect_version) asset->version = *a.expect_version;
  if (int s = apply_asset_options(ctx, *o, a, *asset); s) return s;
  auto stored = workspace::update_asset(*o->ws, actor(ctx), o->org.id, *asset);
  if (!stored) return fail_with(ctx, stored.error());
  print_asset(ctx, *stored, format_of(a));
  return k_exit_ok;
}

int cmd_asset_show(const Ctx& ctx, const Args& a) {
  int status = 0;
  auto o = open(ctx, a, status);
  if (!o) return status;
  auto asset = workspace::find_asset(*o->ws, o->org.id, a.ref);
  if (!asset) return fail_with(ctx, asset.error());
  print_asset(ctx, *asset, format_of(a) == Format::k_text ? Format::k_yaml : format_of(a));
  return k_exit_ok;
}

int cmd_asset_list(const Ctx& ctx, const Args& a) {
  int status = 0;
  auto o = open(ctx, a, status);
  if (!o) return status;
  core::AssetQuery q;
  q.text = a.search;
  q.owner = a.owner;
  if (a.kind) {
    q.kind = core::parse_asset_kind(*a.kind);
    if (!q.kind) return fail_with(ctx, "--kind: '" + *a.kind + "' is not an asset kind");
  }
  q.include_retired = a.include_closed;
  q.slice = util::Slice::all();
  auto page = workspace::list_assets(*o->ws, o->org.id, q);
  if (!page) return fail_with(ctx, page.error());
  Table t({"REF", "KIND", "C", "I", "A", "OWNER", "NAME"});
  json items = json::array();
  for (const auto& x : page->items) {
    t.add({x.ref, std::string(core::to_string(x.kind)), std::to_string(x.confidentiality),
           std::to_string(x.integrity), std::to_string(x.availability), x.owner,
           x.name + (x.retired ? " (retired)" : "")});
    items.push_back(codec::to_json(x));
  }
  auto format = format_of(a);
  if (format == Format::k_text) {
    ctx.out << "Assets of " << o->org.name << " (" << page->total << ")\n";
    if (t.size() > 0) t.print(ctx.out, "  ");
    return k_exit_ok;
  }
  print_data(ctx.out, format, t,
             json{{"organization", o->org.name}, {"total", page->total}, {"items", items}});
  return k_exit_ok;
}

// --- own controls ------------------------------------------------------------------------------

int cmd_control_add(const Ctx& ctx, const Args& a, bool update) {
  int status = 0;
  auto o = open(ctx, a, status);
  if (!o) return status;
  core::Control c;
  if (update) {
    auto list = workspace::list_controls(*o->ws, o->org.id);
    if (!list) return fail_with(ctx, list.error());
    auto it = std::ranges::find_if(*list, [&](const auto& x) {
      return util::caseless_key(x.ref) == util::caseless_key(a.ref);
    });
    if (it == list->end()) return fail_with(ctx, "no control '" + a.ref + "' of the organization");
    c = *it;
    if (a.expect_version) c.version = *a.expect_version;
  } else {
    c.ref = a.ref;
  }
  if (a.new_ref) c.ref = *a.new_ref;
  if (a.title) c.title = *a.title;
  if (a.description) c.description = *a.description;
  if (a.new_owner) c.owner = *a.new_owner;
  if (a.outcomes) c.outcomes = *a.outcomes;
  if (a.retired) c.retired = *a.retired;
  auto stored = update ? workspace::update_control(*o->ws, actor(ctx), o->cat(), o->org.id, c)
                       : workspace::create_control(*o->ws, actor(ctx), o->cat(), o->org.id, c);
  if (!stored) return fail_with(ctx, stored.error());
  if (format_of(a) != Format::k_text) {
    print_structured(ctx.out, format_of(a), codec::to_json(*stored));
    return k_exit_ok;
  }
  ctx.out << "control " << stored->ref << " " << stored->title << ", version " << stored->version
          << '\n';
  return k_exit_ok;
}

int cmd_control_list(const Ctx& ctx, const Args& a) {
  int status = 0;
  auto o = open(ctx, a, status);
  if (!o) return status;
  auto list = workspace::list_controls(*o->ws, o->org.id);
  if (!list) return fail_with(ctx, list.error());
  Table t({"REF", "OWNER", "OUTCOMES", "TITLE"});
  json items = json::array();
  for (const auto& c : *list) {
    std::string outcomes;
    for (const auto& x : c.outcomes) outcomes += (outcomes.empty() ? "" : " ") + x;
    t.add({c.ref, c.owner, outcomes, c.title + (c.retired ? " (retired)" : "")});
    items.push_back(codec::to_json(c));
  }
  auto format = format_of(a);
  if (format == Format::k_text) {
    ctx.out << "Controls of " << o->org.name << " (" << t.size() << ")\n";
    if (t.size() > 0) t.print(ctx.out, "  ");
    return k_exit_ok;
  }
  print_data(ctx.out, format, t, json{{"organization", o->org.name}, {"items", items}});
  return k_exit_ok;
}

// --- the Statement of Applicability ------------------------------------------------------------

int cmd_soa_show(const Ctx& ctx, const Args& a, bool export_it) {
  int status = 0;
  auto o = open(ctx, a, status);
  if (!o) return status;
  auto view = workspace::soa(*o->ws, o->cat(), o->org.id, a.version.value_or(0));
  if (!view) return fail_with(ctx, view.error());
  if (export_it && (a.format == "html" || a.format == "xlsx" || a.format == "csv")) {
    if (a.format == "xlsx" && is_standard_output(a.output))
      return fail_with(ctx, "an XLSX workbook is written to a file: give -o FILE");
    auto bytes = workspace::export_soa(*o->ws, o->cat(), o->org, a.version.value_or(0), a.format);
    if (!bytes) return fail_with(ctx, bytes.error());
    return write_output(ctx.out, ctx.err, a.output, *bytes);
  }
  auto format = format_of(a);
  if (format == Format::k_json || format == Format::k_yaml) {
    if (!export_it || is_standard_output(a.output)) {
      print_structured(ctx.out, format, workspace::to_json(*view, o->org.name));
      return k_exit_ok;
    }
    std::ostringstream text;
    print_structured(text, format, workspace::to_json(*view, o->org.name));
    return write_output(ctx.out, ctx.err, a.output, text.str());
  }
  Table t(
      {"CONTROL", "APPLICABLE", "REASONS", "IMPLEMENTATION", "OWNER", "JUSTIFICATION", "TITLE"});
  for (const auto& l : view->lines) {
    std::string reasons;
    for (auto r : l.row.reasons)
      reasons += (reasons.empty() ? "" : ",") + std::string(core::to_string(r));
    if (l.risk_reason && !l.row.reasons.contains(core::SoaReason::k_risk_treatment))
      reasons += std::string(reasons.empty() ? "" : ",") + "risk-treatment";
    t.add({l.row.control, l.row.applicable ? "yes" : "EXCLUDED", reasons,
           std::string(core::to_string(l.implementation)), l.row.owner, l.row.justification,
           l.title});
  }
  if (format == Format::k_csv) {
    std::ostringstream text;
    t.print_csv(text);
    return write_output(ctx.out, ctx.err, a.output, text.str());
  }
  std::ostringstream out;
  const auto& v = view->version;
  out << "Statement of Applicability of " << o->org.name << ": "
      << (v.number == 0 ? std::string("nothing stored yet (a change starts version 1)")
                        : "version " + std::to_string(v.number) + ", " +
                              std::string(core::to_string(v.status)) +
                              (v.status == core::SoaStatus::k_approved
                                   ? " by " + v.approved_by + " at " + v.approved_at
                                   : std::string()))
      << '\n';
  auto s = workspace::soa_summary(view->lines);
  out << "  " << s["controls"].get<std::size_t>()
      << " controls: " << s["applicable"].get<std::size_t>() << " applicable, "
      << s["excluded"].get<std::size_t>() << " excluded; implemented "
      << s["implementation"]["implemented"].get<std::size_t>() << ", partial "
      << s["implementation"]["partial"].get<std::size_t>() << ", planned "
      << s["implementation"]["planned"].get<std::size_t>() << ", not implemented "
      << s["implementation"]["not-implemented"].get<std::size_t>() << ", not assessed "
      << s["implementation"]["not-assessed"].get<std::size_t>() << '\n';
  t.print(out, "  ");
  return write_output(ctx.out, ctx.err, a.output, out.str());
}

int cmd_soa_set(const Ctx& ctx, const Args& a, std::optional<bool> applicable) {
  int status = 0;
  auto o = open(ctx, a, status);
  if (!o) return status;
  auto view = workspace::soa(*o->ws, o->cat(), o->org.id, 0);
  if (!view) return fail_with(ctx, view.error());
  core::SoaRow row;
  row.control = a.ref;
  for (const auto& l : view->lines)
    if (util::caseless_key(l.row.control) == util::caseless_key(a.ref)) row = l.row;
  // A row of an approved version is copied into the next draft: its version carries over.
  std::int64_t expected = a.expect_version.value_or(row.version);
  if (applicable) row.applicable = *applicable;
  if (a.justification) row.justification = *a.justification;
  if (a.new_owner) row.owner = *a.new_owner;
  if (a.notes) row.notes = *a.notes;
  if (a.reasons) {
    row.reasons.clear();
    for (const auto& r : *a.reasons) {
      auto reason = core::parse_soa_reason(r);
      if (!reason)
        return fail_with(ctx, "--reason: '" + r +
                                  "' is not risk-treatment, legal-regulatory, contractual, "
                                  "business or interested-party");
      row.reasons.insert(*reason);
    }
  }
  auto line = workspace::set_soa_row(*o->ws, actor(ctx), o->cat(), o->org.id, row, expected);
  if (!line) return fail_with(ctx, line.error());
  auto after = workspace::soa(*o->ws, o->cat(), o->org.id, 0);
  if (!after) return fail_with(ctx, after.error());
  if (format_of(a) != Format::k_text) {
    print_structured(ctx.out, format_of(a), codec::to_json(*line));
    return k_exit_ok;
  }
  ctx.out << line->row.control << " " << (line->row.applicable ? "applicable" : "excluded")
          << " in version " << after->version.number << " (draft) of the Statement of "
          << "Applicability\n";
  return k_exit_ok;
}

int cmd_soa_approve(const Ctx& ctx, const Args& a) {
  int status = 0;
  auto o = open(ctx, a, status);
  if (!o) return status;
  auto v = workspace::approve_soa(*o->ws, actor(ctx), o->cat(), o->org.id, a.version.value_or(0),
                                  a.note.value_or(""));
  if (!v) return fail_with(ctx, v.error());
  ctx.out << "version " << v->number << " of the Statement of Applicability approved by "
          << v->approved_by << " at " << v->approved_at << "; it is frozen\n";
  return k_exit_ok;
}

int cmd_soa_versions(const Ctx& ctx, const Args& a) {
  int status = 0;
  auto o = open(ctx, a, status);
  if (!o) return status;
  auto view = workspace::soa(*o->ws, o->cat(), o->org.id, 0);
  if (!view) return fail_with(ctx, view.error());
  Table t({"VERSION", "STATUS", "CREATED", "BY", "APPROVED", "BY", "NOTE"});
  json items = json::array();
  for (const auto& v : view->versions) {
    t.add({std::to_string(v.number), std::string(core::to_string(v.status)), v.created_at,
           v.created_by, v.approved_at, v.approved_by, v.approval_note});
    items.push_back(codec::to_json(v));
  }
  auto format = format_of(a);
  if (format == Format::k_text) {
    ctx.out << "Versions of the Statement of Applicability of " << o->org.name << " (" << t.size()
            << ")\n";
    if (t.size() > 0) t.print(ctx.out, "  ");
    return k_exit_ok;
  }
  print_data(ctx.out, format, t, json{{"organization", o->org.name}, {"items", items}});
  return k_exit_ok;
}

int cmd_soa_diff(const Ctx& ctx, const Args& a) {
  int status = 0;
  if (a.versions.size() != 2) return fail_with(ctx, "soa diff takes two version numbers");
  auto o = open(ctx, a, status);
  if (!o) return status;
  auto changes = workspace::soa_diff(*o->ws, o->cat(), o->org.id, a.versions[0], a.versions[1]);
  if (!changes) return fail_with(ctx, changes.error());
  auto format = format_of(a);
  if (format != Format::k_text) {
    json items = json::array();
    for (const auto& c : *changes) items.push_back(codec::to_json(c));
    print_structured(ctx.out, format,
                     json{{"organization", o->org.name},
                          {"from", a.versions[0]},
                          {"to", a.versions[1]},
                          {"changes", items}});
    return k_exit_ok;
  }
  ctx.out << "Statement of Applicability of " << o->org.name << ": version " << a.versions[0]
          << " -> " << a.versions[1] << " (" << changes->size() << " row"
          << (changes->size() == 1 ? "" : "s") << " changed)\n";
  for (const auto& c : *changes) {
    std::string fields;
    for (const auto& f : c.fields) fields += (fields.empty() ? "" : ", ") + f;
    ctx.out << "  " << c.control << "  " << c.change << (fields.empty() ? "" : ": " + fields);
    if (c.before && c.after && c.before->applicable != c.after->applicable)
      ctx.out << " (" << (c.after->applicable ? "included" : "excluded: " + c.after->justification)
              << ")";
    ctx.out << '\n';
  }
  return k_exit_ok;
}

}  // namespace

void add_risk_commands(CLI::App& app, const CatalogOptions& catalog_options,
                       const WorkspaceOptions& options, std::ostream& out, std::ostream& err,
                       int& status) {
  auto ctx = std::make_shared<Ctx>(Ctx{catalog_options, options, out, err});
  auto group_verb = [&](CLI::App* group) {
    return [group, ctx, &status](const char* name, const char* help, auto&& with, auto run) {
      auto a = std::make_shared<Args>();
      auto* c = group->add_subcommand(name, help);
      c->add_option("--org", a->org, "Organization name or id")->required();
      with(c, *a);
      c->callback([=, &status] { status = run(*ctx, *a); });
    };
  };
  auto format = [](CLI::App* c, Args& a) {
    c->add_option("--format,-f", a.format, "text, json, yaml or csv")
        ->check(CLI::IsMember({"text", "json", "yaml", "csv"}));
  };
  auto expect = [](CLI::App* c, Args& a) {
    c->add_option("--expect-version", a.expect_version,
                  "Refuse unless the record is still at this version");
  };
  auto risk_fields = [&](CLI::App* c, Args& a) {
    c->add_option("--title", a.title, "What can happen, in a line");
    c->add_option("--description", a.description, "The scenario");
    c->add_option("--threat", a.threat, "A threat of the catalogue (its id) or words");
    c->add_option("--vulnerability", a.vulnerability, "The weakness the threat exploits");
    c->add_option("--asset", a.assets, "An asset it is about (ref; repeat; replaces the list)");
    c->add_option("--consequence", a.consequences,
                  "A consequence type of the criteria (repeat; replaces the list)");
    c->add_option("--criteria", a.criteria, "The risk criteria (default cyberframe-5x5)");
    c->add_option("--inherent", a.inherent, "Inherent LIKELIHOODxCONSEQUENCE, e.g. 4x4");
    c->add_option("--current", a.current, "Current LIKELIHOODxCONSEQUENCE");
    c->add_option("--residual", a.residual, "Residual (target) LIKELIHOODxCONSEQUENCE");
    c->add_option("--owner", a.new_owner, "The risk owner");
    c->add_option("--treatment", a.new_treatment, "none, modify, retain, avoid or share");
    c->add_option("--status", a.new_status,
                  "identified, assessed, treating, treated, accepted or closed");
    c->add_option("--review-date", a.review_date, "Next review, YYYY-MM-DD");
    c->add_option("--control", a.controls,
                  "A control of the treatment: A.8.8, an own control's ref, or FRAMEWORK:NODE "
                  "(repeat; replaces the list)");
    c->add_option("--action", a.actions, "A roadmap action of the plan (id; repeat)");
  };

  auto* risk = app.add_subcommand("risk", "The risk register, its treatment and decisions");
  risk->require_subcommand(1);
  auto rv = group_verb(risk);
  rv(
      "list", "The register with inherent and residual levels, owners, treatment and controls",
      [&](CLI::App* c, Args& a) {
        c->add_option("--search", a.search, "A part of the ref, title, owner, threat or weakness");
        c->add_option("--owner", a.owner, "Only this owner's");
        c->add_option("--status", a.status, "Only risks of this status");
        c->add_option("--treatment", a.treatment, "Only risks of this treatment option");
        c->add_option("--asset", a.asset, "Only risks on this asset (ref)");
        c->add_option("--control", a.control, "Only risks whose treatment uses this control");
        c->add_flag("--include-closed", a.include_closed, "Closed risks too");
        format(c, a);
      },
      cmd_risk_list);
  rv(
      "show", "One risk",
      [&](CLI::App* c, Args& a) {
        c->add_option("REF", a.ref, "The risk's ref")->required();
        format(c, a);
      },
      cmd_risk_show);
  rv(
      "add", "Add a risk to the register",
      [&](CLI::App* c, Args& a) {
        c->add_option("REF", a.ref, "The risk's ref, e.g. R-026")->required();
        risk_fields(c, a);
        format(c, a);
      },
      cmd_risk_add);
  rv(
      "update", "Change a risk (the options given replace the stored values)",
      [&](CLI::App* c, Args& a) {
        c->add_option("REF", a.ref, "The risk's ref")->required();
        c->add_option("--ref", a.new_ref, "A new ref");
        risk_fields(c, a);
        c->add_option("--closed", a.closed,
                      "true closes the risk (kept, hidden from the register)");
        expect(c, a);
        format(c, a);
      },
      cmd_risk_update);
  rv(
      "import", "Import risks from CSV or XLSX (all rows or none; every bad row named)",
      [&](CLI::App* c, Args& a) {
        c->add_option("FILE", a.file, "The file (the columns of risk export)")->required();
        c->add_option("--format,-f", a.format, "csv or xlsx (default: by the file's name)");
      },
      [](const Ctx& c, const Args& a) { return cmd_register_import(c, a, true); });
  rv(
      "export", "Write the register as CSV or XLSX (imports again unchanged)",
      [&](CLI::App* c, Args& a) {
        c->add_option("--format,-f", a.format, "csv or xlsx")
            ->required()
            ->check(CLI::IsMember({"csv", "xlsx"}));
        c->add_option("-o,--output", a.output, "File to write (default: standard output)");
        c->add_flag("--include-closed", a.include_closed, "Closed risks too");
      },
      [](const Ctx& c, const Args& a) { return cmd_register_export(c, a, true); });
  rv(
      "rescore", "Show (or --apply) the levels under the newest version of the risk's criteria",
      [&](CLI::App* c, Args& a) {
        c->add_option("REF", a.ref, "The risk's ref")->required();
        c->add_flag("--apply", a.apply, "Store the risk under the newest version");
        expect(c, a);
        format(c, a);
      },
      cmd_risk_rescore);
  rv(
      "check",
      "Traceability between the register, the decisions and the SoA (exit 1 on any finding)",
      [&](CLI::App* c, Args& a) { format(c, a); }, cmd_risk_check);
  rv(
      "summary",
      "The figures a board asks for: open risks, above appetite, by level, decisions stale, "
      "expired or expiring, reviews overdue, the SoA's version",
      [&](CLI::App* c, Args& a) { format(c, a); }, cmd_risk_summary);
  rv(
      "heatmap", "Counts of open risks per cell of the matrix, inherent and residual",
      [&](CLI::App* c, Args& a) {
        c->add_option("--criteria", a.criteria, "The criteria (default cyberframe-5x5)");
        format(c, a);
      },
      cmd_risk_heatmap);
  rv(
      "decide",
      "Record the risk owner's decision: approval of the treatment plan, acceptance of the "
      "residual risk, or an exception",
      [&](CLI::App* c, Args& a) {
        c->add_option("REF", a.ref, "The risk's ref")->required();
        c->add_option("--kind", a.kind, "plan-approval, acceptance or exception")->required();
        c->add_option("--justification", a.justification, "Why")->required();
        c->add_option("--expires", a.expires,
                      "YYYY-MM-DD (required for acceptances and exceptions)");
        c->add_option("--by", a.by, "Who decided (default: who records it)");
        format(c, a);
      },
      cmd_risk_decide);
  rv(
      "decisions", "The decisions, newest first, with their state (valid, stale, expired)",
      [&](CLI::App* c, Args& a) {
        c->add_option("REF", a.ref, "Only this risk's");
        format(c, a);
      },
      cmd_risk_decisions);
  rv(
      "revoke", "Revoke a decision (kept, marked revoked)",
      [&](CLI::App* c, Args& a) { c->add_option("ID", a.id, "The decision's id")->required(); },
      cmd_risk_revoke);
  auto* baseline = risk->add_subcommand(
      "baseline", "Dated, frozen copies of the register and the SoA, one per cycle");
  baseline->require_subcommand(1);
  auto bv = group_verb(baseline);
  bv(
      "take", "Freeze the register and the SoA as they are now under a name",
      [&](CLI::App* c, Args& a) {
        c->add_option("NAME", a.ref, "The baseline's name, e.g. \"2026 assessment\"")->required();
      },
      cmd_baseline_take);
  bv("list", "The organization's baselines", format, cmd_baseline_list);
  bv(
      "compare", "New, changed and closed risks and changed SoA rows since a baseline",
      [&](CLI::App* c, Args& a) {
        c->add_option("NAME", a.ref, "The baseline's name")->required();
        format(c, a);
      },
      cmd_baseline_compare);
  auto* criteria =
      risk->add_subcommand("criteria", "Risk criteria: built-in and the organization's");
  criteria->require_subcommand(1);
  auto cv = group_verb(criteria);
  cv("list", "The criteria the organization can score under", format, cmd_criteria_list);
  cv(
      "show", "One set of criteria (YAML, or --format json)",
      [&](CLI::App* c, Args& a) {
        c->add_option("ID", a.ref, "The criteria's id")->required();
        c->add_option("--version", a.version, "An earlier version (default: the newest)");
        format(c, a);
      },
      cmd_criteria_show);
  cv(
      "save", "Store the organization's criteria from a JSON file (a new version when they exist)",
      [&](CLI::App* c, Args& a) {
        c->add_option("FILE", a.file, "The criteria as JSON (risk criteria show --format json)")
            ->required();
        expect(c, a);
      },
      cmd_criteria_save);

  auto* asset = app.add_subcommand("asset", "The asset register");
  asset->require_subcommand(1);
  auto av = group_verb(asset);
  auto asset_fields = [&](CLI::App* c, Args& a) {
    c->add_option("--name", a.name, "The asset's name");
    c->add_option("--kind", a.kind,
                  "information, process, service (primary); hardware, software, network, "
                  "people, site, supplier (supporting)");
    c->add_option("--description", a.description, "What it is");
    c->add_option("--owner", a.new_owner, "Its owner");
    c->add_option("--parent", a.parent, "The asset it is part of (ref; \"\" for none)");
    c->add_option("--depends-on", a.depends_on, "An asset it depends on (ref; repeat)");
    c->add_option("--confidentiality,-C", a.c, "Confidentiality need 0-4");
    c->add_option("--integrity,-I", a.i, "Integrity need 0-4");
    c->add_option("--availability,-A", a.a, "Availability need 0-4");
    c->add_option("--rto", a.rto, "Recovery time objective in hours (\"\" for none)");
    c->add_option("--rpo", a.rpo, "Recovery point objective in hours (\"\" for none)");
  };
  av(
      "list", "The assets, by ref",
      [&](CLI::App* c, Args& a) {
        c->add_option("--search", a.search, "A part of the ref, name or owner");
        c->add_option("--owner", a.owner, "Only this owner's");
        c->add_option("--kind", a.kind, "Only this kind");
        c->add_flag("--include-retired", a.include_closed, "Retired assets too");
        format(c, a);
      },
      cmd_asset_list);
  av(
      "import", "Import assets from CSV or XLSX (all rows or none; every bad row named)",
      [&](CLI::App* c, Args& a) {
        c->add_option("FILE", a.file, "The file (the columns of asset export)")->required();
        c->add_option("--format,-f", a.format, "csv or xlsx (default: by the file's name)");
      },
      [](const Ctx& c, const Args& a) { return cmd_register_import(c, a, false); });
  av(
      "export", "Write the asset inventory as CSV or XLSX (imports again unchanged)",
      [&](CLI::App* c, Args& a) {
        c->add_option("--format,-f", a.format, "csv or xlsx")
            ->required()
            ->check(CLI::IsMember({"csv", "xlsx"}));
        c->add_option("-o,--output", a.output, "File to write (default: standard output)");
        c->add_flag("--include-retired", a.include_closed, "Retired assets too");
      },
      [](const Ctx& c, const Args& a) { return cmd_register_export(c, a, false); });
  av(
      "show", "One asset",
      [&](CLI::App* c, Args& a) {
        c->add_option("REF", a.ref, "The asset's ref")->required();
        format(c, a);
      },
      cmd_asset_show);
  av(
      "add", "Add an asset",
      [&](CLI::App* c, Args& a) {
        c->add_option("REF", a.ref, "The asset's ref, e.g. AS-041")->required();
        asset_fields(c, a);
        format(c, a);
      },
      cmd_asset_add);
  av(
      "update", "Change an asset (the options given replace the stored values)",
      [&](CLI::App* c, Args& a) {
        c->add_option("REF", a.ref, "The asset's ref")->required();
        c->add_option("--ref", a.new_ref, "A new ref");
        asset_fields(c, a);
        c->add_option("--retired", a.retired, "true retires the asset (kept, hidden)");
        expect(c, a);
        format(c, a);
      },
      cmd_asset_update);

  auto* control = app.add_subcommand("control", "The organization's own controls");
  control->require_subcommand(1);
  auto ov = group_verb(control);
  auto control_fields = [&](CLI::App* c, Args& a) {
    c->add_option("--title", a.title, "The control's title");
    c->add_option("--description", a.description, "What it does");
    c->add_option("--owner", a.new_owner, "Its owner");
    c->add_option("--outcome", a.outcomes,
                  "An outcome it implements, FRAMEWORK:NODE (repeat; its status is derived "
                  "from them)");
  };
  ov("list", "The organization's own controls", format, cmd_control_list);
  ov(
      "add", "Add an own control",
      [&](CLI::App* c, Args& a) {
        c->add_option("REF", a.ref, "The control's ref, e.g. OC-01")->required();
        control_fields(c, a);
        format(c, a);
      },
      [](const Ctx& c, const Args& a) { return cmd_control_add(c, a, false); });
  ov(
      "update", "Change an own control",
      [&](CLI::App* c, Args& a) {
        c->add_option("REF", a.ref, "The control's ref")->required();
        c->add_option("--ref", a.new_ref, "A new ref");
        control_fields(c, a);
        c->add_option("--retired", a.retired, "true retires the control");
        expect(c, a);
        format(c, a);
      },
      [](const Ctx& c, const Args& a) { return cmd_control_add(c, a, true); });

  auto* soa = app.add_subcommand("soa", "The Statement of Applicability (ISO/IEC 27001 6.1.3 d)");
  soa->require_subcommand(1);
  auto sv = group_verb(soa);
  sv(
      "show", "The SoA as a table (the newest version, or --version N)",
      [&](CLI::App* c, Args& a) {
        c->add_option("--version", a.version, "A version (default: the newest)");
        format(c, a);
      },
      [](const Ctx& c, const Args& a) { return cmd_soa_show(c, a, false); });
  sv(
      "export", "Write the SoA: json, yaml or csv",
      [&](CLI::App* c, Args& a) {
        c->add_option("--version", a.version, "A version (default: the newest)");
        c->add_option("--format,-f", a.format,
                      "json, yaml, csv, html (print-ready) or xlsx (a workbook, with -o)")
            ->required()
            ->check(CLI::IsMember({"json", "yaml", "csv", "html", "xlsx"}));
        c->add_option("-o,--output", a.output, "File to write (default: standard output)");
      },
      [](const Ctx& c, const Args& a) { return cmd_soa_show(c, a, true); });
  auto row_fields = [&](CLI::App* c, Args& a) {
    c->add_option("CONTROL", a.ref, "An Annex A control (A.8.8) or an own control's ref")
        ->required();
    c->add_option("--owner", a.new_owner, "The row's owner");
    c->add_option("--notes", a.notes, "Notes");
    expect(c, a);
    format(c, a);
  };
  sv(
      "include", "Mark a control applicable, with the reasons for its inclusion",
      [&](CLI::App* c, Args& a) {
        row_fields(c, a);
        c->add_option("--reason", a.reasons,
                      "risk-treatment, legal-regulatory, contractual, business, "
                      "interested-party (repeat; replaces the set)");
        c->add_option("--justification", a.justification, "Words on its inclusion");
      },
      [](const Ctx& c, const Args& a) { return cmd_soa_set(c, a, true); });
  sv(
      "exclude", "Exclude a control, with the justification for its exclusion",
      [&](CLI::App* c, Args& a) {
        row_fields(c, a);
        c->add_option("--justification", a.justification, "Why it is excluded")->required();
      },
      [](const Ctx& c, const Args& a) {
        Args b = a;
        b.reasons = std::vector<std::string>{};
        return cmd_soa_set(c, b, false);
      });
  sv(
      "approve", "Approve the newest (draft) version: it is frozen; a later change starts the next",
      [&](CLI::App* c, Args& a) {
        c->add_option("--version", a.version, "The draft's number (default: the newest)");
        c->add_option("--note", a.note, "The approval's note (who approved at which meeting)");
      },
      cmd_soa_approve);
  sv("versions", "The versions of the SoA", format, cmd_soa_versions);
  sv(
      "diff", "The rows that changed between two versions",
      [&](CLI::App* c, Args& a) {
        c->add_option("VERSIONS", a.versions, "Two version numbers: FROM TO")
            ->expected(2)
            ->required();
        format(c, a);
      },
      cmd_soa_diff);
}

}  // namespace cyberframe::cli
