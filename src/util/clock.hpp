#pragma once
// The wall clock, as the workspace records it.

#include <chrono>
#include <string>

namespace cyberframe::util {

// UTC now as "YYYY-MM-DDTHH:MM:SSZ", and `from_now` later (or earlier, when negative).
std::string now_utc();
std::string utc_after(std::chrono::seconds from_now);

}  // namespace cyberframe::util
