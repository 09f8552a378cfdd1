#pragma once
// The demo organization's documented information (`cyberframe demo`).

#include <cstdint>
#include <string>

#include "core/catalog.hpp"
#include "util/result.hpp"

namespace cyberframe::workspace {

class Workspace;

// A policy framework of 12 documents, DOC-001..DOC-012 (ISO/IEC 27003 Annex A: the information
// security policy and topic-specific policies under it), each with a small text file, published
// with a reviewer and an approver; DOC-007 overdue for review, DOC-002 with a revision in review,
// acknowledgements partly done; the organization's self-approval setting at forbid. Returns a
// line saying what was made.
util::Result<std::string> seed_demo_documents(Workspace& ws, const std::string& actor,
                                              const core::Catalog& catalog,
                                              std::int64_t organization);

}  // namespace cyberframe::workspace
