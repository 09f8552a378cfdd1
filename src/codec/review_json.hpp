#pragma once
// The one JSON form of a management review's inputs (core/review.hpp), for the CLI, the API and
// the frozen snapshot the store keeps: {review, date, since, prepared_at, frozen, held_at,
// held_by, a: {title, summary: {name: count}, records: [{register | kind, ref, title, status,
// why}]}, ..., g: ..., profile: {title, summary, records, profiles: [{profile, framework, before,
// before_at, now, now_at}]}}.

#include <nlohmann/json_fwd.hpp>

#include "core/review.hpp"
#include "util/result.hpp"

namespace cyberframe::codec {

nlohmann::json to_json(const core::ReviewInputs& inputs);
// Reads back what to_json wrote (a frozen snapshot); k_invalid_input when it is not that shape.
util::Result<core::ReviewInputs> review_inputs_from_json(const nlohmann::json& j);

}  // namespace cyberframe::codec
