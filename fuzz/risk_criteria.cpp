// Fuzz target: an organization's risk criteria as a file or a request body brings them
// (`cyberframe risk criteria save`, POST/PUT .../risk-criteria): the JSON text read under
// codec::criteria_limits(), the criteria read from it, and every rule of core::validate run on
// what was read (levels of every cell, matrix_changes against itself).
// seeds: fuzz/seeds/risk_criteria/*.json

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "codec/risk_json.hpp"
#include "core/risk.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace cyberframe;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto criteria = codec::risk_criteria_from_text(text);
  if (!criteria) return 0;
  (void)core::criteria_problems(*criteria);
  if (!core::validate(*criteria)) return 0;
  for (int l = 1; l <= criteria->likelihoods(); ++l)
    for (int c = 1; c <= criteria->consequences(); ++c) (void)criteria->level(l, c);
  (void)core::matrix_changes(*criteria, *criteria);
  return 0;
}
