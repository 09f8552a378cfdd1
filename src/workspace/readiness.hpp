#pragma once
// Certification readiness (core/readiness.hpp) as the workspace computes it: the facts read from
// the ISMS registers, the documents, the risk register, the SoA and the measurements of one
// organization, and the 30 requirements of ISO/IEC 27001:2022 clauses 4 to 10 assessed on them;
// its exports (CSV, a print-ready HTML page). For the API and the command line alike.

#include <cstdint>
#include <string>

#include "core/catalog.hpp"
#include "core/readiness.hpp"
#include "util/result.hpp"

namespace cyberframe::workspace {

class Workspace;
using util::Result;

// The facts of `organization` on `today` (YYYY-MM-DD; "" for today in UTC); k_invalid_input
// (field "today") when it is not a date.
Result<core::ReadinessFacts> readiness_facts(Workspace& ws, const core::Catalog& catalog,
                                             std::int64_t organization, std::string today = "");
// Every requirement assessed.
Result<core::Readiness> readiness(Workspace& ws, const core::Catalog& catalog,
                                  std::int64_t organization, std::string today = "");
// The assessment as "csv" (one row per requirement and evidence) or "html" (print-ready);
// k_invalid_input (field "format") otherwise.
Result<std::string> export_readiness(const core::Readiness& readiness,
                                     const std::string& organization_name,
                                     const std::string& format);

}  // namespace cyberframe::workspace
