#pragma once
// Projecting an assessed profile onto another framework through the store: the one orchestration
// behind `cyberframe profile project` and POST /api/v1/profiles/{id}/project. It reads the source
// profile's assessments and the destination's (an existing profile or a new one), runs
// core::project, checks every row against the scale and writes the rows (unless a dry run).
// The callers compute the crosswalk (each keeps its own engine) and render the answer; the JSON
// of a crosswalk entry and of a projection is here, the same for both.

#include <cstddef>
#include <expected>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/crosswalk.hpp"
#include "workspace/workspace.hpp"

namespace cyberframe::workspace {

// The request field an input error is about, so that a caller can name it ("--into", "into").
enum class ProjectionField { k_none, k_to, k_into };

struct ProjectionError {
  util::Error error;  // the message carries no field prefix
  ProjectionField field = ProjectionField::k_none;
};

template <typename T>
using ProjectionResult = std::expected<T, ProjectionError>;

// Checks the framework a profile is to be projected onto: known to the catalog (k_not_found
// "unknown framework 'X'") and not the profile's own (k_invalid_input). Field k_to.
ProjectionResult<void> check_projection_target(const core::Catalog& catalog,
                                               const core::Profile& source, const std::string& to);

struct ProfileProjection {
  core::Profile destination;  // id 0 when it does not exist (a dry run onto a new profile)
  bool existed = false;       // the destination existed before
  bool created = false;       // this call created it
  core::Projection projection;
  std::vector<core::NodeAssessment> rows;  // what was (or, on a dry run, would be) written
  std::size_t written = 0;

  std::size_t count(core::ProjectionOutcome outcome) const;
};

// Projects `source` (a profile of the store) along `crosswalk` (from source.framework to the
// destination's framework, checked with check_projection_target) into the profile `into` of the
// same organization, or "NAME on FRAMEWORK" when `into` is empty; the destination is created
// unless it exists or `dry_run`. An existing destination must be on the crosswalk's framework and
// the source's scale (field k_into). Nodes assessed directly in the destination are never
// overwritten. Writes are attributed to `actor`; k_conflict when the destination changed while
// projecting. Nothing is written on any error.
ProjectionResult<ProfileProjection> project_profile(Workspace& store, const core::Catalog& catalog,
                                                    const core::Profile& source,
                                                    const core::Crosswalk& crosswalk,
                                                    const std::string& into, bool dry_run,
                                                    const std::string& actor);

// One crosswalk entry as JSON: source, target (null for a stated no-relationship), relationship,
// path (as text), hops (mapping_set, origin, reversed, from, to, relationship, rationale), paths,
// conflict and other_paths (relationship, path).
nlohmann::json crosswalk_entry_json(const core::CrosswalkEntry& entry);

// The projected nodes as JSON: node, outcome, level, not_applicable, explanation and the sources
// considered (node, relationship, level, not_applicable, path).
nlohmann::json projection_nodes_json(const core::Projection& projection);
// The counts: projected, partial, not_applicable, left_unassessed, kept_direct, rows_written,
// rows_to_write.
nlohmann::json projection_summary_json(const ProfileProjection& result);

}  // namespace cyberframe::workspace
