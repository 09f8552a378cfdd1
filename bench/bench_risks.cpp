// Risk management benchmark's workspace: generates, through the workspace's use cases (every
// write one transaction with its audit rows, as the CLI and the API write), 1,000 organizations,
// each with a current and a target profile on ISO/IEC TR 27103 (like the demo's), two roadmap
// actions, an own control and a Statement of Applicability (three rows set, then version 1
// approved with a reason on every included control); and 10,000 assets and 10,000 risks in all:
// one large organization ("Organization 499", in the middle) holds most of them, every other
// organization one asset and one risk. bench/server/risks measures the API on it.
//
// Usage: cyberframe_bench_risks [--dir DIR] [--db URL] [--orgs N] [--assets N] [--risks N]
//
// The workspace is DIR/bench.db (SQLite) unless --db gives a PostgreSQL URL (an empty database;
// the audit key and anchor go to DBNAME.audit-key and DBNAME.audit-anchor in DIR, where a server
// started in DIR finds them). DIR is made afresh. Prints a Markdown table and, last, the line
// "large organization: ID".

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "catalog/loader.hpp"
#include "core/profile.hpp"
#include "core/risk.hpp"
#include "store/risk_store.hpp"
#include "store/store.hpp"
#include "workspace/risks.hpp"
#include "workspace/workspace.hpp"

using namespace cyberframe;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

const std::string k_actor = "bench";

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

template <typename T>
T check(util::Result<T> r, const char* what) {
  if (!r) {
    std::cerr << what << ": " << r.error().message << '\n';
    std::exit(1);
  }
  return std::move(*r);
}

const char* const k_owners[] = {"CISO",        "IT operations",   "Plant engineering",
                                "Procurement", "HR director",     "Digital services",
                                "CFO",         "Legal",           "Security operations",
                                "Facilities",  "Quality manager", "Sales director"};
const char* const k_threats[] = {
    "Ransomware",    "Phishing",         "Insider misuse",   "Supplier breach",
    "Power failure", "Misconfiguration", "Credential theft", "DDoS",
    "Data leakage",  "Software flaw",    "Physical access",  "Loss of key staff"};
const char* const k_vulnerabilities[] = {
    "Unpatched systems", "Weak authentication", "No network segmentation", "No tested restores",
    "Shared accounts",   "No monitoring",       "Single point of failure", "Untrained staff"};
const char* const k_nouns[] = {"customer data", "ERP system",   "production line", "file share",
                               "web portal",    "payroll",      "email",           "SCADA network",
                               "backups",       "laptop fleet", "cloud tenant",    "supplier link"};
const core::AssetKind k_kinds[] = {
    core::AssetKind::k_information, core::AssetKind::k_process,  core::AssetKind::k_service,
    core::AssetKind::k_software,    core::AssetKind::k_hardware, core::AssetKind::k_network,
    core::AssetKind::k_people,      core::AssetKind::k_supplier, core::AssetKind::k_site};

}  // namespace

