#pragma once
// Logging on spdlog. Every line carries the id of the request being served on this thread, so the lines of one
// request can be found again from the X-Request-Id a user reports.
#include <memory>
#include <string>
#include <string_view>

namespace spdlog::sinks {
class sink;
}

namespace termintreu::platform {

// Installs the default logger (stdout, synchronous: the request id lives in a thread_local, which an async
// logger would read on the wrong thread). level: trace, debug, info, warn, error, critical, off.
// Throws std::invalid_argument for an unknown level.
void init_logging(std::string_view level);
// The same with another sink than stdout (tests capture the lines).
void init_logging(std::string_view level, std::shared_ptr<spdlog::sinks::sink> sink);

// 16 URL-safe characters (96 random bits).
std::string new_request_id();

// "-" outside any RequestIdScope.
std::string_view current_request_id();

// Sets the current thread's request id for its lifetime. Must not live across a co_await: the coroutine may
// resume on another thread.
class RequestIdScope {
 public:
  explicit RequestIdScope(std::string request_id);
  ~RequestIdScope();
  RequestIdScope(const RequestIdScope&) = delete;
  RequestIdScope& operator=(const RequestIdScope&) = delete;

 private:
  std::string previous_;
};

}  // namespace termintreu::platform
