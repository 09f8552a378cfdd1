// Fuzz target: the profile importer (exchange::import_profile) on CSV, XLSX and YAML: the first
// byte picks the format, the rest is the file. The framework is a small one built here.
// seeds: 00@tests/data/**/*.csv 00@generated/profile.csv 01@generated/*.xlsx
// 02@generated/profile.yaml

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/catalog.hpp"
#include "core/profile.hpp"
#include "exchange/profile_table.hpp"

namespace {

const cyberframe::core::Catalog& catalog() {
  using namespace cyberframe::core;
  static const Catalog c = [] {
    Framework fw;
    fw.id = "fuzz";
    fw.title = "Fuzz";
    Node function{.id = "F", .level = Level::k_function, .title = "F"};
    Node category{.id = "F.C", .level = Level::k_category, .title = "C"};
    for (int i = 1; i <= 20; ++i) {
      Node sub;
      sub.id = "F.C-" + std::to_string(i);
      sub.level = Level::k_subcategory;
      sub.description = "Outcome " + std::to_string(i);
      category.children.push_back(std::move(sub));
    }
    function.children.push_back(std::move(category));
    fw.nodes.push_back(std::move(function));
    Catalog out;
    out.add(std::move(fw));
    out.index();
    return out;
  }();
  return c;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace cyberframe;
  if (size == 0) return 0;
  auto format = static_cast<exchange::TableFormat>(data[0] % 3);
  std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  core::Profile profile;
  profile.name = "fuzz";
  profile.framework = "fuzz";
  auto result = exchange::import_profile(catalog(), profile, core::default_scale(), format, bytes);
  for (const auto& e : result.errors) (void)e.to_string();
  return 0;
}
