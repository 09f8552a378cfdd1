#pragma once
// ISO/IEC TS 27110 conformance of a framework (docs/catalog-format.md, "TS 27110 conformance").

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

}  // namespace cyberframe::catalog
