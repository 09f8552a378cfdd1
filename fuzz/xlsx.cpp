// Fuzz target: the XLSX reader (exchange::xlsx::read_first_sheet): zip, inflate, the SAX passes
// over the workbook, its relationships, the shared strings and the first sheet, under the limits
// of a profile import.
// seeds: generated/*.xlsx

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "exchange/profile_table.hpp"
#include "exchange/xlsx.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace cyberframe;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  util::Budget budget(exchange::import_limits(exchange::TableFormat::k_xlsx), "an XLSX workbook");
  std::size_t cells = 0;
  (void)exchange::xlsx::read_first_sheet(bytes, budget, [&](const exchange::xlsx::Row& row) {
    cells += row.cells.size();
    return true;
  });
  return 0;
}
