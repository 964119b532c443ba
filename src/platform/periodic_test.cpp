#include "platform/periodic.hpp"

#include <condition_variable>
#include <stdexcept>

#include <gtest/gtest.h>

namespace termintreu::platform {
namespace {

TEST(Periodic, RunsTheTaskAgainAfterItThrewAndStopsWhenAsked) {
  std::mutex mutex;
  std::condition_variable ran;
  int runs = 0;
  Periodic periodic("test", std::chrono::milliseconds{1}, [&] {
    {
      std::lock_guard lock(mutex);
      ++runs;
    }
    ran.notify_all();
    throw std::runtime_error("the database is away");
  });
  {
    std::unique_lock lock(mutex);
    ran.wait(lock, [&] { return runs >= 3; });
  }
  periodic.stop();  // joins the thread: returns only once the loop has ended
  SUCCEED();
}

}  // namespace
}  // namespace termintreu::platform
