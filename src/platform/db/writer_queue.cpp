#include "platform/db/writer_queue.hpp"

namespace termintreu::platform::db {

bool WriterQueue::acquire(std::chrono::milliseconds patience) {
  std::unique_lock lock(mutex_);
  const std::uint64_t ticket = next_ticket_++;
  if (serving_ == ticket) return true;
  ++waiting_;
  const bool got = turn_.wait_for(lock, patience, [&] { return serving_ == ticket; });
  --waiting_;
  if (!got) gave_up_.insert(ticket);
  return got;
}

std::size_t WriterQueue::waiting() {
  std::lock_guard lock(mutex_);
  return waiting_;
}

void WriterQueue::release() {
  {
    std::lock_guard lock(mutex_);
    ++serving_;
    while (gave_up_.erase(serving_) == 1) ++serving_;
  }
  turn_.notify_all();
}

}  // namespace termintreu::platform::db
