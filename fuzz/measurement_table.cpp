// Fuzz target: the import of measurement values (exchange::import_measurement_values) on CSV and
// XLSX: the first byte picks the format (bit 0: CSV or XLSX), the rest is the file; each row kept
// is checked against core::validate, and the rows are exported and imported again.
// seeds: 00@fuzz/seeds/measurement_table/*.csv 01@generated/*.xlsx

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "exchange/measurement_table.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace cyberframe;
  if (size == 0) return 0;
  auto format = (data[0] & 1) != 0 ? exchange::TableFormat::k_xlsx : exchange::TableFormat::k_csv;
  std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  auto result = exchange::import_measurement_values(format, bytes);
  for (const auto& e : result.errors) (void)e.to_string();
  if (!result.errors.empty() && !result.rows.empty()) std::abort();  // all or none
  std::vector<core::MeasurementValue> values;
  for (const auto& r : result.rows) {
    if (!core::validate(r.value)) std::abort();  // every row kept is a valid value
    values.push_back(r.value);
  }
  if (!values.empty()) {
    auto csv = exchange::export_measurement_values(values, exchange::TableFormat::k_csv);
    auto again = exchange::import_measurement_values(exchange::TableFormat::k_csv, csv);
    if (!again.errors.empty() || again.rows.size() != values.size()) std::abort();
  }
  return 0;
}
