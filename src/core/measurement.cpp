#include "core/measurement.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "core/input_rules.hpp"
#include "util/date.hpp"
#include "util/text.hpp"

namespace cyberframe::core {

using util::ErrorCode;

std::string_view to_string(Direction d) {
  return d == Direction::k_lower_is_better ? "lower-is-better" : "higher-is-better";
}

std::optional<Direction> parse_direction(std::string_view text) {
  if (text == "higher-is-better") return Direction::k_higher_is_better;
  if (text == "lower-is-better") return Direction::k_lower_is_better;
  return std::nullopt;
}

std::string_view to_string(ValueStatus s) {
  switch (s) {
    case ValueStatus::k_met:
      return "met";
    case ValueStatus::k_warning:
      return "warning";
    case ValueStatus::k_breached:
      return "breached";
  }
  return "met";
}

std::string_view to_string(Trend t) {
  switch (t) {
    case Trend::k_unknown:
      return "unknown";
    case Trend::k_improving:
      return "improving";
    case Trend::k_stable:
      return "stable";
    case Trend::k_worsening:
      return "worsening";
  }
  return "unknown";
}

std::string_view to_string(Progress p) {
  switch (p) {
    case Progress::k_on_track:
      return "on-track";
    case Progress::k_off_track:
      return "off-track";
    case Progress::k_no_data:
      return "no-data";
  }
  return "no-data";
}

bool is_measurement_ref(std::string_view text) {
  if (text.size() < 8 || text.size() > 11) return false;
  auto prefix = text.substr(0, 5);
  if (util::to_lower(std::string(prefix)) != "meas-") return false;
  for (char c : text.substr(5))
    if (c < '0' || c > '9') return false;
  return true;
}

std::string canonical_measurement_ref(std::string_view text) {
  std::string out(text);
  for (auto& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

util::Result<void> validate(const MeasurementValue& v) {
  if (!is_measurement_ref(v.measurement))
    return util::fail_field(ErrorCode::k_invalid_input,
                            "measurement '" + v.measurement.substr(0, 40) +
                                "' is not a measurement ref: MEAS- and 3 to 6 digits (MEAS-001)",
                            "measurement");
  if (auto d = check_date("date", v.date); !d)
    return util::fail_field(ErrorCode::k_invalid_input, d.error().message, "date");
  if (!std::isfinite(v.value))
    return util::fail_field(ErrorCode::k_invalid_input, "value must be a finite number", "value");
  if (v.note.size() > k_max_note_bytes)
    return util::fail_field(ErrorCode::k_invalid_input,
                            "note is at most " + std::to_string(k_max_note_bytes) + " bytes",
                            "note");
  return {};
}

util::Result<void> validate(const MeasurementDefinition& d) {
  if (d.target && d.threshold) {
    bool bad = d.direction == Direction::k_higher_is_better ? *d.threshold > *d.target
                                                            : *d.threshold < *d.target;
    if (bad)
      return util::fail_field(ErrorCode::k_invalid_input,
                              "the threshold " + number_text(*d.threshold) +
                                  " lies on the good side of the target " + number_text(*d.target) +
                                  " (" + std::string(to_string(d.direction)) +
                                  "): the threshold is the warning level, short of the target",
                              "threshold");
  }
  return {};
}

std::optional<ValueStatus> evaluate(double value, Direction direction, std::optional<double> target,
                                    std::optional<double> threshold) {
  if (!target || !std::isfinite(value)) return std::nullopt;
  // Turned so that more is better.
  double sign = direction == Direction::k_higher_is_better ? 1.0 : -1.0;
  double v = sign * value, t = sign * *target;
  if (v >= t) return ValueStatus::k_met;
  if (threshold) {
    double w = sign * *threshold;
    if (w <= t && v >= w) return ValueStatus::k_warning;
  }
  return ValueStatus::k_breached;
}

Trend trend(const std::vector<double>& values, Direction direction, std::optional<double> target) {
  if (values.size() < 2) return Trend::k_unknown;
  std::size_t n = std::min<std::size_t>(values.size(), 4);
  std::vector<double> ys(values.end() - static_cast<std::ptrdiff_t>(n), values.end());
  double mean_x = (static_cast<double>(n) - 1) / 2, mean_y = 0, magnitude = 0;
  for (double y : ys) {
    mean_y += y / static_cast<double>(n);
    magnitude += std::fabs(y) / static_cast<double>(n);
  }
  double num = 0, den = 0;
  for (std::size_t i = 0; i < n; ++i) {
    num += (static_cast<double>(i) - mean_x) * (ys[i] - mean_y);
    den += (static_cast<double>(i) - mean_x) * (static_cast<double>(i) - mean_x);
  }
  double change = num / den * static_cast<double>(n - 1);
  double scale = std::max(target ? std::fabs(*target) : 0.0, magnitude);
  if (std::fabs(change) <= 0.01 * scale) return Trend::k_stable;
  bool up = change > 0;
  bool good = direction == Direction::k_higher_is_better ? up : !up;
  return good ? Trend::k_improving : Trend::k_worsening;
}

std::optional<int> period_days(std::string_view frequency) {
  auto f = util::to_lower(std::string(util::trim(std::string(frequency))));
  if (f == "daily") return 1;
  if (f == "weekly") return 7;
  if (f == "monthly") return 31;
  if (f == "quarterly") return 92;
  if (f == "half-yearly" || f == "semi-annually" || f == "semiannually" || f == "biannually")
    return 183;
  if (f == "yearly" || f == "annually" || f == "annual") return 366;
  return std::nullopt;
}

std::optional<double> parse_objective_target(std::string_view text) {
  auto skip_blanks = [&] {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  };
  skip_blanks();
  for (std::string_view sign : {"<=", ">=", "\u2264", "\u2265", "<", ">", "="})
    if (text.starts_with(sign)) {
      text.remove_prefix(sign.size());
      break;
    }
  skip_blanks();
  if (text.starts_with('+')) text.remove_prefix(1);
  double v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || !std::isfinite(v)) return std::nullopt;
  return v;
}

ObjectiveProgress objective_progress(const ObjectiveInput& objective,
                                     const MeasurementDefinition& definition,
                                     const std::vector<MeasurementValue>& series,
                                     std::string_view today) {
  ObjectiveProgress out;
  out.objective = objective.ref;
  out.measurement = definition.ref.empty() ? objective.measurement : definition.ref;
  auto set = [&](Progress p, std::string reason) {
    out.progress = p;
    out.reason = std::move(reason);
    return out;
  };
  if (!series.empty()) {
    out.latest = series.back();
    out.latest_status =
        evaluate(series.back().value, definition.direction,
                 objective.target ? objective.target : definition.target, definition.threshold);
  }
  if (objective.status == "abandoned")
    return set(Progress::k_no_data, "the objective is abandoned");
  if (objective.status == "achieved") return set(Progress::k_on_track, "the objective is achieved");
  if (!objective.due_date.empty()) {
    auto due = util::day_number(objective.due_date), now = util::day_number(today);
    if (due && now && *due < *now)
      return set(Progress::k_off_track,
                 "the due date " + objective.due_date + " has passed and it is not achieved");
  }
  if (series.empty()) {
    if (out.measurement.empty()) return set(Progress::k_no_data, "no measurement is linked");
    return set(Progress::k_no_data, "no value of " + out.measurement + " is recorded");
  }
  const auto& latest = series.back();
  if (out.latest_status == ValueStatus::k_breached)
    return set(Progress::k_off_track, "the latest value of " + out.measurement + " (" +
                                          number_text(latest.value) +
                                          (definition.unit.empty() ? "" : " " + definition.unit) +
                                          " on " + latest.date + ") is past the threshold");
  if (auto period = period_days(definition.frequency)) {
    auto measured = util::day_number(latest.date), now = util::day_number(today);
    if (measured && now && *now - *measured > 2L * *period)
      return set(Progress::k_off_track, "no value of " + out.measurement +
                                            " in the last two periods (" + definition.frequency +
                                            "); the latest is of " + latest.date);
  }
  auto which = "the latest value of " + out.measurement + " (" + number_text(latest.value) +
               (definition.unit.empty() ? "" : " " + definition.unit) + " on " + latest.date + ")";
  if (!out.latest_status)
    return set(Progress::k_on_track, which + " has no target to be measured against");
  if (*out.latest_status == ValueStatus::k_warning)
    return set(Progress::k_on_track, which + " is short of the target but within the threshold");
  return set(Progress::k_on_track, which + " meets the target");
}

MeasurementSeries build_series(const MeasurementDefinition& definition,
                               const std::vector<MeasurementValue>& values) {
  MeasurementSeries out;
  out.definition = definition;
  std::vector<double> numbers;
  for (const auto& v : values) {
    out.points.push_back({v, evaluate(v.value, definition)});
    numbers.push_back(v.value);
  }
  out.trend = trend(numbers, definition.direction, definition.target);
  return out;
}

std::optional<double> parse_value(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  if (text.empty()) return std::nullopt;
  if (text.front() == '+') text.remove_prefix(1);
  double v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(v))
    return std::nullopt;
  return v;
}

std::string number_text(double value) {
  if (!std::isfinite(value)) return "0";
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, value);
  return std::string(buf, r.ptr);
}

}  // namespace cyberframe::core
