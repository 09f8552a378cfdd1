// Fuzz target: the register of documents' import (exchange::import_document_register) on CSV and
// XLSX, and the upload path's checks of a file's name (core::check_file_name, core::media_type_of,
// core::parse_document_link): the first byte picks the format (bit 0: CSV or XLSX) or, with bit
// 1, the name checks on the rest.
// seeds: 00@fuzz/seeds/document_table/*.csv 01@generated/*.xlsx
// 02@fuzz/seeds/document_table/names.txt

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/document.hpp"
#include "exchange/document_table.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace cyberframe;
  if (size == 0) return 0;
  std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  if ((data[0] & 2) != 0) {
    if (core::check_file_name(bytes)) (void)core::media_type_of(bytes);
    (void)core::parse_document_link(bytes);
    (void)core::document_ref_number(bytes);
    return 0;
  }
  auto format = (data[0] & 1) != 0 ? exchange::TableFormat::k_xlsx : exchange::TableFormat::k_csv;
  auto result = exchange::import_document_register(format, bytes);
  for (const auto& e : result.errors) (void)e.to_string();
  for (const auto& r : result.rows) (void)core::validate(r.document);
  return 0;
}
