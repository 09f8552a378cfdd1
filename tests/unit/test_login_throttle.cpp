// The login throttle's rule (core/login_throttle.hpp) on rows in memory: no store, no clock.
// The store's side (the rows shared by every process) is in test_store.cpp; the server's in
// test_server.cpp.

#include <gtest/gtest.h>

#include "core/login_throttle.hpp"

namespace cyberframe::core::throttle {
namespace {

constexpr Millis k_start = 3'600'000'000;  // any time: the rule only compares

// Rows of one attempt's keys, as the store hands them over for keys it does not hold yet.
std::vector<KeyState> fresh(const std::string& name, const std::string& address) {
  std::vector<KeyState> rows;
  for (auto& key : keys_of(name, address)) rows.push_back(KeyState{key});
  return rows;
}

TEST(LoginThrottleRule, KeysAreTheNameTheAddressAndThePair) {
  EXPECT_EQ(keys_of("Alice", "2001:db8:1:2::/64"),
            (std::vector<std::string>{"name:alice", "addr:2001:db8:1:2::/64",
                                      "pair:alice 2001:db8:1:2::/64"}));
  EXPECT_EQ(limits_of("pair:alice 192.0.2.1").free_failures, 3u);
  EXPECT_EQ(limits_of("addr:192.0.2.1").free_failures, 20u);
  EXPECT_EQ(limits_of("name:alice").free_failures, 10u);
}

TEST(LoginThrottleRule, DelaysDoubleAfterTheFreeFailuresUpToTheCap) {
  EXPECT_EQ(delay_after(2, k_pair_limits), 0);
  EXPECT_EQ(delay_after(3, k_pair_limits), 5'000);
  EXPECT_EQ(delay_after(4, k_pair_limits), 10'000);
  EXPECT_EQ(delay_after(10, k_pair_limits), 640'000);
  EXPECT_EQ(delay_after(11, k_pair_limits), 900'000);
  EXPECT_EQ(delay_after(1'000'000, k_pair_limits), 900'000);  // no overflow
  EXPECT_EQ(delay_after(12, k_name_limits), 8'000);
  EXPECT_EQ(delay_after(100, k_name_limits), 60'000);
  EXPECT_EQ(delay_after(30, k_address_limits), 300'000);
}

TEST(LoginThrottleRule, AReservationCountsBeforeThePasswordIsChecked) {
  auto rows = fresh("bob", "192.0.2.7");
  int granted = 0;
  for (int i = 0; i < 10; ++i) granted += reserve(rows, k_start) == 0 ? 1 : 0;
  EXPECT_EQ(granted, 3);
  for (const auto& k : rows) EXPECT_EQ(k.in_flight, 3) << k.key;
  EXPECT_EQ(reserve(rows, k_start), 1) << "refused while the others are being checked";
}

TEST(LoginThrottleRule, FailuresStartADelayAndTheOutcomeSaysWhatToAudit) {
  auto rows = fresh("carol", "192.0.2.8");
  Millis now = k_start;
  std::vector<long> delays;
  std::vector<std::size_t> audited;
  for (int i = 0; i < 5; ++i) {
    ASSERT_EQ(reserve(rows, now), 0) << i;
    auto out = failed(rows, now);
    delays.push_back(out.delay_seconds);
    audited.push_back(out.failures);
    now += out.delay_seconds * 1000;
  }
  EXPECT_EQ(delays, (std::vector<long>{0, 0, 5, 10, 20}));
  // The first failure, then the ones that start or lengthen the delay (with those before).
  EXPECT_EQ(audited, (std::vector<std::size_t>{1, 0, 2, 1, 1}));
  EXPECT_EQ(reserve(rows, now - 1), 1) << "the delay runs";
  EXPECT_EQ(reserve(rows, now - 5'000), 5);
}

TEST(LoginThrottleRule, ASuccessClearsThePairOnly) {
  auto rows = fresh("dan", "192.0.2.9");
  for (int i = 0; i < 2; ++i) {
    ASSERT_EQ(reserve(rows, k_start), 0);
    failed(rows, k_start);
  }
  ASSERT_EQ(reserve(rows, k_start), 0);
  auto out = succeeded(rows, k_start);
  EXPECT_EQ(out.failures, 1u) << "the second failure was not recorded yet";
  EXPECT_EQ(rows[0].failures, 2) << "the name keeps its failures";
  EXPECT_EQ(rows[1].failures, 2) << "the address keeps its failures";
  EXPECT_EQ(rows[2].failures, 0);
  EXPECT_TRUE(says_nothing(rows[2], k_start)) << "the pair's row can go";
  EXPECT_FALSE(says_nothing(rows[0], k_start));
}

TEST(LoginThrottleRule, AnAbandonedCheckCountsNothing) {
  auto rows = fresh("erin", "192.0.2.10");
  ASSERT_EQ(reserve(rows, k_start), 0);
  abandoned(rows, k_start);
  for (const auto& k : rows) {
    EXPECT_EQ(k.in_flight, 0);
    EXPECT_EQ(k.failures, 0);
    EXPECT_TRUE(says_nothing(k, k_start));
  }
}

TEST(LoginThrottleRule, AReservationNeverFinishedStopsCountingAfterItsLifetime) {
  auto rows = fresh("fay", "192.0.2.11");
  for (int i = 0; i < 3; ++i) {
    ASSERT_EQ(reserve(rows, k_start), 0);
    failed(rows, k_start);
  }
  Millis now = k_start + 5'000;
  ASSERT_EQ(reserve(rows, now), 0);  // its process dies
  EXPECT_EQ(reserve(rows, now + k_reservation_lifetime - 1), 1);
  EXPECT_FALSE(says_nothing(rows[2], now + k_reservation_lifetime - 1));
  EXPECT_EQ(reserve(rows, now + k_reservation_lifetime), 0);
  // The late answer of an expired reservation does not undo the live one's count.
  auto later = now + k_reservation_lifetime;
  for (const auto& k : rows) EXPECT_EQ(k.in_flight, 1) << k.key;
  abandoned(rows, later);
  for (const auto& k : rows) EXPECT_EQ(k.in_flight, 0) << k.key;
}

TEST(LoginThrottleRule, CountsAreForgottenAnHourAfterTheLastFailure) {
  auto rows = fresh("gus", "192.0.2.12");
  for (int i = 0; i < 3; ++i) {
    ASSERT_EQ(reserve(rows, k_start), 0);
    failed(rows, k_start);
  }
  EXPECT_FALSE(forgettable(rows[2], k_start + k_forget_after));
  EXPECT_TRUE(forgettable(rows[2], k_start + k_forget_after + 1));
  auto later = k_start + k_forget_after + 1;
  ASSERT_EQ(reserve(rows, later), 0);
  EXPECT_EQ(rows[2].failures, 0) << "started afresh";
  EXPECT_FALSE(forgettable(rows[2], later)) << "in flight";
  // A delay that runs longer than the hour keeps the key.
  KeyState capped{"pair:x 192.0.2.1", 20, 0, 0, k_start + 2 * k_forget_after, k_start};
  EXPECT_FALSE(forgettable(capped, k_start + k_forget_after + 1));
}

}  // namespace
}  // namespace cyberframe::core::throttle
