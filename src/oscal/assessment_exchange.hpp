#pragma once
// A profile's assessment as OSCAL assessment results, and the roadmap's open actions as an OSCAL
// plan of action and milestones (POA&M). docs/oscal-exchange.md gives the whole mapping.
//
// Assessment results: one result per export (a frozen assessment, or the profile as it is now),
// its reviewed controls the assessed nodes, and per assessed node an observation (level, N/A
// and justification, owner, priority, notes, evidence) and a finding whose target is the node
// (objective-id = the control id of the framework's OSCAL catalog) with status satisfied when
// the level reaches the target profile's level for the node (or, without a target profile, a
// threshold: by default the middle of the scale, 3 on the 0-5 scale), implementation-status
// implemented / partial / not-applicable. Evidence files are back-matter resources (their
// SHA-256 in the rlink's hash); evidence links are relevant-evidence hrefs.
//
// POA&M: per open roadmap action (planned or in progress) whose nodes are in the profile's
// framework, a poam-item, a risk (its deadline the action's due date, its status open or
// remediating, a planned remediation with a milestone task on the due date) and per node a
// finding and an observation of the gap it closes (the current level against the action's
// target level).
//
// Pure functions of their arguments: the caller reads the workspace, nothing here writes it.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/catalog.hpp"
#include "core/profile.hpp"
#include "oscal/document.hpp"
#include "util/result.hpp"

namespace cyberframe::oscal {

struct AssessmentResultsInput {
  core::Organization organization;
  core::Profile profile;  // a current profile
  core::Scale scale;
  std::map<std::string, core::NodeAssessment> assessments;  // node id -> as assessed
  std::string assessment_name;  // the frozen assessment; empty: the profile as it is now
  std::string taken_at;         // when it was frozen, or now; a date or date-time (UTC)
  std::string assessor;
  std::string signed_off_by;
  // A target profile of the same framework: a node is satisfied when its level reaches the
  // target's level for it.
  std::optional<core::Profile> target_profile;
  std::map<std::string, core::NodeAssessment> targets;
  std::optional<int> satisfied_at;  // without a target: the threshold; nullopt: middle of scale
};

// The assessment results document ({"assessment-results": {...}}). Errors (k_invalid_input):
// the profile's framework is not in `catalog`; a threshold outside the scale.
util::Result<Json> export_assessment_results(const core::Catalog& catalog,
                                             const AssessmentResultsInput& input);

struct PoamInput {
  core::Organization organization;
  core::Profile profile;  // the current profile the actions close gaps of
  core::Scale scale;
  std::map<std::string, core::NodeAssessment> assessments;  // its current levels
  std::vector<core::Action> actions;  // the organization's roadmap (all of it; filtered here)
  std::string generated_at;           // last-modified; empty: export_timestamp()
};

// The POA&M document ({"plan-of-action-and-milestones": {...}}). Errors (k_invalid_input): the
// framework is not in `catalog`; no open action touches a node of the framework (a POA&M needs
// at least one item).
util::Result<Json> export_poam(const core::Catalog& catalog, const PoamInput& input);

// "2026-03-31" and "2026-03-31T10:00:00" as "2026-03-31T00:00:00Z" / "...T10:00:00Z"; a value
// with a zone is kept. Empty for text that is not a date.
std::string oscal_date_time(std::string_view text);

}  // namespace cyberframe::oscal
