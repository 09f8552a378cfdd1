// Fuzz target: a framework draft as a request brings it (POST /api/v1/frameworks/check and the
// saves): the JSON body read under its budget, {document} written out as YAML
// (catalog::json_to_yaml), and the YAML loaded as a draft (k_draft_limits) with its TS 27110
// check (catalog::check_file).
// seeds: fuzz/seeds/framework_draft/*.json

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "catalog/conformance.hpp"
#include "catalog/loader.hpp"
#include "catalog/writer.hpp"
#include "util/budget.hpp"
#include "util/json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace cyberframe;
  std::string_view body(reinterpret_cast<const char*>(data), size);
  util::Budget budget(
      util::ParseLimits{.bytes = 8u << 20, .nodes = 250000, .depth = 64, .item_bytes = 1u << 20},
      "a framework document");
  auto parsed = util::parse_json<nlohmann::json>(body, budget);
  if (!parsed || !parsed->is_object()) return 0;
  std::string text;
  if (parsed->contains("document") && (*parsed)["document"].is_object())
    text = catalog::json_to_yaml((*parsed)["document"]);
  else if (parsed->contains("yaml") && (*parsed)["yaml"].is_string())
    text = (*parsed)["yaml"].get<std::string>();
  else
    return 0;
  catalog::Loader loader;
  loader.add_text("document", text, false, &catalog::k_draft_limits);
  auto result = loader.finish();
  auto check = catalog::check_file(result, "document");
  for (const auto& d : check.diagnostics) (void)d.to_string();
  if (check.conformance) (void)catalog::conformance_to_json(*check.conformance, check.loaded);
  return 0;
}
