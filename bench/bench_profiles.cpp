// Profiles benchmark: generates a large workspace (1,000 organizations, 10,000 profiles, about
// 1,000,000 node assessments on ISO/IEC TR 27103) and measures, on this machine: the gap analysis
// of one profile, a full report, an import of 100,000 rows, and the database size.
//
// Usage: cyberframe_bench [--dir DIR] [--db URL] [--orgs N] [--import-rows N] [--keep]
// Results go to standard output as a Markdown table (bench/README.md keeps them).
//
// The workspace is DIR/bench.db (SQLite) unless --db gives another location, opened as the
// front ends open one (store::open_workspace): a PostgreSQL URL (the database must exist and be
// empty: scripts/pg-cluster createdb). On PostgreSQL the audit key and anchor are
// DBNAME.audit-key and DBNAME.audit-anchor in DIR (the benchmark works in DIR, so a server
// started in DIR finds them as its defaults); --keep keeps DIR, and the database is left as it is.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "catalog/loader.hpp"
#include "core/profile.hpp"
#include "exchange/profile_table.hpp"
#include "report/report.hpp"
#include "store/store.hpp"

using namespace cyberframe;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

template <typename F>
double median_ms(int runs, F&& f) {
  std::vector<double> t;
  for (int i = 0; i < runs; ++i) {
    auto s = Clock::now();
    f();
    t.push_back(ms_since(s));
  }
  std::sort(t.begin(), t.end());
  return t[t.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  fs::path dir = fs::temp_directory_path() / "cyberframe-bench";
  int orgs = 1000;
  int k_import = 100000;  // rows of the CSV import
  std::string location;   // empty: DIR/bench.db
  bool keep = false;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--dir") && i + 1 < argc)
      dir = argv[++i];
    else if (!std::strcmp(argv[i], "--db") && i + 1 < argc)
      location = argv[++i];
    else if (!std::strcmp(argv[i], "--orgs") && i + 1 < argc)
      orgs = std::atoi(argv[++i]);
    else if (!std::strcmp(argv[i], "--import-rows") && i + 1 < argc)
      k_import = std::max(1, std::atoi(argv[++i]));
    else if (!std::strcmp(argv[i], "--keep"))
      keep = true;
  }
  fs::remove_all(dir);
  fs::create_directories(dir);
  dir = fs::absolute(dir);
  const bool postgresql = !location.empty() && store::workspace_file(location).empty();
  if (location.empty()) location = (dir / "bench.db").string();
  // The working folder, where a PostgreSQL workspace's audit key and anchor go by default.
  fs::current_path(dir);
  auto cat = catalog::load_builtin();
  const auto& catalog = cat.catalog;
  const std::string fw = "iso-tr-27103-2018";
  std::vector<std::string> nodes;
  for (const auto* n : catalog.nodes_in_order(fw)) {
    if (n->level == core::Level::k_subcategory || n->level == core::Level::k_category)
      nodes.push_back(n->id);
  }

  auto opened = store::open_workspace(location, store::OpenMode::k_create);
  if (!opened) {
    std::cerr << opened.error().message << '\n';
    return 1;
  }
  auto& s = **opened;
  if (auto existing = s.organizations(); existing && !existing->empty()) {
    std::cerr << "the workspace at " << location
              << " already has organizations: give a new database\n";
    return 1;
  }
  std::mt19937 rng(1);
  auto gen_start = Clock::now();
  std::int64_t rows = 0, first_current = 0, first_target = 0;
  // 10 profiles per organization (5 current, 5 target), every subcategory and category assessed.
  for (int o = 0; o < orgs; ++o) {
    auto org = s.create_organization("Organization " + std::to_string(o), "");
    if (!org) {
      std::cerr << org.error().message << '\n';
      return 1;
    }
    for (int p = 0; p < 10; ++p) {
      core::Profile pr;
      pr.organization = org->id;
      pr.framework = fw;
      pr.kind = p % 2 ? core::ProfileKind::k_target : core::ProfileKind::k_current;
      pr.name = "Profile " + std::to_string(p);
      auto created = s.create_profile(pr);
      std::vector<core::NodeAssessment> batch;
      for (const auto& n : nodes) {
        core::NodeAssessment a;
        a.node = n;
        a.level = static_cast<int>(rng() % 6);
        a.priority = 1 + static_cast<int>(rng() % 3);
        a.owner = "Owner " + std::to_string(rng() % 20);
        batch.push_back(std::move(a));
      }
      s.put_node_assessments(created->id, batch, "bench");
      rows += static_cast<std::int64_t>(batch.size());
      if (o == 0 && p == 0) first_current = created->id;
      if (o == 0 && p == 1) first_target = created->id;
    }
  }
  double gen_ms = ms_since(gen_start);

  // Gap analysis of one profile: read both profiles from the store and rank the gaps.
  double gap_ms = median_ms(21, [&] {
    auto c = s.node_assessments(first_current);
    auto t = s.node_assessments(first_target);
    auto g = core::analyse_gaps(catalog, fw, core::default_scale(), *c, *t);
    if (g.subcategories.empty()) std::abort();
  });
  double gap_compute_ms = 0;
  {
    auto c = *s.node_assessments(first_current);
    auto t = *s.node_assessments(first_target);
    gap_compute_ms =
        median_ms(101, [&] { core::analyse_gaps(catalog, fw, core::default_scale(), c, t); });
  }

  // A full report (practitioner: every node), from the store.
  std::size_t report_bytes = 0;
  double report_ms = median_ms(5, [&] {
    report::ReportInput in;
    in.catalog = &catalog;
    in.current = *s.profile(std::to_string(first_current));
    in.target = *s.profile(std::to_string(first_target));
    in.organization = *s.organization(std::to_string(in.current.organization));
    in.scale = core::default_scale();
    in.current_assessments = *s.node_assessments(first_current);
    in.target_assessments = *s.node_assessments(first_target);
    in.snapshots = *s.snapshots(first_current);
    in.actions = *s.actions(in.current.organization);
    in.generated_at = store::now_utc();
    report_bytes = report::render_html(in, report::Audience::k_practitioner).size();
  });

  // Import of 100,000 rows (--import-rows): a user-authored framework with as many subcategories.
  std::ostringstream yaml;
  yaml << "kind: framework\nid: big\ntitle: Big\nconformance: none\nprovenance: { source: bench, "
          "method: "
          "user-authored }\nnodes:\n  - id: F\n    level: function\n    title: F\n    children:\n  "
          "    - id: F.C\n"
          "        level: category\n        title: C\n        children:\n";
  for (int i = 0; i < k_import; ++i)
    yaml << "          - { id: S-" << i << ", level: subcategory, description: o }\n";
  catalog::Loader big_loader;
  big_loader.add_text("big.yaml", yaml.str());
  auto big = big_loader.finish();
  for (const auto& d : big.diagnostics) std::cerr << d.to_string() << '\n';
  std::ostringstream csv;
  csv << "node,level,owner,notes\n";
  for (int i = 0; i < k_import; ++i)
    csv << "S-" << i << ',' << i % 6 << ",owner " << i % 7 << ",\"note, " << i << "\"\n";
  auto org = s.create_organization("Import", "");
  core::Profile bp;
  bp.organization = org->id;
  bp.framework = "big";
  bp.name = "big";
  auto big_profile = *s.create_profile(bp);
  auto csv_text = csv.str();
  double parse_ms = 0, store_ms = 0;
  {
    auto t0 = Clock::now();
    auto parsed = exchange::import_profile(big.catalog, big_profile, core::default_scale(),
                                           exchange::TableFormat::k_csv, csv_text);
    parse_ms = ms_since(t0);
    if (!parsed.errors.empty()) {
      std::cerr << parsed.errors.front().to_string() << '\n';
      return 1;
    }
    auto t1 = Clock::now();
    s.put_node_assessments(big_profile.id, parsed.rows, "bench");
    store_ms = ms_since(t1);
  }
  double import_ms = parse_ms + store_ms;
  std::string size;
  if (postgresql) {
    // The database's size as PostgreSQL counts it (tables, indexes, TOAST), through psql.
    std::string quoted = "'";
    for (char c : location) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    quoted += "'";
    std::string cmd =
        "psql " + quoted + " -XAtc 'SELECT pg_database_size(current_database())' 2>/dev/null";
    std::string out;
    if (FILE* f = popen(cmd.c_str(), "r")) {
      char buf[64];
      while (std::fgets(buf, sizeof buf, f)) out += buf;
      pclose(f);
    }
    try {
      size = std::to_string(std::stoll(out) / (1024 * 1024)) + " MiB (pg_database_size)";
    } catch (const std::exception&) {
      size = "unknown (psql did not answer)";
    }
  } else {
    auto file = store::workspace_file(location);
    auto db_bytes = fs::file_size(file);
    std::error_code ec;
    auto wal = fs::file_size(file.string() + "-wal", ec);
    size = std::to_string(db_bytes / (1024 * 1024)) + " MiB (+ " +
           std::to_string((ec ? 0 : wal) / (1024 * 1024)) + " MiB WAL)";
  }

  std::cout << "| measure | result | target |\n|---|---|---|\n";
  std::cout << "| workspace | " << (postgresql ? "PostgreSQL" : "SQLite") << " | |\n";
  std::cout << "| workspace generated | " << orgs << " organizations, " << orgs * 10
            << " profiles, " << rows << " node assessments in " << gen_ms / 1000 << " s | |\n";
  std::cout << "| gap analysis of one profile, read from the store (median of 21) | " << gap_ms
            << " ms | about 1 ms |\n";
  std::cout << "| gap analysis of one profile, in memory (median of 101) | " << gap_compute_ms
            << " ms | |\n";
  std::cout << "| full practitioner report (median of 5) | " << report_ms << " ms, "
            << report_bytes / 1024 << " KiB | under 500 ms |\n";
  std::cout << "| import of " << k_import << " CSV rows (parse + validate, store) | " << import_ms
            << " ms (" << parse_ms << " + " << store_ms << "), "
            << static_cast<int>(k_import / (import_ms / 1000))
            << " rows/s | over 100,000 rows/s |\n";
  std::cout << "| database size | " << size << " | |\n";
  if (!keep) fs::remove_all(dir);
  return 0;
}
