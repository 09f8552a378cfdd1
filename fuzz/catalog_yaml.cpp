// Fuzz target: the catalog YAML loader (catalog::Loader), the reader of framework, standard and
// mapping-set files, with its cross-file checks.
// seeds: catalog/**/*.yaml tests/data/**/*.yaml tests/cli/data/**/*.yaml

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "catalog/loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  cyberframe::catalog::Loader loader;
  loader.add_text("fuzz.yaml", text);
  auto result = loader.finish();
  for (const auto& d : result.diagnostics) (void)d.to_string();
  return 0;
}
