#pragma once
// Use case: the audit trail as a file an auditor sorts and filters, for GET /api/v1/audit/export
// and `cyberframe audit export`. One line per changed field (core::field_changes), so a
// spreadsheet sorts on the person, the record or the field; a row that changed no field (a
// sign-in, an anchoring) is one line with an empty field.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/audit.hpp"
#include "util/result.hpp"

namespace cyberframe::workspace {

class Workspace;

enum class AuditExportFormat { k_csv, k_xlsx };

// "csv" or "xlsx"; nullopt otherwise.
std::optional<AuditExportFormat> parse_audit_export_format(std::string_view text);

// What one export holds at most: the audit rows the filters match, and the lines (changed
// fields) and bytes of text they make. Past any of them the export is refused (k_invalid_input,
// saying how many matched and asking for narrower filters), never cut short.
inline constexpr std::int64_t k_audit_export_max_rows = 10000;
inline constexpr std::size_t k_audit_export_max_lines = 100000;
inline constexpr std::size_t k_audit_export_max_bytes = 64u << 20;

// The columns, in order.
inline constexpr const char* k_audit_export_columns[] = {
    "id", "time", "person", "action", "kind", "record", "field", "before", "after", "hash"};

// The rows `query` matches (its limit and cursor ignored), newest first, one line per changed
// field: CSV (RFC 4180, CRLF line ends, a header line, every cell through util::csv_field so that
// none starts a formula) or an XLSX workbook of one sheet (id a number, the rest text). Values
// are core::change_text: strings without quotes, other values as JSON, an absent field empty.
util::Result<std::string> export_audit(Workspace& ws, const core::AuditQuery& query,
                                       AuditExportFormat format);

}  // namespace cyberframe::workspace
