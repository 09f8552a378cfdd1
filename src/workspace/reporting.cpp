#include "workspace/reporting.hpp"

#include "workspace/gaps.hpp"
#include "workspace/workspace.hpp"

namespace cyberframe::workspace {

util::Result<report::ReportInput> report_input(Workspace& store, const core::Catalog& catalog,
                                               const core::Profile& current,
                                               const std::string& target) {
  report::ReportInput in;
  in.catalog = &catalog;
  in.current = current;
  auto scale = store.scale(current.scale);
  if (!scale)
    return util::fail(scale.error().code, "profile " + current.name + " is on scale '" +
                                              current.scale + "': " + scale.error().message);
  in.scale = std::move(*scale);
  auto org = store.organization(std::to_string(current.organization));
  if (!org) return std::unexpected(org.error());
  in.organization = std::move(*org);
  auto assessed = store.node_assessments(current.id);
  if (!assessed) return std::unexpected(assessed.error());
  in.current_assessments = std::move(*assessed);
  auto chosen = target_for(store, current, target);
  if (!chosen) return std::unexpected(chosen.error());
  if (*chosen) {
    auto targeted = store.node_assessments((*chosen)->id);
    if (!targeted) return std::unexpected(targeted.error());
    in.target = **chosen;
    in.target_assessments = std::move(*targeted);
  }
  auto snapshots = store.snapshots(current.id);
  if (!snapshots) return std::unexpected(snapshots.error());
  in.snapshots = std::move(*snapshots);
  auto actions = store.actions(current.organization);
  if (!actions) return std::unexpected(actions.error());
  in.actions = std::move(*actions);
  return in;
}

}  // namespace cyberframe::workspace
