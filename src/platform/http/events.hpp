#pragma once
// Server-sent events: features publish to topics ("agency:12"), each open /api/events stream holds one
// subscription. No Asio here: the server wakes its stream through the notifier callback.
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace termintreu::platform::http {

struct Event {
  std::uint64_t id = 0;  // increases with every publish of the hub, so also within one subscription
  std::string name;      // the SSE "event:" field
  std::string data;      // JSON text on a single line
};

class EventSubscription {
 public:
  EventSubscription(std::vector<std::string> topics, std::size_t capacity);
  EventSubscription(const EventSubscription&) = delete;
  EventSubscription& operator=(const EventSubscription&) = delete;

  const std::vector<std::string>& topics() const { return topics_; }

  // Everything queued so far, oldest first; empty when nothing is waiting.
  std::vector<Event> take();
  bool has_pending() const;
  // Closed by close(), by EventHub::close_all(), or because the reader fell behind by more than the capacity:
  // a slow client is dropped (it reconnects) rather than buffering without bound.
  bool closed() const;
  bool overflowed() const;
  void close();

  // Called after every push and on close, on the publisher's thread and under this subscription's lock: it must
  // only hand the wake-up to its own executor (asio::post), never block or call back into the subscription.
  // Set an empty function to detach.
  void set_notifier(std::function<void()> notifier);

 private:
  friend class EventHub;
  void push(const Event& event);

  const std::vector<std::string> topics_;
  const std::size_t capacity_;
  mutable std::mutex mutex_;
  std::deque<Event> queue_;
  bool closed_ = false;
  bool overflowed_ = false;
  std::function<void()> notifier_;
};

class EventHub {
 public:
  static constexpr std::size_t kDefaultCapacity = 256;

  explicit EventHub(std::size_t capacity_per_subscriber = kDefaultCapacity);

  // The hub holds subscriptions weakly: dropping the returned pointer unsubscribes.
  std::shared_ptr<EventSubscription> subscribe(std::vector<std::string> topics);
  // Delivers to this hub's subscribers and hands the event to the relay, if one is set.
  void publish(std::string_view topic, std::string_view name, const nlohmann::json& data);

  // Several server processes: the relay (platform/db/pg_event_relay.hpp) gets every event published here and
  // brings the other processes' events in through deliver_relayed, which does not relay them again. `data` is the
  // event's JSON text. Set before serving; an empty function detaches.
  using Relay = std::function<void(std::string_view topic, std::string_view name, const std::string& data)>;
  void set_relay(Relay relay);
  void deliver_relayed(std::string_view topic, std::string_view name, std::string_view data);
  std::size_t subscribers() const;  // open subscriptions
  void close_all();

 private:
  void deliver(std::string_view topic, std::string_view name, std::string data);
  // Drops expired and closed entries; mutex_ held.
  void prune();

  const std::size_t capacity_;
  mutable std::mutex mutex_;
  std::uint64_t next_id_ = 1;
  std::vector<std::weak_ptr<EventSubscription>> subscriptions_;
  Relay relay_;
};

}  // namespace termintreu::platform::http
