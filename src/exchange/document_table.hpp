#pragma once
// The register of documented information (core/document.hpp) to and from spreadsheets (CSV and
// XLSX): the metadata of each document, one row each, never the files nor the versions.
//
// Columns, in export order (an exported file imports again unchanged): ref, title, type, owner,
// classification, review_months, next_review, retention, distribution, links, state,
// published_version. state and published_version are read-only (ignored on import). On import
// the columns are matched by header name (case-insensitive, any order); title is required, and
// so is the column ref (a cell may be empty: the document is then given the next DOC-NNN); an
// unknown column is an error. Lists (distribution, links) are ";"-separated; a link is
// KIND:TARGET (node:FRAMEWORK:NODE or risk:REF). Cells: type a core::to_string(DocumentType)
// (empty: policy), classification one of core::to_string(Classification) (empty: internal),
// review_months empty (12) or a whole number 1-120, next_review empty or YYYY-MM-DD.
//
// Import is all or nothing: every row, or every bad row (up to 100) named by row number and
// column. What needs the store (a link's target, a ref's holder) is the workspace's job. The
// file as a whole (not UTF-8, empty, past a limit, a corrupt workbook) ends it with one error of
// row 0. Limits: those of exchange::risk_table_limits.
//
// Threading: no shared state.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.hpp"
#include "exchange/profile_table.hpp"

namespace cyberframe::exchange {

struct DocumentRow {
  core::Document document;  // id, organization, versions not set by an import
  std::size_t line = 0;
};

struct DocumentImportRows {
  std::vector<DocumentRow> rows;
  std::vector<RowError> errors;  // when not empty, `rows` is empty
};

const std::vector<std::string>& document_columns();
DocumentImportRows import_document_register(TableFormat format, std::string_view bytes);
// CSV or XLSX (sheet "Documents"); an empty string when the XLSX cannot be written.
std::string export_document_register(const std::vector<core::Document>& documents,
                                     TableFormat format);

}  // namespace cyberframe::exchange
