#pragma once
// Writes catalog items out: JSON trees (the export format of docs/user-guide.md), YAML in the
// catalog file format (which loads back to the same item), and CSV tables.

#include <nlohmann/json.hpp>

#include <string>

#include "catalog/conformance.hpp"
#include "core/catalog.hpp"

namespace cyberframe::catalog {

// One reference: { standard (designation as printed), clause (or null), standard_id, ... }.
nlohmann::json reference_to_json(const core::Catalog& catalog, const core::Reference& ref);
// One node with its references; with its subtree when `with_children`.
nlohmann::json node_to_json(const core::Catalog& catalog, const core::Node& node,
                            bool with_children);
// The whole framework as a tree, with provenance and, for a derived one, its change report.
nlohmann::json framework_to_json(const core::Catalog& catalog, const core::Framework& fw);
nlohmann::json standard_to_json(const core::Standard& s);
nlohmann::json mapping_set_to_json(const core::MappingSet& set);
nlohmann::json change_to_json(const core::Catalog& catalog, const core::ReferenceChange& change);
// Risk criteria: { id, name, version, description, likelihood: [{value, name, meaning}],
// consequence_types: [{id, name, points}], levels: [{id, name, colour, acceptance,
// review_months}], matrix: [[level id, ...], ...] (likelihood 1 first), assessment_criteria,
// source }; a built-in set's `provenance` is added by the caller.
nlohmann::json risk_criteria_to_json(const core::RiskCriteria& criteria);
// A threat catalogue: { id, title, source, licence, provenance, categories, groups: [{id, title,
// threats}], threats: [{id, name, category, description, source}] }.
nlohmann::json threat_catalogue_to_json(const core::CatalogThreatCatalogue& catalogue);
nlohmann::json provenance_json(const core::Provenance& provenance);

// The framework in the catalog file format (a derived framework is written out with its nodes).
std::string framework_to_yaml(const core::Framework& fw);
std::string standard_to_yaml(const core::Standard& s);
// The framework as a catalog file's document in JSON (the framework editor's model: the same
// keys as the YAML, which json_to_yaml writes back); a derived or selected framework with its
// nodes written out.
nlohmann::json framework_to_document(const core::Framework& fw);
std::string mapping_set_to_yaml(const core::MappingSet& set);

// One row per node: id,level,parent,title,description,references.
std::string framework_to_csv(const core::Catalog& catalog, const core::Framework& fw);
// One row per relationship: source,target,relationship,rationale.
std::string mapping_set_to_csv(const core::MappingSet& set);

// {severity, file, line, column, message}.
nlohmann::json diagnostic_to_json(const Diagnostic& d);
// {applicable, conformant (null when not applicable; false when the file did not load),
// concepts_present, concepts_missing, functions, categories, subcategories, statements,
// subcategories_without_references}: catalog check's ts_27110.
nlohmann::json conformance_to_json(const ConformanceReport& report, bool loaded);

// Any JSON value as YAML (used for --format yaml of command output).
std::string json_to_yaml(const nlohmann::json& value);

// "ISO/IEC 27002:2013 12.6.1" (the printed designation when the source misprinted it).
std::string reference_label(const core::Catalog& catalog, const core::Reference& ref);

}  // namespace cyberframe::catalog
