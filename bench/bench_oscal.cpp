// OSCAL profile resolution benchmark: the SP 800-53 rev5 HIGH baseline (2021, catalog 5.0.1),
// resolved from NIST's files on this machine, next to the time to merely parse the same files.
//
// Usage: cyberframe_bench_oscal [OSCAL_DATA_DIR] [--runs N]
//   OSCAL_DATA_DIR defaults to ../shared/data/oscal (run from the repository).
// Results go to standard output as a Markdown table (bench/README.md keeps them).

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "catalog/builtin.hpp"
#include "catalog/loader.hpp"
#include "core/crosswalk.hpp"
#include "oscal/catalog_exchange.hpp"
#include "oscal/document.hpp"
#include "oscal/resolve.hpp"

using namespace cyberframe;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

struct Timing {
  double median = 0;
  double min = 0;
  double max = 0;
};

template <typename F>
Timing time_runs(int runs, F&& f) {
  std::vector<double> t;
  for (int i = 0; i < runs; ++i) {
    auto start = Clock::now();
    f();
    t.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
  }
  std::sort(t.begin(), t.end());
  return {t[t.size() / 2], t.front(), t.back()};
}

template <typename T>
T must(util::Result<T> result, std::string_view what) {
  if (!result) {
    std::cerr << what << ": " << result.error().message << '\n';
    std::exit(1);
  }
  return std::move(*result);
}

std::size_t count_controls(const oscal::Json& container) {
  std::size_t n = 0;
  for (const char* key : {"controls", "groups"}) {
    if (auto it = container.find(key); it != container.end()) {
      for (const auto& child : *it)
        n += (std::strcmp(key, "controls") == 0 ? 1 : 0) + count_controls(child);
    }
  }
  return n;
}

void row(std::string_view what, const Timing& t) {
  std::cout << "| " << what << " | " << t.median << " ms | " << t.min << " - " << t.max
            << " ms |\n";
}

}  // namespace

int main(int argc, char** argv) {
  fs::path data = "../shared/data/oscal";
  int runs = 21;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--runs") && i + 1 < argc)
      runs = std::max(1, std::atoi(argv[++i]));
    else
      data = argv[i];
  }
  const fs::path xml_dir = data / "sp800-53/rev5-2021/xml";
  const fs::path json_dir = data / "sp800-53/rev5-2021/json";
  const fs::path xml_profile = xml_dir / "NIST_SP-800-53_rev5_HIGH-baseline_profile.xml";
  const fs::path xml_catalog = xml_dir / "NIST_SP-800-53_rev5_catalog.xml";
  const fs::path json_profile = json_dir / "NIST_SP-800-53_rev5_HIGH-baseline_profile.json";
  const fs::path json_catalog = json_dir / "NIST_SP-800-53_rev5_catalog.json";
  for (const auto& path : {xml_profile, xml_catalog, json_profile, json_catalog}) {
    if (!fs::exists(path)) {
      std::cerr << "missing " << path << " (give the OSCAL data folder as the first argument)\n";
      return 1;
    }
  }

  // The JSON profile names the XML catalog; this loader hands it the JSON one, from the file.
  oscal::ResolveOptions json_options;
  json_options.loader = [&](const std::string&, const oscal::Document&) {
    return oscal::read_file(json_catalog);
  };
  // Inputs already in memory: resolution alone.
  const oscal::Document parsed_profile = must(oscal::read_file(json_profile), "profile");
  const oscal::Document parsed_catalog = must(oscal::read_file(json_catalog), "catalog");
  oscal::ResolveOptions memory_options;
  memory_options.loader = [&](const std::string&,
                              const oscal::Document&) -> util::Result<oscal::Document> {
    return parsed_catalog;
  };

  auto check = must(oscal::resolve(parsed_profile, memory_options), "resolve");
  std::size_t controls = count_controls(check.catalog.body());
  std::size_t json_bytes = oscal::write(check.catalog, oscal::Format::k_json).size();
  std::size_t xml_bytes = oscal::write(check.catalog, oscal::Format::k_xml).size();

  std::cout << "SP 800-53 rev5 HIGH baseline: " << controls << " controls and enhancements; result "
            << json_bytes << " bytes as JSON, " << xml_bytes << " as XML; " << runs
            << " runs each\n\n";
  std::cout << "| step (rev5 HIGH) | median | min - max |\n|---|---|---|\n";

  row("parse the JSON profile and the JSON catalog (3.2 MB)", time_runs(runs, [&] {
        must(oscal::read_file(json_profile), "profile");
        must(oscal::read_file(json_catalog), "catalog");
      }));
  row("parse the XML profile and the XML catalog (2.1 MB)", time_runs(runs, [&] {
        must(oscal::read_file(xml_profile), "profile");
        must(oscal::read_file(xml_catalog), "catalog");
      }));
  row("resolve only (inputs in memory; includes copying the catalog)",
      time_runs(runs, [&] { must(oscal::resolve(parsed_profile, memory_options), "resolve"); }));
  row("load + resolve, JSON files",
      time_runs(runs, [&] { must(oscal::resolve_file(json_profile, json_options), "resolve"); }));
  row("load + resolve + write JSON, JSON files", time_runs(runs, [&] {
        auto r = must(oscal::resolve_file(json_profile, json_options), "resolve");
        if (oscal::write(r.catalog, oscal::Format::k_json).empty()) std::abort();
      }));
  row("load + resolve, XML files (as NIST publishes them)",
      time_runs(runs, [&] { must(oscal::resolve_file(xml_profile), "resolve"); }));
  row("load + resolve + write XML, XML files", time_runs(runs, [&] {
        auto r = must(oscal::resolve_file(xml_profile), "resolve");
        if (oscal::write(r.catalog, oscal::Format::k_xml).empty()) std::abort();
      }));

  // The other OSCAL and crosswalk operations whose speed the guides state.
  auto builtin = catalog::load_builtin();
  if (!builtin.ok()) {
    std::cerr << "the built-in catalog does not load\n";
    return 1;
  }
  const auto& known = builtin.catalog;
  std::cout << "\n| step | median | min - max |\n|---|---|---|\n";
  row("import the SP 800-53 rev5 catalog (in memory) as a framework", time_runs(runs, [&] {
        must(oscal::import_catalog(parsed_catalog, known, {"nist-sp-800-53-rev5", "bench"}),
             "import");
      }));
  row("export TR 27103 as an OSCAL catalog and write it as JSON", time_runs(runs, [&] {
        oscal::Document d;
        d.model = "catalog";
        d.root = oscal::export_catalog(known, *known.framework("iso-tr-27103-2018"));
        if (oscal::write(d, oscal::Format::k_json).empty()) std::abort();
      }));
  for (const auto& [from, to] : {std::pair{"iso-tr-27103-2018", "nist-csf-2.0"},
                                 std::pair{"iso-tr-27103-2018", "iso-iec-27001-2022-annex-a"}}) {
    row(std::string("crosswalk ") + from + " -> " + to + ", first look-up (a new engine)",
        time_runs(runs, [&] {
          core::CrosswalkEngine engine(known, {});
          must(engine.crosswalk(from, to), "crosswalk");
        }));
  }
  return 0;
}
