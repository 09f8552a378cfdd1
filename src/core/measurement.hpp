#pragma once
// The ISMS's measurements (ISO/IEC 27001:2022 9.1, used by the objectives of 6.2): the time series
// of a measurement's results and the rules that read it. Pure values and functions: no I/O, no
// clock (the caller gives today's date), so the workspace, the API, the command line and the
// ISMS's due list (`isms due`) read a series the same way.
//
// - A measurement is a record of the `measurements` register (`MEAS-NNN`): what is measured, how,
//   how often, by whom; its unit, direction (higher-is-better or lower-is-better), target and
//   threshold. What the rules here need of it is MeasurementDefinition.
// - A value is one result: the end of the period measured (a date, YYYY-MM-DD), a number, a note,
//   who recorded it and when. One value per measurement and date: a second one for the same date
//   is a correction of the first (a new version of the row, the old one in the audit trail).
// - evaluate(): `met` on the target's side of the target (the target itself included), `warning`
//   between the target and the threshold (the threshold itself included), `breached` past the
//   threshold. Without a threshold a value that misses the target is breached; without a target
//   there is nothing to evaluate (nullopt). A threshold on the target's good side is no threshold.
// - trend(): the least-squares slope of the newest (at most four) values, in the good direction
//   (improving), the bad one (worsening), or stable when the change it projects over them is
//   within 1% of the scale (the larger of |target| and the values' mean magnitude); fewer than
//   two values: unknown.
// - objective_progress(): `no-data` without a value (or an abandoned objective), `off-track` when
//   the due date has passed and the objective is not achieved, when the newest value is
//   breached, or when no value lies within the last two periods of the measurement's frequency;
//   otherwise `on-track`; an achieved objective is on track. The reason says which rule decided.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/page.hpp"
#include "util/result.hpp"

namespace cyberframe::core {

enum class Direction { k_higher_is_better, k_lower_is_better };
std::string_view to_string(Direction d);  // "higher-is-better", "lower-is-better"
std::optional<Direction> parse_direction(std::string_view text);

enum class ValueStatus { k_met, k_warning, k_breached };
std::string_view to_string(ValueStatus s);  // "met", "warning", "breached"

enum class Trend { k_unknown, k_improving, k_stable, k_worsening };
std::string_view to_string(Trend t);  // "unknown", "improving", "stable", "worsening"

enum class Progress { k_on_track, k_off_track, k_no_data };
std::string_view to_string(Progress p);  // "on-track", "off-track", "no-data"

// What the rules need of a measurement of the register.
struct MeasurementDefinition {
  std::string ref;  // "MEAS-001"
  std::string title;
  std::string unit;       // "%", "hours"
  std::string frequency;  // "monthly", "quarterly", ... (period_days())
  Direction direction = Direction::k_higher_is_better;
  std::optional<double> target;
  std::optional<double> threshold;
};

// One result of a measurement.
struct MeasurementValue {
  std::int64_t id = 0;
  std::int64_t organization = 0;
  std::string measurement;  // its ref, "MEAS-001"
  std::string date;         // the end of the period measured, YYYY-MM-DD
  double value = 0;
  std::string note;
  std::int64_t version = 0;
  std::string recorded_at;  // RFC 3339 UTC
  std::string recorded_by;
};

// A page of a measurement's values, oldest first; dates from..to inclusive ("" open).
struct MeasurementValueQuery {
  std::string measurement;
  std::string from;
  std::string to;
  util::Slice slice = util::Slice::all();
};

inline constexpr std::size_t k_max_note_bytes = 2000;

// "MEAS-" and 3 to 6 digits, any case; the canonical form is upper case.
bool is_measurement_ref(std::string_view text);
std::string canonical_measurement_ref(std::string_view text);

// A value as stored: a measurement ref, a real date, a finite number, a note of at most
// k_max_note_bytes. k_invalid_input naming the field ("measurement", "date", "value", "note").
util::Result<void> validate(const MeasurementValue& value);

// A definition's own consistency: a threshold on the target's bad side (or equal to it).
util::Result<void> validate(const MeasurementDefinition& definition);

std::optional<ValueStatus> evaluate(double value, Direction direction, std::optional<double> target,
                                    std::optional<double> threshold);
inline std::optional<ValueStatus> evaluate(double value, const MeasurementDefinition& d) {
  return evaluate(value, d.direction, d.target, d.threshold);
}

// `values` oldest first.
Trend trend(const std::vector<double>& values, Direction direction, std::optional<double> target);

// The days of one period of a frequency: daily 1, weekly 7, monthly 31, quarterly 92,
// half-yearly (semi-annually) 183, yearly (annually) 366; nullopt for anything else.
std::optional<int> period_days(std::string_view frequency);

// What objective_progress needs of an objective of the register.
struct ObjectiveInput {
  std::string ref;               // "OBJ-004"
  std::string measurement;       // its measurement's ref ("" none)
  std::string due_date;          // YYYY-MM-DD or ""
  std::string status;            // planned|on-track|at-risk|achieved|abandoned
  std::optional<double> target;  // parse_objective_target; nullopt: the measurement's
};

// An objective's own target from the text of its `target` field: the number the text starts
// with, after blanks and an optional comparison (<, <=, >, >=, =, ≤, ≥); a unit or words may follow
// ("95 %", "<= 24 hours", "≥ 90"). nullopt when the text starts with anything else ("Q3: 95 %",
// "half of today's") or is empty: the measurement's own target applies then.
std::optional<double> parse_objective_target(std::string_view text);

struct ObjectiveProgress {
  std::string objective;
  std::string measurement;
  Progress progress = Progress::k_no_data;
  std::string reason;
  std::optional<MeasurementValue> latest;
  std::optional<ValueStatus> latest_status;
};

// `series` oldest first; `today` YYYY-MM-DD.
ObjectiveProgress objective_progress(const ObjectiveInput& objective,
                                     const MeasurementDefinition& definition,
                                     const std::vector<MeasurementValue>& series,
                                     std::string_view today);

// A measurement's series as a chart or a reader needs it: each value with its status against
// the definition's target and threshold, and the trend of the whole.
struct SeriesPoint {
  MeasurementValue value;
  std::optional<ValueStatus> status;  // nullopt without a target
};

struct MeasurementSeries {
  MeasurementDefinition definition;
  std::vector<SeriesPoint> points;  // oldest first
  Trend trend = Trend::k_unknown;
};

// `values` oldest first.
MeasurementSeries build_series(const MeasurementDefinition& definition,
                               const std::vector<MeasurementValue>& values);

// A value typed as text: a decimal number ("93.5", "-2", "1e3"), blanks around it ignored; nullopt
// for anything else (a unit, a comma, "nan", "inf").
std::optional<double> parse_value(std::string_view text);

// The shortest text that reads back as the same double ("93.5", "12", "0.125").
std::string number_text(double value);

}  // namespace cyberframe::core
