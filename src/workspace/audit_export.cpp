#include "workspace/audit_export.hpp"

#include <vector>

#include "core/audit_changes.hpp"
#include "exchange/xlsx.hpp"
#include "util/text.hpp"
#include "workspace/workspace.hpp"

namespace cyberframe::workspace {

namespace {

using util::ErrorCode;
using util::fail;

std::string thousands(std::uint64_t n) {
  auto digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

// One line of the export: the row's columns and one changed field.
struct Line {
  const core::AuditRecord* row;
  std::string field, before, after;
};

}  // namespace

std::optional<AuditExportFormat> parse_audit_export_format(std::string_view text) {
  if (text == "csv") return AuditExportFormat::k_csv;
  if (text == "xlsx") return AuditExportFormat::k_xlsx;
  return std::nullopt;
}

util::Result<std::string> export_audit(Workspace& ws, const core::AuditQuery& query,
                                       AuditExportFormat format) {
  auto narrower =
      "; narrow the filters (person, kind of record, record, dates) and export in parts";
  auto count = ws.audit_count(query);
  if (!count) return std::unexpected(count.error());
  if (*count > k_audit_export_max_rows)
    return fail(ErrorCode::k_invalid_input, "the filters match " +
                                                thousands(static_cast<std::uint64_t>(*count)) +
                                                " audit rows; an export holds at most " +
                                                thousands(k_audit_export_max_rows) + narrower);

  std::string csv;
  exchange::xlsx::Table table;
  auto add_line = [&](const core::AuditRecord& r, const std::string& field,
                      const std::string& before, const std::string& after) {
    if (format == AuditExportFormat::k_csv) {
      const std::string cells[] = {r.at,  r.actor, r.action, r.entity, r.entity_id,
                                   field, before,  after,    r.hash};
      csv += std::to_string(r.id);
      for (const auto& c : cells) {
        csv += ',';
        csv += util::csv_field(c);
      }
      csv += "\r\n";
    } else {
      table.rows.push_back({static_cast<double>(r.id), r.at, r.actor, r.action, r.entity,
                            r.entity_id, field, before, after, r.hash});
    }
  };
  if (format == AuditExportFormat::k_csv) {
    for (std::size_t i = 0; i < std::size(k_audit_export_columns); ++i)
      csv += (i ? "," : "") + std::string(k_audit_export_columns[i]);
    csv += "\r\n";
  } else {
    table.sheet_name = "Audit trail";
    const double widths[] = {8, 21, 16, 12, 14, 16, 24, 32, 32, 20};
    for (std::size_t i = 0; i < std::size(k_audit_export_columns); ++i)
      table.columns.push_back({k_audit_export_columns[i], widths[i]});
  }

  // Newest first, a page at a time, so that only one page of rows is held at once.
  core::AuditQuery page = query;
  page.limit = 500;
  page.before = 0;
  std::size_t lines = 0, bytes = 0;
  for (;;) {
    auto rows = ws.audit_log(page);
    if (!rows) return std::unexpected(rows.error());
    for (auto it = rows->rbegin(); it != rows->rend(); ++it) {
      const auto& r = *it;
      auto changes = core::field_changes(r.before, r.after);
      std::size_t row_bytes = r.at.size() + r.actor.size() + r.action.size() + r.entity.size() +
                              r.entity_id.size() + r.hash.size() + 16;
      auto too_big = [&]() -> util::Result<std::string> {
        if (lines > k_audit_export_max_lines)
          return fail(ErrorCode::k_invalid_input,
                      "the filters match more than " + thousands(k_audit_export_max_lines) +
                          " changed fields; an export holds at most " +
                          thousands(k_audit_export_max_lines) + narrower);
        return fail(ErrorCode::k_invalid_input, "the matching changes hold more than " +
                                                    thousands(k_audit_export_max_bytes >> 20) +
                                                    " MiB of text; an export holds at most that" +
                                                    narrower);
      };
      if (changes.empty()) {
        ++lines;
        bytes += row_bytes;
        if (lines > k_audit_export_max_lines || bytes > k_audit_export_max_bytes) return too_big();
        add_line(r, "", "", "");
        continue;
      }
      for (const auto& c : changes) {
        auto before = core::change_text(c.before);
        auto after = core::change_text(c.after);
        ++lines;
        bytes += row_bytes + c.field.size() + before.size() + after.size();
        if (lines > k_audit_export_max_lines || bytes > k_audit_export_max_bytes) return too_big();
        add_line(r, c.field, before, after);
      }
    }
    if (rows->size() < page.limit) break;
    page.before = rows->front().id;
  }
  if (format == AuditExportFormat::k_csv) return csv;
  return exchange::xlsx::write_table(table);
}

}  // namespace cyberframe::workspace
