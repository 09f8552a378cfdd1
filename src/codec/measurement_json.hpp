#pragma once
// The one JSON form of a measurement's values (core/measurement.hpp), for the API, the CLI's
// --format json and the audit trail; apart from codec/json.hpp so that the widely included header
// stays light. Fields are snake_case; enums are the strings of core::to_string; an optional number
// not set is null.
//
// Threading: no shared state.

#include <nlohmann/json_fwd.hpp>

#include "core/measurement.hpp"

namespace cyberframe::codec {

using nlohmann::json;

// {id, measurement, date, value, note, version, recorded_at, recorded_by}
json to_json(const core::MeasurementValue& value);

// {ref, title, unit, frequency, direction, target, threshold}
json to_json(const core::MeasurementDefinition& definition);

// {objective, measurement, progress, reason, latest: {date, value, status} | null}
json to_json(const core::ObjectiveProgress& progress);

// What a chart draws: {measurement, title, unit, direction, frequency, target, threshold, trend,
// points: [{date, value, status, note}]} (status null without a target).
json to_json(const core::MeasurementSeries& series);

}  // namespace cyberframe::codec
