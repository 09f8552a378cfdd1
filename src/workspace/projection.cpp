#include "workspace/projection.hpp"

#include <map>
#include <set>
#include <utility>

namespace cyberframe::workspace {

namespace {

using nlohmann::json;

std::unexpected<ProjectionError> fail_on(ProjectionField field, util::ErrorCode code,
                                         std::string message) {
  return std::unexpected(ProjectionError{util::Error{code, std::move(message)}, field});
}

std::unexpected<ProjectionError> fail_on(const util::Error& error) {
  return std::unexpected(ProjectionError{error, ProjectionField::k_none});
}

}  // namespace

ProjectionResult<void> check_projection_target(const core::Catalog& catalog,
                                               const core::Profile& source, const std::string& to) {
  if (catalog.framework(to) == nullptr)
    return fail_on(ProjectionField::k_to, util::ErrorCode::k_not_found,
                   "unknown framework '" + to + "'");
  if (to == source.framework)
    return fail_on(ProjectionField::k_to, util::ErrorCode::k_invalid_input,
                   "profile " + source.name + " is already on " + to);
  return {};
}

std::size_t ProfileProjection::count(core::ProjectionOutcome outcome) const {
  auto it = projection.counts.find(outcome);
  return it == projection.counts.end() ? std::size_t{0} : it->second;
}

ProjectionResult<ProfileProjection> project_profile(Workspace& store, const core::Catalog& catalog,
                                                    const core::Profile& source,
                                                    const core::Crosswalk& crosswalk,
                                                    const std::string& into, bool dry_run,
                                                    const std::string& actor) {
  const auto& to = crosswalk.to.id;
  auto org = store.organization(std::to_string(source.organization));
  if (!org) return fail_on(org.error());
  auto assessed = store.node_assessments(source.id);
  if (!assessed) return fail_on(assessed.error());

  // The destination: `into`, or "NAME on FRAMEWORK"; created unless it exists (or a dry run).
  ProfileProjection out;
  auto& dest = out.destination;
  auto name = into.empty() ? source.name + " on " + to : into;
  std::map<std::string, core::NodeAssessment> dest_rows;
  std::set<std::string> projected;
  // The organization by its id: its name could be a legacy one made of digits, which would read as
  // another organization's id.
  if (auto d = store.profile(std::to_string(org->id) + "/" + name)) {
    out.existed = true;
    dest = *d;
    auto bad_into = [](std::string message) {
      return fail_on(ProjectionField::k_into, util::ErrorCode::k_invalid_input, std::move(message));
    };
    if (dest.framework != to)
      return bad_into("profile " + dest.name + " is on " + dest.framework + ", not " + to);
    if (dest.scale != source.scale)
      return bad_into("profile " + dest.name + " is on scale " + dest.scale + " and " +
                      source.name + " on " + source.scale +
                      "; a projection copies levels, so the scales must be the same");
    auto rows = store.node_assessments(dest.id);
    if (!rows) return fail_on(rows.error());
    dest_rows = std::move(*rows);
    auto pn = store.projected_nodes(dest.id);
    if (!pn) return fail_on(pn.error());
    for (const auto& [node, version] : *pn) projected.insert(node);
  } else if (d.error().code != util::ErrorCode::k_not_found) {
    return fail_on(d.error());
  } else {
    dest.organization = source.organization;
    dest.name = name;
    dest.framework = to;
    dest.kind = source.kind;
    dest.scale = source.scale;
  }

  out.projection =
      core::project(catalog, crosswalk, *assessed, core::directly_assessed(dest_rows, projected));
  out.rows = core::projection_rows(out.projection, dest_rows, projected,
                                   "'" + source.name + "' (" + source.framework + ")");
  auto scale = store.scale(source.scale);
  if (!scale)
    return fail_on(util::Error{scale.error().code, "profile " + source.name + " is on scale '" +
                                                       source.scale +
                                                       "': " + scale.error().message});
  for (const auto& r : out.rows)
    if (auto v = core::validate(catalog, dest, *scale, r); !v) return fail_on(v.error());
  if (dry_run) return out;
  // One unit of work either way: a new destination is created with its rows or not at all.
  if (!out.existed) {
    auto made = store.create_projected_profile(actor, dest, out.rows, source.id);
    if (!made) return fail_on(made.error());
    out.destination = made->first;
    out.created = true;
    out.written = made->second;
    return out;
  }
  auto written = store.put_projected_assessments(actor, dest.id, out.rows, source.id);
  if (!written) return fail_on(written.error());
  out.written = *written;
  return out;
}

json crosswalk_entry_json(const core::CrosswalkEntry& e) {
  json hops = json::array();
  for (const auto& h : e.path)
    hops.push_back(json{{"mapping_set", h.mapping_set},
                        {"origin", std::string(core::to_string(h.origin))},
                        {"reversed", h.inverse},
                        {"from", json{{"catalog", h.from_catalog}, {"node", h.from_node}}},
                        {"to", json{{"catalog", h.to_catalog},
                                    {"node", h.to_node.empty() ? json(nullptr) : json(h.to_node)}}},
                        {"relationship", std::string(core::to_string(h.relationship))},
                        {"rationale", h.rationale}});
  json others = json::array();
  for (const auto& o : e.others)
    others.push_back(json{{"relationship", std::string(core::to_string(o.relationship))},
                          {"path", core::path_to_string(o.path)}});
  return json{{"source", e.source},
              {"target", e.target.empty() ? json(nullptr) : json(e.target)},
              {"relationship", std::string(core::to_string(e.relationship))},
              {"path", core::path_to_string(e.path)},
              {"hops", hops},
              {"paths", e.paths},
              {"conflict", e.conflict},
              {"other_paths", others}};
}

json projection_nodes_json(const core::Projection& projection) {
  json nodes = json::array();
  for (const auto& n : projection.nodes) {
    json sources = json::array();
    for (const auto& s : n.sources)
      sources.push_back(json{{"node", s.node},
                             {"relationship", std::string(core::to_string(s.relationship))},
                             {"level", s.level ? json(*s.level) : json(nullptr)},
                             {"not_applicable", s.not_applicable},
                             {"path", core::path_to_string(s.path)}});
    nodes.push_back(json{{"node", n.node},
                         {"outcome", std::string(core::to_string(n.outcome))},
                         {"level", n.level ? json(*n.level) : json(nullptr)},
                         {"not_applicable", n.not_applicable},
                         {"explanation", n.explanation},
                         {"sources", sources}});
  }
  return nodes;
}

json projection_summary_json(const ProfileProjection& result) {
  using O = core::ProjectionOutcome;
  return json{{"projected", result.count(O::k_projected)},
              {"partial", result.count(O::k_partial)},
              {"not_applicable", result.count(O::k_not_applicable)},
              {"left_unassessed", result.count(O::k_no_claim)},
              {"kept_direct", result.count(O::k_kept_direct)},
              {"rows_written", result.written},
              {"rows_to_write", result.rows.size()}};
}

}  // namespace cyberframe::workspace
