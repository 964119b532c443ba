#pragma once
// Time comes from here, never from std::chrono directly, so tests can move it forward without sleeping.
#include <atomic>
#include <chrono>
#include <cstdint>

namespace termintreu::platform {

using TimePoint = std::chrono::sys_time<std::chrono::microseconds>;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimePoint now() const = 0;
};

class SystemClock final : public Clock {
 public:
  TimePoint now() const override {
    return std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now());
  }
};

// The system clock moved forward by an offset. Only a test server (serve --test-clock) ever moves it, so browser
// tests can let callbacks fall due without waiting.
class OffsetClock final : public Clock {
 public:
  TimePoint now() const override { return SystemClock{}.now() + std::chrono::microseconds(offset_.load()); }
  void advance(std::chrono::microseconds by) { offset_ += by.count(); }

 private:
  std::atomic<std::int64_t> offset_{0};
};

class FakeClock final : public Clock {
 public:
  explicit FakeClock(TimePoint start) : micros_(start.time_since_epoch().count()) {}
  TimePoint now() const override { return TimePoint(std::chrono::microseconds(micros_.load())); }
  void advance(std::chrono::microseconds by) { micros_ += by.count(); }
  void set(TimePoint to) { micros_ = to.time_since_epoch().count(); }

 private:
  std::atomic<std::int64_t> micros_;
};

// Storage keeps times as integer microseconds since the Unix epoch (UTC) on both engines.
inline std::int64_t to_micros(TimePoint t) { return t.time_since_epoch().count(); }
inline TimePoint from_micros(std::int64_t us) { return TimePoint(std::chrono::microseconds(us)); }

}  // namespace termintreu::platform
