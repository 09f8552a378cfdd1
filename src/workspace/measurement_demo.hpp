#pragma once
// The demo organization's measurements (`cyberframe demo`): the definitions of MEAS-001..MEAS-006
// and the objectives OBJ-001..OBJ-006 that use them (one place, which the ISMS registers' demo
// reads for the records it makes), and four quarter-end values of each.

#include <cstdint>
#include <string>
#include <vector>

#include "core/measurement.hpp"
#include "util/result.hpp"

namespace cyberframe::workspace {

class Workspace;

// One demo measurement of the `measurements` register, with what the register keeps beyond the
// definition (what is measured, the method, who measures and who analyses).
struct DemoMeasurement {
  core::MeasurementDefinition definition;  // ref, title, unit, frequency, direction, target,
                                           // threshold
  std::string what;
  std::string method;
  std::string measured_by;
  std::string analysed_by;
};

// One demo objective of the `objectives` register (OBJ-00N uses MEAS-00N).
struct DemoObjective {
  core::ObjectiveInput objective;  // ref, measurement, due date, status, target
  std::string title;
  std::string what;         // 6.2 f
  std::string resources;    // 6.2 g
  std::string responsible;  // 6.2 h
  std::string evaluation;   // 6.2 j
};

const std::vector<DemoMeasurement>& demo_measurements();
const std::vector<DemoObjective>& demo_objectives();

// The four quarter ends before 2026-12-07 (2025-12-31 .. 2026-09-30) of MEAS-001..MEAS-006: 24
// values; MEAS-004's latest breached (OBJ-004 off track), MEAS-005's latest a warning. Returns a
// line saying what was made.
util::Result<std::string> seed_demo_measurements(Workspace& ws, const std::string& actor,
                                                 std::int64_t organization);

}  // namespace cyberframe::workspace
