#include "platform/log.hpp"

#include <array>
#include <memory>
#include <mutex>
#include <stdexcept>

#include <fmt/format.h>
#include <sodium.h>
#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

namespace termintreu::platform {

namespace {

thread_local std::string current_id;

class RequestIdFlag final : public spdlog::custom_flag_formatter {
 public:
  void format(const spdlog::details::log_msg&, const std::tm&, spdlog::memory_buf_t& dest) override {
    const std::string_view id = current_request_id();
    dest.append(id.data(), id.data() + id.size());
  }
  std::unique_ptr<custom_flag_formatter> clone() const override { return std::make_unique<RequestIdFlag>(); }
};

}  // namespace

void init_logging(std::string_view level) {
  init_logging(level, std::make_shared<spdlog::sinks::stdout_sink_mt>());
}

void init_logging(std::string_view level, std::shared_ptr<spdlog::sinks::sink> sink) {
  const auto parsed = spdlog::level::from_str(std::string(level));
  // from_str answers "off" for anything it does not know, which would silence a typo'd configuration.
  if (parsed == spdlog::level::off && level != "off") {
    throw std::invalid_argument(fmt::format("unknown log level '{}'", level));
  }
  auto logger = std::make_shared<spdlog::logger>("termintreu", std::move(sink));
  auto formatter = std::make_unique<spdlog::pattern_formatter>(spdlog::pattern_time_type::utc);
  formatter->add_flag<RequestIdFlag>('*').set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %l [%*] %v");
  logger->set_formatter(std::move(formatter));
  logger->set_level(parsed);
  logger->flush_on(spdlog::level::warn);
  spdlog::set_default_logger(std::move(logger));
}

std::string new_request_id() {
  static std::once_flag initialised;
  std::call_once(initialised, [] {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
  });
  // One getrandom() call per 64 ids instead of one per request; the bytes are as random as before.
  constexpr std::size_t kIdBytes = 12;
  thread_local std::array<unsigned char, kIdBytes * 64> pool{};
  thread_local std::size_t used = pool.size();
  if (used == pool.size()) {
    randombytes_buf(pool.data(), pool.size());
    used = 0;
  }
  std::array<char, sodium_base64_ENCODED_LEN(kIdBytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING)> text{};
  sodium_bin2base64(text.data(), text.size(), pool.data() + used, kIdBytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  used += kIdBytes;
  return std::string(text.data());
}

std::string_view current_request_id() {
  return current_id.empty() ? std::string_view("-") : std::string_view(current_id);
}

RequestIdScope::RequestIdScope(std::string request_id) : previous_(std::exchange(current_id, std::move(request_id))) {}

RequestIdScope::~RequestIdScope() {
  current_id = std::move(previous_);
}

}  // namespace termintreu::platform
