// `cyberframe review ...`: the management review (ISO/IEC 27001:2022 9.3). The rules are
// workspace/review.hpp's: the same as the API's.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/cli.hpp"
#include "cli/output.hpp"
#include "cli/workspace_context.hpp"
#include "codec/isms_json.hpp"
#include "codec/review_json.hpp"
#include "workspace/review.hpp"
#include "workspace/workspace.hpp"

namespace cyberframe::cli {

namespace {

using nlohmann::json;
using Ctx = WorkspaceContext;

struct Args {
  std::string org, review, format = "text", output, today, title, owner, due, description;
};

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

void print_inputs(const Ctx& ctx, const Args& a, const core::ReviewInputs& in) {
  auto format = parse_format(a.format).value_or(Format::k_text);
  if (format == Format::k_json || format == Format::k_yaml) {
    print_structured(ctx.out, format, codec::to_json(in));
    return;
  }
  ctx.out << "Management review " << (in.review.empty() ? "(none planned)" : in.review);
  if (!in.date.empty()) ctx.out << " of " << in.date;
  ctx.out << "\n  inputs since: " << (in.since.empty() ? "the first review" : in.since) << "\n";
  if (in.frozen)
    ctx.out << "  frozen when held at " << in.held_at << " by " << in.held_by << "\n";
  else
    ctx.out << "  prepared on " << in.prepared_at << " (not frozen)\n";
  for (const auto& i : in.inputs) {
    ctx.out << (i.key == "profile" ? std::string("profile") : i.key + ")") << " " << i.title
            << "\n    ";
    bool first = true;
    for (const auto& [k, v] : i.summary) {
      ctx.out << (first ? "" : ", ") << k << " " << v;
      first = false;
    }
    ctx.out << "\n";
    for (const auto& r : i.records)
      ctx.out << "    " << (r.register_key.empty() ? r.kind : r.register_key) << " " << r.ref
              << "  " << r.title << "  [" << r.status << "] " << r.why << "\n";
  }
}

int cmd_prepare(const Ctx& ctx, const Args& a) {
  int status = 0;
  auto o = open(ctx, a, status);
  if (!o) return status;
  auto in = workspace::prepare_review(*o->ws, o->cat(), o->org.id, a.review, a.today);
  if (!in) return fail_with(ctx, in.error());
  print_inputs(ctx, a, *in);
  return k_exit_ok;
}

int cmd_show(const Ctx& ctx, const Args& a) {
  int status = 0;
  auto o = open(ctx, a, status);
  if (!o) return status;
  auto in = workspace::review_inputs(*o->ws, o->cat(), o->org.id, a.review, a.today);
  if (!in) return fail_with(ctx, in.error());
  print_inputs(ctx, a, *in);
  return k_exit_ok;
}

int cmd_hold(const Ctx& ctx, const Args& a) {
  int status = 0;
  auto o = open(ctx, a, status);
  if (!o) return status;
  auto held = workspace::hold_review(*o->ws, actor(ctx), o->cat(), o->org.id, a.review, a.today);
  if (!held) return fail_with(ctx, held.error());
  auto format = parse_format(a.format).value_or(Format::k_text);
  if (format == Format::k_json || format == Format::k_yaml) {
    print_structured(ctx.out, format, codec::to_json(held->inputs));
    return k_exit_ok;
  }
  std::size_t records = 0;
  for (const auto& i : held->inputs.inputs) records += i.records.size();
  ctx.out << held->review.ref << " held; its inputs (a-g and the profile's progress, " << records
          << " records) are frozen\n";
  return k_exit_ok;
}

int cmd_action(const Ctx& ctx, const Args& a) {
  int status = 0;
  auto o = open(ctx, a, status);
  if (!o) return status;
  auto r = workspace::record_review_action(*o->ws, actor(ctx), o->cat(), o->org.id, a.review,
                                           a.title, a.owner, a.due, a.description);
  if (!r) return fail_with(ctx, r.error());
  auto format = parse_format(a.format).value_or(Format::k_text);
  if (format == Format::k_json || format == Format::k_yaml) {
    print_structured(ctx.out, format, codec::to_json(*r));
    return k_exit_ok;
  }
  ctx.out << r->ref << " recorded as an output of " << a.review << " (owner "
          << (r->owner.empty() ? "-" : r->owner) << ", due " << r->text("due") << ")\n";
  return k_exit_ok;
}

int cmd_minutes(const Ctx& ctx, const Args& a) {
  int status = 0;
  if (a.format == "xlsx" && is_standard_output(a.output))
    return fail_with(ctx, "an XLSX workbook is written to a file: give -o FILE");
  auto o = open(ctx, a, status);
  if (!o) return status;
  auto bytes = workspace::review_minutes(*o->ws, o->cat(), o->org.id, a.review, a.format);
  if (!bytes) return fail_with(ctx, bytes.error());
  return write_output(ctx.out, ctx.err, a.output, *bytes);
}

}  // namespace

void add_review_commands(CLI::App& app, const CatalogOptions& catalog_options,
                         const WorkspaceOptions& options, std::ostream& out, std::ostream& err,
                         int& status) {
  auto ctx = std::make_shared<Ctx>(Ctx{catalog_options, options, out, err});
  auto* review = app.add_subcommand(
      "review",
      "The management review (ISO/IEC 27001 9.3): its inputs a-g prepared from the workspace, "
      "held and frozen, its actions and minutes");
  review->require_subcommand(1);
  auto verb = [&](const char* name, const char* help, auto&& with, auto run) {
    auto a = std::make_shared<Args>();
    auto* c = review->add_subcommand(name, help);
    c->add_option("--org", a->org, "Organization name or id")->required();
    with(c, *a);
    c->callback([=, &status] { status = run(*ctx, *a); });
  };
  auto format = [](CLI::App* c, Args& a) {
    c->add_option("--format,-f", a.format, "text, json or yaml")
        ->check(CLI::IsMember({"text", "json", "yaml"}));
  };
  auto today = [](CLI::App* c, Args& a) {
    c->add_option("--today", a.today, "The day to prepare on (YYYY-MM-DD; default today, UTC)");
  };
  verb(
      "prepare",
      "The inputs 9.3.2 a-g and the profile's progress, assembled now since the last review held",
      [&](CLI::App* c, Args& a) {
        c->add_option("--review", a.review, "The review (MR-NNN); default the next one not held");
        format(c, a);
        today(c, a);
      },
      cmd_prepare);
  verb(
      "show", "A review's inputs: the frozen ones once it is held, else as prepared now",
      [&](CLI::App* c, Args& a) {
        c->add_option("REVIEW", a.review, "The review (MR-NNN)")->required();
        format(c, a);
        today(c, a);
      },
      cmd_show);
  verb(
      "hold", "Holds a review: its inputs frozen as they stand, its status held",
      [&](CLI::App* c, Args& a) {
        c->add_option("REVIEW", a.review, "The review (MR-NNN)")->required();
        format(c, a);
        today(c, a);
      },
      cmd_hold);
  verb(
      "action", "Records an output of the review (9.3.3) as an action",
      [&](CLI::App* c, Args& a) {
        c->add_option("REVIEW", a.review, "The review (MR-NNN)")->required();
        c->add_option("--title", a.title, "What is to be done")->required();
        c->add_option("--owner", a.owner, "Who does it");
        c->add_option("--due", a.due, "By when (YYYY-MM-DD)")->required();
        c->add_option("--description", a.description, "More about it");
        format(c, a);
      },
      cmd_action);
  verb(
      "minutes", "The review's minutes as HTML or XLSX",
      [&](CLI::App* c, Args& a) {
        c->add_option("REVIEW", a.review, "The review (MR-NNN)")->required();
        a.format = "html";
        c->add_option("--format,-f", a.format, "html or xlsx")
            ->check(CLI::IsMember({"html", "xlsx"}));
        c->add_option("--output,-o", a.output, "Write to this file (default standard output)");
      },
      cmd_minutes);
}

}  // namespace cyberframe::cli
