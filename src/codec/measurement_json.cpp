#include "codec/measurement_json.hpp"

#include <nlohmann/json.hpp>

namespace cyberframe::codec {

namespace {

json optional_number(const std::optional<double>& n) {
  return n ? json(*n) : json(nullptr);
}

}  // namespace

json to_json(const core::MeasurementValue& v) {
  return json{{"id", v.id},
              {"measurement", v.measurement},
              {"date", v.date},
              {"value", v.value},
              {"note", v.note},
              {"version", v.version},
              {"recorded_at", v.recorded_at},
              {"recorded_by", v.recorded_by}};
}

json to_json(const core::MeasurementDefinition& d) {
  return json{{"ref", d.ref},
              {"title", d.title},
              {"unit", d.unit},
              {"frequency", d.frequency},
              {"direction", core::to_string(d.direction)},
              {"target", optional_number(d.target)},
              {"threshold", optional_number(d.threshold)}};
}

json to_json(const core::ObjectiveProgress& p) {
  json latest = nullptr;
  if (p.latest)
    latest =
        json{{"date", p.latest->date},
             {"value", p.latest->value},
             {"status", p.latest_status ? json(core::to_string(*p.latest_status)) : json(nullptr)}};
  return json{{"objective", p.objective},
              {"measurement", p.measurement},
              {"progress", core::to_string(p.progress)},
              {"reason", p.reason},
              {"latest", latest}};
}

json to_json(const core::MeasurementSeries& s) {
  json points = json::array();
  for (const auto& p : s.points)
    points.push_back(json{{"date", p.value.date},
                          {"value", p.value.value},
                          {"status", p.status ? json(core::to_string(*p.status)) : json(nullptr)},
                          {"note", p.value.note}});
  const auto& d = s.definition;
  return json{{"measurement", d.ref},
              {"title", d.title},
              {"unit", d.unit},
              {"direction", core::to_string(d.direction)},
              {"frequency", d.frequency},
              {"target", optional_number(d.target)},
              {"threshold", optional_number(d.threshold)},
              {"trend", core::to_string(s.trend)},
              {"points", points}};
}

}  // namespace cyberframe::codec
