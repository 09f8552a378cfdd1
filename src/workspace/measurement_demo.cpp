#include "workspace/measurement_demo.hpp"

#include "workspace/measurements.hpp"

namespace cyberframe::workspace {

util::Result<std::string> seed_demo_measurements(Workspace& ws, const std::string& actor,
                                                 std::int64_t organization) {
  static const char* const k_dates[] = {"2025-12-31", "2026-03-31", "2026-06-30", "2026-09-30"};
  struct Series {
    const char* ref;
    double values[4];
    const char* notes[4];
  };
  static const Series k_series[] = {
      {"MEAS-001",
       {12.4, 9.1, 7.2, 4.8},
       {"First simulation after the merger", "", "Targeted training for finance", ""}},
      {"MEAS-002",
       {88.0, 91.5, 93.0, 95.5},
       {"Legacy SCADA gateways still waiting for vendor patches", "", "",
        "Gateways replaced; first quarter on target"}},
      {"MEAS-003", {72.0, 81.0, 88.0, 92.0}, {"Course launched in November", "", "", ""}},
      {"MEAS-004",
       {60.0, 48.0, 70.0, 96.0},
       {"", "", "Two incidents at the Leeds plant over a weekend",
        "Ransomware at Leeds found after four days; OT monitoring not yet live"}},
      {"MEAS-005", {90.0, 95.0, 100.0, 100.0}, {"ERP restore exceeded its RTO", "", "", ""}},
      {"MEAS-006", {55.0, 62.0, 74.0, 81.0}, {"Questionnaire introduced", "", "", ""}},
  };
  std::vector<core::MeasurementValue> values;
  for (const auto& s : k_series)
    for (int q = 0; q < 4; ++q) {
      core::MeasurementValue v;
      v.measurement = s.ref;
      v.date = k_dates[q];
      v.value = s.values[q];
      v.note = s.notes[q];
      values.push_back(std::move(v));
    }
  auto stored = store_measurement_values(ws, actor, organization, values);
  if (!stored) return std::unexpected(stored.error());
  return std::to_string(values.size()) + " values of " + std::to_string(std::size(k_series)) +
         " measurements over four quarters (MEAS-004 past its threshold: OBJ-004 off track)";
}

}  // namespace cyberframe::workspace
