#pragma once
// OSCAL documents in and out: JSON, XML and YAML, each read into one in-memory form, the
// canonical OSCAL JSON object model ({"catalog": {...}}, property names and arrays as OSCAL's
// JSON format defines them, markup-line and markup-multiline as Markdown strings). Every other
// part of `oscal` (profile resolution, the catalog/mapping/assessment exchanges) works on that
// form only; XML and YAML exist at the edges.
//
// The shape of every model (which XML element is which JSON property, what is an array, which
// flag is a key, which field is markup) comes from OSCAL's Metaschema, compiled into a table by
// scripts/gen-oscal-model and embedded in the binary: nothing is read from outside at run time.
//
// Safety: XML is parsed without network access, without loading DTDs, without substituting
// entities; a document that declares entities is refused (no billion laughs, no external
// entities). Every format is read under one budget (util/budget.hpp), checked while parsing:
// k_max_document_bytes, k_max_nodes (JSON values and keys, YAML nodes, XML elements, attributes
// and text runs) and model::k_max_depth levels of nesting. The largest NIST document (the SP
// 800-53 catalog) has a few hundred thousand nodes. Cost while reading: JSON and YAML are built
// straight into the JSON form (about 64 bytes a node: at most about 64 MiB at the limit), XML
// through libxml2's tree (about 120 to 220 bytes a node) and then the JSON form.

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "util/result.hpp"

namespace cyberframe::oscal {

using Json = nlohmann::ordered_json;

enum class Format { k_json, k_xml, k_yaml };
std::string_view to_string(Format format);
// "json", "xml", "yaml" (or "yml"), case-insensitive.
std::optional<Format> parse_format(std::string_view text);
// By file extension (.json, .xml, .yaml, .yml); nullopt for anything else.
std::optional<Format> format_from_path(const std::filesystem::path& path);

inline constexpr std::size_t k_max_document_bytes = 64u * 1024u * 1024u;
inline constexpr std::size_t k_max_nodes = 1000000;

// The root models OSCAL defines, by their root name: catalog, profile, mapping-collection,
// component-definition, system-security-plan, assessment-plan, assessment-results,
// plan-of-action-and-milestones.
bool is_model(std::string_view root_name);

struct Document {
  std::string model;               // the root name, e.g. "catalog"
  Json root;                       // {"<model>": {...}} in OSCAL JSON form
  Format format = Format::k_json;  // the format it was read from
  std::string source;              // file name or label, for messages
  // The model object itself ({...} under the root name).
  Json& body() { return root[model]; }
  const Json& body() const { return root.at(model); }
};

// What read() may let through. By default a document must state an oscal-version of major
// version 1; `lenient_version` also accepts a missing or non-numeric one (NIST's own
// profile-resolution fixtures write "TODO"), still refusing another major version.
struct ReadOptions {
  bool lenient_version = false;
  // Fewer nodes than k_max_nodes, where a document's cost must stay small (the server reads
  // uploads with a quarter of a million: tens of MiB at most, for XML too).
  std::size_t max_nodes = k_max_nodes;
};

// Reads one document. Errors name the source and where (line:column for JSON/XML/YAML syntax,
// a JSON-pointer-like path for structure) and what: malformed text, an unknown root (wrong
// model), an element or property the model does not define, entity declarations, too large.
util::Result<Document> read(std::string_view text, Format format, std::string_view source);
// Reads a file; the format from its extension, else sniffed from the first non-blank byte
// ('<' XML, '{' JSON, otherwise YAML).
util::Result<Document> read_file(const std::filesystem::path& path);
util::Result<Document> read(std::string_view text, Format format, std::string_view source,
                            const ReadOptions& options);
util::Result<Document> read_file(const std::filesystem::path& path, const ReadOptions& options);

// Writes a document in `format`: JSON pretty-printed (2 spaces), XML with the OSCAL namespace
// http://csrc.nist.gov/ns/oscal/1.0 and elements in the model's order, YAML block style.
std::string write(const Document& document, Format format);

// One finding of validate(): where (a path such as /catalog/groups/0/controls/3/id) and what.
struct Problem {
  std::string path;
  std::string message;
};
// Checks a document against its model (required fields, cardinalities, unknown properties,
// datatypes such as uuid, token, date-time, uri) and the referential rules the schema cannot
// express (unique ids and uuids, parameter insertions and links that point at something, a
// profile's with-id naming a control of its catalog when that catalog is given).
std::vector<Problem> validate(const Document& document);

}  // namespace cyberframe::oscal
