#include "workspace/oscal_inputs.hpp"

#include "workspace/workspace.hpp"

namespace cyberframe::workspace {

util::Result<oscal::AssessmentResultsInput> assessment_results_input(Workspace& workspace,
                                                                     const core::Profile& profile) {
  auto org = workspace.organization(std::to_string(profile.organization));
  if (!org) return std::unexpected(org.error());
  auto scale = workspace.scale_of(profile);
  if (!scale) return std::unexpected(scale.error());
  // node_assessments carries every node's evidence (one query for the rows, one for evidence).
  auto rows = workspace.node_assessments(profile.id);
  if (!rows) return std::unexpected(rows.error());
  oscal::AssessmentResultsInput in;
  in.organization = std::move(*org);
  in.profile = profile;
  in.scale = std::move(*scale);
  in.assessments = std::move(*rows);
  in.taken_at = oscal::export_timestamp();
  return in;
}

util::Result<oscal::PoamInput> poam_input(Workspace& workspace, const core::Profile& profile) {
  auto org = workspace.organization(std::to_string(profile.organization));
  if (!org) return std::unexpected(org.error());
  auto scale = workspace.scale_of(profile);
  if (!scale) return std::unexpected(scale.error());
  auto rows = workspace.node_assessments(profile.id);
  if (!rows) return std::unexpected(rows.error());
  auto actions = workspace.actions(org->id);
  if (!actions) return std::unexpected(actions.error());
  return oscal::PoamInput{std::move(*org),     profile, std::move(*scale), std::move(*rows),
                          std::move(*actions), ""};
}

}  // namespace cyberframe::workspace
