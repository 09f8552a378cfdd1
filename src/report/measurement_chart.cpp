#include "report/measurement_chart.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "util/date.hpp"
#include "util/text.hpp"

namespace cyberframe::report {

namespace {

std::string fixed(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

std::string text(std::string_view s) {
  return util::escaped(s, util::Escape::k_xml_text);
}

std::string attribute(std::string_view s) {
  return util::escaped(s, util::Escape::k_xml_attribute);
}

const char* colour(const std::optional<core::ValueStatus>& s) {
  if (!s) return "#7a8594";
  switch (*s) {
    case core::ValueStatus::k_met:
      return "#2e7d32";
    case core::ValueStatus::k_warning:
      return "#d89614";
    case core::ValueStatus::k_breached:
      return "#b42318";
  }
  return "#7a8594";
}

}  // namespace

std::string render_series_svg(const core::MeasurementSeries& s, int width, int height) {
  const auto& d = s.definition;
  const double left = 56, right = 16, top = 34, bottom = 40;
  const double w = width - left - right, h = height - top - bottom;
  std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + std::to_string(width) +
                    "\" height=\"" + std::to_string(height) + "\" viewBox=\"0 0 " +
                    std::to_string(width) + " " + std::to_string(height) +
                    "\" role=\"img\" aria-label=\"" +
                    attribute(d.ref + " " + d.title + " over time") +
                    "\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"11\">\n";
  out += "<title>" + text(d.ref + " " + d.title) + "</title>\n";
  out += "<text x=\"" + fixed(left) +
         "\" y=\"18\" font-size=\"13\" font-weight=\"bold\" "
         "fill=\"#1f3a5f\">" +
         text(d.ref + "  " + d.title + (d.unit.empty() ? "" : " (" + d.unit + ")")) + "</text>\n";
  // The value range: the values, the target and the threshold, padded by a tenth.
  double lo = INFINITY, hi = -INFINITY;
  for (const auto& p : s.points) {
    lo = std::min(lo, p.value.value);
    hi = std::max(hi, p.value.value);
  }
  for (const auto& line : {d.target, d.threshold})
    if (line) {
      lo = std::min(lo, *line);
      hi = std::max(hi, *line);
    }
  if (!std::isfinite(lo)) lo = 0, hi = 1;
  if (hi - lo < 1e-9) lo -= 1, hi += 1;
  double pad = (hi - lo) / 10;
  lo -= pad;
  hi += pad;
  auto y_of = [&](double v) { return top + h - (v - lo) / (hi - lo) * h; };
  // The dates: x by days from the first.
  std::int64_t span = 0;
  std::vector<std::int64_t> days;
  for (const auto& p : s.points) {
    auto first = util::day_number(s.points.front().value.date), n = util::day_number(p.value.date);
    days.push_back(first && n ? *n - *first : 0);
    span = std::max(span, days.back());
  }
  auto x_of = [&](std::size_t i) {
    if (s.points.size() == 1 || span == 0)
      return left + w * (s.points.size() == 1
                             ? 0.5
                             : static_cast<double>(i) / static_cast<double>(s.points.size() - 1));
    return left + w * static_cast<double>(days[i]) / static_cast<double>(span);
  };
  // Axes and the range's labels.
  out += "<g stroke=\"#d8dee6\"><line x1=\"" + fixed(left) + "\" y1=\"" + fixed(top) + "\" x2=\"" +
         fixed(left) + "\" y2=\"" + fixed(top + h) + "\"/><line x1=\"" + fixed(left) + "\" y1=\"" +
         fixed(top + h) + "\" x2=\"" + fixed(left + w) + "\" y2=\"" + fixed(top + h) + "\"/></g>\n";
  for (double v : {lo + pad, hi - pad})
    out += "<text x=\"" + fixed(left - 6) + "\" y=\"" + fixed(y_of(v) + 4) +
           "\" text-anchor=\"end\" fill=\"#5b6675\">" +
           text(core::number_text(std::round(v * 100) / 100)) + "</text>\n";
  auto line = [&](const std::optional<double>& v, const char* name, const char* stroke) {
    if (!v) return;
    out += "<line class=\"" + std::string(name) + "\" x1=\"" + fixed(left) + "\" y1=\"" +
           fixed(y_of(*v)) + "\" x2=\"" + fixed(left + w) + "\" y2=\"" + fixed(y_of(*v)) +
           "\" stroke=\"" + stroke + "\" stroke-dasharray=\"6 4\" stroke-width=\"1.5\"/>\n";
    out += "<text x=\"" + fixed(left + w) + "\" y=\"" + fixed(y_of(*v) - 4) +
           "\" text-anchor=\"end\" fill=\"" + stroke + "\">" +
           text(std::string(name) + " " + core::number_text(*v)) + "</text>\n";
  };
  line(d.target, "target", "#2e7d32");
  line(d.threshold, "threshold", "#d89614");
  if (s.points.empty()) {
    out += "<text x=\"" + fixed(left + w / 2) + "\" y=\"" + fixed(top + h / 2) +
           "\" text-anchor=\"middle\" fill=\"#5b6675\">No values recorded</text>\n</svg>\n";
    return out;
  }
  std::string path;
  for (std::size_t i = 0; i < s.points.size(); ++i)
    path += (i ? " L" : "M") + fixed(x_of(i)) + " " + fixed(y_of(s.points[i].value.value));
  out += "<path d=\"" + path + "\" fill=\"none\" stroke=\"#2f6db5\" stroke-width=\"2\"/>\n";
  bool label_all = s.points.size() <= 8;
  for (std::size_t i = 0; i < s.points.size(); ++i) {
    const auto& p = s.points[i];
    auto status = p.status ? std::string(core::to_string(*p.status)) : std::string("no target");
    out += "<circle class=\"point " + status + "\" cx=\"" + fixed(x_of(i)) + "\" cy=\"" +
           fixed(y_of(p.value.value)) + "\" r=\"4.5\" fill=\"" + colour(p.status) + "\"><title>" +
           text(p.value.date + ": " + core::number_text(p.value.value) +
                (d.unit.empty() ? "" : " " + d.unit) + " (" + status + ")" +
                (p.value.note.empty() ? "" : " - " + p.value.note)) +
           "</title></circle>\n";
    if (label_all || i == 0 || i + 1 == s.points.size())
      out += "<text x=\"" + fixed(x_of(i)) + "\" y=\"" + fixed(top + h + 16) +
             "\" text-anchor=\"middle\" fill=\"#5b6675\">" + text(p.value.date) + "</text>\n";
  }
  out += "</svg>\n";
  return out;
}

}  // namespace cyberframe::report
