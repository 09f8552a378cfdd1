// Fuzz target: the OSCAL reader on YAML (oscal::read), then validation and the writers of all
// three formats on whatever it accepts.
// seeds: tests/cli/data/oscal*/*.yaml

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "oscal/document.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace cyberframe::oscal;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto document = read(text, Format::k_yaml, "fuzz", ReadOptions{.lenient_version = true});
  if (!document) return 0;
  (void)validate(*document);
  for (auto format : {Format::k_json, Format::k_xml, Format::k_yaml})
    (void)write(*document, format);
  return 0;
}
