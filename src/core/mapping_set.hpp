#pragma once
// A mapping set an organization keeps in its workspace. Plain values, no I/O.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/catalog.hpp"

namespace cyberframe::core {

// A mapping of a workspace mapping set (one source, one or more targets, or none for
// no-relationship), with its own version for optimistic concurrency.
struct WorkspaceMapping {
  std::int64_t id = 0;
  std::string source;
  std::vector<std::string> targets;
  Relationship relationship = Relationship::k_equivalent;
  std::string rationale;
  std::int64_t version = 0;
};

// A mapping set an organization keeps in its workspace (docs/crosswalks.md): the catalog's
// mapping-set model plus record ids, versions and who changed it last. Its version moves with every
// change to it or to one of its mappings.
struct WorkspaceMappingSet {
  std::int64_t id = 0;
  std::int64_t organization = 0;
  std::string name;  // a catalog-style id (lowercase letters, digits, '-', '.'; not only digits),
                     // unique per organization
  std::string title;
  CatalogItemRef source;
  CatalogItemRef target;
  std::string notes;  // provenance notes: where the relationships come from
  std::int64_t version = 0;
  std::string created_at;
  std::string updated_at;
  std::string updated_by;
  std::vector<WorkspaceMapping> mappings;  // in the order they were added
};

// The set in the catalog's model (id = name, provenance user-authored), for the crosswalk engine
// and the catalog-format writer.
MappingSet to_mapping_set(const WorkspaceMappingSet& set);
// The reverse, for imports: every mapping with one target list as in the file.
WorkspaceMappingSet from_mapping_set(const MappingSet& set, std::int64_t organization);

}  // namespace cyberframe::core