int main(int argc, char** argv) {
  fs::path dir = fs::temp_directory_path() / "cyberframe-bench-risks";
  int orgs = 1000, total_assets = 10000, total_risks = 10000;
  std::string location;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--dir") && i + 1 < argc)
      dir = argv[++i];
    else if (!std::strcmp(argv[i], "--db") && i + 1 < argc)
      location = argv[++i];
    else if (!std::strcmp(argv[i], "--orgs") && i + 1 < argc)
      orgs = std::max(1, std::atoi(argv[++i]));
    else if (!std::strcmp(argv[i], "--assets") && i + 1 < argc)
      total_assets = std::atoi(argv[++i]);
    else if (!std::strcmp(argv[i], "--risks") && i + 1 < argc)
      total_risks = std::atoi(argv[++i]);
    else {
      std::cerr << "usage: cyberframe_bench_risks [--dir DIR] [--db URL] [--orgs N] [--assets N] "
                   "[--risks N]\n";
      return 2;
    }
  }
  fs::remove_all(dir);
  fs::create_directories(dir);
  dir = fs::absolute(dir);
  const bool postgresql = !location.empty() && store::workspace_file(location).empty();
  if (location.empty()) location = (dir / "bench.db").string();
  fs::current_path(dir);  // a PostgreSQL workspace's audit key and anchor go here
  auto cat = catalog::load_builtin();
  const auto& catalog = cat.catalog;
  const std::string fw = "iso-tr-27103-2018";
  std::vector<std::string> subcategories;
  for (const auto* n : catalog.nodes_in_order(fw))
    if (n->level == core::Level::k_subcategory) subcategories.push_back(n->id);
  std::vector<std::string> annex;
  for (const auto* n : catalog.nodes_in_order(workspace::k_annex_a))
    if (n->level != core::Level::k_function) annex.push_back(n->id);

  auto opened =
      workspace::open(workspace::Location{location, {}, {}}, workspace::OpenMode::k_create);
  if (!opened) {
    std::cerr << opened.error().message << '\n';
    return 1;
  }
  auto& ws = **opened;
  if (auto existing = ws.organizations(); existing && !existing->empty()) {
    std::cerr << "the workspace at " << location
              << " already has organizations: give a new database\n";
    return 1;
  }
  auto& repo = ws.storage().risks();
  std::mt19937 rng(27001);
  const int large = orgs / 2 - (orgs > 1 ? 1 : 0);  // "Organization 499" of 1,000
  const int small_assets = orgs > 1 ? 1 : 0;
  const int large_assets = std::max(1, total_assets - small_assets * (orgs - 1));
  const int large_risks = std::max(1, total_risks - small_assets * (orgs - 1));
  std::int64_t large_id = 0;
  std::size_t n_assets = 0, n_risks = 0, n_decisions = 0, n_nodes = 0;
  double t_profiles = 0, t_register = 0, t_soa = 0;
  auto start = Clock::now();

  for (int o = 0; o < orgs; ++o) {
    auto org =
        check(ws.create_organization(k_actor, "Organization " + std::to_string(o), ""), "org");
    const bool is_large = o == large;
    if (is_large) large_id = org.id;

    // Profiles like the demo's: a current and a target on TR 27103, every subcategory assessed.
    auto t0 = Clock::now();
    core::Profile cp{0, org.id, "Current state", fw, core::ProfileKind::k_current};
    core::Profile tp{0, org.id, "Target 2027", fw, core::ProfileKind::k_target};
    auto cur = check(ws.create_profile(k_actor, cp), "current profile");
    auto tgt = check(ws.create_profile(k_actor, tp), "target profile");
    std::vector<core::NodeAssessment> current, target;
    for (const auto& id : subcategories) {
      core::NodeAssessment t;
      t.node = id;
      t.level = id.starts_with("ID") || id.starts_with("PR") ? 4 : 3;
      t.priority = 1 + static_cast<int>(rng() % 3);
      t.owner = k_owners[rng() % std::size(k_owners)];
      target.push_back(t);
      core::NodeAssessment c = t;
      c.level = static_cast<int>(rng() % 5);
      current.push_back(c);
    }
    n_nodes += check(ws.put_node_assessments(k_actor, tgt.id, target), "target nodes");
    n_nodes += check(ws.put_node_assessments(k_actor, cur.id, current), "current nodes");
    for (int a = 0; a < 2; ++a) {
      core::Action act;
      act.organization = org.id;
      act.title = a == 0 ? "Vulnerability management programme" : "Central logging";
      act.owner = k_owners[a];
      act.due = "2027-06-30";
      act.status = a == 0 ? core::ActionStatus::k_in_progress : core::ActionStatus::k_planned;
      act.effort_days = 20;
      act.target_level = 3;
      act.nodes = {subcategories[rng() % subcategories.size()]};
      check(ws.create_action(k_actor, act), "action");
    }
    core::Control own;
    own.ref = "OC-01";
    own.title = "Plant network segregation";
    own.owner = "Plant engineering";
    own.outcomes = {fw + ":" + subcategories[rng() % subcategories.size()]};
    check(workspace::create_control(ws, k_actor, catalog, org.id, own), "own control");
    t_profiles += seconds_since(t0);

    // The SoA: three rows set through the use case, then version 1 approved with a reason on
    // every included control (what a user does with `soa include --reason` before approving),
    // in one transaction.
    t0 = Clock::now();
    {
      core::SoaRow ex;
      ex.control = "A.8.30";
      ex.applicable = false;
      ex.justification = "No development is outsourced.";
      check(workspace::set_soa_row(ws, k_actor, catalog, org.id, ex, 0), "soa row");
      core::SoaRow legal;
      legal.control = "A.5.31";
      legal.reasons = {core::SoaReason::k_legal};
      check(workspace::set_soa_row(ws, k_actor, catalog, org.id, legal, 0), "soa row");
      core::SoaRow noted;
      noted.control = "A.5.7";
      noted.reasons = {core::SoaReason::k_business};
      noted.owner = "Security operations";
      noted.notes = "Threat intelligence from the sector's ISAC.";
      check(workspace::set_soa_row(ws, k_actor, catalog, org.id, noted, 0), "soa row");
      auto draft = check(workspace::soa(ws, catalog, org.id, 0), "soa");
      std::vector<core::SoaRow> seed;
      for (const auto& l : draft.lines) {
        core::SoaRow row = l.row;
        if (row.applicable && row.reasons.empty()) row.reasons = {core::SoaReason::k_business};
        seed.push_back(row);
      }
      ws.storage().set_actor("CISO");
      check(repo.approve_soa(org.id, 1, "Approved by the management review", seed), "approve");
      // The use case says whether the approved version holds (every line valid).
      auto approved = check(workspace::soa(ws, catalog, org.id, 1), "soa v1");
      if (approved.version.status != core::SoaStatus::k_approved) {
        std::cerr << "version 1 of the SoA is not approved\n";
        return 1;
      }
    }
    t_soa += seconds_since(t0);

    // The register.
    t0 = Clock::now();
    const int assets = is_large ? large_assets : small_assets;
    const int risks = is_large ? large_risks : small_assets;
    std::vector<std::int64_t> asset_ids;
    for (int a = 0; a < assets; ++a) {
      core::Asset as;
      char ref[32];
      std::snprintf(ref, sizeof ref, "AS-%05d", a + 1);
      as.ref = ref;
      as.name = std::string(k_nouns[a % std::size(k_nouns)]) + " " + std::to_string(a + 1);
      as.kind = k_kinds[a % std::size(k_kinds)];
      as.owner = k_owners[rng() % std::size(k_owners)];
      as.confidentiality = static_cast<int>(rng() % 5);
      as.integrity = static_cast<int>(rng() % 5);
      as.availability = static_cast<int>(rng() % 5);
      if (a % 5 == 4 && !asset_ids.empty()) as.parent = asset_ids[rng() % asset_ids.size()];
      if (a % 3 == 2 && !asset_ids.empty()) as.depends_on = {asset_ids[rng() % asset_ids.size()]};
      asset_ids.push_back(check(workspace::create_asset(ws, k_actor, org.id, as), "asset").id);
      ++n_assets;
    }
    const core::Treatment treatments[] = {core::Treatment::k_modify, core::Treatment::k_modify,
                                          core::Treatment::k_retain, core::Treatment::k_share,
                                          core::Treatment::k_avoid,  core::Treatment::k_none};
    const core::RiskStatus statuses[] = {
        core::RiskStatus::k_identified, core::RiskStatus::k_assessed, core::RiskStatus::k_treating,
        core::RiskStatus::k_treating,   core::RiskStatus::k_treated,  core::RiskStatus::k_accepted};
    for (int r = 0; r < risks; ++r) {
      core::Risk rk;
      char ref[32];
      std::snprintf(ref, sizeof ref, "R-%05d", r + 1);
      rk.ref = ref;
      const char* threat = k_threats[rng() % std::size(k_threats)];
      const char* noun = k_nouns[rng() % std::size(k_nouns)];
      rk.title = std::string(threat) + " on the " + noun;
      rk.description = std::string(threat) + " stops or exposes the " + noun + ".";
      rk.threat = threat;
      rk.vulnerability = k_vulnerabilities[rng() % std::size(k_vulnerabilities)];
      int n = 1 + static_cast<int>(rng() % 3);
      for (int k = 0; k < n && k < static_cast<int>(asset_ids.size()); ++k) {
        auto id = asset_ids[rng() % asset_ids.size()];
        if (std::ranges::find(rk.assets, id) == rk.assets.end()) rk.assets.push_back(id);
      }
      auto score = [&] {
        return core::RiskScore{1 + static_cast<int>(rng() % 5), 1 + static_cast<int>(rng() % 5)};
      };
      rk.inherent = score();
      rk.current = score();
      if (r % 4 != 3) rk.residual = score();
      rk.owner = k_owners[rng() % std::size(k_owners)];
      rk.treatment = treatments[rng() % std::size(treatments)];
      rk.status = statuses[rng() % std::size(statuses)];
      rk.review_date = "2027-0" + std::to_string(1 + rng() % 9) + "-15";
      int nc = 1 + static_cast<int>(rng() % 3);
      for (int k = 0; k < nc; ++k) {
        auto link = core::parse_control_link(annex[rng() % annex.size()]);
        if (std::ranges::find(rk.controls, link) == rk.controls.end()) rk.controls.push_back(link);
      }
      if (r % 4 == 0) rk.controls.push_back(core::parse_control_link("OC-01"));
      check(workspace::create_risk(ws, k_actor, catalog, org.id, rk), "risk");
      ++n_risks;
      if (r % 20 == 0) {
        core::Decision d;
        d.kind = core::DecisionKind::k_plan_approval;
        d.decided_by = "CISO";
        d.justification = "The plan brings the risk within appetite.";
        check(workspace::decide(ws, k_actor, catalog, org.id, rk.ref, d), "decision");
        ++n_decisions;
      }
    }
    t_register += seconds_since(t0);
    if ((o + 1) % 100 == 0)
      std::cerr << "bench_risks: " << (o + 1) << " organizations, " << seconds_since(start)
                << " s\n";
  }
  double total = seconds_since(start);

  // The use cases alone, in this process (no HTTP, no JSON): the median of 21.
  auto median_ms = [](auto&& f) {
    std::vector<double> t;
    for (int i = 0; i < 21; ++i) {
      auto s = Clock::now();
      f();
      t.push_back(std::chrono::duration<double, std::milli>(Clock::now() - s).count());
    }
    std::sort(t.begin(), t.end());
    return t[t.size() / 2];
  };
  std::int64_t small_id = large_id == 1 ? 2 : 1;
  core::RiskQuery first_page;
  first_page.slice.limit = 50;
  double t_list =
      median_ms([&] { check(workspace::list_risks(ws, catalog, large_id, first_page), "list"); });
  double t_heat =
      median_ms([&] { check(workspace::heat_map(ws, catalog, large_id, ""), "heat map"); });
  double t_soa_large = median_ms([&] { check(workspace::soa(ws, catalog, large_id, 0), "soa"); });
  double t_soa_small = median_ms([&] { check(workspace::soa(ws, catalog, small_id, 0), "soa"); });

  std::string size;
  if (postgresql) {
    std::string quoted = "'";
    for (char c : location) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    quoted += "'";
    std::string cmd =
        "psql " + quoted + " -XAtc 'SELECT pg_database_size(current_database())' 2>/dev/null";
    std::string out;
    if (FILE* f = popen(cmd.c_str(), "r")) {
      char buf[256];
      while (std::fgets(buf, sizeof buf, f)) out += buf;
      pclose(f);
    }
    size = out.empty() ? "unknown" : std::to_string(std::stoll(out) / (1024 * 1024)) + " MiB";
  } else {
    std::error_code ec;
    auto db = fs::file_size(location, ec);
    auto wal = fs::file_size(location + "-wal", ec);
    size = std::to_string(db / (1024 * 1024)) + " MiB (+ " +
           std::to_string((ec ? 0 : wal) / (1024 * 1024)) + " MiB WAL)";
  }
  std::cout << "| measure | result |\n|---|---|\n";
  std::cout << "| workspace generated | " << orgs << " organizations (" << 2 * orgs << " profiles, "
            << n_nodes << " node assessments), " << n_assets << " assets, " << n_risks << " risks, "
            << n_decisions << " decisions, " << orgs << " SoAs with version 1 approved, in "
            << total << " s |\n";
  std::cout << "| of which profiles, actions, own controls | " << t_profiles << " s |\n";
  std::cout << "| of which SoAs (3 rows set, version 1 approved) | " << t_soa << " s |\n";
  std::cout << "| of which assets and risks (one use case call each) | " << t_register << " s |\n";
  std::cout << "| database size | " << size << " |\n";
  std::cout << "| use case alone (median of 21): register's first page, large organization | "
            << t_list << " ms |\n";
  std::cout << "| use case alone: heat map, large organization | " << t_heat << " ms |\n";
  std::cout << "| use case alone: SoA, large organization | " << t_soa_large << " ms |\n";
  std::cout << "| use case alone: SoA, a small organization | " << t_soa_small << " ms |\n";
  std::cout << "large organization: " << large_id << " (Organization " << large << ", "
            << large_assets << " assets, " << large_risks << " risks)\n";
  return 0;
}
