#include "platform/http/events.hpp"

#include <atomic>
#include <thread>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace termintreu::platform::http {
namespace {

TEST(EventHub, DeliversOnlySubscribedTopicsWithIncreasingIds) {
  EventHub hub;
  const auto twelve = hub.subscribe({"agency:12"});
  const auto both = hub.subscribe({"agency:12", "agency:13"});
  hub.publish("agency:12", "user.changed", {{"id", 1}});
  hub.publish("agency:13", "client.changed", {{"id", 2}});
  hub.publish("agency:14", "client.changed", {{"id", 3}});

  const auto first = twelve->take();
  ASSERT_EQ(first.size(), 1U);
  EXPECT_EQ(first[0].name, "user.changed");
  EXPECT_EQ(nlohmann::json::parse(first[0].data), nlohmann::json({{"id", 1}}));

  const auto second = both->take();
  ASSERT_EQ(second.size(), 2U);
  EXPECT_LT(second[0].id, second[1].id);
  EXPECT_EQ(second[1].name, "client.changed");
  EXPECT_TRUE(both->take().empty());
}

TEST(EventHub, DroppingTheSubscriptionUnsubscribes) {
  EventHub hub;
  auto subscription = hub.subscribe({"t"});
  EXPECT_EQ(hub.subscribers(), 1U);
  subscription.reset();
  EXPECT_EQ(hub.subscribers(), 0U);
  hub.publish("t", "e", nullptr);  // must not touch the expired subscription
}

TEST(EventHub, OverflowClosesInsteadOfGrowing) {
  EventHub hub(3);
  const auto subscription = hub.subscribe({"t"});
  for (int i = 0; i < 3; ++i) hub.publish("t", "e", i);
  EXPECT_FALSE(subscription->closed());
  hub.publish("t", "e", 3);
  EXPECT_TRUE(subscription->closed());
  EXPECT_TRUE(subscription->overflowed());
  EXPECT_TRUE(subscription->take().empty());
  EXPECT_EQ(hub.subscribers(), 0U);
}

TEST(EventHub, NotifierRunsOnPublishAndClose) {
  EventHub hub;
  const auto subscription = hub.subscribe({"t"});
  int calls = 0;
  subscription->set_notifier([&calls] { ++calls; });
  hub.publish("t", "e", 1);
  hub.publish("other", "e", 1);
  EXPECT_EQ(calls, 1);
  EXPECT_TRUE(subscription->has_pending());
  hub.close_all();
  EXPECT_EQ(calls, 2);
  EXPECT_TRUE(subscription->closed());
  subscription->set_notifier({});
  subscription->close();
  EXPECT_EQ(calls, 2);
}

TEST(EventHub, EventNamesCannotInjectFields) {
  EventHub hub;
  const auto subscription = hub.subscribe({"t"});
  hub.publish("t", "name\ndata: forged\r", "x\ny");
  const auto events = subscription->take();
  ASSERT_EQ(events.size(), 1U);
  EXPECT_EQ(events[0].name, "namedata: forged");
  EXPECT_EQ(events[0].data.find('\n'), std::string::npos);
}

TEST(EventHub, ConcurrentPublishersKeepIdsIncreasingPerSubscriber) {
  EventHub hub(100000);
  const auto subscription = hub.subscribe({"t"});
  std::vector<std::thread> publishers;
  for (int p = 0; p < 4; ++p) {
    publishers.emplace_back([&hub] {
      for (int i = 0; i < 1000; ++i) hub.publish("t", "e", i);
    });
  }
  std::vector<Event> received;
  for (auto& publisher : publishers) publisher.join();
  received = subscription->take();
  ASSERT_EQ(received.size(), 4000U);
  for (std::size_t i = 1; i < received.size(); ++i) ASSERT_LT(received[i - 1].id, received[i].id);
}

TEST(EventHub, RelaysWhatItPublishesButNotWhatItIsRelayed) {
  EventHub hub;
  const auto local = hub.subscribe({"agency:1"});
  std::vector<std::string> relayed;
  hub.set_relay([&](std::string_view topic, std::string_view name, const std::string& data) {
    relayed.push_back(std::string(topic) + " " + std::string(name) + " " + data);
  });
  hub.publish("agency:1", "calling", {{"change", "agent"}});
  hub.deliver_relayed("agency:1", "mail", R"({"id":7})");
  ASSERT_EQ(relayed.size(), 1U);
  EXPECT_EQ(relayed[0], R"(agency:1 calling {"change":"agent"})");
  const auto events = local->take();
  ASSERT_EQ(events.size(), 2U);
  EXPECT_EQ(events[1].name, "mail");
  EXPECT_EQ(events[1].data, R"({"id":7})");
}

}  // namespace
}  // namespace termintreu::platform::http
