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

}  // namespace cyberframe::catalog
