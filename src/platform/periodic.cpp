#include "platform/periodic.hpp"

#include <exception>

#include <spdlog/spdlog.h>

namespace termintreu::platform {

Periodic::Periodic(std::string name, std::chrono::milliseconds interval, std::function<void()> task)
    : name_(std::move(name)), interval_(interval), task_(std::move(task)), thread_([this] { loop(); }) {}

Periodic::~Periodic() { stop(); }

void Periodic::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void Periodic::loop() {
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, interval_, [this] { return stopping_; })) {
    lock.unlock();
    try {
      task_();
    } catch (const std::exception& e) {
      spdlog::error("{} failed: {}", name_, e.what());
    }
    lock.lock();
  }
}

}  // namespace termintreu::platform
