#include "core/figures.hpp"

#include <cmath>

namespace cyberframe::core {

std::optional<double> Coverage::share() const {
  if (applicable() <= 0) return std::nullopt;
  return static_cast<double>(assessed) / applicable();
}

std::optional<double> Figures::at_target_share() const {
  if (with_target <= 0) return std::nullopt;
  return static_cast<double>(at_target) / with_target;
}

Figures figures(const Catalog& catalog, const Framework& framework, const Scale& scale,
                const std::map<std::string, NodeAssessment>& current,
                const std::map<std::string, NodeAssessment>* target) {
  Figures out;
  auto scores = roll_up(catalog, framework.id, current);
  for (const auto& fn : framework.nodes) {
    const auto& s = scores[fn.id];
    out.coverage.total += s.total;
    out.coverage.not_applicable += s.not_applicable;
    out.coverage.assessed += s.assessed;
  }
  out.current = overall_score(framework, scores);
  if (target != nullptr) {
    out.has_target = true;
    out.target = overall_score(framework, roll_up(catalog, framework.id, *target));
    auto gaps = analyse_gaps(catalog, framework.id, scale, current, *target);
    out.with_target = static_cast<int>(gaps.subcategories.size());
    out.open_gaps = gaps.open_gaps;
    out.at_target = out.with_target - out.open_gaps;
    if (out.with_target > 0) out.mean_gap = gaps.mean_gap;
  }
  return out;
}

long long hundredths(double value) {
  return std::llround(value * 100.0);
}

double api_score(double value) {
  return static_cast<double>(hundredths(value)) / 100.0;
}

std::string format_score(double value) {
  long long h = hundredths(value);
  long long tenths = h >= 0 ? (h + 5) / 10 : (h - 5) / 10;  // half away from zero
  bool negative = tenths < 0;
  if (negative) tenths = -tenths;
  return std::string(negative ? "-" : "") + std::to_string(tenths / 10) + "." +
         std::to_string(tenths % 10);
}

std::optional<int> percent(int part, int whole) {
  if (whole <= 0) return std::nullopt;
  // 100 * part / whole, half away from zero, in whole numbers (the counts are not negative).
  long long num = 100LL * part, q = num / whole, r = num % whole;
  return static_cast<int>(2 * r >= whole ? q + 1 : q);
}

}  // namespace cyberframe::core
