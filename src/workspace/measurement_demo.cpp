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

const std::vector<DemoMeasurement>& demo_measurements() {
  static const std::vector<DemoMeasurement> k_list{
      {def("MEAS-001", "Patch compliance", "%", k_up, 95, 90),
       "Share of internet-facing and production systems with critical patches applied within 14 "
       "days of release",
       "Vulnerability scanner report at quarter end, systems compliant / systems in scope",
       "IT operations", "CISO"},
      {def("MEAS-002", "Phishing simulation click rate", "%", k_down, 5, 10),
       "Share of staff who clicked the link of the quarter's simulated phishing e-mail",
       "Phishing simulation platform, clicks / e-mails delivered", "Security awareness lead",
       "CISO"},
      {def("MEAS-003", "Backup restore success", "%", k_up, 98, 95),
       "Share of the quarter's restore tests of critical systems that succeeded within the RTO",
       "Restore test log, successful tests / tests run", "IT operations", "Head of IT"},
      {def("MEAS-004", "Mean time to contain incidents", "hours", k_down, 24, 48),
       "Mean time from detection to containment of the quarter's security incidents",
       "Incident register, mean of (contained at - detected at) over closed incidents",
       "Security operations", "CISO"},
      {def("MEAS-005", "Awareness training completion", "%", k_up, 95, 85),
       "Share of staff who completed the annual security awareness course",
       "Learning platform report, completed / enrolled", "HR", "Security awareness lead"},
      {def("MEAS-006", "Privileged accounts reviewed", "%", k_up, 100, 90),
       "Share of privileged accounts whose access was reviewed and confirmed in the quarter",
       "Identity management system's access review campaign", "Identity and access management",
       "CISO"},
  };
  return k_list;
}

const std::vector<DemoObjective>& demo_objectives() {
  auto obj = [](const char* ref, const char* meas, const char* due, const char* status,
                double target) {
    return core::ObjectiveInput{ref, meas, due, status, target};
  };
  static const std::vector<DemoObjective> k_list{
      {obj("OBJ-001", "MEAS-001", "2027-06-30", "on-track", 95),
       "Patch critical vulnerabilities promptly",
       "Apply critical patches within 14 days on at least 95% of systems",
       "Patch management tooling; 0.5 FTE in IT operations", "Head of IT",
       "Quarterly patch compliance (MEAS-001) against 95%"},
      {obj("OBJ-002", "MEAS-002", "2027-03-31", "on-track", 5), "Reduce susceptibility to phishing",
       "Bring the phishing simulation click rate below 5%",
       "Phishing simulation platform; quarterly campaigns", "Security awareness lead",
       "Quarterly click rate (MEAS-002) against 5%"},
      {obj("OBJ-003", "MEAS-003", "2027-03-31", "on-track", 98), "Reliable recovery from backups",
       "Succeed in at least 98% of restore tests of critical systems",
       "Backup platform; restore test time each quarter", "Head of IT",
       "Quarterly restore success (MEAS-003) against 98%"},
      {obj("OBJ-004", "MEAS-004", "2027-03-31", "at-risk", 24), "Contain incidents within a day",
       "Bring the mean time to contain security incidents to 24 hours or less",
       "Managed detection and response service; incident playbooks", "Security operations lead",
       "Quarterly mean time to contain (MEAS-004) against 24 hours"},
      {obj("OBJ-005", "MEAS-005", "2027-01-31", "on-track", 95), "Every employee trained",
       "Have 95% of staff complete the annual security awareness course",
       "Learning platform licences; one hour per employee", "HR director",
       "Completion (MEAS-005) against 95%"},
      {obj("OBJ-006", "MEAS-006", "2027-12-31", "on-track", 100), "Privileged access under control",
       "Review every privileged account each quarter", "Identity governance tool; reviewers' time",
       "IAM lead", "Quarterly review coverage (MEAS-006) against 100%"},
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
       {88.0, 91.5, 93.0, 95.5},
       {"Legacy SCADA gateways still waiting for vendor patches", "", "",
        "Gateways replaced; first quarter on target"}},
      {"MEAS-002",
       {12.4, 9.1, 7.2, 4.8},
       {"First campaign after the merger", "", "Targeted training for finance", ""}},
      {"MEAS-003", {96.0, 97.5, 100.0, 98.5}, {"", "", "", "One ERP restore exceeded its RTO"}},
      {"MEAS-004",
       {30.0, 26.0, 41.0, 57.5},
       {"", "", "Two incidents at the Leeds plant over a weekend",
        "Ransomware containment at Leeds took 5 days; MDR on-boarding delayed"}},
      {"MEAS-005", {72.0, 81.0, 88.0, 92.0}, {"Course launched in November", "", "", ""}},
      {"MEAS-006", {75.0, 90.0, 100.0, 100.0}, {"First review campaign", "", "", ""}},
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
