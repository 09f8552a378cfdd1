#pragma once
// Frameworks to and from OSCAL catalogs (docs/oscal-exchange.md).
//
// Out: a framework becomes an OSCAL 1.2.1 catalog the way NIST publishes CSF 2.0: each function
// is a group (class "function"), each category a control (class "category") and each
// subcategory and statement a control nested in its parent (class "subcategory", "statement").
// Ids stay the framework's own (a node id is an OSCAL token unless it starts with a digit, which
// gets a '_' in front); descriptions are "overview" (group) or "statement" (control) parts;
// references are links to one back-matter resource per cited standard, the clause in the link's
// resource-fragment; everything else the catalog file carries (provenance, source, notes,
// activities/inputs/outputs, node properties, conformance) is kept in props and parts of the
// cyberframe namespace, so importing the export gives the same framework. UUIDs are name-based
// (version 5), so the same framework always exports to the same document, bar last-modified.
//
// In: any OSCAL catalog (JSON form of document.hpp) becomes a framework: groups and controls
// nest into functions, categories, subcategories and statements by depth (a family, its controls
// and their enhancements are function, category and subcategory; anything deeper a statement);
// statement prose (with its items and parameters rendered as text) is the description,
// guidance the notes; withdrawn controls are skipped and counted.
//
// Everything here is a pure function of its arguments: no I/O.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/catalog.hpp"
#include "oscal/document.hpp"
#include "util/result.hpp"

namespace cyberframe::oscal {

// The OSCAL version every export declares (and is validated against: schemas/v1.2.1).
inline constexpr std::string_view k_export_oscal_version = "1.2.1";
// The namespace of cyberframe's own props and parts.
inline constexpr std::string_view k_cyberframe_ns = "urn:cyberframe:oscal";
// The class of the props that carry a node's properties (name and one value each).
inline constexpr std::string_view k_node_property_class = "node-property";

// An OSCAL string: one line (line breaks and tabs as spaces), no surrounding white space.
std::string one_line(std::string_view text);
// A lowercase id made of a title: letters and digits, every other run as one '-', no '-' at
// either end, at most 80 characters.
std::string slug(std::string_view text);
// "a" or "an" for a model name ("an assessment-results", "a profile"), for messages.
std::string article(std::string_view word);
// The array member `key` of a JSON object; an empty array when it is missing, not an array, or
// `object` is not an object.
const Json& array_at(const Json& object, std::string_view key);

// A version 5 (SHA-1, name-based) UUID of "urn:cyberframe:" + name in the URL namespace: the same
// name always gives the same UUID (python: uuid.uuid5(uuid.NAMESPACE_URL, "urn:cyberframe:" +
// name)).
std::string name_uuid(std::string_view name);

// A framework node id as an OSCAL token (ids starting with a digit get a leading '_'), and back.
std::string node_id_to_token(std::string_view node_id);
std::string token_to_node_id(std::string_view token);

// The timestamp exports put in last-modified when the caller gives none: SOURCE_DATE_EPOCH
// (reproducible builds) when set, else the current time; "YYYY-MM-DDTHH:MM:SSZ".
std::string export_timestamp();

// A prop {name, value, ns: k_cyberframe_ns}; nullopt when the value is empty. Values are OSCAL
// strings: line breaks become spaces and surrounding white space is trimmed.
std::optional<Json> cyberframe_prop(std::string_view name, std::string_view value);
// The value of the first prop named `name` in `props` (an array, or null) in namespace `ns`
// (empty: no ns, or the OSCAL namespace); nullopt when absent.
std::optional<std::string> find_prop(const Json& object, std::string_view name,
                                     std::string_view ns);

// Plain text as OSCAL markup-multiline (Markdown): each line its own paragraph, so line breaks
// survive XML (where a single newline inside a paragraph is only a space); and back.
std::string text_to_markdown(std::string_view text);
std::string markdown_to_text(std::string_view markdown);

struct CatalogExportOptions {
  std::string last_modified;  // empty: export_timestamp()
};

// The framework as an OSCAL catalog document ({"catalog": {...}}). `catalog` supplies the
// designations and clause titles of the cited standards. Never fails: every framework the loader
// accepted has what a catalog needs.
Json export_catalog(const core::Catalog& catalog, const core::Framework& framework,
                    const CatalogExportOptions& options = {});

struct CatalogImportOptions {
  std::string id;      // the framework id; empty: the id the export recorded, else from the
                       // source's file name, else from the title
  std::string source;  // the file it came from, for provenance and messages
};

struct CatalogImport {
  core::Framework framework;
  // Standards the framework cites that `known` lacks, made from the catalog's back-matter (open
  // standards: any clause may be cited). Write them next to the framework.
  std::vector<core::Standard> new_standards;
  std::string oscal_version;   // as the document declares it
  std::size_t groups = 0;      // groups read
  std::size_t controls = 0;    // controls read (including nested ones), withdrawn ones included
  std::size_t withdrawn = 0;   // controls skipped because their status is withdrawn
  std::size_t parameters = 0;  // parameter insertions rendered into text
  std::size_t links_not_imported = 0;  // links that are not cyberframe references
  std::vector<std::string> warnings;   // ids changed to fit, levels that did not fit, ...
};

// Reads an OSCAL catalog into a framework. Errors (k_invalid_input, naming where): the document
// is not a catalog (another model), has no metadata title, declares no oscal-version or one of a
// major version other than 1, has a group or control without an id or title, or has no control
// or group at all; an id that cannot be made a node id.
util::Result<CatalogImport> import_catalog(const Document& document, const core::Catalog& known,
                                           const CatalogImportOptions& options = {});

// The standards `framework` needs in a catalog directory of its own: every standard it cites,
// with those they mirror (annex) and name as successor, taken from `known` or `extra`, in id
// order.
std::vector<core::Standard> standards_needed(const core::Framework& framework,
                                             const core::Catalog& known,
                                             const std::vector<core::Standard>& extra);

}  // namespace cyberframe::oscal
