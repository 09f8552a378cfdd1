#pragma once
// The Statement of Applicability (ISO/IEC 27001:2022 6.1.3 d) as a document: print-ready HTML an
// auditor takes as it is, CSV, and an XLSX workbook. Pure renderers over core values.
//
// Lines are grouped by theme: Annex A's four themes (organizational, people, physical,
// technological) in that order, then "Own controls", then any other theme in the order met;
// within a theme, in the order given. A line's reasons for inclusion are its stated reasons plus
// risk treatment when it follows from the risks (SoaLine::risk_reason), listed with those risks.
//
// Threading: no shared state.

#include <cstddef>
#include <string>
#include <vector>

#include "core/risk.hpp"

namespace cyberframe::report {

struct SoaDocument {
  std::string organization;
  core::SoaVersion version;
  std::vector<core::SoaLine> lines;
  std::string generated_at;  // shown on the document; fixed in tests
  std::string scope;         // the ISMS scope
};

// The figures a board asks for. Implementation counts are of the applicable controls only.
struct SoaCounts {
  std::size_t controls = 0;
  std::size_t applicable = 0;
  std::size_t excluded = 0;
  std::size_t implemented = 0;
  std::size_t partial = 0;
  std::size_t planned = 0;
  std::size_t not_implemented = 0;
  std::size_t not_assessed = 0;
};
SoaCounts soa_counts(const std::vector<core::SoaLine>& lines);

// The reasons shown for a line: its stated reasons, plus risk treatment when line.risk_reason, in
// the order of core::SoaReason.
std::vector<core::SoaReason> soa_reasons(const core::SoaLine& line);

// Words for people: "Risk treatment", "Implemented", ...
std::string soa_reason_label(core::SoaReason reason);
std::string implementation_label(core::Implementation implementation);

// The lines in document order (by theme, see above).
std::vector<const core::SoaLine*> soa_order(const std::vector<core::SoaLine>& lines);

// A self-contained HTML page (inline CSS, no scripts, no external resources): title block,
// summary counts, one table grouped by theme; A4 landscape in print with repeated table headers
// and rows never split; a "DRAFT" watermark while the version is a draft. Every text is escaped.
std::string soa_html(const SoaDocument& document);

// CSV (BOM, CRLF, every cell through util::csv_field: never a formula), header row: control,
// title, theme, applicable, reasons, risks, justification, implementation, implementation_basis,
// owner, notes, soa_version. applicable is yes/no; reasons and risks are "; "-separated (reasons
// as core::to_string); implementation as core::to_string.
std::string soa_csv(const SoaDocument& document);

// The bytes of an XLSX workbook: sheet "Statement of Applicability" with the columns of the CSV
// (bold frozen header, autofilter, column widths, wrapped text), and a sheet "Summary" with the
// title block and the counts. Empty when the temporary file cannot be written.
std::string soa_xlsx(const SoaDocument& document);

}  // namespace cyberframe::report
