#pragma once
// The JSON form of certification readiness (core/readiness.hpp), for the API and the CLI:
// {framework, today, organization, summary: {requirements, met, partial, missing},
//  clauses: [{clause: "4", title, met, partial, missing}],
//  requirements: [{clause, title, node, status, evidence: [{kind, register (the register's key
//  when kind is one), ref, title, state}], missing: [sentences]}]}.

#include <nlohmann/json_fwd.hpp>

#include <string>

#include "core/readiness.hpp"

namespace cyberframe::codec {

nlohmann::json readiness_to_json(const core::Readiness& readiness, const std::string& organization);

}  // namespace cyberframe::codec
