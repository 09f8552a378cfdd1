// Fuzz target: an ISMS register's import (exchange::import_isms) on CSV and XLSX: the first byte
// picks the register (its low 4 bits, modulo the registers) and the format (bit 4: CSV or XLSX),
// the rest is the file; every row that passes is checked again by core::validate.
// seeds: 00@fuzz/seeds/isms_table/context*.csv 05@fuzz/seeds/isms_table/policies*.csv
// 06@fuzz/seeds/isms_table/roles*.csv 10@generated/*.xlsx

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "core/isms.hpp"
#include "exchange/isms_table.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace cyberframe;
  if (size == 0) return 0;
  const auto& registers = core::isms_registers();
  const auto& spec = registers[(data[0] & 0x0F) % registers.size()];
  auto format =
      (data[0] & 0x10) != 0 ? exchange::TableFormat::k_xlsx : exchange::TableFormat::k_csv;
  std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  auto result = exchange::import_isms(spec, format, bytes);
  for (const auto& e : result.errors) (void)e.to_string();
  if (!result.errors.empty() && !result.rows.empty()) std::abort();  // all or none
  for (const auto& row : result.rows) {
    if (!core::validate(spec, row.record)) std::abort();  // a row that passed is a valid record
    (void)core::search_text(row.record);
  }
  if (spec.key == "roles") {
    std::vector<core::IsmsRecord> roles;
    for (const auto& row : result.rows) roles.push_back(row.record);
    (void)core::raci_matrix(roles);
  }
  return 0;
}
