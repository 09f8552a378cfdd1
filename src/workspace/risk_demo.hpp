#pragma once
// The demo organization's risk management (`cyberframe demo`).

#include <cstdint>
#include <string>

#include "core/catalog.hpp"
#include "util/result.hpp"

namespace cyberframe::workspace {

class Workspace;

// About 40 assets, 25 risks across the levels with treatment plans, three own controls, four
// decisions (one gone stale, one acceptance expired) and the Statement of Applicability: version
// 1 approved, version 2 a draft. Returns a line saying what was made.
util::Result<std::string> seed_demo_risks(Workspace& ws, const std::string& actor,
                                          const core::Catalog& catalog, std::int64_t organization);

}  // namespace cyberframe::workspace
