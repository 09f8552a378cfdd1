// `cyberframe isms readiness`: certification readiness of ISO/IEC 27001:2022 clauses 4-10
// (workspace/readiness.hpp). Exits 1 when any requirement lacks its evidence.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/cli.hpp"
#include "cli/output.hpp"
#include "cli/workspace_context.hpp"
#include "codec/readiness_json.hpp"
#include "util/text.hpp"
#include "workspace/readiness.hpp"
#include "workspace/workspace.hpp"

namespace cyberframe::cli {

namespace {

struct ReadinessArgs {
  std::string org, format = "text", output, today;
  bool gaps_only = false;
};

const char* mark(core::ReadinessStatus s) {
  switch (s) {
    case core::ReadinessStatus::k_met:
      return "[met]    ";
    case core::ReadinessStatus::k_partial:
      return "[partial]";
    case core::ReadinessStatus::k_missing:
      return "[MISSING]";
  }
  return "";
}

int cmd_readiness(const WorkspaceContext& ctx, const ReadinessArgs& a) {
  int status = 0;
  auto ws = open_store(ctx, status);
  if (!ws) return status;
  auto org = ws->organization(a.org);
  if (!org) return fail_with(ctx, org.error());
  auto catalog = workspace_catalog(ctx, *ws, status);
  if (!catalog) return status;
  auto r = workspace::readiness(*ws, catalog->catalog, org->id, a.today);
  if (!r) return fail_with(ctx, r.error());
  int exit = r->any_missing() ? k_exit_problems : k_exit_ok;
  if (a.format == "csv" || a.format == "html") {
    auto text = workspace::export_readiness(*r, org->name, a.format);
    if (!text) return fail_with(ctx, text.error());
    int w = write_output(ctx.out, ctx.err, a.output.empty() ? "-" : a.output, *text);
    return w != k_exit_ok ? w : exit;
  }
  if (a.format == "json" || a.format == "yaml") {
    print_structured(ctx.out, *parse_format(a.format), codec::readiness_to_json(*r, org->name));
    return exit;
  }
  ctx.out << "Certification readiness of " << org->name << " (ISO/IEC 27001:2022 clauses 4-10) on "
          << r->today << "\n";
  ctx.out << "  " << r->requirements.size() << " requirements: " << r->met << " met, " << r->partial
          << " partial, " << r->missing << " missing\n";
  std::string top;
  for (const auto& q : r->requirements) {
    if (a.gaps_only && q.status == core::ReadinessStatus::k_met) continue;
    auto t = q.clause.substr(0, q.clause.find('.'));
    if (t != top) {
      top = t;
      ctx.out << "\nClause " << t << "\n";
    }
    ctx.out << "  " << mark(q.status) << " " << q.clause << "  " << q.title << "  ("
            << q.evidence.size() << (q.evidence.size() == 1 ? " record" : " records") << ")\n";
    for (const auto& m : q.missing) ctx.out << "             - " << m << "\n";
  }
  if (r->any_missing())
    ctx.out << "\n"
            << r->missing
            << (r->missing == 1 ? " requirement lacks its" : " requirements lack their")
            << " evidence (--format json lists the records behind each)\n";
  return exit;
}

}  // namespace

void add_readiness_command(CLI::App& isms, const CatalogOptions& catalog_options,
                           const WorkspaceOptions& options, std::ostream& out, std::ostream& err,
                           int& status) {
  auto ctx =
      std::make_shared<WorkspaceContext>(WorkspaceContext{catalog_options, options, out, err});
  auto a = std::make_shared<ReadinessArgs>();
  auto* c = isms.add_subcommand(
      "readiness",
      "Certification readiness: each requirement of ISO/IEC 27001:2022 clauses 4-10 with its "
      "evidence and what is missing (exit 1 when any is missing)");
  c->add_option("--org", a->org, "Organization name or id")->required();
  c->add_option("--format,-f", a->format, "text, json, yaml, csv or html")
      ->check(CLI::IsMember({"text", "json", "yaml", "csv", "html"}));
  c->add_option("-o,--output", a->output,
                "File to write csv or html to (default: standard output)");
  c->add_option("--today", a->today, "Assess as of this date (YYYY-MM-DD; default today)");
  c->add_flag("--gaps", a->gaps_only, "Text: only the requirements not met");
  c->callback([ctx, a, &status] { status = cmd_readiness(*ctx, *a); });
}

}  // namespace cyberframe::cli
