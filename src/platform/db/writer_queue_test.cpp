#include "platform/db/writer_queue.hpp"

#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace termintreu::platform::db {
namespace {

using std::chrono::milliseconds;

// Waits (without a deadline: a hang is a failure CTest reports) until `count` threads queue behind the holder.
void wait_for_queue(WriterQueue& queue, std::size_t count) {
  while (queue.waiting() != count) std::this_thread::yield();
}

TEST(WriterQueue, TurnsComeInTheOrderAsked) {
  WriterQueue queue;
  ASSERT_TRUE(queue.acquire(milliseconds(1000)));
  std::mutex mutex;
  std::vector<int> order;
  std::vector<std::thread> writers;
  for (int i = 0; i < 5; ++i) {
    writers.emplace_back([&, i] {
      ASSERT_TRUE(queue.acquire(milliseconds(60'000)));
      {
        std::lock_guard lock(mutex);
        order.push_back(i);
      }
      queue.release();
    });
    wait_for_queue(queue, static_cast<std::size_t>(i) + 1);  // writer i asked before writer i + 1
  }
  queue.release();
  for (auto& w : writers) w.join();
  EXPECT_EQ(order, (std::vector<int>{0, 1, 2, 3, 4}));
}

TEST(WriterQueue, OneWhoGaveUpIsSkipped) {
  WriterQueue queue;
  ASSERT_TRUE(queue.acquire(milliseconds(1000)));
  EXPECT_FALSE(queue.acquire(milliseconds(10))) << "the holder keeps the turn";
  std::atomic<bool> got{false};
  std::thread later([&] {
    got = queue.acquire(milliseconds(60'000));
    if (got) queue.release();
  });
  wait_for_queue(queue, 1);
  queue.release();
  later.join();
  EXPECT_TRUE(got) << "the ticket given up must not block the next one";
  EXPECT_TRUE(queue.acquire(milliseconds(0))) << "free again";
  queue.release();
}

TEST(WriterTurn, ReleasesWhenItGoes) {
  WriterQueue queue;
  {
    ASSERT_TRUE(queue.acquire(milliseconds(0)));
    WriterTurn turn(queue);
    WriterTurn moved(std::move(turn));
    EXPECT_FALSE(queue.acquire(milliseconds(0)));
  }
  EXPECT_TRUE(queue.acquire(milliseconds(0)));
  queue.release();
}

}  // namespace
}  // namespace termintreu::platform::db
