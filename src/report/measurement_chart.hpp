#pragma once
// A measurement's series as an SVG line chart, for the reports and the API's chart.svg: the
// values in date order (x proportional to the date), the target line (green, dashed) and the
// threshold line (amber, dashed), each point coloured by its status (met green, warning amber,
// breached red, no target grey) with its value as the point's title. Every text is escaped; the
// SVG stands alone (no script, no external reference).

#include <string>

#include "core/measurement.hpp"

namespace cyberframe::report {

// `width` and `height` in px; an empty series draws its axes and "No values recorded".
std::string render_series_svg(const core::MeasurementSeries& series, int width = 640,
                              int height = 280);

}  // namespace cyberframe::report
