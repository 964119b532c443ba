#include "platform/http/events.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace termintreu::platform::http {

EventSubscription::EventSubscription(std::vector<std::string> topics, std::size_t capacity)
    : topics_(std::move(topics)), capacity_(std::max<std::size_t>(capacity, 1)) {}

std::vector<Event> EventSubscription::take() {
  const std::lock_guard lock(mutex_);
  std::vector<Event> events(std::make_move_iterator(queue_.begin()), std::make_move_iterator(queue_.end()));
  queue_.clear();
  return events;
}

bool EventSubscription::has_pending() const {
  const std::lock_guard lock(mutex_);
  return !queue_.empty();
}

bool EventSubscription::closed() const {
  const std::lock_guard lock(mutex_);
  return closed_;
}

bool EventSubscription::overflowed() const {
  const std::lock_guard lock(mutex_);
  return overflowed_;
}

void EventSubscription::close() {
  const std::lock_guard lock(mutex_);
  if (closed_) return;
  closed_ = true;
  if (notifier_) notifier_();
}

void EventSubscription::set_notifier(std::function<void()> notifier) {
  // Under the lock so that once an empty notifier is set, no call of the old one can still be running.
  const std::lock_guard lock(mutex_);
  notifier_ = std::move(notifier);
}

void EventSubscription::push(const Event& event) {
  const std::lock_guard lock(mutex_);
  if (closed_) return;
  if (queue_.size() >= capacity_) {
    // The client would miss events anyway; closing makes EventSource reconnect and reload its state.
    closed_ = true;
    overflowed_ = true;
    queue_.clear();
  } else {
    queue_.push_back(event);
  }
  if (notifier_) notifier_();
}

EventHub::EventHub(std::size_t capacity_per_subscriber) : capacity_(capacity_per_subscriber) {}

std::shared_ptr<EventSubscription> EventHub::subscribe(std::vector<std::string> topics) {
  auto subscription = std::make_shared<EventSubscription>(std::move(topics), capacity_);
  const std::lock_guard lock(mutex_);
  prune();
  subscriptions_.push_back(subscription);
  return subscription;
}

void EventHub::publish(std::string_view topic, std::string_view name, const nlohmann::json& data) {
  const std::string text = data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  deliver(topic, name, text);
  Relay relay;
  {
    const std::lock_guard lock(mutex_);
    relay = relay_;
  }
  if (relay) relay(topic, name, text);
}

void EventHub::deliver_relayed(std::string_view topic, std::string_view name, std::string_view data) {
  deliver(topic, name, std::string(data));
}

void EventHub::set_relay(Relay relay) {
  const std::lock_guard lock(mutex_);
  relay_ = std::move(relay);
}

void EventHub::deliver(std::string_view topic, std::string_view name, std::string data) {
  Event event;
  // A line break in the name would end the SSE field early and let the rest pose as another field.
  std::copy_if(name.begin(), name.end(), std::back_inserter(event.name), [](char c) { return c != '\n' && c != '\r'; });
  event.data = std::move(data);

  // Pushing under the hub's lock keeps ids increasing within every subscription even with concurrent publishers.
  const std::lock_guard lock(mutex_);
  event.id = next_id_++;
  bool stale = false;
  for (const auto& weak : subscriptions_) {
    const auto subscription = weak.lock();
    if (!subscription) {
      stale = true;
      continue;
    }
    const auto& topics = subscription->topics();
    if (std::find(topics.begin(), topics.end(), topic) != topics.end()) subscription->push(event);
  }
  if (stale) prune();
}

std::size_t EventHub::subscribers() const {
  const std::lock_guard lock(mutex_);
  return static_cast<std::size_t>(std::count_if(subscriptions_.begin(), subscriptions_.end(), [](const auto& weak) {
    const auto subscription = weak.lock();
    return subscription && !subscription->closed();
  }));
}

void EventHub::close_all() {
  const std::lock_guard lock(mutex_);
  for (const auto& weak : subscriptions_) {
    if (const auto subscription = weak.lock()) subscription->close();
  }
  subscriptions_.clear();
}

void EventHub::prune() {
  std::erase_if(subscriptions_, [](const auto& weak) {
    const auto subscription = weak.lock();
    return !subscription || subscription->closed();
  });
}

}  // namespace termintreu::platform::http
