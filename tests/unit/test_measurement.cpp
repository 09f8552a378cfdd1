// The rules of measurement values (core/measurement.hpp): a value's status against target and
// threshold in both directions and at their edges, the trend of a series, an objective's
// progress, and the import of values from CSV (exchange/measurement_table.hpp) with every bad row
// named and nothing kept.
#include <gtest/gtest.h>

#include "core/measurement.hpp"
#include "exchange/measurement_table.hpp"
#include "report/measurement_chart.hpp"

namespace cyberframe::core {
namespace {

constexpr auto up = Direction::k_higher_is_better;
constexpr auto down = Direction::k_lower_is_better;

TEST(MeasurementEvaluation, HigherIsBetterWithItsEdges) {
  EXPECT_EQ(evaluate(96, up, 95, 90), ValueStatus::k_met);
  EXPECT_EQ(evaluate(95, up, 95, 90), ValueStatus::k_met);  // the target itself is met
  EXPECT_EQ(evaluate(94.99, up, 95, 90), ValueStatus::k_warning);
  EXPECT_EQ(evaluate(90, up, 95, 90), ValueStatus::k_warning);  // the threshold is a warning
  EXPECT_EQ(evaluate(89.99, up, 95, 90), ValueStatus::k_breached);
  EXPECT_EQ(evaluate(-5, up, 0, -1), ValueStatus::k_breached);
}

TEST(MeasurementEvaluation, LowerIsBetterWithItsEdges) {
  EXPECT_EQ(evaluate(20, down, 24, 48), ValueStatus::k_met);
  EXPECT_EQ(evaluate(24, down, 24, 48), ValueStatus::k_met);
  EXPECT_EQ(evaluate(24.5, down, 24, 48), ValueStatus::k_warning);
  EXPECT_EQ(evaluate(48, down, 24, 48), ValueStatus::k_warning);
  EXPECT_EQ(evaluate(57.5, down, 24, 48), ValueStatus::k_breached);
}

TEST(MeasurementEvaluation, WithoutTargetNothingWithoutThresholdAMissIsBreached) {
  EXPECT_EQ(evaluate(50, up, std::nullopt, 40), std::nullopt);
  EXPECT_EQ(evaluate(94, up, 95, std::nullopt), ValueStatus::k_breached);
  EXPECT_EQ(evaluate(95, up, 95, std::nullopt), ValueStatus::k_met);
  // A threshold on the target's good side is no warning band; the definition is refused.
  EXPECT_EQ(evaluate(94, up, 95, 99), ValueStatus::k_breached);
  MeasurementDefinition d{"MEAS-001", "", "%", "quarterly", up, 95, 99};
  EXPECT_FALSE(validate(d));
  d.threshold = 90;
  EXPECT_TRUE(validate(d));
  d.direction = down;
  EXPECT_FALSE(validate(d));
}

TEST(MeasurementTrend, ImprovingStableOrWorseningInTheMeasurementsDirection) {
  EXPECT_EQ(trend({}, up, 95), Trend::k_unknown);
  EXPECT_EQ(trend({90}, up, 95), Trend::k_unknown);
  EXPECT_EQ(trend({88, 91.5, 93, 95.5}, up, 95), Trend::k_improving);
  EXPECT_EQ(trend({88, 91.5, 93, 95.5}, down, 95), Trend::k_worsening);
  EXPECT_EQ(trend({30, 26, 41, 57.5}, down, 24), Trend::k_worsening);
  EXPECT_EQ(trend({12.4, 9.1, 7.2, 4.8}, down, 5), Trend::k_improving);
  EXPECT_EQ(trend({100, 100.2, 99.9, 100.1}, up, 100), Trend::k_stable);
  // Only the newest four count.
  EXPECT_EQ(trend({0, 100, 100, 100, 100}, up, 100), Trend::k_stable);
}

TEST(MeasurementValues, RefsDatesNumbersAndNotesAreChecked) {
  EXPECT_TRUE(is_measurement_ref("MEAS-001"));
  EXPECT_TRUE(is_measurement_ref("meas-123456"));
  EXPECT_FALSE(is_measurement_ref("MEAS-01"));
  EXPECT_FALSE(is_measurement_ref("MEAS-1234567"));
  EXPECT_FALSE(is_measurement_ref("OBJ-001"));
  EXPECT_FALSE(is_measurement_ref("MEAS-00x"));
  EXPECT_EQ(canonical_measurement_ref("meas-007"), "MEAS-007");
  MeasurementValue v{0, 1, "MEAS-001", "2026-09-30", 93.5, "", 0, "", ""};
  EXPECT_TRUE(validate(v));
  v.date = "2026-02-29";
  auto bad = validate(v);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().field, "date");
  v.date = "2026-09-30";
  v.note = std::string(k_max_note_bytes + 1, 'x');
  EXPECT_EQ(validate(v).error().field, "note");
  EXPECT_EQ(parse_value(" 93.5 "), 93.5);
  EXPECT_EQ(parse_value("+2"), 2);
  EXPECT_EQ(parse_value("1e3"), 1000);
  EXPECT_EQ(parse_value("93,5"), std::nullopt);
  EXPECT_EQ(parse_value("93.5%"), std::nullopt);
  EXPECT_EQ(parse_value("nan"), std::nullopt);
  EXPECT_EQ(parse_value("inf"), std::nullopt);
  EXPECT_EQ(parse_value(""), std::nullopt);
  EXPECT_EQ(number_text(93.5), "93.5");
  EXPECT_EQ(number_text(12), "12");
}

class ObjectiveProgressTest : public ::testing::Test {
 protected:
  MeasurementDefinition def{"MEAS-004", "MTTC", "hours", "quarterly", down, 24, 48};
  ObjectiveInput objective{"OBJ-004", "MEAS-004", "2027-03-31", "at-risk", 24};
  std::vector<MeasurementValue> series(std::initializer_list<std::pair<const char*, double>> v) {
    std::vector<MeasurementValue> out;
    for (auto [date, n] : v) out.push_back({0, 1, "MEAS-004", date, n, "", 1, "", ""});
    return out;
  }
};

TEST_F(ObjectiveProgressTest, TheLatestValueBreachedIsOffTrack) {
  auto p = objective_progress(objective, def, series({{"2026-06-30", 41}, {"2026-09-30", 57.5}}),
                              "2026-12-07");
  EXPECT_EQ(p.progress, Progress::k_off_track);
  EXPECT_NE(p.reason.find("past the threshold"), std::string::npos) << p.reason;
  EXPECT_EQ(p.latest_status, ValueStatus::k_breached);
}

TEST_F(ObjectiveProgressTest, AWarningIsStillOnTrack) {
  auto p = objective_progress(objective, def, series({{"2026-09-30", 30}}), "2026-12-07");
  EXPECT_EQ(p.progress, Progress::k_on_track);
  EXPECT_EQ(p.latest_status, ValueStatus::k_warning);
}

TEST_F(ObjectiveProgressTest, TheObjectivesOwnTargetIsUsed) {
  objective.target = 12;  // stricter than the measurement's 24: 20 hours is a warning
  auto p = objective_progress(objective, def, series({{"2026-09-30", 20}}), "2026-12-07");
  EXPECT_EQ(p.latest_status, ValueStatus::k_warning);
}

TEST(ObjectiveTarget, TheNumberTheTextStartsWithAfterAComparison) {
  EXPECT_EQ(parse_objective_target("5 %"), 5);
  EXPECT_EQ(parse_objective_target("  <= 24 hours"), 24);
  EXPECT_EQ(parse_objective_target(">=99.5%"), 99.5);
  EXPECT_EQ(parse_objective_target("\u2265 90"), 90);
  EXPECT_EQ(parse_objective_target("-2 incidents"), -2);
  EXPECT_EQ(parse_objective_target("+3"), 3);
  // Text that does not start with a number sets no target of its own, even when a number follows:
  // "Q3" is no target of 3, and a date is none of 2026.
  EXPECT_EQ(parse_objective_target("Q3 2026: 95 %"), std::nullopt);
  EXPECT_EQ(parse_objective_target("by 2026-12-31"), std::nullopt);
  EXPECT_EQ(parse_objective_target("half of today's"), std::nullopt);
  EXPECT_EQ(parse_objective_target(""), std::nullopt);
  EXPECT_EQ(parse_objective_target("<="), std::nullopt);
}

TEST_F(ObjectiveProgressTest, NoValueInTheLastTwoPeriodsIsOffTrack) {
  auto p = objective_progress(objective, def, series({{"2026-06-30", 20}}), "2026-12-07");
  EXPECT_EQ(p.progress, Progress::k_on_track);  // 160 days: within two quarters (184)
  p = objective_progress(objective, def, series({{"2026-03-31", 20}}), "2026-12-07");
  EXPECT_EQ(p.progress, Progress::k_off_track);
  EXPECT_NE(p.reason.find("last two periods"), std::string::npos) << p.reason;
}

TEST_F(ObjectiveProgressTest, DueDatePassedNotAchievedIsOffTrackAchievedIsOnTrack) {
  objective.due_date = "2026-11-30";
  auto p = objective_progress(objective, def, series({{"2026-09-30", 20}}), "2026-12-07");
  EXPECT_EQ(p.progress, Progress::k_off_track);
  EXPECT_NE(p.reason.find("2026-11-30"), std::string::npos);
  objective.status = "achieved";
  EXPECT_EQ(objective_progress(objective, def, {}, "2026-12-07").progress, Progress::k_on_track);
  objective.due_date = "2026-12-07";  // due today: not passed
  objective.status = "on-track";
  EXPECT_EQ(objective_progress(objective, def, series({{"2026-09-30", 20}}), "2026-12-07").progress,
            Progress::k_on_track);
}

TEST_F(ObjectiveProgressTest, NoValuesIsNoData) {
  auto p = objective_progress(objective, def, {}, "2026-12-07");
  EXPECT_EQ(p.progress, Progress::k_no_data);
  EXPECT_EQ(p.reason, "no value of MEAS-004 is recorded");
  objective.status = "abandoned";
  EXPECT_EQ(objective_progress(objective, def, series({{"2026-09-30", 99}}), "2026-12-07").progress,
            Progress::k_no_data);
}

TEST(MeasurementImport, EveryBadRowIsNamedAndNothingKept) {
  std::string csv =
      "measurement,date,value,note\r\n"
      "MEAS-001,2026-09-30,93.5,good\r\n"
      "MEAS-1,2026-09-30,1,\r\n"
      "MEAS-002,2026-02-30,1,\r\n"
      "MEAS-003,2026-09-30,93,5%,\r\n"
      "MEAS-004,2026-09-30,abc,\r\n"
      "meas-001,2026-09-30,94,\r\n";
  auto r = exchange::import_measurement_values(exchange::TableFormat::k_csv, csv);
  EXPECT_TRUE(r.rows.empty());
  ASSERT_GE(r.errors.size(), 4u);
  EXPECT_EQ(r.errors[0].row, 3u);
  EXPECT_EQ(r.errors[0].column, "measurement");
  EXPECT_EQ(r.errors[1].row, 4u);
  EXPECT_EQ(r.errors[1].column, "date");
  bool value_error = false, duplicate = false;
  for (const auto& e : r.errors) {
    if (e.row == 6 && e.column == "value") value_error = true;
    if (e.row == 7 && e.message.find("row 2") != std::string::npos) duplicate = true;
  }
  EXPECT_TRUE(value_error);
  EXPECT_TRUE(duplicate);
}

TEST(MeasurementImport, GoodRowsRoundTripThroughTheExport) {
  std::string csv = "Date,Measurement,Value\nmeas-002,2026-09-30,4.8\n";
  auto bad = exchange::import_measurement_values(exchange::TableFormat::k_csv, csv);
  EXPECT_FALSE(bad.errors.empty());  // columns by name: the date column holds a ref here
  csv = "Date,Measurement,Value\n2026-09-30,meas-002,4.8\n2026-06-30,MEAS-002,7.2\n";
  auto r = exchange::import_measurement_values(exchange::TableFormat::k_csv, csv);
  ASSERT_TRUE(r.errors.empty()) << r.errors[0].to_string();
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_EQ(r.rows[0].value.measurement, "MEAS-002");
  EXPECT_EQ(r.rows[0].value.value, 4.8);
  std::vector<MeasurementValue> values;
  for (const auto& row : r.rows) values.push_back(row.value);
  auto out = exchange::export_measurement_values(values, exchange::TableFormat::k_csv);
  auto again = exchange::import_measurement_values(exchange::TableFormat::k_csv, out);
  ASSERT_TRUE(again.errors.empty());
  EXPECT_EQ(again.rows.size(), 2u);
  auto xlsx = exchange::export_measurement_values(values, exchange::TableFormat::k_xlsx);
  auto from_xlsx = exchange::import_measurement_values(exchange::TableFormat::k_xlsx, xlsx);
  ASSERT_TRUE(from_xlsx.errors.empty()) << from_xlsx.errors[0].to_string();
  ASSERT_EQ(from_xlsx.rows.size(), 2u);
  EXPECT_EQ(from_xlsx.rows[1].value.value, 7.2);
}

TEST(MeasurementImport, TheFileAsAWholeIsBounded) {
  auto empty = exchange::import_measurement_values(exchange::TableFormat::k_csv, "");
  ASSERT_EQ(empty.errors.size(), 1u);
  EXPECT_EQ(empty.errors[0].row, 0u);
  std::string big = "measurement,date,value\n";
  while (big.size() <= (4u << 20)) big += "MEAS-001,2026-09-30,1\n";
  auto r = exchange::import_measurement_values(exchange::TableFormat::k_csv, big);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].message.find("bytes"), std::string::npos) << r.errors[0].message;
  auto junk = exchange::import_measurement_values(exchange::TableFormat::k_xlsx, "PK\x03\x04junk");
  EXPECT_FALSE(junk.errors.empty());
  EXPECT_TRUE(junk.rows.empty());
}

TEST(MeasurementChart, PointsCarryTheirStatusAndTextIsEscaped) {
  MeasurementDefinition d{"MEAS-004", "Contain <fast> & \"well\"", "hours", "quarterly", down, 24,
                          48};
  std::vector<MeasurementValue> v{{0, 1, "MEAS-004", "2026-06-30", 41, "", 1, "", ""},
                                  {0, 1, "MEAS-004", "2026-09-30", 57.5, "<script>", 1, "", ""}};
  auto svg = report::render_series_svg(build_series(d, v));
  EXPECT_EQ(svg.rfind("<svg", 0), 0u);
  EXPECT_NE(svg.find("class=\"point warning\""), std::string::npos);
  EXPECT_NE(svg.find("class=\"point breached\""), std::string::npos);
  EXPECT_NE(svg.find("class=\"target\""), std::string::npos);
  EXPECT_NE(svg.find("class=\"threshold\""), std::string::npos);
  EXPECT_EQ(svg.find("<script>"), std::string::npos);
  EXPECT_EQ(svg.find("<fast>"), std::string::npos);
  auto none = report::render_series_svg(build_series(d, {}));
  EXPECT_NE(none.find("No values recorded"), std::string::npos);
}

}  // namespace
}  // namespace cyberframe::core
