#pragma once
// The report of an internal audit (ISO/IEC 27001:2022 9.2.1, 9.2.2 f: the results reported) as a
// self-contained HTML page in the look of the other reports (style.hpp): the audit, its
// programme, criteria, scope and auditors, the processes audited with their owners, the
// checklist, the findings grouped by grade (major NC, minor NC, observation, opportunity for
// improvement, good practice) with requirement and evidence, and the nonconformities raised with
// their state and corrective actions. Pure renderer over core values; every text is escaped.

#include <map>
#include <string>
#include <vector>

#include "core/isms.hpp"

namespace cyberframe::report {

struct AuditReport {
  std::string organization;
  core::IsmsRecord audit;
  std::string programme;  // "AP-001 Internal audit programme 2026" ("" when unknown)
  std::vector<core::IsmsRecord> processes;  // the audit's processes, in its order
  std::vector<std::pair<std::string, std::string>> checklist;  // item, the requirement's title
  std::vector<core::IsmsRecord> findings;                      // of this audit, in ref order
  std::map<std::string, core::IsmsRecord> nonconformities;     // by ref, those the findings name
  std::map<std::string, core::IsmsRecord> actions;             // by ref, the NCs' actions
  std::string generated_at;                                    // shown on the page; fixed in tests
};

// The grades in the report's order, with their words.
const std::vector<std::pair<std::string, std::string>>& finding_grades();

std::string audit_report_html(const AuditReport& report);

}  // namespace cyberframe::report
