#pragma once
// ISO/IEC TS 27110 conformance of a framework (docs/catalog-format.md, "TS 27110 conformance").

#include <optional>
#include <string>
#include <vector>

#include "catalog/loader.hpp"
#include "core/catalog.hpp"

namespace cyberframe::catalog {

struct ConformanceReport {
  std::string framework;
  bool applicable = true;  // false for conformance: none
  std::vector<std::string> concepts_present;
  std::vector<std::string> concepts_missing;
  std::size_t functions = 0, categories = 0, subcategories = 0, statements = 0;
  std::size_t subcategories_without_references = 0;
  std::vector<Diagnostic> findings;  // errors make it non-conformant; warnings do not

  bool conformant() const;
};

// Checks one framework of a loaded catalog.
ConformanceReport check_conformance(const core::Catalog& catalog, const core::Framework& framework);

// What a check of one file of a loaded catalog found (cyberframe catalog check, the framework
// editor's live check): its diagnostics (the loader's and, for a framework, the TS 27110
// conformance findings), in line order.
struct FileCheck {
  std::string file;
  bool loaded = false;      // it contributed its item to the catalog
  bool unreadable = false;  // not even read as a YAML document
  std::string framework;    // the framework it declared, when it loaded one
  std::string item;  // the standard, mapping set, risk criteria or threat catalogue it declared
  std::vector<Diagnostic> diagnostics;
  std::size_t errors = 0, warnings = 0;
  std::optional<ConformanceReport> conformance;  // a framework's
};
FileCheck check_file(const LoadResult& result, const std::string& file);

}  // namespace cyberframe::catalog
