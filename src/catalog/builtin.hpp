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

// Another file built into the binary (docs/openapi.json), or empty when there is none by that path.
std::string_view embedded_resource(std::string_view path);

}  // namespace cyberframe::catalog
