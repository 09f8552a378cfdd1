#pragma once
// What the OSCAL exports of a profile are made of, read once for both front ends
// (`cyberframe oscal export results|poam` and GET /api/v1/profiles/{id}/oscal/...). Every read
// error is an error; the assessments come with their evidence in one read, not node by node.

#include "oscal/assessment_exchange.hpp"
#include "oscal/catalog_exchange.hpp"
#include "util/result.hpp"

namespace cyberframe::workspace {

class Workspace;

// The organization, the profile, its scale and its assessments as they are now (with evidence,
// taken now). The caller picks a frozen assessment or a target profile on top.
util::Result<oscal::AssessmentResultsInput> assessment_results_input(Workspace& workspace,
                                                                     const core::Profile& profile);

// The organization, the profile, its scale, its assessments and the organization's roadmap.
util::Result<oscal::PoamInput> poam_input(Workspace& workspace, const core::Profile& profile);

}  // namespace cyberframe::workspace
