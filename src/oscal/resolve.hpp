#pragma once
// OSCAL profile resolution as NIST's specification defines it
// (profile-resolution-specml.xml): a profile and the catalogs and profiles it imports become one
// catalog. Import (include-all, include-controls with-ids / matching globs, with-child-controls,
// exclude-controls, profiles importing profiles), merge (combine keep / use-first, flat, as-is,
// custom groups with insert-controls), modify (set-parameters, alters with removes and adds),
// back-matter, metadata, and the pruning of loose parameters and unreferenced resources.
//
// Everything works on the canonical OSCAL JSON form of document.hpp, so a profile and each of
// its imports may be JSON, XML or YAML independently; the result is written with oscal::write.
//
// docs/oscal-profile-resolution.md says what is implemented, where the implementation departs
// from the specification, and which of NIST's own tests pass.

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "oscal/document.hpp"
#include "util/result.hpp"

namespace cyberframe::oscal {

// Fetches the document an import names. `href` is a URI reference exactly as written in the
// import (or in the rlink of the back-matter resource a "#uuid" import points to; fragments are
// resolved before the loader is called); `importer` is the document holding it, whose `source`
// is the base for relative references. The returned document's `source` must identify it
// uniquely (e.g. a normalised path): it names it in messages and detects circular imports.
using Loader =
    std::function<util::Result<Document>(const std::string& href, const Document& importer)>;

// The default loader: a relative href (or a file: URI) is a file path relative to the
// importer's folder, read with read_file() in whatever format it is. Any other scheme (http,
// https, ...) is refused with an error: resolution never touches the network.
Loader file_loader();

struct ResolveOptions {
  Loader loader;                      // empty: file_loader()
  std::string resolution_source;      // href of the metadata link "resolution-source"; empty: the
                                      // profile's source
  std::string last_modified;          // metadata last-modified; empty: export_timestamp()
  std::string uuid;                   // the catalog's uuid; empty: a random version 4 UUID
  std::size_t max_import_depth = 32;  // profiles importing profiles, deeper is an error
};

struct Resolution {
  Document catalog;                   // model "catalog", format = the profile's format
  std::vector<std::string> warnings;  // what the specification says SHOULD be reported: a
                                      // set-parameter or alter naming nothing, an empty
                                      // matching, clashing ids under combine keep, ...
};

// Resolves `profile`. Errors (nothing is produced): the document is not a profile; it imports
// nothing; an import cannot be fetched or read (the message names the chain of imports that led
// there); an import is circular; an import is neither a catalog nor a profile; a "#uuid" import
// names no resource, or one with neither rlink nor base64; merge gives more than one structuring
// directive; the OSCAL major versions differ; a directive is malformed (e.g. a with-ids that is
// not a list of strings).
util::Result<Resolution> resolve(const Document& profile, const ResolveOptions& options = {});

// Reads the profile from `path` with read_file() and resolves it.
util::Result<Resolution> resolve_file(const std::filesystem::path& path,
                                      const ResolveOptions& options = {});

// Glob matching as the specification's `matching` uses it: `*` any run of characters, `?` one
// character, `[...]` a set; everything else literal.
bool glob_match(std::string_view pattern, std::string_view text);

}  // namespace cyberframe::oscal
