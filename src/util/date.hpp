#pragma once
// Calendar dates as the records keep them ("YYYY-MM-DD", proleptic Gregorian, UTC): the one place
// that checks them and counts days between them.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cyberframe::util {

// The number of the day `date` names (days since 1970-01-01), when it is a real "YYYY-MM-DD"
// date (year 0001-9999); nullopt for anything else ("2026-02-30", "2026-2-3", "").
std::optional<std::int64_t> day_number(std::string_view date);
// The "YYYY-MM-DD" of a day number.
std::string date_of_day(std::int64_t day);
// Today's date in UTC.
std::string today_utc();
// `date` plus `months` calendar months, the day clamped to the month's last ("2026-01-31" + 1 →
// "2026-02-28"); nullopt when `date` is not a date.
std::optional<std::string> add_months(std::string_view date, int months);

}  // namespace cyberframe::util
