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

// Builds the framework that `spec` (a framework with `selection` set and no nodes) describes:
// the tree of selection->from pruned to the chosen nodes, the statements under them (their
// items) and their ancestors (kept as structure, not assessed: core::assessed_directly). The
// framework's assessment rule is that of `from`.
// REQUIRES: catalog holds spec.selection->from. Errors: k_not_found for a chosen node that
// `from` lacks, or a chosen statement (items come with their node, they are not chosen alone).
util::Result<Framework> select_framework(const Catalog& catalog, const Framework& spec);

}  // namespace cyberframe::core
