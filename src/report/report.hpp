#pragma once
// Reports for each audience of ISO/IEC TR 27103 clause 5.4 e, as self-contained HTML (inline CSS
// and SVG charts, no scripts, no external resources): they open offline and print on A4.

#include <optional>
#include <string>
#include <vector>

#include "core/catalog.hpp"
#include "core/profile.hpp"

namespace cyberframe::report {

enum class Audience { k_executive, k_practitioner, k_management };
std::optional<Audience> parse_audience(std::string_view text);

struct ReportInput {
  const core::Catalog* catalog = nullptr;
  core::Organization organization;
  core::Profile current;
  std::optional<core::Profile> target;
  core::Scale scale;
  std::map<std::string, core::NodeAssessment> current_assessments;
  std::map<std::string, core::NodeAssessment> target_assessments;
  std::vector<core::Snapshot> snapshots;  // oldest first, for the progress chart
  std::vector<core::Action> actions;
  std::string generated_at;  // shown on the report; fixed in tests
};

// The report as one HTML document. REQUIRES: input.catalog holds input.current.framework.
std::string render_html(const ReportInput& input, Audience audience);

}  // namespace cyberframe::report
