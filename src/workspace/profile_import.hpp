#pragma once
// Importing a profile's table (CSV, XLSX, YAML: exchange/profile_table.hpp) into a profile, for
// `cyberframe profile import` and POST /api/v1/profiles/{id}/import alike.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "exchange/profile_table.hpp"
#include "util/result.hpp"

namespace cyberframe::workspace {

class Workspace;

struct ProfileImport {
  std::vector<exchange::RowError> errors;  // when not empty, nothing was written
  std::size_t rows = 0;                    // rows of the file
  std::size_t changed = 0;    // nodes the import changed (a version and audit row each)
  std::size_t unchanged = 0;  // rows that said what the node already said
};

// Parses `bytes` against the catalog and the profile's scale and writes the rows in one unit of
// work, all or none; rows that change nothing are left alone (exporting a profile and importing
// the file again changes nothing and adds no audit row).
util::Result<ProfileImport> import_profile(Workspace& workspace, const std::string& actor,
                                           const core::Catalog& catalog,
                                           const core::Profile& profile,
                                           exchange::TableFormat format, std::string_view bytes);

}  // namespace cyberframe::workspace
