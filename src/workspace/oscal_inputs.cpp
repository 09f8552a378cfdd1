#include "workspace/oscal_inputs.hpp"

#include "workspace/workspace.hpp"

namespace cyberframe::workspace {

namespace {

// What both exports read: the organization, the profile's scale, and its assessments with their
// evidence (one query for the rows, one for the evidence).
struct Base {
  core::Organization organization;
  core::Scale scale;
  std::map<std::string, core::NodeAssessment> assessments;
};

util::Result<Base> read_base(Workspace& workspace, const core::Profile& profile) {
  auto org = workspace.organization(std::to_string(profile.organization));
  if (!org) return std::unexpected(org.error());
  auto scale = workspace.scale_of(profile);
  if (!scale) return std::unexpected(scale.error());
  auto rows = workspace.node_assessments(profile.id);
  if (!rows) return std::unexpected(rows.error());
  return Base{std::move(*org), std::move(*scale), std::move(*rows)};
}

}  // namespace

util::Result<oscal::AssessmentResultsInput> assessment_results_input(Workspace& workspace,
                                                                     const core::Profile& profile) {
  auto base = read_base(workspace, profile);
  if (!base) return std::unexpected(base.error());
  oscal::AssessmentResultsInput in;
  in.organization = std::move(base->organization);
  in.profile = profile;
  in.scale = std::move(base->scale);
  in.assessments = std::move(base->assessments);
  in.taken_at = oscal::export_timestamp();
  return in;
}

util::Result<oscal::PoamInput> poam_input(Workspace& workspace, const core::Profile& profile) {
  auto base = read_base(workspace, profile);
  if (!base) return std::unexpected(base.error());
  auto actions = workspace.actions(base->organization.id);
  if (!actions) return std::unexpected(actions.error());
  return oscal::PoamInput{std::move(base->organization), profile,
                          std::move(base->scale),        std::move(base->assessments),
                          std::move(*actions),           ""};
}

}  // namespace cyberframe::workspace
