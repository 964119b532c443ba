// Live events across two server processes on one database: on PostgreSQL an event published in one process reaches
// the other's subscribers once, and never comes back to its own; SQLite (one process) gets no relay.
#include <thread>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "platform/db/pg_event_relay.hpp"
#include "store_fixture.hpp"

namespace termintreu::platform::db {
namespace {

using std::chrono::steady_clock;

class EventRelayTest : public testing::StoreTest {};

// Waits until `condition` holds or `timeout` passes; returns whether it held.
template <class Condition>
bool eventually(Condition condition, std::chrono::seconds timeout = std::chrono::seconds{15}) {
  const auto deadline = steady_clock::now() + timeout;
  while (steady_clock::now() < deadline) {
    if (condition()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds{20});
  }
  return condition();
}

TEST_F(EventRelayTest, CarriesEventsToTheOtherProcessOnlyOnPostgresql) {
  http::EventHub hub_a, hub_b;
  auto other = open_another();
  auto relay_a = start_event_relay(db(), hub_a);
  auto relay_b = start_event_relay(*other, hub_b);
  if (is_sqlite()) {
    EXPECT_EQ(relay_a, nullptr);
    EXPECT_EQ(relay_b, nullptr);
    return;
  }
  ASSERT_NE(relay_a, nullptr);
  ASSERT_NE(relay_b, nullptr);
  ASSERT_TRUE(eventually([&] { return relay_a->listening() && relay_b->listening(); }));
  const auto seen_by_a = hub_a.subscribe({"agency:1"});
  const auto seen_by_b = hub_b.subscribe({"agency:1"});

  hub_a.publish("agency:1", "calling", {{"change", "agent"}, {"user_id", 7}});
  std::vector<http::Event> at_b;
  ASSERT_TRUE(eventually([&] {
    for (auto& event : seen_by_b->take()) at_b.push_back(std::move(event));
    return !at_b.empty();
  }));
  ASSERT_EQ(at_b.size(), 1U);
  EXPECT_EQ(at_b[0].name, "calling");
  EXPECT_EQ(nlohmann::json::parse(at_b[0].data), nlohmann::json({{"change", "agent"}, {"user_id", 7}}));

  // B answers; by the time it reaches A, A's own notification (sent earlier) has come back and been skipped.
  hub_b.publish("agency:1", "mail", {{"id", 3}});
  std::vector<http::Event> at_a;
  ASSERT_TRUE(eventually([&] {
    for (auto& event : seen_by_a->take()) at_a.push_back(std::move(event));
    return at_a.size() >= 2;
  }));
  ASSERT_EQ(at_a.size(), 2U);
  EXPECT_EQ(at_a[0].name, "calling");  // its own, delivered locally at once
  EXPECT_EQ(at_a[1].name, "mail");
  EXPECT_EQ(seen_by_b->take().size(), 1U);  // its own "mail", delivered locally
}

}  // namespace
}  // namespace termintreu::platform::db
