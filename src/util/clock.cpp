#include "util/clock.hpp"

#include <ctime>

namespace cyberframe::util {

std::string now_utc() {
  return utc_after(std::chrono::seconds(0));
}

std::string utc_after(std::chrono::seconds from_now) {
  auto t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now() + from_now);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace cyberframe::util
