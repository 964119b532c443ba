#include "identity/session_cache.hpp"

#include <gtest/gtest.h>

namespace termintreu::identity {
namespace {

using std::chrono::hours;
using std::chrono::milliseconds;
using std::chrono::seconds;

const platform::TimePoint kStart = platform::TimePoint(std::chrono::sys_days(std::chrono::year(2026) / 3 / 2));

session_store::ActiveSession session(std::int64_t session_id, std::int64_t user_id, std::int64_t expires_at) {
  session_store::ActiveSession out;
  out.principal.agency_id = 1;
  out.principal.user_id = user_id;
  out.principal.session_id = session_id;
  out.principal.csrf_token = "csrf-" + std::to_string(session_id);
  out.expires_at = expires_at;
  return out;
}

class SessionCacheTest : public testing::Test {
 protected:
  std::int64_t in(std::chrono::microseconds from_now) { return platform::to_micros(clock_.now() + from_now); }
  void put(const std::string& hash, std::int64_t session_id, std::int64_t user_id) {
    cache_.put(hash, session(session_id, user_id, in(hours(12))), cache_.generation());
  }

  platform::FakeClock clock_{kStart};
  SessionCache cache_{clock_, SessionCacheSettings{seconds(2), 3}};
};

TEST_F(SessionCacheTest, AnswersWithTheStoredSessionWithinTheTtl) {
  EXPECT_FALSE(cache_.find("h1"));
  put("h1", 10, 100);
  clock_.advance(milliseconds(1999));
  const auto found = cache_.find("h1");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->principal.session_id, 10);
  EXPECT_EQ(found->principal.csrf_token, "csrf-10");
  EXPECT_FALSE(cache_.find("h2"));
}

TEST_F(SessionCacheTest, ForgetsEntriesOnceTheTtlHasPassed) {
  put("h1", 10, 100);
  clock_.advance(seconds(2));
  EXPECT_FALSE(cache_.find("h1"));
}

TEST_F(SessionCacheTest, NeverOutlivesTheSessionItself) {
  cache_.put("h1", session(10, 100, in(milliseconds(500))), cache_.generation());
  EXPECT_TRUE(cache_.find("h1"));
  clock_.advance(milliseconds(500));
  EXPECT_FALSE(cache_.find("h1"));
}

TEST_F(SessionCacheTest, AClockGoingBackwardsMakesEntriesStale) {
  put("h1", 10, 100);
  clock_.set(kStart - seconds(1));
  EXPECT_FALSE(cache_.find("h1"));
}

TEST_F(SessionCacheTest, ForgettingASessionDropsOnlyThatSession) {
  put("h1", 10, 100);
  put("h2", 11, 100);
  cache_.forget_session(10);
  EXPECT_FALSE(cache_.find("h1"));
  EXPECT_TRUE(cache_.find("h2"));
}

TEST_F(SessionCacheTest, ForgettingAUserDropsAllTheirSessions) {
  put("h1", 10, 100);
  put("h2", 11, 100);
  put("h3", 12, 200);
  cache_.forget_user(100);
  EXPECT_FALSE(cache_.find("h1"));
  EXPECT_FALSE(cache_.find("h2"));
  EXPECT_TRUE(cache_.find("h3"));
}

TEST_F(SessionCacheTest, ALookupThatRacedWithAnEndedSessionIsNotCached) {
  // The request read the session from the database, then the session ended, then the request tries to cache it.
  const auto before_read = cache_.generation();
  cache_.forget_user(100);
  cache_.put("h1", session(10, 100, in(hours(12))), before_read);
  EXPECT_FALSE(cache_.find("h1"));
  put("h1", 10, 100);
  EXPECT_TRUE(cache_.find("h1")) << "a lookup that started after the end is cached as usual";
}

TEST_F(SessionCacheTest, StaysWithinItsCapacity) {
  put("h1", 10, 100);
  put("h2", 11, 100);
  put("h3", 12, 100);
  put("h4", 13, 100);
  EXPECT_EQ(cache_.size(), 3u);
  EXPECT_FALSE(cache_.find("h4")) << "a full cache of fresh entries takes no more";
  put("h1", 10, 100);
  EXPECT_TRUE(cache_.find("h1")) << "refreshing a present entry is always allowed";
  clock_.advance(seconds(3));
  put("h4", 13, 100);
  EXPECT_TRUE(cache_.find("h4")) << "stale entries make room";
  EXPECT_EQ(cache_.size(), 1u);
}

TEST_F(SessionCacheTest, AZeroTtlCachesNothing) {
  SessionCache off(clock_, SessionCacheSettings{seconds(0), 10});
  off.put("h1", session(10, 100, in(hours(12))), off.generation());
  EXPECT_FALSE(off.find("h1"));
}

}  // namespace
}  // namespace termintreu::identity
