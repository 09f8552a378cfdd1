#pragma once
// Certification readiness (core/readiness.hpp) as a print-ready HTML page: the figures, then each
// clause's requirements with their status, evidence and what is missing.

#include <string>

#include "core/readiness.hpp"

namespace cyberframe::report {

std::string readiness_html(const core::Readiness& readiness, const std::string& organization);

}  // namespace cyberframe::report
