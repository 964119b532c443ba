#include "identity/sign_in_throttle.hpp"

#include <gtest/gtest.h>

namespace termintreu::identity {
namespace {

constexpr std::int64_t kMinute = 60'000'000;
const ThrottlePolicy kPolicy{3, std::chrono::minutes(10), std::chrono::minutes(15)};

TEST(SignInThrottle, LocksAfterTheLimitWithinTheWindow) {
  std::optional<FailureState> state;
  std::int64_t now = 1000 * kMinute;
  for (int i = 0; i < 2; ++i) {
    state = after_failure(state, now, kPolicy);
    EXPECT_FALSE(lock_expiry(state, now)) << "failure " << i + 1;
    now += kMinute;
  }
  state = after_failure(state, now, kPolicy);
  ASSERT_TRUE(lock_expiry(state, now));
  EXPECT_EQ(*lock_expiry(state, now), now + 15 * kMinute);
  EXPECT_TRUE(lock_expiry(state, now + 15 * kMinute - 1));
  EXPECT_FALSE(lock_expiry(state, now + 15 * kMinute));
}

TEST(SignInThrottle, FailuresOutsideTheWindowStartAfresh) {
  std::optional<FailureState> state;
  std::int64_t now = 1000 * kMinute;
  state = after_failure(state, now, kPolicy);
  state = after_failure(state, now + kMinute, kPolicy);
  now += 11 * kMinute;  // the window of the first failure has passed
  state = after_failure(state, now, kPolicy);
  EXPECT_EQ(state->failures, 1);
  EXPECT_FALSE(lock_expiry(state, now));
}

TEST(SignInThrottle, AfterALockoutOneFailureDoesNotLockAgain) {
  std::optional<FailureState> state;
  std::int64_t now = 1000 * kMinute;
  for (int i = 0; i < 3; ++i) state = after_failure(state, now, kPolicy);
  now += 16 * kMinute;
  state = after_failure(state, now, kPolicy);
  EXPECT_FALSE(lock_expiry(state, now));
}

}  // namespace
}  // namespace termintreu::identity
