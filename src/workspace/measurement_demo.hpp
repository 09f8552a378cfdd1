#pragma once
// The demo organization's measurement values (`cyberframe demo`): four quarter-end values of each
// of MEAS-001..MEAS-006, whose definitions (and the objectives OBJ-001..OBJ-006 that use them) the
// ISMS registers' demo makes (workspace/isms_demo.cpp); run after it.

#include <cstdint>
#include <string>
#include <vector>

#include "core/measurement.hpp"
#include "util/result.hpp"

namespace cyberframe::workspace {

class Workspace;

// The four quarter ends before 2026-12-07 (2025-12-31 .. 2026-09-30) of MEAS-001..MEAS-006: 24
// values; MEAS-004's latest breached (OBJ-004 off track), MEAS-003's and MEAS-006's latest
// warnings. Returns a
// line saying what was made.
util::Result<std::string> seed_demo_measurements(Workspace& ws, const std::string& actor,
                                                 std::int64_t organization);

}  // namespace cyberframe::workspace
