#pragma once
// The minutes of a management review (ISO/IEC 27001:2022 9.3) as self-contained HTML and as an
// XLSX workbook: the review (date, attendees, agenda), the inputs 9.3.2 a-g with the records they
// drew from, the profile's progress, the decisions (9.3.3) and the actions recorded as outputs.
// Pure renderers over core values; every text escaped.

#include <string>
#include <vector>

#include "core/isms.hpp"
#include "core/review.hpp"
#include "util/result.hpp"

namespace cyberframe::report {

struct ReviewMinutes {
  std::string organization;
  core::IsmsRecord review;
  core::ReviewInputs inputs;
  std::vector<core::IsmsRecord> actions;
  std::string generated_at;
};

std::string render_review_minutes_html(const ReviewMinutes& minutes);
// Sheets: Review, Inputs (one row per record of each input), Summary (one row per count),
// Actions.
util::Result<std::string> render_review_minutes_xlsx(const ReviewMinutes& minutes);

}  // namespace cyberframe::report
