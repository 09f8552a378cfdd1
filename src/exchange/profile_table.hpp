#pragma once
// Profiles to and from spreadsheets and YAML, because teams fill them in spreadsheets.
//
// One row per node: node, level, not_applicable, justification, owner, priority, notes (plus the
// read-only columns title and description on export, ignored on import). Import validates every
// row against the framework and scale and reports every bad row (row, column, why); it returns
// either all rows or the errors, never a part.

#include <string>
#include <vector>

#include "core/catalog.hpp"
#include "core/profile.hpp"

namespace cyberframe::exchange {

enum class TableFormat { k_csv, k_xlsx, k_yaml };
std::optional<TableFormat> format_from_path(std::string_view path);  // by extension

struct RowError {
  std::size_t row = 0;  // 1-based; row 1 is the header in CSV and XLSX
  std::string column;   // empty for the whole row
  std::string message;
  std::string to_string() const;  // "row 12, column level: ..."
};

struct ImportResult {
  std::vector<core::NodeAssessment> rows;
  std::vector<RowError> errors;  // when not empty, `rows` is empty
};

// Parses `bytes` in `format` into node assessments of `profile`.
ImportResult import_profile(const core::Catalog& catalog, const core::Profile& profile, const core::Scale& scale,
                            TableFormat format, std::string_view bytes);

// Writes every node of the framework (assessed or not) in document order.
std::string export_profile(const core::Catalog& catalog, const core::Profile& profile,
                           const std::map<std::string, core::NodeAssessment>& assessments, TableFormat format);

// The gap table of a gap analysis as CSV or XLSX.
std::string export_gaps(const core::Catalog& catalog, const core::GapAnalysis& gaps, TableFormat format);

}  // namespace cyberframe::exchange
