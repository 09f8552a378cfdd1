#include "core/mapping_set.hpp"

namespace cyberframe::core {

MappingSet to_mapping_set(const WorkspaceMappingSet& set) {
  MappingSet out;
  out.id = set.name;
  out.title = set.title;
  out.source = set.source;
  out.target = set.target;
  out.purpose = Purpose::k_crosswalk;
  out.provenance.source = "workspace mapping set " + std::to_string(set.id);
  out.provenance.method = Method::k_user_authored;
  out.provenance.notes = set.notes;
  for (const auto& m : set.mappings)
    out.mappings.push_back(Mapping{m.source, m.targets, m.relationship, m.rationale, {}});
  return out;
}

WorkspaceMappingSet from_mapping_set(const MappingSet& set, std::int64_t organization) {
  WorkspaceMappingSet out;
  out.organization = organization;
  out.name = set.id;
  out.title = set.title;
  out.source = set.source;
  out.target = set.target;
  out.notes = set.provenance.notes;
  for (const auto& m : set.mappings)
    out.mappings.push_back(
        WorkspaceMapping{0, m.source, m.targets, m.relationship, m.rationale, 0});
  return out;
}

}  // namespace cyberframe::core
