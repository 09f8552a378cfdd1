#pragma once
// Derivation of a framework through edition mapping sets (docs/catalog-format.md, "Edition
// mappings"): the tree of the source framework with every reference rewritten to the new
// editions, and a change record for every reference that did not simply keep its number.

#include "core/catalog.hpp"

namespace cyberframe::core {

// Builds the framework that `spec` (a framework with `derivation` set and no nodes) describes.
// REQUIRES: catalog holds spec.derivation->from, the mapping sets and the standards they name.
// Errors: k_not_found when one of them is missing.
util::Result<Framework> derive_framework(const Catalog& catalog, const Framework& spec);

}  // namespace cyberframe::core
