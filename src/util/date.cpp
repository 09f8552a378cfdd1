#include "util/date.hpp"

#include <chrono>
#include <cstdio>

namespace cyberframe::util {

namespace {

std::optional<std::chrono::year_month_day> parse(std::string_view date) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return std::nullopt;
  int parts[3] = {0, 0, 0};
  const std::size_t starts[3] = {0, 5, 8};
  const std::size_t lengths[3] = {4, 2, 2};
  for (int i = 0; i < 3; ++i)
    for (std::size_t k = 0; k < lengths[i]; ++k) {
      char c = date[starts[i] + k];
      if (c < '0' || c > '9') return std::nullopt;
      parts[i] = parts[i] * 10 + (c - '0');
    }
  if (parts[0] < 1) return std::nullopt;
  std::chrono::year_month_day ymd{std::chrono::year{parts[0]},
                                  std::chrono::month{static_cast<unsigned>(parts[1])},
                                  std::chrono::day{static_cast<unsigned>(parts[2])}};
  if (!ymd.ok()) return std::nullopt;
  return ymd;
}

std::string format(const std::chrono::year_month_day& ymd) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

}  // namespace

std::optional<std::int64_t> day_number(std::string_view date) {
  auto ymd = parse(date);
  if (!ymd) return std::nullopt;
  return std::chrono::sys_days{*ymd}.time_since_epoch().count();
}

std::string date_of_day(std::int64_t day) {
  return format(std::chrono::year_month_day{std::chrono::sys_days{std::chrono::days{day}}});
}

std::string today_utc() {
  auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return format(std::chrono::year_month_day{now});
}

std::optional<std::string> add_months(std::string_view date, int months) {
  auto ymd = parse(date);
  if (!ymd) return std::nullopt;
  auto ym = std::chrono::year_month{ymd->year(), ymd->month()} + std::chrono::months{months};
  auto last = std::chrono::year_month_day_last{ym.year(), std::chrono::month_day_last{ym.month()}};
  auto d = std::min(ymd->day(), last.day());
  return format(std::chrono::year_month_day{ym.year(), ym.month(), d});
}

}  // namespace cyberframe::util
