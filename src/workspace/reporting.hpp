#pragma once
// Use case: what a report of a current profile is made of (report::ReportInput), read once for
// `cyberframe report` and GET /api/v1/organizations/{org}/reports/{audience}. Every read error is
// an error: a failing workspace never renders as "nothing assessed".

#include <string>

#include "report/report.hpp"
#include "util/result.hpp"

namespace cyberframe::workspace {

class Workspace;

// The report input of `current` against its target (target_for: `target` when given, else the
// organization's first target profile by name on the framework; none when there is none), with
// its organization, scale, assessments, frozen assessments and the organization's roadmap.
// `generated_at` is left to the caller.
util::Result<report::ReportInput> report_input(Workspace& store, const core::Catalog& catalog,
                                               const core::Profile& current,
                                               const std::string& target);

}  // namespace cyberframe::workspace
