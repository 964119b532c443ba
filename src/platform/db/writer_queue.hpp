#pragma once
// A first-come, first-served lock with a timeout: the writers of one process take turns on SQLite's single write
// lock in the order they asked. (A plain mutex lets the thread that just let go take it again at once, so a busy
// thread could make another wait many turns: the slowest percent of requests.)
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <set>

namespace termintreu::platform::db {

class WriterQueue {
 public:
  // False when the turn did not come within `patience` (the place in the queue is given up).
  bool acquire(std::chrono::milliseconds patience);
  void release();
  // How many are in the queue behind the holder (for the metrics and the tests).
  std::size_t waiting();

 private:
  std::mutex mutex_;
  std::uint64_t next_ticket_ = 0;
  std::uint64_t serving_ = 0;
  // Each waiter sleeps on its own condition, so a release wakes the next in line only, not the whole queue.
  std::map<std::uint64_t, std::condition_variable*> waiting_;
  std::set<std::uint64_t> gave_up_;  // tickets whose holders left the queue: skipped when their turn comes
};

// Holds a turn of a WriterQueue until it goes (an empty one holds nothing).
class WriterTurn {
 public:
  WriterTurn() = default;
  explicit WriterTurn(WriterQueue& queue) : queue_(&queue) {}
  ~WriterTurn() {
    if (queue_ != nullptr) queue_->release();
  }
  WriterTurn(WriterTurn&& other) noexcept : queue_(other.queue_) { other.queue_ = nullptr; }
  WriterTurn(const WriterTurn&) = delete;
  WriterTurn& operator=(const WriterTurn&) = delete;
  WriterTurn& operator=(WriterTurn&&) = delete;

 private:
  WriterQueue* queue_ = nullptr;
};

}  // namespace termintreu::platform::db
