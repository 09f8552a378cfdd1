#include "workspace/measurement_demo.hpp"

#include "workspace/measurements.hpp"

namespace cyberframe::workspace {

namespace {

core::MeasurementDefinition def(const char* ref, const char* title, const char* unit,
                                core::Direction direction, double target, double threshold) {
  return core::MeasurementDefinition{ref, title, unit, "quarterly", direction, target, threshold};
}

constexpr auto k_up = core::Direction::k_higher_is_better;
constexpr auto k_down = core::Direction::k_lower_is_better;

}  // namespace

// The same measurements and objectives as the ISMS registers' demo (workspace/isms_demo.cpp).
const std::vector<DemoMeasurement>& demo_measurements() {
  static const std::vector<DemoMeasurement> k_list{
      {def("MEAS-001", "Phishing simulation click rate", "%", k_down, 5, 10),
       "Share of staff who click the link of the quarterly phishing simulation",
       "Counted from the system of record each quarter", "IT operations manager", "CISO"},
      {def("MEAS-002", "Critical patches within 14 days", "%", k_up, 95, 85),
       "Share of critical patches applied to servers and endpoints within 14 days",
       "Counted from the system of record each quarter", "IT operations manager", "CISO"},
      {def("MEAS-003", "Awareness training completion", "%", k_up, 95, 80),
       "Share of staff who completed the annual awareness training",
       "Counted from the system of record each quarter", "HR manager", "CISO"},
      {def("MEAS-004", "Mean time to detect", "hours", k_down, 24, 72),
       "Mean time from compromise to detection", "Counted from the system of record each quarter",
       "Managed SOC", "CISO"},
      {def("MEAS-005", "Successful restore tests", "%", k_up, 100, 90),
       "Share of quarterly restore tests that restore within the RTO",
       "Counted from the system of record each quarter", "IT operations manager", "CISO"},
      {def("MEAS-006", "Suppliers assessed", "%", k_up, 90, 70),
       "Share of critical suppliers with a current security assessment",
       "Counted from the system of record each quarter", "Procurement manager", "CISO"},
  };
  return k_list;
}

const std::vector<DemoObjective>& demo_objectives() {
  auto obj = [](const char* ref, const char* meas, const char* due, const char* status,
                double target) {
    return core::ObjectiveInput{ref, meas, due, status, target};
  };
  static const std::vector<DemoObjective> k_list{
      {obj("OBJ-001", "MEAS-001", "2027-03-31", "on-track", 5), "Halve the phishing click rate",
       "Quarterly simulations with just-in-time training",
       "Within the security budget for 2026-2027", "CISO",
       "Quarterly value of the measurement against its target, in the management review"},
      {obj("OBJ-002", "MEAS-002", "2027-06-30", "on-track", 95),
       "Patch critical vulnerabilities within 14 days",
       "Automated patch deployment; weekly exception review",
       "Within the security budget for 2026-2027", "IT operations manager",
       "Quarterly value of the measurement against its target, in the management review"},
      {obj("OBJ-003", "MEAS-003", "2026-12-31", "on-track", 95), "Every employee trained each year",
       "Annual e-learning plus induction training", "Within the security budget for 2026-2027",
       "HR manager",
       "Quarterly value of the measurement against its target, in the management review"},
      {obj("OBJ-004", "MEAS-004", "2026-12-31", "at-risk", 24), "Detect attacks within a day",
       "Managed SOC with OT monitoring at both plants", "Within the security budget for 2026-2027",
       "CISO", "Quarterly value of the measurement against its target, in the management review"},
      {obj("OBJ-005", "MEAS-005", "2027-03-31", "on-track", 100),
       "Restore any critical system within its RTO",
       "Quarterly restore tests of ERP, portal and plant historians",
       "Within the security budget for 2026-2027", "IT operations manager",
       "Quarterly value of the measurement against its target, in the management review"},
      {obj("OBJ-006", "MEAS-006", "2027-09-30", "planned", 90), "Assess every critical supplier",
       "Security questionnaire and evidence review before renewal",
       "Within the security budget for 2026-2027", "Procurement manager",
       "Quarterly value of the measurement against its target, in the management review"},
  };
  return k_list;
}

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
