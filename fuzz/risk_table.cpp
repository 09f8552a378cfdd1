// Fuzz target: the asset and risk imports (exchange::import_assets, exchange::import_risks) on
// CSV and XLSX: the first byte picks the import (bit 0: assets or risks) and the format (bit 1:
// CSV or XLSX), the rest is the file.
// seeds: 00@fuzz/seeds/risk_table/assets*.csv 01@fuzz/seeds/risk_table/risks*.csv
// 02@generated/*.xlsx 03@generated/*.xlsx

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "exchange/risk_table.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace cyberframe;
  if (size == 0) return 0;
  bool risks = (data[0] & 1) != 0;
  auto format = (data[0] & 2) != 0 ? exchange::TableFormat::k_xlsx : exchange::TableFormat::k_csv;
  std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  if (risks) {
    auto result = exchange::import_risks(format, bytes);
    for (const auto& e : result.errors) (void)e.to_string();
  } else {
    auto result = exchange::import_assets(format, bytes);
    for (const auto& e : result.errors) (void)e.to_string();
  }
  return 0;
}
