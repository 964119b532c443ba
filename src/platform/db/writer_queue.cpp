#include "platform/db/writer_queue.hpp"

namespace termintreu::platform::db {

bool WriterQueue::acquire(std::chrono::milliseconds patience) {
  std::unique_lock lock(mutex_);
  const std::uint64_t ticket = next_ticket_++;
  if (serving_ == ticket) return true;
  std::condition_variable turn;
  waiting_.emplace(ticket, &turn);
  const bool got = turn.wait_for(lock, patience, [&] { return serving_ == ticket; });
  waiting_.erase(ticket);
  if (!got) gave_up_.insert(ticket);
  return got;
}

void WriterQueue::release() {
  std::lock_guard lock(mutex_);
  ++serving_;
  while (gave_up_.erase(serving_) == 1) ++serving_;
  // Notified under the lock: the waiter cannot leave (and take its condition with it) before this returns.
  if (const auto next = waiting_.find(serving_); next != waiting_.end()) next->second->notify_one();
}

std::size_t WriterQueue::waiting() {
  std::lock_guard lock(mutex_);
  return waiting_.size();
}

}  // namespace termintreu::platform::db
