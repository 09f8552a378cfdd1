#include "core/login_throttle.hpp"

#include <algorithm>

#include "util/text.hpp"

namespace cyberframe::core::throttle {

namespace {

bool is_pair(std::string_view key) {
  return key.starts_with("pair:");
}

// Seconds until `t`, rounded up, at least 1.
long seconds_until(Millis t, Millis now) {
  return static_cast<long>(std::max<Millis>(1, (t - now + 999) / 1000));
}

// A reservation that outlived k_reservation_lifetime no longer counts (its process died, or its
// check never reported back).
void expire(KeyState& k, Millis now) {
  if (k.in_flight > 0 && k.in_flight_until <= now) k.in_flight = 0;
}

void finish(KeyState& k, Millis now) {
  expire(k, now);
  if (k.in_flight > 0) --k.in_flight;
}

}  // namespace

std::vector<std::string> keys_of(const std::string& name, const std::string& address) {
  auto lower = util::to_lower(name);
  return {"name:" + lower, "addr:" + address, "pair:" + lower + " " + address};
}

const Limits& limits_of(std::string_view key) {
  if (is_pair(key)) return k_pair_limits;
  if (key.starts_with("addr:")) return k_address_limits;
  return k_name_limits;
}

Millis delay_after(std::int64_t failures, const Limits& limits) {
  if (failures < static_cast<std::int64_t>(limits.free_failures)) return 0;
  auto doublings = std::min<std::int64_t>(failures - limits.free_failures, 20);
  return std::min(limits.cap, limits.first_delay * (Millis{1} << doublings));
}

long reserve(std::vector<KeyState>& keys, Millis now) {
  long retry_after = 0;
  for (auto& k : keys) {
    expire(k, now);
    if (k.in_flight == 0 && k.failures > 0 && now - k.last_failure > k_forget_after &&
        now >= k.next_allowed) {
      k.failures = 0;  // quiet for an hour: start afresh
      k.unaudited = 0;
    }
    if (k.failures + k.in_flight < static_cast<std::int64_t>(limits_of(k.key).free_failures))
      continue;
    // Beyond the free failures: one attempt at a time, after the delay.
    if (k.in_flight > 0)
      retry_after = std::max(retry_after, 1L);
    else if (now < k.next_allowed)
      retry_after = std::max(retry_after, seconds_until(k.next_allowed, now));
  }
  if (retry_after > 0) return retry_after;
  for (auto& k : keys) {
    ++k.in_flight;
    k.in_flight_until = std::max(k.in_flight_until, now + k_reservation_lifetime);
  }
  return 0;
}

Outcome failed(std::vector<KeyState>& keys, Millis now) {
  Outcome out;
  for (auto& k : keys) {
    finish(k, now);
    ++k.failures;
    k.last_failure = now;
    auto delay = delay_after(k.failures, limits_of(k.key));
    k.next_allowed = std::max(k.next_allowed, now + delay);
    if (now < k.next_allowed)
      out.delay_seconds = std::max(out.delay_seconds, seconds_until(k.next_allowed, now));
    if (is_pair(k.key)) {
      // A row at the first failure, then at most one a minute, and one whenever this failure
      // starts or lengthens the pair's delay (those are at least 5 s apart and doubling).
      ++k.unaudited;
      if (!k.audited || now - k.last_audit >= k_audit_interval || delay > 0) {
        out.failures = static_cast<std::size_t>(k.unaudited);
        k.unaudited = 0;
        k.audited = true;
        k.last_audit = now;
      }
    }
  }
  return out;
}

Outcome succeeded(std::vector<KeyState>& keys, Millis now) {
  Outcome out;
  for (auto& k : keys) {
    finish(k, now);
    if (!is_pair(k.key)) continue;
    // The failures before this success not recorded yet go into the trail now; the pair starts
    // afresh.
    out.failures = static_cast<std::size_t>(k.unaudited);
    k.failures = 0;
    k.unaudited = 0;
    k.next_allowed = 0;
    k.last_failure = 0;
    k.audited = false;
    k.last_audit = 0;
  }
  return out;
}

void abandoned(std::vector<KeyState>& keys, Millis now) {
  for (auto& k : keys) finish(k, now);
}

bool says_nothing(const KeyState& k, Millis now) {
  bool in_flight = k.in_flight > 0 && k.in_flight_until > now;
  return !in_flight && k.failures == 0 && k.unaudited == 0;
}

bool forgettable(const KeyState& k, Millis now) {
  bool in_flight = k.in_flight > 0 && k.in_flight_until > now;
  return !in_flight && now >= k.next_allowed && now - k.last_failure > k_forget_after;
}

}  // namespace cyberframe::core::throttle
