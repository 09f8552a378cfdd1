#pragma once
// The catalog files built into the binary (catalog/ of the source tree, embedded at build time).

#include <span>
#include <string_view>

namespace cyberframe::catalog {

struct EmbeddedFile {
  std::string_view
      path;  // relative to the source tree, e.g. "catalog/standards/iso-iec-27002-2013.yaml"
  std::string_view content;
};

std::span<const EmbeddedFile> builtin_files();
// Whether `path` is one of builtin_files() (the location of a built-in item).
bool is_builtin_file(std::string_view path);

// Built-in content says where it comes from and on what terms: every framework and mapping set of
// a built-in file must state the edition and the licence of its provenance (docs/catalog-format.md,
// "Provenance"); each one that does not adds an error to `result`. Items of other files (a user's
// catalog) may leave them out. load_builtin() and load() of the built-in catalog apply it.
struct LoadResult;
void check_builtin_provenance(LoadResult& result);

// Another file built into the binary (docs/openapi.json), or empty when there is none by that path.
std::string_view embedded_resource(std::string_view path);

}  // namespace cyberframe::catalog
