#pragma once
// The login throttle's rule (docs/security.md), pure: what a password check may do given the
// counts of its three keys, and how a failure, a success or an abandoned check changes them.
// No I/O and no clock: the counts are rows of the store (table login_throttle, shared by every
// server process of the workspace), read and written back in one short write transaction by
// store::Store::update_login_throttle; workspace::Workspace applies these functions there; the
// server's LoginThrottle (server.hpp) calls the workspace.
//
// Every check of a password (a sign-in, the current password of a password change) first
// reserves an attempt for three keys: the account name (lower case), the caller's address (an
// IPv6 address by its /64), and the pair of both. Each key lets a few failures through freely,
// then makes the next attempt wait a delay that doubles with every further failure, up to a cap:
//
//   key                 free failures   first delay   cap
//   name and address    3               5 s           15 min
//   address             20              2 s           5 min
//   name                10              2 s           60 s
//
// Beyond the free failures only one attempt per key is checked at a time: the reservation is
// counted before the password is verified, so parallel attempts (through any server) cannot all
// get through. A reservation counts until its check ends, or at most k_reservation_lifetime, so
// that one of a process that died does not hold its key for ever. A success clears the pair;
// counts are forgotten an hour after their last failure.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cyberframe::core::throttle {

// A time: milliseconds since the Unix epoch, on the servers' wall clock (every server of a
// workspace compares its clock with times other servers wrote: keep their clocks in step).
using Millis = std::int64_t;

struct Limits {
  unsigned free_failures;
  Millis first_delay;
  Millis cap;
};
inline constexpr Limits k_name_limits{10, 2'000, 60'000};
inline constexpr Limits k_address_limits{20, 2'000, 300'000};
inline constexpr Limits k_pair_limits{3, 5'000, 900'000};
// Counts of a key quiet this long (no failure, no delay running, nothing in flight) are forgotten.
inline constexpr Millis k_forget_after = 3'600'000;
// A pair's failures go to the audit trail at most once a minute (and when a delay starts or grows).
inline constexpr Millis k_audit_interval = 60'000;
// How long a reservation counts when its check never reports back (its process died): a check
// waits at most Options::password_check_wait_ms (1 s) for a verification slot, then runs one
// argon2id verification (about 0.1 s) and writes its outcome; 30 s leaves a wide margin for a
// loaded machine, and is the longest a dead process's reservation holds a key beyond its free
// failures.
inline constexpr Millis k_reservation_lifetime = 30'000;
// At most this many keys are kept; the store forgets the stalest beyond.
inline constexpr std::size_t k_max_keys = 50'000;

// The keys of an attempt: "name:NAME" (NAME in lower case), "addr:ADDRESS" and
// "pair:NAME ADDRESS", in that order.
std::vector<std::string> keys_of(const std::string& name, const std::string& address);
// The limits of a key, by its prefix.
const Limits& limits_of(std::string_view key);
// The wait after `failures` consecutive failures: none within the free ones, then the first
// delay doubling with each further failure, up to the cap.
Millis delay_after(std::int64_t failures, const Limits& limits);

// One key's counts (a row of the store; a key not stored reads as all zeros).
struct KeyState {
  std::string key;
  std::int64_t failures = 0;   // consecutive, not forgotten yet
  std::int64_t in_flight = 0;  // reserved, not finished
  Millis in_flight_until = 0;  // when the newest reservation stops counting
  Millis next_allowed = 0;     // no attempt before
  Millis last_failure = 0;
  Millis last_audit = 0;       // pair keys: when the last audit row was asked for
  bool audited = false;        // pair keys: a row was asked for since the pair started
  std::int64_t unaudited = 0;  // pair keys: failures since the last audit row
};

// A reserved attempt: when `granted` is false, `retry_after` says how many seconds to wait. A
// granted attempt is finished with failed(), succeeded() or abandoned(), exactly once.
struct Attempt {
  bool granted = false;
  long retry_after = 0;
  std::vector<std::string> keys;  // name, address, pair
};

// What the audit trail should get after a failure or a success: `failures` of this name and
// address not yet recorded (0: nothing to write now). A row is due at the pair's first failure,
// then at most once a minute, and whenever a failure starts or lengthens the pair's delay.
struct Outcome {
  long delay_seconds = 0;  // the wait now imposed on the next attempt (0: none)
  std::size_t failures = 0;
};

// Each takes the rows of one attempt's keys and changes them in place.
// Reserves an attempt: 0 when granted (the rows count it in flight), else the seconds to wait
// (the rows are left as they were, but for counts forgotten or reservations expired).
long reserve(std::vector<KeyState>& keys, Millis now);
Outcome failed(std::vector<KeyState>& keys, Millis now);
Outcome succeeded(std::vector<KeyState>& keys, Millis now);
// The password was not checked (the server was too busy): nothing is counted.
void abandoned(std::vector<KeyState>& keys, Millis now);

// Whether a row says nothing any more (no failure remembered, nothing in flight): the store
// deletes it rather than keeping it.
bool says_nothing(const KeyState& key, Millis now);
// Whether a row may be dropped to make room: quiet for k_forget_after, no delay running, nothing
// in flight (the store's SQL asks the same of its rows).
bool forgettable(const KeyState& key, Millis now);

}  // namespace cyberframe::core::throttle
