#pragma once
// Mapping sets to and from OSCAL 1.2 mapping collections (docs/oscal-exchange.md).
//
// A mapping set is one mapping-collection holding one mapping: its source and target catalogs
// are back-matter resources (with the catalog item's id in a cyberframe prop), each
// relationship a map whose relationship is OSCAL's name for it (equal-to, equivalent-to,
// subset-of, superset-of, intersects-with), with the rationale in remarks. A no-relationship
// mapping (a source with no counterpart) has no target, which a map cannot express: it is in the
// mapping's source-gap-summary, its rationale in a prop. Provenance: method human (transcribed,
// user-authored) or automation (derived), matching-rationale semantic, status complete; the
// catalog file's provenance in props. UUIDs are name-based, so exports are reproducible.
//
// Pure functions of their arguments: no I/O.

#include <string>
#include <vector>

#include "core/catalog.hpp"
#include "oscal/document.hpp"
#include "util/result.hpp"

namespace cyberframe::oscal {

// OSCAL's relationship token for ours ("equal" -> "equal-to"), and back (nullopt if unknown).
std::string_view to_oscal_relationship(core::Relationship relationship);
std::optional<core::Relationship> from_oscal_relationship(std::string_view token);

struct MappingExportOptions {
  std::string last_modified;  // empty: export_timestamp()
};

// The mapping set as an OSCAL mapping-collection document ({"mapping-collection": {...}}).
// `catalog` names the source and target (titles); the set need not belong to it.
Json export_mapping_collection(const core::Catalog& catalog, const core::MappingSet& set,
                               const MappingExportOptions& options = {});

struct MappingImportOptions {
  std::string id;      // the set's id (with several mappings: -2, -3 ... for the others); empty:
                       // the recorded id, else from the title
  std::string source;  // catalog item the sources are in, "framework:ID" or "standard:ID";
                       // empty: the recorded one, else a framework or standard whose id is the
                       // href's file name without extension
  std::string target;  // the same for the targets
};

struct MappingImport {
  std::vector<core::MappingSet> sets;  // one per mapping of the collection
  std::vector<std::string> warnings;   // relationships that are kept but qualified, ...
};

// Reads a mapping collection. Errors (k_invalid_input, naming where): another model; no
// metadata title; an OSCAL version before 1.2; a mapping whose source or target catalog cannot
// be told (give --source/--target); a map without sources or targets; a relationship that is
// neither OSCAL's nor ours; a source or target that names neither a node of the framework nor a
// clause of a standard with a clause list in `known`.
util::Result<MappingImport> import_mapping_collection(const Document& document,
                                                      const core::Catalog& known,
                                                      const MappingImportOptions& options = {});

}  // namespace cyberframe::oscal
